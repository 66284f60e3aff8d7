import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { LARGE_SIZE, largePlan, samplePlan } from '../domain/samples';
import { EXAMPLE_NAMES, examplePlan } from '../domain/testing/examples';
import { schemaPlans } from '../share/testing/schema-arbitrary';
import { layoutTopology } from './layout';
import type { ClientVerdict, ClientVerdicts, TopoEdge } from './model';
import type { LayoutView } from './paging';
import { overlappingBoxes, type Box, type Point, type RoutedEdge } from './placement';
import { planToTopology } from './plan-to-topology';
import { separateSharedSegments, sharedSegments } from './segments';

const line = (id: string, points: Point[], label: RoutedEdge['label'] = null): RoutedEdge => ({
  id,
  edge: { id } as TopoEdge,
  points,
  label,
  marker: null,
});

/** Every segment of every line is horizontal or vertical. */
const orthogonal = (edges: readonly RoutedEdge[]): boolean =>
  edges.every((e) => e.points.every((p, i) => i === 0 || p[0] === e.points[i - 1]![0] || p[1] === e.points[i - 1]![1]));

describe('sharedSegments', () => {
  it('reports two lines that run along each other, on a row or on a column, once per pair', () => {
    const a = line('a', [
      [0, 10],
      [100, 10],
      [100, 80],
    ]);
    const b = line('b', [
      [50, 10],
      [150, 10],
    ]);
    const c = line('c', [
      [100, 40],
      [100, 120],
    ]);
    expect(sharedSegments([a, b, c])).toEqual([
      ['a', 'b'],
      ['a', 'c'],
    ]);
  });

  it('does not count lines that cross, touch end to end, or lie on different rows', () => {
    const a = line('a', [
      [0, 10],
      [100, 10],
    ]);
    const touching = line('t', [
      [100, 10],
      [200, 10],
    ]);
    const crossing = line('x', [
      [50, 0],
      [50, 50],
    ]);
    const parallel = line('p', [
      [0, 16],
      [100, 16],
    ]);
    expect(sharedSegments([a, touching, crossing, parallel])).toEqual([]);
  });
});

describe('separateSharedSegments', () => {
  it('pulls a fan-in apart: no shared stretch, still orthogonal, ends on the same box sides', () => {
    // Three lines from boxes on the left into one point of a box at x = 200, the way firewall rules meet the endpoint.
    const fan = [0, 1, 2].map((i) =>
      line(`f${i}`, [
        [100, 10 + 40 * i],
        [150, 10 + 40 * i],
        [150, 60],
        [200, 60],
      ]),
    );
    expect(sharedSegments(fan)).not.toEqual([]);
    const apart = separateSharedSegments(fan);
    expect(sharedSegments(apart)).toEqual([]);
    expect(orthogonal(apart)).toBe(true);
    for (const [i, e] of apart.entries()) {
      expect(e.points[0]).toEqual([100, 10 + 40 * i]);
      expect(e.points[e.points.length - 1]![0]).toBe(200);
    }
    // The first line keeps its place; the others are 6 px away from it and from each other.
    expect(apart.map((e) => e.points[e.points.length - 1]![1])).toEqual([60, 66, 54]);
    expect(fan[1]!.points[3]).toEqual([200, 60]);
  });

  it('leaves lines that share nothing as they are', () => {
    const edges = [
      line('a', [
        [0, 10],
        [100, 10],
      ]),
      line('b', [
        [0, 30],
        [100, 30],
      ]),
    ];
    expect(separateSharedSegments(edges).map((e) => e.points)).toEqual(edges.map((e) => e.points));
  });

  it('keeps a labelled stretch in place and moves the other line to the nearest row clear of lines and labels', () => {
    const labelled = line(
      'peering',
      [
        [0, 100],
        [200, 100],
      ],
      { text: 'peered', x: 100, y: 95, w: 40 },
    );
    const below = line('below', [
      [20, 106],
      [180, 106],
    ]);
    const path = line('path', [
      [20, 100],
      [180, 100],
    ]);
    const apart = separateSharedSegments([path, below, labelled]);
    expect(sharedSegments(apart)).toEqual([]);
    // The labelled stretch stays, and so does its label.
    expect(apart[2]).toEqual(labelled);
    // 6 px down is taken by another line, 6 px up runs under the label's box (y 84–98 over x 80–120): 12 px down.
    expect(apart[0]!.points).toEqual([
      [20, 112],
      [180, 112],
    ]);
  });

  it('moves a label with the stretch it sits on', () => {
    const first = line('first', [
      [0, 50],
      [100, 50],
    ]);
    const second = line(
      'second',
      [
        [0, 50],
        [0, 20],
        [100, 20],
        [100, 50],
        [200, 50],
      ],
      { text: 'second', x: 150, y: 45, w: 20 },
    );
    // Both stretches at y 50 from x 0 to 100 overlap; the second line's label is on its other stretch (x 100–200),
    // which shares nothing: the first line's stretch keeps its place only if it is the labelled one, so here the
    // line placed first (the one listed first) stays and the second line's shared stretch moves, its label not.
    const apart = separateSharedSegments([first, second]);
    expect(sharedSegments(apart)).toEqual([]);
    expect(apart[1]!.label).toEqual(second.label);
    const onStretch = separateSharedSegments([
      first,
      line(
        'third',
        [
          [50, 50],
          [150, 50],
        ],
        { text: 'third', x: 100, y: 45, w: 20 },
      ),
    ]);
    // The labelled stretch is placed first and keeps its label; the unlabelled one moves.
    expect(onStretch[1]!.label).toEqual({ text: 'third', x: 100, y: 45, w: 20 });
    expect(onStretch[0]!.points).toEqual([
      [0, 56],
      [100, 56],
    ]);
  });

  it('a stretch whose label covers a box on every row within reach moves to the nearest row clear of lines', () => {
    // Two labelled lines up one column through a wide box at the labels' height: the second must move, and no row
    // within its label's reach (240 px either side) takes the label clear of the box. It goes to the nearest row clear
    // of lines and labels (24 px right, past the first line's label over x 80–120), not 246 px out.
    const up = (id: string, y: number): RoutedEdge =>
      line(
        id,
        [
          [100, 300],
          [100, 0],
        ],
        { text: id, x: 100, y, w: 40 },
      );
    const wide = { id: 'wide', x: -300, y: 60, w: 800, h: 80, container: false } as Box;
    const apart = separateSharedSegments([up('first', 80), up('second', 120)], [wide]);
    expect(sharedSegments(apart)).toEqual([]);
    expect(apart[0]!.points).toEqual(up('first', 80).points);
    expect(apart[1]!.points).toEqual([
      [124, 300],
      [124, 0],
    ]);
    // Its label went with it.
    expect(apart[1]!.label).toEqual({ text: 'second', x: 124, y: 120, w: 40 });
  });
});

describe('the laid-out diagram: no two lines share a stretch', () => {
  const VERDICTS: readonly ClientVerdict[] = ['reachable', 'warning', 'unreachable'];
  /** Every client gets a verdict (cycling), so that client paths are drawn too. */
  const verdicts = (plan: Plan): ClientVerdicts =>
    Object.fromEntries(plan.clients.map((_, i) => [`clients.${i}`, VERDICTS[i % 3] as ClientVerdict]));
  const shared = (plan: Plan, view?: LayoutView) =>
    sharedSegments(layoutTopology(planToTopology(plan, verdicts(plan)), view).edges);

  for (const name of EXAMPLE_NAMES) {
    it(`examples/${name}.json`, () => {
      expect(shared(examplePlan(name))).toEqual([]);
    });
  }

  it('the large plan, page by page, and a public plan with 500 firewall rules shown', () => {
    const large = largePlan(1);
    for (let page = 0; page < 10; page += 1)
      expect(shared(large, { pages: { peered: page, subnets: page * 5 } })).toEqual([]);
    const open = samplePlan({ ...LARGE_SIZE, firewallRules: 500 }, 'public');
    for (const page of [0, 1, 20, 41])
      expect(shared(open, { expanded: { firewall: true }, pages: { firewall: page } })).toEqual([]);
  });

  it('200 plans generated from the schema (boxes still do not overlap)', () => {
    const plans = schemaPlans;
    fc.assert(
      fc.property(plans, (plan) => {
        const layout = layoutTopology(planToTopology(plan, verdicts(plan)));
        expect(sharedSegments(layout.edges)).toEqual([]);
        expect(overlappingBoxes(layout.boxes)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
