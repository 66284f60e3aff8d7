/**
 * Link format 1, step one: the plan as a compact JSON value (before compression).
 *
 * - Every object is a positional array in a fixed field order (most often defaulted fields last).
 * - A field equal to its default is `null`; trailing `null`s are dropped. For the schema's
 *   optional fields (no default), `null` means "absent". Every nullable field of the plan has
 *   `null` as its default, so `null` never needs to stand for a value.
 * - Booleans are 1/0. Enum values are indexes into the frozen tables below; a value missing from a
 *   table (say a PostgreSQL version added later) travels as its string, so adding an enum value
 *   needs no new link format.
 * - A string list with one element is the bare string. Subnets and firewall rules are flat lists
 *   (name, prefix, name, prefix, …).
 *
 * This mapping, its tables and its defaults are frozen: links already shared must keep opening to
 * the same plan. A changed default needs link format 2 (and the frozen fixtures in ./fixtures prove
 * the old format still opens). A new optional field whose default (or absence) is the old meaning may take a new
 * trailing position: links written before it leave the position out and open with the default (a client's
 * `intent`, position 6; a server's availability zones, positions 6 and 7).
 *
 * The first element is the plan's `formatVersion`, and a link keeps the shape of the plan format it was written
 * in, so that the migrations see the document they expect. Plan format 2 added, at new trailing positions whose
 * absence means the default: the `appliance` of the server VNet and of another VNet (position 8 of each, `[kind,
 * name, privateIp]`), and the private access's `peerings` (position 9) and `routeTables` (position 10). Format 1's
 * `peering` of another VNet (its position 5: both directions when absent, else 1 = from the server VNet + 2 = to
 * it) is gone from format 2, whose other VNets hold their `subnets` there instead (a flat list, as the server
 * VNet's): the plan's `formatVersion` says which of the two a position 5 holds. A peering is `[from, to, flags]`,
 * flags the sum of 1 (allowForwardedTraffic), 2 (allowGatewayTransit) and 4 (useRemoteGateways); a route table is
 * `[name, vnet, subnets, routes, existing]` (`existing` added later, absent = false), a route `[name, prefix,
 * nextHop, nextHopIp]`. Peerings and route tables name their VNets by position in the plan (0 the server VNet, i + 1
 * the other VNet i) when the name is exactly that VNet's, and by the name otherwise. The delegated subnet's NSG is
 * `[name, rules, existing]` (`existing` added later, absent = false).
 *
 * Added with private endpoints, at trailing positions whose absence means what a plan meant before them: public
 * access `[1, firewallRules, allowAzureServices, publicNetworkAccess (absent = on), peeredVnets, peerings, onPremises,
 * privateDnsZone, privateEndpoints]`, a private endpoint `[name, vnet, subnet, privateIp, approval, resourceGroup,
 * server]` (VNets by position among the public access's VNets, as peerings name them); a VNet's subnets' optional
 * fields at position 9 of each VNet, `[[subnet position, delegation, privateEndpointNetworkPolicies, nsg], …]`
 * (the NSG of another VNet's subnet, as the delegated subnet's is written); an
 * on-premises site's `forwardedZone` at its position 5.
 *
 * Expanding is lenient on purpose: a value of the wrong type is passed through unchanged, so the
 * plan schema (run right after, through the migrations) reports it with the plan path where it sits.
 */
import {
  MAX_NSG_RULES_PER_NSG,
  MAX_PEERINGS_PER_VNET,
  MAX_PRIVATE_ENDPOINTS_PER_VNET,
  MAX_ROUTES_PER_ROUTE_TABLE,
  MAX_ROUTE_TABLES,
  MAX_SUBNETS_PER_VNET,
  PLANNER_LIMITS,
} from '../domain/azure';
import type {
  Appliance,
  Client,
  DelegatedSubnet,
  DnsSetting,
  FirewallRule,
  Nsg,
  NsgRule,
  OnPremises,
  PeeredVnet,
  Peering,
  Plan,
  PrivateDnsZone,
  Route,
  RouteTable,
  Server,
  ServerPrivateEndpoint,
  Subnet,
  Tls,
  Vnet,
} from '../domain/plan';

// ---- Frozen tables of link format 1 --------------------------------------------------------------

const V1_TABLES = {
  postgresVersions: ['13', '14', '15', '16', '17', '18'],
  haModes: ['Disabled', 'SameZone', 'ZoneRedundant'],
  tlsVersions: ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'],
  directions: ['Inbound', 'Outbound'],
  accesses: ['Allow', 'Deny'],
  protocols: ['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*'],
  connections: ['vpn', 'expressRoute', 'none'],
  clientKinds: ['serverVnet', 'vnet', 'onPremises', 'internet', 'azureService'],
  tenants: ['same', 'other'],
  accessModes: ['private', 'public'],
  // Added with the client's intent (PGN-008): a link without it opens with the default, mustReach.
  intents: ['mustReach', 'mustNotReach'],
  // Added with plan format 2 (appliances and route tables).
  applianceKinds: ['azureFirewall', 'nva'],
  routeNextHops: ['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None'],
  // Added with private endpoints (public access).
  peNetworkPolicies: ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'],
  peApprovals: ['automatic', 'manual'],
} as const satisfies Record<string, readonly string[]>;

/** The most peerings a plan holds (plan.ts: two directions per pair, at most MAX_PEERINGS_PER_VNET per VNet). */
const MAX_PEERINGS_IN_PLAN = PLANNER_LIMITS.peerings;

/** Bits of a peering's flags (0, the default, when none is set). */
const FORWARDED = 1;
const GATEWAY_TRANSIT = 2;
const REMOTE_GATEWAYS = 4;

const T = V1_TABLES;
const ANY = ['*'];

type Wire = null | number | string | Wire[];

// ---- Encoding ------------------------------------------------------------------------------------

const trim = (items: Wire[]): Wire[] => {
  while (items.length > 0 && items[items.length - 1] === null) items.pop();
  return items;
};
const str = (value: string, fallback = ''): Wire => (value === fallback ? null : value);
const bool = (value: boolean, fallback: boolean): Wire => (value === fallback ? null : value ? 1 : 0);
const optBool = (value: boolean | undefined): Wire => (value === undefined ? null : value ? 1 : 0);
const en = (table: readonly string[], value: string, fallback?: string): Wire => {
  if (value === fallback) return null;
  const i = table.indexOf(value);
  return i >= 0 ? i : value;
};
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const list = (value: readonly string[], fallback: readonly string[] = []): Wire =>
  sameList(value, fallback) ? null : value.length === 1 ? (value[0] as string) : [...value];
const many = <X>(items: readonly X[], one: (item: X) => Wire): Wire => (items.length === 0 ? null : items.map(one));

const server = (s: Server): Wire =>
  trim([
    s.name,
    s.region,
    str(s.resourceGroup),
    en(T.haModes, s.highAvailability, 'Disabled'),
    en(T.postgresVersions, s.version, '17'),
    str(s.subscription),
    // Added with the availability zones, optional: a link without them opens with none (Azure chooses).
    s.availabilityZone ?? null,
    s.standbyAvailabilityZone ?? null,
  ]);

const dns = (d: DnsSetting): Wire =>
  d.kind === 'azure' ? null : trim([list(d.servers), bool(d.forwardsToAzureDns, false)]);

const subnets = (list: readonly Subnet[]): Wire => (list.length === 0 ? null : list.flatMap((s) => [s.name, s.prefix]));

/**
 * The subnets' optional fields, `[position, delegation, policies, nsg]` for each subnet that has one (null = none);
 * only another VNet's subnets have an NSG.
 */
const subnetExtras = (list: readonly (Subnet & { nsg?: Nsg })[]): Wire => {
  const out: Wire[] = [];
  list.forEach((s, i) => {
    if (s.delegation !== undefined || s.privateEndpointNetworkPolicies !== undefined || s.nsg !== undefined)
      out.push(
        trim([
          i,
          s.delegation ?? null,
          s.privateEndpointNetworkPolicies === undefined
            ? null
            : en(T.peNetworkPolicies, s.privateEndpointNetworkPolicies),
          s.nsg === undefined ? null : nsg(s.nsg),
        ]),
      );
  });
  return out.length === 0 ? null : out;
};

const appliance = (a: Appliance | null): Wire =>
  a === null ? null : trim([en(T.applianceKinds, a.kind), a.name, a.privateIp]);

const vnet = (v: Vnet): Wire =>
  trim([
    v.name,
    v.region,
    str(v.resourceGroup),
    list(v.addressSpaces),
    subnets(v.subnets),
    dns(v.dns),
    bool(v.existing, false),
    bool(v.zoneLink, true),
    // Plan format 2.
    appliance(v.appliance),
    subnetExtras(v.subnets),
  ]);

const nsgRule = (r: NsgRule): Wire =>
  trim([
    r.name,
    r.priority,
    en(T.directions, r.direction),
    en(T.accesses, r.access),
    en(T.protocols, r.protocol, 'Tcp'),
    list(r.sourceAddresses, ANY),
    list(r.destinationAddresses, ANY),
    list(r.destinationPorts, ANY),
    list(r.sourcePorts, ANY),
    str(r.description),
    list(r.sourceAsgs),
    list(r.destinationAsgs),
  ]);

const nsg = (n: Nsg | null): Wire =>
  n === null ? null : trim([n.name, many(n.rules, nsgRule), bool(n.existing, false)]);

const delegatedSubnet = (d: DelegatedSubnet): Wire =>
  trim([d.name, d.prefix, nsg(d.nsg), bool(d.existing, false), d.existingDelegation, list(d.otherResourceTypes)]);

const zone = (z: PrivateDnsZone | null): Wire =>
  z === null ? null : trim([z.name, str(z.resourceGroup), bool(z.existing, false), str(z.subscription)]);

const peeredVnet = (p: PeeredVnet): Wire =>
  trim([
    p.name,
    p.region,
    str(p.resourceGroup),
    list(p.addressSpaces),
    bool(p.zoneLink, false),
    // Format 1's `peering` sat here; format 2 keeps the VNet's subnets in its place.
    subnets(p.subnets),
    dns(p.dns),
    str(p.subscription),
    appliance(p.appliance),
    subnetExtras(p.subnets),
  ]);

/** A VNet named by a peering or a route table: its position in the plan when the name is exactly its name. */
type VnetRefs = ReadonlyMap<string, number>;

function vnetRefs(a: Plan['access']): VnetRefs {
  const refs = new Map<string, number>();
  const names = a.peeredVnets.map((p) => p.name);
  (a.mode === 'private' ? [a.vnet.name, ...names] : names).forEach((name, i) => {
    if (!refs.has(name)) refs.set(name, i);
  });
  return refs;
}

const vnetRef = (refs: VnetRefs, name: string): Wire => refs.get(name) ?? name;

const peering = (refs: VnetRefs, p: Peering): Wire => {
  const flags =
    (p.allowForwardedTraffic ? FORWARDED : 0) |
    (p.allowGatewayTransit ? GATEWAY_TRANSIT : 0) |
    (p.useRemoteGateways ? REMOTE_GATEWAYS : 0);
  return trim([vnetRef(refs, p.from), vnetRef(refs, p.to), flags === 0 ? null : flags]);
};

const route = (r: Route): Wire => trim([r.name, r.prefix, en(T.routeNextHops, r.nextHop), str(r.nextHopIp)]);

const routeTable = (refs: VnetRefs, t: RouteTable): Wire =>
  trim([t.name, vnetRef(refs, t.vnet), list(t.subnets), many(t.routes, route), bool(t.existing, false)]);

const onPremises = (o: OnPremises): Wire =>
  trim([
    o.name,
    list(o.addressRanges),
    en(T.connections, o.connection, 'vpn'),
    str(o.gatewayVnet),
    bool(o.dnsForwarder, false),
    o.forwardedZone ?? null,
  ]);

const firewallRules = (rules: readonly FirewallRule[] | undefined): Wire =>
  rules === undefined || rules.length === 0 ? null : rules.flatMap((r) => [r.name, r.startIp, r.endIp]);

const privateEndpoint = (refs: VnetRefs, e: ServerPrivateEndpoint): Wire =>
  trim([
    e.name,
    vnetRef(refs, e.vnet),
    e.subnet,
    str(e.privateIp),
    en(T.peApprovals, e.approval, 'automatic'),
    str(e.resourceGroup),
    str(e.server),
  ]);

const access = (a: Plan['access']): Wire => {
  const refs = vnetRefs(a);
  if (a.mode === 'public')
    return trim([
      1,
      firewallRules(a.firewallRules),
      bool(a.allowAzureServices, false),
      // Added with private endpoints: absent = public network access on and no VNets, as before.
      bool(a.publicNetworkAccess, true),
      many(a.peeredVnets, peeredVnet),
      many(a.peerings, (p) => peering(refs, p)),
      many(a.onPremises, onPremises),
      zone(a.privateDnsZone),
      many(a.privateEndpoints, (e) => privateEndpoint(refs, e)),
    ]);
  return trim([
    0,
    vnet(a.vnet),
    delegatedSubnet(a.delegatedSubnet),
    zone(a.privateDnsZone),
    many(a.peeredVnets, peeredVnet),
    many(a.onPremises, onPremises),
    // Optional fields: null = absent, [] = present and empty.
    a.firewallRules === undefined ? null : a.firewallRules.flatMap((r) => [r.name, r.startIp, r.endIp]),
    optBool(a.allowAzureServices),
    a.privateEndpoints === undefined ? null : a.privateEndpoints.map((p) => trim([p.name, str(p.subnet)])),
    // Plan format 2.
    many(a.peerings, (p) => peering(refs, p)),
    many(a.routeTables, (t) => routeTable(refs, t)),
  ]);
};

const tls = (t: Tls): Wire =>
  t.requireSecureTransport && t.minVersion === 'TLSv1.2' && t.maxVersion === null
    ? null
    : trim([
        bool(t.requireSecureTransport, true),
        en(T.tlsVersions, t.minVersion, 'TLSv1.2'),
        t.maxVersion === null ? null : en(T.tlsVersions, t.maxVersion),
      ]);

const clientDetails = (c: Client): [Wire, Wire] => {
  switch (c.kind) {
    case 'serverVnet':
      return [str(c.subnet), str(c.address)];
    case 'vnet':
      return [c.vnet, str(c.address)];
    case 'onPremises':
      return [c.site, str(c.address)];
    case 'internet':
      return [c.address, bool(c.dynamicIp, false)];
    case 'azureService':
      return [en(T.tenants, c.tenant, 'same'), str(c.address)];
  }
};

const client = (c: Client): Wire =>
  trim([
    en(T.clientKinds, c.kind),
    c.name,
    ...clientDetails(c),
    en(T.tlsVersions, c.tlsVersion, 'TLSv1.2'),
    bool(c.connectsByIp, false),
    en(T.intents, c.intent, 'mustReach'),
  ]);

/** The plan as link format 1's compact value. */
export function compactPlanV1(plan: Plan): Wire {
  return trim([
    plan.formatVersion,
    str(plan.name, 'Untitled plan'),
    plan.servers.map(server),
    access(plan.access),
    tls(plan.tls),
    many(plan.clients, client),
  ]);
}

// ---- Expanding -----------------------------------------------------------------------------------

type Obj = Record<string, unknown>;

const isNone = (w: unknown): w is null | undefined => w === null || w === undefined;
const at = (w: unknown, i: number): unknown => (Array.isArray(w) ? (w as unknown[])[i] : undefined);
/**
 * Builds an object, leaving out keys whose value is undefined (the schema then says "required"). Read key by key
 * rather than through `Object.entries`, which makes a pair for every field of every item of a large plan.
 */
const obj = (entries: Record<string, unknown>): Obj => {
  const out: Obj = {};
  for (const k in entries) if (entries[k] !== undefined) out[k] = entries[k];
  return out;
};
const xReq = (w: unknown): unknown => (isNone(w) ? undefined : w);
const xStr = (w: unknown, fallback: string): unknown => (isNone(w) ? fallback : w);
const xBool = (w: unknown, fallback: boolean): unknown => (isNone(w) ? fallback : w === 1 ? true : w === 0 ? false : w);
const xOptBool = (w: unknown): unknown => (isNone(w) ? undefined : w === 1 ? true : w === 0 ? false : w);
const xEnum = (table: readonly string[], w: unknown, fallback?: string): unknown => {
  if (isNone(w)) return fallback;
  if (typeof w === 'number' && Number.isInteger(w) && w >= 0 && w < table.length) return table[w];
  return w;
};
const xList = (w: unknown, fallback: readonly string[] = []): unknown =>
  isNone(w) ? [...fallback] : typeof w === 'string' ? [w] : w;
/**
 * A list longer than the plan's limit for it (azure.ts) is not expanded item by item: the schema
 * refuses it by its length before it reads an item, so a link of 100,000 subnets costs no more than
 * its JSON. The stand-in has the list's length and nothing else.
 */
const oversized = (count: number, max: number): unknown[] | null => (count > max ? new Array<unknown>(count) : null);
const xMany = (w: unknown, one: (item: unknown) => unknown, max: number): unknown =>
  isNone(w) ? [] : Array.isArray(w) ? (oversized(w.length, max) ?? (w as unknown[]).map(one)) : w;
/**
 * A flat list of groups of `size` values: `one` reads a group from the list at its start `i` (a missing value of
 * a last, short group reads as undefined), so no group is copied out of the list.
 */
const xFlat = (w: unknown, size: number, one: (items: unknown[], i: number) => unknown, max: number): unknown => {
  if (isNone(w)) return [];
  if (!Array.isArray(w)) return w;
  const items = w as unknown[];
  const tooMany = oversized(Math.ceil(items.length / size), max);
  if (tooMany !== null) return tooMany;
  const out: unknown[] = [];
  for (let i = 0; i < items.length; i += size) out.push(one(items, i));
  return out;
};
/** An object that must be a positional array; anything else goes through for the schema to reject. */
const xObj = (w: unknown, build: (a: unknown[]) => Obj): unknown => (Array.isArray(w) ? build(w as unknown[]) : w);

const xServer = (w: unknown) =>
  xObj(w, (a) =>
    obj({
      name: xReq(a[0]),
      region: xReq(a[1]),
      version: xEnum(T.postgresVersions, a[4], '17'),
      highAvailability: xEnum(T.haModes, a[3], 'Disabled'),
      resourceGroup: xStr(a[2], ''),
      subscription: xStr(a[5], ''),
      availabilityZone: isNone(a[6]) ? undefined : a[6],
      standbyAvailabilityZone: isNone(a[7]) ? undefined : a[7],
    }),
  );

const xDns = (w: unknown): unknown =>
  isNone(w)
    ? { kind: 'azure' }
    : xObj(w, (a) => obj({ kind: 'custom', servers: xList(a[0]), forwardsToAzureDns: xBool(a[1], false) }));

/** The subnets, with the optional fields of `extras` (see `subnetExtras`) added to those they name. */
const xSubnets = (w: unknown, max: number, extras?: unknown): unknown => {
  const list = xFlat(w, 2, (g, i) => obj({ name: xReq(g[i]), prefix: xReq(g[i + 1]) }), max);
  if (!Array.isArray(list) || !Array.isArray(extras)) return list;
  for (const extra of extras as unknown[]) {
    const subnet = list[at(extra, 0) as number] as Obj | undefined;
    if (typeof subnet !== 'object' || subnet === null) continue;
    const delegation = at(extra, 1);
    const policies = at(extra, 2);
    const subnetNsg = at(extra, 3);
    if (!isNone(delegation)) subnet.delegation = delegation;
    if (!isNone(policies)) subnet.privateEndpointNetworkPolicies = xEnum(T.peNetworkPolicies, policies);
    if (!isNone(subnetNsg)) subnet.nsg = xNsg(subnetNsg);
  }
  return list;
};

const xAppliance = (w: unknown): unknown =>
  isNone(w)
    ? null
    : xObj(w, (a) => obj({ kind: xEnum(T.applianceKinds, a[0]), name: xReq(a[1]), privateIp: xReq(a[2]) }));

/** The plan format a link was written in decides the shape of some positions (see the top of this file). */
interface Shape {
  /** Plan format 1: no appliances, other VNets carry `peering`, no `peerings` or `routeTables`. */
  v1: boolean;
}

const xVnet = (w: unknown, shape: Shape) =>
  xObj(w, (a) =>
    obj({
      name: xReq(a[0]),
      region: xReq(a[1]),
      resourceGroup: xStr(a[2], ''),
      existing: xBool(a[6], false),
      addressSpaces: xList(a[3]),
      dns: xDns(a[5]),
      subnets: xSubnets(a[4], MAX_SUBNETS_PER_VNET - 1, a[9]),
      zoneLink: xBool(a[7], true),
      appliance: shape.v1 ? undefined : xAppliance(a[8]),
    }),
  );

const xNsgRule = (w: unknown) =>
  xObj(w, (a) =>
    obj({
      name: xReq(a[0]),
      priority: xReq(a[1]),
      direction: xEnum(T.directions, a[2]),
      access: xEnum(T.accesses, a[3]),
      protocol: xEnum(T.protocols, a[4], 'Tcp'),
      sourceAddresses: xList(a[5], ANY),
      sourcePorts: xList(a[8], ANY),
      destinationAddresses: xList(a[6], ANY),
      destinationPorts: xList(a[7], ANY),
      sourceAsgs: xList(a[10]),
      destinationAsgs: xList(a[11]),
      description: xStr(a[9], ''),
    }),
  );

const xNsg = (w: unknown): unknown =>
  isNone(w)
    ? null
    : xObj(w, (a) =>
        obj({
          name: xReq(a[0]),
          rules: xMany(a[1], xNsgRule, MAX_NSG_RULES_PER_NSG),
          existing: xBool(a[2], false),
        }),
      );

const xDelegatedSubnet = (w: unknown) =>
  xObj(w, (a) =>
    obj({
      name: xReq(a[0]),
      prefix: xReq(a[1]),
      existing: xBool(a[3], false),
      existingDelegation: isNone(a[4]) ? null : a[4],
      otherResourceTypes: xList(a[5]),
      nsg: xNsg(a[2]),
    }),
  );

const xZone = (w: unknown): unknown =>
  isNone(w)
    ? null
    : xObj(w, (a) =>
        obj({
          name: xReq(a[0]),
          existing: xBool(a[2], false),
          resourceGroup: xStr(a[1], ''),
          subscription: xStr(a[3], ''),
        }),
      );

/** Format 1's `peering` of another VNet with the server VNet, for the migration to turn into `peerings`. */
const xPeeringV1 = (w: unknown): unknown =>
  isNone(w)
    ? { fromServerVnet: true, toServerVnet: true }
    : typeof w === 'number' && Number.isInteger(w) && w >= 0 && w <= 3
      ? { fromServerVnet: (w & 1) === 1, toServerVnet: (w & 2) === 2 }
      : w;

const xPeeredVnet = (w: unknown, shape: Shape) =>
  xObj(w, (a) =>
    obj({
      name: xReq(a[0]),
      region: xReq(a[1]),
      resourceGroup: xStr(a[2], ''),
      subscription: xStr(a[7], ''),
      addressSpaces: xList(a[3]),
      peering: shape.v1 ? xPeeringV1(a[5]) : undefined,
      zoneLink: xBool(a[4], false),
      dns: xDns(a[6]),
      subnets: shape.v1 ? undefined : xSubnets(a[5], MAX_SUBNETS_PER_VNET, a[9]),
      appliance: shape.v1 ? undefined : xAppliance(a[8]),
    }),
  );

/** A VNet reference back to its name: a position among `names`, or the name itself (anything else goes through). */
const xVnetRef = (names: readonly unknown[], w: unknown): unknown => {
  if (typeof w !== 'number' || !Number.isInteger(w) || w < 0 || w >= names.length) return xReq(w);
  const name = names[w];
  return typeof name === 'string' ? name : w;
};

const xPeering = (names: readonly unknown[], w: unknown) =>
  xObj(w, (a) => {
    const flags = isNone(a[2]) ? 0 : a[2];
    const bit = (b: number): unknown =>
      typeof flags === 'number' && Number.isInteger(flags) && flags >= 0 && flags <= 7 ? (flags & b) !== 0 : flags;
    return obj({
      from: xVnetRef(names, a[0]),
      to: xVnetRef(names, a[1]),
      allowForwardedTraffic: bit(FORWARDED),
      allowGatewayTransit: bit(GATEWAY_TRANSIT),
      useRemoteGateways: bit(REMOTE_GATEWAYS),
    });
  });

const xRoute = (w: unknown) =>
  xObj(w, (a) =>
    obj({ name: xReq(a[0]), prefix: xReq(a[1]), nextHop: xEnum(T.routeNextHops, a[2]), nextHopIp: xStr(a[3], '') }),
  );

const xRouteTable = (names: readonly unknown[], w: unknown) =>
  xObj(w, (a) =>
    obj({
      name: xReq(a[0]),
      vnet: xVnetRef(names, a[1]),
      subnets: xList(a[2]),
      routes: xMany(a[3], xRoute, MAX_ROUTES_PER_ROUTE_TABLE),
      existing: xBool(a[4], false),
    }),
  );

const nameOf = (v: unknown): unknown => (typeof v === 'object' && v !== null ? (v as Obj).name : undefined);

/** The names of the plan's VNets by position (0 the server VNet), as expanded: whatever is there. */
const vnetNames = (vnet: unknown, peeredVnets: unknown): unknown[] => [
  nameOf(vnet),
  ...(Array.isArray(peeredVnets) ? (peeredVnets as unknown[]).map(nameOf) : []),
];

const xOnPremises = (w: unknown) =>
  xObj(w, (a) =>
    obj({
      name: xReq(a[0]),
      addressRanges: xList(a[1]),
      connection: xEnum(T.connections, a[2], 'vpn'),
      gatewayVnet: xStr(a[3], ''),
      dnsForwarder: xBool(a[4], false),
      forwardedZone: isNone(a[5]) ? undefined : a[5],
    }),
  );

const xFirewallRules = (w: unknown): unknown =>
  xFlat(
    w,
    3,
    (g, i) => obj({ name: xReq(g[i]), startIp: xReq(g[i + 1]), endIp: xReq(g[i + 2]) }),
    PLANNER_LIMITS.firewallRules,
  );

const xAccess = (w: unknown, shape: Shape): unknown =>
  xObj(w, (a) => {
    const mode = xEnum(T.accessModes, a[0]);
    if (mode === 'public') {
      const peeredVnets = xMany(a[4], (p) => xPeeredVnet(p, shape), PLANNER_LIMITS.vnets);
      const names = Array.isArray(peeredVnets) ? (peeredVnets as unknown[]).map(nameOf) : [];
      return obj({
        mode,
        firewallRules: xFirewallRules(a[1]),
        allowAzureServices: xBool(a[2], false),
        publicNetworkAccess: xBool(a[3], true),
        peeredVnets,
        peerings: xMany(a[5], (p) => xPeering(names, p), MAX_PEERINGS_IN_PLAN),
        onPremises: xMany(a[6], xOnPremises, PLANNER_LIMITS.onPremisesSites),
        privateDnsZone: xZone(a[7]),
        privateEndpoints: xMany(
          a[8],
          (e) =>
            xObj(e, (q) =>
              obj({
                name: xReq(q[0]),
                vnet: xVnetRef(names, q[1]),
                subnet: xReq(q[2]),
                privateIp: xStr(q[3], ''),
                approval: xEnum(T.peApprovals, q[4], 'automatic'),
                resourceGroup: xStr(q[5], ''),
                server: xStr(q[6], ''),
              }),
            ),
          PLANNER_LIMITS.privateEndpoints,
        ),
      });
    }
    if (mode !== 'private') return obj({ mode });
    const vnet = xReq(xVnet(a[1], shape));
    const peeredVnets = xMany(a[4], (p) => xPeeredVnet(p, shape), MAX_PEERINGS_PER_VNET);
    const names = vnetNames(vnet, peeredVnets);
    return obj({
      mode,
      vnet,
      delegatedSubnet: xReq(xDelegatedSubnet(a[2])),
      privateDnsZone: xZone(a[3]),
      peeredVnets,
      peerings: shape.v1 ? undefined : xMany(a[9], (p) => xPeering(names, p), MAX_PEERINGS_IN_PLAN),
      routeTables: shape.v1 ? undefined : xMany(a[10], (t) => xRouteTable(names, t), MAX_ROUTE_TABLES),
      onPremises: xMany(a[5], xOnPremises, PLANNER_LIMITS.onPremisesSites),
      firewallRules: isNone(a[6]) ? undefined : xFirewallRules(a[6]),
      allowAzureServices: xOptBool(a[7]),
      privateEndpoints: isNone(a[8])
        ? undefined
        : xMany(
            a[8],
            (p) => xObj(p, (q) => obj({ name: xReq(q[0]), subnet: xStr(q[1], '') })),
            MAX_PRIVATE_ENDPOINTS_PER_VNET,
          ),
    });
  });

const xTls = (w: unknown): unknown =>
  isNone(w)
    ? { requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null }
    : xObj(w, (a) =>
        obj({
          requireSecureTransport: xBool(a[0], true),
          minVersion: xEnum(T.tlsVersions, a[1], 'TLSv1.2'),
          maxVersion: isNone(a[2]) ? null : xEnum(T.tlsVersions, a[2]),
        }),
      );

const xClient = (w: unknown): unknown =>
  xObj(w, (a) => {
    const kind = xEnum(T.clientKinds, a[0]);
    const base = {
      kind,
      name: xReq(a[1]),
      tlsVersion: xEnum(T.tlsVersions, a[4], 'TLSv1.2'),
      connectsByIp: xBool(a[5], false),
      intent: xEnum(T.intents, a[6], 'mustReach'),
    };
    switch (kind) {
      case 'serverVnet':
        return obj({ ...base, subnet: xStr(a[2], ''), address: xStr(a[3], '') });
      case 'vnet':
        return obj({ ...base, vnet: xReq(a[2]), address: xStr(a[3], '') });
      case 'onPremises':
        return obj({ ...base, site: xReq(a[2]), address: xStr(a[3], '') });
      case 'internet':
        return obj({ ...base, address: xReq(a[2]), dynamicIp: xBool(a[3], false) });
      case 'azureService':
        return obj({ ...base, tenant: xEnum(T.tenants, a[2], 'same'), address: xStr(a[3], '') });
      default:
        return obj(base);
    }
  });

/**
 * Link format 1's compact value back to a plan document (not yet checked: the caller migrates it
 * and runs the schema). `null` when the value is not a compact plan at all (not a list).
 */
export function expandPlanV1(w: unknown): Obj | null {
  if (!Array.isArray(w)) return null;
  const formatVersion = xReq(at(w, 0));
  const shape: Shape = { v1: formatVersion === 1 };
  return obj({
    formatVersion,
    name: xStr(at(w, 1), 'Untitled plan'),
    servers: xMany(at(w, 2), xServer, PLANNER_LIMITS.servers),
    access: xReq(xAccess(at(w, 3), shape)),
    tls: xTls(at(w, 4)),
    clients: xMany(at(w, 5), xClient, PLANNER_LIMITS.clients),
  });
}
