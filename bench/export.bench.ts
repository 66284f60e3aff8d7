/**
 * All exports of the large plan; budget ≤ 50 ms (spec/budgets.md). "All exports" are the four formats
 * the Export panel and the CLI offer, each at its default (Terraform for azurerm 5.x); the azurerm 4.x
 * variant is an option of the Terraform format and is printed on its own row. Each run exports a copy of its own
 * (`freshPlan`: same content, no cached work): what the exporters work out once per plan is paid for in every run.
 */
import { largePlan } from '../src/domain/samples';
import { EXPORT_FORMATS } from '../src/exporters/index';
import { formatMs, freshPlan, measure, printTable, verdict, type Row } from './harness';

const BUDGET_MS = 50;

export default function bench(): void {
  const plan = largePlan(1);
  const terraform = EXPORT_FORMATS.find((x) => x.id === 'terraform');
  if (terraform === undefined) throw new Error('No Terraform exporter.');
  const all = () => {
    let bytes = 0;
    const fresh = freshPlan(plan);
    for (const format of EXPORT_FORMATS) for (const f of format.files(fresh)) bytes += f.contents.length;
    return bytes;
  };
  const rows: Row[] = EXPORT_FORMATS.map((format) => {
    const m = measure(() => format.files(freshPlan(plan)), { samples: 9, minSampleMs: 30 });
    return { what: `${format.label}, large plan`, value: formatMs(m.medianMs), budget: '', verdict: '' };
  });
  const azurerm4 = measure(() => terraform.files(freshPlan(plan), { providerMajor: 4 }), {
    samples: 9,
    minSampleMs: 30,
  });
  rows.push({
    what: 'Terraform for azurerm 4.x (option), large plan',
    value: formatMs(azurerm4.medianMs),
    budget: '',
    verdict: '',
  });
  const total = measure(all, { samples: 9, minSampleMs: 50 });
  rows.push({
    what: `all exports (${EXPORT_FORMATS.map((f) => f.label).join(', ')}), large plan`,
    value: formatMs(total.medianMs),
    budget: `≤ ${BUDGET_MS} ms`,
    verdict: verdict(total.medianMs, BUDGET_MS),
  });
  printTable(`Exports (${(all() / 1024).toFixed(0)} KiB of output)`, rows);
}
