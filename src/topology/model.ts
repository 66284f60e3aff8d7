/**
 * The topology model: the plan as an architect draws it — containers (VNets, subnets), things
 * (servers, DNS, gateways, clients) and the lines between them (peerings, zone links, gateways,
 * client paths). Pure data, no geometry: `planToTopology` (plan-to-topology.ts) builds it,
 * `layoutTopology` (layout.ts) places it, the view draws it.
 *
 * Every element carries the plan paths it stands for, so that findings (whose `path` is a dotted
 * plan path) can be pinned to the most specific element that shows them.
 */
import type { ClientCheck } from '../checker/types';

/** The connectivity checker's verdict on a client. */
export type ClientVerdict = 'reachable' | 'unreachable' | 'warning';
/** The checker's verdicts, by the client's plan path (`clients.3`): two clients may share a name. */
export type ClientVerdicts = Readonly<Record<string, ClientVerdict>>;

/**
 * What the picture reads of the checker's run on a client: its plan path, its verdict, and the hub VNet whose firewall
 * or appliance its path crosses, if any (the hub's plan path).
 */
export type ClientRun = Pick<ClientCheck, 'clientPath' | 'verdict' | 'hubPath'>;

/** The verdicts of the checker's run, keyed as the picture reads them. */
export const verdictsOf = (checks: readonly ClientRun[]): ClientVerdicts =>
  Object.fromEntries(checks.map((c) => [c.clientPath, c.verdict]));

/**
 * The hub VNet whose firewall or appliance each client's traffic crosses, by the client's plan path, as the
 * checker's run found it (the hub's plan path, `access.peeredVnets.0`): a client in a VNet not peered with the
 * server VNet, or at a site whose gateway subnet routes to the gateway VNet's appliance. The picture draws such a
 * client's line through the appliance, not straight past it.
 */
export type ClientHubs = Readonly<Record<string, string>>;

/** The hubs of the checker's run, keyed as the picture reads them. */
export const hubsOf = (checks: readonly ClientRun[]): ClientHubs =>
  Object.fromEntries(checks.flatMap((c) => (c.hubPath === undefined ? [] : [[c.clientPath, c.hubPath]])));

/** What a box stands for: every kind of box the model draws (the type is read from this list). */
export const TOPO_NODE_KINDS = [
  'title',
  'legend',
  'serverVnet',
  'subnet',
  'delegatedSubnet',
  'server',
  'standby',
  'dnsZone',
  'dnsServers',
  'azureDns',
  'peeredVnet',
  'appliance',
  'onPremises',
  'gateway',
  'internet',
  'azureServices',
  'publicEndpoint',
  'privateEndpoint',
  'firewallRule',
  'firewallSummary',
  'client',
  'note',
] as const;
export type TopoNodeKind = (typeof TOPO_NODE_KINDS)[number];

/** How a box is drawn: `highlight` = the delegated subnet, `warning` = something Azure will not do. */
export type TopoTone = 'normal' | 'highlight' | 'warning' | 'muted';

/** A pill under a box's title: what is attached to a subnet (its NSG, its route table). */
export interface TopoBadge {
  readonly kind: 'nsg' | 'routeTable';
  readonly text: string;
}

/** A box of the diagram: a container (a VNet, a subnet, a site) or a thing inside one or on its own. */
export interface TopoNode {
  readonly id: string;
  readonly kind: TopoNodeKind;
  /** The container this node is drawn inside (a VNet, a subnet, a site), or null. */
  readonly parent: string | null;
  /** What the node is ("Peered VNet", "Flexible server"): read out and listed in the text alternative. */
  readonly role: string;
  readonly title: string;
  readonly lines: readonly string[];
  /** Pill-shaped labels under the title (the NSG of the delegated subnet, a subnet's route table). */
  readonly badges: readonly TopoBadge[];
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

/** What a line stands for. */
export type TopoEdgeKind =
  | 'peering'
  | 'zoneLink'
  | 'gateway'
  | 'dnsUse'
  | 'dnsForward'
  | 'ha'
  | 'internetAccess'
  | 'firewallAllow'
  | 'privateLink'
  | 'azureServices'
  | 'clientPath';

/** A line between two boxes. */
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
  | { readonly type: 'badge'; readonly kind: TopoBadge['kind'] }
  | { readonly type: 'finding' };

/** An entry of the legend: a mark and the words that explain it. */
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

/** The whole picture, for private or public access: its boxes, lines and collections. */
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
  /** Private endpoint `i` of public access. */
  privateEndpoint: (i: number) => `pe-${i}`,
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
