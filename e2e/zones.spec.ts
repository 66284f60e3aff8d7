import type { Page } from '@playwright/test';
import { expect, openStep, startNewPlan, test } from './fixtures';

/** The first server's zones in the autosaved plan ('absent' when the plan has none). */
async function storedZones(page: Page): Promise<[string, string]> {
  return page.evaluate(() => {
    const saved = JSON.parse(localStorage.getItem('pgflex-netplan:state') ?? 'null') as {
      state?: { plan?: { servers?: { availabilityZone?: string; standbyAvailabilityZone?: string }[] } };
    } | null;
    const server = saved?.state?.plan?.servers?.[0];
    return [server?.availabilityZone ?? 'absent', server?.standbyAvailabilityZone ?? 'absent'];
  });
}

test('availability zones: the server zone and a zone-redundant standby zone, checked live', async ({ page, watch }) => {
  await page.goto('/');
  await startNewPlan(page);
  await openStep(page, 'Basics');
  const name = page.getByLabel('Server name');
  await name.fill('pg-zones');
  await expect.poll(() => storedZones(page)).toEqual(['absent', 'absent']);

  // The standby zone is asked for only with zone-redundant high availability.
  const standby = page.getByLabel('Standby availability zone');
  await expect(standby).toHaveCount(0);
  await page.getByLabel('High availability').selectOption('ZoneRedundant');
  await page.getByLabel('Availability zone', { exact: true }).selectOption('1');
  await standby.selectOption('1');
  const field = page.locator('.field', { has: standby });
  await expect(field).toContainText('must be in another zone than the server');
  await standby.selectOption('2');
  await expect(field).not.toContainText('must be in another zone');
  await expect.poll(() => storedZones(page)).toEqual(['1', '2']);

  // "No preference" leaves the zone out of the plan; the server name typed earlier is still valid.
  await page.getByLabel('Availability zone', { exact: true }).selectOption('');
  await expect.poll(() => storedZones(page)).toEqual(['absent', '2']);
  await expect(page.locator('.field', { has: name }).getByText('PGN-001', { exact: true })).toHaveCount(0);

  expect(watch.consoleErrors).toEqual([]);
});
