/** All exports (every format, azurerm 5 and 4) of the large plan; budget ≤ 50 ms (spec/budgets.md). */
import { largePlan } from '../src/domain/samples';
import { EXPORT_FORMATS } from '../src/exporters/index';
import { formatMs, measure, printTable, verdict, type Row } from './harness';

const BUDGET_MS = 50;

export default function bench(): void {
  const plan = largePlan(1);
  const all = () => {
    let bytes = 0;
    for (const format of EXPORT_FORMATS) for (const f of format.files(plan)) bytes += f.contents.length;
    for (const f of EXPORT_FORMATS.find((x) => x.id === 'terraform')!.files(plan, { providerMajor: 4 })) bytes += f.contents.length;
    return bytes;
  };
  const rows: Row[] = EXPORT_FORMATS.map((format) => {
    const m = measure(() => format.files(plan), { samples: 9, minSampleMs: 30 });
    return { what: `${format.label}, large plan`, value: formatMs(m.medianMs), budget: '', verdict: '' };
  });
  const total = measure(all, { samples: 9, minSampleMs: 50 });
  rows.push({ what: 'all exports (4 formats + azurerm 4), large plan', value: formatMs(total.medianMs), budget: `≤ ${BUDGET_MS} ms`, verdict: verdict(total.medianMs, BUDGET_MS) });
  printTable(`Exports (${(all() / 1024).toFixed(0)} KiB of output)`, rows);
}
