/**
 * Connectivity checks of the 100 clients of the large plan (spec/budgets.md: 200 peered VNets,
 * 500 subnets, 200 NSG rules, 100 clients). Each run checks a fresh plan object, so the per-plan
 * precomputation (VNet index, overlaps, caches) is part of the measured time.
 */
import { checkAllClients } from '../src/checker';
import type { Plan } from '../src/domain/plan';
import { largePlan, samplePlan, scaleSize, LARGE_SIZE } from '../src/domain/samples';
import { formatMs, freshPlan, measure, printTable, verdict, type Row } from './harness';

const BUDGET_MS = 50;

export default function bench(): void {
  const privatePlan = largePlan(1);
  const publicPlan = samplePlan(scaleSize(LARGE_SIZE, 1), 'public');
  // A copy that shares no cached work with the plan (`freshPlan`): the checker's caches start cold.
  const fresh = freshPlan;
  const cases: { what: string; plan: Plan }[] = [
    { what: '100 clients, large private plan', plan: privatePlan },
    { what: '100 clients, large public plan (1,000 firewall rules)', plan: publicPlan },
  ];
  const rows: Row[] = cases
    .map(({ what, plan }) => {
      const coldStart = performance.now();
      if (checkAllClients(fresh(plan)).length !== 100) throw new Error(`${what}: expected 100 clients`);
      const coldMs = performance.now() - coldStart;
      // A longer warm-up than the default: on a loaded machine 200 ms is only a few runs of this bench.
      const m = measure(() => checkAllClients(fresh(plan)), { samples: 15, minSampleMs: 50, warmupMs: 1000 });
      return [
        { what, value: formatMs(m.medianMs), budget: `≤ ${BUDGET_MS} ms`, verdict: verdict(m.medianMs, BUDGET_MS) },
        { what: `${what}, first run (cold, not a median)`, value: formatMs(coldMs), budget: 'info', verdict: '' },
      ];
    })
    .flat();
  printTable('Connectivity checker (median after warm-up)', rows);
}
