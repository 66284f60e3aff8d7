import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parsePlanFile } from '../src/share/plan-file';
import { V1_MIGRATED_PEERINGS } from '../src/share/testing/v1-fixtures';
import { expect, openExample, openStep, test } from './fixtures';

const hubAndSpoke = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'examples', 'hub-and-spoke.json'), 'utf8'),
) as { name: string };

async function savedPlan(page: Page): Promise<unknown> {
  return page.evaluate(
    () =>
      (JSON.parse(localStorage.getItem('pgflex-netplan:state') ?? '{}') as { state?: { plan?: unknown } }).state?.plan,
  );
}

/** The saved plan once its first server has this name (the autosave writes a moment after a change). */
async function savedPlanNamed(page: Page, serverName: string): Promise<unknown> {
  await expect
    .poll(async () => ((await savedPlan(page)) as { servers?: { name?: string }[] } | undefined)?.servers?.[0]?.name)
    .toBe(serverName);
  return savedPlan(page);
}

async function copyShareLink(page: Page): Promise<string> {
  await openStep(page, 'Review');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Share link copied' })).toBeVisible();
  return page.evaluate(() => navigator.clipboard.readText());
}

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a copied link opens the same plan in a fresh browser', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  const original = await savedPlanNamed(page, 'pg-contoso-orders');
  const link = await copyShareLink(page);
  expect(link.startsWith(`${baseURL}#p1.`)).toBe(true);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('heading', { level: 2, name: new RegExp(hubAndSpoke.name) })).toBeVisible();
  await expect(other.getByText('read-only review')).toBeVisible();
  await other.getByRole('button', { name: 'Edit this plan' }).click();
  await expect(other.getByLabel('Server name')).toHaveValue('pg-contoso-orders');
  expect(await savedPlanNamed(other, 'pg-contoso-orders')).toEqual(original);
  expect(other.url()).not.toContain('#');
  await fresh.close();
});

test('a link shared before plan format 2 opens as format 2, its peerings written out', async ({ page }) => {
  const fixture = (ext: string) =>
    readFileSync(join(import.meta.dirname, '..', 'src', 'share', 'fixtures', `v1-hub-and-spoke.${ext}`), 'utf8');
  const migrated = parsePlanFile(fixture('plan.json'));
  if (!migrated.ok) throw new Error(migrated.error.message);
  await page.goto(`/#${fixture('link.txt').trim()}`);
  await expect(page.getByText('read-only review')).toBeVisible();
  await page.getByRole('button', { name: 'Edit this plan' }).click();
  const saved = (await savedPlanNamed(page, 'pg-contoso-orders')) as { formatVersion: number; access: object };
  expect(saved.formatVersion).toBe(2);
  expect(saved.access).toMatchObject({ peerings: V1_MIGRATED_PEERINGS['v1-hub-and-spoke'], routeTables: [] });
  expect(saved).toEqual(migrated.plan);
});

test('a broken link says why and leaves the current plan untouched', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Server name').fill('pg-mine');
  const before = await savedPlanNamed(page, 'pg-mine');
  const good = await copyShareLink(page);
  const fragment = good.slice(good.indexOf('#') + 1);

  for (const [broken, title] of [
    [fragment.slice(0, Math.floor(fragment.length / 2)), /cut off|damaged/],
    [`${fragment.slice(0, 20)}${fragment[20] === 'A' ? 'B' : 'A'}${fragment.slice(21)}`, /damaged|cut off/],
    [`p9.${fragment.slice(3)}`, /newer version/],
    ['hello-world', /not a plan link/],
  ] as const) {
    await page.goto(`/#${broken}`);
    const alert = page.getByRole('alert').filter({ hasText: 'Your current plan was left untouched.' });
    await expect(alert).toContainText(title);
    await expect(alert).toContainText('Your current plan was left untouched.');
    expect(await savedPlan(page)).toEqual(before);
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  await openStep(page, 'Basics');
  await expect(page.getByLabel('Server name')).toHaveValue('pg-mine');
});

test('a plan replaced by an opened link can be restored', async ({ page }) => {
  await page.goto('/');
  await openExample(page, /Eight-subnet/);
  const link = await copyShareLink(page);
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await openStep(page, 'Basics');
  await page.getByLabel('Server name').fill('pg-mine');

  await page.goto(link);
  await page.getByRole('button', { name: 'Edit this plan' }).click();
  await expect(page.getByLabel('Server name')).toHaveValue('pg-platform');
  await expect(page.getByText(/Your previous plan .* was kept/)).toBeVisible();
  await page.getByRole('button', { name: 'Restore previous plan' }).click();
  await openStep(page, 'Basics');
  await expect(page.getByLabel('Server name')).toHaveValue('pg-mine');
});

test('a plan file downloads as the documented JSON and opens again', async ({ page }) => {
  await page.goto('/');
  await openExample(page, /Public access/);
  const original = await savedPlanNamed(page, 'pg-fabrikam-reporting');
  await openStep(page, 'Review');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download plan (.json)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.json$/);
  const path = await download.path();
  const text = readFileSync(path, 'utf8');
  expect(JSON.parse(text)).toEqual(original);

  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Discard and start new' }).click();
  await openStep(page, 'Review');
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open plan file…' }).click();
  await (await choosing).setFiles(path);
  await page.getByRole('button', { name: 'Edit this plan' }).click();
  expect(await savedPlanNamed(page, 'pg-fabrikam-reporting')).toEqual(original);
});

for (const width of [1280, 390]) {
  const title = `a file that is not a plan says so beside the file controls, visibly, and the plan stays as it was`;
  test(`${title} (${width} px)`, async ({ page }, testInfo) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await openExample(page, /Public access/);
    await openStep(page, 'Review');
    const path = testInfo.outputPath('hello.json');
    writeFileSync(path, '{"hello":"world"}');
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open plan file…' }).click();
    await (await choosing).setFiles(path);
    const notice = page.locator('.share-panel').getByRole('alert');
    await expect(notice).toBeVisible();
    await expect(notice).toContainText('The file is not a valid plan.');
    await expect(notice).toBeInViewport();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await expect(notice).toHaveCount(0);
    // The current plan is still the example (its server name polled from the saved state).
    await savedPlanNamed(page, 'pg-fabrikam-reporting');
  });
}
