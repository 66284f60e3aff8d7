/**
 * What the layout works with and what it gives: boxes (placed cards, by the Placer) and routed lines, the context
 * threaded through the layout, the geometry helpers the layouts and routes share, and the check that no two boxes
 * overlap.
 */
import type { Card } from './labels';
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
}

/** A line along its points, with its label where it is drawn (null: none). */
export interface RoutedEdge {
  readonly id: string;
  readonly edge: TopoEdge;
  readonly points: readonly Point[];
  readonly label: { readonly text: string; readonly x: number; readonly y: number; readonly w: number } | null;
}

/** Places cards and the cards they hold, in order; keeps each box by id. */
export class Placer {
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

/** The layout under way: the topology and its lookups, the boxes placed, the lines routed, the pagers. */
export interface Ctx {
  topo: Topology;
  node: Map<string, TopoNode>;
  children: Map<string, TopoNode[]>;
  edgesById: Map<string, TopoEdge>;
  placer: Placer;
  routed: RoutedEdge[];
  pagers: Pager[];
}

/** The nodes drawn inside `id`, of `kind` if given, in the topology's order. */
export function childrenOf(ctx: Ctx, id: string, kind?: TopoNode['kind']): TopoNode[] {
  return (ctx.children.get(id) ?? []).filter((n) => kind === undefined || n.kind === kind);
}

/** The middle of a box (y), rounded. */
export const mid = (b: Box): number => Math.round(b.y + b.h / 2);
/** The right edge of a box. */
export const right = (b: Box): number => b.x + b.w;
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
