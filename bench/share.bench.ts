/** Share-link lengths against spec/budgets.md, and encode/decode medians of the large plan. */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanDocument } from '../src/domain/parse';
import { largePlan, typicalPlan } from '../src/domain/samples';
import { LINK_SHARE_LIMIT, decodePlanLink, encodePlanLink } from '../src/share/link';
import { parsePlanFile, serializePlanFile } from '../src/share/plan-file';
import { formatMs, measure, printTable, verdict, type Row } from './harness';

const examplesDir = join(dirname(fileURLToPath(import.meta.url)), '../examples');
/** visualsubnetcalc's `?c=` link for the same 8 subnets (spec/budgets.md). */
const VISUALSUBNETCALC_CHARS = 432;

export default function bench(): void {
  const rows: Row[] = [];
  for (const file of readdirSync(examplesDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const read = readPlanDocument(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')));
    if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
    const chars = encodePlanLink(read.plan).length;
    if (file === 'eight-subnets.json') {
      rows.push({
        what: 'link, 8-subnet plan (eight-subnets.json)',
        value: `${chars} chars`,
        budget: `< ${VISUALSUBNETCALC_CHARS}`,
        verdict: chars < VISUALSUBNETCALC_CHARS ? 'ok' : 'OVER BUDGET',
      });
    } else
      rows.push({
        what: `link, ${file}`,
        value: `${chars} chars`,
        budget: `≤ ${LINK_SHARE_LIMIT} (share limit)`,
        verdict: verdict(chars, LINK_SHARE_LIMIT),
      });
  }
  const typical = encodePlanLink(typicalPlan()).length;
  rows.push({
    what: 'link, typical plan',
    value: `${typical} chars`,
    budget: '≤ 1000',
    verdict: verdict(typical, 1000),
  });
  const large = largePlan();
  const largeLink = encodePlanLink(large);
  rows.push({
    what: 'link, large plan',
    value: `${largeLink.length} chars`,
    budget: `> ${LINK_SHARE_LIMIT}: plan file offered`,
    verdict: largeLink.length > LINK_SHARE_LIMIT ? 'n/a' : 'ok',
  });
  printTable('Share link length', rows);

  const file = serializePlanFile(large);
  const timing = [
    { what: 'encode link, large plan', m: measure(() => encodePlanLink(large), { samples: 9, minSampleMs: 50 }) },
    { what: 'decode link, large plan', m: measure(() => decodePlanLink(largeLink), { samples: 9, minSampleMs: 50 }) },
    {
      what: 'write plan file, large plan',
      m: measure(() => serializePlanFile(large), { samples: 9, minSampleMs: 50 }),
    },
    { what: 'read plan file, large plan', m: measure(() => parsePlanFile(file), { samples: 9, minSampleMs: 50 }) },
  ];
  printTable(
    'Share link and plan file speed (no budget in spec/budgets.md; medians)',
    timing.map(({ what, m }) => ({ what, value: formatMs(m.medianMs), budget: '—', verdict: 'n/a' })),
  );
}
