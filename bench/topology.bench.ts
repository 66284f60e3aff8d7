/**
 * Topology drawing of the large plan (200 peered VNets): model, layout and static render of the
 * whole view (diagram, pagers, text alternative). Budget: spec/budgets.md, "Topology drawing,
 * 200 peered VNets: ≤ 100 ms to render". Also the 500-rule public plan, collapsed and expanded.
 */
import { LARGE_SIZE, largePlan, samplePlan } from '../src/domain/samples';
import { layoutTopology } from '../src/topology/layout';
import { verdictsOf } from '../src/topology/model';
import { overlappingBoxes } from '../src/topology/placement';
import { planToTopology } from '../src/topology/plan-to-topology';
import { formatMs, measure, printTable, verdict, type Row } from './harness';

const BUDGET_MS = 100;

export default async function bench(): Promise<void> {
  // Measure React as the app ships it (production build), not its development checks.
  process.env.NODE_ENV = 'production';
  const { createElement } = await import('react');
  const { renderToStaticMarkup } = await import('react-dom/server');
  const { TopologyFigure } = await import('../src/features/topology/topology-figure');
  const large = largePlan(1);
  const publicPlan = samplePlan({ ...LARGE_SIZE, firewallRules: 500 }, 'public');
  const checks = large.clients.map((_, i) => ({
    clientPath: `clients.${i}`,
    verdict: i % 2 === 0 ? ('reachable' as const) : ('unreachable' as const),
  }));
  const verdicts = verdictsOf(checks);

  const model = measure(() => planToTopology(large, verdicts), { samples: 9 });
  const topology = planToTopology(large, verdicts);
  const layout = measure(() => layoutTopology(topology), { samples: 9 });
  const full = measure(
    () => renderToStaticMarkup(createElement(TopologyFigure, { plan: large, findings: [], clientChecks: checks })),
    {
      samples: 9,
      minSampleMs: 50,
    },
  );
  const pub = measure(() => renderToStaticMarkup(createElement(TopologyFigure, { plan: publicPlan, findings: [] })), {
    samples: 9,
    minSampleMs: 50,
  });
  const textOpen = measure(
    () =>
      renderToStaticMarkup(
        createElement(TopologyFigure, {
          plan: large,
          findings: [],
          clientChecks: checks,
          textAlternativeOpen: true,
        }),
      ),
    { samples: 5, minSampleMs: 50 },
  );
  const overlaps = overlappingBoxes(layoutTopology(topology).boxes).length;

  const rows: Row[] = [
    { what: 'planToTopology, 200 peered VNets', value: formatMs(model.medianMs), budget: '', verdict: '' },
    { what: 'layout, 200 peered VNets (page 1 of 10)', value: formatMs(layout.medianMs), budget: '', verdict: '' },
    {
      what: 'model + layout + renderToStaticMarkup, 200 peered VNets',
      value: formatMs(full.medianMs),
      budget: `≤ ${BUDGET_MS} ms`,
      verdict: verdict(full.medianMs, BUDGET_MS),
    },
    {
      what: 'same, public plan with 500 firewall rules',
      value: formatMs(pub.medianMs),
      budget: `≤ ${BUDGET_MS} ms`,
      verdict: verdict(pub.medianMs, BUDGET_MS),
    },
    {
      what: 'same, with the text alternative opened (all 810 elements)',
      value: formatMs(textOpen.medianMs),
      budget: '',
      verdict: '',
    },
    {
      what: 'overlapping boxes, 200 peered VNets',
      value: String(overlaps),
      budget: '0',
      verdict: overlaps === 0 ? 'ok' : 'OVER BUDGET',
    },
  ];
  printTable('Topology drawing (Node, React production build, static render)', rows);
}
