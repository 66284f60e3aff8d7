/**
 * Deterministic layout of a topology: the title row (the title and the legend), then the picture of private or
 * public access (layout-private.ts, layout-public.ts) with its lines routed (routing.ts). Text widths are estimated
 * from character counts, long labels wrapped (then shortened with "…"), big collections paged or collapsed so that
 * a 200-VNet estate stays readable. Pure: the same topology and view give the same boxes and lines.
 */
import type { Finding } from '../domain/finding';
import { findingMarker } from './findings';
import { FONT, leafCard, LINE_LH, PAD, textWidth, wrapText, type Card } from './labels';
import { layoutPrivate } from './layout-private';
import { layoutPublic } from './layout-public';
import { clearLineLabels } from './line-clearance';
import { placeLineMarkers } from './markers';
import { NODE_IDS, type TopoNode, type Topology } from './model';
import type { LayoutView, Pager } from './paging';
import { labelsOf, marked, MARGIN, Placer, right, type Box, type Ctx, type RoutedEdge } from './placement';
import { separateSharedSegments } from './segments';

/** The whole picture: its size, the boxes, the routed lines, and the pagers of the paged collections. */
export interface TopologyLayout {
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly Box[];
  readonly edges: readonly RoutedEdge[];
  readonly pagers: readonly Pager[];
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

/** The legend's card: its title, then its entries in the columns of legendColumns, each on one line. */
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

/**
 * Places a topology, with a finding marker on each element that `pins` holds findings for (by id, as pinned on the
 * layout without them: the same elements are drawn either way). Deterministic: the same topology, view and pins
 * give the same layout.
 */
export function layoutTopology(
  topology: Topology,
  view: LayoutView = {},
  pins: ReadonlyMap<string, readonly Finding[]> = new Map(),
): TopologyLayout {
  const marks = new Map([...pins].map(([id, f]) => [id, findingMarker(f).w]));
  const topo = { ...topology, nodes: topology.nodes.map((n) => marked(marks, n)) };
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
    marks,
  };
  const top = titleRow(ctx);
  if (topo.mode === 'private') layoutPrivate(ctx, view, top);
  else layoutPublic(ctx, view, top);

  // Lines that would run along each other are pulled apart, so that each can be followed by eye.
  const boxes = ctx.placer.boxes;
  // Then the labels that a line now runs through move along their own line, and the markers go where none does.
  const edges = placeLineMarkers(clearLineLabels(separateSharedSegments(ctx.routed, boxes), boxes), boxes, marks);
  let width = 0;
  let height = 0;
  for (const b of [...boxes, ...labelsOf(boxes, edges)]) {
    width = Math.max(width, right(b));
    height = Math.max(height, b.y + b.h);
  }
  for (const e of edges) {
    for (const [px, py] of e.points) {
      width = Math.max(width, px);
      height = Math.max(height, py);
    }
  }
  return {
    width: Math.ceil(width + MARGIN),
    height: Math.ceil(height + MARGIN),
    boxes,
    edges,
    pagers: ctx.pagers,
  };
}
