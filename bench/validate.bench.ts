/**
 * Full validation (`evaluate`: every rule of the catalog) against spec/budgets.md:
 * typical plan ≤ 0.5 ms, large plan ≤ 15 ms, and growth close to n log n (10× the elements costs
 * ≤ 15× the time) at 1×, 10× and 100× the large plan. Also `PlanSchema.safeParse` (shape + error
 * rules, what the forms and the CLI run) of the large plan, and the large plan in public mode,
 * where the 1,000 firewall rules go through the firewall checks.
 */
import { loadavg } from 'node:os';
import { LARGE_SIZE, largePlan, samplePlan, typicalPlan } from '../src/domain/samples';
import { evaluate } from '../src/rules';
import { PlanSchema } from '../src/rules/plan-schema';
import { formatMs, measure, printTable, verdict, type Row } from './harness';

export default function bench(): void {
  const typical = typicalPlan();
  const large = largePlan(1);
  const largePublic = samplePlan(LARGE_SIZE, 'public');
  // A plan as it arrives from a file: plain JSON, parsed by the schema with its refinements.
  const largeJson: unknown = JSON.parse(JSON.stringify(large));

  const mTypical = measure(() => evaluate(typical), { warmupMs: 1000 });
  const mLarge = measure(() => evaluate(large), { samples: 15, minSampleMs: 50 });
  const mPublic = measure(() => evaluate(largePublic), { samples: 15, minSampleMs: 50 });
  const mSchema = measure(() => PlanSchema.safeParse(largeJson), { samples: 11, minSampleMs: 50 });
  const findings = evaluate(large).length;

  const rows: Row[] = [
    {
      what: 'evaluate, typical plan',
      value: formatMs(mTypical.medianMs),
      budget: '≤ 0.5 ms',
      verdict: verdict(mTypical.medianMs, 0.5),
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

  const factors = [1, 10, 100];
  const scaled = factors.map((factor) => {
    const plan = largePlan(factor);
    const m = measure(() => evaluate(plan), {
      samples: factor === 100 ? 5 : 9,
      warmupMs: factor === 100 ? 0 : 200,
      minSampleMs: 30,
    });
    return { factor, m };
  });
  printTable(
    'Growth: large plan at 1×, 10×, 100×',
    scaled.map(({ factor, m }, i) => {
      const prev = scaled[i - 1];
      const growth = prev ? m.medianMs / prev.m.medianMs : undefined;
      return {
        what: `evaluate, large plan ×${factor}`,
        value: formatMs(m.medianMs),
        budget: growth === undefined ? '10× elements ≤ 15× time' : `growth ${growth.toFixed(1)}×`,
        verdict: growth === undefined ? '' : growth <= 15 ? 'ok' : 'OVER BUDGET',
      };
    }),
  );
  const [one, five, fifteen] = loadavg();
  console.log(
    `(load average ${one?.toFixed(1)} / ${five?.toFixed(1)} / ${fifteen?.toFixed(1)} on this machine while measuring)`,
  );
}
