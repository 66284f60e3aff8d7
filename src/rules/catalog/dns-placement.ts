/**
 * Where each custom DNS server of the plan sits (PGN-142's placement rules), shared by PGN-137 (the forwarding
 * requirement and reachability) and PGN-142 (placement), so that the two rules read every address the same way
 * and never report one problem twice.
 */
import { AZURE_DNS_IP } from '../../domain/azure';
import { cidrRange, paintRanges, paintedAt, parseIPv4Fast, quickIPv4, type Cidr } from '../../domain/ipv4';
import type { DnsSetting } from '../../domain/plan';
import { isPeered, validCidrs, type Analysis } from '../analysis';
import { quotedName } from '../names';

/** Where an on-premises DNS server forwards the zone (PGN-142, PGN-223). PE §3.1, §3.3 */
export const RESOLVER_IN_AZURE =
  'a resolver inside Azure (an Azure DNS Private Resolver inbound endpoint or a DNS server in a linked VNet)';

type CustomDns = Extract<DnsSetting, { kind: 'custom' }>;

/** A VNet or on-premises site that can hold a DNS server. */
interface Network {
  readonly label: string;
  readonly name: string;
  readonly spaces: readonly Cidr[];
  /** A VNet: linked to the zone. A site: its DNS forwards the zone to a resolver inside Azure. */
  readonly resolves: boolean;
  readonly kind: 'vnet' | 'site';
  /** The site's plan path (for a finding at its DNS forwarder); the VNet's for a VNet. */
  readonly path: string;
}

type Placement =
  /** Not an IPv4 address: `message` says why. */
  | { readonly kind: 'invalid'; readonly message: string }
  /** 168.63.129.16 itself: Azure DNS, which every VNet reaches. */
  | { readonly kind: 'azureDns' }
  /** Inside the delegated subnet, where only flexible servers live. */
  | { readonly kind: 'delegatedSubnet'; readonly prefix: string }
  /** In a VNet of the plan the DNS setting's VNet reaches, or on a connected on-premises site. */
  | { readonly kind: 'vnet' | 'site'; readonly home: Network }
  /** Nowhere the VNet can reach. */
  | { readonly kind: 'unreachable' };

interface PlacedServer {
  readonly text: string;
  readonly path: string;
  readonly placement: Placement;
}

export interface CustomDnsVnet {
  readonly name: string;
  /** Plan path of the VNet's DNS setting (`access.vnet.dns`, `access.peeredVnets.3.dns`). */
  readonly path: string;
  readonly dns: CustomDns;
  readonly servers: readonly PlacedServer[];
}

/**
 * "The first of `networks` (in order) that holds this address", answered by binary search over the painted
 * address line instead of a scan of every network's spaces for every DNS server.
 */
export function firstHolder<T extends { readonly spaces: readonly Cidr[] }>(
  networks: readonly T[],
): (ip: number) => T | undefined {
  const segments = paintRanges(networks.flatMap((n, order) => n.spaces.map((c) => ({ ...cidrRange(c), order }))));
  return (ip) => {
    const segment = paintedAt(segments, ip);
    return segment === undefined ? undefined : networks[segment.order];
  };
}

const AZURE_DNS = quickIPv4(AZURE_DNS_IP);
const placed = new WeakMap<Analysis, CustomDnsVnet[]>();

/** Every VNet of the plan set to custom DNS, with where each of its DNS servers sits. Computed once per analysis. */
export function customDnsVnets(a: Analysis): readonly CustomDnsVnet[] {
  const known = placed.get(a);
  if (known !== undefined) return known;
  const out: CustomDnsVnet[] = [];
  placed.set(a, out);
  const access = a.private;
  if (access === null) return out;
  if (access.vnet.dns.kind !== 'custom' && access.peeredVnets.every((p) => p.dns.kind !== 'custom')) return out;

  const serverVnet: Network = {
    label: `server VNet ${quotedName(access.vnet.name)}`,
    name: access.vnet.name,
    spaces: a.validVnetSpaces,
    resolves: access.vnet.zoneLink,
    kind: 'vnet',
    path: 'access.vnet',
  };
  const peers = a.peers.map((p) => ({
    network: {
      label: `peered VNet ${quotedName(p.peer.name)}`,
      name: p.peer.name,
      spaces: validCidrs(p.spaces),
      resolves: p.peer.zoneLink,
      kind: 'vnet',
      path: p.path,
    } satisfies Network,
    peered: isPeered(a.plan, p.peer),
  }));
  const sites: Network[] = a.sites
    .filter((s) => s.site.connection !== 'none')
    .map((s) => ({
      label: `on-premises site ${quotedName(s.site.name)}`,
      name: s.site.name,
      spaces: validCidrs(s.ranges),
      resolves: s.site.dnsForwarder,
      kind: 'site',
      path: s.path,
    }));
  const delegated = a.delegated?.result.ok === true ? cidrRange(a.delegated.result.value) : null;

  const place = (text: string, holderOf: (ip: number) => Network | undefined): Placement => {
    const ip = parseIPv4Fast(text);
    if (!ip.ok) return { kind: 'invalid', message: ip.error.message };
    if (ip.value === AZURE_DNS) return { kind: 'azureDns' };
    if (delegated !== null && ip.value >= delegated.start && ip.value <= delegated.end)
      return { kind: 'delegatedSubnet', prefix: a.delegated?.text ?? '' };
    const home = holderOf(ip.value);
    return home === undefined ? { kind: 'unreachable' } : { kind: home.kind, home };
  };
  const add = (name: string, dns: DnsSetting, path: string, holderOf: (ip: number) => Network | undefined) => {
    if (dns.kind !== 'custom') return;
    const servers = dns.servers.map((text, k) => ({
      text,
      path: `${path}.servers.${k}`,
      placement: place(text, holderOf),
    }));
    out.push({ name, path, dns, servers });
  };

  // The server VNet reaches itself, VNets peered both ways and connected on-premises sites.
  if (access.vnet.dns.kind === 'custom') {
    const reach = [serverVnet, ...peers.filter((p) => p.peered).map((p) => p.network), ...sites];
    add(access.vnet.name, access.vnet.dns, 'access.vnet.dns', firstHolder(reach));
  }
  // Peerings between the other VNets are not part of the plan, so a peered VNet's DNS server may sit in any VNet
  // of the plan.
  if (a.peers.some((p) => p.peer.dns.kind === 'custom')) {
    const anyHolder = firstHolder([serverVnet, ...peers.map((p) => p.network), ...sites]);
    a.peers.forEach((p) => add(p.peer.name, p.peer.dns, `${p.path}.dns`, anyHolder));
  }
  return out;
}
