/**
 * Whether two of the diagram's lines run along each other: a reader can't follow a line through a stretch it
 * shares with another. Lines are orthogonal polylines, so two share a stretch only when both have a horizontal
 * segment at the same y (or a vertical one at the same x) and the two overlap by more than a point. Crossing or
 * touching at a corner is not sharing.
 */
import type { Label, Rect } from './labels';
import { edgeLabel, isFree, type Box, type Point, type RoutedEdge } from './placement';

/**
 * One axis-aligned segment of a line: segment `i` of line `line` (from point `i` to point `i + 1`); `at` is its y
 * (horizontal) or x (vertical), and it runs from `from` to `to` (`from < to`) along the other axis.
 */
interface Segment {
  readonly line: number;
  readonly i: number;
  readonly at: number;
  readonly from: number;
  readonly to: number;
}

/** Axis 1: the horizontal segments (one y each); axis 0: the vertical ones (one x each). */
type Axis = 0 | 1;

/** The segments of positive length of the lines along `axis`. */
function segmentsAlong(lines: readonly { points: readonly Point[] }[], axis: Axis): Segment[] {
  const along = axis === 1 ? 0 : 1;
  const out: Segment[] = [];
  lines.forEach((l, line) => {
    for (let i = 0; i + 1 < l.points.length; i += 1) {
      const a = l.points[i] as Point;
      const b = l.points[i + 1] as Point;
      if (a[axis] !== b[axis] || a[along] === b[along]) continue;
      out.push({ line, i, at: a[axis], from: Math.min(a[along], b[along]), to: Math.max(a[along], b[along]) });
    }
  });
  return out;
}

/**
 * The pairs of lines that run along each other somewhere, each pair once (ids in order). Sort and sweep: the sweep
 * stops at the first segment of the same row that starts past the current one's end, so a row of n segments costs
 * n log n plus the overlaps it reports.
 */
export function sharedSegments(edges: readonly RoutedEdge[]): [string, string][] {
  const pairs = new Map<string, [string, string]>();
  for (const axis of [1, 0] as const) {
    const segments = segmentsAlong(edges, axis).sort((a, b) => a.at - b.at || a.from - b.from);
    for (let i = 0; i < segments.length; i += 1) {
      const a = segments[i] as Segment;
      for (let j = i + 1; j < segments.length; j += 1) {
        const b = segments[j] as Segment;
        if (b.at !== a.at || b.from >= a.to) break;
        if (a.line === b.line) continue;
        const ids = [(edges[a.line] as RoutedEdge).id, (edges[b.line] as RoutedEdge).id].sort();
        pairs.set(ids.join('\n'), ids as [string, string]);
      }
    }
  }
  return [...pairs.values()].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1]));
}

/**
 * The lines with every stretch they share with others pulled apart. Row by row (segments at one y, then at one x),
 * a segment that carries its line's label keeps its place, then the others in order of place: the first keeps its
 * place and each later one that runs along a line already there moves across to the nearest free row, `gap`,
 * -`gap`, 2 × `gap`, … px away, clear of the segments still to come and of the other lines' labels. Corners
 * follow, since the segments before and after stretch or shrink, so lines stay orthogonal and keep their ends on
 * the same box sides; a label moves with the segment it sits on, to a row where it covers none of `boxes` and no
 * other line's label. Deterministic. Moving columns can make rows meet at their ends, so the passes repeat while
 * they move anything (at most six rounds).
 */
export function separateSharedSegments(
  edges: readonly RoutedEdge[],
  boxes: readonly Box[] = [],
  gap = 6,
): RoutedEdge[] {
  const lines = edges.map((e) => ({
    ...e,
    points: e.points.map((p) => [p[0], p[1]] as [number, number]),
    label: e.label === null ? null : { ...e.label },
  }));
  for (let round = 0, moved = true; moved && round < 6; round += 1) {
    moved = false;
    for (const axis of [1, 0] as const) {
      const segs = segmentsAlong(lines, axis);
      /** Whether the segment carries its line's label: those keep their place, the others move round them. */
      const carries = (s: Segment): number => {
        const label = (lines[s.line] as (typeof lines)[number]).label;
        if (label === null) return 1;
        const pos = axis === 1 ? label.x : label.y;
        const across = axis === 1 ? label.y + 5 : label.x;
        return Math.abs(across - s.at) < 1 && pos >= s.from && pos <= s.to ? 0 : 1;
      };
      segs.sort((a, b) => a.at - b.at || carries(a) - carries(b) || a.from - b.from || a.line - b.line);
      /** By row: the segments placed so far, and those still to come (they stay put unless they must move). */
      const placed = new Map<number, Set<Segment>>();
      const pending = new Map<number, Set<Segment>>();
      const add = (rows: typeof placed, at: number, s: Segment) => {
        const row = rows.get(at);
        if (row) row.add(s);
        else rows.set(at, new Set([s]));
      };
      for (const s of segs) add(pending, s.at, s);
      const clashes = (row: Set<Segment> | undefined, s: Segment): boolean => {
        if (row !== undefined)
          for (const p of row) if (p.line !== s.line && p.from < s.to && s.from < p.to) return true;
        return false;
      };
      /** Each line's label as drawn (edgeLabel), kept up to date as segments carry labels away. */
      const labels: (Label | null)[] = lines.map(edgeLabel);
      const free = (at: number, s: Segment): boolean =>
        !clashes(placed.get(at), s) && (at === s.at || !clashes(pending.get(at), s));
      /** How far a segment may be moved while looking for a row where its label is clear. */
      const LABEL_TRIES = 80;
      /** The farthest a label is tried from its place: the row of the last try that checks it. */
      const reach = Math.ceil(LABEL_TRIES / 2) * gap;
      /** Where a rectangle starts across the rows of this pass (y for horizontal segments), and how far it spans. */
      const start = (r: Rect): number => (axis === 1 ? r.y : r.x);
      const extent = (r: Rect): number => (axis === 1 ? r.h : r.w);
      /**
       * Whether rectangle `r` meets [a1, a2] along the rows of this pass (x for horizontal segments), or [c1, c2]
       * across them; closed ranges: a superset of what any test below counts as overlap.
       */
      const meetsAlong = (r: Rect, a1: number, a2: number): boolean =>
        axis === 1 ? r.x <= a2 && a1 <= r.x + r.w : r.y <= a2 && a1 <= r.y + r.h;
      const meetsAcross = (r: Rect, c1: number, c2: number): boolean => start(r) <= c2 && c1 <= start(r) + extent(r);
      /**
       * For the segment whose rows are being tried: the other lines' labels beside its stretch (the only ones it can
       * run under), and the labels and boxes within reach of its own label's tries (the only ones that label can
       * cover). Nothing moves while one segment looks for its row, so they are gathered once per segment.
       */
      type Near = { of: Segment; under: Label[]; widest: number; labels: Label[]; boxes: Box[] };
      let near: Near | null = null;
      const nearOf = (s: Segment) => {
        if (near?.of === s) return near;
        const own = labels[s.line] ?? null;
        const found: Near = { of: s, under: [], widest: 0, labels: [], boxes: [] };
        // The rows its label may be tried on: along, its own extent; across, `reach` either side of it.
        const [a1, a2, c1, c2] =
          own === null
            ? [0, 0, 0, 0]
            : axis === 1
              ? [own.x, own.x + own.w, own.y - reach, own.y + own.h + reach]
              : [own.y, own.y + own.h, own.x - reach, own.x + own.w + reach];
        const inReach = (r: Rect): boolean => own !== null && meetsAlong(r, a1, a2) && meetsAcross(r, c1, c2);
        labels.forEach((r, line) => {
          if (r === null || line === s.line) return;
          if (meetsAlong(r, s.from, s.to)) found.under.push(r);
          if (inReach(r)) found.labels.push(r);
        });
        if (own !== null) for (const b of boxes) if (inReach(b)) found.boxes.push(b);
        // By where they start across the rows, so that a row's try looks only at the labels that may span it.
        found.under.sort((a, b) => start(a) - start(b));
        for (const r of found.under) found.widest = Math.max(found.widest, extent(r));
        near = found;
        return found;
      };
      /** Whether a segment moved to `at` would run under another line's label (drawn as a box behind its text). */
      const underLabel = (at: number, s: Segment): boolean => {
        const { under, widest } = nearOf(s);
        // The first label that starts at most `widest` before the row: none before it reaches the row.
        let lo = 0;
        for (let hi = under.length; lo < hi;) {
          const mid = (lo + hi) >> 1;
          if (start(under[mid] as Label) < at - widest) lo = mid + 1;
          else hi = mid;
        }
        for (let i = lo; i < under.length; i += 1) {
          const b = under[i] as Label;
          if (start(b) > at) break;
          const [x1, x2, y1, y2] = [b.x, b.x + b.w, b.y, b.y + b.h];
          if (
            axis === 1
              ? at >= y1 && at <= y2 && s.from < x2 && x1 < s.to
              : at >= x1 && at <= x2 && s.from < y2 && y1 < s.to
          )
            return true;
        }
        return false;
      };
      /** Whether the label a segment carries, moved with it to `at`, would cover a box or another line's label. */
      const labelCovers = (at: number, s: Segment): boolean => {
        const own = labels[s.line];
        if (own === null || own === undefined || carries(s) !== 0) return false;
        const offset = at - s.at;
        const label = axis === 1 ? { ...own, y: own.y + offset } : { ...own, x: own.x + offset };
        const { labels: taken, boxes: close } = nearOf(s);
        return !isFree(label, close, taken);
      };
      /**
       * The nearest row, `gap`, -`gap`, 2 × `gap`, … away, where the segment runs along no line and under no other
       * label, and (`labelled`) where the label it carries covers nothing. Where no row within the label's tries does,
       * the nearest row clear of lines: one farther out would carry the line across the boxes beside it (the label is
       * then placed on its own, `clearLineLabels`).
       */
      const rowFor = (s: Segment, labelled: boolean): number => {
        let at = s.at;
        for (
          let k = 1;
          !free(at, s) || (at !== s.at && (underLabel(at, s) || (labelled && labelCovers(at, s))));
          k += 1
        ) {
          if (labelled && k > LABEL_TRIES) return rowFor(s, false);
          at = s.at + (k % 2 === 1 ? 1 : -1) * Math.ceil(k / 2) * gap;
        }
        return at;
      };
      for (const s of segs) {
        pending.get(s.at)?.delete(s);
        const at = rowFor(s, true);
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
          labels[s.line] = edgeLabel(l);
        }
      }
    }
  }
  return lines;
}
