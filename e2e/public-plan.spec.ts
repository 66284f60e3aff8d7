/**
 * A public-access plan from an empty start: firewall rules checked live (IPv6 refused with the
 * documented wording, a CIDR turned into its range, the Azure-services warning), undo of a deleted
 * rule, a pasted list, TLS minimum, reload; and axe on the Firewall, Security and Clients steps.
 */
import { expect, expectNoAxeViolations, openExample, openStep, startNewPlan, test } from './fixtures';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';

const IPV4_ONLY =
  'The firewall rules must be in IPv4 format. If you specify firewall ' +
  "rules in IPv6 format, you'll get a validation error.";

function stepHeading(page: Page, title: string | RegExp): Locator {
  return page.getByRole('heading', { level: 2, name: title });
}

async function nextStep(page: Page, label: string, heading: string | RegExp): Promise<void> {
  const next = page.getByRole('button', { name: `Next: ${label} →` });
  await next.focus();
  await page.keyboard.press('Enter');
  await expect(stepHeading(page, heading)).toBeFocused();
}

/** The field wrapper (label, input, messages) of an input. */
function fieldOf(page: Page, input: Locator): Locator {
  return page.locator('.field', { has: input });
}

const startOf = (page: Page, n: number) => page.getByLabel(`Start IPv4 of rule ${n}`, { exact: true });
const endOf = (page: Page, n: number) => page.getByLabel(`End IPv4 of rule ${n}`, { exact: true });
const nameOf = (page: Page, n: number) => page.getByLabel(`Name of rule ${n}`, { exact: true });
const ruleRows = (page: Page) => page.getByRole('textbox', { name: /^Name of rule \d+$/ });

async function publicPlanAtFirewall(page: Page, server: string): Promise<void> {
  await page.goto('/');
  await startNewPlan(page);
  await expect(stepHeading(page, /Basics/)).toBeFocused();
  await page.getByLabel('Plan name').fill('Public e2e plan');
  await page.getByLabel('Server name').fill(server);
  await nextStep(page, 'Connectivity method', /Connectivity method/);
  await page.getByRole('radio', { name: /^Public access \(allowed IP addresses\) Connect/ }).check();
  await nextStep(page, 'Firewall rules', /Firewall rules/);
}

test('a public-access plan: firewall rules, Azure services, undo, TLS minimum, reload', async ({ page, watch }) => {
  await publicPlanAtFirewall(page, 'pg-public-e2e');
  await expect(page.getByText('No firewall rules yet.')).toBeVisible();
  await expect(page.getByRole('main').getByText('PGN-201', { exact: true })).toBeVisible();

  // An IPv6 start address is refused next to the field, with the documented wording (PGN-202).
  await page.getByRole('button', { name: 'Add a firewall rule' }).click();
  await expect(nameOf(page, 1)).toBeFocused();
  await expect(nameOf(page, 1)).toHaveValue('rule-1');
  await startOf(page, 1).fill('2001:db8::1');
  await startOf(page, 1).press('Tab');
  const startField = fieldOf(page, startOf(page, 1));
  await expect(startField).toContainText(IPV4_ONLY);
  await expect(startField.getByText('PGN-202', { exact: true })).toBeVisible();
  await expect(startOf(page, 1)).toHaveAttribute('aria-invalid', 'true');
  await expect(startOf(page, 1)).toHaveValue('2001:db8::1');

  // A CIDR typed into the start field becomes its range, with a note saying so (PGN-203).
  await startOf(page, 1).fill('203.0.113.0/28');
  await startOf(page, 1).press('Tab');
  await expect(startOf(page, 1)).toHaveValue('203.0.113.0');
  await expect(endOf(page, 1)).toHaveValue('203.0.113.15');
  await expect(
    page.getByRole('table').getByText(/203\.0\.113\.0\/28 was turned into its range 203\.0\.113\.0 – 203\.0\.113\.15/),
  ).toBeVisible();
  await expect(startField.getByText('PGN-202', { exact: true })).toHaveCount(0);
  await expect(startOf(page, 1)).toHaveAttribute('aria-invalid', 'false');

  // A single address fills the end too.
  await page.getByRole('button', { name: 'Add a firewall rule' }).click();
  await nameOf(page, 2).fill('office-cork');
  await startOf(page, 2).fill('198.51.100.7');
  await startOf(page, 2).press('Enter');
  await expect(endOf(page, 2)).toHaveValue('198.51.100.7');

  // The Azure-services warning is always visible, and the rule repeats it once the option is on (PGN-205).
  const azure = page.getByRole('checkbox', { name: /Allow public access from Azure services/ });
  await expect(page.getByText(/including other customers' subscriptions/)).toBeVisible();
  await azure.check();
  await expect(fieldOf(page, azure).getByText('PGN-205', { exact: true })).toBeVisible();

  // Undo (Ctrl+Z) restores a deleted rule.
  await page.getByRole('button', { name: /^Remove rule 2\b/ }).click();
  await expect(ruleRows(page)).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Rule office-cork removed' })).toBeAttached();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(ruleRows(page)).toHaveCount(2);
  await expect(nameOf(page, 2)).toHaveValue('office-cork');
  await expect(startOf(page, 2)).toHaveValue('198.51.100.7');
  await expect(azure).toBeChecked();

  // Security: TLS 1.1 as the minimum is refused (PGN-004), TLS 1.2 is fine.
  await nextStep(page, 'Security', /Security/);
  const minTls = page.getByLabel('Minimum TLS version (ssl_min_protocol_version)');
  await minTls.selectOption('TLSv1.1');
  await expect(fieldOf(page, minTls).getByText('PGN-004', { exact: true })).toBeVisible();
  await expect(minTls).toHaveAttribute('aria-invalid', 'true');
  await minTls.selectOption('TLSv1.2');
  await expect(fieldOf(page, minTls).getByText('PGN-004', { exact: true })).toHaveCount(0);

  // Reload keeps the plan.
  await page.reload();
  await expect(stepHeading(page, /Security/)).toBeVisible();
  await expect(page.getByLabel('Minimum TLS version (ssl_min_protocol_version)')).toHaveValue('TLSv1.2');
  await openStep(page, 'Firewall rules');
  await expect(ruleRows(page)).toHaveCount(2);
  await expect(startOf(page, 1)).toHaveValue('203.0.113.0');
  await expect(endOf(page, 1)).toHaveValue('203.0.113.15');
  await expect(nameOf(page, 2)).toHaveValue('office-cork');
  await expect(page.getByRole('checkbox', { name: /Allow public access from Azure services/ })).toBeChecked();
  await openStep(page, 'Basics');
  await expect(page.getByLabel('Server name')).toHaveValue('pg-public-e2e');

  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('a pasted list adds many rules with valid names and refuses IPv6 with the documented wording', async ({
  page,
  watch,
}) => {
  await publicPlanAtFirewall(page, 'pg-paste-e2e');
  const box = page.getByLabel('IP addresses, CIDR blocks or ranges to allow');
  await box.fill('198.51.100.7, 203.0.113.0/28\n2001:db8::/32\n192.0.2.1 - 192.0.2.20 # CI runners\n198.51.100.7');
  await expect(page.getByText('Preview: 3 rules to add, 1 entry already allowed, 1 entry refused.')).toBeVisible();
  const refused = page.getByRole('listitem').filter({ hasText: '2001:db8::/32' });
  await expect(refused).toContainText(IPV4_ONLY);
  await expect(refused).toContainText('Refused, line 2:');

  await page.getByRole('button', { name: 'Add 3 rules' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Added 3 rules' })).toBeVisible();
  await expect(ruleRows(page)).toHaveCount(3);
  await expect(nameOf(page, 1)).toHaveValue('ip-198-51-100-7');
  await expect(nameOf(page, 2)).toHaveValue('net-203-0-113-0-28');
  await expect(endOf(page, 2)).toHaveValue('203.0.113.15');
  // The comment on its line names the rule.
  await expect(nameOf(page, 3)).toHaveValue('CI-runners');
  // The refused entry stays in the box to be corrected; no rule carries a name error (PGN-207).
  await expect(box).toHaveValue('2001:db8::/32');
  await expect(page.getByText('PGN-207', { exact: true })).toHaveCount(0);

  // Undo takes the whole pasted batch back in one step.
  await page.getByRole('button', { name: 'Add a firewall rule' }).focus();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(ruleRows(page)).toHaveCount(0);

  expect(watch.consoleErrors).toEqual([]);
});

test('Clients: each kind can be added, with TLS and FQDN choices, and the checks below', async ({ page }) => {
  await publicPlanAtFirewall(page, 'pg-clients-e2e');
  await page.getByRole('button', { name: 'Add a firewall rule' }).click();
  await startOf(page, 1).fill('203.0.113.0/28');
  await startOf(page, 1).press('Tab');
  await openStep(page, 'Clients');
  await expect(stepHeading(page, /Clients/)).toBeFocused();

  await page.getByRole('button', { name: 'Add: A computer on the internet' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByLabel('Public IPv4 address').fill('203.0.113.9');
  await expect(page.getByLabel('Newest TLS version it speaks')).toHaveValue('TLSv1.2');
  const byIp = page.getByRole('checkbox', { name: 'Connects by IP address instead of the server name (FQDN)' });
  await byIp.check();
  await expect(fieldOf(page, byIp).getByText('PGN-007', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Can each client reach the server?' })).toBeVisible();

  // The kinds suited to private access are offered too.
  await page.getByRole('button', { name: 'Add: A subnet of the server VNet' }).click();
  await expect(page.getByRole('group', { name: /Client 2: A subnet of the server VNet/ })).toBeVisible();
  await page.getByRole('button', { name: /^Remove client 2\b/ }).click();
  await expect(page.getByRole('group', { name: /Client 2:/ })).toHaveCount(0);
});

test('Firewall, Security and Clients have no axe violations at 1280 px and 390 px', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await openExample(page, /Public access from office IP ranges/);
  await expect(stepHeading(page, /Basics/)).toBeVisible();
  for (const width of [1280, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await openStep(page, 'Firewall rules');
    await expect(stepHeading(page, /Firewall rules/)).toBeFocused();
    // Show a converted CIDR note, a row finding and the paste preview, so that they are checked too.
    await startOf(page, 2).fill('198.51.100.0/30');
    await startOf(page, 2).press('Tab');
    // The block is read once the focus has left the field, and the focus then goes on to the end field: wait for
    // that before typing elsewhere (typed at once, the pasted text could land in the end field).
    await expect(endOf(page, 2)).toHaveValue('198.51.100.3');
    await expect(endOf(page, 2)).toBeFocused();
    await page.getByLabel('IP addresses, CIDR blocks or ranges to allow').fill('192.0.2.200, 2001:db8::1');
    await expect(page.getByText(/Preview:/)).toBeVisible();
    await expectNoAxeViolations(page, `Firewall rules at ${width}px`);

    await openStep(page, 'Security');
    await expect(stepHeading(page, /Security/)).toBeFocused();
    await expectNoAxeViolations(page, `Security at ${width}px`);

    await openStep(page, 'Clients');
    await expect(stepHeading(page, /Clients/)).toBeFocused();
    await expect(page.getByRole('heading', { name: 'Can each client reach the server?' })).toBeVisible();
    await expectNoAxeViolations(page, `Clients at ${width}px`);
  }
});

test('a private-access plan that carries firewall rules: the step explains PGN-111 and removes them', async ({
  page,
  watch,
}) => {
  await page.goto('/');
  const example = JSON.parse(readFileSync(new URL('../examples/hub-and-spoke.json', import.meta.url), 'utf8')) as {
    access: Record<string, unknown>;
  };
  const plan = {
    ...example,
    access: {
      ...example.access,
      firewallRules: [{ name: 'office', startIp: '203.0.113.0', endIp: '203.0.113.15' }],
      allowAzureServices: true,
    },
  };
  await page.evaluate(
    (saved) => localStorage.setItem('pgflex-netplan:state', saved),
    JSON.stringify({ state: { plan, previousPlan: null, step: 'firewall', stashedAccess: {} }, version: 1 }),
  );
  await page.reload();
  await expect(stepHeading(page, /Firewall rules/)).toBeVisible();
  await expect(page.getByText(/has no public endpoint/).first()).toBeVisible();
  await expect(page.getByRole('main').getByText('PGN-111', { exact: true })).toHaveCount(2);
  await expect(page.getByRole('table', { name: 'The firewall rule in this plan' })).toContainText('203.0.113.15');

  await page.getByRole('button', { name: 'Remove all firewall rules' }).click();
  await expect(stepHeading(page, /Security/)).toBeFocused();
  const steps = page.getByRole('navigation', { name: 'Wizard steps' });
  await expect(steps.getByRole('button', { name: /Firewall rules/ })).toHaveCount(0);

  await page.keyboard.press('ControlOrMeta+z');
  await expect(steps.getByRole('button', { name: /Firewall rules/ })).toBeVisible();
  expect(watch.consoleErrors).toEqual([]);
});
