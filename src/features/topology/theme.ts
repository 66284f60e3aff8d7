/**
 * Light colours written into the SVG as presentation attributes, so that an exported file looks
 * right on its own. On screen, `topology.css` overrides them (light and dark schemes, via CSS
 * variables). Colour never carries meaning alone: line styles, arrows, icons and words do too.
 */
import type { TopoEdgeKind, TopoNodeKind, TopoTone } from '../../topology/model';

export interface BoxPaint {
  fill: string;
  stroke: string;
  strokeWidth: number;
  dash?: string;
  radius: number;
}

const BASE: BoxPaint = { fill: '#ffffff', stroke: '#5b6b7d', strokeWidth: 1.25, radius: 6 };

const BY_KIND: Partial<Record<TopoNodeKind, Partial<BoxPaint>>> = {
  title: { fill: '#eef1f5', stroke: '#c9d0da' },
  legend: { fill: '#ffffff', stroke: '#c9d0da' },
  serverVnet: { fill: '#eef4fb', stroke: '#0b5cad', strokeWidth: 2, radius: 10 },
  delegatedSubnet: { fill: '#fff4dc', stroke: '#8a5300', strokeWidth: 2.5 },
  subnet: { fill: '#ffffff', stroke: '#7d8a99' },
  server: { fill: '#e6f4ea', stroke: '#1e6b34', strokeWidth: 2 },
  standby: { fill: '#f4faf6', stroke: '#1e6b34', dash: '5 3' },
  dnsZone: { fill: '#f3ecfb', stroke: '#6a3d9a', strokeWidth: 1.5 },
  dnsServers: { fill: '#ffffff', stroke: '#6a3d9a' },
  azureDns: { fill: '#ffffff', stroke: '#6a3d9a' },
  peeredVnet: { fill: '#eef4fb', stroke: '#0b5cad', strokeWidth: 1.5, radius: 10 },
  appliance: { fill: '#ffffff', stroke: '#9c3d00', strokeWidth: 2, radius: 3 },
  onPremises: { fill: '#f6f1ea', stroke: '#6b4f2a', strokeWidth: 1.5, radius: 10 },
  gateway: { fill: '#ffffff', stroke: '#1b2430', strokeWidth: 1.5 },
  internet: { fill: '#f2f5f9', stroke: '#4d5866', radius: 18 },
  azureServices: { fill: '#eef4fb', stroke: '#4d5866', radius: 18 },
  publicEndpoint: { fill: '#ffffff', stroke: '#0b5cad', strokeWidth: 1.5 },
  privateEndpoint: { fill: '#ffffff', stroke: '#0b5cad', strokeWidth: 1.5 },
  firewallRule: { fill: '#ffffff', stroke: '#0b5cad' },
  firewallSummary: { fill: '#e7f0fb', stroke: '#0b5cad', strokeWidth: 1.5 },
  client: { fill: '#ffffff', stroke: '#4d5866', radius: 10 },
  note: { fill: '#f6f7f9', stroke: '#7d8a99' },
};

const BY_TONE: Record<TopoTone, Partial<BoxPaint>> = {
  normal: {},
  highlight: {},
  warning: { fill: '#fdecea', stroke: '#b3261e', dash: '6 3' },
  muted: { fill: '#f2f3f5', stroke: '#8a94a3', dash: '4 3' },
};

export function boxPaint(kind: TopoNodeKind, tone: TopoTone): BoxPaint {
  return { ...BASE, ...BY_KIND[kind], ...BY_TONE[tone] };
}

export interface LinePaint {
  stroke: string;
  strokeWidth: number;
}

const LINES: Record<TopoEdgeKind, LinePaint> = {
  peering: { stroke: '#0b5cad', strokeWidth: 2 },
  zoneLink: { stroke: '#6a3d9a', strokeWidth: 1.75 },
  gateway: { stroke: '#1b2430', strokeWidth: 3.5 },
  dnsUse: { stroke: '#6a3d9a', strokeWidth: 1.25 },
  dnsForward: { stroke: '#6a3d9a', strokeWidth: 1.25 },
  ha: { stroke: '#1e6b34', strokeWidth: 1.75 },
  internetAccess: { stroke: '#4d5866', strokeWidth: 1.5 },
  firewallAllow: { stroke: '#0b5cad', strokeWidth: 1.75 },
  privateLink: { stroke: '#0b5cad', strokeWidth: 1.75 },
  azureServices: { stroke: '#b3261e', strokeWidth: 1.75 },
  clientPath: { stroke: '#1e6b34', strokeWidth: 2.5 },
};

export const linePaint = (kind: TopoEdgeKind): LinePaint => LINES[kind];

export const DASH = { solid: undefined, dashed: '7 4', dotted: '2 4' } as const;

export const TEXT = { main: '#1b2430', muted: '#4d5866', badgeFill: '#ffffff', badgeStroke: '#8a5300' } as const;

export const SEVERITY_PAINT = {
  error: { fill: '#b3261e', text: '#ffffff' },
  warning: { fill: '#8a5300', text: '#ffffff' },
  info: { fill: '#0b5cad', text: '#ffffff' },
} as const;

export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";
