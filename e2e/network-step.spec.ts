/**
 * The network step (plan format 2): a VNet added with both peerings, a one-way peering warned about where it is
 * (PGN-139) and reached from the findings, peerings that follow a renamed VNet and go with a removed one, and a
 * route table whose route sends traffic to the hub's firewall, and which follows its subnet's new name.
 */
import type { Locator, Page } from '@playwright/test';
import { newPlan } from '../src/domain/new-plan';
import type { Plan } from '../src/domain/plan';
import { STORAGE_KEY } from '../src/store/store';
import { persistedState } from '../scripts/serve-build';
import { expect, expectNoAxeViolations, openStep, test } from './fixtures';

/** A private plan with its server VNet set up and nothing around it yet. */
function serverOnlyPlan(): Plan {
  const plan = newPlan();
  if (plan.access.mode !== 'private') throw new Error('A new plan is a private-access plan.');
  return {
    ...plan,
    servers: plan.servers.map((s) => ({ ...s, name: 'pg-network-e2e' })),
    access: {
      ...plan.access,
      vnet: { ...plan.access.vnet, name: 'vnet-app', addressSpaces: ['10.0.0.0/16'] },
      delegatedSubnet: { ...plan.access.delegatedSubnet, name: 'snet-postgres', prefix: '10.0.0.0/28' },
      privateDnsZone: {
        name: 'pg-network-e2e.private.postgres.database.azure.com',
        existing: false,
        resourceGroup: '',
        subscription: '',
      },
    },
  };
}

async function openNetworkStep(page: Page): Promise<void> {
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    STORAGE_KEY,
    persistedState(serverOnlyPlan(), 'peering'),
  ] as const);
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 2, name: /Network: other VNets, peerings/ })).toBeVisible();
}

const peering = (page: Page, from: string, to: string): Locator =>
  page.getByRole('group', { name: `Peering from ${from} to ${to}`, exact: true });

/** The plan the page saved (autosaved after a short pause). */
async function savedAccess(page: Page): Promise<unknown> {
  const saved = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  const parsed = JSON.parse(saved ?? '{}') as { state?: { plan?: { access?: unknown } } };
  return parsed.state?.plan?.access ?? null;
}

const flagsOff = { allowForwardedTraffic: false, allowGatewayTransit: false, useRemoteGateways: false };

test('the step list names the step for what it is', async ({ page }) => {
  await openNetworkStep(page);
  await expect(
    page.getByRole('navigation', { name: 'Wizard steps' }).getByRole('button', { name: /^\d*\s*Network/ }),
  ).toHaveAttribute('aria-current', 'step');
});

test('a VNet added comes with both peerings; a one-way peering is warned about at that peering', async ({
  page,
  watch,
}) => {
  await openNetworkStep(page);
  await page.getByRole('button', { name: 'Add a peered VNet' }).click();
  await expect(page.getByRole('group', { name: 'vnet-peered-1', exact: true })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Added vnet-peered-1' })).toBeVisible();
  const there = peering(page, 'vnet-app', 'vnet-peered-1');
  const back = peering(page, 'vnet-peered-1', 'vnet-app');
  await expect(there).toBeVisible();
  await expect(back).toBeVisible();
  await expect(there).toContainText('Both directions are declared');
  for (const name of ['Allow forwarded traffic', 'Allow gateway transit', 'Use remote gateways'])
    await expect(there.getByRole('checkbox', { name })).not.toBeChecked();
  await expect
    .poll(() => savedAccess(page))
    .toMatchObject({
      peerings: [
        { from: 'vnet-app', to: 'vnet-peered-1', ...flagsOff },
        { from: 'vnet-peered-1', to: 'vnet-app', ...flagsOff },
      ],
    });

  // Remove one direction: the other one is one-way now, and says so where it is.
  await back.getByRole('button', { name: 'Remove the peering from vnet-peered-1 to vnet-app' }).click();
  await expect(back).toHaveCount(0);
  await expect(there.locator('[data-rule="PGN-139"]')).toBeVisible();
  await expect(there.locator('[data-rule="PGN-139"]')).toContainText('"vnet-app" and "vnet-peered-1"');
  await expect(there).toContainText('One direction only');

  // The findings drawer leads to that peering's first field.
  await page
    .getByRole('complementary')
    .getByRole('button', { name: 'Go to the field of PGN-139 on the Network step' })
    .click();
  await expect(there.getByLabel('From (the VNet that holds it)')).toBeFocused();

  // Adding the peering back clears the warning.
  await there.getByRole('button', { name: /^Add the peering back/ }).click();
  await expect(back).toBeVisible();
  await expect(there.locator('[data-rule="PGN-139"]')).toHaveCount(0);
  await expect(there).toContainText('Both directions are declared');
  expect(watch.consoleErrors).toEqual([]);
});

test('one undo takes back a VNet added and the two peerings that came with it', async ({ page }) => {
  await openNetworkStep(page);
  await page.getByRole('button', { name: 'Add a peered VNet' }).click();
  await expect(peering(page, 'vnet-peered-1', 'vnet-app')).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('group', { name: 'vnet-peered-1', exact: true })).toHaveCount(0);
  await expect(page.getByText('No peerings.')).toBeVisible();
  await expect(page.getByText('No other VNets.')).toBeVisible();
  await expect.poll(() => savedAccess(page)).toMatchObject({ peeredVnets: [], peerings: [] });
});

test('a flag set on one peering is saved on that direction only', async ({ page }) => {
  await openNetworkStep(page);
  await page.getByRole('button', { name: 'Add a peered VNet' }).click();
  await peering(page, 'vnet-peered-1', 'vnet-app').getByRole('checkbox', { name: 'Allow forwarded traffic' }).check();
  await expect
    .poll(() => savedAccess(page))
    .toMatchObject({
      peerings: [
        { from: 'vnet-app', to: 'vnet-peered-1', ...flagsOff },
        { from: 'vnet-peered-1', to: 'vnet-app', ...flagsOff, allowForwardedTraffic: true },
      ],
    });
});

test('renaming a VNet renames its peerings; removing it removes them', async ({ page, watch }) => {
  await openNetworkStep(page);
  await page.getByRole('button', { name: 'Add a peered VNet' }).click();
  const name = page.getByLabel('VNet name');
  await name.fill('vnet-hub');
  // The references follow when the field is left.
  await name.press('Tab');
  await expect(peering(page, 'vnet-app', 'vnet-hub')).toBeVisible();
  await expect(peering(page, 'vnet-hub', 'vnet-app')).toBeVisible();
  await expect(peering(page, 'vnet-app', 'vnet-peered-1')).toHaveCount(0);
  await expect
    .poll(() => savedAccess(page))
    .toMatchObject({
      peerings: [
        { from: 'vnet-app', to: 'vnet-hub' },
        { from: 'vnet-hub', to: 'vnet-app' },
      ],
    });

  // The server VNet's name too, from the Virtual network step.
  await openStep(page, 'Virtual network');
  const serverName = page.getByLabel('VNet name');
  await serverName.fill('vnet-db');
  await serverName.press('Tab');
  await openStep(page, 'Network');
  await expect(peering(page, 'vnet-db', 'vnet-hub')).toBeVisible();
  await expect(peering(page, 'vnet-hub', 'vnet-db')).toBeVisible();
  await expect(page.locator('[data-rule="PGN-139"]')).toHaveCount(0);

  // Removing the VNet asks nothing and takes its peerings with it.
  await page.getByRole('button', { name: 'Remove vnet-hub' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Removed vnet-hub and its 2 peerings.' })).toBeVisible();
  await expect(page.getByText('No peerings.')).toBeVisible();
  await expect.poll(() => savedAccess(page)).toMatchObject({ peeredVnets: [], peerings: [] });
  expect(watch.consoleErrors).toEqual([]);
});

test('many peerings: the first are drawn, a finding leads to one further down, its selects list every VNet', async ({
  page,
}) => {
  // 30 other VNets peered both ways with the server VNet, but the last one only one way: 59 peerings.
  const base = serverOnlyPlan();
  if (base.access.mode !== 'private') throw new Error('A private-access plan.');
  const names = Array.from({ length: 30 }, (_, i) => `vnet-spoke-${i + 1}`);
  const plan: Plan = {
    ...base,
    access: {
      ...base.access,
      peeredVnets: names.map((name, i) => ({
        name,
        region: 'westeurope',
        resourceGroup: '',
        subscription: '',
        addressSpaces: [`10.${i + 1}.0.0/16`],
        zoneLink: true,
        dns: { kind: 'azure' },
        subnets: [],
        appliance: null,
      })),
      peerings: names
        .flatMap((name) => [
          { from: 'vnet-app', to: name, ...flagsOff },
          { from: name, to: 'vnet-app', ...flagsOff },
        ])
        .slice(0, -1),
    },
  };
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    STORAGE_KEY,
    persistedState(plan, 'peering'),
  ] as const);
  await page.goto('/');
  await expect(page.locator('.private__peering')).toHaveCount(50);
  await expect(page.getByRole('button', { name: 'Show the other 9 peerings' })).toBeVisible();

  const last = peering(page, 'vnet-app', 'vnet-spoke-30');
  await expect(last).toHaveCount(0);
  await page
    .getByRole('complementary')
    .locator('li[data-rule="PGN-139"]')
    .getByRole('button', { name: 'Go to the field of PGN-139 on the Network step' })
    .click();
  const from = last.getByLabel('From (the VNet that holds it)');
  await expect(from).toBeFocused();
  await expect(last.locator('[data-rule="PGN-139"]')).toBeVisible();
  // Its selects list every VNet once used, and a choice is written.
  await expect(from.locator('option')).toHaveCount(31);
  // With this many VNets a select draws its options when first focused, as a user's select is before a choice.
  const to = last.getByLabel('To (the remote VNet)');
  await expect(to.locator('option')).toHaveCount(1);
  await to.focus();
  await expect(to.locator('option')).toHaveCount(31);
  await to.selectOption('vnet-spoke-29');
  await expect(peering(page, 'vnet-app', 'vnet-spoke-29').first()).toBeVisible();
  await expect
    .poll(async () => ((await savedAccess(page)) as { peerings?: { to: string }[] } | null)?.peerings?.[58]?.to)
    .toBe('vnet-spoke-29');
});

test('a route table sends the delegated subnet through the hub firewall', async ({ page, watch }) => {
  await openNetworkStep(page);
  await page.getByRole('button', { name: 'Add a peered VNet' }).click();
  const name = page.getByLabel('VNet name');
  await name.fill('vnet-hub');
  await name.press('Tab');
  const hub = page.getByRole('group', { name: 'vnet-hub', exact: true });
  await hub.getByRole('radio', { name: 'Azure Firewall' }).check();
  await hub.getByLabel('Firewall name').fill('afw-hub');
  await hub.getByLabel('Private IP address').fill('10.1.0.4');

  await page.getByRole('button', { name: 'Add a route table' }).click();
  const table = page.getByRole('group', { name: 'Route table 1', exact: true });
  await expect(table.getByLabel('Route table name')).toBeFocused();
  await table.getByLabel('Route table name').fill('rt-postgres');
  const rt = page.getByRole('group', { name: 'rt-postgres', exact: true });
  await expect(rt.getByLabel('VNet', { exact: true })).toHaveValue('vnet-app');
  await rt.getByRole('checkbox', { name: 'snet-postgres (delegated subnet)' }).check();

  await rt.getByRole('button', { name: 'Add a route to rt-postgres' }).click();
  const route = rt.getByRole('group', { name: 'Route 1', exact: true });
  await expect(route.getByLabel('Route name')).toBeFocused();
  await expect(route.getByLabel('Next hop type')).toHaveValue('VirtualAppliance');
  // The hub firewall's address is offered, and taken for a new route.
  await expect(route.getByLabel('Next hop IP address')).toHaveValue('10.1.0.4');
  await route.getByLabel('Route name').fill('to-hub');
  const toHub = rt.getByRole('group', { name: 'to-hub', exact: true });
  await toHub.getByLabel('Destination').fill('0.0.0.0/0');

  // The next hop address is asked for a virtual appliance only.
  await toHub.getByLabel('Next hop type').selectOption('Internet');
  await expect(toHub.getByLabel('Next hop IP address')).toHaveCount(0);
  await toHub.getByLabel('Next hop type').selectOption('VirtualAppliance');
  await toHub.getByLabel('Next hop IP address').fill('10.1.0.4');

  await expect
    .poll(() => savedAccess(page))
    .toMatchObject({
      peeredVnets: [{ name: 'vnet-hub', appliance: { kind: 'azureFirewall', name: 'afw-hub', privateIp: '10.1.0.4' } }],
      routeTables: [
        {
          name: 'rt-postgres',
          vnet: 'vnet-app',
          subnets: ['snet-postgres'],
          routes: [{ name: 'to-hub', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance', nextHopIp: '10.1.0.4' }],
        },
      ],
    });
  await expectNoAxeViolations(page, 'the network step with a hub, its firewall and a route table');

  // A table that exists already: the exports associate the subnet with it and leave the table and its routes alone.
  const script = async () => {
    await openStep(page, 'Review');
    const panel = page.locator('section.export');
    await panel.getByRole('tab', { name: 'Azure CLI' }).click();
    await expect(panel.locator('.export__code')).toContainText("--route-table='rt-postgres'");
    return panel.locator('.export__code').textContent();
  };
  expect(await script()).toContain('az network route-table create');
  await openStep(page, 'Network');
  await rt.getByRole('checkbox', { name: 'The table exists already' }).check();
  await expect.poll(() => savedAccess(page)).toMatchObject({ routeTables: [{ name: 'rt-postgres', existing: true }] });
  const withExisting = await script();
  expect(withExisting).not.toContain('az network route-table create');
  expect(withExisting).not.toContain('az network route-table route create');
  await openStep(page, 'Network');

  // Renaming the delegated subnet renames it in the route table on it.
  await openStep(page, 'Delegated subnet');
  const subnetName = page.getByLabel('Subnet name');
  await subnetName.fill('snet-pg');
  await subnetName.press('Tab');
  await openStep(page, 'Network');
  const renamed = page.getByRole('group', { name: 'rt-postgres', exact: true });
  await expect(renamed.getByRole('checkbox', { name: 'snet-pg (delegated subnet)' })).toBeChecked();
  await expect.poll(() => savedAccess(page)).toMatchObject({ routeTables: [{ subnets: ['snet-pg'] }] });
  expect(watch.consoleErrors).toEqual([]);
});
