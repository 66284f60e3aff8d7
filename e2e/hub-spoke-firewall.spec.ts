/**
 * The hub-spoke-firewall example in the browser: the application spoke reaches the server in the other spoke
 * through the hub's Azure Firewall; without its route, or without forwarded traffic allowed on the server VNet's
 * peering to the hub, it doesn't, and the check says which route or peering.
 */
import type { Page } from '@playwright/test';
import { expect, openExample, openStep, test } from './fixtures';

async function paymentsApi(page: Page) {
  await openStep(page, 'Clients');
  return page.locator('.checker-client', { has: page.getByRole('heading', { name: /payments-api/ }) });
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await openExample(page, /Spokes through an Azure Firewall hub/);
});

test('the application spoke reaches the server through the hub firewall', async ({ page }) => {
  const card = await paymentsApi(page);
  await expect(card).toContainText('Reachable');
  await expect(card).not.toContainText('Not reachable');
  await expect(card).toContainText('Through afw-hub in vnet-hub');
  const desktops = page.locator('.checker-client', { has: page.getByRole('heading', { name: /finance-desktops/ }) });
  await expect(desktops).toContainText('ExpressRoute gateway in vnet-hub');
  await expect(desktops).not.toContainText('Not reachable');
});

test('without its route to the firewall, the client is not reachable and the check names the route', async ({
  page,
}) => {
  await openStep(page, 'Network');
  const table = page.getByRole('group', { name: 'rt-payments-app', exact: true });
  await table
    .getByRole('group', { name: 'to-payments-data', exact: true })
    .getByRole('button', { name: /^Remove/ })
    .click();
  const card = await paymentsApi(page);
  await expect(card).toContainText('Not reachable');
  await expect(card).toContainText(
    'add to route table rt-payments-app the route 10.1.0.0/28 → VirtualAppliance 10.0.1.4',
  );
  await expect(card.getByRole('list', { name: 'Hops of payments-api' })).toContainText('PGN-141');
});

test('without forwarded traffic on the peering into the server VNet, the check names that peering', async ({
  page,
}) => {
  await openStep(page, 'Network');
  await page
    .getByRole('group', { name: 'Peering from vnet-payments-data to vnet-hub', exact: true })
    .getByRole('checkbox', { name: 'Allow forwarded traffic' })
    .uncheck();
  const card = await paymentsApi(page);
  await expect(card).toContainText('Not reachable');
  await expect(card).toContainText('allow forwarded traffic on the peering from vnet-payments-data to vnet-hub');
});
