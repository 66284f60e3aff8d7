/**
 * The topology model: the plan as an architect draws it — containers (VNets, subnets), things
 * (servers, DNS, gateways, clients) and the lines between them (peerings, zone links, gateways,
 * client paths). Pure data, no geometry: `topologyLayout.ts` places it, the view draws it.
 *
 * Every element carries the plan paths it stands for, so that findings (whose `path` is a dotted
 * plan path) can be pinned to the most specific element that shows them.
 */
import { AZURE_DNS_IP, AZURE_SERVICES_RULE_IP, SERVER_FQDN_SUFFIX } from './azure';
import type { Finding } from './finding';
import {
  cidrRange,
  formatIPv4,
  mergeRanges,
  paintRanges,
  paintedAt,
  parseIPv4Fast,
  parseIPv4OrCidr,
  parseLooseCidrFast,
  type IpRange,
  type PaintedSegment,
} from './ipv4';
import type {
  Appliance,
  Client,
  DnsSetting,
  Peering,
  Plan,
  PrivateAccess,
  PublicAccess,
  Route,
  Server,
  Subnet,
} from './plan';
import { planIndex, type PlanIndex } from './plan-index';

export type ClientVerdict = 'reachable' | 'unreachable' | 'warning';
export type ClientVerdicts = Readonly<Record<string, ClientVerdict>>;

export type TopoNodeKind =
  | 'title'
  | 'legend'
  | 'serverVnet'
  | 'subnet'
  | 'delegatedSubnet'
  | 'server'
  | 'standby'
  | 'dnsZone'
  | 'dnsServers'
  | 'azureDns'
  | 'peeredVnet'
  | 'appliance'
  | 'onPremises'
  | 'gateway'
  | 'internet'
  | 'azureServices'
  | 'publicEndpoint'
  | 'firewallRule'
  | 'firewallSummary'
  | 'client'
  | 'note';

/** How a box is drawn: `highlight` = the delegated subnet, `warning` = something Azure will not do. */
export type TopoTone = 'normal' | 'highlight' | 'warning' | 'muted';

export interface TopoNode {
  readonly id: string;
  readonly kind: TopoNodeKind;
  /** The container this node is drawn inside (a VNet, a subnet, a site), or null. */
  readonly parent: string | null;
  /** What the node is ("Peered VNet", "Flexible server"): read out and listed in the text alternative. */
  readonly role: string;
  readonly title: string;
  readonly lines: readonly string[];
  /** Pill-shaped labels under the title (the NSG of the delegated subnet). */
  readonly badges: readonly string[];
  /** Plan paths this node stands for; a finding is pinned to the element with the longest matching path. */
  readonly paths: readonly string[];
  readonly tone: TopoTone;
  /** For client nodes: the verdict given by the connectivity checker, if any. */
  readonly verdict?: ClientVerdict;
  /**
   * For client nodes: the boxes its traffic passes between it and the server VNet or endpoint, in order (its
   * line, when drawn, carries the same `via`); empty when the picture has no way for it.
   */
  readonly via?: readonly string[];
  /** More than the box shows (the routes of a subnet's route table): its tooltip, read out with it. */
  readonly tooltip?: string;
  /** For the legend: its entries, one per line of `lines` (their texts), each with the mark it explains. */
  readonly legend?: readonly LegendEntry[];
}

export type TopoEdgeKind =
  | 'peering'
  | 'zoneLink'
  | 'gateway'
  | 'dnsUse'
  | 'dnsForward'
  | 'ha'
  | 'internetAccess'
  | 'firewallAllow'
  | 'azureServices'
  | 'clientPath';

export interface TopoEdge {
  readonly id: string;
  readonly kind: TopoEdgeKind;
  readonly from: string;
  readonly to: string;
  /** Short label drawn on the line. */
  readonly label: string;
  /** Full sentence for the text alternative and the tooltip. */
  readonly description: string;
  /** `forward` = one-way (arrow at `to`), `both` = two-way, `none` = an association. */
  readonly direction: 'forward' | 'both' | 'none';
  readonly style: 'solid' | 'dashed' | 'dotted';
  readonly paths: readonly string[];
  /** For client paths: the nodes the path goes through, in order, between `from` and `to`. */
  readonly via: readonly string[];
  readonly verdict?: ClientVerdict;
}

/** A mark the diagram draws, as its legend shows a sample of it. */
export type LegendMark =
  | { readonly type: 'line'; readonly kind: TopoEdgeKind; readonly style: TopoEdge['style']; readonly arrow: boolean }
  | { readonly type: 'box'; readonly kind: TopoNodeKind; readonly tone: TopoTone }
  | { readonly type: 'badge' }
  | { readonly type: 'finding' };

export interface LegendEntry {
  readonly mark: LegendMark;
  readonly text: string;
}

type TopoGroupKind = 'subnets' | 'peeredVnets' | 'firewallRules';

/** A collection that the layout may page or collapse (many peered VNets, many firewall rules). */
export interface TopoGroup {
  readonly id: string;
  readonly kind: TopoGroupKind;
  /** Plural noun: "peered VNets". */
  readonly noun: string;
  readonly members: readonly string[];
  /** Lines describing the whole collection (drawn in its summary box). */
  readonly summary: readonly string[];
  readonly path: string;
}

export interface Topology {
  readonly mode: 'private' | 'public';
  readonly planName: string;
  readonly nodes: readonly TopoNode[];
  readonly edges: readonly TopoEdge[];
  readonly groups: readonly TopoGroup[];
}

/** Node ids are built from indices only (never from names), so any name is safe in an id. */
export const NODE_IDS = {
  title: 'title',
  legend: 'legend',
  serverVnet: 'vnet',
  delegatedSubnet: 'delegated',
  dnsZone: 'zone',
  azureDns: 'azure-dns',
  internet: 'internet',
  azureServices: 'azure-services',
  firewallSummary: 'fw-summary',
  note: 'note',
  server: (i: number) => `server-${i}`,
  standby: (i: number) => `standby-${i}`,
  endpoint: (i: number) => `endpoint-${i}`,
  subnet: (i: number) => `subnet-${i}`,
  peered: (i: number) => `peer-${i}`,
  /** Subnet `j` of the other VNet `i`. */
  peeredSubnet: (i: number, j: number) => `peer-${i}-subnet-${j}`,
  /** The firewall or appliance of a VNet, by the VNet's node id. */
  appliance: (vnetId: string) => `${vnetId}-appliance`,
  site: (i: number) => `site-${i}`,
  gateway: (i: number) => `gateway-${i}`,
  dnsServers: (i: number) => `dns-${i}`,
  rule: (i: number) => `rule-${i}`,
  client: (i: number) => `client-${i}`,
} as const;

const serverFqdn = (name: string): string => `${name}.${SERVER_FQDN_SUFFIX}`;

const HA_LABEL: Record<Server['highAvailability'], string> = {
  Disabled: 'HA off',
  SameZone: 'HA: same-zone standby',
  ZoneRedundant: 'HA: zone-redundant standby',
};

const VERDICT_TEXT: Record<ClientVerdict, string> = {
  reachable: '✓ reachable',
  unreachable: '✕ not reachable',
  warning: '⚠ reachable with warnings',
};

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

const listOrDash = (items: readonly string[]): string => (items.length === 0 ? '—' : items.join(', '));

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
function peeringPairs(access: PrivateAccess, names: PlanIndex): PeeringPair[] {
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

/** The peering line of another VNet's box: how it is peered with the server VNet, as before, or with others. */
function peeringText(serverPair: PeeringPair | undefined, others: readonly string[]): string[] {
  const out = serverPair?.ab !== undefined;
  const back = serverPair?.ba !== undefined;
  const lines: string[] = [];
  if (out && back) lines.push('peering: both directions');
  else if (out) lines.push('peering: one-way, server VNet side only');
  else if (back) lines.push('peering: one-way, this side only');
  else lines.push(others.length > 0 ? 'not peered with the server VNet' : 'not peered');
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
  readonly badge: string;
  readonly tooltip: string;
  readonly path: string;
}

function routeMark(names: PlanIndex, vnet: string, subnet: string): RouteMark | undefined {
  const entry = names.routeTable(vnet, subnet);
  if (entry === undefined) return undefined;
  const { table } = entry;
  return {
    badge: `route table ${table.name}`,
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

/** The subnet of `subnets` whose prefix holds `ip`, if any (only to say where the appliance sits). */
function subnetHolding(ip: string, subnets: readonly Subnet[]): Subnet | undefined {
  const address = parseIPv4Fast(ip);
  if (!address.ok) return undefined;
  return subnets.find((s) => {
    const cidr = parseLooseCidrFast(s.prefix);
    if (!cidr.ok) return false;
    const range = cidrRange(cidr.value);
    return address.value >= range.start && address.value <= range.end;
  });
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

function clientPlace(client: Client): string {
  switch (client.kind) {
    case 'serverVnet':
      return `in subnet ${client.subnet || '(none)'}`;
    case 'vnet':
      return `in VNet ${client.vnet}`;
    case 'onPremises':
      return `at ${client.site}`;
    case 'internet':
      return client.dynamicIp ? 'internet, dynamic IP' : 'internet';
    case 'azureService':
      return client.tenant === 'other' ? 'Azure service, other tenant' : 'Azure service, this tenant';
  }
}

/** Builds the lines shared by every client node. */
function clientNode(
  client: Client,
  index: number,
  parent: string | null,
  verdicts: ClientVerdicts | undefined,
): TopoNode {
  const verdict = verdicts?.[client.name];
  const lines = [client.address ? `${client.address} · ${clientPlace(client)}` : clientPlace(client)];
  if (verdict !== undefined) lines.push(VERDICT_TEXT[verdict]);
  return {
    id: NODE_IDS.client(index),
    kind: 'client',
    parent,
    role: 'Client',
    title: client.name,
    lines,
    badges: [],
    paths: [`clients.${index}`],
    tone: verdict === 'unreachable' ? 'muted' : 'normal',
    ...(verdict !== undefined ? { verdict } : {}),
  };
}

interface Builder {
  nodes: TopoNode[];
  edges: TopoEdge[];
  groups: TopoGroup[];
}

function edge(
  b: Builder,
  e: Omit<TopoEdge, 'via' | 'style' | 'direction'> & Partial<Pick<TopoEdge, 'via' | 'style' | 'direction'>>,
): void {
  b.edges.push({ via: [], style: 'solid', direction: 'none', ...e });
}

function titleAndLegend(b: Builder, plan: Plan): void {
  b.nodes.push({
    id: NODE_IDS.title,
    kind: 'title',
    parent: null,
    role: 'Plan',
    title: plan.name,
    lines: [
      plan.access.mode === 'private' ? 'Private access (VNet integration)' : 'Public access (allowed IP addresses)',
      `TLS: ${plan.tls.requireSecureTransport ? 'required' : 'not required'}, ` +
        `minimum ${plan.tls.minVersion}${plan.tls.maxVersion ? `, maximum ${plan.tls.maxVersion}` : ''}`,
    ],
    badges: [],
    paths: ['', 'tls'],
    tone: 'normal',
  });
  // Its entries are those of the marks drawn, known once the whole picture is built (withLegend).
  b.nodes.push({
    id: NODE_IDS.legend,
    kind: 'legend',
    parent: null,
    role: 'Legend',
    title: 'Legend',
    lines: [],
    badges: [],
    paths: [],
    tone: 'muted',
  });
}

const REACHABLE_TEXT = 'client path: reachable';
const WARNING_TEXT = 'client path: with warnings';

/**
 * What each kind of line means, by its style: every kind and style that planToTopology draws has its words here
 * (a client's line is solid when it reaches the server, dashed when it does with warnings).
 */
export const LINE_LEGEND: Readonly<Record<TopoEdgeKind, Partial<Record<TopoEdge['style'], string>>>> = {
  peering: { solid: 'peering, both directions', dashed: 'one-way peering (no traffic)' },
  zoneLink: { dotted: 'private DNS zone link' },
  gateway: { solid: 'VPN or ExpressRoute connection' },
  dnsUse: { solid: 'VNet uses these DNS servers' },
  dnsForward: { solid: 'forwards DNS queries' },
  ha: { solid: 'HA replication to the standby' },
  internetAccess: { solid: 'traffic from the internet' },
  firewallAllow: { solid: 'allowed through to the server' },
  azureServices: { dashed: 'all of Azure (0.0.0.0 rule)' },
  clientPath: { solid: REACHABLE_TEXT, dashed: WARNING_TEXT },
};

/** What each box is, by its kind, in the legend's order; null: the box says it (title, legend, notes). */
export const BOX_LEGEND: Readonly<Record<TopoNodeKind, string | null>> = {
  title: null,
  legend: null,
  serverVnet: 'VNet of the server',
  peeredVnet: 'other VNet',
  subnet: 'subnet',
  delegatedSubnet: 'delegated subnet',
  server: 'flexible server',
  standby: 'HA standby',
  appliance: 'firewall or appliance',
  dnsZone: 'private DNS zone',
  dnsServers: 'DNS servers',
  azureDns: 'DNS servers',
  onPremises: 'on-premises network',
  gateway: 'VPN or ExpressRoute gateway',
  internet: 'internet',
  azureServices: 'Azure services',
  publicEndpoint: 'public endpoint',
  firewallRule: 'firewall rule',
  firewallSummary: null,
  client: 'client',
  note: null,
};

const lineMark = (kind: TopoEdgeKind, style: TopoEdge['style']): LegendMark => ({
  type: 'line',
  kind,
  style,
  arrow: true,
});

/** How each verdict of the connectivity checker shows: a client's line, or none and a faded box. */
export const VERDICT_LEGEND: Readonly<Record<ClientVerdict, LegendEntry>> = {
  reachable: { mark: lineMark('clientPath', 'solid'), text: REACHABLE_TEXT },
  warning: { mark: lineMark('clientPath', 'dashed'), text: WARNING_TEXT },
  unreachable: { mark: { type: 'box', kind: 'client', tone: 'muted' }, text: 'client: not reachable' },
};

/** Boxes of a tone that changes how any kind looks; their own text says why. */
const TONE_LEGEND: Readonly<Record<'muted' | 'warning', LegendEntry>> = {
  muted: { mark: { type: 'box', kind: 'note', tone: 'muted' }, text: 'not connected or not in use' },
  warning: { mark: { type: 'box', kind: 'note', tone: 'warning' }, text: 'a problem: its text says which' },
};

const BADGE_LEGEND: LegendEntry = { mark: { type: 'badge' }, text: 'NSG or route table of a subnet' };

/** Findings are pinned by the view, whatever the picture: the legend always explains their marker. */
const FINDING_LEGEND: LegendEntry = { mark: { type: 'finding' }, text: 'findings pinned to an element' };

const EDGE_STYLES: readonly TopoEdge['style'][] = ['solid', 'dashed', 'dotted'];

/**
 * The legend of a picture: one entry per mark it draws (each kind and style of line, each kind of box, the
 * faded and warning tones, badges) and the findings' marker, lines first, in the order of LINE_LEGEND and
 * BOX_LEGEND. Entries with the same words are one entry.
 */
function legendEntries(nodes: readonly TopoNode[], edges: readonly TopoEdge[]): LegendEntry[] {
  const lines = new Map<string, LegendEntry>();
  for (const e of edges) {
    const key = `${e.kind} ${e.style}`;
    if (lines.has(key)) continue;
    const texts = LINE_LEGEND[e.kind];
    const text = texts[e.style] ?? Object.values(texts)[0] ?? e.kind;
    lines.set(key, { mark: { type: 'line', kind: e.kind, style: e.style, arrow: e.direction === 'forward' }, text });
  }
  const kinds = new Set<TopoNodeKind>();
  const tones = new Set<TopoTone>();
  let unreachable = false;
  let badges = false;
  for (const n of nodes) {
    if (n.kind === 'legend' || n.kind === 'title') continue;
    badges ||= n.badges.length > 0;
    if (n.kind === 'client' && n.verdict === 'unreachable') unreachable = true;
    else if (n.tone === 'muted' || n.tone === 'warning') tones.add(n.tone);
    else kinds.add(n.kind);
  }
  const out: LegendEntry[] = [];
  for (const kind of Object.keys(LINE_LEGEND) as TopoEdgeKind[])
    for (const style of EDGE_STYLES) {
      const entry = lines.get(`${kind} ${style}`);
      if (entry) out.push(entry);
    }
  const said = new Set<string>();
  for (const kind of Object.keys(BOX_LEGEND) as TopoNodeKind[]) {
    const text = BOX_LEGEND[kind];
    if (text === null || !kinds.has(kind) || said.has(text)) continue;
    said.add(text);
    out.push({ mark: { type: 'box', kind, tone: 'normal' }, text });
  }
  if (unreachable) out.push(VERDICT_LEGEND.unreachable);
  if (tones.has('muted')) out.push(TONE_LEGEND.muted);
  if (tones.has('warning')) out.push(TONE_LEGEND.warning);
  if (badges) out.push(BADGE_LEGEND);
  out.push(FINDING_LEGEND);
  return out;
}

/** The picture's nodes with the legend's entries filled in. */
function withLegend(nodes: readonly TopoNode[], edges: readonly TopoEdge[]): TopoNode[] {
  return nodes.map((n) => {
    if (n.kind !== 'legend') return n;
    const legend = legendEntries(nodes, edges);
    return { ...n, lines: legend.map((e) => e.text), legend };
  });
}

function serverNodes(b: Builder, plan: Plan, parent: string | null): void {
  plan.servers.forEach((s, i) => {
    const ha = s.highAvailability !== 'Disabled';
    b.nodes.push({
      id: NODE_IDS.server(i),
      kind: 'server',
      parent,
      role: ha ? 'Flexible server (primary)' : 'Flexible server',
      title: s.name,
      lines: [serverFqdn(s.name), `PostgreSQL ${s.version} · ${s.region}`, HA_LABEL[s.highAvailability]],
      badges: [],
      paths: [`servers.${i}`],
      tone: 'normal',
    });
    if (ha) {
      b.nodes.push({
        id: NODE_IDS.standby(i),
        kind: 'standby',
        parent,
        role: 'HA standby',
        title: `standby of ${s.name}`,
        lines: [s.highAvailability === 'ZoneRedundant' ? 'another availability zone' : 'same availability zone'],
        badges: [],
        paths: [`servers.${i}.highAvailability`],
        tone: 'normal',
      });
      edge(b, {
        id: `ha-${i}`,
        kind: 'ha',
        from: NODE_IDS.server(i),
        to: NODE_IDS.standby(i),
        label: 'HA',
        description: `${s.name} replicates to its standby (ports 5432 and 6432).`,
        paths: [`servers.${i}.highAvailability`],
      });
    }
  });
}

function privateTopology(b: Builder, plan: Plan, access: PrivateAccess, verdicts: ClientVerdicts | undefined): void {
  const vnet = access.vnet;
  const vnetLabel = vnet.name;
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
  // Names resolve as in the rules and the checker: any case, the first of a name (planIndex).
  const names = planIndex(plan);
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
      ds.nsg ? `NSG ${ds.nsg.name} (${plural(ds.nsg.rules.length, 'rule')})` : 'no NSG on this subnet',
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

  // DNS: one node per distinct custom DNS setting, and Azure DNS when any VNet forwards to it.
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
  const serverVnetDns = addDns(vnet.dns, vnetLabel);
  access.peeredVnets.forEach((p) => addDns(p.dns, p.name));
  let anyForwards = false;
  for (const entry of dnsKeys.values()) {
    anyForwards ||= entry.forwards;
    const shown = entry.users.slice(0, 2).join(', ');
    b.nodes.push({
      id: entry.id,
      kind: 'dnsServers',
      parent: null,
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
  if (serverVnetDns !== null) {
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

  // Private DNS zone and its links.
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
  if (zone && vnet.zoneLink) {
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

  // Other VNets, and the peerings between any two VNets of the plan.
  /** The index of the peered VNet of this name, or undefined (also for the server VNet's own name). */
  const peeredIndex = (name: string): number | undefined => {
    const entry = names.vnet(name);
    return entry?.kind === 'peered' ? entry.index : undefined;
  };
  const pairs = peeringPairs(access, names);
  /** The pair of the server VNet and other VNet `i`, and the names of the other VNets that `i` has a peering with. */
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
  access.peeredVnets.forEach((p, i) => {
    const id = NODE_IDS.peered(i);
    const serverPair = withServer.get(i);
    const others = peersOf.get(i) ?? [];
    b.nodes.push({
      id,
      kind: 'peeredVnet',
      parent: null,
      role: 'Peered VNet',
      title: p.name,
      lines: [
        `${p.region} · ${listOrDash(p.addressSpaces)}`,
        ...peeringText(serverPair, others),
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
  if (access.peeredVnets.length > 0) {
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
        `${both} peered both ways with the server VNet, ${n - both} not`,
        `${linked} linked to the DNS zone`,
      ],
      path: 'access.peeredVnets',
    });
  }

  // On-premises sites and their gateways.
  access.onPremises.forEach((site, i) => {
    const id = NODE_IDS.site(i);
    const gatewayVnetName = site.gatewayVnet || vnet.name;
    const gatewayPeer = peeredIndex(site.gatewayVnet);
    const gatewayTarget =
      site.gatewayVnet === '' || names.vnet(site.gatewayVnet)?.kind === 'server'
        ? NODE_IDS.serverVnet
        : gatewayPeer !== undefined
          ? NODE_IDS.peered(gatewayPeer)
          : null;
    const kindText =
      site.connection === 'vpn' ? 'VPN gateway' : site.connection === 'expressRoute' ? 'ExpressRoute' : 'not connected';
    const lines = [
      listOrDash(site.addressRanges),
      site.dnsForwarder ? 'DNS: forwards the zone into Azure' : 'DNS: no forwarder into Azure',
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

  // Fields that have no meaning with private access (reported by PGN-111/112); shown so the finding has a place.
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

  // Clients, placed where they live.
  const server0 = NODE_IDS.server(0);
  let needInternet = false;
  let needAzure = false;
  const placed: { client: Client; index: number; parent: string | null; via: string[] }[] = [];
  plan.clients.forEach((c, i) => {
    switch (c.kind) {
      case 'serverVnet': {
        const entry = names.subnet(c.subnet);
        const s = entry?.kind === 'subnet' ? entry.index : undefined;
        const parent = s !== undefined ? NODE_IDS.subnet(s) : NODE_IDS.serverVnet;
        placed.push({ client: c, index: i, parent, via: [parent, NODE_IDS.serverVnet] });
        break;
      }
      case 'vnet': {
        const p = peeredIndex(c.vnet);
        const parent = p !== undefined ? NODE_IDS.peered(p) : null;
        placed.push({ client: c, index: i, parent, via: parent ? [parent, NODE_IDS.serverVnet] : [] });
        break;
      }
      case 'onPremises': {
        const s = names.site(c.site)?.index;
        const site = s !== undefined ? access.onPremises[s] : undefined;
        const parent = s !== undefined ? NODE_IDS.site(s) : null;
        const via: string[] = [];
        if (parent && site && site.connection !== 'none') {
          via.push(parent, NODE_IDS.gateway(s as number));
          const gatewayPeer = site.gatewayVnet === '' ? undefined : peeredIndex(site.gatewayVnet);
          if (gatewayPeer !== undefined) via.push(NODE_IDS.peered(gatewayPeer));
          via.push(NODE_IDS.serverVnet);
        }
        placed.push({ client: c, index: i, parent, via });
        break;
      }
      case 'internet':
        needInternet = true;
        placed.push({ client: c, index: i, parent: NODE_IDS.internet, via: [NODE_IDS.internet, NODE_IDS.serverVnet] });
        break;
      case 'azureService':
        needAzure = true;
        placed.push({
          client: c,
          index: i,
          parent: NODE_IDS.azureServices,
          via: [NODE_IDS.azureServices, NODE_IDS.serverVnet],
        });
        break;
    }
  });
  if (needInternet) {
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
  if (needAzure) {
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
  addClients(b, placed, server0, verdicts);
}

function addClients(
  b: Builder,
  placed: readonly { client: Client; index: number; parent: string | null; via: string[] }[],
  server: string,
  verdicts: ClientVerdicts | undefined,
): void {
  const unplaced: string[] = [];
  for (const p of placed) {
    const node: TopoNode = { ...clientNode(p.client, p.index, p.parent, verdicts), via: p.via };
    if (p.parent === null) unplaced.push(node.id);
    b.nodes.push(node);
    const verdict = node.verdict;
    if (verdict === undefined || verdict === 'unreachable' || p.via.length === 0) continue;
    edge(b, {
      id: `path-${p.index}`,
      kind: 'clientPath',
      from: node.id,
      to: server,
      label: verdict === 'warning' ? '⚠' : '',
      description: `${p.client.name} reaches the server${verdict === 'warning' ? ', with warnings' : ''}.`,
      direction: 'forward',
      style: verdict === 'warning' ? 'dashed' : 'solid',
      paths: [`clients.${p.index}`],
      via: p.via,
      verdict,
    });
  }
  if (unplaced.length > 0) {
    // Clients whose subnet, VNet or site is not in the plan: drawn in a box of their own.
    b.nodes.push({
      id: 'unplaced',
      kind: 'note',
      parent: null,
      role: 'Clients whose place is not in the plan',
      title: 'Clients whose place is not in the plan',
      lines: [`${plural(unplaced.length, 'client')}: VNet, subnet or site not found`],
      badges: [],
      paths: [],
      tone: 'warning',
    });
    const moved = new Set(unplaced);
    for (let i = 0; i < b.nodes.length; i += 1) {
      const n = b.nodes[i] as TopoNode;
      if (moved.has(n.id)) b.nodes[i] = { ...n, parent: 'unplaced' };
    }
  }
}

/** The first firewall rule (index) whose range holds `address`, or -1: a binary search over the painted rules. */
function ruleFor(address: string, painted: readonly PaintedSegment[]): number {
  if (!address) return -1;
  const parsed = parseIPv4OrCidr(address);
  if (!parsed.ok) return -1;
  return paintedAt(painted, parsed.value.start)?.order ?? -1;
}

function publicTopology(b: Builder, plan: Plan, access: PublicAccess, verdicts: ClientVerdicts | undefined): void {
  serverNodes(b, plan, null);
  plan.servers.forEach((s, i) => {
    b.nodes.push({
      id: NODE_IDS.endpoint(i),
      kind: 'publicEndpoint',
      parent: null,
      role: 'Public endpoint',
      title: `Public endpoint of ${s.name}`,
      lines: [serverFqdn(s.name), 'TCP 5432 (and 6432 for PgBouncer)'],
      badges: [],
      paths: [`servers.${i}.name`],
      tone: 'normal',
    });
    edge(b, {
      id: `endpoint-${i}`,
      kind: 'firewallAllow',
      from: NODE_IDS.endpoint(i),
      to: NODE_IDS.server(i),
      label: '',
      description: `The public endpoint ${serverFqdn(s.name)} leads to ${s.name}.`,
      direction: 'forward',
      paths: [],
    });
  });
  b.nodes.push({
    id: NODE_IDS.internet,
    kind: 'internet',
    parent: null,
    role: 'Internet',
    title: 'Internet',
    lines: ['only the ranges of the firewall rules get in'],
    badges: [],
    paths: [],
    tone: 'normal',
  });

  const ranges: (IpRange | null)[] = access.firewallRules.map((r) => {
    const start = parseIPv4Fast(r.startIp);
    const end = parseIPv4Fast(r.endIp);
    return start.ok && end.ok && start.value <= end.value ? { start: start.value, end: end.value } : null;
  });
  access.firewallRules.forEach((r, i) => {
    const range = ranges[i];
    const size = range ? range.end - range.start + 1 : 0;
    b.nodes.push({
      id: NODE_IDS.rule(i),
      kind: 'firewallRule',
      parent: null,
      role: 'Firewall rule',
      title: r.name,
      lines: [
        r.startIp === r.endIp ? r.startIp : `${r.startIp} – ${r.endIp}`,
        range ? plural(size, 'address', 'addresses') : '✕ not a valid range',
      ],
      badges: [],
      paths: [`access.firewallRules.${i}`],
      tone: range ? 'normal' : 'warning',
    });
    for (const [j] of plan.servers.entries()) {
      edge(b, {
        id: `allow-${i}-${j}`,
        kind: 'firewallAllow',
        from: NODE_IDS.rule(i),
        to: NODE_IDS.endpoint(j),
        label: '',
        description:
          `Firewall rule ${r.name} allows ` + `${r.startIp === r.endIp ? r.startIp : `${r.startIp} – ${r.endIp}`}.`,
        direction: 'forward',
        paths: [`access.firewallRules.${i}`],
      });
    }
    edge(b, {
      id: `inet-${i}`,
      kind: 'internetAccess',
      from: NODE_IDS.internet,
      to: NODE_IDS.rule(i),
      label: '',
      description:
        `Traffic from ${r.startIp === r.endIp ? r.startIp : `${r.startIp} – ${r.endIp}`} ` + `passes rule ${r.name}.`,
      direction: 'forward',
      paths: [`access.firewallRules.${i}`],
    });
  });
  if (access.firewallRules.length > 0) {
    const merged = mergeRanges(ranges.filter((r): r is IpRange => r !== null));
    const total = merged.reduce((n, r) => n + (r.end - r.start + 1), 0);
    const first = merged
      .slice(0, 2)
      .map((r) => (r.start === r.end ? formatIPv4(r.start) : `${formatIPv4(r.start)} – ${formatIPv4(r.end)}`));
    b.groups.push({
      id: 'firewall',
      kind: 'firewallRules',
      noun: 'firewall rules',
      members: access.firewallRules.map((_, i) => NODE_IDS.rule(i)),
      summary: [
        `covering ${first.join(', ')}${merged.length > 2 ? ` and ${plural(merged.length - 2, 'more range')}` : ''}`,
        `${plural(total, 'address', 'addresses')} in ${plural(merged.length, 'range')}`,
      ],
      path: 'access.firewallRules',
    });
  } else {
    b.nodes.push({
      id: NODE_IDS.note,
      kind: 'note',
      parent: null,
      role: 'Firewall',
      title: 'No firewall rules',
      lines: ['nothing from the internet gets in'],
      badges: [],
      paths: ['access.firewallRules'],
      tone: 'muted',
    });
  }

  const needAzureNode = access.allowAzureServices || plan.clients.some((c) => c.kind === 'azureService');
  if (needAzureNode) {
    b.nodes.push({
      id: NODE_IDS.azureServices,
      kind: 'azureServices',
      parent: null,
      role: 'Azure services',
      title: 'Azure services',
      lines: access.allowAzureServices
        ? [
            `allowed (rule ${AZURE_SERVICES_RULE_IP} – ${AZURE_SERVICES_RULE_IP})`,
            "⚠ includes other customers' subscriptions",
          ]
        : ['not allowed by the firewall'],
      badges: [],
      paths: ['access.allowAzureServices'],
      tone: access.allowAzureServices ? 'warning' : 'muted',
    });
    if (access.allowAzureServices) {
      for (const [j, s] of plan.servers.entries()) {
        edge(b, {
          id: `azure-${j}`,
          kind: 'azureServices',
          from: NODE_IDS.azureServices,
          to: NODE_IDS.endpoint(j),
          label: 'all of Azure',
          description:
            `"Allow public access from Azure services" lets every Azure service ` +
            `reach ${s.name}, including other customers' subscriptions.`,
          direction: 'forward',
          style: 'dashed',
          paths: ['access.allowAzureServices'],
        });
      }
    }
  }

  const painted = paintRanges(ranges.flatMap((r, order) => (r === null ? [] : [{ ...r, order }])));
  const placed = plan.clients.map((c, index) => {
    if (c.kind === 'azureService') {
      return { client: c, index, parent: NODE_IDS.azureServices, via: [NODE_IDS.azureServices, NODE_IDS.endpoint(0)] };
    }
    const rule = c.kind === 'internet' ? ruleFor(c.address, painted) : -1;
    const parent = c.kind === 'internet' ? NODE_IDS.internet : null;
    const via = parent ? [parent, ...(rule >= 0 ? [NODE_IDS.rule(rule)] : []), NODE_IDS.endpoint(0)] : [];
    return { client: c, index, parent, via };
  });
  addClients(b, placed, NODE_IDS.server(0), verdicts);
}

/** The plan as nodes, edges and collections. Pure and deterministic. */
export function planToTopology(plan: Plan, verdicts?: ClientVerdicts): Topology {
  const b: Builder = { nodes: [], edges: [], groups: [] };
  titleAndLegend(b, plan);
  if (plan.access.mode === 'private') privateTopology(b, plan, plan.access, verdicts);
  else publicTopology(b, plan, plan.access, verdicts);
  return {
    mode: plan.access.mode,
    planName: plan.name,
    nodes: withLegend(b.nodes, b.edges),
    edges: b.edges,
    groups: b.groups,
  };
}

/** Anything that findings can be pinned to. */
export interface Pinnable {
  readonly id: string;
  readonly paths: readonly string[];
}

/**
 * Pins each finding to the element whose path is the longest prefix of the finding's path (a finding
 * at `access.peeredVnets.1.zoneLink` goes to that zone link line if it is drawn, else to the VNet's
 * box). Findings that match nothing go to `fallback`. Ties keep the first element in `elements` order.
 */
export function pinFindings(
  elements: readonly Pinnable[],
  findings: readonly Finding[],
  fallback: string,
): Map<string, Finding[]> {
  const byPath = new Map<string, string>();
  for (const e of elements) for (const p of e.paths) if (!byPath.has(p)) byPath.set(p, e.id);
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    let target: string | undefined;
    // Walk up the finding's path: `a.b.c`, `a.b`, `a`, `` — O(depth) per finding.
    let p = f.path;
    for (;;) {
      target = byPath.get(p);
      if (target !== undefined || p === '') break;
      const dot = p.lastIndexOf('.');
      p = dot < 0 ? '' : p.slice(0, dot);
    }
    const id = target ?? fallback;
    const list = out.get(id);
    if (list) list.push(f);
    else out.set(id, [f]);
  }
  return out;
}
