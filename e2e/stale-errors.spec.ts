/**
 * A field's error follows the plan, whichever field changed: an error that another field's edit resolves
 * disappears at once, and one that another field's edit causes appears at once.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openStep, test } from './fixtures';

const fieldOf = (page: Page, input: Locator): Locator => page.locator('.field').filter({ has: input });

for (const width of [1280, 390]) {
  const title = 'the maximum TLS version is red only while it is below the minimum, whichever of the two changes';
  test(`${title} (${width} px)`, async ({ page, watch }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await openStep(page, 'Security');
    await page.getByLabel('Require TLS (require_secure_transport)').uncheck();
    const min = page.getByLabel('Minimum TLS version (ssl_min_protocol_version)');
    const max = page.getByLabel('Maximum TLS version (ssl_max_protocol_version)');
    await min.selectOption('TLSv1.3');
    await max.selectOption('TLSv1.2');
    await expect(max).toHaveAttribute('aria-invalid', 'true');
    await min.selectOption('TLSv1.1');
    await expect(max).not.toHaveAttribute('aria-invalid', 'true');
    await min.selectOption('TLSv1.2');
    await expect(max).not.toHaveAttribute('aria-invalid', 'true');
    await expect(fieldOf(page, max).getByText('PGN-005', { exact: true })).toHaveCount(0);
    // The other way round: raising the minimum above the maximum marks the maximum at once.
    await min.selectOption('TLSv1.3');
    await expect(max).toHaveAttribute('aria-invalid', 'true');
    await expect(fieldOf(page, max).getByText('PGN-005', { exact: true })).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });
}
