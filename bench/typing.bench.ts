/**
 * From a keystroke in a field to updated findings, large plan (budget: ≤ 50 ms at p95, Playwright in
 * Chromium, 50 edits). Each edit sets the server name through the input's native setter and an input
 * event (what typing does), alternating a valid and an invalid name so the findings really change,
 * then waits for the next frame after React's commit; the time includes validation of the whole plan.
 */
import { largePlan } from '../src/domain/samples';
import { STORAGE_KEY } from '../src/store/store';
import { buildAndServe, launchChromium, persistedState } from '../scripts/serve-build';
import { formatMs, median, percentile, printTable } from './harness';

export default async function bench(): Promise<void> {
  const { url, server } = await buildAndServe('.bench-dist', 4199);
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [STORAGE_KEY, persistedState(largePlan(1))] as const);
    await page.goto(url);
    await page.getByLabel('Server name').waitFor();
    const times = await page.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('[data-path="servers.0.name"] input');
      const counts = document.querySelector('.summary__counts');
      if (!input || !counts) throw new Error('The Basics step did not render.');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const out: number[] = [];
      for (let i = 0; i < 60; i += 1) {
        const before = counts.textContent;
        const t0 = performance.now();
        setValue.call(input, i % 2 === 0 ? `-bad-name-${i}` : `pg-sample-${i}`);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        await frame();
        const t1 = performance.now();
        if (counts.textContent === before) throw new Error('The findings did not change after an edit.');
        if (i >= 10) out.push(t1 - t0); // the first 10 edits warm up
      }
      return out;
    });
    printTable('Keystroke to updated findings, large plan (Chromium, 50 edits)', [
      { what: 'p50', value: formatMs(median(times)), budget: '', verdict: '' },
      { what: 'p95', value: formatMs(percentile(times, 95)), budget: '≤ 50 ms', verdict: percentile(times, 95) <= 50 ? 'ok' : 'OVER BUDGET' },
    ]);
  } finally {
    await browser.close();
    await server.close();
  }
}
