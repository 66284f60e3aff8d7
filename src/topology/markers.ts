/**
 * Where the finding marker of a line goes: beside its label, else on the line itself, at the first place where it
 * covers nothing (no label, no marker, no box but one that holds others and that it lies wholly inside: placement.ts
 * `isFree`) and no other line runs through it, so that the check of labels holds for what is drawn. Boxes carry
 * theirs in their title row (labels.ts).
 */
import { MARKER, type Label } from './labels';
import { crossedBy } from './line-clearance';
import { isFree, labelsOf, type Box, type Point, type RoutedEdge } from './placement';

/**
 * The places a line's marker `w` px wide may take, in order of preference: right of its label, left of it; then on
 * its segments, the longest first, from their middle out to their ends; then over its label, and under it; then
 * those two slid sideways.
 */
function spots(e: RoutedEdge, w: number): Label[] {
  const out: Label[] = [];
  const at = (cx: number, cy: number) =>
    out.push({
      owner: e.id,
      kind: 'marker',
      x: Math.round(cx - w / 2),
      y: Math.round(cy - MARKER.h / 2),
      w,
      h: MARKER.h,
    });
  const l = e.label;
  if (l) for (const side of [1, -1]) at(l.x + side * ((l.w + w) / 2 + 4), l.y - 4);
  const length = ([a, b]: [Point, Point]) => Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]);
  const segments = e.points.slice(1).map((b, i): [Point, Point] => [e.points[i] as Point, b]);
  for (const [[ax, ay], [bx, by]] of segments.sort((p, q) => length(q) - length(p)))
    for (let k = 5; k >= 0; k -= 1) for (const t of [k / 10, 1 - k / 10]) at(ax + (bx - ax) * t, ay + (by - ay) * t);
  // Where the line is short between two boxes (a peering across a narrow gap): over its label, or under the line;
  // then the same, slid sideways in 4 px steps, up to half its width (the label sits in the middle of its stretch,
  // not of the gap, and a marker nearly as wide as the gap fits only about the gap's middle).
  if (l) {
    const rows = [l.y - 12 - MARKER.h / 2, l.y + 8 + MARKER.h / 2];
    for (const cy of rows) at(l.x, cy);
    for (let d = 4; d <= w / 2; d += 4) for (const cy of rows) for (const side of [-1, 1]) at(l.x + side * d, cy);
  }
  return out;
}

/**
 * The lines with the markers of those that findings are pinned to (`widths`, by id), each at its first free spot
 * that no other line runs through, else at its first free spot; at the first spot when none is free (the check of
 * labels then reports it).
 */
export function placeLineMarkers(
  edges: readonly RoutedEdge[],
  boxes: readonly Box[],
  widths: ReadonlyMap<string, number>,
): RoutedEdge[] {
  const taken = labelsOf(boxes, edges);
  return edges.map((e) => {
    const w = widths.get(e.id);
    if (w === undefined) return e;
    const all = spots(e, w);
    let firstFree: Label | undefined;
    let marker: Label | null = null;
    for (const m of all) {
      if (!isFree(m, boxes, taken)) continue;
      firstFree ??= m;
      if (!crossedBy(m, e.id, edges)) {
        marker = m;
        break;
      }
    }
    marker ??= firstFree ?? all[0] ?? null;
    if (marker) taken.push(marker);
    return { ...e, marker };
  });
}
