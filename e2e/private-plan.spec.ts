/**
 * A private-access plan built from an empty start, by keyboard and mouse, through the VNet, delegated
 * subnet, DNS zone and network steps; and axe on those four steps at desktop and phone widths.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';

const SERVER = 'pg-private-e2e';
const NETWORK = /Network: other VNets, peerings, routes and on-premises/;
const ZONE = `${SERVER}.private.postgres.database.azure.com`;

async function startNewPlan(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByRole('button', { name: 'New plan' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new plan?' });
  await dialog.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(dialog).toBeHidden();
}

function stepHeading(page: Page, title: string | RegExp): Locator {
  return page.getByRole('heading', { level: 2, name: title });
}

/** Goes to the next step with the keyboard: focus the "Next" button and press Enter. */
async function nextStep(page: Page, label: string | RegExp, heading: string | RegExp): Promise<void> {
  const next = page.getByRole('button', { name: typeof label === 'string' ? `Next: ${label} →` : label });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, heading)).toBeFocused();
}

async function openStep(page: Page, label: string, heading: string | RegExp): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByRole('button', { name: new RegExp(`^\\d*\\s*${label}`) })
    .click();
  await expect(stepHeading(page, heading)).toBeFocused();
}

/** The field wrapper (label, input, messages) of an input. */
function fieldOf(page: Page, input: Locator): Locator {
  return page.locator('.field', { has: input });
}

/** The message of rule `id` among the messages of a field (or any other container). */
function finding(container: Locator, id: string): Locator {
  return container.locator(`[data-rule="${id}"]`);
}

/** Clears an input and types a value key by key. */
async function typeInto(input: Locator, value: string): Promise<void> {
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.press('Backspace');
  await input.pressSequentially(value);
}

test('a private-access plan from an empty start: VNet, delegated subnet, DNS zone and network, checked live', async ({
  page,
}) => {
  const consoleErrors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));

  await startNewPlan(page);

  // Basics: the server's name.
  await typeInto(page.getByLabel('Server name'), SERVER);
  await nextStep(page, 'Connectivity method', /Connectivity method/);

  // Connectivity: private access.
  await page.getByRole('radio', { name: /Private access/ }).check();
  await nextStep(page, 'Virtual network', /Virtual network/);

  // Virtual network: name and address space.
  await typeInto(page.getByLabel('VNet name'), 'vnet-app');
  const space = page.getByLabel('Address space 1');
  await typeInto(space, '10.0.0.0/16');
  await expect(space).toHaveAttribute('aria-invalid', 'false');
  await nextStep(page, 'Delegated subnet', /Delegated subnet and NSG/);

  // Delegated subnet: a /29 is too small (PGN-108), "Suggest a free /28" fixes it.
  const subnetName = page.getByLabel('Subnet name');
  const prefix = page.getByLabel('Subnet prefix');
  await typeInto(subnetName, 'snet-postgres');
  await typeInto(prefix, '10.0.0.0/29');
  const prefixField = fieldOf(page, prefix);
  await expect(finding(prefixField, 'PGN-108')).toBeVisible();
  await expect(prefix).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Block size')).toHaveValue('28');
  await page.getByRole('button', { name: 'Suggest a free /28' }).click();
  await expect(prefix).toHaveValue('10.0.0.0/28');
  await expect(finding(prefixField, 'PGN-108')).toHaveCount(0);
  await expect(prefix).toHaveAttribute('aria-invalid', 'false');
  await expect(page.getByRole('status').filter({ hasText: 'Prefix set to 10.0.0.0/28' })).toBeVisible();
  // The helper shows the reserved addresses and the usable count of the chosen prefix.
  await expect(page.getByRole('table', { name: /Azure reserves 5 addresses of 10\.0\.0\.0\/28/ })).toContainText(
    '10.0.0.15',
  );
  await expect(page.getByText('11 (after the 5 reserved)')).toBeVisible();

  // A reserved subnet name is refused (PGN-105), then fixed.
  await typeInto(subnetName, 'GatewaySubnet');
  const nameField = fieldOf(page, subnetName);
  await expect(finding(nameField, 'PGN-105')).toBeVisible();
  await expect(subnetName).toHaveAttribute('aria-invalid', 'true');
  await typeInto(subnetName, 'snet-postgres');
  await expect(finding(nameField, 'PGN-105')).toHaveCount(0);
  await nextStep(page, 'Private DNS zone', /Private DNS zone/);

  // Private DNS zone: pre-filled with the suggested name; a wrong suffix is refused (PGN-131).
  const zone = page.getByLabel('Zone name');
  await expect(zone).toHaveValue(ZONE);
  await typeInto(zone, 'db.example.com');
  const zoneField = fieldOf(page, zone);
  await expect(finding(zoneField, 'PGN-131')).toBeVisible();
  await page.getByRole('button', { name: /Use suggested name/ }).click();
  await expect(zone).toHaveValue(ZONE);
  await expect(finding(zoneField, 'PGN-131')).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Link vnet-app (server VNet)' })).toBeChecked();
  await nextStep(page, 'Network', NETWORK);

  // Network: a peered VNet, peered both ways, but not linked to the zone.
  await page.getByRole('button', { name: 'Add a peered VNet' }).click();
  await expect(page.getByRole('group', { name: 'vnet-peered-1', exact: true })).toBeVisible();
  // The step has one VNet name field: the new VNet's (the server VNet's is on the Virtual network step).
  await typeInto(page.getByLabel('VNet name'), 'vnet-spoke');
  const spoke = page.getByRole('group', { name: 'vnet-spoke', exact: true });
  await typeInto(spoke.getByLabel('Address space 1 of vnet-spoke'), '10.1.0.0/16');
  // Both directions of the peering with the server VNet came with it, and followed its new name.
  await expect(page.getByRole('group', { name: 'Peering from vnet-app to vnet-spoke' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Peering from vnet-spoke to vnet-app' })).toBeVisible();
  const link = spoke.getByRole('checkbox', { name: 'Linked to the private DNS zone' });
  await link.uncheck();

  // Clients: a client in the peered VNet. Now the missing zone link is an error (PGN-134).
  await openStep(page, 'Clients', /Clients/);
  await page.getByRole('button', { name: 'Add: Another VNet (peered or not)' }).click();
  await expect(page.getByLabel('VNet', { exact: true })).toHaveValue('vnet-spoke');
  await openStep(page, 'Network', NETWORK);
  const linkField = spoke.locator('.field', {
    has: page.getByRole('checkbox', { name: 'Linked to the private DNS zone' }),
  });
  await expect(finding(linkField, 'PGN-134')).toBeVisible();
  await expect(linkField).toContainText('vnet-spoke');
  // Link it (keyboard: focus and Space), and the error goes.
  await link.focus();
  await page.keyboard.press('Space');
  await expect(link).toBeChecked();
  await expect(finding(linkField, 'PGN-134')).toHaveCount(0);

  // Review: no error anywhere in the plan.
  await openStep(page, 'Review', /Review/);
  await expect(page.getByRole('complementary').getByRole('region', { name: 'Checks', exact: true })).toContainText(
    '0 errors',
  );
  await expect(page.locator('main .finding--error')).toHaveCount(0);

  // The saved plan (autosaved after a short pause) holds what was typed.
  const savedAccess = async (): Promise<unknown> => {
    const saved = await page.evaluate(() => localStorage.getItem('pgflex-netplan:state'));
    const parsed = JSON.parse(saved ?? '{}') as { state?: { plan?: { access?: unknown } } };
    return parsed.state?.plan?.access ?? null;
  };
  await expect.poll(savedAccess).toMatchObject({
    mode: 'private',
    vnet: { name: 'vnet-app', addressSpaces: ['10.0.0.0/16'], zoneLink: true },
    delegatedSubnet: { name: 'snet-postgres', prefix: '10.0.0.0/28' },
    privateDnsZone: { name: ZONE },
    peeredVnets: [
      {
        name: 'vnet-spoke',
        addressSpaces: ['10.1.0.0/16'],
        zoneLink: true,
      },
    ],
    peerings: [
      { from: 'vnet-app', to: 'vnet-spoke', allowForwardedTraffic: false, useRemoteGateways: false },
      { from: 'vnet-spoke', to: 'vnet-app', allowForwardedTraffic: false, allowGatewayTransit: false },
    ],
  });
  expect(consoleErrors).toEqual([]);
});

test('the NSG editor adds the rules high availability needs in one click, at free priorities', async ({ page }) => {
  await startNewPlan(page);
  await typeInto(page.getByLabel('Server name'), SERVER);
  await page.getByLabel('High availability').selectOption('ZoneRedundant');
  await openStep(page, 'Virtual network', /Virtual network/);
  await typeInto(page.getByLabel('VNet name'), 'vnet-app');
  await typeInto(page.getByLabel('Address space 1'), '10.0.0.0/24');
  await openStep(page, 'Delegated subnet', /Delegated subnet and NSG/);
  await typeInto(page.getByLabel('Subnet name'), 'snet-postgres');
  await page.getByLabel('Block size').selectOption('27');
  await page.getByRole('button', { name: 'Suggest a free /27' }).click();
  await expect(page.getByLabel('Subnet prefix')).toHaveValue('10.0.0.0/27');

  await page.getByRole('checkbox', { name: 'Attach a network security group to the delegated subnet' }).check();
  await page.getByRole('button', { name: 'Add an inbound rule' }).click();
  await typeInto(page.getByLabel('Rule 1 name'), 'DenyAllIn');
  await page.getByLabel('Rule 1 access').selectOption('Deny');
  await typeInto(page.getByLabel('Rule 1 destination ports'), '*');
  await typeInto(page.getByLabel('Rule 1 source', { exact: true }), '*');
  await typeInto(page.getByLabel('Rule 1 priority'), '200');

  await page.getByRole('button', { name: 'Add the rules high availability needs' }).click();
  await expect(page.getByLabel('Rule 2 name')).toHaveValue('AllowPostgresHaInbound');
  await expect(page.getByLabel('Rule 2 priority')).toHaveValue('100');
  await expect(page.getByLabel('Rule 2 destination ports')).toHaveValue('5432, 6432');
  await expect(page.getByLabel('Rule 3 direction')).toHaveValue('Outbound');
  await expect(page.getByLabel('Rule 4 destination', { exact: true })).toHaveValue('Storage.westeurope');
  await expect(page.getByLabel('Rule 4 destination ports')).toHaveValue('443');
  await expect(page.locator('[data-rule="PGN-121"], [data-rule="PGN-122"]')).toHaveCount(0);

  // A second click adds nothing: the rules are there already.
  await page.getByRole('button', { name: 'Add the rules high availability needs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Nothing to add.' })).toBeVisible();
  await expect(page.getByLabel('Rule 5 name')).toHaveCount(0);

  // Removing the inbound rule brings PGN-121 back.
  await page.getByRole('button', { name: 'Remove rule 2' }).click();
  await expect(page.locator('[data-rule="PGN-121"]').first()).toBeVisible();
});

test('an NSG that exists already is associated, not written; an existing subnet needs an existing VNet', async ({
  page,
}) => {
  await startNewPlan(page);
  await typeInto(page.getByLabel('Server name'), SERVER);
  await openStep(page, 'Virtual network', /Virtual network/);
  await typeInto(page.getByLabel('VNet name'), 'vnet-app');
  await typeInto(page.getByLabel('Address space 1'), '10.0.0.0/24');
  await openStep(page, 'Delegated subnet', /Delegated subnet and NSG/);
  await typeInto(page.getByLabel('Subnet name'), 'snet-postgres');
  await page.getByRole('button', { name: 'Suggest a free /28' }).click();
  await page.getByRole('checkbox', { name: 'Attach a network security group to the delegated subnet' }).check();
  await page.getByRole('button', { name: 'Add the rules high availability needs' }).click();

  // The Azure CLI script as the Review step previews it.
  const script = async () => {
    await openStep(page, 'Review', /Review/);
    const panel = page.locator('section.export');
    await panel.getByRole('tab', { name: 'Azure CLI' }).click();
    await expect(panel.locator('.export__code')).toContainText("--network-security-group='nsg-snet-postgres'");
    return panel.locator('.export__code').textContent();
  };
  const written = await script();
  expect(written).toContain('az network nsg create');
  expect(written).toContain('az network nsg rule create');

  await openStep(page, 'Delegated subnet', /Delegated subnet and NSG/);
  await page.getByRole('checkbox', { name: 'The NSG exists already' }).check();
  const associated = await script();
  expect(associated).not.toContain('az network nsg create');
  expect(associated).not.toContain('az network nsg rule create');
  // A rule added to an existing NSG is added to the description only: the page says so.
  await openStep(page, 'Delegated subnet', /Delegated subnet and NSG/);
  await page.getByRole('button', { name: 'Remove rule 1' }).click();
  await page.getByRole('button', { name: 'Add the rules high availability needs' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'add these in Azure too' })).toBeVisible();

  // An existing subnet in the VNet this plan creates: PGN-115 says it can't be, until the VNet is an existing one.
  await page.getByRole('radio', { name: 'Use an existing subnet' }).check();
  await expect(finding(page.locator('main'), 'PGN-115').first()).toBeVisible();
  await openStep(page, 'Virtual network', /Virtual network/);
  await page.getByRole('radio', { name: 'Use an existing virtual network' }).check();
  await openStep(page, 'Delegated subnet', /Delegated subnet and NSG/);
  await expect(finding(page.locator('main'), 'PGN-115')).toHaveCount(0);
});

/** Fills in enough of a plan that every private-access step shows its tables and cards. */
async function buildPlanForAxe(page: Page): Promise<void> {
  await startNewPlan(page);
  await typeInto(page.getByLabel('Server name'), SERVER);
  await openStep(page, 'Virtual network', /Virtual network/);
  await typeInto(page.getByLabel('VNet name'), 'vnet-app');
  await typeInto(page.getByLabel('Address space 1'), '10.0.0.0/16');
  await page.getByRole('button', { name: 'Add a subnet' }).click();
  await typeInto(page.getByLabel('Subnet 1 name'), 'snet-app');
  await typeInto(page.getByLabel('Subnet 1 prefix'), '10.0.0.0/24');
  await page.getByRole('radio', { name: 'Custom DNS servers' }).check();
  await typeInto(page.getByLabel('DNS server 1 IPv4 address'), '10.0.0.4');
  await openStep(page, 'Delegated subnet', /Delegated subnet and NSG/);
  await typeInto(page.getByLabel('Subnet name'), 'snet-postgres');
  await page.getByRole('button', { name: 'Suggest a free /28' }).click();
  await page.getByRole('radio', { name: 'Use an existing subnet' }).check();
  await page.getByRole('checkbox', { name: 'Attach a network security group to the delegated subnet' }).check();
  await page.getByRole('button', { name: 'Add the rules high availability needs' }).click();
  await page.getByRole('button', { name: 'Split 10.0.1.128/25 in two /26' }).click();
  await openStep(page, 'Network', NETWORK);
  await page.getByRole('button', { name: 'Add a peered VNet' }).click();
  await typeInto(page.getByLabel('VNet name'), 'vnet-hub');
  const hub = page.getByRole('group', { name: 'vnet-hub', exact: true });
  await hub.getByRole('button', { name: 'Add a subnet' }).click();
  await typeInto(hub.getByLabel('Subnet 1 name in vnet-hub'), 'AzureFirewallSubnet');
  await typeInto(hub.getByLabel('Subnet 1 prefix in vnet-hub'), '10.1.0.0/26');
  await hub.getByRole('radio', { name: 'Azure Firewall' }).check();
  await typeInto(hub.getByLabel('Firewall name'), 'afw-hub');
  await typeInto(hub.getByLabel('Private IP address'), '10.1.0.4');
  // A one-way peering (its note and button), a route table with a route, and an on-premises network.
  await page.getByRole('button', { name: 'Remove the peering from vnet-hub to vnet-app' }).click();
  await page.getByRole('button', { name: 'Add a route table' }).click();
  await page.getByRole('button', { name: 'Add a route to Route table 1' }).click();
  await page.getByRole('button', { name: 'Add an on-premises network' }).click();
}

test('the four private-access steps have no axe violations at 1280 px and 390 px, light and dark', async ({ page }) => {
  test.setTimeout(360_000);
  await page.setViewportSize({ width: 1280, height: 900 });
  await buildPlanForAxe(page);
  const steps = [
    ['Virtual network', /Virtual network/],
    ['Delegated subnet', /Delegated subnet and NSG/],
    ['Private DNS zone', /Private DNS zone/],
    ['Network', NETWORK],
  ] as const;
  for (const width of [1280, 390]) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      for (const [label, heading] of steps) {
        await openStep(page, label, heading);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
        const violations = results.violations.map(
          (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
        );
        expect(violations, `axe on "${label}" at ${width} px, ${colorScheme}`).toEqual([]);
        // Nothing in the step runs off its side at phone width: wide tables scroll inside their own box.
        const overflow = await page.locator('main').evaluate((main) => main.scrollWidth - main.clientWidth);
        expect(overflow, `horizontal overflow on "${label}" at ${width} px`).toBeLessThanOrEqual(0);
      }
    }
  }
});
