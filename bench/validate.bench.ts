/**
 * Full validation (`evaluate`: every rule of the catalog) against spec/budgets.md:
 * typical plan ≤ 0.5 ms, large plan ≤ 15 ms, and growth close to n log n (10× the elements costs
 * ≤ 15× the time) from 1× to 10× to the largest plan Azure accepts (a hundredth, a tenth and all of
 * it: 3,000 subnets, 500 peerings per VNet, 1,000 NSG rules, 1,000 firewall rules, 1,000 clients), in
 * its ordinary shape and its adversarial ones (all identical, all nested, all overlapping). A larger
 * plan is refused before any rule runs. Also `PlanSchema.safeParse` (shape + error rules, what the
 * forms and the CLI run) of the large plan, and the large plan in public mode, where the 1,000
 * firewall rules go through the firewall checks.
 *
 * The typical plan's budget is read on the code as it ships (bench/shipped.ts): at a few hundred microseconds, the
 * TypeScript runner's own wrapping of the sources is a large share of the time. Its figure on the sources is
 * printed beside it.
 */
import { loadavg } from 'node:os';
import { LIMIT_SHAPES, fractionOfMaximum, limitPlan } from '../src/domain/limit-samples';
import { LARGE_SIZE, largePlan, samplePlan, typicalPlan } from '../src/domain/samples';
import { evaluate } from '../src/rules';
import { PlanSchema } from '../src/rules/plan-schema';
import { formatMs, freshPlan, measure, printTable, verdict, type Row } from './harness';
import { importShipped } from './shipped';

interface Shipped {
  evaluate: typeof evaluate;
  typicalPlan: typeof typicalPlan;
}

export default async function bench(): Promise<void> {
  const shipped = await importShipped<Shipped>(
    "export { evaluate } from './src/rules';\nexport { typicalPlan } from './src/domain/samples';\n",
  );
  const shippedTypical = shipped.typicalPlan();
  const typical = typicalPlan();
  const large = largePlan(1);
  const largePublic = samplePlan(LARGE_SIZE, 'public');
  // A plan as it arrives from a file: plain JSON, parsed by the schema with its refinements.
  const largeJson: unknown = JSON.parse(JSON.stringify(large));

  // Each run gets a new plan object, as each edit does: what is kept per plan object (the name index, the
  // connectivity check that PGN-008 reads) is built again, never served from the previous run.
  const mShipped = measure(() => shipped.evaluate(freshPlan(shippedTypical)), { warmupMs: 1000 });
  const mTypical = measure(() => evaluate(freshPlan(typical)), { warmupMs: 1000 });
  const mLarge = measure(() => evaluate(freshPlan(large)), { samples: 15, minSampleMs: 50 });
  const mPublic = measure(() => evaluate(freshPlan(largePublic)), { samples: 15, minSampleMs: 50 });
  const mSchema = measure(() => PlanSchema.safeParse(largeJson), { samples: 11, minSampleMs: 50 });
  const findings = evaluate(large).length;

  const rows: Row[] = [
    {
      what: 'evaluate, typical plan, as it ships (bundled as the CLI is)',
      value: formatMs(mShipped.medianMs),
      budget: '≤ 0.5 ms',
      verdict: verdict(mShipped.medianMs, 0.5),
    },
    {
      what: 'evaluate, typical plan, the sources through the TypeScript runner',
      value: formatMs(mTypical.medianMs),
      budget: '(for comparison)',
      verdict: 'n/a',
    },
    {
      what: `evaluate, large plan (${findings} findings)`,
      value: formatMs(mLarge.medianMs),
      budget: '≤ 15 ms',
      verdict: verdict(mLarge.medianMs, 15),
    },
    {
      what: 'evaluate, large plan in public mode',
      value: formatMs(mPublic.medianMs),
      budget: '≤ 15 ms',
      verdict: verdict(mPublic.medianMs, 15),
    },
    {
      what: 'PlanSchema.safeParse, large plan (shape + error rules)',
      value: formatMs(mSchema.medianMs),
      budget: '(no budget)',
      verdict: 'n/a',
    },
  ];
  printTable('Full validation', rows);

  // 1× is a hundredth of the Azure maximum, 10× a tenth, then the maximum itself.
  const steps = [
    { label: '1× (1/100 of the maximum)', divisor: 100 },
    { label: '10× (1/10)', divisor: 10 },
    { label: 'Azure maximum', divisor: 1 },
  ];
  for (const shape of LIMIT_SHAPES) {
    const scaled = steps.map(({ label, divisor }) => {
      const plan = limitPlan(fractionOfMaximum(divisor), shape);
      const findings = evaluate(plan).length;
      const m = measure(() => evaluate(freshPlan(plan)), {
        samples: divisor === 1 ? 7 : 9,
        warmupMs: divisor === 1 ? 500 : 200,
        minSampleMs: 30,
      });
      return { label, findings, m };
    });
    printTable(
      `Growth, ${shape} plan: 1× → 10× → Azure maximum`,
      scaled.map(({ label, findings, m }, i) => {
        const prev = scaled[i - 1];
        const growth = prev ? m.medianMs / prev.m.medianMs : undefined;
        return {
          what: `evaluate, ${label} (${findings} findings)`,
          value: formatMs(m.medianMs),
          budget: growth === undefined ? '10× elements ≤ 15× time' : `growth ${growth.toFixed(1)}×`,
          verdict: growth === undefined ? '' : growth <= 15 ? 'ok' : 'OVER BUDGET',
        };
      }),
    );
  }
  const [one, five, fifteen] = loadavg();
  console.log(
    `(load average ${one?.toFixed(1)} / ${five?.toFixed(1)} / ${fifteen?.toFixed(1)} on this machine while measuring)`,
  );
}
