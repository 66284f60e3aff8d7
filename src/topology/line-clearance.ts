/**
 * Lines and labels: a line's label is drawn as a box behind its text, so another line that runs through it is hidden
 * there and seems to end at the label. Lines are routed one after another and the separation of shared stretches moves
 * them afterwards, so a label placed clear of every line drawn so far can still be crossed by a later one. This pass
 * runs once every line has its final course: it moves each crossed label to another place on its own line, and the
 * check (`linesAcrossLabels`) holds the picture to it.
 */
import type { Label, Rect } from './labels';
import { edgeLabel, isFree, labelsOf, type Box, type Point, type RoutedEdge } from './placement';

/** Whether the segment `a`–`b` runs through the inside of `r` (not merely along or up to its edge). */
function crosses(a: Point, b: Point, r: Rect): boolean {
  const [x1, x2] = a[0] < b[0] ? [a[0], b[0]] : [b[0], a[0]];
  const [y1, y2] = a[1] < b[1] ? [a[1], b[1]] : [b[1], a[1]];
  return x1 < r.x + r.w - 1 && x2 > r.x + 1 && y1 < r.y + r.h - 1 && y2 > r.y + 1;
}

/** Whether a line other than `owner`'s runs through `r`. */
export function crossedBy(r: Rect, owner: string, edges: readonly RoutedEdge[]): boolean {
  for (const e of edges) {
    if (e.id === owner) continue;
    const p = e.points;
    for (let i = 1; i < p.length; i += 1) if (crosses(p[i - 1] as Point, p[i] as Point, r)) return true;
  }
  return false;
}

/** The lines' own labels and markers that another line runs through: [the label's owner and kind, the line]. */
export function linesAcrossLabels(edges: readonly RoutedEdge[]): [string, string][] {
  const out: [string, string][] = [];
  for (const e of edges) {
    for (const l of [edgeLabel(e), e.marker]) {
      if (l === null) continue;
      for (const o of edges) {
        if (o.id === e.id) continue;
        const p = o.points;
        for (let i = 1; i < p.length; i += 1)
          if (crosses(p[i - 1] as Point, p[i] as Point, l)) {
            out.push([`${l.owner}:${l.kind}`, o.id]);
            break;
          }
      }
    }
  }
  return out;
}

/**
 * The places a label may take on its own line, in order of preference: on the horizontal stretches first, the longest
 * first, from their middle out towards their ends; then on the vertical ones. (As `route` places a label: its centre
 * on the line, 5 px above a horizontal stretch.)
 */
function spots(e: RoutedEdge): { x: number; y: number }[] {
  const segments = e.points.slice(1).map((b, i): [Point, Point] => [e.points[i] as Point, b]);
  const score = ([a, b]: [Point, Point]) =>
    Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]) + (a[1] === b[1] ? 10_000 : 0);
  const out: { x: number; y: number }[] = [];
  for (const [a, b] of segments.sort((p, q) => score(q) - score(p))) {
    const flat = a[1] === b[1];
    for (const t of [0.5, 0.35, 0.65, 0.2, 0.8])
      out.push({ x: Math.round(a[0] + (b[0] - a[0]) * t), y: Math.round(a[1] + (b[1] - a[1]) * t) - (flat ? 5 : 0) });
  }
  return out;
}

/**
 * The lines with each label that another line runs through, or that covers a box, moved to the first place on its own
 * line where no line runs through it and it covers no box and no other label (placement.ts `isFree`); left where it is
 * when there is none.
 */
export function clearLineLabels(edges: readonly RoutedEdge[], boxes: readonly Box[]): RoutedEdge[] {
  const out = [...edges];
  out.forEach((e, k) => {
    const current = edgeLabel(e);
    // Crossed by another line, or over a box (where the separation of shared stretches moved its stretch without
    // finding a row that kept the label clear).
    if (e.label === null || current === null || (!crossedBy(current, e.id, out) && isFree(current, boxes, []))) return;
    const others: Label[] = labelsOf(boxes, out).filter((l) => l.owner !== e.id || l.kind !== 'edge');
    for (const at of spots(e)) {
      const moved = { ...e, label: { ...e.label, x: at.x, y: at.y } };
      const label = edgeLabel(moved) as Label;
      if (!crossedBy(label, e.id, out) && isFree(label, boxes, others)) {
        out[k] = moved;
        return;
      }
    }
  });
  return out;
}
