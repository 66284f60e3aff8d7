/**
 * "Where does the failing application run?": the client of the plan that an address stands for. The address is
 * looked up in the plan's own networks, most specific first: a subnet of the server VNet, another VNet, an
 * on-premises site; a public address is an internet client. The checker then follows that client's path.
 */
import { cidrRange, parseIPv4OrCidr, rangeContains, specialUseOverlaps, type IpRange } from '../domain/ipv4';
import type { Client, Plan } from '../domain/plan';

export type ClientFromAddress = { ok: true; client: Client; where: string } | { ok: false; message: string };

const inside = (text: string, range: IpRange): boolean => {
  const parsed = parseIPv4OrCidr(text);
  return parsed.ok && rangeContains(cidrRange(parsed.value), range);
};

const base = (name: string) =>
  ({ name, intent: 'mustReach', tlsVersion: 'TLSv1.2', connectsByIp: false }) as const satisfies Partial<Client>;

/** The client at `address` (an IPv4 address or CIDR), named `name`, or why the plan has no place for it. */
export function clientFromAddress(plan: Plan, address: string, name = 'failing-app'): ClientFromAddress {
  const text = address.trim();
  const parsed = parseIPv4OrCidr(text);
  if (!parsed.ok) return { ok: false, message: `"${address}" is not an IPv4 address: ${parsed.error.message}` };
  const range = cidrRange(parsed.value);
  const access = plan.access;
  if (access.mode === 'private') {
    const subnet = access.vnet.subnets.find((s) => inside(s.prefix, range));
    if (subnet !== undefined)
      return {
        ok: true,
        client: { kind: 'serverVnet', ...base(name), subnet: subnet.name, address: text },
        where: `subnet ${subnet.name} of the server VNet ${access.vnet.name}`,
      };
    if (inside(access.delegatedSubnet.prefix, range))
      return {
        ok: false,
        message:
          `${text} is in the delegated subnet ${access.delegatedSubnet.name}, which holds only flexible servers ` +
          '(azure-facts.md §1.2): an application there is not possible.',
      };
    if (access.vnet.addressSpaces.some((s) => inside(s, range)))
      return {
        ok: true,
        client: { kind: 'serverVnet', ...base(name), subnet: '', address: text },
        where: `the server VNet ${access.vnet.name}`,
      };
    const vnet = access.peeredVnets.find((v) => v.addressSpaces.some((s) => inside(s, range)));
    if (vnet !== undefined)
      return {
        ok: true,
        client: { kind: 'vnet', ...base(name), vnet: vnet.name, address: text },
        where: `VNet ${vnet.name}`,
      };
    const site = access.onPremises.find((s) => s.addressRanges.some((r) => inside(r, range)));
    if (site !== undefined)
      return {
        ok: true,
        client: { kind: 'onPremises', ...base(name), site: site.name, address: text },
        where: `on-premises site ${site.name}`,
      };
  }
  if (specialUseOverlaps(range).length > 0)
    return {
      ok: false,
      message:
        `${text} is a private address in none of the plan's networks: add the VNet or on-premises site it is in ` +
        '(with its address ranges), then ask again.',
    };
  return {
    ok: true,
    client: { kind: 'internet', ...base(name), address: text, dynamicIp: false },
    where: 'the internet',
  };
}
