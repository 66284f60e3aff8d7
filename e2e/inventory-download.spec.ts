/**
 * The inventory script downloads from the Review step, prefilled from the plan, the same text the CLI's
 * `inventory-script` prints; a value that can't be passed is named at its field and nothing is saved.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { inventoryScript } from '../src/import/inventory-script';
import { expect, openExample, openStep, test } from './fixtures';

const form = (page: Page) => page.getByRole('form', { name: 'Collect what is deployed' });

async function download(page: Page, button: string): Promise<{ name: string; text: string; path: string }> {
  const downloading = page.waitForEvent('download');
  await form(page).getByRole('button', { name: button }).click();
  const file = await downloading;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8'), path };
}

test('the inventory script downloads prefilled, as the CLI prints it; a bad value is said at its field', async ({
  page,
}) => {
  await page.goto('/');
  await openExample(page, /^Hub and spoke/);
  await openStep(page, 'Review');
  const fields = form(page);
  await expect(fields.getByLabel('Server name')).toHaveValue('pg-contoso-orders');
  await expect(fields.getByLabel('Resource group')).toHaveValue('rg-orders-data');
  await expect(fields.getByLabel('Subscription ID')).toHaveValue('00000000-0000-0000-0000-0000000000a1');

  // A subscription that isn't a GUID: said at the field, focused, and no file.
  await fields.getByLabel('Subscription ID').fill('contoso-prod');
  await fields.getByRole('button', { name: 'Download for bash' }).click();
  await expect(fields.getByLabel('Subscription ID')).toBeFocused();
  await expect(fields.getByLabel('Subscription ID')).toHaveAttribute('aria-invalid', 'true');
  await expect(fields.locator('.field', { has: page.getByLabel('Subscription ID') })).toContainText(
    'The subscription "contoso-prod" is refused: give its ID, a GUID',
  );
  await expect(fields.getByRole('status')).toHaveText('');

  await fields.getByLabel('Subscription ID').fill('');
  await fields.getByLabel('Peering hops to follow').fill('3');
  await expect(fields.getByLabel('Subscription ID')).toHaveAttribute('aria-invalid', 'false');
  const options = { server: 'pg-contoso-orders', resourceGroup: 'rg-orders-data', subscription: '', peeringDepth: 3 };

  const bash = await download(page, 'Download for bash');
  expect(bash.name).toBe('inventory.sh');
  expect(bash.text).toBe(inventoryScript({ ...options, shell: 'bash' }));
  execFileSync('bash', ['-n', bash.path]);
  await expect(fields.getByRole('status')).toContainText('bash inventory.sh > inventory.json');

  const powershell = await download(page, 'Download for PowerShell');
  expect(powershell.name).toBe('inventory.ps1');
  expect(powershell.text).toBe(inventoryScript({ ...options, shell: 'powershell' }));
});
