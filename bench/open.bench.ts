/**
 * Opening a plan (spec/budgets.md): "every link or file within the size limit opens, with findings,
 * in ≤ 1 s", in Chromium on the production build. The plans are the largest Azure accepts and their
 * adversarial versions (all identical, nested, overlapping; see src/domain/limit-samples.ts), in
 * both access modes, opened as a share link (timed from the start of the navigation) and as a plan
 * file chosen on the Review step (timed from the file input's change event), each until the
 * read-only review shows its findings. A page records both moments itself (performance.now()). The
 * link of a typical plan gives the part of a link's time that is the page loading, whatever the plan.
 *
 * BENCH_PORT picks the port of the preview server (default 4198) when several runs share a machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { AZURE_MAXIMUM_SIZE, LIMIT_SHAPES, limitPlan } from '../src/domain/limit-samples';
import type { Plan } from '../src/domain/plan';
import { typicalPlan } from '../src/domain/samples';
import { encodePlanLink } from '../src/share/link';
import { serializePlanFile } from '../src/share/plan-file';
import { buildAndServe, launchChromium } from '../scripts/serve-build';
import { formatMs, median, printTable, type Row } from './harness';

const BUDGET_MS = 1000;
const RUNS = 3;

/**
 * Passed as source text (the TypeScript runner adds helpers the page lacks): marks when a plan file
 * is chosen and when the review of an opened plan shows its findings.
 */
const MARKS_SCRIPT = `(() => {
  const marks = (window.__openMarks = {});
  document.addEventListener('change', (e) => {
    const t = e.target;
    if (t instanceof HTMLInputElement && t.type === 'file') marks.picked = performance.now();
  }, true);
  const seen = () => {
    if (marks.findings === undefined &&
        document.querySelector('section[aria-labelledby="incoming-heading"] #review-findings')) {
      marks.findings = performance.now();
    }
  };
  new MutationObserver(seen).observe(document, { childList: true, subtree: true });
})()`;

interface Marks {
  picked?: number;
  findings?: number;
}

const readMarks = `window.__openMarks`;
const FINDINGS = 'section[aria-labelledby="incoming-heading"] #review-findings';

async function openLink(browser: Browser, url: string, fragment: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARKS_SCRIPT);
    await page.goto(`${url}#${fragment}`);
    await page.locator(FINDINGS).waitFor({ timeout: 120_000 });
    const marks = await page.evaluate<Marks>(readMarks);
    return marks.findings ?? Number.NaN;
  } finally {
    await context.close();
  }
}

async function openFile(browser: Browser, url: string, path: string): Promise<number> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(MARKS_SCRIPT);
    await page.goto(url);
    await page
      .getByRole('navigation', { name: 'Wizard steps' })
      .getByRole('button', { name: /Review/ })
      .click();
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open plan file…' }).click();
    await (await choosing).setFiles(path);
    await page.locator(FINDINGS).waitFor({ timeout: 120_000 });
    const marks = await page.evaluate<Marks>(readMarks);
    return (marks.findings ?? Number.NaN) - (marks.picked ?? Number.NaN);
  } finally {
    await context.close();
  }
}

function row(what: string, times: readonly number[]): Row {
  const m = median(times);
  return {
    what: `${what}, median of ${times.length} (slowest ${formatMs(Math.max(...times))})`,
    value: formatMs(m),
    budget: `≤ ${BUDGET_MS / 1000} s`,
    verdict: m <= BUDGET_MS ? 'ok' : 'OVER BUDGET',
  };
}

export default async function bench(): Promise<void> {
  const port = Number(process.env.BENCH_PORT ?? 4198);
  const { url, server } = await buildAndServe(`.bench-dist/open-${port}`, port);
  const browser = await launchChromium();
  const folder = mkdtempSync(join(tmpdir(), 'pgflex-open-'));
  try {
    // What every link costs before its plan matters: loading the page itself (a typical plan's link).
    const typical = encodePlanLink(typicalPlan());
    const baseline: number[] = [];
    for (let i = 0; i < RUNS; i += 1) baseline.push(await openLink(browser, url, typical));
    const rows: Row[] = [row(`typical plan: link of ${typical.length} characters (the page load itself)`, baseline)];
    for (const mode of ['private', 'public'] as const) {
      for (const shape of LIMIT_SHAPES) {
        const plan: Plan = limitPlan(AZURE_MAXIMUM_SIZE, shape, mode);
        const fragment = encodePlanLink(plan);
        const file = join(folder, `${shape}-${mode}.json`);
        const text = serializePlanFile(plan);
        writeFileSync(file, text);
        const viaLink: number[] = [];
        const viaFile: number[] = [];
        for (let i = 0; i < RUNS; i += 1) {
          viaLink.push(await openLink(browser, url, fragment));
          viaFile.push(await openFile(browser, url, file));
        }
        const kb = (n: number) => `${Math.round(n / 1024).toLocaleString('en-US')} KB`;
        rows.push(row(`${shape}, ${mode}: link of ${kb(fragment.length)}`, viaLink));
        rows.push(row(`${shape}, ${mode}: file of ${kb(text.length)}`, viaFile));
      }
    }
    printTable(
      'Opening the largest plans Azure accepts, ordinary and adversarial, until findings show (Chromium)',
      rows,
    );
    const [one, five, fifteen] = loadavg();
    console.log(
      `(load average ${one?.toFixed(1)} / ${five?.toFixed(1)} / ` +
        `${fifteen?.toFixed(1)} on this machine while measuring)`,
    );
  } finally {
    rmSync(folder, { recursive: true, force: true });
    await browser.close();
    await server.close();
  }
}
