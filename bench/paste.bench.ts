/**
 * The firewall paste box (spec/budgets.md): pasting 10,000 lines previews in ≤ 200 ms. The preview
 * (`previewPastedRules`: reading every line, the rules' names, duplicates, refusals) of 10,000 plain
 * addresses; of 10,000 mixed lines (ranges, CIDR blocks, masks, comments, mistakes); of a
 * 10,000-row spreadsheet table; and of 10,000 lines named by one comment (the worst case for names).
 */
import { loadavg } from 'node:os';
import { previewPastedRules } from '../src/domain/firewall-input';
import { formatIPv4 } from '../src/domain/ipv4';
import type { FirewallRule } from '../src/domain/plan';
import { formatMs, measure, printTable, verdict, type Row } from './harness';

const LINES = 10_000;
const BUDGET_MS = 200;
const base = 0x14000000; // 20.0.0.0

const lines = (line: (i: number) => string): string => Array.from({ length: LINES }, (_, i) => line(i)).join('\n');

const plain = lines((i) => formatIPv4(base + i));
const mixed = lines((i) => {
  const a = formatIPv4(base + i * 256);
  switch (i % 6) {
    case 0:
      return `${a} # office ${i}`;
    case 1:
      return `${a} - ${formatIPv4(base + i * 256 + 9)}`;
    case 2:
      return `${a}/28, ${formatIPv4(base + i * 256 + 64)} to ${formatIPv4(base + i * 256 + 70)}`;
    case 3:
      return `${a} 255.255.255.0`;
    case 4:
      return `${formatIPv4(base + i * 256 + 1)} 255.255.255.0`; // not a network address: refused
    default:
      return `2001:db8::${i.toString(16)}`; // IPv6: refused
  }
});
const tableRow = (i: number) => `site ${i}\t${formatIPv4(base + i * 16)}\t${formatIPv4(base + i * 16 + 15)}`;
const table = `Name\tStart IP\tEnd IP\n${lines(tableRow)}`;
const oneName = `# branch offices\n${lines((i) => `${formatIPv4(base + i)} # branch`)}`;
const existing: FirewallRule[] = Array.from({ length: 500 }, (_, i) => ({
  name: `ip-${formatIPv4(base + i).replaceAll('.', '-')}`,
  startIp: formatIPv4(base + i),
  endIp: formatIPv4(base + i),
}));

export default function bench(): void {
  const cases = [
    { what: '10,000 addresses, one per line', text: plain, rules: [] },
    { what: '10,000 addresses, 500 already in the plan', text: plain, rules: existing },
    { what: '10,000 mixed lines (ranges, masks, comments, refusals)', text: mixed, rules: [] },
    { what: '10,000-row spreadsheet table (name, start, end)', text: table, rules: [] },
    { what: '10,000 lines named by the same comment', text: oneName, rules: [] },
  ];
  const rows: Row[] = cases.map(({ what, text, rules }) => {
    const preview = previewPastedRules(text, rules);
    const m = measure(() => previewPastedRules(text, rules), { samples: 11, minSampleMs: 50, warmupMs: 500 });
    const counts =
      `${preview.rules.length} rules, ${preview.skipped.length} skipped, ` + `${preview.refused.length} refused`;
    return {
      what: `${what} (${counts})`,
      value: formatMs(m.medianMs),
      budget: `≤ ${BUDGET_MS} ms`,
      verdict: verdict(m.medianMs, BUDGET_MS),
    };
  });
  printTable('Firewall paste box: preview of 10,000 lines (Node, median after warm-up)', rows);
  const [one, five, fifteen] = loadavg();
  console.log(
    `(load average ${one?.toFixed(1)} / ${five?.toFixed(1)} / ${fifteen?.toFixed(1)} on this machine while measuring)`,
  );
}
