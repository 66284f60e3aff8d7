/**
 * The layout read as a tree for the editable exports (draw.io, Mermaid): which box each box is drawn inside, and
 * which boxes a line starts and ends on. Pure: the layout in, plain data out.
 */
import type { TopologyLayout } from '../../topology/layout';
import type { Box } from '../../topology/placement';

/** How far (px) a line's end may lie from a box's outline and still count as touching it. */
const TOUCH = 1;

const inside = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

/**
 * The box each box is drawn inside (null at the top level): among the boxes one level up (`depth - 1`) that hold
 * it whole, its node's own parent when that is one of them, else the smallest. A box that no box one level up
 * holds is treated as a top-level box, so that every child lies within its parent.
 */
export function boxParents(layout: TopologyLayout): Map<string, Box | null> {
  const out = new Map<string, Box | null>();
  for (const box of layout.boxes) {
    if (box.depth === 0) {
      out.set(box.id, null);
      continue;
    }
    const holders = layout.boxes.filter((b) => b.container && b.depth === box.depth - 1 && inside(b, box));
    const own = holders.find((b) => b.id === box.node.parent);
    const smallest = holders.reduce<Box | null>(
      (best, b) => (best === null || b.w * b.h < best.w * best.h ? b : best),
      null,
    );
    out.set(box.id, own ?? smallest);
  }
  return out;
}

/** Whether point `p` lies on or in `box` (within TOUCH px). */
function touches(box: Box, [x, y]: readonly [number, number]): boolean {
  return x >= box.x - TOUCH && x <= box.x + box.w + TOUCH && y >= box.y - TOUCH && y <= box.y + box.h + TOUCH;
}

/** Whether point `p` lies on the outline of `box` (within TOUCH px). */
function onOutline(box: Box, p: readonly [number, number]): boolean {
  if (!touches(box, p)) return false;
  const [x, y] = p;
  return (
    Math.abs(x - box.x) <= TOUCH ||
    Math.abs(x - box.x - box.w) <= TOUCH ||
    Math.abs(y - box.y) <= TOUCH ||
    Math.abs(y - box.y - box.h) <= TOUCH
  );
}

/**
 * The box at one end of a line: the node the line names when the end lies on or in its box, else the innermost
 * box whose outline the end touches (a collapsed collection's summary box stands for its hidden members), else
 * null (the end is a loose point).
 */
function endBox(layout: TopologyLayout, byId: ReadonlyMap<string, Box>, id: string, p: readonly [number, number]) {
  const named = byId.get(id);
  if (named && touches(named, p)) return named;
  let best: Box | null = null;
  for (const b of layout.boxes)
    if (
      onOutline(b, p) &&
      (best === null || b.depth > best.depth || (b.depth === best.depth && b.w * b.h < best.w * best.h))
    )
      best = b;
  return best;
}

export interface EdgeEnds {
  readonly source: Box | null;
  readonly target: Box | null;
}

/** The boxes each drawn line starts and ends on, by line id. */
export function edgeEnds(layout: TopologyLayout): Map<string, EdgeEnds> {
  const byId = new Map(layout.boxes.map((b) => [b.id, b]));
  const out = new Map<string, EdgeEnds>();
  for (const e of layout.edges) {
    const first = e.points[0];
    const last = e.points[e.points.length - 1];
    out.set(e.id, {
      source: first ? endBox(layout, byId, e.edge.from, first) : null,
      target: last ? endBox(layout, byId, e.edge.to, last) : null,
    });
  }
  return out;
}
