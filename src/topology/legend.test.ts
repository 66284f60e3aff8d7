import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { examplePlan } from '../domain/testing/examples';
import { privateEndpointHubPlan } from '../domain/testing/private-endpoint-plans';
import { BADGE_ICON, ICONS, NODE_ICON, type IconName } from './icons';
import { FONT, wrapText } from './labels';
import { LEGEND } from './layout';
import { BOX_LEGEND, LINE_LEGEND, markIcon, VERDICT_LEGEND, withLegend } from './legend';
import {
  TOPO_NODE_KINDS,
  type ClientVerdict,
  type LegendEntry,
  type TopoEdgeKind,
  type TopoNode,
  type TopoTone,
  type Topology,
} from './model';
import { planToTopology } from './plan-to-topology';
import { node, verdictsByName, withPrivate } from './testing/topology-helpers';
import { hubSpokeFirewallPlan } from './testing/topology-plans';

describe('the legend', () => {
  // Checked by the compiler to hold every kind and every verdict: a new one fails here until it is added.
  const EDGE_KINDS = Object.keys({
    peering: true,
    zoneLink: true,
    gateway: true,
    dnsUse: true,
    dnsForward: true,
    ha: true,
    internetAccess: true,
    firewallAllow: true,
    privateLink: true,
    azureServices: true,
    clientPath: true,
  } satisfies Record<TopoEdgeKind, true>) as TopoEdgeKind[];
  const VERDICTS = Object.keys({ reachable: true, warning: true, unreachable: true } satisfies Record<
    ClientVerdict,
    true
  >) as ClientVerdict[];

  /** Pictures that draw every kind of line in every style it comes in, and every verdict. */
  const hubSpoke = examplePlan('hub-and-spoke');
  const publicOffice = examplePlan('public-office');
  /** The picture of a plan with verdicts given by client name (the plans' client names are unique). */
  const draw = (plan: Plan, byName?: Record<string, ClientVerdict>): Topology =>
    planToTopology(plan, byName && verdictsByName(plan, byName));
  const pictures: Record<string, Topology> = {
    'hub and spoke, three verdicts': draw(hubSpoke, {
      'orders-api': 'reachable',
      'reporting-app': 'unreachable',
      'analyst-laptops': 'warning',
    }),
    'a one-way peering': draw(
      withPrivate(hubSpoke, (a) => ({
        ...a,
        peerings: a.peerings.filter((p) => !(p.from === 'vnet-orders-data' && p.to === 'vnet-spoke-2')),
      })),
    ),
    'hub and spoke through a firewall': draw(hubSpokeFirewallPlan(), { 'spoke-2-app': 'reachable' }),
    'public access with Azure services allowed': draw(
      { ...publicOffice, access: { ...publicOffice.access, allowAzureServices: true } },
      { 'dublin-analysts': 'reachable', 'cork-laptop': 'warning' },
    ),
    'eight subnets': draw(examplePlan('eight-subnets')),
    'a private endpoint in a hub': draw(privateEndpointHubPlan(), {
      'ledger-api': 'reachable',
      'finance-office': 'warning',
      'home-laptop': 'unreachable',
    }),
  };
  const legendOf = (t: Topology): readonly LegendEntry[] => node(t, 'legend').legend ?? [];

  it('has words for every kind of line and every verdict of the checker', () => {
    for (const kind of EDGE_KINDS) {
      const texts = Object.values(LINE_LEGEND[kind]);
      expect(texts.length, kind).toBeGreaterThan(0);
      for (const text of texts) expect(text.trim(), kind).not.toBe('');
    }
    expect(VERDICTS.map((v) => VERDICT_LEGEND[v].mark)).toEqual([
      { type: 'line', kind: 'clientPath', style: 'solid', arrow: true },
      { type: 'line', kind: 'clientPath', style: 'dashed', arrow: true },
      { type: 'box', kind: 'client', tone: 'muted' },
    ]);
    expect(VERDICT_LEGEND.reachable.text).toBe(LINE_LEGEND.clientPath.solid);
    expect(VERDICT_LEGEND.warning.text).toBe(LINE_LEGEND.clientPath.dashed);
  });

  it('these pictures draw every kind of line and every verdict (so that the next test covers them all)', () => {
    const all = Object.values(pictures);
    expect(new Set(all.flatMap((t) => t.edges.map((e) => e.kind)))).toEqual(new Set(EDGE_KINDS));
    expect(new Set(all.flatMap((t) => t.nodes.flatMap((n) => (n.verdict ? [n.verdict] : []))))).toEqual(
      new Set(VERDICTS),
    );
  });

  for (const [name, t] of Object.entries(pictures)) {
    it(`explains every mark that ${name} draws, and nothing else but the findings' marker`, () => {
      const legend = legendOf(t);
      expect(node(t, 'legend').lines).toEqual(legend.map((e) => e.text));
      const has = (text: string, mark: object) =>
        legend.some((e) => e.text === text && expect.objectContaining(mark).asymmetricMatch(e.mark));
      for (const e of t.edges) {
        const text = LINE_LEGEND[e.kind][e.style];
        expect(text, `${e.kind} ${e.style} has words`).toBeDefined();
        expect(has(text ?? '', { type: 'line', kind: e.kind, style: e.style }), `${e.id}: ${text}`).toBe(true);
        if (e.verdict) expect(legend).toContainEqual(VERDICT_LEGEND[e.verdict]);
      }
      for (const n of t.nodes) {
        if (n.kind === 'title' || n.kind === 'legend') continue;
        if (n.verdict === 'unreachable') expect(legend, n.id).toContainEqual(VERDICT_LEGEND.unreachable);
        else if (n.tone === 'muted' || n.tone === 'warning') {
          const tone = n.tone;
          expect(
            legend.some((e) => e.mark.type === 'box' && e.mark.tone === tone),
            n.id,
          ).toBe(true);
        } else if (BOX_LEGEND[n.kind] !== null) expect(has(BOX_LEGEND[n.kind] ?? '', { type: 'box' }), n.id).toBe(true);
        for (const b of n.badges)
          expect(
            legend.some((e) => e.mark.type === 'badge' && e.mark.kind === b.kind),
            n.id,
          ).toBe(true);
      }
      // Nothing that is not drawn (but the findings' marker, which the view pins whatever the picture).
      for (const e of legend) {
        const { mark } = e;
        if (mark.type === 'line')
          expect(t.edges.some((x) => x.kind === mark.kind && x.style === mark.style)).toBe(true);
        if (mark.type === 'box' && mark.tone === 'normal')
          expect(
            t.nodes.some((n) => BOX_LEGEND[n.kind] === e.text && (n.tone !== 'muted' || NODE_ICON[n.kind] !== null)),
          ).toBe(true);
        if (mark.type === 'box' && mark.tone !== 'normal')
          expect(t.nodes.some((n) => n.kind !== 'legend' && n.tone === mark.tone)).toBe(true);
        if (mark.type === 'badge') expect(t.nodes.some((n) => n.badges.some((b) => b.kind === mark.kind))).toBe(true);
      }
      expect(legend.filter((e) => e.mark.type === 'finding')).toHaveLength(1);
      expect(new Set(legend.map((e) => e.text)).size).toBe(legend.length);
    });
  }

  describe('icons', () => {
    const iconOfKind = TOPO_NODE_KINDS.flatMap((kind) => {
      const icon = NODE_ICON[kind];
      return icon === null ? [] : [[kind, icon] as const];
    });
    const legendNode: TopoNode = {
      id: 'legend',
      kind: 'legend',
      parent: null,
      role: 'Legend',
      title: 'Legend',
      lines: [],
      badges: [],
      paths: [],
      tone: 'normal',
    };
    const TONES: readonly TopoTone[] = ['normal', 'highlight', 'warning', 'muted'];

    it('gives each icon to at least one kind of box or badge, and the boxes of most kinds an icon', () => {
      const used = new Set([...iconOfKind.map(([, icon]) => icon), ...Object.values(BADGE_ICON)].filter((i) => i));
      expect([...used].sort()).toEqual((Object.keys(ICONS) as IconName[]).sort());
      expect(iconOfKind.length).toBeGreaterThanOrEqual(15);
      // The boxes that say what they are, or that are not Azure resources, have none.
      for (const kind of ['title', 'legend', 'note', 'client', 'internet'] as const) expect(NODE_ICON[kind]).toBeNull();
    });

    // TOPO_NODE_KINDS is the list the TopoNodeKind type is read from: a new kind of box is checked here at once.
    for (const [kind, icon] of iconOfKind)
      it(`explains the ${icon} icon of a ${kind} box, whatever its tone`, () => {
        for (const tone of TONES) {
          const box: TopoNode = { ...legendNode, id: 'x', kind, role: kind, title: 'x', tone };
          const legend = withLegend([legendNode, box], []).find((n) => n.kind === 'legend')?.legend ?? [];
          const entry = legend.find((e) => markIcon(e.mark) === icon);
          expect(entry, `${kind} (${tone})`).toBeDefined();
          expect(entry?.text.trim(), `${kind} (${tone})`).not.toBe('');
        }
      });

    for (const [name, t] of Object.entries(pictures))
      it(`has an entry with the icon of each box that ${name} draws with one`, () => {
        const icons = new Set(legendOf(t).map((e) => markIcon(e.mark)));
        for (const n of t.nodes) {
          const icon = NODE_ICON[n.kind];
          if (icon !== null) expect(icons.has(icon), `${n.id}: ${icon}`).toBe(true);
          for (const b of n.badges) {
            const badgeIcon = BADGE_ICON[b.kind];
            if (badgeIcon !== null) expect(icons.has(badgeIcon), `${n.id}: ${b.text}: ${badgeIcon}`).toBe(true);
          }
        }
      });
  });

  it('lists the lines first, then the boxes, the tones, the badges and the findings', () => {
    expect(node(pictures['hub and spoke, three verdicts'] as Topology, 'legend').lines).toEqual([
      'peering, both directions',
      'private DNS zone link',
      'VPN or ExpressRoute connection',
      'VNet uses these DNS servers',
      'forwards DNS queries',
      'HA replication to the standby',
      'client path: reachable',
      'client path: with warnings',
      'VNet of the server',
      'other VNet',
      'subnet',
      'delegated subnet',
      'flexible server',
      'HA standby',
      'private DNS zone',
      'DNS servers',
      'on-premises network',
      'VPN or ExpressRoute gateway',
      'client',
      'client: not reachable',
      'NSG of a subnet',
      'findings pinned to an element',
    ]);
  });

  it('says each entry in words short enough to be drawn whole on one line', () => {
    const texts = [
      ...Object.values(LINE_LEGEND).flatMap((t) => Object.values(t)),
      ...Object.values(BOX_LEGEND).filter((t): t is string => t !== null),
      ...Object.values(pictures).flatMap((t) => legendOf(t).map((e) => e.text)),
    ];
    for (const text of texts) expect(wrapText(text, LEGEND.maxText, FONT.line, false, 1)).toEqual([text]);
  });
});
