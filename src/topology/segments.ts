/**
 * Whether two of the diagram's lines run along each other: a reader can't follow a line through a stretch it
 * shares with another. Lines are orthogonal polylines, so two share a stretch only when both have a horizontal
 * segment at the same y (or a vertical one at the same x) and the two overlap by more than a point. Crossing or
 * touching at a corner is not sharing.
 */
import type { Point, RoutedEdge } from './placement';

/** One axis-aligned segment of a line: `at` is its y (horizontal) or x (vertical), `from < to` along the other. */
interface Segment {
  readonly edge: string;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** The horizontal and the vertical segments of the lines, each of positive length. */
function segmentsOf(edges: readonly RoutedEdge[]): { horizontal: Segment[]; vertical: Segment[] } {
  const horizontal: Segment[] = [];
  const vertical: Segment[] = [];
  for (const e of edges) {
    for (let i = 0; i + 1 < e.points.length; i += 1) {
      const [ax, ay] = e.points[i] as Point;
      const [bx, by] = e.points[i + 1] as Point;
      if (ay === by && ax !== bx) horizontal.push({ edge: e.id, at: ay, from: Math.min(ax, bx), to: Math.max(ax, bx) });
      else if (ax === bx && ay !== by)
        vertical.push({ edge: e.id, at: ax, from: Math.min(ay, by), to: Math.max(ay, by) });
    }
  }
  return { horizontal, vertical };
}

/** Pairs of different lines with collinear segments that overlap by more than a point (sort and sweep). */
function overlapping(segments: Segment[]): [string, string][] {
  segments.sort((a, b) => a.at - b.at || a.from - b.from);
  const out: [string, string][] = [];
  const seen = new Set<string>();
  for (let i = 0; i < segments.length; i += 1) {
    const a = segments[i] as Segment;
    for (let j = i + 1; j < segments.length; j += 1) {
      const b = segments[j] as Segment;
      if (b.at !== a.at || b.from >= a.to) break;
      if (a.edge === b.edge) continue;
      const pair: [string, string] = a.edge < b.edge ? [a.edge, b.edge] : [b.edge, a.edge];
      const key = pair.join('\n');
      if (!seen.has(key)) {
        seen.add(key);
        out.push(pair);
      }
    }
  }
  return out;
}

/**
 * The pairs of lines that run along each other somewhere, each pair once (ids in order). The sweep stops at the
 * first segment of the same row that starts past the current one's end, so a row of n segments costs n log n plus
 * the overlaps it reports.
 */
export function sharedSegments(edges: readonly RoutedEdge[]): [string, string][] {
  const { horizontal, vertical } = segmentsOf(edges);
  const pairs = [...overlapping(horizontal), ...overlapping(vertical)];
  const unique = new Map(pairs.map((p) => [p.join('\n'), p] as const));
  return [...unique.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

/**
 * The lines with every stretch they share with others pulled apart. Row by row (segments at one y, then at one x),
 * a segment that carries its line's label keeps its place, then the others in order of place: the first keeps its
 * place and each later one that runs along a line already there moves across to the nearest free row, `gap`,
 * -`gap`, 2 × `gap`, … px away, clear of the segments still to come and of the other lines' labels. Corners
 * follow, since the segments before and after stretch or shrink, so lines stay orthogonal and keep their ends on
 * the same box sides; a label moves with the segment it sits on. Deterministic. Moving columns can make rows meet
 * at their ends, so the passes repeat while they move anything (at most six rounds).
 */
export function separateSharedSegments(edges: readonly RoutedEdge[], gap = 6): RoutedEdge[] {
  const lines = edges.map((e) => ({
    ...e,
    points: e.points.map((p) => [p[0], p[1]] as [number, number]),
    label: e.label === null ? null : { ...e.label },
  }));
  for (let round = 0, moved = true; moved && round < 6; round += 1) {
    moved = false;
    for (const axis of [1, 0] as const) {
      // axis 1: horizontal segments (one y); axis 0: vertical segments (one x).
      const along = axis === 1 ? 0 : 1;
      const segs: { line: number; i: number; at: number; from: number; to: number }[] = [];
      lines.forEach((l, line) => {
        for (let i = 0; i + 1 < l.points.length; i += 1) {
          const a = l.points[i] as [number, number];
          const b = l.points[i + 1] as [number, number];
          if (a[axis] !== b[axis] || a[along] === b[along]) continue;
          segs.push({ line, i, at: a[axis], from: Math.min(a[along], b[along]), to: Math.max(a[along], b[along]) });
        }
      });
      /** Whether the segment carries its line's label: those keep their place, the others move round them. */
      const carries = (s: (typeof segs)[number]): number => {
        const label = (lines[s.line] as (typeof lines)[number]).label;
        if (label === null) return 1;
        const pos = axis === 1 ? label.x : label.y;
        const across = axis === 1 ? label.y + 5 : label.x;
        return Math.abs(across - s.at) < 1 && pos >= s.from && pos <= s.to ? 0 : 1;
      };
      segs.sort((a, b) => a.at - b.at || carries(a) - carries(b) || a.from - b.from || a.line - b.line);
      /** By row: the segments placed so far, and those still to come (they stay put unless they must move). */
      const placed = new Map<number, Set<(typeof segs)[number]>>();
      const pending = new Map<number, Set<(typeof segs)[number]>>();
      const add = (rows: typeof placed, at: number, s: (typeof segs)[number]) => {
        const row = rows.get(at);
        if (row) row.add(s);
        else rows.set(at, new Set([s]));
      };
      for (const s of segs) add(pending, s.at, s);
      const clashes = (row: Set<(typeof segs)[number]> | undefined, s: (typeof segs)[number]): boolean =>
        row !== undefined && [...row].some((p) => p.line !== s.line && p.from < s.to && s.from < p.to);
      const free = (at: number, s: (typeof segs)[number]): boolean =>
        !clashes(placed.get(at), s) && (at === s.at || !clashes(pending.get(at), s));
      /** Whether a segment moved to `at` would run under another line's label (drawn as a box behind its text). */
      const underLabel = (at: number, s: (typeof segs)[number]): boolean =>
        lines.some((l, line) => {
          const b = l.label;
          if (b === null || line === s.line) return false;
          const [x1, x2, y1, y2] = [b.x - b.w / 2, b.x + b.w / 2, b.y - 11, b.y + 3];
          return axis === 1
            ? at >= y1 && at <= y2 && s.from < x2 && x1 < s.to
            : at >= x1 && at <= x2 && s.from < y2 && y1 < s.to;
        });
      for (const s of segs) {
        pending.get(s.at)?.delete(s);
        let at = s.at;
        for (let k = 1; !free(at, s) || (at !== s.at && underLabel(at, s)); k += 1)
          at = s.at + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * gap;
        add(placed, at, s);
        const offset = at - s.at;
        if (offset === 0) continue;
        moved = true;
        const l = lines[s.line] as (typeof lines)[number];
        (l.points[s.i] as [number, number])[axis] = at;
        (l.points[s.i + 1] as [number, number])[axis] = at;
        if (l.label !== null && carries(s) === 0) {
          if (axis === 1) l.label.y += offset;
          else l.label.x += offset;
        }
      }
    }
  }
  return lines;
}
