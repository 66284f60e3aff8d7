/**
 * The deployment dry run of the large plan: read and replay per format (and with its export), and all four formats
 * together against the budget, ≤ 50 ms (spec/budgets.md, "Deployment dry run, large plan, four formats").
 *
 * What depends on the plan alone is worked out once per plan object and shared (the world, the script's sections):
 * each run gets a copy of its own (`freshPlan`: same content, no cached work), so that a run pays for that work as a
 * dry run of a freshly opened plan does, rather than finding it done by the run before.
 */
import { dryRun, READERS } from '../src/deploy/index';
import { largePlan } from '../src/domain/samples';
import { EXPORT_FORMATS } from '../src/exporters/index';
import { formatMs, freshPlan, measure, printTable, verdict, type Row } from './harness';

const BUDGET_MS = 50;

export default function bench(): void {
  const plan = largePlan(1);
  const formats = EXPORT_FORMATS.filter((f) => READERS[f.id] !== undefined);
  const prepared = formats.map((f) => ({ format: f, files: f.files(plan) }));
  let steps = 0;
  for (const { format, files } of prepared) {
    const report = dryRun(plan, format.id, files);
    if (report.refusal !== null) throw new Error(`The large plan's ${format.label} files are refused.`);
    steps += report.steps.length;
  }
  const rows: Row[] = [];
  for (const { format, files } of prepared) {
    const replayOnly = measure(() => dryRun(freshPlan(plan), format.id, files), { samples: 9, minSampleMs: 30 });
    rows.push({
      what: `${format.label}: read + replay`,
      value: formatMs(replayOnly.medianMs),
      budget: '',
      verdict: '',
    });
    const withExport = measure(
      () => {
        const fresh = freshPlan(plan);
        return dryRun(fresh, format.id, format.files(fresh));
      },
      { samples: 9, minSampleMs: 30 },
    );
    rows.push({
      what: `${format.label}: export + read + replay`,
      value: formatMs(withExport.medianMs),
      budget: '',
      verdict: '',
    });
  }
  for (const f of EXPORT_FORMATS.filter((x) => READERS[x.id] === undefined))
    rows.push({ what: `${f.label}: no reader yet`, value: '–', budget: '', verdict: 'n/a' });
  const total = measure(
    () => {
      const fresh = freshPlan(plan);
      for (const { format, files } of prepared) dryRun(fresh, format.id, files);
    },
    { samples: 9, minSampleMs: 50 },
  );
  rows.push({
    what: `dry run of every format with a reader (${formats.map((f) => f.label).join(', ')})`,
    value: formatMs(total.medianMs),
    budget: `≤ ${BUDGET_MS} ms (four formats)`,
    verdict: verdict(total.medianMs, BUDGET_MS),
  });
  printTable(`Deployment dry run, large plan (${steps} steps)`, rows);
}
