/**
 * "Where does the failing application run?": the client of the plan that an address stands for. The address (or
 * block) is looked up among the plan's own networks in the order the checker locates addresses: the server VNet
 * (one of its subnets, else the VNet as a whole), then the other VNets and then the on-premises sites, each in plan
 * order. A public address in none of them is an internet client. The client names its VNet, subnet or site as the
 * plan's name index resolves it, so that the checker follows the very network that holds the address.
 */
import {
  cidrRange,
  parseIPv4OrCidr,
  parseLooseCidrFast,
  rangeContains,
  rangesOverlap,
  specialUseOverlaps,
  type IpRange,
} from '../domain/ipv4';
import type { Client, Plan, PrivateAccess } from '../domain/plan';
import { planIndex } from '../domain/plan-index';

export type ClientFromAddress =
  | {
      readonly ok: true;
      readonly client: Client;
      /** Where the address is, in words: `subnet snet-app of the server VNet vnet-data`, `VNet vnet-app`. */
      readonly where: string;
      /** Dotted plan path of the network that holds it (`access.peeredVnets.1`); null for the internet. */
      readonly path: string | null;
      /** For an address in another VNet: the subnet of that VNet that holds it, when the plan lists it. */
      readonly subnet: string | null;
    }
  | { readonly ok: false; readonly message: string };

/** A range of the plan (CIDR text); a block written with host bits is read as the block that holds them. */
function rangeOf(text: string): IpRange | null {
  const parsed = parseLooseCidrFast(text);
  return parsed.ok ? cidrRange(parsed.value) : null;
}

/** How the range `inner` sits in the ranges `texts`: wholly inside one, across their edge, or outside. */
function placement(texts: readonly string[], inner: IpRange): 'inside' | 'partly' | 'outside' {
  let partly = false;
  for (const text of texts) {
    const range = rangeOf(text);
    if (range === null) continue;
    if (rangeContains(range, inner)) return 'inside';
    if (rangesOverlap(range, inner)) partly = true;
  }
  return partly ? 'partly' : 'outside';
}

const base = (name: string) =>
  ({ name, intent: 'mustReach', tlsVersion: 'TLSv1.2', connectsByIp: false }) as const satisfies Partial<Client>;

type Found = Extract<ClientFromAddress, { ok: true }>;
type Failure = Extract<ClientFromAddress, { ok: false }>;

const failure = (message: string): Failure => ({ ok: false, message });

const narrower = "give the application's own address, or a block inside one network.";

/** The name index resolves `name` to another object than the one holding the address (two share the name). */
const sharedName = (text: string, noun: string, name: string): Failure =>
  failure(
    `${text} is in ${noun} ${name}, but another ${noun} of the plan has the same name (names are compared ` +
      `without regard to case) and the checker would follow that one: rename one of them, then ask again.`,
  );

/** The client in the private networks of the plan, or undefined when the address is in none of them. */
function inPrivateNetworks(
  plan: Plan,
  access: PrivateAccess,
  text: string,
  range: IpRange,
  name: string,
): ClientFromAddress | undefined {
  const index = planIndex(plan);
  const server = access.vnet;
  const { name: delegatedName, prefix } = access.delegatedSubnet;
  const delegated = placement([prefix], range);
  if (delegated !== 'outside')
    return failure(
      `${text} ${delegated === 'inside' ? 'is in' : 'overlaps'} the delegated subnet ${delegatedName} (${prefix}), ` +
        'which only flexible servers may use (azure-facts.md §1.2): an application does not run there. Give the ' +
        "application's own address.",
    );
  const serverPlace = placement(server.addressSpaces, range);
  if (serverPlace === 'inside') {
    const i = server.subnets.findIndex((s) => placement([s.prefix], range) === 'inside');
    const subnet = server.subnets[i];
    if (subnet !== undefined) {
      if (index.subnet(subnet.name)?.subnet !== subnet) return sharedName(text, 'subnet', subnet.name);
      return {
        ok: true,
        client: { kind: 'serverVnet', ...base(name), subnet: subnet.name, address: text },
        where: `subnet ${subnet.name} of the server VNet ${server.name}`,
        path: `access.vnet.subnets.${i}`,
        subnet: null,
      };
    }
    // In the VNet but in none of the subnets the plan holds: the client stands for the VNet as a whole.
    return {
      ok: true,
      client: { kind: 'serverVnet', ...base(name), subnet: '', address: text },
      where: `the server VNet ${server.name}`,
      path: 'access.vnet',
      subnet: null,
    };
  }
  for (const [i, vnet] of access.peeredVnets.entries()) {
    const place = placement(vnet.addressSpaces, range);
    if (place === 'outside') continue;
    if (place === 'partly')
      return failure(`${text} is partly outside VNet ${vnet.name} (${vnet.addressSpaces.join(', ')}): ${narrower}`);
    if (index.vnet(vnet.name)?.vnet !== vnet) return sharedName(text, 'VNet', vnet.name);
    const subnet = vnet.subnets.find((s) => placement([s.prefix], range) === 'inside');
    return {
      ok: true,
      client: { kind: 'vnet', ...base(name), vnet: vnet.name, address: text },
      where: `VNet ${vnet.name}`,
      path: `access.peeredVnets.${i}`,
      subnet: subnet?.name ?? null,
    };
  }
  if (serverPlace === 'partly')
    return failure(
      `${text} is partly outside the server VNet ${server.name} (${server.addressSpaces.join(', ')}): ${narrower}`,
    );
  for (const [i, site] of access.onPremises.entries()) {
    const place = placement(site.addressRanges, range);
    if (place === 'outside') continue;
    if (place === 'partly')
      return failure(
        `${text} is partly outside the on-premises site ${site.name} (${site.addressRanges.join(', ')}): ${narrower}`,
      );
    if (index.site(site.name)?.site !== site) return sharedName(text, 'on-premises site', site.name);
    return {
      ok: true,
      client: { kind: 'onPremises', ...base(name), site: site.name, address: text },
      where: `the on-premises site ${site.name}`,
      path: `access.onPremises.${i}`,
      subnet: null,
    };
  }
  return undefined;
}

/** Why a private, loopback or link-local address can't be placed, and what to do. */
function notPlaced(plan: Plan, text: string, uses: readonly string[]): Failure {
  if (uses.includes('loopback') || uses.includes('link-local'))
    return failure(
      `${text} is a ${uses.includes('loopback') ? 'loopback' : 'link-local'} address, which never leaves its own ` +
        "machine or link: give the address the application's network gives it.",
    );
  if (plan.access.mode === 'public')
    return failure(
      `${text} is a private address, and the server has public access: the server sees the application's public ` +
        'address (its NAT gateway, firewall or proxy), so ask with that address.',
    );
  const rangeless = plan.access.onPremises.filter((s) => s.addressRanges.length === 0).map((s) => s.name);
  return failure(
    `${text} is a private address in none of the plan's networks: add the VNet or on-premises site it is in (with ` +
      'its address ranges), then ask again.' +
      (rangeless.length > 0
        ? ` The on-premises site${rangeless.length === 1 ? '' : 's'} ${rangeless.join(', ')} ` +
          `ha${rangeless.length === 1 ? 's' : 've'} no address ranges yet.`
        : ''),
  );
}

/**
 * The client at `address` (an IPv4 address or block), named `name` (default `application at ADDRESS`), or why the
 * plan has no place for it. The client must reach the server; its TLS version and how it names the server are the
 * planner's defaults.
 */
export function clientFromAddress(plan: Plan, address: string, name?: string): ClientFromAddress {
  const text = address.trim();
  const clientName = name ?? `application at ${text}`;
  const parsed = text.includes('/') ? parseLooseCidrFast(text) : parseIPv4OrCidr(text);
  if (!parsed.ok) return failure(`"${address}" is not an IPv4 address: ${parsed.error.message}`);
  const range = cidrRange(parsed.value);
  if (plan.access.mode === 'private') {
    const found = inPrivateNetworks(plan, plan.access, text, range, clientName);
    if (found !== undefined) return found;
  }
  const uses = specialUseOverlaps(range);
  if (uses.length > 0) return notPlaced(plan, text, uses);
  const internet: Found = {
    ok: true,
    client: { kind: 'internet', ...base(clientName), address: text, dynamicIp: false },
    where: 'the internet',
    path: null,
    subnet: null,
  };
  return internet;
}
