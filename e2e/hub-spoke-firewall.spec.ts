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

test('the Review diagram draws both clients through the firewall: the spoke by its side, the site across it', async ({
  page,
}) => {
  await openStep(page, 'Review');
  const svg = page.locator('.topo svg.topo-svg');
  await expect(svg).toBeVisible();
  const box = svg.locator('.topo-node--appliance .topo-box');
  const at = async (a: string) => Number(await box.getAttribute(a));
  const [fx, fy, fw, fh] = [await at('x'), await at('y'), await at('width'), await at('height')];
  const corners = async (id: string) => {
    const d = (await svg.locator(`[data-id="${id}"] path.topo-line`).getAttribute('d')) ?? '';
    return [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  };
  const inBand = (y: number) => y > fy && y < fy + fh;
  // payments-api (path-0): in to the firewall's left side and back out, two corners on it.
  expect((await corners('path-0')).filter(([x, y]) => x === fx && inBand(y))).toHaveLength(2);
  // finance-desktops (path-1), from the ExpressRoute gateway: one straight stretch across the firewall's box, from
  // right of it to left of it.
  const site = await corners('path-1');
  const across = site.filter(([x, y], i) => {
    const next = site[i + 1];
    return next !== undefined && next[1] === y && inBand(y) && x > fx + fw && next[0] < fx;
  });
  expect(across).toHaveLength(1);
});
