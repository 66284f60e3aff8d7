/**
 * The diagram's icons, drawn for this project in the manner of Azure's: flat line drawings on a 16 px grid, in Azure
 * blue. Pure data: one path per icon, stroked 1.5 px wide with round caps and joins and no fill (iconSvg here and the
 * symbols of topology-icons.tsx draw them so), in one colour (`currentColor` on screen, themed by topology.css); and
 * which icon each kind of box carries.
 */
import type { TopoBadge, TopoNodeKind } from './model';

/** Each icon's path, in a 16 × 16 box. */
export const ICONS = {
  // < · · · >
  vnet: 'M5 4 1 8l4 4m6-8 4 4-4 4M5 8h0m3 0h0m3 0h0',
  // a cell of a grid
  subnet: 'M2 2h12v12H2zm0 6h12M8 2v12',
  // a globe
  dnsZone: 'M2 8a6 6 0 0 0 12 0A6 6 0 0 0 2 8h12M8 2c-3 3-3 9 0 12m0-12c3 3 3 9 0 12',
  // a database: a cylinder with a band
  server: 'M2 4v8c0 2 12 2 12 0V4c0-2-12-2-12 0s12 2 12 0M2 8c0 2 12 2 12 0',
  // a gate: a diamond with arrows both ways
  gateway: 'M8 1l7 7-7 7-7-7zM5 8h6M7 6 5 8l2 2m2-4 2 2-2 2',
  // a brick wall
  firewall: 'M2 3h12v10H2zm0 3h12M2 10h12M6 3v3m4 0v4m-4 0v3',
  // a plug
  endpoint: 'M6 1v4m4-4v4M4 5h8v2a4 4 0 0 1-8 0zm4 6v4',
  // a building
  onPremises: 'M1 15h14M3 15V2h7v13m0-9h4v9M5 5h3M5 8h3m-3 3h3',
  // a signpost
  dnsResolver: 'M8 15V1M3 3h8l2 2-2 2H3zm10 6H5l-2 2 2 2h8z',
  // a shield with a tick
  nsg: 'M8 1 2 3.5V8c0 3.3 2.6 5.9 6 7 3.4-1.1 6-3.7 6-7V3.5zM5.5 8l2 2 3-3.5',
} as const;

export type IconName = keyof typeof ICONS;

/** The icons' colour in a file (Azure blue); on screen, topology.css themes it. */
export const ICON_COLOR = '#0078d4';
/** An icon's size in the diagram, and the room between it and the title beside it. */
export const ICON_SIZE = 16;
export const ICON_GAP = 5;
/** An icon's size in a badge, which is 20 px high, and the room it takes before the badge's text. */
export const BADGE_ICON_SIZE = 12;
export const BADGE_ICON_ROOM = BADGE_ICON_SIZE + 3;

/** The icon of each kind of box; null: none (the title, the legend, notes, clients, the internet). */
export const NODE_ICON: Readonly<Record<TopoNodeKind, IconName | null>> = {
  title: null,
  legend: null,
  serverVnet: 'vnet',
  peeredVnet: 'vnet',
  subnet: 'subnet',
  delegatedSubnet: 'subnet',
  server: 'server',
  standby: 'server',
  appliance: 'firewall',
  dnsZone: 'dnsZone',
  dnsServers: 'dnsResolver',
  azureDns: 'dnsResolver',
  onPremises: 'onPremises',
  gateway: 'gateway',
  internet: null,
  azureServices: null,
  publicEndpoint: 'endpoint',
  privateEndpoint: 'endpoint',
  firewallRule: 'firewall',
  firewallSummary: 'firewall',
  client: null,
  note: null,
};

/** The icon of each kind of badge: the NSG's shield; a route table's badge has none. */
export const BADGE_ICON: Readonly<Record<TopoBadge['kind'], IconName | null>> = { nsg: 'nsg', routeTable: null };

/** The icon of a badge, if any (none for no badge). */
export const badgeIcon = (badge: Pick<TopoBadge, 'kind'> | undefined): IconName | null =>
  badge ? BADGE_ICON[badge.kind] : null;

/** An icon as a standalone SVG document, in `color` (for files that embed it as an image: draw.io). */
export const iconSvg = (name: IconName, color = ICON_COLOR): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16" fill="none" stroke="${color}" ` +
  `stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round"><path d="${ICONS[name]}"/></svg>`;
