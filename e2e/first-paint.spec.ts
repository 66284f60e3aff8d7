/**
 * The first screen is prerendered into the production page: it shows without JavaScript, React takes the
 * markup over without a mismatch, and a visitor with a share link or a saved plan never sees the empty plan
 * the markup was rendered from (every frame before paint is recorded, see PAINT_RECORDER).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { readPlanDocument } from '../src/domain/parse';
import { encodePlanLink } from '../src/share';
import { STORAGE_KEY } from '../src/store/store';
import { persistedState } from '../scripts/serve-build';
import { expect, test } from './fixtures';

const BASICS_LABELS = [
  'Plan name',
  'Server name',
  'Region',
  'PostgreSQL version',
  'High availability',
  'Resource group',
  'Subscription ID',
];

function example(file: string) {
  const read = readPlanDocument(JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', file), 'utf8')));
  if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
  return read.plan;
}

interface Paint {
  /** The step list, checks and current step are on screen. */
  body: boolean;
  /** Values of the Basics fields and text of the main heading, when on screen. */
  planName: string | null;
  serverName: string | null;
  version: string | null;
  heading: string | null;
}

/**
 * Runs before the page's own scripts: at every animation frame (just before the browser paints) it notes
 * what of the plan is visible. Source text, so the test runner adds nothing the page lacks.
 */
const PAINT_RECORDER = `
  window.__paints = [];
  const shown = (el) => el !== null && el.checkVisibility({ visibilityProperty: true });
  const sample = () => {
    const body = document.querySelector('.app__body');
    if (body !== null) {
      const planName = document.querySelector('.app__main [data-path="name"] input');
      const serverName = document.querySelector('.app__main [data-path="servers.0.name"] input');
      const version = document.querySelector('.app__main [data-path="servers.0.version"] select');
      const heading = document.querySelector('.app__main h2');
      window.__paints.push({
        body: shown(body),
        planName: shown(planName) ? planName.value : null,
        serverName: shown(serverName) ? serverName.value : null,
        // A select parsed up to its opening tag has no selected option yet and reads "": not yet parsed.
        version: shown(version) && (document.readyState !== 'loading' || version.querySelector('option[selected]'))
          ? version.value
          : null,
        heading: shown(heading) ? heading.textContent : null,
      });
    }
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
`;

async function paints(page: Page): Promise<Paint[]> {
  return page.evaluate<Paint[]>('window.__paints');
}

const isMatch = (frame: Paint, expected: Partial<Paint>) =>
  Object.entries(expected).every(([key, value]) => frame[key as keyof Paint] === value);

/** Chunks the gate preloads for a link (with the app's own start and the rules), by file name (vite.config.ts). */
const GATE_LINK_CHUNKS = [
  /\/start-[\w-]+\.js$/,
  /\/analysis-[\w-]+\.js$/,
  /\/link-[\w-]+\.js$/,
  /\/review-content-[\w-]+\.js$/, // the opened plan's review renders from the review's chunk
];

/** The frames in which the empty plan the shell was rendered from was on screen. */
const emptyPlanFrames = (frames: Paint[]) =>
  frames.filter((f) => f.planName === 'Untitled plan' || f.serverName === '');

test('the built page shows the first screen with JavaScript turned off', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL: baseURL! });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('network planner');
  // Text inside <noscript> is skipped by text locators; the banner is found by its element.
  await expect(page.locator('noscript > p')).toBeVisible();
  await expect(page.locator('noscript > p')).toContainText('needs JavaScript');
  const main = page.locator('main');
  await expect(main.locator('h2')).toContainText('Basics');
  for (const label of BASICS_LABELS) await expect(main.locator('label', { hasText: label })).toBeVisible();
  // The values of the plan a first visit starts with, not empty boxes and first options.
  await expect(main.locator('[data-path="name"] input')).toHaveValue('Untitled plan');
  await expect(main.locator('[data-path="servers.0.region"] input')).toHaveValue('westeurope');
  await expect(main.locator('[data-path="servers.0.version"] select')).toHaveValue('17');
  const steps = page.locator('nav.steplist');
  for (const label of ['Basics', 'Connectivity method', 'Virtual network', 'Review'])
    await expect(steps.getByText(label, { exact: true })).toBeVisible();
  await expect(page.locator('.summary__title')).toHaveText('Checks');
  await context.close();
});

test('the page is served with the first screen in its markup and no inline script', async ({ request }) => {
  const html = await (await request.get('/')).text();
  const root = html.slice(html.indexOf('<div id="root"'));
  for (const label of BASICS_LABELS) expect(root).toContain(`>${label}</label>`);
  // One script, the gate, from the page's own origin; it loads the app's modules.
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts).toEqual([expect.stringMatching(/^<script src="\.\/assets\/paint-gate-[\w-]+\.js">$/)]);
});

test('with JavaScript, React takes over the prerendered markup without an error or a warning', async ({ page }) => {
  const messages: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') messages.push(`${msg.type()}: ${msg.text()}`);
  });
  page.on('pageerror', (err) => messages.push(`page error: ${err.message}`));
  // Keeps the header the parser created: hydration reuses it, a fresh render would replace it.
  await page.addInitScript(`
    new MutationObserver((_, observer) => {
      const header = document.querySelector('#root header');
      if (header === null) return;
      window.__parsedHeader = header;
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  `);
  await page.addInitScript(PAINT_RECORDER);
  await page.goto('/');
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  await expect(page.getByRole('heading', { level: 2, name: /Basics/ })).toBeFocused();
  // A first visit has no link to open: nothing of opening one is asked for.
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href),
  );
  expect(preloaded.filter((href) => /\/(?:link|incoming-plan)-[\w-]+\.js$/.test(href))).toEqual([]);
  expect(await page.evaluate('window.__parsedHeader === document.querySelector("#root header")')).toBe(true);
  // From the first frame on, each field shows the new plan's value (or is not parsed yet, as a static page
  // paints progressively): taking the markup over changes nothing on screen.
  const frames = await paints(page);
  const firstVisit = { planName: 'Untitled plan', serverName: '', version: '17' };
  const differs = (f: Paint) =>
    Object.entries(firstVisit).some(
      ([key, value]) => f[key as keyof Paint] !== null && f[key as keyof Paint] !== value,
    );
  expect(frames.filter(differs)).toEqual([]);
  expect(frames.some((f) => f.body && isMatch(f, firstVisit))).toBe(true);

  const name = page.getByLabel('Server name');
  await name.fill('pg-after-hydration');
  await expect(page.locator('.field', { has: name })).toContainText('pg-after-hydration.postgres.database.azure.com');
  await page.getByRole('button', { name: 'Start from an example' }).click();
  await expect(page.getByRole('dialog', { name: 'Start from an example' })).toBeVisible();
  expect(messages).toEqual([]);
});

test('a share link paints the shared plan, never the empty plan first', async ({ page, watch }) => {
  const plan = example('eight-subnets.json');
  await page.addInitScript(PAINT_RECORDER);
  await page.goto(`/#${encodePlanLink(plan)}`);
  const heading = page.getByRole('heading', { level: 2, name: new RegExp(plan.name) });
  await expect(heading).toBeVisible();
  await expect(page.getByText('read-only review')).toBeVisible();

  const frames = await paints(page);
  expect(frames.length).toBeGreaterThan(0);
  expect(emptyPlanFrames(frames)).toEqual([]);
  // What shows is the shared plan (or the neutral "Loading…" while its view loads), never another heading.
  expect(frames.filter((f) => f.body && f.heading !== null && !f.heading.includes(plan.name))).toEqual([]);
  expect(frames.some((f) => f.body && f.heading?.includes(plan.name))).toBe(true);
  // The gate asked for the app, the rules, the codec and the review at once, and each of them was used.
  const preloaded = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((l) => l.href),
  );
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name));
  for (const chunk of GATE_LINK_CHUNKS) {
    const hrefs = preloaded.filter((href) => chunk.test(href));
    expect(hrefs, String(chunk)).toHaveLength(1);
    expect(loaded).toContain(hrefs[0]);
  }
  expect(watch.consoleErrors).toEqual([]);
});

test('a saved plan paints as saved, never the empty plan first', async ({ page }) => {
  const plan = example('hub-and-spoke.json');
  const server = plan.servers[0]!.name;
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' || msg.type() === 'warning') errors.push(msg.text());
  });
  await page.addInitScript(
    ([key, value]) => {
      if (localStorage.getItem(key) === null) localStorage.setItem(key, value);
    },
    [STORAGE_KEY, persistedState(plan)] as const,
  );
  await page.addInitScript(PAINT_RECORDER);
  await page.goto('/');
  await expect(page.getByLabel('Server name')).toHaveValue(server);

  let frames = await paints(page);
  expect(emptyPlanFrames(frames)).toEqual([]);
  const first = frames.find((f) => f.body && f.serverName !== null);
  expect(first?.serverName).toBe(server);
  expect(first?.planName).toBe(plan.name);

  // Saved on a later step: that step is the first one painted, not the prerendered Basics.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [
    STORAGE_KEY,
    persistedState(plan, 'vnet'),
  ] as const);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: /Virtual network/ })).toBeVisible();
  frames = await paints(page);
  expect(frames.filter((f) => f.body && f.heading !== null && !/Virtual network/.test(f.heading))).toEqual([]);
  expect(emptyPlanFrames(frames)).toEqual([]);
  expect(errors).toEqual([]);
});
