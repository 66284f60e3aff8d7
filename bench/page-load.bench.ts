/**
 * Budget (spec/budgets.md): the first screen's largest contentful paint and load event ≤ 1.15× those of a
 * floor page, the same prerendered HTML and CSS with the scripts removed (`scripts/floor-page.ts`), measured
 * in the same run.
 *
 * Both pages are served from loopback by Vite's preview server and loaded in headless Chromium, each run in a
 * new browser context (cold cache), interleaved app, floor, floor, app, app, floor… (each page first in every
 * other pair, as the run after a page pays for its teardown) after one discarded pair. The load
 * event is the navigation's `loadEventStart`; the LCP is the last `largest-contentful-paint` entry once the
 * app has hydrated (so any paint React makes counts against it), both from the navigation's start. The app
 * starts after its shell has painted and loaded (`src/app/first-paint.ts`), so the time it becomes interactive
 * is printed beside them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser } from '@playwright/test';
import { build, preview } from 'vite';
import { floorPage } from '../scripts/floor-page';
import { launchChromium } from '../scripts/serve-build';
import { formatMs, median, percentile, printTable, verdict } from './harness';

/** Runs per page; PAGE_LOAD_RUNS asks for more where the machine is busy and the spread wide. */
const RUNS = Number(process.env.PAGE_LOAD_RUNS ?? 11);
const BUDGET_RATIO = 1.15;
/** A pause after each load, so that the closed page's process is gone before the next one starts. */
const SETTLE_MS = 250;
const OUT_DIR = '.bench-dist/page-load';
const FLOOR_FILE = 'floor.html';

interface Load {
  loadMs: number;
  lcpMs: number;
  /** When React took the markup over (the root lost `inert`); null for the floor page. */
  interactiveMs: number | null;
  requests: number;
  bytes: number;
}

/** Notes when the root loses `inert`, i.e. when the app has hydrated. Runs before the page's scripts. */
const WATCH_HYDRATION = `
  window.__interactiveAt = null;
  new MutationObserver((_, observer) => {
    const root = document.getElementById('root');
    if (root === null || root.hasAttribute('inert') || !root.hasChildNodes()) return;
    window.__interactiveAt = performance.now();
    observer.disconnect();
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['inert'] });
`;

/**
 * Runs in the page after the load event: waits until the app has taken its markup over (the root loses
 * `inert`; the floor page never does, so it waits a fixed while) and a few frames more, then reads the timings.
 * Source text, so the TypeScript runner adds nothing the page lacks.
 */
const READ_TIMINGS = `(async () => {
  const app = document.querySelector('script') !== null; // the floor page has none
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const started = performance.now();
  while (app && document.getElementById('root').hasAttribute('inert')) {
    if (performance.now() - started > 10000) throw new Error('The app did not hydrate within 10 s.');
    await frame();
  }
  for (let i = 0; i < 3; i += 1) await frame();
  await new Promise((resolve) => setTimeout(resolve, 200));
  const lcp = await new Promise((resolve, reject) => {
    new PerformanceObserver((list) => {
      const entries = list.getEntries();
      resolve(entries[entries.length - 1].startTime);
    }).observe({ type: 'largest-contentful-paint', buffered: true });
    setTimeout(() => reject(new Error('No largest-contentful-paint entry.')), 2000);
  });
  const navigation = performance.getEntriesByType('navigation')[0];
  const resources = performance.getEntriesByType('resource');
  return {
    loadMs: navigation.loadEventStart,
    lcpMs: lcp,
    interactiveMs: window.__interactiveAt,
    requests: 1 + resources.length,
    bytes: navigation.encodedBodySize + resources.reduce((sum, r) => sum + r.encodedBodySize, 0),
  };
})()`;

async function loadOnce(browser: Browser, url: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.addInitScript(WATCH_HYDRATION);
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate<Load>(READ_TIMINGS);
  } finally {
    await context.close();
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
  }
}

function summary(loads: readonly Load[]) {
  return {
    loadMs: median(loads.map((l) => l.loadMs)),
    lcpMs: median(loads.map((l) => l.lcpMs)),
    interactiveMs: median(loads.map((l) => l.interactiveMs ?? NaN)),
    requests: median(loads.map((l) => l.requests)),
    kb: median(loads.map((l) => l.bytes)) / 1000,
  };
}

export default async function bench(): Promise<void> {
  if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`PAGE_LOAD_RUNS must be a whole number ≥ 1, not ${RUNS}.`);
  await build({ logLevel: 'warn', build: { outDir: OUT_DIR, emptyOutDir: true } });
  writeFileSync(join(OUT_DIR, FLOOR_FILE), floorPage(readFileSync(join(OUT_DIR, 'index.html'), 'utf8')));
  // Port 0: the system picks a free one, so runs on a shared machine do not collide.
  const server = await preview({
    logLevel: 'warn',
    build: { outDir: OUT_DIR },
    preview: { port: 0, host: '127.0.0.1' },
  });
  const { port } = server.httpServer.address() as AddressInfo;
  const appUrl = `http://127.0.0.1:${port}/`;
  const floorUrl = `${appUrl}${FLOOR_FILE}`;
  const browser = await launchChromium();
  const app: Load[] = [];
  const floor: Load[] = [];
  try {
    await loadOnce(browser, appUrl); // warm-up pair: the server's and the system's first reads of the files
    await loadOnce(browser, floorUrl);
    for (let i = 0; i < RUNS; i += 1) {
      // Each page goes first in every other pair: the run after a page pays for that page's teardown.
      if (i % 2 === 0) {
        app.push(await loadOnce(browser, appUrl));
        floor.push(await loadOnce(browser, floorUrl));
      } else {
        floor.push(await loadOnce(browser, floorUrl));
        app.push(await loadOnce(browser, appUrl));
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const a = summary(app);
  const f = summary(floor);
  const loadRatio = a.loadMs / f.loadMs;
  const lcpRatio = a.lcpMs / f.lcpMs;
  // The spread of the ratio over the interleaved pairs, to read the medians against on a busy machine.
  const spread = (of: (l: Load) => number) => {
    const ratios = app.map((l, i) => of(l) / of(floor[i] as Load));
    return `${percentile(ratios, 25).toFixed(2)}–${percentile(ratios, 75).toFixed(2)}×`;
  };
  const page = (s: typeof a) => `${s.requests} requests, ${s.kb.toFixed(1)} KB transferred`;
  printTable(`Page load from loopback, cold cache, medians of ${RUNS} interleaved runs (Chromium, 1280×900)`, [
    { what: `floor page (${page(f)}): load event`, value: formatMs(f.loadMs), budget: '', verdict: '' },
    { what: `app (${page(a)}): load event`, value: formatMs(a.loadMs), budget: '', verdict: '' },
    {
      what: 'load event, app ÷ floor',
      value: `${loadRatio.toFixed(2)}×`,
      budget: `≤ ${BUDGET_RATIO}×`,
      verdict: verdict(loadRatio, BUDGET_RATIO),
    },
    { what: 'load event, app ÷ floor per pair, middle half', value: spread((l) => l.loadMs), budget: '', verdict: '' },
    { what: 'floor page: largest contentful paint', value: formatMs(f.lcpMs), budget: '', verdict: '' },
    { what: 'app: largest contentful paint', value: formatMs(a.lcpMs), budget: '', verdict: '' },
    {
      what: 'largest contentful paint, app ÷ floor',
      value: `${lcpRatio.toFixed(2)}×`,
      budget: `≤ ${BUDGET_RATIO}×`,
      verdict: verdict(lcpRatio, BUDGET_RATIO),
    },
    {
      what: 'largest contentful paint, app ÷ floor per pair, middle half',
      value: spread((l) => l.lcpMs),
      budget: '',
      verdict: '',
    },
    { what: 'app: interactive (React owns the page)', value: formatMs(a.interactiveMs), budget: '', verdict: '' },
  ]);
}
