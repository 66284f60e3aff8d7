/**
 * The topology of private access (VNet integration): the server VNet with the delegated subnet, the servers and its
 * other subnets; the DNS servers, Azure DNS and the private DNS zone with its links; the other VNets with their
 * appliances and subnets and the peerings between any two VNets; on-premises sites and their gateways; fields that
 * have no meaning with private access; and the clients, placed where they live.
 */
import { AZURE_DNS_IP, forwardedZoneOf } from '../domain/azure';
import { cidrRange, parseIPv4Fast, parseLooseCidrFast } from '../domain/ipv4';
import type {
  Appliance,
  DnsSetting,
  Peering,
  Plan,
  PrivateAccess,
  PrivateDnsZone,
  PublicAccess,
  Route,
  Subnet,
} from '../domain/plan';
import { planIndex, type PlanIndex } from '../domain/plan-index';
import { NODE_IDS, type ClientHubs, type ClientVerdicts, type TopoBadge, type TopoNode } from './model';
import { addClients, edge, listOrDash, plural, serverNodes, type Builder, type PlacedClient } from './model-build';

function dnsLine(dns: DnsSetting): string {
  if (dns.kind === 'azure') return `DNS: Azure-provided (${AZURE_DNS_IP})`;
  const fwd = dns.forwardsToAzureDns ? `forwards to ${AZURE_DNS_IP}` : `no forwarder to ${AZURE_DNS_IP}`;
  return `DNS: custom ${listOrDash(dns.servers)} (${fwd})`;
}

/** What one direction of a peering allows beyond traffic between the two VNets, in words; [] when nothing. */
function peeringFlags(p: Peering): string[] {
  const out: string[] = [];
  if (p.allowForwardedTraffic) out.push('allows forwarded traffic');
  if (p.allowGatewayTransit) out.push('allows gateway transit');
  if (p.useRemoteGateways) out.push('uses the remote gateway');
  return out;
}

/** "a → b: allows forwarded traffic, …." for a direction that sets any flag; '' otherwise. */
function flagSentence(from: string, to: string, p: Peering | undefined): string {
  const flags = p ? peeringFlags(p) : [];
  return flags.length === 0 ? '' : ` ${from} → ${to}: ${flags.join(', ')}.`;
}

/** The access settings whose VNets, peerings, sites and zone the diagram draws (public ones may have VNets too). */
type Access = PrivateAccess | PublicAccess;

/** A VNet of the plan as the diagram draws it: its node, its name, and its order (-1 = the server VNet). */
interface VnetRef {
  readonly id: string;
  readonly name: string;
  readonly order: number;
}

/** Two VNets with at least one peering direction between them; `a` comes first in the plan. */
interface PeeringPair {
  readonly a: VnetRef;
  readonly b: VnetRef;
  /** The peering on `a` to `b`, and the one on `b` to `a` (the first of each, by planIndex). */
  readonly ab: Peering | undefined;
  readonly ba: Peering | undefined;
  /** Every entry of `access.peerings` between the two, so that their findings pin to the line. */
  readonly paths: readonly string[];
}

/**
 * The peerings of the plan, one pair per two VNets that have at least one direction between them. Names
 * resolve through planIndex (any case); a peering naming a VNet that is not in the plan, or a VNet with
 * itself, is not drawn (the rules report it).
 */
function peeringPairs(access: Access, names: PlanIndex): PeeringPair[] {
  const ref = (name: string): VnetRef | undefined => {
    const entry = names.vnet(name);
    if (entry === undefined) return undefined;
    return entry.kind === 'server'
      ? { id: NODE_IDS.serverVnet, name: entry.vnet.name, order: -1 }
      : { id: NODE_IDS.peered(entry.index), name: entry.vnet.name, order: entry.index };
  };
  const found = new Map<string, { a: VnetRef; b: VnetRef; paths: string[] }>();
  access.peerings.forEach((peering, k) => {
    const from = ref(peering.from);
    const to = ref(peering.to);
    if (from === undefined || to === undefined || from.order === to.order) return;
    const [a, b] = from.order < to.order ? [from, to] : [to, from];
    const key = `${a.order} ${b.order}`;
    const pair = found.get(key);
    if (pair) pair.paths.push(`access.peerings.${k}`);
    else found.set(key, { a, b, paths: [`access.peerings.${k}`] });
  });
  return [...found.values()]
    .map(({ a, b, paths }) => ({
      a,
      b,
      ab: names.peering(a.name, b.name)?.peering,
      ba: names.peering(b.name, a.name)?.peering,
      paths,
    }))
    .sort((x, y) => x.a.order - y.a.order || x.b.order - y.b.order);
}

/** The line of a peering pair: solid both ways, dashed with an arrow for the one direction that exists. */
function peeringEdge(b: Builder, id: string, pair: PeeringPair): void {
  const { a, b: other, ab, ba } = pair;
  const both = ab !== undefined && ba !== undefined;
  const [from, to] = both || ab !== undefined ? [a, other] : [other, a];
  const flags = flagSentence(a.name, other.name, ab) + flagSentence(other.name, a.name, ba);
  edge(b, {
    id,
    kind: 'peering',
    from: from.id,
    to: to.id,
    label: both ? 'peered' : 'one-way',
    description: both
      ? `${a.name} and ${other.name} are peered in both directions.${flags}`
      : `One-way peering: only ${from.name} → ${to.name} exists; traffic flows only once both sides are ` +
        `peered.${flags}`,
    direction: both ? 'both' : 'forward',
    style: both ? 'solid' : 'dashed',
    paths: pair.paths,
  });
}

/**
 * The peering line of another VNet's box: how it is peered with the server VNet, as before, or with others; `server`
 * false when the plan has no server VNet (public access).
 */
function peeringText(serverPair: PeeringPair | undefined, others: readonly string[], server: boolean): string[] {
  const out = serverPair?.ab !== undefined;
  const back = serverPair?.ba !== undefined;
  const lines: string[] = [];
  if (out && back) lines.push('peering: both directions');
  else if (out) lines.push('peering: one-way, server VNet side only');
  else if (back) lines.push('peering: one-way, this side only');
  else if (others.length === 0) lines.push('not peered');
  else if (server) lines.push('not peered with the server VNet');
  if (others.length > 0) {
    const shown = others.slice(0, 2).join(', ');
    const also = out || back ? 'also ' : '';
    lines.push(`${also}peering with ${shown}${others.length > 2 ? ` +${others.length - 2} more` : ''}`);
  }
  return lines;
}

/**
 * Azure's next-hop types (plan.ts ROUTE_NEXT_HOPS) in the Azure portal's words. Source: "Virtual network traffic
 * routing", user-defined routes (learn.microsoft.com/azure/virtual-network/virtual-networks-udr-overview): traffic
 * routed to next hop None is dropped.
 */
const NEXT_HOP_TEXT: Record<Route['nextHop'], string> = {
  VirtualAppliance: 'virtual appliance',
  VirtualNetworkGateway: 'virtual network gateway',
  VnetLocal: 'virtual network',
  Internet: 'Internet',
  None: 'none (dropped)',
};

const routeText = (r: Route): string =>
  `${r.name}: ${r.prefix} → ${NEXT_HOP_TEXT[r.nextHop]}` +
  (r.nextHop === 'VirtualAppliance' ? ` ${r.nextHopIp || '(no IP)'}` : '');

/** The route table of a subnet, as a mark on its box: a badge, the routes in its tooltip, the table's path. */
interface RouteMark {
  readonly badge: TopoBadge;
  readonly tooltip: string;
  readonly path: string;
}

function routeMark(names: PlanIndex, vnet: string, subnet: string): RouteMark | undefined {
  const entry = names.routeTable(vnet, subnet);
  if (entry === undefined) return undefined;
  const { table } = entry;
  return {
    badge: { kind: 'routeTable', text: `route table ${table.name}` },
    tooltip:
      table.routes.length === 0
        ? `Route table ${table.name}: no routes.`
        : `Route table ${table.name}: ${table.routes.map(routeText).join('; ')}.`,
    path: entry.path,
  };
}

/** A subnet box (of the server VNet or of another VNet), with its route table's mark. */
function subnetNode(id: string, parent: string, subnet: Subnet, path: string, mark: RouteMark | undefined): TopoNode {
  return {
    id,
    kind: 'subnet',
    parent,
    role: 'Subnet',
    title: subnet.name,
    lines: [subnet.prefix],
    badges: mark ? [mark.badge] : [],
    paths: mark ? [path, mark.path] : [path],
    tone: 'normal',
    ...(mark ? { tooltip: mark.tooltip } : {}),
  };
}

/** Whether the address block `prefix` holds `ip` (false when either does not parse). */
function holds(prefix: string, ip: string): boolean {
  const address = parseIPv4Fast(ip);
  const cidr = parseLooseCidrFast(prefix);
  if (!address.ok || !cidr.ok) return false;
  const range = cidrRange(cidr.value);
  return address.value >= range.start && address.value <= range.end;
}

/** The subnet of `subnets` whose prefix holds `ip`, if any (only to say where the appliance sits). */
function subnetHolding(ip: string, subnets: readonly Subnet[]): Subnet | undefined {
  return subnets.find((s) => holds(s.prefix, ip));
}

/**
 * Finds the box a DNS server at an address is drawn in: the first block that holds it, of the server VNet's subnets,
 * then its address spaces, then each other VNet's subnets and address spaces (a subnet, else its VNet); null when no
 * VNet of the plan holds it (on-premises, or not given). The blocks are parsed once per diagram, not once per
 * address: a plan at Azure's limits has thousands of subnets and hundreds of DNS settings.
 */
function dnsHomeFinder(access: Access): (ip: string) => string | null {
  const blocks: [id: string, prefix: string][] = [];
  const first = access.mode === 'private' ? 1 : 0;
  (access.mode === 'private' ? [access.vnet, ...access.peeredVnets] : access.peeredVnets).forEach((v, k) => {
    const p = k - first;
    v.subnets.forEach((s, j) => blocks.push([p < 0 ? NODE_IDS.subnet(j) : NODE_IDS.peeredSubnet(p, j), s.prefix]));
    for (const a of v.addressSpaces) blocks.push([p < 0 ? NODE_IDS.serverVnet : NODE_IDS.peered(p), a]);
  });
  let ranges: ({ start: number; end: number } | null)[] | undefined;
  return (ip) => {
    const address = parseIPv4Fast(ip);
    if (!address.ok) return null;
    ranges ??= blocks.map(([, prefix]) => {
      const cidr = parseLooseCidrFast(prefix);
      return cidr.ok ? cidrRange(cidr.value) : null;
    });
    const at = ranges.findIndex((r) => r !== null && address.value >= r.start && address.value <= r.end);
    return at < 0 ? null : (blocks[at] as [string, string])[0];
  };
}

/** A VNet's firewall or network virtual appliance, drawn inside the VNet. */
function applianceNode(appliance: Appliance, vnetId: string, path: string, subnets: readonly Subnet[]): TopoNode {
  const holder = subnetHolding(appliance.privateIp, subnets);
  const kind = appliance.kind === 'azureFirewall' ? 'Azure Firewall' : 'NVA';
  return {
    id: NODE_IDS.appliance(vnetId),
    kind: 'appliance',
    parent: vnetId,
    role: appliance.kind === 'azureFirewall' ? 'Azure Firewall' : 'Network virtual appliance',
    title: appliance.name,
    lines: [`${kind} · private IP ${appliance.privateIp || '(none)'}`, ...(holder ? [`in subnet ${holder.name}`] : [])],
    badges: [],
    paths: [path],
    tone: 'normal',
  };
}

/** The index of the peered VNet of this name, or undefined (also for the server VNet's own name). */
export function peeredIndex(names: PlanIndex, name: string): number | undefined {
  const entry = names.vnet(name);
  return entry?.kind === 'peered' ? entry.index : undefined;
}

/** The server VNet: the delegated subnet with the servers, the other subnets (a collection) and the appliance. */
function serverVnetNodes(b: Builder, plan: Plan, access: PrivateAccess, names: PlanIndex): void {
  const vnet = access.vnet;
  b.nodes.push({
    id: NODE_IDS.serverVnet,
    kind: 'serverVnet',
    parent: null,
    role: 'Server VNet',
    title: vnet.name,
    lines: [
      `${vnet.region} · ${listOrDash(vnet.addressSpaces)}${vnet.existing ? ' · existing' : ''}`,
      dnsLine(vnet.dns),
    ],
    badges: [],
    paths: ['access.vnet'],
    tone: 'normal',
  });
  const ds = access.delegatedSubnet;
  const delegation =
    ds.existing && ds.existingDelegation !== null ? ds.existingDelegation : 'Microsoft.DBforPostgreSQL/flexibleServers';
  const dsLines = [`${ds.prefix}${ds.existing ? ' · existing' : ''}`, `delegated to ${delegation}`];
  if (ds.otherResourceTypes.length > 0) dsLines.push(`also holds: ${ds.otherResourceTypes.join(', ')}`);
  const dsRoutes = routeMark(names, vnet.name, ds.name);
  b.nodes.push({
    id: NODE_IDS.delegatedSubnet,
    kind: 'delegatedSubnet',
    parent: NODE_IDS.serverVnet,
    role: 'Delegated subnet',
    title: ds.name,
    lines: dsLines,
    badges: [
      {
        kind: 'nsg',
        text: ds.nsg ? `NSG ${ds.nsg.name} (${plural(ds.nsg.rules.length, 'rule')})` : 'no NSG on this subnet',
      },
      ...(dsRoutes ? [dsRoutes.badge] : []),
    ],
    paths: dsRoutes ? ['access.delegatedSubnet', dsRoutes.path] : ['access.delegatedSubnet'],
    tone: 'highlight',
    ...(dsRoutes ? { tooltip: dsRoutes.tooltip } : {}),
  });
  serverNodes(b, plan, NODE_IDS.delegatedSubnet);

  vnet.subnets.forEach((s, i) => {
    b.nodes.push(
      subnetNode(
        NODE_IDS.subnet(i),
        NODE_IDS.serverVnet,
        s,
        `access.vnet.subnets.${i}`,
        routeMark(names, vnet.name, s.name),
      ),
    );
  });
  if (vnet.subnets.length > 0) {
    b.groups.push({
      id: 'subnets',
      kind: 'subnets',
      noun: 'subnets',
      members: vnet.subnets.map((_, i) => NODE_IDS.subnet(i)),
      summary: [`${plural(vnet.subnets.length, 'other subnet')} in ${vnet.name}`],
      path: 'access.vnet.subnets',
    });
  }
  if (vnet.appliance)
    b.nodes.push(applianceNode(vnet.appliance, NODE_IDS.serverVnet, 'access.vnet.appliance', vnet.subnets));
}

/** One box per distinct custom DNS setting, and Azure DNS when any VNet forwards to it; with their lines. */
export function dnsNodes(b: Builder, access: Access): void {
  const vnet = access.mode === 'private' ? access.vnet : null;
  const dnsKeys = new Map<string, { id: string; users: string[]; forwards: boolean; servers: string[] }>();
  const addDns = (dns: DnsSetting, user: string): string | null => {
    if (dns.kind !== 'custom') return null;
    const key = `${dns.servers.join(',')}|${dns.forwardsToAzureDns ? 1 : 0}`;
    let entry = dnsKeys.get(key);
    if (!entry) {
      entry = {
        id: NODE_IDS.dnsServers(dnsKeys.size),
        users: [],
        forwards: dns.forwardsToAzureDns,
        servers: dns.servers,
      };
      dnsKeys.set(key, entry);
    }
    entry.users.push(user);
    return entry.id;
  };
  const serverVnetDns = vnet && addDns(vnet.dns, vnet.name);
  access.peeredVnets.forEach((p) => addDns(p.dns, p.name));
  let anyForwards = false;
  const dnsHome = dnsHomeFinder(access);
  for (const entry of dnsKeys.values()) {
    anyForwards ||= entry.forwards;
    const shown = entry.users.slice(0, 2).join(', ');
    // Drawn where the first of its servers that a VNet of the plan holds lives.
    const home = entry.servers.reduce<string | null>((h, ip) => h ?? dnsHome(ip), null);
    b.nodes.push({
      id: entry.id,
      kind: 'dnsServers',
      parent: home,
      role: 'Custom DNS servers',
      title: `Custom DNS ${listOrDash(entry.servers)}`,
      lines: [
        `used by ${shown}${entry.users.length > 2 ? ` +${entry.users.length - 2} more` : ''}`,
        entry.forwards ? `forwarder → ${AZURE_DNS_IP}` : `✕ no forwarder to ${AZURE_DNS_IP}`,
      ],
      badges: [],
      paths: entry.id === serverVnetDns ? ['access.vnet.dns'] : [],
      tone: entry.forwards ? 'normal' : 'warning',
    });
  }
  if (anyForwards) {
    b.nodes.push({
      id: NODE_IDS.azureDns,
      kind: 'azureDns',
      parent: null,
      role: 'Azure DNS',
      title: `Azure DNS ${AZURE_DNS_IP}`,
      lines: ['resolves the private DNS zone', 'for linked VNets'],
      badges: [],
      paths: [],
      tone: 'normal',
    });
    for (const entry of dnsKeys.values()) {
      if (!entry.forwards) continue;
      edge(b, {
        id: `fwd-${entry.id}`,
        kind: 'dnsForward',
        from: entry.id,
        to: NODE_IDS.azureDns,
        label: 'forwards',
        description: `Custom DNS ${listOrDash(entry.servers)} forwards to Azure DNS ${AZURE_DNS_IP}.`,
        direction: 'forward',
        paths: [],
      });
    }
  }
  if (vnet && serverVnetDns !== null) {
    edge(b, {
      id: 'dns-use-vnet',
      kind: 'dnsUse',
      from: NODE_IDS.serverVnet,
      to: serverVnetDns,
      label: 'DNS',
      description:
        `${vnet.name} uses custom DNS servers ` + `${vnet.dns.kind === 'custom' ? listOrDash(vnet.dns.servers) : ''}.`,
      direction: 'forward',
      paths: ['access.vnet.dns'],
    });
  }
}

/** The private DNS zone (or a warning that there is none) and its link to the server VNet; returns the zone. */
export function zoneNode(b: Builder, plan: Plan, access: Access): PrivateDnsZone | null {
  const vnet = access.mode === 'private' ? access.vnet : null;
  const zone = access.privateDnsZone;
  b.nodes.push({
    id: NODE_IDS.dnsZone,
    kind: 'dnsZone',
    parent: null,
    role: 'Private DNS zone',
    title: zone ? zone.name : 'No private DNS zone',
    lines: zone
      ? [
          `${zone.existing ? 'existing' : 'new'}${zone.resourceGroup ? ` · ${zone.resourceGroup}` : ''}`,
          `A records: ${plan.servers.map((s) => s.name).join(', ')}`,
        ]
      : ['the server name cannot be resolved privately'],
    badges: [],
    paths: ['access.privateDnsZone'],
    tone: zone ? 'normal' : 'warning',
  });
  if (zone && vnet?.zoneLink) {
    edge(b, {
      id: 'link-vnet',
      kind: 'zoneLink',
      from: NODE_IDS.dnsZone,
      to: NODE_IDS.serverVnet,
      label: 'DNS link',
      description: `The private DNS zone ${zone.name} is linked to ${vnet.name}.`,
      style: 'dotted',
      paths: ['access.vnet.zoneLink'],
    });
  }
  return zone;
}

/** By other VNet `i`: its pair with the server VNet, and the names of the other VNets that `i` has a peering with. */
function peeringsByVnet(pairs: readonly PeeringPair[]): {
  withServer: Map<number, PeeringPair>;
  peersOf: Map<number, string[]>;
} {
  const withServer = new Map<number, PeeringPair>();
  const peersOf = new Map<number, string[]>();
  for (const pair of pairs) {
    if (pair.a.order < 0) {
      withServer.set(pair.b.order, pair);
      continue;
    }
    for (const [one, other] of [
      [pair.a, pair.b],
      [pair.b, pair.a],
    ] as const) {
      const list = peersOf.get(one.order);
      if (list) list.push(other.name);
      else peersOf.set(one.order, [other.name]);
    }
  }
  return { withServer, peersOf };
}

/** The other VNets with their appliances and subnets, the peerings between any two VNets, and the zone links. */
export function otherVnetNodes(b: Builder, access: Access, names: PlanIndex, zone: PrivateDnsZone | null): void {
  const server = access.mode === 'private';
  const pairs = peeringPairs(access, names);
  const { withServer, peersOf } = peeringsByVnet(pairs);
  access.peeredVnets.forEach((p, i) => {
    const id = NODE_IDS.peered(i);
    const serverPair = withServer.get(i);
    const others = peersOf.get(i) ?? [];
    b.nodes.push({
      id,
      kind: 'peeredVnet',
      parent: null,
      role: server ? 'Peered VNet' : 'VNet',
      title: p.name,
      lines: [
        `${p.region} · ${listOrDash(p.addressSpaces)}`,
        ...peeringText(serverPair, others, server),
        zone ? (p.zoneLink ? 'linked to the DNS zone' : 'not linked to the DNS zone') : 'no DNS zone to link',
        dnsLine(p.dns),
      ],
      badges: [],
      paths: [`access.peeredVnets.${i}`],
      tone: serverPair !== undefined || others.length > 0 ? 'normal' : 'muted',
    });
    if (p.appliance) b.nodes.push(applianceNode(p.appliance, id, `access.peeredVnets.${i}.appliance`, p.subnets));
    p.subnets.forEach((s, j) => {
      b.nodes.push(
        subnetNode(
          NODE_IDS.peeredSubnet(i, j),
          id,
          s,
          `access.peeredVnets.${i}.subnets.${j}`,
          routeMark(names, p.name, s.name),
        ),
      );
    });
    if (serverPair) peeringEdge(b, `peering-${i}`, serverPair);
    if (zone && p.zoneLink) {
      edge(b, {
        id: `link-peer-${i}`,
        kind: 'zoneLink',
        from: NODE_IDS.dnsZone,
        to: id,
        label: 'DNS link',
        description: `The private DNS zone ${zone.name} is linked to ${p.name}.`,
        style: 'dotted',
        paths: [`access.peeredVnets.${i}.zoneLink`],
      });
    }
  });
  // Peerings between two other VNets (a hub and its spokes), after those of the server VNet.
  for (const pair of pairs) if (pair.a.order >= 0) peeringEdge(b, `peering-${pair.a.order}-${pair.b.order}`, pair);
  if (access.peeredVnets.length > 0) peeredGroup(b, access, withServer, server);
}

/** The collection of other VNets, with how many are peered both ways with the server VNet and linked to the zone. */
function peeredGroup(b: Builder, access: Access, withServer: ReadonlyMap<number, PeeringPair>, server: boolean): void {
  const n = access.peeredVnets.length;
  const both = access.peeredVnets.filter((_, i) => {
    const pair = withServer.get(i);
    return pair?.ab !== undefined && pair.ba !== undefined;
  }).length;
  const linked = access.peeredVnets.filter((p) => p.zoneLink).length;
  b.groups.push({
    id: 'peered',
    kind: 'peeredVnets',
    noun: 'peered VNets',
    members: access.peeredVnets.map((_, i) => NODE_IDS.peered(i)),
    summary: [
      plural(n, 'other VNet'),
      ...(server ? [`${both} peered both ways with the server VNet, ${n - both} not`] : []),
      `${linked} linked to the DNS zone`,
    ],
    path: 'access.peeredVnets',
  });
}

/**
 * On-premises sites and their gateways, joined to the VNet that holds the gateway; in public access, the zone that a
 * site's DNS forwards into Azure.
 */
export function siteNodes(b: Builder, access: Access, names: PlanIndex): void {
  const vnet = access.mode === 'private' ? access.vnet.name : '';
  access.onPremises.forEach((site, i) => {
    const id = NODE_IDS.site(i);
    const gatewayVnetName = site.gatewayVnet || vnet;
    const gatewayPeer = peeredIndex(names, site.gatewayVnet);
    const gatewayTarget =
      (vnet && site.gatewayVnet === '') || names.vnet(site.gatewayVnet)?.kind === 'server'
        ? NODE_IDS.serverVnet
        : gatewayPeer !== undefined
          ? NODE_IDS.peered(gatewayPeer)
          : null;
    const kindText =
      site.connection === 'vpn' ? 'VPN gateway' : site.connection === 'expressRoute' ? 'ExpressRoute' : 'not connected';
    const lines = [
      listOrDash(site.addressRanges),
      site.dnsForwarder
        ? // Into the gateway's VNet, where the connectivity check takes the resolver to be.
          `DNS: forwards ${vnet ? 'the zone' : forwardedZoneOf(site.forwardedZone)} ` +
          (gatewayTarget === null || site.connection === 'none' ? 'into Azure' : `to a resolver in ${gatewayVnetName}`)
        : 'DNS: no forwarder into Azure',
    ];
    if (site.connection !== 'none' && gatewayTarget === null)
      lines.push(`✕ gateway VNet ${site.gatewayVnet} is not in the plan`);
    b.nodes.push({
      id,
      kind: 'onPremises',
      parent: null,
      role: 'On-premises network',
      title: site.name,
      lines,
      badges: [],
      paths: [`access.onPremises.${i}`],
      tone: site.connection === 'none' ? 'muted' : 'normal',
    });
    if (site.connection === 'none') return;
    const gw = NODE_IDS.gateway(i);
    b.nodes.push({
      id: gw,
      kind: 'gateway',
      parent: null,
      role: site.connection === 'vpn' ? 'VPN gateway' : 'ExpressRoute gateway',
      title: site.connection === 'vpn' ? 'VPN gateway' : 'ExpressRoute gateway',
      lines: [`in ${gatewayVnetName}`],
      badges: [],
      paths: [`access.onPremises.${i}.connection`, `access.onPremises.${i}.gatewayVnet`],
      tone: gatewayTarget === null ? 'warning' : 'normal',
    });
    edge(b, {
      id: `site-gw-${i}`,
      kind: 'gateway',
      from: id,
      to: gw,
      label: site.connection === 'vpn' ? 'VPN' : 'ER',
      description: `${site.name} connects through a ${kindText} in ${gatewayVnetName}.`,
      direction: 'both',
      paths: [`access.onPremises.${i}.connection`],
    });
    if (gatewayTarget !== null) {
      edge(b, {
        id: `gw-vnet-${i}`,
        kind: 'gateway',
        from: gw,
        to: gatewayTarget,
        label: site.connection === 'vpn' ? 'VPN' : 'ExpressRoute',
        description: `The ${kindText} of ${site.name} sits in ${gatewayVnetName}.`,
        direction: 'both',
        paths: [`access.onPremises.${i}.gatewayVnet`],
      });
    }
  });
}

/** Fields that have no meaning with private access (reported by PGN-111/112); shown so the finding has a place. */
function ignoredFieldsNote(b: Builder, access: PrivateAccess): void {
  const extras: string[] = [];
  const extraPaths: string[] = [];
  if (access.firewallRules && access.firewallRules.length > 0) {
    extras.push(`${plural(access.firewallRules.length, 'firewall rule')} (ignored: no public endpoint)`);
    extraPaths.push('access.firewallRules');
  }
  if (access.allowAzureServices) {
    extras.push('"Allow Azure services" (ignored: no public endpoint)');
    extraPaths.push('access.allowAzureServices');
  }
  if (access.privateEndpoints && access.privateEndpoints.length > 0) {
    extras.push(`${plural(access.privateEndpoints.length, 'private endpoint')} (not possible with VNet integration)`);
    extraPaths.push('access.privateEndpoints');
  }
  if (extras.length > 0) {
    b.nodes.push({
      id: NODE_IDS.note,
      kind: 'note',
      parent: null,
      role: 'Not applicable with private access',
      title: 'Not applicable with private access',
      lines: extras,
      badges: [],
      paths: extraPaths,
      tone: 'warning',
    });
  }
}

/**
 * Each client where it lives (a subnet, another VNet, a site, the internet, Azure services) and its way in: from a
 * VNet not peered with the server VNet, or from a site whose gateway subnet routes to its VNet's appliance, through
 * the appliance of the hub the checker's path crosses (`hubs`).
 */
function placeClients(plan: Plan, access: PrivateAccess, names: PlanIndex, hubs?: ClientHubs): PlacedClient[] {
  const placed: PlacedClient[] = [];
  plan.clients.forEach((c, i) => {
    // The appliance of the hub the checker's path crosses: the hub is one of the other VNets (`access.peeredVnets.2`),
    // one with an appliance (the checker names no other).
    const hub = hubs?.[`clients.${i}`]?.split('.')[2];
    const through = hub === undefined ? [] : [NODE_IDS.appliance(NODE_IDS.peered(Number(hub)))];
    switch (c.kind) {
      case 'serverVnet': {
        const entry = names.subnet(c.subnet);
        const s = entry?.kind === 'subnet' ? entry.index : undefined;
        const parent = s !== undefined ? NODE_IDS.subnet(s) : NODE_IDS.serverVnet;
        placed.push({ client: c, index: i, parent, via: [parent, NODE_IDS.serverVnet] });
        break;
      }
      case 'vnet': {
        const p = peeredIndex(names, c.vnet);
        const parent = p !== undefined ? NODE_IDS.peered(p) : null;
        placed.push({ client: c, index: i, parent, via: parent ? [parent, ...through, NODE_IDS.serverVnet] : [] });
        break;
      }
      case 'onPremises': {
        const s = names.site(c.site)?.index;
        const site = s !== undefined ? access.onPremises[s] : undefined;
        const parent = s !== undefined ? NODE_IDS.site(s) : null;
        const via: string[] = [];
        if (parent && site && site.connection !== 'none') {
          via.push(parent, NODE_IDS.gateway(s as number));
          const gatewayPeer = site.gatewayVnet === '' ? undefined : peeredIndex(names, site.gatewayVnet);
          // Through the hub's appliance when the checker's path crosses it: the hub is then the gateway's VNet.
          if (gatewayPeer !== undefined) via.push(NODE_IDS.peered(gatewayPeer), ...through);
          via.push(NODE_IDS.serverVnet);
        }
        placed.push({ client: c, index: i, parent, via });
        break;
      }
      case 'internet':
        placed.push({ client: c, index: i, parent: NODE_IDS.internet, via: [NODE_IDS.internet, NODE_IDS.serverVnet] });
        break;
      case 'azureService':
        placed.push({
          client: c,
          index: i,
          parent: NODE_IDS.azureServices,
          via: [NODE_IDS.azureServices, NODE_IDS.serverVnet],
        });
        break;
    }
  });
  return placed;
}

/** The clients, with the internet and Azure services boxes when a client lives there. */
function clientNodes(
  b: Builder,
  plan: Plan,
  access: PrivateAccess,
  names: PlanIndex,
  verdicts: ClientVerdicts | undefined,
  hubs: ClientHubs | undefined,
): void {
  const placed = placeClients(plan, access, names, hubs);
  if (plan.clients.some((c) => c.kind === 'internet')) {
    b.nodes.push({
      id: NODE_IDS.internet,
      kind: 'internet',
      parent: null,
      role: 'Internet',
      title: 'Internet',
      lines: ['no public endpoint with private access'],
      badges: [],
      paths: [],
      tone: 'muted',
    });
  }
  if (plan.clients.some((c) => c.kind === 'azureService')) {
    b.nodes.push({
      id: NODE_IDS.azureServices,
      kind: 'azureServices',
      parent: null,
      role: 'Azure services',
      title: 'Azure services (no VNet integration)',
      lines: ['reach a VNet-integrated server only', 'through VNet integration of their own'],
      badges: [],
      paths: [],
      tone: 'muted',
    });
  }
  addClients(b, placed, NODE_IDS.server(0), verdicts);
}

/** Adds the picture of private access to `b`. */
export function privateTopology(
  b: Builder,
  plan: Plan,
  access: PrivateAccess,
  verdicts: ClientVerdicts | undefined,
  hubs?: ClientHubs,
): void {
  // Names resolve as in the rules and the checker: any case, the first of a name (planIndex).
  const names = planIndex(plan);
  serverVnetNodes(b, plan, access, names);
  dnsNodes(b, access);
  const zone = zoneNode(b, plan, access);
  otherVnetNodes(b, access, names, zone);
  siteNodes(b, access, names);
  ignoredFieldsNote(b, access);
  clientNodes(b, plan, access, names, verdicts, hubs);
}
