/**
 * `npm run screenshots`: every wizard step at 1280 px and 390 px wide (the hub-and-spoke example for
 * private access, the public-office example for public access), the hub-and-spoke diagram, and the findings
 * drawer (beside the steps at 1280 px, the dialog at 390 px), written to docs/img/. Runs the production build
 * in Chromium.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { STORAGE_KEY } from '../src/store/store';
import { buildAndServe, launchChromium, persistedState } from './serve-build';

const root = join(import.meta.dirname, '..');
const out = join(root, 'docs', 'img');
mkdirSync(out, { recursive: true });
const example = (file: string): unknown => JSON.parse(readFileSync(join(root, 'examples', file), 'utf8'));

const SHOTS: { step: string; label: string; plan: string }[] = [
  { step: 'basics', label: 'Basics', plan: 'hub-and-spoke.json' },
  { step: 'connectivity', label: 'Connectivity method', plan: 'hub-and-spoke.json' },
  { step: 'vnet', label: 'Virtual network', plan: 'hub-and-spoke.json' },
  { step: 'subnet', label: 'Delegated subnet', plan: 'hub-and-spoke.json' },
  { step: 'dns', label: 'Private DNS zone', plan: 'hub-and-spoke.json' },
  { step: 'peering', label: 'Network', plan: 'hub-and-spoke.json' },
  { step: 'firewall', label: 'Firewall rules', plan: 'public-office.json' },
  { step: 'security', label: 'Security', plan: 'hub-and-spoke.json' },
  { step: 'clients', label: 'Clients', plan: 'hub-and-spoke.json' },
  { step: 'review', label: 'Review', plan: 'hub-and-spoke.json' },
];

/** The hub-and-spoke plan with a server name Azure refuses, so the drawer shows an error, a note and its filters. */
function drawerPlan(): unknown {
  const plan = example('hub-and-spoke.json') as { servers: { name: string }[] };
  const [first, ...rest] = plan.servers;
  return first ? { ...plan, servers: [{ ...first, name: 'PG_Orders' }, ...rest] } : plan;
}

/** The findings drawer on the Peering step: in the side column at 1280 px, opened as a dialog at 390 px. */
async function drawerShot(width: number): Promise<void> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    STORAGE_KEY,
    persistedState(drawerPlan(), 'peering'),
  ] as const);
  await page.goto(url);
  await page.locator('#step-heading').waitFor();
  await page.waitForLoadState('networkidle');
  if (width < 820) {
    await page.getByRole('button', { name: /^Findings/ }).click();
    await page.getByRole('dialog', { name: 'Findings' }).locator('.finding').first().waitFor();
  } else {
    await page.locator('.drawer .finding').first().waitFor();
    await page.mouse.wheel(0, 900); // a long step scrolled: the steps and the drawer stay in view
    await page.waitForTimeout(300);
  }
  await page.screenshot({ path: join(out, `findings-drawer-${width}.png`) });
  console.log(`wrote docs/img/findings-drawer-${width}.png`);
  await context.close();
}

const { url, server } = await buildAndServe('.bench-dist', 4198);
const browser = await launchChromium();
try {
  for (const width of [1280, 390]) {
    for (const shot of SHOTS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor: 1 });
      const page = await context.newPage();
      await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
        STORAGE_KEY,
        persistedState(example(shot.plan), shot.step),
      ] as const);
      await page.goto(url);
      await page.locator('#step-heading').waitFor();
      await page.waitForLoadState('networkidle');
      if (shot.step === 'review') await page.locator('.topo svg.topo-svg').first().waitFor({ timeout: 15_000 });
      const file = join(out, `${shot.step}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(`wrote docs/img/${shot.step}-${width}.png`);
      await context.close();
    }
    await drawerShot(width);
  }
  // The NSG editor at phone width: one card per rule (the hub-and-spoke example has five), the default rules.
  const context = await browser.newContext({ viewport: { width: 390, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    STORAGE_KEY,
    persistedState(example('hub-and-spoke.json'), 'subnet'),
  ] as const);
  await page.goto(url);
  await page.locator('#step-heading').waitFor();
  await page.waitForLoadState('networkidle');
  // A window as tall as the page, so that the sticky step strip stays at the top instead of over the editor.
  const nsg = page.locator('fieldset[data-path="access.delegatedSubnet.nsg"]');
  const pageHeight = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: 390, height: pageHeight + 100 });
  await page.waitForTimeout(300);
  await nsg.screenshot({ path: join(out, 'nsg-390.png') });
  console.log('wrote docs/img/nsg-390.png');
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
