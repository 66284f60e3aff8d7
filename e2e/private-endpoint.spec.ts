/**
 * The portal's third choice, "Public access (allowed IP addresses) and Private endpoint", built from an empty start
 * through the wizard: a hub with the endpoint, the zone and the ExpressRoute gateway, a spoke resolving through the
 * hub's DNS resolver, an on-premises site forwarding the zone, public network access off. The clients' paths go
 * through the endpoint; unlinking the zone from the hub breaks the spoke's name resolution, and "Go to the field"
 * leads to the link. Then every format exports.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { STORAGE_KEY } from '../src/store/store';
import { expect, openStep, startNewPlan, test } from './fixtures';

const SERVER = 'pg-contoso-ledger';
const ENDPOINT = `pe-${SERVER}`;

async function typeInto(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(value);
}

/** Renames at once (the card's title follows the name) and leaves the field, so that the references follow it. */
async function rename(input: Locator, value: string): Promise<void> {
  await input.fill(value);
  await input.press('Tab');
}

const card = (page: Page, name: string): Locator => page.getByRole('group', { name, exact: true });

const clientCard = (page: Page, name: string): Locator =>
  page.locator('.checker-client', { has: page.getByRole('heading', { name: new RegExp(name) }) });

async function savedAccess(page: Page): Promise<unknown> {
  const saved = await page.evaluate((key) => localStorage.getItem(key), STORAGE_KEY);
  const parsed = JSON.parse(saved ?? '{}') as { state?: { plan?: { access?: unknown } } };
  return parsed.state?.plan?.access ?? null;
}

/** Adds a VNet on the Network step and names it, with its address space and subnets. */
async function addVnet(
  page: Page,
  name: string,
  resourceGroup: string,
  space: string,
  subnets: readonly [string, string][],
): Promise<Locator> {
  await page.getByRole('button', { name: 'Add a VNet' }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Added vnet-peered-1\.$/ })).toBeVisible();
  // The new VNet's card is the last; its title follows the name.
  await rename(page.getByLabel('VNet name').last(), name);
  const vnet = card(page, name);
  await typeInto(vnet.getByLabel('Resource group'), resourceGroup);
  await typeInto(vnet.getByLabel(`Address space 1 of ${name}`), space);
  for (const [i, [subnet, prefix]] of subnets.entries()) {
    await vnet.getByRole('button', { name: 'Add a subnet' }).click();
    await typeInto(vnet.getByLabel(`Subnet ${i + 1} name in ${name}`), subnet);
    await typeInto(vnet.getByLabel(`Subnet ${i + 1} prefix in ${name}`), prefix);
  }
  return vnet;
}

async function downloadZip(page: Page, panel: Locator): Promise<Record<string, string>> {
  const downloading = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download all (.zip)' }).click();
  const download = await downloading;
  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  return Object.fromEntries(Object.entries(entries).map(([name, bytes]) => [name, new TextDecoder().decode(bytes)]));
}

test('a hub with a private endpoint, built in the wizard: its paths, a zone link lost and found, 4 exports', async ({
  page,
  watch,
}) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await startNewPlan(page);

  // Basics.
  await typeInto(page.getByLabel('Server name'), SERVER);
  await typeInto(page.getByLabel('Resource group'), 'rg-ledger-data');

  // Connectivity: the portal's third choice. The Network and Private endpoints steps appear.
  await openStep(page, 'Connectivity method');
  await page.getByRole('radio', { name: /Public access \(allowed IP addresses\) and Private endpoint/ }).check();
  const steps = page.getByRole('navigation', { name: 'Wizard steps' });
  await expect(steps.getByRole('button', { name: /^\d*\s*Private endpoints/ })).toBeVisible();
  await expect(steps.getByRole('button', { name: /^\d*\s*Virtual network/ })).toHaveCount(0);

  // Network: the hub (endpoint subnet, resolver inbound subnet, gateway), a spoke using the resolver, the peerings
  // with gateway transit, and the office over ExpressRoute forwarding the zone to Azure.
  await openStep(page, 'Network');
  const hub = await addVnet(page, 'vnet-hub', 'rg-connectivity', '10.0.0.0/16', [
    ['snet-private-endpoints', '10.0.1.0/24'],
    ['snet-dns-inbound', '10.0.2.0/28'],
    ['GatewaySubnet', '10.0.255.0/27'],
  ]);
  const spoke = await addVnet(page, 'vnet-spoke-ledger-app', 'rg-ledger-app', '10.1.0.0/16', [
    ['snet-app', '10.1.1.0/24'],
  ]);
  await spoke.getByRole('radio', { name: 'Custom DNS servers' }).check();
  await typeInto(spoke.getByLabel('DNS server 1 IPv4 address'), '10.0.2.4');
  await spoke.getByRole('checkbox', { name: /Do these DNS servers forward to 168\.63\.129\.16/ }).check();
  await expect(hub).toBeVisible();

  await page.getByRole('button', { name: 'Add a peering' }).click();
  const there = page.getByRole('group', { name: 'Peering from vnet-hub to vnet-spoke-ledger-app', exact: true });
  await there.getByRole('checkbox', { name: 'Allow gateway transit' }).check();
  await there.getByRole('button', { name: /^Add the peering back/ }).click();
  const back = page.getByRole('group', { name: 'Peering from vnet-spoke-ledger-app to vnet-hub', exact: true });
  await back.getByRole('checkbox', { name: 'Use remote gateways' }).check();

  await page.getByRole('button', { name: 'Add an on-premises network' }).click();
  const office = card(page, 'On-premises network 1');
  await typeInto(office.getByLabel('Site name'), 'office-amsterdam');
  const site = card(page, 'office-amsterdam');
  await site.getByLabel('Connection').selectOption('expressRoute');
  await site.getByLabel('Gateway VNet').selectOption('vnet-hub');
  await typeInto(site.getByLabel('Address range 1 of office-amsterdam'), '192.168.10.0/24');
  await site.getByRole('checkbox', { name: 'On-premises DNS forwards the zone into Azure' }).check();
  await expect(site.getByLabel('Zone it forwards')).toHaveValue('postgres.database.azure.com');

  // Private endpoints: the endpoint in the hub's endpoint subnet, a static IP; the zone linked to the hub only.
  await openStep(page, 'Private endpoints');
  const endpoint = card(page, ENDPOINT);
  await endpoint.getByLabel('Virtual network').selectOption('vnet-hub');
  await endpoint.getByLabel('Subnet').selectOption('snet-private-endpoints');
  await typeInto(endpoint.getByLabel('Static private IP (optional)'), '10.0.1.10');
  await typeInto(endpoint.getByLabel('Resource group'), 'rg-connectivity');
  await endpoint.getByLabel('Network policies of snet-private-endpoints').selectOption('Disabled');
  // The one endpoint of this choice can't be removed here: the Connectivity step removes them all.
  await expect(endpoint.getByRole('button', { name: `Remove ${ENDPOINT}` })).toBeDisabled();
  await typeInto(page.getByLabel('Zone resource group'), 'rg-connectivity');
  await expect(page.getByLabel('Zone name')).toHaveValue('privatelink.postgres.database.azure.com');
  await expect(page.getByRole('checkbox', { name: 'Link vnet-hub' })).toBeChecked();
  await page.getByRole('checkbox', { name: 'Link vnet-spoke-ledger-app' }).uncheck();

  // Firewall: public network access off.
  await openStep(page, 'Firewall rules');
  await page.getByRole('checkbox', { name: /Allow public access to this resource through the internet/ }).uncheck();

  // Clients: one in the spoke, one in the office.
  await openStep(page, 'Clients');
  await page.getByRole('button', { name: 'Add: Another VNet (peered or not)' }).click();
  await page.getByLabel('Name', { exact: true }).last().fill('ledger-api');
  await page.getByLabel('VNet', { exact: true }).selectOption('vnet-spoke-ledger-app');
  await page.getByLabel('Address (optional)', { exact: true }).last().fill('10.1.1.20');
  await page.getByRole('button', { name: 'Add: An on-premises network' }).click();
  await page.getByLabel('Name', { exact: true }).last().fill('finance-office');
  await page.getByLabel('On-premises site').selectOption('office-amsterdam');
  await page.getByLabel('Address (optional)', { exact: true }).last().fill('192.168.10.25');

  const api = clientCard(page, 'ledger-api');
  const finance = clientCard(page, 'finance-office');
  await expect(api.locator('.checker-client__verdict')).toHaveText(/: Reachable$/);
  await expect(finance.locator('.checker-client__verdict')).toHaveText(/: Reachable$/);
  // A reachable client's path is folded: open it.
  await finance.getByText(/^Path, hop by hop/).click();
  const financeHops = finance.getByRole('list', { name: 'Hops of finance-office' });
  await expect(financeHops).toContainText('ExpressRoute gateway in vnet-hub');
  await expect(financeHops).toContainText(`Private endpoint ${ENDPOINT}`);

  // The plan has no error, and holds what was chosen.
  await openStep(page, 'Review');
  await expect(page.getByRole('complementary').getByRole('region', { name: 'Checks', exact: true })).toContainText(
    '0 errors',
  );
  await expect
    .poll(() => savedAccess(page))
    .toMatchObject({
      mode: 'public',
      publicNetworkAccess: false,
      privateDnsZone: { name: 'privatelink.postgres.database.azure.com', resourceGroup: 'rg-connectivity' },
      privateEndpoints: [
        { name: ENDPOINT, vnet: 'vnet-hub', subnet: 'snet-private-endpoints', privateIp: '10.0.1.10' },
      ],
      peerings: [
        { from: 'vnet-hub', to: 'vnet-spoke-ledger-app', allowGatewayTransit: true },
        { from: 'vnet-spoke-ledger-app', to: 'vnet-hub', useRemoteGateways: true },
      ],
      onPremises: [{ name: 'office-amsterdam', connection: 'expressRoute', gatewayVnet: 'vnet-hub' }],
    });

  // Unlink the zone from the hub: the spoke's resolver no longer finds the endpoint's record.
  await openStep(page, 'Private endpoints');
  await page.getByRole('checkbox', { name: 'Link vnet-hub' }).uncheck();
  await openStep(page, 'Clients');
  await expect(api.locator('.checker-client__verdict')).toHaveText(/Not reachable/);
  await expect(api).toContainText('name resolution');
  await api
    .getByRole('button', { name: /Go to the field for: .*link/i })
    .first()
    .click();
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('type', 'checkbox');
  await expect(page.getByRole('checkbox', { name: 'Link vnet-hub' })).toBeFocused();
  await focused.check();
  await openStep(page, 'Clients');
  await expect(api.locator('.checker-client__verdict')).toHaveText(/: Reachable$/);

  // Every format exports, each with the endpoint and its zone group.
  await openStep(page, 'Review');
  const panel = page.locator('section.export');
  // Each zip, all its files together (Bicep puts resources of other resource groups in modules).
  const expected: Record<string, RegExp> = {
    ARM: /Microsoft\.Network\/privateEndpoints[\s\S]*postgresqlServer/,
    Terraform: /azurerm_private_endpoint[\s\S]*private_dns_zone_group/,
    Bicep: /Microsoft\.Network\/privateEndpoints@[\s\S]*privateDnsZoneGroups/,
    'Azure CLI': /az network private-endpoint create[\s\S]*--group-id='postgresqlServer'[\s\S]*dns-zone-group create/,
  };
  for (const [tab, pattern] of Object.entries(expected)) {
    await panel.getByRole('tab', { name: tab }).click();
    const entries = await downloadZip(page, panel);
    expect(Object.values(entries).join('\n'), tab).toMatch(pattern);
  }
  expect(watch.consoleErrors).toEqual([]);
});
