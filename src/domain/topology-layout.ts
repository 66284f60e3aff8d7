/**
 * Deterministic layout of a topology: columns and stacks, text widths estimated from character
 * counts, long labels wrapped (then shortened with "…"), big collections paged or collapsed so that
 * a 200-VNet estate stays readable. Pure: the same topology and view give the same boxes and lines.
 *
 * Private access, left to right:   on-premises / internet | server VNet | peered VNets | sites behind a hub
 * with the title row on top, then a row of DNS things (Azure DNS, custom DNS, the private DNS zone).
 * Public access, left to right:    internet, Azure services | firewall rules | public endpoints | servers.
 */
import type { TopoEdge, TopoGroup, TopoNode, Topology } from './topology';
import { NODE_IDS } from './topology';

export const FONT = { title: 13, line: 12, edge: 11, chipTitle: 12, chipLine: 11 } as const;
/** Text metrics shared with the renderer, so that drawn text sits where it was measured. */
export const METRICS = { pad: 10, titleLH: 17, lineLH: 16, chipTitleLH: 16, chipLineLH: 14, badgeH: 20 } as const;
const PAD = METRICS.pad;
const TITLE_LH = METRICS.titleLH;
const LINE_LH = METRICS.lineLH;
const CHIP_TITLE_LH = METRICS.chipTitleLH;
const CHIP_LINE_LH = METRICS.chipLineLH;
const BADGE_H = METRICS.badgeH;
const MARGIN = 24;
const STACK_GAP = 20;
const CHIP_GAP = 6;

/** Items per page of each collection. Firewall rules above this many are also collapsed by default. */
export const PAGE_SIZE = { subnets: 10, peeredVnets: 20, firewallRules: 12 } as const;
/** Client boxes drawn inside one container; the rest are counted in a "+n more" line. */
const MAX_CHIPS = 4;

type Point = readonly [number, number];

export interface Box {
  readonly id: string;
  readonly node: TopoNode;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
  readonly titleLines: readonly string[];
  readonly lines: readonly string[];
  readonly badges: readonly string[];
  /** True when the box holds other boxes (drawn beneath the lines). */
  readonly container: boolean;
  /** Nesting depth: 0 for top-level boxes. */
  readonly depth: number;
  /** Plan paths of clients counted in "+n more", so their findings still have a place. */
  readonly extraPaths: readonly string[];
  /** A line drawn at the bottom of the box, under its client boxes ("+3 more clients"). */
  readonly footer: string | null;
}

export interface RoutedEdge {
  readonly id: string;
  readonly edge: TopoEdge;
  readonly points: readonly Point[];
  readonly label: { readonly text: string; readonly x: number; readonly y: number; readonly w: number } | null;
}

export interface Pager {
  readonly groupId: string;
  readonly noun: string;
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  /** 1-based, inclusive; 0 … 0 when collapsed. */
  readonly from: number;
  readonly to: number;
  readonly collapsible: boolean;
  readonly collapsed: boolean;
}

export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly Box[];
  readonly edges: readonly RoutedEdge[];
  readonly pagers: readonly Pager[];
}

/** What the reader has chosen: a page per collection, and which collapsible collections are open. */
export interface LayoutView {
  readonly pages?: Readonly<Record<string, number>>;
  readonly expanded?: Readonly<Record<string, boolean>>;
}

// ---------------------------------------------------------------------------------------------
// Text measurement

/**
 * Estimated advance of one character, in em. Deliberately generous (close to DejaVu Sans, the widest
 * common fallback of `system-ui`), so that text fits its box in every font the page may get.
 */
function charEmSlow(code: number): number {
  if (code >= 0x2e80) return 1.05; // CJK, emoji, symbols drawn wide
  if (code >= 0x2000) return 0.9; // arrows, dashes, bullets, check marks
  const c = String.fromCharCode(code);
  if ("iljI.,:;|!'`".includes(c)) return 0.32;
  if ('frt()[]{}/- '.includes(c)) return 0.42;
  if ('mwMW@%'.includes(c)) return 0.95;
  if (c >= 'A' && c <= 'Z') return 0.74;
  if (c >= '0' && c <= '9') return 0.64;
  return 0.62;
}

/** The first 256 code points, looked up instead of computed (text measurement is the layout's hot loop). */
const LATIN = Float64Array.from({ length: 256 }, (_, code) => charEmSlow(code));

function charEm(code: number): number {
  return code < 256 ? (LATIN[code] as number) : charEmSlow(code);
}

const BOLD = 1.1;

/** Estimated width in pixels of `text` in the app's sans-serif font at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch.codePointAt(0) ?? 0);
  return Math.ceil(em * size * (bold ? BOLD : 1));
}

const BREAK_AFTER = new Set(['.', '-', '_', ' ', ',', '/', '·']);

/**
 * Wraps `text` into at most `maxLines` lines of at most `maxWidth` px, breaking after `.`, `-`,
 * spaces and the like where possible; the last line ends with "…" when the text does not fit.
 */
export function wrapText(text: string, maxWidth: number, size: number, bold = false, maxLines = 2): string[] {
  if (textWidth(text, size, bold) <= maxWidth) return [text];
  const chars = Array.from(text);
  const out: string[] = [];
  let start = 0;
  while (start < chars.length && out.length < maxLines) {
    const last = out.length === maxLines - 1;
    let width = 0;
    let end = start;
    let lastBreak = -1;
    while (end < chars.length) {
      const ch = chars[end] as string;
      const w = charEm(ch.codePointAt(0) ?? 0) * size * (bold ? BOLD : 1);
      if (width + w > maxWidth) break;
      width += w;
      if (BREAK_AFTER.has(ch)) lastBreak = end;
      end += 1;
    }
    if (end >= chars.length) {
      out.push(chars.slice(start).join(''));
      break;
    }
    if (last) {
      // Shorten: drop characters until "…" fits.
      const ellipsis = charEm(0x2026) * size * (bold ? BOLD : 1);
      let cut = end;
      while (cut > start && width + ellipsis > maxWidth) {
        cut -= 1;
        width -= charEm((chars[cut] as string).codePointAt(0) ?? 0) * size * (bold ? BOLD : 1);
      }
      out.push(`${chars.slice(start, cut).join('')}…`);
      break;
    }
    const stop = lastBreak >= start ? lastBreak + 1 : Math.max(end, start + 1);
    out.push(chars.slice(start, stop).join('').trimEnd());
    start = stop;
    while (chars[start] === ' ') start += 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cards: boxes measured relative to their own corner, placed later

interface Card {
  node: TopoNode;
  w: number;
  h: number;
  titleLines: string[];
  lines: string[];
  badges: string[];
  children: { card: Card; dx: number; dy: number }[];
  extraPaths: string[];
  footer: string | null;
  chip: boolean;
}

interface Limits {
  minW: number;
  maxW: number;
}

const LEAF: Limits = { minW: 140, maxW: 300 };
const CHIP: Limits = { minW: 110, maxW: 230 };

function textBlock(node: TopoNode, limits: Limits, chip: boolean) {
  const titleSize = chip ? FONT.chipTitle : FONT.title;
  const lineSize = chip ? FONT.chipLine : FONT.line;
  const inner = limits.maxW - 2 * PAD;
  const titleLines = wrapText(node.title, inner, titleSize, true, 2);
  const lines = node.lines.flatMap((l) => wrapText(l, inner, lineSize, false, 2));
  const badges = node.badges.map((b) => wrapText(b, inner - 16, FONT.line, true, 1)[0] ?? '');
  const contentW = Math.max(
    ...titleLines.map((t) => textWidth(t, titleSize, true)),
    ...lines.map((t) => textWidth(t, lineSize)),
    ...badges.map((t) => textWidth(t, FONT.line, true) + 16),
    0,
  );
  const h =
    PAD +
    titleLines.length * (chip ? CHIP_TITLE_LH : TITLE_LH) +
    lines.length * (chip ? CHIP_LINE_LH : LINE_LH) +
    badges.length * (BADGE_H + 4) +
    PAD -
    (chip ? 4 : 0);
  return { titleLines, lines, badges, w: Math.min(limits.maxW, Math.max(limits.minW, contentW + 2 * PAD)), h };
}

function leafCard(node: TopoNode, limits: Limits = LEAF, chip = false): Card {
  const t = textBlock(node, limits, chip);
  return {
    node,
    w: t.w,
    h: t.h,
    titleLines: t.titleLines,
    lines: t.lines,
    badges: t.badges,
    children: [],
    extraPaths: [],
    footer: null,
    chip,
  };
}

/** Boxes drawn inside a card above its clients (an appliance, subnets), and how many more are only counted. */
interface Inner {
  readonly cards: readonly Card[];
  /** "+2 more subnets": the boxes left out, counted in the footer. */
  readonly hidden: number;
  readonly hiddenNoun: string;
  readonly hiddenPaths: readonly string[];
}

const NO_INNER: Inner = { cards: [], hidden: 0, hiddenNoun: '', hiddenPaths: [] };

const more = (n: number, noun: string): string => `+${n} more ${noun}${n === 1 ? '' : 's'}`;

/**
 * A card whose client boxes are stacked under its text, at most MAX_CHIPS of them; `inner` boxes (the
 * appliance and subnets of another VNet) come first, stretched to one width.
 */
function cardWithChips(node: TopoNode, chips: readonly TopoNode[], limits: Limits = LEAF, inner = NO_INNER): Card {
  const card = leafCard(node, limits);
  if (chips.length === 0 && inner.cards.length === 0 && inner.hidden === 0) return card;
  const shown = chips.slice(0, MAX_CHIPS).map((c) => leafCard(c, CHIP, true));
  const hidden = chips.slice(MAX_CHIPS);
  let y = card.h - PAD + 4;
  let w = card.w;
  const innerW = maxW(inner.cards);
  for (const c of inner.cards) {
    card.children.push({ card: c, dx: PAD, dy: y });
    y += c.h + CHIP_GAP;
    w = Math.max(w, innerW + 2 * PAD);
  }
  for (const c of shown) {
    card.children.push({ card: c, dx: PAD, dy: y });
    y += c.h + CHIP_GAP;
    w = Math.max(w, c.w + 2 * PAD);
  }
  const footer = [
    ...(inner.hidden > 0 ? [more(inner.hidden, inner.hiddenNoun)] : []),
    ...(hidden.length > 0 ? [more(hidden.length, 'client')] : []),
  ];
  if (footer.length > 0) {
    card.footer = `${footer.join(', ')} (see the list)`;
    card.extraPaths = [...inner.hiddenPaths, ...hidden.flatMap((c) => c.paths)];
    w = Math.max(w, textWidth(card.footer, FONT.line) + 2 * PAD);
    // The "+n more" line is drawn under the chips: account for it below.
    y += LINE_LH;
  }
  w = Math.min(w, limits.maxW + 40);
  for (const c of card.children) c.card.w = Math.min(c.card.w, w - 2 * PAD);
  for (const c of inner.cards) c.w = w - 2 * PAD;
  card.w = Math.max(w, card.w);
  card.h = y - CHIP_GAP + PAD;
  return card;
}

// ---------------------------------------------------------------------------------------------
// Placement

class Placer {
  readonly boxes: Box[] = [];
  readonly at = new Map<string, Box>();

  place(card: Card, x: number, y: number, depth = 0): Box {
    const box: Box = {
      id: card.node.id,
      node: card.node,
      x,
      y,
      w: card.w,
      h: card.h,
      titleLines: card.titleLines,
      lines: card.lines,
      badges: card.badges,
      container: card.children.length > 0,
      depth,
      extraPaths: card.extraPaths,
      footer: card.footer,
    };
    this.boxes.push(box);
    this.at.set(box.id, box);
    for (const c of card.children) this.place(c.card, x + c.dx, y + c.dy, depth + 1);
    return box;
  }
}

interface Paged {
  pager: Pager;
  visible: Set<string>;
}

function pageOf(group: TopoGroup, size: number, view: LayoutView, collapsible: boolean): Paged {
  const total = group.members.length;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const requested = view.pages?.[group.id] ?? 0;
  const page = Math.min(Math.max(0, Math.floor(requested)), pageCount - 1);
  const collapsed = collapsible && view.expanded?.[group.id] !== true;
  const from = collapsed ? 0 : page * size + 1;
  const to = collapsed ? 0 : Math.min(total, (page + 1) * size);
  const visible = new Set(collapsed ? [] : group.members.slice(from - 1, to));
  return {
    pager: { groupId: group.id, noun: group.noun, total, page, pageCount, from, to, collapsible, collapsed },
    visible,
  };
}

function summaryNode(
  group: TopoGroup,
  pager: Pager,
  id: string,
  kind: TopoNode['kind'],
  parent: string | null = null,
): TopoNode {
  const shown = pager.collapsed
    ? 'collapsed: use "Show" to list them'
    : `showing ${pager.from.toLocaleString('en-US')}–${pager.to.toLocaleString('en-US')} ` +
      `(page ${pager.page + 1} of ${pager.pageCount})`;
  return {
    id,
    kind,
    parent,
    role: `Summary of ${group.noun}`,
    title: `${group.members.length.toLocaleString('en-US')} ${group.noun}`,
    lines: [...group.summary, shown],
    badges: [],
    paths: [group.path],
    tone: 'normal',
  };
}

interface Ctx {
  topo: Topology;
  node: Map<string, TopoNode>;
  children: Map<string, TopoNode[]>;
  edgesById: Map<string, TopoEdge>;
  placer: Placer;
  routed: RoutedEdge[];
  pagers: Pager[];
}

function childrenOf(ctx: Ctx, id: string, kind?: TopoNode['kind']): TopoNode[] {
  return (ctx.children.get(id) ?? []).filter((n) => kind === undefined || n.kind === kind);
}

/** Removes repeated and collinear points so that every route is a clean orthogonal polyline. */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev[0] === last[0] && last[0] === p[0]) || (prev[1] === last[1] && last[1] === p[1]))) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * Routes an edge along `points`. Its label goes on the longest horizontal segment, unless `labelAt` places it
 * (given the label's width; null = no label drawn, the line's style and its tooltip still tell).
 */
function route(
  ctx: Ctx,
  edgeId: string,
  points: readonly Point[],
  labelAt?: (w: number) => { x: number; y: number } | null,
): void {
  const edge = ctx.edgesById.get(edgeId);
  if (!edge) return;
  const pts = simplify(points);
  let label: RoutedEdge['label'] = null;
  if (edge.label !== '' && labelAt !== undefined) {
    const w = textWidth(edge.label, FONT.edge) + 6;
    const at = labelAt(w);
    if (at !== null) label = { text: edge.label, x: at.x, y: at.y, w };
  } else if (edge.label !== '' && pts.length >= 2) {
    // On the longest horizontal segment (labels read best there), else the longest segment.
    let best = -1;
    let bestLen = -1;
    for (let i = 0; i + 1 < pts.length; i += 1) {
      const a = pts[i] as Point;
      const b = pts[i + 1] as Point;
      const len = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]) + (a[1] === b[1] ? 10_000 : 0);
      if (len > bestLen) {
        bestLen = len;
        best = i;
      }
    }
    const a = pts[best] as Point;
    const b = pts[best + 1] as Point;
    const w = textWidth(edge.label, FONT.edge) + 6;
    label = { text: edge.label, x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2 - (a[1] === b[1] ? 5 : 0), w };
  }
  ctx.routed.push({ id: edgeId, edge, points: pts, label });
}

const mid = (b: Box): number => Math.round(b.y + b.h / 2);
const right = (b: Box): number => b.x + b.w;
const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), Math.max(lo, hi));

function maxW(cards: readonly Card[]): number {
  return cards.reduce((m, c) => Math.max(m, c.w), 0);
}

/**
 * The legend's entries: a sample of the mark (`sample` px wide, `gap` before its words), in columns of at most
 * `rows` entries, so that the legend keeps the height of the title row and grows sideways. Each text fits on one
 * line of `maxText` px. The renderer places them with the same numbers (legendColumns).
 */
export const LEGEND = { sample: 30, gap: 8, rows: 5, columnGap: 22, maxText: 230 } as const;

/** Entries per column of a legend of `count` entries: as few columns as `LEGEND.rows` allows, evenly filled. */
function legendRows(count: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, Math.ceil(count / LEGEND.rows))));
}

/**
 * The grid of a legend whose entries read `lines` (one line each): entries per column, where each column starts
 * (from the box's left edge; each as wide as its longest text), and the width the columns take with the padding.
 */
export function legendColumns(lines: readonly string[]): { rows: number; x: readonly number[]; w: number } {
  const rows = legendRows(lines.length);
  const x: number[] = [];
  let at = PAD;
  for (let start = 0; start < lines.length; start += rows) {
    x.push(at);
    const widest = Math.max(...lines.slice(start, start + rows).map((l) => textWidth(l, FONT.line)));
    at += LEGEND.sample + LEGEND.gap + widest + LEGEND.columnGap;
  }
  return { rows, x, w: x.length === 0 ? 2 * PAD : at - LEGEND.columnGap + PAD };
}

function legendCard(node: TopoNode): Card {
  const card = leafCard({ ...node, lines: [] }, { minW: 200, maxW: 300 });
  const lines = node.lines.map((l) => wrapText(l, LEGEND.maxText, FONT.line, false, 1)[0] ?? '');
  const grid = legendColumns(lines);
  card.node = node;
  card.lines = lines;
  card.w = Math.max(card.w, grid.w);
  card.h += Math.min(grid.rows, lines.length) * LINE_LH;
  return card;
}

/** Title and legend side by side; returns the y under them. */
function titleRow(ctx: Ctx): number {
  const title = ctx.node.get(NODE_IDS.title);
  const legend = ctx.node.get(NODE_IDS.legend);
  let x = MARGIN;
  let bottom = MARGIN;
  if (title) {
    const card = leafCard(title, { minW: 200, maxW: 460 });
    const b = ctx.placer.place(card, x, MARGIN);
    x = right(b) + 32;
    bottom = Math.max(bottom, b.y + b.h);
  }
  if (legend) {
    const b = ctx.placer.place(legendCard(legend), x, MARGIN);
    bottom = Math.max(bottom, b.y + b.h);
  }
  return bottom;
}

// ---------------------------------------------------------------------------------------------
// Private access

interface SiteRow {
  site: Card;
  gateway: Card | null;
}

function serverVnetCard(ctx: Ctx, view: LayoutView): { card: Card; corridorRight: number; gutterY: number } {
  const vnetNode = ctx.node.get(NODE_IDS.serverVnet) as TopoNode;
  const head = textBlock(vnetNode, { minW: 300, maxW: 520 }, false);
  // Delegated subnet: its text, then one row per server: [standby] [primary], primary on the right.
  const dsNode = ctx.node.get(NODE_IDS.delegatedSubnet) as TopoNode;
  const ds = leafCard(dsNode, { minW: 260, maxW: 460 });
  const serverRows: { primary: Card; standby: Card | null }[] = childrenOf(ctx, NODE_IDS.delegatedSubnet, 'server').map(
    (s) => {
      const standbyNode = ctx.node.get(s.id.replace('server-', 'standby-'));
      return {
        primary: leafCard(s, { minW: 200, maxW: 300 }),
        standby: standbyNode ? leafCard(standbyNode, { minW: 150, maxW: 220 }) : null,
      };
    },
  );
  const HA_GAP = 44;
  const rowsW = serverRows.reduce((m, r) => Math.max(m, r.primary.w + (r.standby ? r.standby.w + HA_GAP : 0)), 0);
  ds.w = Math.max(ds.w, rowsW + 2 * PAD + 14);
  let y = ds.h;
  const rowPlacement: { card: Card; right: number; y: number }[] = [];
  for (const r of serverRows) {
    const h = Math.max(r.primary.h, r.standby?.h ?? 0);
    rowPlacement.push({ card: r.primary, right: PAD + 14, y });
    if (r.standby)
      rowPlacement.push({
        card: r.standby,
        right: PAD + 14 + r.primary.w + HA_GAP,
        y: y + Math.round((h - r.standby.h) / 2),
      });
    y += h + 12;
  }
  ds.h = y - 12 + PAD + 4;

  // Other subnets, with the clients that live in them; paged when there are many.
  const group = ctx.topo.groups.find((g) => g.kind === 'subnets');
  const subnetCards: Card[] = [];
  if (group) {
    const paged = pageOf(group, PAGE_SIZE.subnets, view, false);
    if (group.members.length > PAGE_SIZE.subnets) {
      ctx.pagers.push(paged.pager);
      subnetCards.push(
        leafCard(summaryNode(group, paged.pager, 'subnets-summary', 'note', NODE_IDS.serverVnet), {
          minW: 240,
          maxW: 460,
        }),
      );
    }
    for (const id of group.members) {
      if (!paged.visible.has(id)) continue;
      const n = ctx.node.get(id) as TopoNode;
      subnetCards.push(cardWithChips(n, childrenOf(ctx, id, 'client'), { minW: 200, maxW: 420 }));
    }
  }
  const applianceNode = ctx.node.get(NODE_IDS.appliance(NODE_IDS.serverVnet));
  const appliance = applianceNode ? leafCard(applianceNode, { minW: 200, maxW: 420 }) : null;
  const looseClients = childrenOf(ctx, NODE_IDS.serverVnet, 'client');
  const loose = looseClients.length > 0 ? looseClients.map((c) => leafCard(c, CHIP, true)) : [];

  const LEFT = 22;
  const RIGHT = 30;
  const innerW = Math.max(ds.w, maxW(subnetCards), maxW(loose), appliance?.w ?? 0, head.w - LEFT - RIGHT + 2 * PAD);
  ds.w = innerW;
  for (const p of rowPlacement) ds.children.push({ card: p.card, dx: innerW - p.right - p.card.w, dy: p.y });
  for (const c of subnetCards) c.w = innerW;
  const vnet: Card = {
    node: vnetNode,
    w: innerW + LEFT + RIGHT,
    h: 0,
    titleLines: head.titleLines,
    lines: head.lines,
    badges: head.badges,
    children: [],
    extraPaths: [],
    footer: null,
    chip: false,
  };
  const gutterY = head.h + 4;
  let cy = head.h + 16;
  vnet.children.push({ card: ds, dx: LEFT, dy: cy });
  cy += ds.h + 16;
  for (const c of subnetCards) {
    vnet.children.push({ card: c, dx: LEFT, dy: cy });
    cy += c.h + 12;
  }
  if (appliance) {
    vnet.children.push({ card: appliance, dx: LEFT, dy: cy });
    cy += appliance.h + 12;
  }
  for (const c of loose) {
    vnet.children.push({ card: c, dx: LEFT, dy: cy });
    cy += c.h + CHIP_GAP;
  }
  vnet.h = cy + 6;
  return { card: vnet, corridorRight: RIGHT, gutterY };
}

/** Subnet boxes drawn inside another VNet; beyond this many, the last ones are counted ("+2 more subnets"). */
const MAX_PEER_SUBNETS = 4;
/** Boxes inside another VNet's box (its appliance and subnets): as wide as the VNet's text allows. */
const INNER: Limits = { minW: 120, maxW: LEAF.maxW - 2 * PAD };

/** Another VNet: its text, its appliance and subnets, then the clients that live in it. */
function peeredVnetCard(ctx: Ctx, id: string): Card {
  const subnets = childrenOf(ctx, id, 'subnet');
  const shown = subnets.length > MAX_PEER_SUBNETS ? subnets.slice(0, MAX_PEER_SUBNETS - 1) : subnets;
  const hidden = subnets.slice(shown.length);
  return cardWithChips(ctx.node.get(id) as TopoNode, childrenOf(ctx, id, 'client'), LEAF, {
    cards: [...childrenOf(ctx, id, 'appliance'), ...shown].map((n) => leafCard(n, INNER)),
    hidden: hidden.length,
    hiddenNoun: 'subnet',
    hiddenPaths: hidden.flatMap((n) => n.paths),
  });
}

/** Lanes of the lines between two other VNets, left of their column: one per line, up to this many. */
const PEER_LANES = 4;
const PEER_LANE_GAP = 7;

const isPeerToPeer = (e: TopoEdge): boolean =>
  e.kind === 'peering' && e.from !== NODE_IDS.serverVnet && e.to !== NODE_IDS.serverVnet;

function layoutPrivate(ctx: Ctx, view: LayoutView, top: number): void {
  const { card: vnetCard, corridorRight, gutterY } = serverVnetCard(ctx, view);

  // Column C: peered VNets (paged), with their clients.
  const peeredGroup = ctx.topo.groups.find((g) => g.kind === 'peeredVnets');
  const peeredCards: Card[] = [];
  let peeredSummary: Card | null = null;
  if (peeredGroup) {
    const paged = pageOf(peeredGroup, PAGE_SIZE.peeredVnets, view, false);
    if (peeredGroup.members.length > PAGE_SIZE.peeredVnets) {
      ctx.pagers.push(paged.pager);
      peeredSummary = leafCard(summaryNode(peeredGroup, paged.pager, 'peered-summary', 'note'), {
        minW: 220,
        maxW: 320,
      });
    }
    for (const id of peeredGroup.members) if (paged.visible.has(id)) peeredCards.push(peeredVnetCard(ctx, id));
  }
  const colC = peeredSummary ? [peeredSummary, ...peeredCards] : peeredCards;

  // Sites: joined to the server VNet (left), or to a peered VNet / unknown VNet (right).
  const leftSites: SiteRow[] = [];
  const rightSites: SiteRow[] = [];
  for (const n of ctx.topo.nodes) {
    if (n.kind !== 'onPremises') continue;
    const i = n.id.slice('site-'.length);
    const gwNode = ctx.node.get(`gateway-${i}`);
    const row = {
      site: cardWithChips(n, childrenOf(ctx, n.id, 'client')),
      gateway: gwNode ? leafCard(gwNode, { minW: 120, maxW: 200 }) : null,
    };
    const target = ctx.edgesById.get(`gw-vnet-${i}`)?.to;
    if (target === undefined || target === NODE_IDS.serverVnet) leftSites.push(row);
    else rightSites.push(row);
  }
  const others: Card[] = [];
  for (const id of [NODE_IDS.internet, NODE_IDS.azureServices, NODE_IDS.note, 'unplaced']) {
    const n = ctx.node.get(id);
    if (n) others.push(cardWithChips(n, childrenOf(ctx, id, 'client')));
  }
  const GW_GAP = 50;
  const rowW = (r: SiteRow) => r.site.w + (r.gateway ? r.gateway.w + GW_GAP : 0);
  const colAW = Math.max(0, ...leftSites.map(rowW), maxW(others));

  const xA = MARGIN;
  const xB = colAW > 0 ? xA + colAW + 90 : MARGIN;
  const xBR = xB + vnetCard.w;
  const peerTrunk = xBR + 44;
  // Lines between two other VNets run in lanes just left of their column, which moves right to make room
  // (the labels of the server VNet's peerings stay clear of the lanes).
  const peerToPeer = new Map(ctx.topo.edges.filter(isPeerToPeer).map((e, i) => [e.id, i % PEER_LANES]));
  const lanes = Math.min(PEER_LANES, peerToPeer.size);
  const xC = xBR + 120 + (lanes > 0 ? 2 * PEER_LANE_GAP * lanes + 16 : 0);
  const colCW = maxW(colC);
  const xCR = colC.length > 0 ? xC + colCW : xBR;
  const zoneTrunk = xCR + 64;
  const siteTrunk = xCR + 96;
  const xD = xCR + 150;

  // DNS row: Azure DNS, custom DNS servers, then the zone, roughly over its links.
  const dnsRowY = top + 40;
  const laneTop = dnsRowY - 16;
  let x = MARGIN;
  let dnsBottom = dnsRowY;
  const dnsCards: { id: string; box: Box }[] = [];
  for (const n of ctx.topo.nodes) {
    if (n.kind !== 'azureDns' && n.kind !== 'dnsServers') continue;
    const b = ctx.placer.place(leafCard(n), x, dnsRowY);
    dnsCards.push({ id: n.id, box: b });
    x = right(b) + 40;
    dnsBottom = Math.max(dnsBottom, b.y + b.h);
  }
  const zoneNode = ctx.node.get(NODE_IDS.dnsZone);
  let zoneBox: Box | null = null;
  if (zoneNode) {
    const zc = leafCard(zoneNode, { minW: 200, maxW: 340 });
    const wanted = colC.length > 0 ? zoneTrunk - zc.w / 2 : xB + vnetCard.w / 2 - zc.w / 2;
    zoneBox = ctx.placer.place(zc, Math.round(Math.max(x, wanted)), dnsRowY);
    dnsBottom = Math.max(dnsBottom, zoneBox.y + zoneBox.h);
  }
  const lane1 = dnsBottom + 16;
  const lane2 = dnsBottom + 32;
  const mainY = dnsBottom + 60;

  // Columns.
  const vnet = ctx.placer.place(vnetCard, xB, mainY);
  let y = mainY;
  for (const c of colC) {
    ctx.placer.place(c, xC, y);
    y += c.h + STACK_GAP;
  }
  const colCBottom = y;
  y = mainY;
  const leftRows: { site: Box; gateway: Box | null }[] = [];
  for (const r of leftSites) {
    const h = Math.max(r.site.h, r.gateway?.h ?? 0);
    const gw = r.gateway
      ? ctx.placer.place(r.gateway, xA + colAW - r.gateway.w, y + Math.round((h - r.gateway.h) / 2))
      : null;
    const sx = gw ? gw.x - GW_GAP - r.site.w : xA + colAW - r.site.w;
    leftRows.push({ site: ctx.placer.place(r.site, sx, y), gateway: gw });
    y += h + STACK_GAP;
  }
  for (const c of others) {
    ctx.placer.place(c, xA + colAW - c.w, y);
    y += c.h + STACK_GAP;
  }
  y = mainY;
  const rightRows: { site: Box; gateway: Box | null }[] = [];
  for (const r of rightSites) {
    const h = Math.max(r.site.h, r.gateway?.h ?? 0);
    const gw = r.gateway ? ctx.placer.place(r.gateway, xD, y + Math.round((h - r.gateway.h) / 2)) : null;
    rightRows.push({ site: ctx.placer.place(r.site, gw ? right(gw) + GW_GAP : xD, y), gateway: gw });
    y += h + STACK_GAP;
  }
  void colCBottom;

  // Routes into the server VNet, and on to the (first) server.
  const at = ctx.placer.at;
  const vTop = vnet.y + 40;
  const vBottom = vnet.y + vnet.h - 20;
  const corridorX = right(vnet) - Math.round(corridorRight / 2);
  const leftCorridorX = vnet.x + 11;
  const gutter = vnet.y + gutterY;
  const server0 = at.get(NODE_IDS.server(0));
  const toServerFromRight = (yIn: number): Point[] =>
    server0
      ? [
          [right(vnet), yIn],
          [corridorX, yIn],
          [corridorX, mid(server0)],
          [right(server0), mid(server0)],
        ]
      : [];
  const toServerFromLeft = (yIn: number): Point[] =>
    server0
      ? [
          [vnet.x, yIn],
          [leftCorridorX, yIn],
          [leftCorridorX, gutter],
          [corridorX, gutter],
          [corridorX, mid(server0)],
          [right(server0), mid(server0)],
        ]
      : [];
  /** Where a peered VNet's line meets the server VNet (or the summary, when the VNet is on another page). */
  const peeredAnchor = (id: string): Box | undefined =>
    at.get(id) ?? (peeredSummary ? at.get('peered-summary') : undefined);
  /** The boxes above whose top edge a line between two other VNets already has its label. */
  const labelled = new Set<string>();

  for (const e of ctx.topo.edges) {
    switch (e.kind) {
      case 'ha': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (a && b)
          route(ctx, e.id, [
            [a.x, mid(a)],
            [right(b), mid(a)],
          ]);
        break;
      }
      case 'dnsForward': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (a && b) {
          const ax = Math.round(a.x + a.w / 2);
          const bx = Math.round(b.x + b.w / 2);
          route(ctx, e.id, [
            [ax, a.y],
            [ax, laneTop],
            [bx, laneTop],
            [bx, b.y],
          ]);
        }
        break;
      }
      case 'dnsUse': {
        const b = at.get(e.to);
        if (b) {
          const bx = Math.round(b.x + b.w / 2);
          route(ctx, e.id, [
            [vnet.x + 40, vnet.y],
            [vnet.x + 40, lane1],
            [bx, lane1],
            [bx, b.y + b.h],
          ]);
        }
        break;
      }
      case 'zoneLink': {
        if (!zoneBox) break;
        if (e.to === NODE_IDS.serverVnet) {
          const zx = zoneBox.x + 24;
          const vx = Math.round(vnet.x + vnet.w / 2);
          route(ctx, e.id, [
            [zx, zoneBox.y + zoneBox.h],
            [zx, lane2],
            [vx, lane2],
            [vx, vnet.y],
          ]);
        } else {
          const b = at.get(e.to);
          if (!b) break;
          const zx = Math.min(zoneTrunk, right(zoneBox) - 16);
          const yIn = b.y + 16;
          route(ctx, e.id, [
            [Math.max(zx, zoneBox.x + 40), zoneBox.y + zoneBox.h],
            [Math.max(zx, zoneBox.x + 40), lane2 + 8],
            [zoneTrunk, lane2 + 8],
            [zoneTrunk, yIn],
            [right(b), yIn],
          ]);
        }
        break;
      }
      case 'peering': {
        if (isPeerToPeer(e)) {
          routePeerToPeer(ctx, e, peerToPeer.get(e.id) ?? 0, lanes, xC, labelled);
          break;
        }
        const other = e.from === NODE_IDS.serverVnet ? e.to : e.from;
        const b = at.get(other);
        if (!b) break;
        const yIn = clamp(mid(b), vTop, vBottom);
        const pts: Point[] = [
          [right(vnet), yIn],
          [peerTrunk, yIn],
          [peerTrunk, mid(b)],
          [b.x, mid(b)],
        ];
        route(ctx, e.id, e.from === NODE_IDS.serverVnet ? pts : [...pts].reverse());
        break;
      }
      case 'gateway': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (!a || !b) break;
        if (e.id.startsWith('site-gw-')) {
          // Site ⇄ its gateway: side by side on one row.
          if (a.x < b.x)
            route(ctx, e.id, [
              [right(a), mid(b)],
              [b.x, mid(b)],
            ]);
          else
            route(ctx, e.id, [
              [a.x, mid(b)],
              [right(b), mid(b)],
            ]);
        } else if (e.to === NODE_IDS.serverVnet) {
          const yIn = clamp(mid(a), vTop, vBottom);
          route(ctx, e.id, [
            [right(a), mid(a)],
            [xB - 45, mid(a)],
            [xB - 45, yIn],
            [vnet.x, yIn],
          ]);
        } else {
          const hub = peeredAnchor(e.to);
          if (hub)
            route(ctx, e.id, [
              [a.x, mid(a)],
              [siteTrunk, mid(a)],
              [siteTrunk, mid(hub) + 8],
              [right(hub), mid(hub) + 8],
            ]);
        }
        break;
      }
      case 'clientPath': {
        const chip = at.get(e.from);
        if (!chip || !server0) break;
        const pts = clientRoutePrivate(e, chip, {
          at,
          vnet,
          peerTrunk,
          siteTrunk,
          xB,
          vTop,
          vBottom,
          peeredAnchor,
          toServerFromLeft,
          toServerFromRight,
          corridorX,
          server0,
        });
        if (pts.length > 0) route(ctx, e.id, pts);
        break;
      }
      default:
        break;
    }
  }
  void leftRows;
  void rightRows;
}

/**
 * A peering between two other VNets (a hub and a spoke): out of the left side of one, along lane `lane` left of
 * their column, into the left side of the other, near the top (the server VNet's lines meet the middle). The
 * label sits in the gap above the lower box, left of all `lanes`, once per gap. Drawn when both VNets are on the
 * page, as the server VNet's peerings are.
 */
function routePeerToPeer(ctx: Ctx, e: TopoEdge, lane: number, lanes: number, xC: number, labelled: Set<string>): void {
  const a = ctx.placer.at.get(e.from);
  const b = ctx.placer.at.get(e.to);
  if (!a || !b) return;
  const laneX = (j: number): number => xC - 8 - PEER_LANE_GAP * j;
  const x = laneX(lane);
  const ya = a.y + 12 + 5 * lane;
  const yb = b.y + 12 + 5 * lane;
  const lower = a.y > b.y ? a : b;
  route(
    ctx,
    e.id,
    [
      [a.x, ya],
      [x, ya],
      [x, yb],
      [b.x, yb],
    ],
    (w) => {
      if (labelled.has(lower.id)) return null;
      labelled.add(lower.id);
      return { x: laneX(lanes - 1) - 3 - w / 2, y: lower.y - STACK_GAP / 2 + 5 };
    },
  );
}

interface PrivateRouteEnv {
  at: Map<string, Box>;
  vnet: Box;
  peerTrunk: number;
  siteTrunk: number;
  xB: number;
  vTop: number;
  vBottom: number;
  peeredAnchor: (id: string) => Box | undefined;
  toServerFromLeft: (y: number) => Point[];
  toServerFromRight: (y: number) => Point[];
  corridorX: number;
  server0: Box;
}

function clientRoutePrivate(e: TopoEdge, chip: Box, env: PrivateRouteEnv): Point[] {
  const { at } = env;
  const cy = mid(chip);
  const first = e.via[0];
  if (first === undefined) return [];
  const place = at.get(first);
  if (!place) return [];
  if (place.node.kind === 'subnet' || first === NODE_IDS.serverVnet) {
    return [
      [right(chip), cy],
      [env.corridorX, cy],
      [env.corridorX, mid(env.server0)],
      [right(env.server0), mid(env.server0)],
    ];
  }
  if (place.node.kind === 'peeredVnet') {
    const yIn = clamp(cy, env.vTop, env.vBottom);
    return [[chip.x, cy], [env.peerTrunk + 5, cy], [env.peerTrunk + 5, yIn], ...env.toServerFromRight(yIn)];
  }
  if (place.node.kind === 'onPremises') {
    const gw = at.get(e.via[1] ?? '');
    if (!gw) return [];
    const hubId = e.via.length > 3 ? e.via[2] : undefined;
    if (hubId === undefined) {
      // Site → gateway → server VNet from the left.
      const yIn = clamp(mid(gw), env.vTop, env.vBottom);
      return [
        [right(chip), cy],
        [right(place) + 8, cy],
        [right(place) + 8, mid(gw)],
        [right(gw), mid(gw)],
        [env.xB - 40, mid(gw)],
        [env.xB - 40, yIn],
        ...env.toServerFromLeft(yIn),
      ];
    }
    const hub = env.peeredAnchor(hubId);
    if (!hub) return [];
    const yIn = clamp(mid(hub), env.vTop, env.vBottom);
    return [
      [chip.x, cy],
      [place.x - 8, cy],
      [place.x - 8, mid(gw)],
      [gw.x, mid(gw)],
      [env.siteTrunk + 5, mid(gw)],
      [env.siteTrunk + 5, mid(hub) + 13],
      [right(hub), mid(hub) + 13],
      [hub.x, mid(hub) + 13],
      [env.peerTrunk + 5, mid(hub) + 13],
      [env.peerTrunk + 5, yIn],
      ...env.toServerFromRight(yIn),
    ];
  }
  // Internet or Azure services (column A): straight to the server VNet's left side.
  const yIn = clamp(cy, env.vTop, env.vBottom);
  return [
    [right(chip), cy],
    [right(place) + 8, cy],
    [env.xB - 40, cy],
    [env.xB - 40, yIn],
    ...env.toServerFromLeft(yIn),
  ];
}

// ---------------------------------------------------------------------------------------------
// Public access

function layoutPublic(ctx: Ctx, view: LayoutView, top: number): void {
  const mainY = top + 50;
  const internetNode = ctx.node.get(NODE_IDS.internet) as TopoNode;
  const internetCard = cardWithChips(internetNode, childrenOf(ctx, NODE_IDS.internet, 'client'));
  const azureNode = ctx.node.get(NODE_IDS.azureServices);
  const azureCard = azureNode ? cardWithChips(azureNode, childrenOf(ctx, NODE_IDS.azureServices, 'client')) : null;
  const unplacedNode = ctx.node.get('unplaced');
  const unplacedCard = unplacedNode ? cardWithChips(unplacedNode, childrenOf(ctx, 'unplaced', 'client')) : null;
  const colA = [internetCard, ...(azureCard ? [azureCard] : []), ...(unplacedCard ? [unplacedCard] : [])];

  // Column B: the rules, one box each, or a summary box (collapsed) with a page of rules (expanded).
  const group = ctx.topo.groups.find((g) => g.kind === 'firewallRules');
  const colB: Card[] = [];
  let summary: Card | null = null;
  if (group) {
    const many = group.members.length > PAGE_SIZE.firewallRules;
    const paged = pageOf(group, PAGE_SIZE.firewallRules, view, many);
    const visible = paged.visible;
    if (many) {
      ctx.pagers.push(paged.pager);
      summary = leafCard(summaryNode(group, paged.pager, NODE_IDS.firewallSummary, 'firewallSummary'), {
        minW: 240,
        maxW: 340,
      });
      colB.push(summary);
    }
    for (const id of group.members)
      if (visible.has(id)) colB.push(leafCard(ctx.node.get(id) as TopoNode, { minW: 200, maxW: 300 }));
  } else {
    const note = ctx.node.get(NODE_IDS.note);
    if (note) colB.push(leafCard(note));
  }
  const endpoints = ctx.topo.nodes.filter((n) => n.kind === 'publicEndpoint').map((n) => leafCard(n));
  const servers = ctx.topo.nodes.filter((n) => n.kind === 'server').map((n) => leafCard(n));
  const standbys = new Map(
    ctx.topo.nodes
      .filter((n) => n.kind === 'standby')
      .map((n) => [n.id.replace('standby-', 'server-'), leafCard(n, { minW: 150, maxW: 220 })]),
  );

  const colAW = maxW(colA);
  const colBW = maxW(colB);
  const xA = MARGIN;
  const xB = xA + colAW + 90;
  const inetTrunk = xA + colAW + 40;
  const xBR = xB + colBW;
  const ruleTrunk = xBR + 44;
  const xC = xBR + 100;
  const xD = xC + maxW(endpoints) + 70;
  const xE = xD + maxW(servers) + 50;

  let y = mainY;
  const placedA: Box[] = [];
  for (const c of colA) {
    placedA.push(ctx.placer.place(c, xA + colAW - c.w, y));
    y += c.h + STACK_GAP + 10;
  }
  y = mainY;
  for (const c of colB) {
    ctx.placer.place(c, xB, y);
    y += c.h + (c === summary ? STACK_GAP + 6 : 12);
  }
  const colBBottom = y;
  y = mainY;
  endpoints.forEach((c, i) => {
    const s = servers[i] as Card;
    const sb = standbys.get(s.node.id);
    const h = Math.max(c.h, s.h, sb?.h ?? 0);
    ctx.placer.place(c, xC, y + Math.round((h - c.h) / 2));
    ctx.placer.place(s, xD, y + Math.round((h - s.h) / 2));
    if (sb) ctx.placer.place(sb, xE, y + Math.round((h - sb.h) / 2));
    y += h + STACK_GAP;
  });

  const at = ctx.placer.at;
  const inet = at.get(NODE_IDS.internet) as Box;
  const bottomLane = Math.max(colBBottom + 10, ...placedA.map((b) => b.y + b.h + 12));
  const topLane = mainY - 20;
  const ruleBox = (id: string): Box | undefined =>
    at.get(id) ?? (summary ? at.get(NODE_IDS.firewallSummary) : undefined);
  const done = new Set<string>();
  for (const e of ctx.topo.edges) {
    switch (e.kind) {
      case 'internetAccess': {
        const r = ruleBox(e.to);
        if (!r) break;
        const key = `inet>${r.id}`;
        if (done.has(key)) break; // a collapsed summary gets one line, not one per rule
        done.add(key);
        route(ctx, e.id, [
          [right(inet), mid(inet)],
          [inetTrunk, mid(inet)],
          [inetTrunk, mid(r)],
          [r.x, mid(r)],
        ]);
        break;
      }
      case 'firewallAllow': {
        const a = e.from.startsWith('endpoint-') ? at.get(e.from) : ruleBox(e.from);
        const b = at.get(e.to);
        if (!a || !b) break;
        if (a.node.kind === 'publicEndpoint') {
          route(ctx, e.id, [
            [right(a), mid(b)],
            [b.x, mid(b)],
          ]);
          break;
        }
        const key = `${a.id}>${b.id}`;
        if (done.has(key)) break;
        done.add(key);
        route(ctx, e.id, [
          [right(a), mid(a)],
          [ruleTrunk, mid(a)],
          [ruleTrunk, mid(b)],
          [b.x, mid(b)],
        ]);
        break;
      }
      case 'azureServices': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (!a || !b) break;
        const lane = Math.max(bottomLane, mid(a));
        route(ctx, e.id, [
          [right(a), mid(a)],
          [inetTrunk - 16, mid(a)],
          [inetTrunk - 16, lane],
          [ruleTrunk + 10, lane],
          [ruleTrunk + 10, mid(b) + 6],
          [b.x, mid(b) + 6],
        ]);
        break;
      }
      case 'ha': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (a && b)
          route(ctx, e.id, [
            [right(a), mid(a)],
            [b.x, mid(a)],
          ]);
        break;
      }
      case 'clientPath': {
        const chip = at.get(e.from);
        const server = at.get(e.to);
        const ep = at.get(NODE_IDS.endpoint(0));
        if (!chip || !server || !ep) break;
        const place = at.get(e.via[0] ?? '');
        if (!place) break;
        const cy = mid(chip);
        const head: Point[] = [
          [right(chip), cy],
          [right(place) + 6, cy],
        ];
        const ruleId = e.via.length > 2 ? e.via[1] : undefined;
        const r = ruleId !== undefined ? ruleBox(ruleId) : undefined;
        const tail: Point[] = [
          [ep.x, mid(ep) + 5],
          [right(ep), mid(ep) + 5],
          [server.x, mid(ep) + 5],
        ];
        if (r) {
          route(ctx, e.id, [
            ...head,
            [inetTrunk + 5, cy],
            [inetTrunk + 5, mid(r) + 5],
            [r.x, mid(r) + 5],
            [right(r), mid(r) + 5],
            [ruleTrunk + 5, mid(r) + 5],
            [ruleTrunk + 5, mid(ep) + 5],
            ...tail,
          ]);
        } else if (place.node.kind === 'azureServices') {
          const lane = Math.max(bottomLane, cy) + 6;
          route(ctx, e.id, [
            ...head,
            [inetTrunk - 11, cy],
            [inetTrunk - 11, lane],
            [ruleTrunk + 15, lane],
            [ruleTrunk + 15, mid(ep) + 5],
            ...tail,
          ]);
        } else {
          route(ctx, e.id, [
            ...head,
            [inetTrunk + 5, cy],
            [inetTrunk + 5, topLane],
            [ruleTrunk + 5, topLane],
            [ruleTrunk + 5, mid(ep) + 5],
            ...tail,
          ]);
        }
        break;
      }
      default:
        break;
    }
  }
}

// ---------------------------------------------------------------------------------------------

/** Places a topology. Deterministic: the same topology and view give the same layout. */
export function layoutTopology(topo: Topology, view: LayoutView = {}): TopologyLayout {
  const node = new Map(topo.nodes.map((n) => [n.id, n]));
  const children = new Map<string, TopoNode[]>();
  for (const n of topo.nodes) {
    if (n.parent === null) continue;
    const list = children.get(n.parent);
    if (list) list.push(n);
    else children.set(n.parent, [n]);
  }
  const ctx: Ctx = {
    topo,
    node,
    children,
    edgesById: new Map(topo.edges.map((e) => [e.id, e])),
    placer: new Placer(),
    routed: [],
    pagers: [],
  };
  const top = titleRow(ctx);
  if (topo.mode === 'private') layoutPrivate(ctx, view, top);
  else layoutPublic(ctx, view, top);

  let width = 0;
  let height = 0;
  for (const b of ctx.placer.boxes) {
    width = Math.max(width, b.x + b.w);
    height = Math.max(height, b.y + b.h);
  }
  for (const e of ctx.routed) {
    for (const [px, py] of e.points) {
      width = Math.max(width, px);
      height = Math.max(height, py);
    }
    if (e.label) width = Math.max(width, e.label.x + e.label.w / 2);
  }
  return {
    width: Math.ceil(width + MARGIN),
    height: Math.ceil(height + MARGIN),
    boxes: ctx.placer.boxes,
    edges: ctx.routed,
    pagers: ctx.pagers,
  };
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The box to move keyboard focus to from `fromId` in `direction`: the nearest box whose centre lies
 * in that direction (distance along the direction counts fully, across it double). Null at the edge.
 */
export interface Rect {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function neighbour(boxes: readonly Rect[], fromId: string, direction: Direction): string | null {
  const from = boxes.find((b) => b.id === fromId);
  if (!from) return boxes[0]?.id ?? null;
  const fx = from.x + from.w / 2;
  const fy = from.y + from.h / 2;
  let best: string | null = null;
  let bestScore = Infinity;
  for (const b of boxes) {
    if (b.id === fromId) continue;
    const dx = b.x + b.w / 2 - fx;
    const dy = b.y + b.h / 2 - fy;
    const along = direction === 'left' ? -dx : direction === 'right' ? dx : direction === 'up' ? -dy : dy;
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0) continue;
    const score = along + 2 * across;
    if (score < bestScore) {
      bestScore = score;
      best = b.id;
    }
  }
  return best;
}

/** Pairs of boxes that overlap although neither contains the other (sort and sweep on x). */
export function overlappingBoxes(boxes: readonly Box[]): [string, string][] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const isAncestor = (a: Box, b: Box): boolean => {
    let p = b.node.parent;
    while (p !== null) {
      if (p === a.id) return true;
      p = byId.get(p)?.node.parent ?? null;
    }
    return false;
  };
  const out: [string, string][] = [];
  const active: Box[] = [];
  for (const b of sorted) {
    for (let i = active.length - 1; i >= 0; i -= 1) if (right(active[i] as Box) <= b.x) active.splice(i, 1);
    for (const a of active) {
      const overlapY = a.y < b.y + b.h && b.y < a.y + a.h;
      if (overlapY && !isAncestor(a, b) && !isAncestor(b, a)) out.push([a.id, b.id]);
    }
    active.push(b);
  }
  return out;
}
