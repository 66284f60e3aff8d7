import { readFileSync } from 'node:fs';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../../checker';
import { sortFindings, type Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { largePlan } from '../../domain/samples';
import { evaluate } from '../../rules';
import { layoutPins } from '../../topology/findings';
import { layoutTopology } from '../../topology/layout';
import { verdictsOf } from '../../topology/model';
import { labelsOf } from '../../topology/placement';
import { planToTopology } from '../../topology/plan-to-topology';
import { oneWayWarningPlan } from '../../topology/testing/topology-plans';
import { standaloneSvg } from './export-svg';
import { extractSvg, GOLDEN_CASES, goldenPath, renderGolden } from './golden';
import TopologyView from './topology-view';
import { examplePlan } from '../../domain/testing/examples';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';

const example = examplePlan;

const EVIL = '<img src=x onerror=alert(1)>';

describe('TopologyView golden SVGs', () => {
  for (const c of GOLDEN_CASES) {
    it(`renders examples/${c.example}.json as in __golden__/${c.name}.svg`, () => {
      // A changed picture is reviewed like code: run
      // npx tsx --tsconfig tsconfig.app.json src/features/topology/update-golden.ts, then read the diff.
      expect(renderGolden(c)).toBe(readFileSync(goldenPath(c.name), 'utf8'));
    });
  }

  it('depends on the plan only: a copy with every object key in reverse order renders the same SVG', () => {
    const reversed = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reversed);
      if (typeof value !== 'object' || value === null) return value;
      return Object.fromEntries(
        Object.entries(value)
          .reverse()
          .map(([k, v]) => [k, reversed(v)]),
      );
    };
    const plan = example('hub-and-spoke');
    const copy = reversed(plan) as Plan;
    expect(Object.keys(copy)).toEqual(Object.keys(plan).reverse());
    const render = (p: Plan) => extractSvg(renderToStaticMarkup(<TopologyView plan={p} findings={[]} />));
    expect(render(copy)).toBe(render(plan));
  });
});

describe('TopologyView', () => {
  it('draws each finding marker, badge and line label where the layout puts it; the SVG export keeps them', () => {
    const plan = oneWayWarningPlan();
    const findings = evaluate(plan);
    const checks = checkAllClients(plan);
    const markup = extractSvg(
      renderToStaticMarkup(<TopologyView plan={plan} findings={findings} clientChecks={checks} />),
    );
    const exported = standaloneSvg(markup.replace(/\n/g, ''), { planName: plan.name, date: '2025-03-04' });
    /** The boxes drawn behind the markers, badges and line labels of the file, as "x y w h". */
    const drawn = (className: string) =>
      [
        ...exported.matchAll(
          new RegExp(
            `<g class="${className}[^"]*"[^>]*><rect x="([^"]+)" y="([^"]+)" width="([^"]+)" height="([^"]+)"`,
            'g',
          ),
        ),
      ]
        .map((m) => m.slice(1).join(' '))
        .sort();
    const topology = planToTopology(plan, verdictsOf(checks));
    const layout = layoutTopology(topology, {}, layoutPins(layoutTopology(topology), sortFindings(findings)));
    const placed = (kind: string) =>
      labelsOf(layout.boxes, layout.edges)
        .filter((l) => l.kind === kind)
        .map((l) => `${l.x} ${l.y} ${l.w} ${l.h}`)
        .sort();
    expect(drawn('topo-marker')).toEqual(placed('marker'));
    expect(drawn('topo-marker')).toHaveLength(5);
    expect(drawn('topo-badge')).toEqual(placed('badge'));
    expect(drawn('topo-edge-label')).toEqual(placed('edge'));
  });

  it('pins a finding to the element it concerns, with icon and text, and says so to screen readers', () => {
    const finding: Finding = {
      ruleId: 'PGN-134',
      severity: 'error',
      message: 'not linked',
      path: 'access.peeredVnets.1.zoneLink',
      docs: '',
    };
    const html = renderToStaticMarkup(<TopologyView plan={example('hub-and-spoke')} findings={[finding]} />);
    const edge = /<g class="[^"]*topo-edge--pinned"[^>]*data-id="link-peer-1"[^>]*>/.exec(html);
    expect(edge?.[0]).toContain('tabindex="-1"');
    expect(edge?.[0]).toContain('Findings: 1 error; press Enter to show them.');
    expect(html).toContain('✖ 1 error</text>');
  });

  it('is one keyboard stop (roving tabindex) with a title, a description and a text alternative', () => {
    const html = renderToStaticMarkup(
      <TopologyView plan={example('hub-and-spoke')} findings={[]} textAlternativeOpen />,
    );
    expect(html.match(/tabindex="0"/g)).toHaveLength(1);
    expect(html).toMatch(/<svg[^>]*role="group"[^>]*aria-labelledby="(\S+)-title \1-desc"/);
    expect(html).toContain('Network topology of Contoso orders: hub and spoke</title>');
    expect(html).toContain('<details class="topo-list" open=""><summary>The diagram as text');
    // The text alternative nests: the server VNet holds the delegated subnet, which holds the server.
    expect(html).toMatch(
      /Server VNet:<\/span> <strong>vnet-orders-data<\/strong>[^]*?<ul><li><span class="topo-list__role">Delegated subnet:<\/span> <strong>snet-postgres<\/strong>[^]*?<ul><li><span class="topo-list__role">Flexible server \(primary\):<\/span> <strong>pg-contoso-orders<\/strong>/,
    );
    expect(html).toContain(
      '<li>vnet-orders-data and vnet-hub are peered in both directions. vnet-orders-data → vnet-hub: allows ' +
        'forwarded traffic, uses the remote gateway. vnet-hub → vnet-orders-data: allows forwarded traffic, ' +
        'allows gateway transit.</li>',
    );
    expect(html).toContain('Download SVG');
    expect(html).toContain('Download PNG');
  });

  it('says the private endpoints in the text alternative, nested in their subnet and VNet, with their line', () => {
    const html = renderToStaticMarkup(
      <TopologyView plan={privateEndpointHubPlan()} findings={[]} textAlternativeOpen />,
    );
    expect(html).toMatch(
      /VNet:<\/span> <strong>vnet-hub<\/strong>[^]*?<ul><li><span class="topo-list__role">Subnet:<\/span> <strong>snet-private-endpoints<\/strong>[^]*?<ul><li><span class="topo-list__role">Private endpoint:<\/span> <strong>pe-pg-contoso-ledger<\/strong>/,
    );
    expect(html).toContain(
      '<li>Private endpoint pe-pg-contoso-ledger connects to pg-contoso-ledger over Private Link ' +
        '(automatic approval).</li>',
    );
    expect(html).toContain('✕ public network access disabled');
  });

  it('draws an unreachable client without a line and with "✕ not reachable"', () => {
    const html = renderToStaticMarkup(
      <TopologyView
        plan={example('public-office')}
        findings={[]}
        clientChecks={[
          { clientPath: 'clients.0', verdict: 'reachable' },
          { clientPath: 'clients.1', verdict: 'unreachable' },
        ]}
      />,
    );
    expect(html).toContain('data-id="path-0"');
    expect(html).not.toContain('data-id="path-1"');
    expect(html).toContain('✕ not reachable</text>');
  });

  it('keeps markup typed by the user as text, on the page and in the exported SVG', () => {
    const base = example('hub-and-spoke');
    if (base.access.mode !== 'private') throw new Error('private example expected');
    const plan: Plan = {
      ...base,
      name: EVIL,
      access: {
        ...base.access,
        vnet: { ...base.access.vnet, name: EVIL },
        peeredVnets: base.access.peeredVnets.map((p) => ({ ...p, name: `${EVIL}"'&` })),
      },
    };
    const html = renderToStaticMarkup(<TopologyView plan={plan} findings={[]} />);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    const exported = standaloneSvg(extractSvg(html).replace(/\n/g, ''), { planName: EVIL, date: '2025-01-31' });
    expect(exported).not.toMatch(/<img/i);
    expect(exported).toContain('>&lt;img src=x onerror=alert(1)&gt;</text>');
    expect(exported).toContain('exported 2025-01-31</text>');
  });

  it('pages the 200 peered VNets of the large plan and offers page buttons', () => {
    const html = renderToStaticMarkup(<TopologyView plan={largePlan(1)} findings={[]} textAlternativeOpen />);
    expect(html).toContain('Peered VNets 1–20 of 200');
    expect(html).toContain('aria-label="Next page of peered VNets"');
    expect(html.match(/topo-node--peeredVnet /g)).toHaveLength(20);
    // The text alternative is not paged.
    expect(html.match(/Peered VNet:<\/span>/g)).toHaveLength(200);
    // Closed, it is not built at all (it is built when the reader opens it).
    const closed = renderToStaticMarkup(<TopologyView plan={largePlan(1)} findings={[]} />);
    expect(closed).toContain(
      '<details class="topo-list"><summary>The diagram as text: 810 elements, 376 connections</summary></details>',
    );
  });
});
