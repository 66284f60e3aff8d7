import { describe, expect, it } from 'vitest';
import type { Plan } from './plan';
import { LARGE_SIZE, largePlan, samplePlan } from './samples';
import { planToTopology, type ClientVerdict } from './topology';
import {
  FONT,
  layoutTopology,
  METRICS,
  neighbour,
  overlappingBoxes,
  PAGE_SIZE,
  textWidth,
  wrapText,
  type Box,
  type LayoutView,
  type TopologyLayout,
} from './topology-layout';
import { examplePlan } from './testing/examples';

/** Every drawn line of text fits inside its box (estimated with the same metrics the layout uses). */
function textOverflows(layout: TopologyLayout): string[] {
  const out: string[] = [];
  for (const b of layout.boxes) {
    const chip = b.node.kind === 'client';
    const inner = b.w - 2 * METRICS.pad;
    for (const t of b.titleLines)
      if (textWidth(t, chip ? FONT.chipTitle : FONT.title, true) > inner) out.push(`${b.id}: ${t}`);
    for (const t of b.lines) if (textWidth(t, chip ? FONT.chipLine : FONT.line) > inner) out.push(`${b.id}: ${t}`);
  }
  return out;
}

/** Children lie inside their parent's box. */
function escapees(layout: TopologyLayout): string[] {
  const byId = new Map(layout.boxes.map((b) => [b.id, b]));
  return layout.boxes
    .filter((b) => {
      const p = b.node.parent === null ? undefined : byId.get(b.node.parent);
      return p !== undefined && (b.x < p.x || b.y < p.y || b.x + b.w > p.x + p.w || b.y + b.h > p.y + p.h);
    })
    .map((b) => b.id);
}

function checkReadable(layout: TopologyLayout): void {
  expect(overlappingBoxes(layout.boxes)).toEqual([]);
  expect(escapees(layout)).toEqual([]);
  expect(textOverflows(layout)).toEqual([]);
  for (const b of layout.boxes) {
    expect(b.x).toBeGreaterThanOrEqual(0);
    expect(b.y).toBeGreaterThanOrEqual(0);
    expect(b.x + b.w).toBeLessThanOrEqual(layout.width);
    expect(b.y + b.h).toBeLessThanOrEqual(layout.height);
  }
}

const VERDICT_CYCLE: readonly ClientVerdict[] = ['reachable', 'warning', 'unreachable'];
const ALL_VERDICTS = (plan: Plan): Record<string, ClientVerdict> =>
  Object.fromEntries(plan.clients.map((c, i) => [c.name, VERDICT_CYCLE[i % 3] as ClientVerdict]));

describe('layoutTopology', () => {
  for (const name of ['hub-and-spoke', 'public-office', 'eight-subnets']) {
    it(`draws examples/${name}.json without overlapping boxes or overflowing text`, () => {
      const plan = examplePlan(name);
      const layout = layoutTopology(planToTopology(plan, ALL_VERDICTS(plan)));
      checkReadable(layout);
      expect(layout.boxes.length).toBeGreaterThan(5);
    });
  }

  it('routes every line as an orthogonal polyline inside the picture', () => {
    const plan = examplePlan('hub-and-spoke');
    const layout = layoutTopology(planToTopology(plan, ALL_VERDICTS(plan)));
    expect(layout.edges.length).toBeGreaterThan(8);
    for (const e of layout.edges) {
      expect(e.points.length).toBeGreaterThanOrEqual(2);
      for (let i = 0; i + 1 < e.points.length; i += 1) {
        const [ax, ay] = e.points[i]!;
        const [bx, by] = e.points[i + 1]!;
        expect(ax === bx || ay === by).toBe(true);
      }
      for (const [x, y] of e.points) {
        expect(x).toBeLessThanOrEqual(layout.width);
        expect(y).toBeLessThanOrEqual(layout.height);
      }
    }
  });

  it('pages the 200 peered VNets and 500 subnets of the large plan, with no overlap on any page', () => {
    const plan = largePlan(1);
    const topology = planToTopology(plan, ALL_VERDICTS(plan));
    const first = layoutTopology(topology);
    expect(first.pagers.map((p) => [p.groupId, p.total, p.pageCount, p.from, p.to])).toEqual([
      ['subnets', 500, 50, 1, 10],
      ['peered', 200, 10, 1, 20],
    ]);
    expect(first.boxes.filter((b) => b.node.kind === 'peeredVnet')).toHaveLength(PAGE_SIZE.peeredVnets);
    checkReadable(first);
    for (let page = 1; page < 10; page += 1) {
      const layout = layoutTopology(topology, { pages: { peered: page, subnets: page * 5 } });
      const peered = layout.boxes.filter((b) => b.node.kind === 'peeredVnet').map((b) => b.node.title);
      expect(peered[0]).toBe(`vnet-spoke-${page * 20}`);
      checkReadable(layout);
    }
  });

  it('collapses 500 firewall rules into a summary box, and pages them when shown', () => {
    const plan = samplePlan({ ...LARGE_SIZE, firewallRules: 500 }, 'public');
    const topology = planToTopology(plan, ALL_VERDICTS(plan));
    const collapsed = layoutTopology(topology);
    const summary = collapsed.boxes.find((b) => b.id === 'fw-summary');
    expect(summary?.titleLines).toEqual(['500 firewall rules']);
    expect(summary?.lines[0]).toBe('covering 20.0.0.0 – 20.0.31.63');
    expect(collapsed.boxes.filter((b) => b.node.kind === 'firewallRule')).toHaveLength(0);
    expect(collapsed.pagers[0]).toMatchObject({ collapsible: true, collapsed: true, total: 500 });
    checkReadable(collapsed);
    const views: LayoutView[] = [0, 1, 20, 41].map((page) => ({
      expanded: { firewall: true },
      pages: { firewall: page },
    }));
    for (const view of views) {
      const layout = layoutTopology(topology, view);
      const rules = layout.boxes.filter((b) => b.node.kind === 'firewallRule');
      expect(rules.length).toBe(view.pages?.firewall === 41 ? 500 - 41 * 12 : 12);
      checkReadable(layout);
    }
  });

  it('clamps a page number that is out of range', () => {
    const topology = planToTopology(largePlan(1));
    expect(layoutTopology(topology, { pages: { peered: 99 } }).pagers[1]).toMatchObject({
      page: 9,
      from: 181,
      to: 200,
    });
    expect(layoutTopology(topology, { pages: { peered: -3 } }).pagers[1]).toMatchObject({ page: 0, from: 1, to: 20 });
  });

  it('wraps and shortens long names instead of letting them overflow', () => {
    const plan = examplePlan('hub-and-spoke');
    const long = 'x'.repeat(80);
    const named = { ...plan, name: `${long} ${long}`, servers: [{ ...plan.servers[0]!, name: 'a'.repeat(63) }] };
    const layout = layoutTopology(planToTopology(named));
    checkReadable(layout);
    const title = layout.boxes.find((b) => b.id === 'title');
    expect(title?.titleLines.length).toBe(2);
    expect(title?.titleLines[1]?.endsWith('…')).toBe(true);
  });

  it('is deterministic', () => {
    const plan = largePlan(1);
    expect(layoutTopology(planToTopology(plan))).toEqual(layoutTopology(planToTopology(largePlan(1))));
  });
});

describe('text measurement', () => {
  it('estimates wider text for more and wider characters', () => {
    expect(textWidth('', 12)).toBe(0);
    expect(textWidth('iiii', 12)).toBeLessThan(textWidth('mmmm', 12));
    expect(textWidth('abc', 12, true)).toBeGreaterThan(textWidth('abc', 12));
    expect(textWidth('abc', 24)).toBeGreaterThan(textWidth('abc', 12));
  });

  it('breaks after dots and hyphens, keeps every line within the width, and ends a cut text with …', () => {
    const lines = wrapText('contoso-orders.private.postgres.database.azure.com', 200, 13, true);
    expect(lines).toEqual(['contoso-orders.private.', 'postgres.database.azure…']);
    expect(wrapText('contoso-orders.private.postgres.database.azure.com', 300, 13, true)).toEqual([
      'contoso-orders.private.postgres.',
      'database.azure.com',
    ]);
    for (const l of lines) expect(textWidth(l, 13, true)).toBeLessThanOrEqual(200);
    const cut = wrapText('a'.repeat(200), 100, 12, false, 2);
    expect(cut).toHaveLength(2);
    expect(cut[1]?.endsWith('…')).toBe(true);
    for (const l of cut) expect(textWidth(l, 12)).toBeLessThanOrEqual(100);
    expect(wrapText('short', 100, 12)).toEqual(['short']);
  });
});

describe('neighbour (arrow-key focus)', () => {
  const box = (id: string, x: number, y: number) => ({ id, x, y, w: 10, h: 10 });
  const boxes = [box('a', 0, 0), box('b', 100, 0), box('c', 0, 100), box('d', 100, 90)];

  it('moves to the nearest box in the pressed direction and stops at the edge', () => {
    expect(neighbour(boxes, 'a', 'right')).toBe('b');
    expect(neighbour(boxes, 'a', 'down')).toBe('c');
    expect(neighbour(boxes, 'b', 'down')).toBe('d');
    expect(neighbour(boxes, 'd', 'left')).toBe('c');
    expect(neighbour(boxes, 'a', 'left')).toBeNull();
    expect(neighbour(boxes, 'a', 'up')).toBeNull();
  });
});

describe('overlappingBoxes', () => {
  it('reports overlapping siblings but not a parent and its child', () => {
    const mk = (id: string, x: number, y: number, w: number, h: number, parent: string | null = null): Box =>
      ({
        id,
        x,
        y,
        w,
        h,
        node: { id, parent },
        titleLines: [],
        lines: [],
        badges: [],
        container: false,
        depth: 0,
        extraPaths: [],
        footer: null,
      }) as unknown as Box;
    expect(overlappingBoxes([mk('p', 0, 0, 100, 100), mk('c', 10, 10, 20, 20, 'p'), mk('s', 90, 90, 20, 20)])).toEqual([
      ['p', 's'],
    ]);
    expect(overlappingBoxes([mk('a', 0, 0, 10, 10), mk('b', 10, 0, 10, 10)])).toEqual([]);
  });
});
