/**
 * What the checks of one plan share, computed once per plan object: the VNets (server VNet and peered
 * VNets), parsed address spaces, overlaps, on-premises sites, subnets, parsed firewall rules, and caches
 * for per-VNet name resolution and per-source NSG decisions. Names resolve through the plan's one name
 * index (`planIndex`, case-insensitive, as the rules and exporters resolve them). Clients then cost a few
 * look-ups each.
 */
import { SERVER_FQDN_SUFFIX } from '../domain/azure';
import {
  cidrRange,
  mergeRanges,
  paintRanges,
  paintedAt,
  parseIPv4Fast,
  parseLooseCidrFast,
  type IpRange,
  type PaintedSegment,
} from '../domain/ipv4';
import type {
  Appliance,
  DnsSetting,
  OnPremises,
  Plan,
  PrivateAccess,
  PrivateDnsZone,
  PublicAccess,
} from '../domain/plan';
import { accessIndex } from '../domain/plan-index';
import type { Hop } from './types';

/** A VNet the checker knows: the server VNet or one of the plan's other VNets. */
export interface VnetRef {
  /** `server` or `peered:<index>`: the cache key. */
  readonly key: string;
  readonly name: string;
  /** Dotted plan path of the VNet (`access.vnet`, `access.peeredVnets.2`). */
  readonly path: string;
  readonly isServer: boolean;
  readonly region: string;
  readonly zoneLink: boolean;
  readonly dns: DnsSetting;
  /** Parsed address spaces (unparsable ones are left out; the rules report them). */
  readonly spaces: readonly IpRange[];
  readonly spaceTexts: readonly string[];
  /** The peering resources between this VNet and the server VNet, each direction (both false for the server VNet). */
  readonly fromServer: boolean;
  readonly toServer: boolean;
  /** Its address space overlaps the server VNet's (Azure refuses the peering, PGN-136). */
  readonly overlapsServer: boolean;
  /** The firewall or appliance in this VNet, if any. */
  readonly appliance: Appliance | null;
  /** Its subnets (for the server VNet: the delegated subnet and the others), for route tables. */
  readonly subnets: readonly SubnetRef[];
}

export interface SiteRef {
  readonly index: number;
  readonly path: string;
  readonly site: OnPremises;
  readonly ranges: readonly IpRange[];
  /** Names of the plan's VNets whose address spaces overlap this site's ranges. */
  readonly overlapsVnets: ReadonlySet<string>;
}

export interface SubnetRef {
  readonly name: string;
  readonly path: string;
  readonly prefix: string;
  readonly range: IpRange | null;
  readonly delegated: boolean;
}

/** Where an address sits among the plan's networks. */
export type Location = { kind: 'vnet'; vnet: VnetRef } | { kind: 'site'; site: SiteRef } | { kind: 'nowhere' };

/**
 * A private endpoint as a destination: the checker walks a client's path to it the way it walks the path to a
 * VNet-integrated server, with the endpoint's VNet in the place of the server VNet and its subnet in the place of
 * the delegated subnet (`endpointContexts`).
 */
interface EndpointRef {
  readonly name: string;
  /** Dotted plan path of the endpoint (`access.privateEndpoints.0`). */
  readonly path: string;
  /** Its static address, or '' (dynamic: an address of the subnet). */
  readonly ip: string;
  /** The subnet's private endpoint network policies (PE §1.8). */
  readonly policies: string;
  /** Dotted plan path of the subnet. */
  readonly subnetPath: string;
}

export interface PrivateContext {
  readonly mode: 'private';
  readonly plan: Plan;
  readonly access: PrivateAccess;
  readonly fqdn: string;
  /** The private endpoint this context leads to; null for a VNet-integrated server. */
  readonly endpoint: EndpointRef | null;
  readonly zone: PrivateDnsZone | null;
  readonly server: VnetRef;
  readonly delegated: SubnetRef;
  /** The VNet of this name (any case): the server VNet or one of `peered` (see `planIndex`). */
  readonly vnetNamed: (name: string) => VnetRef | undefined;
  readonly peered: readonly VnetRef[];
  /** The on-premises site of this name (any case). */
  readonly siteNamed: (name: string) => SiteRef | undefined;
  /** Every on-premises site, in plan order (names may repeat). */
  readonly siteList: readonly SiteRef[];
  /** The subnet of the server VNet of this name (any case), the delegated one included. */
  readonly subnetNamed: (name: string) => SubnetRef | undefined;
  /** The subnets of the server VNet other than the delegated one, in plan order (names may repeat). */
  readonly subnetList: readonly SubnetRef[];
  /** Name-resolution hops per resolving VNet (key: VnetRef.key + role). */
  readonly dnsCache: Map<string, readonly Hop[]>;
  /** Filtering hop per source (key: the source ranges). */
  readonly filterCache: Map<string, Hop>;
  /** Where each address sits: the plan's VNets, then its sites, painted onto the address line (see `locate`). */
  readonly places: { readonly segments: readonly PaintedSegment[]; readonly locations: readonly Location[] };
}

export interface ParsedFirewallRule {
  readonly index: number;
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

export interface PublicContext {
  readonly mode: 'public';
  readonly plan: Plan;
  readonly access: PublicAccess;
  readonly fqdn: string;
  /** One context per private endpoint whose VNet and subnet the plan has, in plan order. */
  readonly endpoints: readonly PrivateContext[];
  /** Valid rules other than 0.0.0.0–0.0.0.0, sorted by start address. */
  readonly rules: readonly ParsedFirewallRule[];
  /** `reach[i]`: the furthest end address among `rules[0..i]` (never decreases). */
  readonly reach: Float64Array;
  /** What the rules cover together: sorted, disjoint, adjacent ranges joined. */
  readonly covered: readonly IpRange[];
  /** The rules wider than a /8 (PGN-206), and the rules of more than one address, sorted like `rules`. */
  readonly wide: SortedRules;
  readonly multi: SortedRules;
  /** "Allow public access from Azure services" (the flag, or a 0.0.0.0–0.0.0.0 rule). */
  readonly azureServices: boolean;
  /** Dotted path that turns Azure services on or off. */
  readonly azureServicesPath: string;
}

export type CheckContext = PrivateContext | PublicContext;

/** Firewall rules sorted by start address, with the furthest end reached so far at each position. */
export interface SortedRules {
  readonly rules: readonly ParsedFirewallRule[];
  readonly reach: Float64Array;
}

/** More addresses than a /8: "the internet at large" (PGN-206). */
const WIDE_RULE_SIZE = 2 ** 24;

function sortedRules(rules: readonly ParsedFirewallRule[]): SortedRules {
  const reach = new Float64Array(rules.length);
  rules.forEach((r, i) => (reach[i] = Math.max(r.end, i > 0 ? (reach[i - 1] as number) : -1)));
  return { rules, reach };
}

/**
 * Position of the first rule whose reach gets to `address`: every rule before it ends before the
 * address, and it ends at or after it (binary search, `reach` never decreases).
 */
export function firstReaching(sorted: SortedRules, address: number): number {
  let lo = 0;
  let hi = sorted.rules.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted.reach[mid] as number) < address) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first rule (by start) that overlaps the range, or undefined: O(log n). */
export function firstOverlapping(sorted: SortedRules, range: IpRange): ParsedFirewallRule | undefined {
  const rule = sorted.rules[firstReaching(sorted, range.start)];
  return rule !== undefined && rule.start <= range.end ? rule : undefined;
}

/**
 * A CIDR block as a range (unaligned blocks are taken as their network), or null where `parseCidr`
 * refuses it. Well-formed text takes the CIDR module's fast path; plans hold hundreds of prefixes,
 * and the checker reads them all once per plan.
 */
export function parseRange(text: string): IpRange | null {
  const parsed = parseLooseCidrFast(text);
  return parsed.ok ? cidrRange(parsed.value) : null;
}

/** A dotted-quad IPv4 address as a number, or null where `parseIPv4` refuses it. */
export function parseAddress(text: string): number | null {
  const parsed = parseIPv4Fast(text);
  return parsed.ok ? parsed.value : null;
}

function parseSpaces(texts: readonly string[]): IpRange[] {
  const out: IpRange[] = [];
  for (const text of texts) {
    const range = parseRange(text);
    if (range !== null) out.push(range);
  }
  return out;
}

/** Whether any of `ranges` overlaps one of `merged` (sorted, disjoint): a binary search per range. */
function overlapsAny(ranges: readonly IpRange[], merged: readonly IpRange[]): boolean {
  for (const r of ranges) {
    let lo = 0;
    let hi = merged.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((merged[mid] as IpRange).end < r.start) lo = mid + 1;
      else hi = mid;
    }
    const candidate = merged[lo];
    if (candidate !== undefined && candidate.start <= r.end) return true;
  }
  return false;
}

function serverFqdn(plan: Plan): string {
  return `${plan.servers[0]?.name ?? 'server'}.${SERVER_FQDN_SUFFIX}`;
}

/** What a private context holds that depends on the access settings alone (not on the servers). */
type PrivateNetwork = Omit<PrivateContext, 'plan' | 'fqdn' | 'dnsCache' | 'filterCache'>;
/** What a public context holds that depends on the access settings alone (not on the servers). */
type PublicNetwork = Omit<PublicContext, 'plan' | 'fqdn' | 'endpoints'> & { endpoints: readonly PrivateNetwork[] };

function buildPrivate(
  access: PrivateAccess,
  endpoint: EndpointRef | null = null,
  vnetPath = 'access.vnet',
): PrivateNetwork {
  const serverSpaces = parseSpaces(access.vnet.addressSpaces);
  const peeredSpaces = access.peeredVnets.map((v) => parseSpaces(v.addressSpaces));
  const siteRanges = access.onPremises.map((s) => parseSpaces(s.addressRanges));

  const serverMerged = mergeRanges(serverSpaces);
  const index = accessIndex(access);
  const delegatedRange = parseRange(access.delegatedSubnet.prefix);
  const delegated: SubnetRef = {
    name: access.delegatedSubnet.name,
    path: endpoint?.subnetPath ?? 'access.delegatedSubnet',
    prefix: access.delegatedSubnet.prefix,
    range: delegatedRange,
    delegated: true,
  };
  const subnetList = access.vnet.subnets.map((s, i): SubnetRef => ({
    name: s.name,
    path: `${vnetPath}.subnets.${i}`,
    prefix: s.prefix,
    range: parseRange(s.prefix),
    delegated: false,
  }));
  const server: VnetRef = {
    key: 'server',
    name: access.vnet.name,
    path: vnetPath,
    isServer: true,
    region: access.vnet.region,
    zoneLink: access.vnet.zoneLink,
    dns: access.vnet.dns,
    spaces: serverSpaces,
    spaceTexts: access.vnet.addressSpaces,
    fromServer: false,
    toServer: false,
    overlapsServer: false,
    appliance: access.vnet.appliance,
    subnets: [delegated, ...subnetList],
  };
  // Around an endpoint, `peeredVnets` are the plan's other VNets: each keeps its own position in the plan.
  const pathOf = (i: number): string =>
    endpoint === null ? `access.peeredVnets.${i}` : (access.peeredVnets[i] as PeeredVnetAt).planPath;
  const peered: VnetRef[] = access.peeredVnets.map((v, i) => {
    const spaces = peeredSpaces[i] ?? [];
    return {
      key: `peered:${i}`,
      name: v.name,
      path: pathOf(i),
      isServer: false,
      region: v.region,
      zoneLink: v.zoneLink,
      dns: v.dns,
      spaces,
      spaceTexts: v.addressSpaces,
      fromServer: index.peering(access.vnet.name, v.name) !== undefined,
      toServer: index.peering(v.name, access.vnet.name) !== undefined,
      overlapsServer: overlapsAny(spaces, serverMerged),
      appliance: v.appliance,
      subnets: v.subnets.map((s, j) => ({
        name: s.name,
        path: `${pathOf(i)}.subnets.${j}`,
        prefix: s.prefix,
        range: parseRange(s.prefix),
        delegated: false,
      })),
    };
  });
  // The server VNet wins a name clash; the first of two same-named peered VNets wins.
  const vnetNamed = (name: string): VnetRef | undefined => {
    const entry = index.vnet(name);
    return entry === undefined ? undefined : entry.kind === 'server' ? server : peered[entry.index];
  };

  const siteList: SiteRef[] = [];
  access.onPremises.forEach((site, i) => {
    const ranges = siteRanges[i] ?? [];
    const overlapsVnets = new Set<string>();
    const gateway = site.gatewayVnet === '' ? server : vnetNamed(site.gatewayVnet);
    if (overlapsAny(ranges, serverMerged)) overlapsVnets.add(server.name);
    if (gateway !== undefined && gateway !== server && overlapsAny(ranges, mergeRanges(gateway.spaces))) {
      overlapsVnets.add(gateway.name);
    }
    const ref: SiteRef = { index: i, path: `access.onPremises.${i}`, site, ranges, overlapsVnets };
    siteList.push(ref);
  });
  const siteNamed = (name: string): SiteRef | undefined => {
    const entry = index.site(name);
    return entry === undefined ? undefined : siteList[entry.index];
  };

  const subnetNamed = (name: string): SubnetRef | undefined => {
    const entry = index.subnet(name);
    return entry === undefined ? undefined : entry.kind === 'delegated' ? delegated : subnetList[entry.index];
  };

  // The VNets in plan order (the server VNet first), then the sites (the first of each name): the
  // first of them that holds an address is where it sits.
  const locations: Location[] = [
    ...[server, ...peered].map((vnet): Location => ({ kind: 'vnet', vnet })),
    ...siteList.filter((site) => siteNamed(site.site.name) === site).map((site): Location => ({ kind: 'site', site })),
  ];
  const places = {
    segments: paintRanges(
      locations.flatMap((l, order) =>
        (l.kind === 'vnet' ? l.vnet.spaces : l.kind === 'site' ? l.site.ranges : []).map((r) => ({ ...r, order })),
      ),
    ),
    locations,
  };

  return {
    mode: 'private',
    access,
    endpoint,
    zone: access.privateDnsZone,
    server,
    delegated,
    vnetNamed,
    peered,
    siteNamed,
    siteList,
    subnetNamed,
    subnetList,
    places,
  };
}

/** A VNet of a public plan, as the endpoint's context lists it: with its own path in the plan. */
type PeeredVnetAt = PublicAccess['peeredVnets'][number] & { readonly planPath: string };

/**
 * The network around each private endpoint, as private access would hold it: the endpoint's VNet as the server
 * VNet, its subnet as the delegated subnet (no NSG: the plan describes none on a public plan's subnets), the plan's
 * other VNets, peerings and sites around it, and the `privatelink.` zone. An endpoint whose VNet or subnet the plan
 * lacks gets none (PGN-221 reports it).
 */
function endpointNetworks(access: PublicAccess): PrivateNetwork[] {
  const index = accessIndex(access);
  const out: PrivateNetwork[] = [];
  access.privateEndpoints.forEach((e, i) => {
    const vnetEntry = index.vnet(e.vnet);
    if (vnetEntry?.kind !== 'peered') return;
    const vnet = vnetEntry.vnet;
    const subnetIndex = vnet.subnets.findIndex((s) => s.name.toLowerCase() === e.subnet.toLowerCase());
    const subnet = vnet.subnets[subnetIndex];
    if (subnet === undefined) return;
    const others: PeeredVnetAt[] = [];
    access.peeredVnets.forEach((v, j) => {
      if (j !== vnetEntry.index) others.push({ ...v, planPath: `access.peeredVnets.${j}` });
    });
    const synthetic: PrivateAccess = {
      mode: 'private',
      vnet: { ...vnet, existing: true, subnets: vnet.subnets.filter((s) => s !== subnet) },
      delegatedSubnet: {
        name: subnet.name,
        prefix: subnet.prefix,
        existing: true,
        existingDelegation: null,
        otherResourceTypes: [],
        // The subnet's NSG as the plan describes it: evaluated only when the endpoint policies apply it (endpoint.ts).
        nsg: subnet.nsg ?? null,
      },
      privateDnsZone: access.privateDnsZone,
      peeredVnets: others,
      peerings: access.peerings,
      routeTables: [],
      onPremises: access.onPremises,
    };
    const endpoint: EndpointRef = {
      name: e.name,
      path: `access.privateEndpoints.${i}`,
      ip: e.privateIp,
      policies: subnet.privateEndpointNetworkPolicies ?? 'Disabled',
      subnetPath: `${vnetEntry.path}.subnets.${subnetIndex}`,
    };
    out.push(buildPrivate(synthetic, endpoint, vnetEntry.path));
  });
  return out;
}

function buildPublic(access: PublicAccess): PublicNetwork {
  const rules: ParsedFirewallRule[] = [];
  let zeroRule = -1;
  access.firewallRules.forEach((rule, index) => {
    const start = parseAddress(rule.startIp);
    const end = parseAddress(rule.endIp);
    if (start === null || end === null || start > end) return; // reported by PGN-202–204
    if (start === 0 && end === 0) {
      if (zeroRule < 0) zeroRule = index;
      return;
    }
    rules.push({ index, name: rule.name, start, end });
  });
  rules.sort((a, b) => a.start - b.start || a.end - b.end);
  const { reach } = sortedRules(rules);
  return {
    mode: 'public',
    access,
    rules,
    reach,
    covered: mergeRanges(rules),
    wide: sortedRules(rules.filter((r) => r.end - r.start + 1 > WIDE_RULE_SIZE)),
    multi: sortedRules(rules.filter((r) => r.start !== r.end)),
    azureServices: access.allowAzureServices || zeroRule >= 0,
    azureServicesPath:
      !access.allowAzureServices && zeroRule >= 0 ? `access.firewallRules.${zeroRule}` : 'access.allowAzureServices',
    endpoints: endpointNetworks(access),
  };
}

const contexts = new WeakMap<Plan, CheckContext>();
/**
 * The network part of the contexts, by access settings. An edit makes a new plan, but one that leaves the access
 * settings alone (a server's name or region, a client, TLS) keeps their object (plans are never changed in place,
 * `domain/paths.ts` copies only along the edited path), so the VNets, subnets, sites and firewall rules are parsed
 * again only when one of them changes. What reads the servers (the FQDN, the name-resolution and NSG caches, which
 * depend on them) is made per plan.
 */
const networks = new WeakMap<PrivateAccess | PublicAccess, PrivateNetwork | PublicNetwork>();

/** The shared context of a plan; built on first use and kept as long as the plan object lives. */
export function contextFor(plan: Plan): CheckContext {
  let ctx = contexts.get(plan);
  if (ctx === undefined) {
    const access = plan.access;
    let network = networks.get(access);
    if (network === undefined) {
      network = access.mode === 'private' ? buildPrivate(access) : buildPublic(access);
      networks.set(access, network);
    }
    const fqdn = serverFqdn(plan);
    const around = (n: PrivateNetwork): PrivateContext => ({
      ...n,
      plan,
      fqdn,
      dnsCache: new Map(),
      filterCache: new Map(),
    });
    ctx =
      network.mode === 'private'
        ? around(network)
        : { ...network, plan, fqdn, endpoints: network.endpoints.map(around) };
    contexts.set(plan, ctx);
  }
  return ctx;
}

/** Finds the VNet or on-premises site holding an address (the first one, in plan order): a binary search. */
export function locate(ctx: PrivateContext, address: number): Location {
  const segment = paintedAt(ctx.places.segments, address);
  return (segment === undefined ? undefined : ctx.places.locations[segment.order]) ?? NOWHERE;
}

const NOWHERE: Location = { kind: 'nowhere' };

/** Whether two sets of ranges overlap (Azure refuses to peer VNets whose address spaces overlap, PGN-136). */
export const rangesOverlap = (a: readonly IpRange[], b: readonly IpRange[]): boolean => overlapsAny(a, mergeRanges(b));
