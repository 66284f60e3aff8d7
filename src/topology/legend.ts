/**
 * The legend of the diagram: the words for each kind of line (by its style), each kind of box and each verdict of
 * the connectivity checker, and the entries of one picture's legend — one per mark it draws.
 */
import { badgeIcon, NODE_ICON, type IconName } from './icons';
import type {
  ClientVerdict,
  LegendEntry,
  LegendMark,
  TopoBadge,
  TopoEdge,
  TopoEdgeKind,
  TopoNode,
  TopoNodeKind,
  TopoTone,
} from './model';

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
  privateLink: { solid: 'Private Link to the server' },
  azureServices: { dashed: 'all of Azure (0.0.0.0 rule)' },
  clientPath: { solid: REACHABLE_TEXT, dashed: WARNING_TEXT },
};

/**
 * What each box is, by its kind, in the legend's order; null: the box says it (title, legend, notes). The summary
 * of many firewall rules shares the rules' words (and icon): one entry for both.
 */
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
  privateEndpoint: 'private endpoint',
  firewallRule: 'firewall rule',
  firewallSummary: 'firewall rule',
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

/** Each kind of badge, in the legend's order. */
const BADGE_LEGEND: Readonly<Record<TopoBadge['kind'], string>> = {
  nsg: 'NSG of a subnet',
  routeTable: 'route table of a subnet',
};

/** Findings are pinned by the view, whatever the picture: the legend always explains their marker. */
export const FINDING_LEGEND: LegendEntry = { mark: { type: 'finding' }, text: 'findings pinned to an element' };

const EDGE_STYLES: readonly TopoEdge['style'][] = ['solid', 'dashed', 'dotted'];

/** The icon drawn over the sample of a legend entry: a box's or a badge's; null: none. */
export const markIcon = (mark: LegendMark): IconName | null =>
  mark.type === 'box' ? NODE_ICON[mark.kind] : mark.type === 'badge' ? badgeIcon(mark) : null;

/**
 * The legend of a picture: one entry per mark it draws (each kind and style of line, each kind of box with its icon,
 * the faded and warning tones, badges) and the findings' marker, lines first, in the order of LINE_LEGEND and
 * BOX_LEGEND. Entries with the same words are one entry. A kind of box with an icon has its entry
 * even when its boxes are all faded or warnings, so that every icon drawn is explained.
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
  const badges = new Set<TopoBadge['kind']>();
  for (const n of nodes) {
    if (n.kind === 'legend' || n.kind === 'title') continue;
    for (const b of n.badges) badges.add(b.kind);
    const toned = n.tone === 'muted' || n.tone === 'warning';
    if (n.kind === 'client' && n.verdict === 'unreachable') {
      unreachable = true;
      continue;
    }
    if (toned) tones.add(n.tone);
    if (!toned || NODE_ICON[n.kind]) kinds.add(n.kind);
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
  for (const kind of Object.keys(BADGE_LEGEND) as TopoBadge['kind'][])
    if (badges.has(kind)) out.push({ mark: { type: 'badge', kind }, text: BADGE_LEGEND[kind] });
  out.push(FINDING_LEGEND);
  return out;
}

/** The picture's nodes with the legend's entries filled in. */
export function withLegend(nodes: readonly TopoNode[], edges: readonly TopoEdge[]): TopoNode[] {
  return nodes.map((n) => {
    if (n.kind !== 'legend') return n;
    const legend = legendEntries(nodes, edges);
    return { ...n, lines: legend.map((e) => e.text), legend };
  });
}
