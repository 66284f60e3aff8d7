/**
 * The Export panel's Deployment steps: what each format's files create, in the order they allow, from the dry run
 * that read those files. On hub-and-spoke, the hub's peering that offers gateway transit comes before the server
 * VNet's peering that uses the hub's gateway, as Azure requires, in every format.
 */
import { expect, openExample, openStep, test } from './fixtures';

for (const tab of ['ARM', 'Terraform', 'Bicep', 'Azure CLI']) {
  test(`hub and spoke, ${tab}: the hub's transit peering is deployed before the peering that uses it`, async ({
    page,
    watch,
  }) => {
    await page.goto('/');
    await openExample(page, /Hub and spoke/);
    await openStep(page, 'Review');
    const panel = page.locator('section.export');
    await panel.getByRole('tab', { name: tab }).click();
    const steps = panel.getByRole('region', { name: 'Deployment steps' });
    await expect(steps.getByText('Every step passes those checks.')).toBeVisible();
    const items = steps.locator('li.deploy-step');
    const texts = await items.allTextContents();
    const hub = texts.findIndex((t) => t.includes('vnet-hub/vnet-hub-to-vnet-orders-data'));
    const spoke = texts.findIndex((t) => t.includes('vnet-orders-data/vnet-orders-data-to-vnet-hub'));
    expect(hub).toBeGreaterThanOrEqual(0);
    expect(spoke).toBeGreaterThan(hub);
    // The server comes after both, and says why it waits.
    const server = texts.findIndex((t) => t.includes('PostgreSQL flexible server pg-contoso-orders'));
    expect(server).toBeGreaterThan(spoke);
    expect(texts[server]).toContain('after step');
    expect(watch.consoleErrors).toEqual([]);
  });
}
