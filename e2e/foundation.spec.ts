import { expect, expectNoAxeViolations, openStep, test } from './fixtures';

test('the first screen shows the planner frame and validates the Basics step live', async ({ page, watch }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('network planner');
  const steps = page.getByRole('navigation', { name: 'Wizard steps' });
  for (const label of [
    'Basics',
    'Connectivity method',
    'Virtual network',
    'Delegated subnet',
    'Private DNS zone',
    'Security',
    'Review',
  ]) {
    await expect(steps.getByRole('button', { name: new RegExp(label) })).toBeVisible();
  }
  await expect(page.getByRole('heading', { level: 2, name: /Basics/ })).toBeFocused();

  const name = page.getByLabel('Server name');
  await name.fill('-Bad_Name');
  const field = page.locator('.field', { has: name });
  await expect(field.getByText('PGN-001', { exact: true })).toBeVisible();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  const describedBy = await name.getAttribute('aria-describedby');
  expect(describedBy).toBeTruthy();
  await expect(page.locator(`[id="${describedBy!.split(' ').pop()!}"]`)).toContainText('PGN-001');

  await name.fill('pg-orders-prod');
  await expect(field.getByText('PGN-001', { exact: true })).toHaveCount(0);
  await expect(name).toHaveAttribute('aria-invalid', 'false');
  await expect(field).toContainText('pg-orders-prod.postgres.database.azure.com');

  for (const label of ['Region', 'PostgreSQL version', 'High availability'])
    await expect(page.getByLabel(label)).toBeVisible();
  await page.getByLabel('High availability').selectOption('ZoneRedundant');

  await openStep(page, 'Connectivity method');
  await expect(page.getByRole('heading', { level: 2, name: /Connectivity method/ })).toBeFocused();
  await expect(page.getByText("You can't change between private access and public access after the")).toBeVisible();

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('the page carries a content security policy that allows only its own origin', async ({ page }) => {
  await page.goto('/');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-inline');
  expect(await page.locator('script:not([src])').count()).toBe(0);
});

test('the plan survives a reload', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Server name').fill('pg-survives-reload');
  await page.getByLabel('Plan name').fill('Reload check');
  await page.reload();
  await expect(page.getByLabel('Server name')).toHaveValue('pg-survives-reload');
  await expect(page.getByLabel('Plan name')).toHaveValue('Reload check');
});

test('Basics and Connectivity have no axe violations at 1280 px and 390 px, light and dark', async ({ page }) => {
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await page.goto('/');
      await openStep(page, 'Basics');
      await page.getByLabel('Server name').fill('-bad');
      await expectNoAxeViolations(page, `Basics at ${width}px (${colorScheme})`);
      await openStep(page, 'Connectivity method');
      await expectNoAxeViolations(page, `Connectivity at ${width}px (${colorScheme})`);
    }
  }
});

test('the skip link moves to the main region without being read as a plan link, also after a reload', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Basics', level: 2 })).toBeVisible();
  // The prerendered page is inert until the app has taken it over.
  await expect(page.locator('#root')).not.toHaveAttribute('inert');
  await page.getByRole('link', { name: /skip/i }).press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Basics', level: 2 })).toBeVisible({ timeout: 3000 });
  await expect(page.getByText(/not a plan link/)).toHaveCount(0);
});
