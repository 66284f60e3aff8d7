import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openStep, startNewPlan, test } from './fixtures';

const KEY = 'pgflex-netplan:state';

/** The first server's region in the autosaved plan (null until the plan is saved). */
async function storedRegion(page: Page): Promise<string | null> {
  return page.evaluate((key) => {
    try {
      const saved = JSON.parse(localStorage.getItem(key) ?? 'null') as {
        state?: { plan?: { servers?: { region?: string }[] } };
      } | null;
      return saved?.state?.plan?.servers?.[0]?.region ?? null;
    } catch {
      return null;
    }
  }, KEY);
}

test('picking "West Europe" in the Basics region field writes westeurope into the plan', async ({ page, watch }) => {
  await page.goto('/');
  await startNewPlan(page);
  await openStep(page, 'Basics');
  const region = page.getByRole('combobox', { name: 'Region' });

  // Move away from the default region first, so that the pick below is what puts westeurope there.
  await region.fill('north eu');
  await page.getByRole('option', { name: /^North Europe/ }).click();
  await expect(region).toHaveValue('northeurope');
  await expect.poll(() => storedRegion(page)).toBe('northeurope');

  await region.fill('West');
  const list = page.getByRole('listbox');
  await expect(list).toBeVisible();
  await expect(region).toHaveAttribute('aria-expanded', 'true');
  await expectNoAxeViolations(page, 'the Basics step with the region list open');
  await list.getByRole('option', { name: /^West Europe/ }).click();
  await expect(region).toHaveValue('westeurope');
  await expect(list).toBeHidden();
  await expect.poll(() => storedRegion(page)).toBe('westeurope');

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('a typed display name is converted on leaving the field; unknown text is kept and flagged', async ({ page }) => {
  await page.goto('/');
  await startNewPlan(page);
  await openStep(page, 'Basics');
  const region = page.getByRole('combobox', { name: 'Region' });

  await region.fill('Sweden Central');
  await region.press('Tab');
  await expect(region).toHaveValue('swedencentral');
  await expect.poll(() => storedRegion(page)).toBe('swedencentral');

  await region.fill('uk');
  await region.press('ArrowDown');
  await region.press('Enter');
  await expect(region).toHaveValue('uksouth');

  await region.fill('Westeuropa');
  await region.press('Tab');
  await expect(region).toHaveValue('Westeuropa');
  await expect(region).toHaveAttribute('aria-invalid', 'true');
  const field = page.locator('[data-path="servers.0.region"]');
  await expect(field).toContainText('PGN-010');
  await expect(field).toContainText(`The region "Westeuropa" of server`);
  await expect(field).toContainText('Did you mean westeurope (West Europe)?');
  await expect.poll(() => storedRegion(page)).toBe('Westeuropa');
});
