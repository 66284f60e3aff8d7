import { expect, openExample, openStep, test } from './fixtures';

test('a must-not-reach client that can connect is an error beside its intent until declared back', async ({
  page,
  watch,
}) => {
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  await openStep(page, 'Review');
  await expect(page.getByRole('heading', { name: /Checks: 0 errors/ })).toBeVisible();

  await openStep(page, 'Clients');
  const card = page.locator('fieldset.client-card', { hasText: 'Client 2' });
  const intent = card.getByLabel('Intent');
  await expect(intent).toHaveValue('mustReach');
  await intent.selectOption({ label: 'must not reach' });
  await expect(card.getByText(/PGN-008/).first()).toBeVisible();
  await expect(card).toContainText('Client "reporting-app" must not reach the server, but it can');

  await openStep(page, 'Review');
  await expect(page.getByRole('heading', { name: /Checks: 1 error\b/ })).toBeVisible();
  await expect(page.getByRole('main').locator('.findings-by-step li', { hasText: 'PGN-008' })).toHaveCount(1);

  await openStep(page, 'Clients');
  await page.locator('fieldset.client-card', { hasText: 'Client 2' }).getByLabel('Intent').selectOption('mustReach');
  await openStep(page, 'Review');
  await expect(page.getByRole('heading', { name: /Checks: 0 errors/ })).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
});
