/**
 * What the layout works with and what it gives: boxes (placed cards, by the Placer) and routed lines with their
 * labels, the context threaded through the layout, the geometry helpers the layouts and routes share, and the
 * checks that no two boxes overlap and that no label or marker covers anything.
 */
import { cardLabels, type Card, type Label, type MarkedNode, type Rect } from './labels';
import type { TopoEdge, TopoNode, Topology } from './model';
import type { Pager } from './paging';

/** Space around the picture. */
export const MARGIN = 24;
/** Gap between boxes stacked in a column. */
export const STACK_GAP = 20;

/** A point of a routed line: [x, y]. */
export type Point = readonly [number, number];

/** A placed box: a node at its place, with its text as wrapped to fit. */
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
  /** Where its text, badges and finding marker are drawn (labels.ts `cardLabels`). */
  readonly labels: readonly Label[];
}

/**
 * A line along its points, with its label where it is drawn (null: none; `x` its middle, `y` its text's baseline)
 * and its finding marker (null: none).
 */
export interface RoutedEdge {
  readonly id: string;
  readonly edge: TopoEdge;
  readonly points: readonly Point[];
  readonly label: { readonly text: string; readonly x: number; readonly y: number; readonly w: number } | null;
  readonly marker: Label | null;
}

/** Places cards and the cards they hold, in order; keeps each box by id, and the labels placed so far. */
export class Placer {
  readonly boxes: Box[] = [];
  readonly at = new Map<string, Box>();
  /** The boxes' labels, then those of the lines as they are routed. */
  readonly labels: Label[] = [];

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
      labels: cardLabels(card, x, y),
    };
    this.boxes.push(box);
    this.at.set(box.id, box);
    this.labels.push(...box.labels);
    for (const c of card.children) this.place(c.card, x + c.dx, y + c.dy, depth + 1);
    return box;
  }
}

/** The layout under way: the topology and its lookups, the boxes placed, the lines routed, the pagers. */
export interface Ctx {
  topo: Topology;
  node: Map<string, TopoNode>;
  children: Map<string, TopoNode[]>;
  edgesById: Map<string, TopoEdge>;
  placer: Placer;
  routed: RoutedEdge[];
  pagers: Pager[];
  /** The width of the finding marker of each element that findings are pinned to, by id. */
  marks: ReadonlyMap<string, number>;
}

/** `n` with the width of its finding marker (`marks`, by id), when findings are pinned to it. */
export function marked(marks: ReadonlyMap<string, number>, n: TopoNode): MarkedNode {
  const marker = marks.get(n.id);
  return marker === undefined ? n : { ...n, marker };
}

/** The nodes drawn inside `id`, of `kind` if given, in the topology's order. */
export function childrenOf(ctx: Ctx, id: string, kind?: TopoNode['kind']): TopoNode[] {
  return (ctx.children.get(id) ?? []).filter((n) => kind === undefined || n.kind === kind);
}

/** The middle of a box (y), rounded. */
export const mid = (b: Box): number => Math.round(b.y + b.h / 2);
/** The right edge of a box. */
export const right = (b: Rect): number => b.x + b.w;
/** `v` held between `lo` and `hi` (at `lo` when `hi` is below it). */
export const clamp = (v: number, lo: number, hi: number): number => Math.min(Math.max(v, lo), Math.max(lo, hi));

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

/** Where a line's label is drawn: a box behind its text. */
export function edgeLabel(e: Pick<RoutedEdge, 'id' | 'label'>): Label | null {
  const l = e.label;
  return l && { owner: e.id, kind: 'edge', x: l.x - l.w / 2, y: l.y - 11, w: l.w, h: 14 };
}

/** Every label of the boxes and the lines: their text, badges, line labels and finding markers. */
export function labelsOf(boxes: readonly Box[], edges: readonly RoutedEdge[]): Label[] {
  const out = boxes.flatMap((b) => b.labels);
  for (const e of edges) for (const l of [edgeLabel(e), e.marker]) if (l) out.push(l);
  return out;
}

/** Whether two rectangles overlap by more than an edge. */
const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * Whether label `l` covers box `b`: it overlaps a box it does not belong to, and does not lie wholly inside it as
 * in a box that holds others (a line's label in a VNet's free space, a client's marker in its site).
 */
function covers(l: Label, b: Box): boolean {
  const inside = b.container && l.x >= b.x && l.y >= b.y && l.x + l.w <= right(b) && l.y + l.h <= b.y + b.h;
  return l.owner !== b.id && !inside && overlaps(l, b);
}

/** Whether label `l` can go where it is: in the picture, over none of the labels `taken`, covering none of `boxes`. */
export const isFree = (l: Label, boxes: readonly Box[], taken: readonly Label[]): boolean =>
  l.x >= 0 && l.y >= 0 && !taken.some((t) => overlaps(t, l)) && !boxes.some((b) => covers(l, b));

/**
 * The labels and markers drawn over something they must not cover: another label or marker, or a box (`covers`).
 * Each as [label, what it covers], a label named `owner:kind`; sort and sweep on x, as overlappingBoxes.
 */
export function overlappingLabels(boxes: readonly Box[], edges: readonly RoutedEdge[]): [string, string][] {
  type Item = { r: Rect; name: string; box?: Box; label?: Label };
  const items: Item[] = [
    ...boxes.map((box) => ({ r: box, name: box.id, box })),
    ...labelsOf(boxes, edges).map((label) => ({ r: label, name: `${label.owner}:${label.kind}`, label })),
  ].sort((a, b) => a.r.x - b.r.x);
  const out: [string, string][] = [];
  let active: Item[] = [];
  for (const b of items) {
    active = active.filter((a) => right(a.r) > b.r.x);
    for (const a of active) {
      const [l, o] = a.label ? [a, b] : [b, a];
      if (l.label && (o.label ? overlaps(l.label, o.label) : o.box && covers(l.label, o.box)))
        out.push([l.name, o.name]);
    }
    active.push(b);
  }
  return out;
}
