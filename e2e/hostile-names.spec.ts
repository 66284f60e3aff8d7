import { readFileSync } from 'node:fs';
import { expect, openExample, openStep, test } from './fixtures';

test('a plan and a VNet name holding control characters: validation names them, the SVG download still parses', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  await openStep(page, 'Basics');
  await page.getByLabel('Plan name').fill('Orders\u0001 plan');
  await openStep(page, 'Virtual network');
  await page.getByLabel('VNet name').first().fill('vnet\u000borders');
  // In the step (the findings drawer beside it lists the same finding).
  await expect(page.getByRole('main').getByText('contains the control character U+000B')).toBeVisible();
  await openStep(page, 'Review');
  await expect(page.locator('.topo svg.topo-svg')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download SVG' }).click();
  const svg = readFileSync(await (await downloading).path(), 'utf8');
  // Chromium's own XML parser: a control character would give a <parsererror> ("Invalid character").
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return {
      error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
      title: [...doc.querySelectorAll('.topo-titleblock text')].map((t) => t.textContent)[0] ?? null,
    };
  }, svg);
  expect(parsed).toEqual({ error: null, title: 'Orders\ufffd plan' });
  expect(svg).toContain('vnet\ufffdorders');
});
