import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../checker';
import type { Finding } from '../domain/finding';
import type { Plan } from '../domain/plan';
import { LARGE_SIZE, largePlan, samplePlan } from '../domain/samples';
import { EXAMPLE_NAMES, examplePlan } from '../domain/testing/examples';
import { privateEndpointHubPlan } from '../domain/testing/private-endpoint-plans';
import { evaluate } from '../rules';
import { findingMarker, layoutPins } from './findings';
import { linesAcrossLabels } from './line-clearance';
import { FONT, METRICS, textWidth, type Label } from './labels';
import { layoutTopology, type TopologyLayout } from './layout';
import { hubsOf, verdictsOf, type ClientVerdict } from './model';
import { PAGE_SIZE, type LayoutView } from './paging';
import { labelsOf, overlappingBoxes, overlappingLabels, type Box } from './placement';
import { planToTopology } from './plan-to-topology';
import { sharedSegments } from './segments';
import { escapees } from './testing/topology-helpers';
import { hubSpokeFirewallPlan, oneWayWarningPlan } from './testing/topology-plans';

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

function checkReadable(layout: TopologyLayout): void {
  expect(overlappingBoxes(layout.boxes)).toEqual([]);
  expect(overlappingLabels(layout.boxes, layout.edges)).toEqual([]);
  // No line runs through another's label. (A finding marker may still lie across lines where every place near its
  // line is crossed: on the large plan's pages, the trunk of twenty peerings; the generated plans check markers too.)
  expect(linesAcrossLabels(layout.edges).filter(([label]) => !label.endsWith(':marker'))).toEqual([]);
  expect(escapees(layout.boxes)).toEqual([]);
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
  Object.fromEntries(plan.clients.map((_, i) => [`clients.${i}`, VERDICT_CYCLE[i % 3] as ClientVerdict]));

describe('layoutTopology', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`draws examples/${name}.json without overlapping boxes or overflowing text`, () => {
      const plan = examplePlan(name);
      const layout = layoutTopology(planToTopology(plan, ALL_VERDICTS(plan)));
      checkReadable(layout);
      expect(layout.boxes.length).toBeGreaterThan(5);
    });
  }

  it('draws the private endpoint hub plan (public access with VNets) without overlaps or overflowing text', () => {
    const plan = privateEndpointHubPlan();
    for (const verdicts of [ALL_VERDICTS(plan), undefined])
      checkReadable(layoutTopology(planToTopology(plan, verdicts)));
  });

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

  it('draws a hub and spoke through a firewall: appliance and subnets in the VNets, the hub–spoke line beside', () => {
    const plan = hubSpokeFirewallPlan();
    const layout = layoutTopology(planToTopology(plan, ALL_VERDICTS(plan)));
    checkReadable(layout);
    const box = (id: string) => layout.boxes.find((b) => b.id === id) as Box;
    for (const id of ['peer-0-appliance', 'peer-0-subnet-0', 'peer-1-subnet-0'])
      expect(box(id).node.parent).toMatch(/^peer-\d$/);
    expect(box('peer-1-subnet-0').badges).toEqual(['route table rt-spoke-2-app']);
    expect(box('peer-0').container).toBe(true);
    // Hub (above) to spoke-2 (below): out of the hub's left side, down a lane left of the column, into spoke-2.
    const hub = box('peer-0');
    const spoke = box('peer-1');
    const line = layout.edges.find((e) => e.id === 'peering-0-1');
    const points = line?.points ?? [];
    expect(points).toHaveLength(4);
    expect(points[0]).toEqual([hub.x, expect.any(Number)]);
    expect(points[3]).toEqual([spoke.x, expect.any(Number)]);
    expect(points[1]![0]).toBeLessThan(hub.x);
    // Its label sits in the gap between the two boxes, left of the lane.
    const label = line?.label;
    expect(label?.text).toBe('peered');
    expect(label!.y - 11).toBeGreaterThanOrEqual(hub.y + hub.h);
    expect(label!.y + 3).toBeLessThanOrEqual(spoke.y);
    expect(label!.x + label!.w / 2).toBeLessThan(points[1]![0]);
    const serverLabel = layout.edges.find((e) => e.id === 'peering-0')?.label;
    expect(serverLabel!.x + serverLabel!.w / 2).toBeLessThan(points[1]![0]);
  });

  it("draws the lines through the firewall their paths cross: the spoke's in by its side, the site's across", () => {
    const plan = examplePlan('hub-spoke-firewall');
    const checks = checkAllClients(plan);
    expect(hubsOf(checks)).toEqual({ 'clients.0': 'access.peeredVnets.0', 'clients.1': 'access.peeredVnets.0' });
    const layout = layoutTopology(planToTopology(plan, verdictsOf(checks), hubsOf(checks)));
    checkReadable(layout);
    expect(sharedSegments(layout.edges)).toEqual([]);
    const box = (id: string) => layout.boxes.find((b) => b.id === id) as Box;
    const [firewall, client, vnet] = [box('peer-0-appliance'), box('client-0'), box('vnet')];
    expect(firewall.node.title).toBe('afw-hub');
    const points = layout.edges.find((e) => e.id === 'path-0')?.points ?? [];
    // Out of payments-api's box, two corners on the firewall's left side (in, then out), into the server VNet.
    expect(points[0]).toEqual([client.x, expect.any(Number)]);
    const onFirewall = (line: readonly (readonly [number, number])[]) =>
      line.filter(([x, y]) => x === firewall.x && y > firewall.y && y < firewall.y + firewall.h);
    const atFirewall = onFirewall(points);
    expect(atFirewall).toHaveLength(2);
    // From the firewall, the next corner is in the server VNet (its corridor down to the server).
    const [nextX] = points[points.indexOf(atFirewall[1]!) + 1] ?? [0];
    expect([nextX > vnet.x, nextX < vnet.x + vnet.w]).toEqual([true, true]);
    // finance-desktops, on premises: from the ExpressRoute gateway across the hub behind the firewall's box (the
    // gateway subnet routes to it), out of its left side, on into the server VNet.
    const site = layout.edges.find((e) => e.id === 'path-1')?.points ?? [];
    const across = (line: readonly (readonly [number, number])[]) =>
      line.findIndex(([x, y], i) => {
        const [x2, y2] = line[i + 1] ?? [x, y];
        return (
          y === y2 && y > firewall.y && y < firewall.y + firewall.h && x2 < firewall.x && x > firewall.x + firewall.w
        );
      });
    expect(across(site)).toBeGreaterThan(0);
    // Without the hub (no checker run to name it), the lines go straight into the server VNet, as before.
    const straight = layoutTopology(planToTopology(plan, verdictsOf(checks)));
    expect(onFirewall(straight.edges.find((e) => e.id === 'path-0')?.points ?? [])).toEqual([]);
    expect(across(straight.edges.find((e) => e.id === 'path-1')?.points ?? [])).toBe(-1);
  });

  it('draws a hub-and-spoke around the hub: spokes above and under it, the server VNet level, the site by it', () => {
    const base = examplePlan('hub-and-spoke');
    if (base.access.mode !== 'private') throw new Error('private access expected');
    const access = base.access;
    const spokes = [3, 4, 5, 6].map((n) => ({
      ...(access.peeredVnets[1] as (typeof access.peeredVnets)[number]),
      name: `vnet-spoke-${n}`,
      resourceGroup: `rg-spoke-${n}`,
      addressSpaces: [`10.${30 + n}.0.0/16`],
    }));
    const peerings = spokes.flatMap((s) => [
      {
        from: 'vnet-hub',
        to: s.name,
        allowForwardedTraffic: true,
        allowGatewayTransit: true,
        useRemoteGateways: false,
      },
      {
        from: s.name,
        to: 'vnet-hub',
        allowForwardedTraffic: true,
        allowGatewayTransit: false,
        useRemoteGateways: true,
      },
    ]);
    const plan: Plan = {
      ...base,
      access: {
        ...access,
        peeredVnets: [...access.peeredVnets, ...spokes],
        peerings: [...(access.peerings ?? []), ...peerings],
      },
    };
    const layout = layoutTopology(planToTopology(plan));
    checkReadable(layout);
    const box = (title: string) => layout.boxes.find((b) => b.node.title === title) as Box;
    const hub = box('vnet-hub');
    const others = ['vnet-spoke-2', ...spokes.map((s) => s.name)].map(box);
    // Five spokes in the hub's column: two above it, three under it, all in one column.
    expect(others.filter((b) => b.y < hub.y)).toHaveLength(2);
    expect(others.filter((b) => b.y > hub.y)).toHaveLength(3);
    expect(new Set([hub, ...others].map((b) => b.x)).size).toBe(1);
    // The server VNet (a spoke too) left of the hub, their middles level.
    const vnet = layout.boxes.find((b) => b.node.kind === 'serverVnet') as Box;
    expect(vnet.x + vnet.w).toBeLessThan(hub.x);
    expect(Math.abs(vnet.y + vnet.h / 2 - (hub.y + hub.h / 2))).toBeLessThanOrEqual(1);
    // The site and the hub's gateway right of the hub, on its row.
    const site = box('office-amsterdam');
    const gateway = layout.boxes.find((b) => b.node.kind === 'gateway') as Box;
    expect(gateway.x).toBeGreaterThan(hub.x + hub.w);
    expect(site.x).toBeGreaterThan(gateway.x);
    expect(site.y).toBe(hub.y);
    // The hub's six peerings (the server VNet and five spokes) each carry their own label.
    const hubLines = layout.edges.filter(
      (e) => e.edge.kind === 'peering' && (e.edge.from === hub.id || e.edge.to === hub.id),
    );
    expect(hubLines).toHaveLength(6);
    expect(hubLines.filter((e) => e.label === null)).toEqual([]);
  });

  it('draws each thing in the box it belongs to: DNS servers in their subnet or VNet, the firewall in the hub', () => {
    const inside = (layout: TopologyLayout, child: string, parent: string) => {
      const c = layout.boxes.find((b) => b.id === child) as Box;
      const p = layout.boxes.find((b) => b.id === parent) as Box;
      expect(c.node.parent).toBe(parent);
      expect([c.x >= p.x, c.y >= p.y, c.x + c.w <= p.x + p.w, c.y + c.h <= p.y + p.h]).toEqual([
        true,
        true,
        true,
        true,
      ]);
    };
    // 10.0.2.4 is in snet-dns-inbound (10.0.2.0/28) of vnet-hub; the firewall in vnet-hub.
    const firewall = layoutTopology(planToTopology(examplePlan('hub-spoke-firewall')));
    expect(firewall.boxes.find((b) => b.id === 'peer-0-subnet-2')?.node.title).toBe('snet-dns-inbound');
    inside(firewall, 'dns-0', 'peer-0-subnet-2');
    inside(firewall, 'peer-0-subnet-2', 'peer-0');
    inside(firewall, 'peer-0-appliance', 'peer-0');
    // 10.0.0.4 is in vnet-hub (10.0.0.0/16), whose subnets the plan does not give.
    const hub = layoutTopology(planToTopology(examplePlan('hub-and-spoke')));
    expect(hub.boxes.find((b) => b.id === 'peer-0')?.node.title).toBe('vnet-hub');
    inside(hub, 'dns-0', 'peer-0');
    // A subnet of the hub beyond the four drawn: the DNS servers in it are drawn in the hub itself.
    const many = hubSpokeFirewallPlan((a) => ({
      ...a,
      vnet: { ...a.vnet, dns: { kind: 'custom', servers: ['10.0.2.4'], forwardsToAzureDns: true } },
      peeredVnets: (a.peeredVnets ?? []).map((p, i) =>
        i === 0
          ? {
              ...p,
              subnets: [
                ...(p.subnets ?? []),
                ...[3, 4, 5].map((n) => ({ name: `snet-${n}`, prefix: `10.0.${n}.0/24` })),
                { name: 'snet-dns-inbound', prefix: '10.0.2.0/28' },
              ],
            }
          : p,
      ),
    }));
    const paged = layoutTopology(planToTopology(many));
    checkReadable(paged);
    expect(paged.boxes.find((b) => b.node.title === 'snet-dns-inbound')).toBeUndefined();
    inside(paged, 'dns-0', 'peer-0');
  });

  it('counts the subnets of another VNet beyond four in its footer, where their findings still pin', () => {
    const plan = hubSpokeFirewallPlan((a) => ({
      ...a,
      peeredVnets: (a.peeredVnets ?? []).map((p, i) =>
        i === 1
          ? { ...p, subnets: [1, 2, 3, 4, 5, 6].map((n) => ({ name: `snet-${n}`, prefix: `10.2.${n}.0/24` })) }
          : p,
      ),
    }));
    const layout = layoutTopology(planToTopology(plan));
    checkReadable(layout);
    const spoke = layout.boxes.find((b) => b.id === 'peer-1');
    expect(layout.boxes.filter((b) => b.node.parent === 'peer-1' && b.node.kind === 'subnet')).toHaveLength(3);
    expect(spoke?.footer).toBe('+3 more subnets (see the list)');
    expect(spoke?.extraPaths).toEqual([
      'access.peeredVnets.1.subnets.3',
      'access.peeredVnets.1.subnets.4',
      'access.peeredVnets.1.subnets.5',
    ]);
  });

  it('draws the peerings of a hub with 199 spokes between the boxes of the page, readable on every page', () => {
    const base = largePlan(1);
    if (base.access.mode !== 'private') throw new Error('private plan expected');
    const [hub, ...spokes] = base.access.peeredVnets.map((p) => p.name);
    const plan: Plan = {
      ...base,
      access: {
        ...base.access,
        peerings: [
          ...base.access.peerings,
          ...spokes.flatMap((spoke) => [
            {
              from: hub!,
              to: spoke,
              allowForwardedTraffic: true,
              allowGatewayTransit: false,
              useRemoteGateways: false,
            },
            {
              from: spoke,
              to: hub!,
              allowForwardedTraffic: true,
              allowGatewayTransit: false,
              useRemoteGateways: false,
            },
          ]),
        ],
      },
    };
    const topology = planToTopology(plan);
    expect(topology.edges.filter((e) => e.id.startsWith('peering-0-'))).toHaveLength(199);
    const first = layoutTopology(topology);
    checkReadable(first);
    const drawn = first.edges.filter((e) => e.id.startsWith('peering-0-'));
    expect(drawn).toHaveLength(PAGE_SIZE.peeredVnets - 1);
    // One label per gap: each line ends in a different box.
    expect(drawn.filter((e) => e.label !== null)).toHaveLength(PAGE_SIZE.peeredVnets - 1);
    // The labels sit left of every lane, so that no line crosses them.
    const leftmostLane = Math.min(...drawn.map((e) => e.points[1]![0]));
    for (const e of drawn) expect(e.label!.x + e.label!.w / 2).toBeLessThan(leftmostLane);
    const second = layoutTopology(topology, { pages: { peered: 1 } });
    checkReadable(second);
    expect(second.edges.filter((e) => e.id.startsWith('peering-0-'))).toEqual([]);
  });

  it('is deterministic', () => {
    const plan = largePlan(1);
    expect(layoutTopology(planToTopology(plan))).toEqual(layoutTopology(planToTopology(largePlan(1))));
  });
});

/**
 * `plan` as the app shows it: each client with the checker's verdict, the rules' findings (`findings`) pinned to what
 * the layout draws, then laid out again with room for their markers.
 */
function shown(plan: Plan, findings: readonly Finding[] = evaluate(plan), view: LayoutView = {}) {
  const topology = planToTopology(plan, verdictsOf(checkAllClients(plan)));
  const plain = layoutTopology(topology, view);
  const pins = layoutPins(plain, findings);
  return { plain, pins, layout: layoutTopology(topology, view, pins) };
}

/** Readable with the markers in: a marker for each element with findings, none covering anything. */
function checkMarked({ pins, layout }: ReturnType<typeof shown>): void {
  checkReadable(layout);
  const markers = labelsOf(layout.boxes, layout.edges).filter((l) => l.kind === 'marker');
  expect(markers.map((m) => m.owner).sort()).toEqual([...pins.keys()].sort());
}

/**
 * What the check finds when the markers of `pins` are where the view drew them before the layout placed them: over
 * the top right corner of a box, and 40 px past the right end of a line's label (lines without one are left out).
 */
function oldMarkersCover(layout: TopologyLayout, pins: ReadonlyMap<string, Finding[]>): string[] {
  const marker = (owner: string, right: number, top: number): Label => {
    const { w } = findingMarker(pins.get(owner) ?? []);
    return { owner, kind: 'marker', x: right - w, y: top - 9, w, h: 18 };
  };
  const boxes = layout.boxes.map((b) =>
    pins.has(b.id) ? { ...b, labels: [...b.labels, marker(b.id, b.x + b.w - 8, b.y)] } : b,
  );
  const edges = layout.edges.map((e) =>
    pins.has(e.id) && e.label ? { ...e, marker: marker(e.id, e.label.x + e.label.w / 2 + 40, e.label.y - 16) } : e,
  );
  return overlappingLabels(boxes, edges).map((pair) => pair.join(' × '));
}

describe('labels and finding markers: none covers another, or a box it is not in', () => {
  for (const name of EXAMPLE_NAMES) {
    it(`examples/${name}.json with the findings the app shows`, () => {
      const drawn = shown(examplePlan(name));
      expect(drawn.pins.size).toBeGreaterThan(0);
      checkMarked(drawn);
    });
  }

  it('the large plan, page by page, with its findings', () => {
    const plan = largePlan(1);
    const findings = evaluate(plan);
    for (let page = 0; page < 10; page += 1) {
      const drawn = shown(plan, findings, { pages: { peered: page, subnets: page * 5 } });
      expect([...drawn.pins.keys()].some((id) => id.startsWith('peering-'))).toBe(true);
      checkMarked(drawn);
    }
  });

  it('the issue: "▲ 1 warning" covered the internet\'s caption and the "one-way" label; now beside them', () => {
    const drawn = shown(oneWayWarningPlan());
    const { layout, pins } = drawn;
    expect(pins.get('client-3')?.map((f) => f.ruleId)).toEqual(['PGN-007', 'PGN-113']);
    expect(pins.get('peering-0-1')?.map((f) => f.ruleId)).toEqual(['PGN-139']);
    // Where the view drew them, the check finds both.
    expect(oldMarkersCover(drawn.plain, pins)).toEqual(
      expect.arrayContaining(['internet:lines × client-3:marker', 'peering-0-1:edge × peering-0-1:marker']),
    );
    checkMarked(drawn);
    // The client's marker ends its title row; the line's sits right of its label, on its row.
    const chip = layout.boxes.find((b) => b.id === 'client-3') as Box;
    const [title, , marker] = chip.labels;
    expect(marker).toMatchObject({ kind: 'marker', x: chip.x + chip.w - METRICS.pad - (marker?.w ?? 0) });
    expect((title?.x ?? 0) + (title?.w ?? 0)).toBeLessThan(marker?.x ?? 0);
    const line = layout.edges.find((e) => e.id === 'peering-0-1');
    expect(line?.label?.text).toBe('one-way');
    expect(line?.marker?.x).toBeGreaterThan((line?.label?.x ?? 0) + (line?.label?.w ?? 0) / 2);
    expect((line?.marker?.y ?? 0) + 9).toBe((line?.label?.y ?? 0) - 4);
  });
});
