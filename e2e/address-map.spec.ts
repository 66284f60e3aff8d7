/**
 * The address plan map, at desktop and phone widths: special subnets and sizes, overlaps with a peered VNet and an
 * on-premises range, split and join by keyboard, "Use" and "Suggest a free /N" writing a subnet's prefix through
 * the form (so the rules run), the message when no block is free, and axe in both colour schemes.
 */
import { expect, expectNoAxeViolations, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { typicalPlan } from '../src/domain/samples';
import type { Plan } from '../src/domain/plan';
import { STORAGE_KEY } from '../src/store/store';
import { persistedState } from '../scripts/serve-build';

/** A small server VNet: 10.0.0.0/24 with app, the delegated subnet and a GatewaySubnet too small for Microsoft. */
function mapPlan(): Plan {
  const plan = typicalPlan();
  if (plan.access.mode !== 'private') throw new Error('The typical plan is a private-access plan.');
  const access = plan.access;
  const server = 'vnet-pg';
  // The typical plan's peerings name its server VNet, renamed here.
  const isServer = (name: string) => name.toLowerCase() === access.vnet.name.toLowerCase();
  const peering = (from: string, to: string) => ({
    from,
    to,
    allowForwardedTraffic: false,
    allowGatewayTransit: false,
    useRemoteGateways: false,
  });
  return {
    ...plan,
    access: {
      ...access,
      vnet: {
        ...access.vnet,
        name: server,
        addressSpaces: ['10.0.0.0/24'],
        subnets: [
          { name: 'app', prefix: '10.0.0.0/26' },
          { name: 'GatewaySubnet', prefix: '10.0.0.224/28' },
        ],
      },
      delegatedSubnet: { ...access.delegatedSubnet, name: 'snet-postgres', prefix: '10.0.0.64/28' },
      peeredVnets: [
        ...access.peeredVnets,
        {
          name: 'vnet-hub',
          region: 'westeurope',
          resourceGroup: 'rg-hub',
          subscription: '',
          addressSpaces: ['10.0.0.192/27'],
          zoneLink: false,
          dns: { kind: 'azure' },
          subnets: [],
          appliance: null,
        },
      ],
      peerings: [
        ...access.peerings.map((p) => ({
          ...p,
          from: isServer(p.from) ? server : p.from,
          to: isServer(p.to) ? server : p.to,
        })),
        // The hub is peered with the server VNet (both ways), so its overlap counts.
        peering(server, 'vnet-hub'),
        peering('vnet-hub', server),
      ],
      onPremises: [
        { name: 'hq', addressRanges: ['10.0.0.128/27'], connection: 'vpn', gatewayVnet: '', dnsForwarder: false },
      ],
    },
  };
}

async function openVnetStep(page: Page, width: number): Promise<Locator> {
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript(([key, value]) => localStorage.setItem(key, value), [
    STORAGE_KEY,
    persistedState(mapPlan(), 'vnet'),
  ] as const);
  await page.goto('/');
  const panel = page.getByRole('region', { name: 'Address plan' });
  await expect(panel).toBeVisible();
  return panel;
}

/** The block list of the server VNet's address space 10.0.0.0/24. */
const blocks = (panel: Locator) => panel.getByRole('list', { name: /^Blocks of 10\.0\.0\.0\/24/ });
const row = (panel: Locator, cidr: string) =>
  blocks(panel)
    .getByRole('listitem')
    .filter({ has: panel.page().locator('code', { hasText: new RegExp(`^${cidr.replace(/\./g, '\\.')}$`) }) });

for (const width of [1280, 390]) {
  test(`the map shows subnets, usable hosts, special subnets and overlaps at ${width} px`, async ({ page, watch }) => {
    const panel = await openVnetStep(page, width);
    await expect(row(panel, '10.0.0.0/26')).toContainText('app');
    await expect(row(panel, '10.0.0.0/26')).toContainText('64 addresses, 59 usable');
    await expect(row(panel, '10.0.0.0/26')).toContainText('5 reserved: 10.0.0.0–10.0.0.3 and 10.0.0.63');
    await expect(row(panel, '10.0.0.64/28')).toContainText('Delegated to Microsoft.DBforPostgreSQL/flexibleServers');
    const gateway = row(panel, '10.0.0.224/28');
    await expect(gateway).toContainText('GatewaySubnet: VPN or ExpressRoute gateway');
    await expect(gateway).toContainText('/28 is too small. Microsoft recommends /27 or larger for a gateway subnet.');
    // Overlaps with the on-premises range and the peered VNet, on the map and in the list.
    await expect(panel.getByText('10.0.0.128/27 is also used by on-premises hq (10.0.0.128/27)')).toBeVisible();
    await expect(panel.getByText('10.0.0.192/27 is also used by VNet vnet-hub (10.0.0.192/27)')).toBeVisible();
    await expect(row(panel, '10.0.0.128/26')).toContainText('Also used by on-premises hq (10.0.0.128/27)');
    await expect(panel.getByRole('img', { name: /^Map of 10\.0\.0\.0\/24 in vnet-pg: 3 subnets/ })).toBeVisible();
    // The other VNets: the hub's space overlaps the server VNet.
    await expect(panel.getByText('Other VNets (4, 1 overlapping)')).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });

  test(`split and join a free block with the keyboard at ${width} px`, async ({ page }) => {
    const panel = await openVnetStep(page, width);
    const split = panel.getByRole('button', { name: 'Split 10.0.0.96/27 in two /28' });
    await split.focus();
    await page.keyboard.press('Enter');
    await expect(row(panel, '10.0.0.96/28')).toBeVisible();
    await expect(row(panel, '10.0.0.112/28')).toContainText('16 addresses, 11 usable as a subnet');
    await expect(row(panel, '10.0.0.96/27')).toHaveCount(0);
    // Focus stays in the map, on the button that undoes the split.
    const join = panel.getByRole('button', { name: 'Join 10.0.0.96/28 and the next block into 10.0.0.96/27' });
    await expect(join).toBeFocused();
    // Down to /29, Azure's smallest subnet, and no further.
    await panel.getByRole('button', { name: 'Split 10.0.0.112/28 in two /29' }).click();
    await expect(row(panel, '10.0.0.120/29')).toContainText('8 addresses, 3 usable as a subnet');
    await expect(panel.getByRole('button', { name: /^Split 10\.0\.0\.120\/29/ })).toHaveCount(0);
    // Only two free halves of one block join: first the /29s, then the /28s.
    await expect(join).toHaveCount(0);
    await panel.getByRole('button', { name: 'Join 10.0.0.112/29 and the next block into 10.0.0.112/28' }).click();
    await expect(row(panel, '10.0.0.112/28')).toBeVisible();
    await join.focus();
    await page.keyboard.press('Enter');
    await expect(row(panel, '10.0.0.96/27')).toBeVisible();
    await expect(row(panel, '10.0.0.96/28')).toHaveCount(0);
    await expect(split).toBeFocused();
  });

  test(`"Use" and "Suggest a free /N" write a subnet's prefix through the form at ${width} px`, async ({ page }) => {
    const panel = await openVnetStep(page, width);
    await panel.getByLabel('Subnet to place').selectOption({ label: 'GatewaySubnet — 10.0.0.224/28' });
    await expect(panel.getByText('Microsoft recommends /27 or larger for a gateway subnet.').first()).toBeVisible();
    await panel.getByRole('button', { name: 'Use 10.0.0.96/27 for GatewaySubnet' }).click();
    await expect(page.getByLabel('Subnet 2 prefix')).toHaveValue('10.0.0.96/27');
    await expect(panel.getByRole('status')).toHaveText('GatewaySubnet: prefix set to 10.0.0.96/27.');
    await expect(panel.getByRole('status')).toBeFocused();
    await expect(row(panel, '10.0.0.96/27')).toContainText('GatewaySubnet');
    await expect(row(panel, '10.0.0.96/27')).not.toContainText('too small');

    // app: the best-fitting free /27, clear of the on-premises range (.128/27) and the hub (.192/27).
    await panel.getByLabel('Subnet to place').selectOption({ label: 'app — 10.0.0.0/26' });
    await panel.getByLabel('Block size').selectOption('27');
    await panel.getByRole('button', { name: 'Suggest a free /27' }).click();
    await expect(page.getByLabel('Subnet 1 prefix')).toHaveValue('10.0.0.160/27');
    await expect(panel.getByRole('status')).toHaveText(
      'app: prefix set to 10.0.0.160/27, the smallest free /27 that fits.',
    );
    await expect(row(panel, '10.0.0.160/27')).toContainText('app');

    // No free /24: a clear message, and the prefix is left as it is.
    await panel.getByLabel('Block size').selectOption('24');
    await panel.getByRole('button', { name: 'Suggest a free /24' }).click();
    await expect(panel.getByRole('status')).toHaveText(
      'No free /24 is left for app in 10.0.0.0/24, clear of the other subnets, peered VNets and on-premises ranges.',
    );
    await expect(page.getByLabel('Subnet 1 prefix')).toHaveValue('10.0.0.160/27');
  });
}

test('the map has no axe violations at 1280 px and 390 px, light and dark, with a split block', async ({ page }) => {
  const panel = await openVnetStep(page, 1280);
  await panel.getByRole('button', { name: 'Split 10.0.0.96/27 in two /28' }).click();
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `the address map at ${width} px, ${colorScheme}`);
    }
  }
});
