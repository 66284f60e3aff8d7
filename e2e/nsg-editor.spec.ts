/**
 * The NSG editor (issue 18), at 1280 px and 390 px: inbound and outbound apart, sorted by priority, with
 * Azure's default rules read-only underneath and one line per rule on what it does to the declared clients;
 * fields checked as typed (PGN-125) with service tags suggested; every field inside the screen; the priority
 * error readable; the focus kept when a rule is removed or changes direction; axe clean in both schemes.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openExample, openStep, test } from './fixtures';

const WIDTHS = [1280, 390] as const;

async function hubNsg(page: Page, width: number): Promise<Locator> {
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  await openStep(page, 'Delegated subnet');
  const nsg = page.locator('fieldset[data-path="access.delegatedSubnet.nsg"]');
  await expect(nsg).toBeVisible();
  return nsg;
}

const section = (page: Page, direction: 'Inbound' | 'Outbound') =>
  page.getByRole('region', { name: new RegExp(`^${direction} rules`) });

/** The names of a section's rules, top to bottom. */
const namesIn = (list: Locator) =>
  list
    .getByRole('listitem')
    .filter({ has: list.page().locator('.nsg-rule__name input') })
    .locator('.nsg-rule__name input')
    .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));

for (const width of WIDTHS) {
  test(`inbound and outbound apart, by priority, default rules underneath, effects on clients (${width} px)`, async ({
    page,
    watch,
  }) => {
    await hubNsg(page, width);
    const inbound = section(page, 'Inbound');
    const outbound = section(page, 'Outbound');
    const inboundList = inbound.getByRole('list', { name: 'Inbound rules, by priority' });
    expect(await namesIn(inboundList)).toEqual([
      'allow-postgres-in-subnet',
      'allow-postgres-from-spokes',
      'deny-all-inbound',
    ]);
    expect(await namesIn(outbound.getByRole('list', { name: 'Outbound rules, by priority' }))).toEqual([
      'allow-postgres-out-subnet',
      'allow-storage-out',
    ]);
    // Azure's default rules, read-only, under each direction.
    const inDefaults = inbound.locator('.nsg-default');
    await expect(inDefaults).toHaveCount(3);
    await expect(inDefaults.nth(0)).toContainText('65000 AllowVnetInBound Allow');
    await expect(inDefaults.nth(1)).toContainText('65001 AllowAzureLoadBalancerInBound Allow');
    await expect(inDefaults.nth(2)).toContainText('65500 DenyAllInBound Deny');
    const outDefaults = outbound.locator('.nsg-default');
    await expect(outDefaults.nth(0)).toContainText('65000 AllowVnetOutBound Allow');
    await expect(outDefaults.nth(1)).toContainText('65001 AllowInternetOutBound Allow');
    await expect(outDefaults.nth(2)).toContainText('65500 DenyAllOutBound Deny');
    await expect(inDefaults.locator('input, select')).toHaveCount(0);
    // What each rule does to the declared clients, from the checker.
    await expect(page.locator('[data-path="access.delegatedSubnet.nsg.rules.1"] .nsg-rule__effect')).toHaveText(
      'Rule 2 on the declared clients: Allows orders-api (10.20.1.0/24), reporting-app (10.30.1.10), ' +
        'analyst-laptops (192.168.10.0/24) → 5432.',
    );
    await expect(page.locator('[data-path="access.delegatedSubnet.nsg.rules.2"] .nsg-rule__effect')).toContainText(
      'No declared client is affected.',
    );

    // A deny rule moved above the allow: it sorts up when the priority field is left, and now blocks them.
    const priority = page.getByLabel('Rule 3 priority', { exact: true });
    await priority.fill('105');
    await priority.press('Tab');
    expect(await namesIn(inboundList)).toEqual([
      'allow-postgres-in-subnet',
      'deny-all-inbound',
      'allow-postgres-from-spokes',
    ]);
    await expect(page.getByLabel('Rule 3 name', { exact: true })).toBeFocused();
    await expect(page.locator('[data-path="access.delegatedSubnet.nsg.rules.2"] .nsg-rule__effect')).toContainText(
      'Blocks orders-api (10.20.1.0/24), reporting-app (10.30.1.10), analyst-laptops (192.168.10.0/24) → 5432.',
    );
    await expect(page.locator('[data-path="access.delegatedSubnet.nsg.rules.1"] .nsg-rule__effect')).toContainText(
      'No declared client is affected.',
    );
    expect(watch.consoleErrors).toEqual([]);
  });

  test(`every NSG field is inside the screen, without scrolling sideways (${width} px)`, async ({ page }) => {
    const nsg = await hubNsg(page, width);
    const main = page.locator('main');
    const mainBox = await main.boundingBox();
    const controls = nsg.locator('input, select, button');
    const count = await controls.count();
    expect(count).toBeGreaterThan(40);
    for (let i = 0; i < count; i += 1) {
      const box = await controls.nth(i).boundingBox();
      if (box === null) continue;
      expect(box.x, `control ${i}`).toBeGreaterThanOrEqual(mainBox?.x ?? 0);
      expect(box.x + box.width, `control ${i}`).toBeLessThanOrEqual(
        Math.min(width, (mainBox?.x ?? 0) + (mainBox?.width ?? 0)) + 1,
      );
    }
    // Nothing in the NSG card scrolls sideways (inputs scroll their own text), and names are not cut off.
    const overflowing = await nsg.evaluate((root) =>
      [root, ...root.querySelectorAll(':not(input, .visually-hidden, .visually-hidden *)')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible')
        .map((el) => el.className),
    );
    expect(overflowing).toEqual([]);
    const names = nsg.locator('.nsg-rule__name input');
    await expect(names).toHaveCount(5);
    const cut = await names.evaluateAll((inputs) =>
      inputs.filter((i) => i.scrollWidth > i.clientWidth).map((i) => (i as HTMLInputElement).value),
    );
    expect(cut).toEqual([]);
    const overflow = await main.evaluate((m) => m.scrollWidth - m.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test(`fields checked as typed, with service tags suggested (${width} px)`, async ({ page }) => {
    await hubNsg(page, width);
    const destination = page.getByLabel('Rule 5 destination', { exact: true });
    const listId = await destination.getAttribute('list');
    expect(listId).not.toBeNull();
    const tags = await page
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    expect(tags.slice(0, 4)).toEqual(['*', 'VirtualNetwork', 'AzureLoadBalancer', 'Internet']);
    expect(tags).toEqual(expect.arrayContaining(['AzureCloud', 'Storage', 'Sql', 'AzureActiveDirectory']));
    expect(tags).toContain('Storage.westeurope');

    await destination.click();
    await destination.press('ControlOrMeta+a');
    await destination.pressSequentially('Storage.westeruope');
    const field = page.locator('.field', { has: destination });
    await expect(field.locator('[data-rule="PGN-125"]')).toContainText('"westeruope" is not the programmatic name');
    await expect(destination).toHaveAttribute('aria-invalid', 'true');
    await destination.press('ControlOrMeta+a');
    await destination.pressSequentially('Storage.westeurope');
    await expect(field.locator('[data-rule="PGN-125"]')).toHaveCount(0);
    await expect(destination).toHaveAttribute('aria-invalid', 'false');
  });

  test(`the NSG priority error reads in lines of several words, not one word per line (${width} px)`, async ({
    page,
  }) => {
    await hubNsg(page, width);
    // A priority already used.
    const priority = page.getByLabel('Rule 2 priority', { exact: true });
    await priority.fill('100');
    await expect(priority).toHaveAttribute('aria-describedby', /.+/);
    const messagesId = await priority.getAttribute('aria-describedby');
    const message = page.locator(`[id="${messagesId}"] [data-rule="PGN-124"]`);
    await expect(message).toContainText('already used by inbound rule "allow-postgres-in-subnet"');
    const lines = await message.locator('.finding__message').evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    const words = ((await message.locator('.finding__message').textContent()) ?? '').split(/\s+/).length;
    expect(lines).toBeLessThanOrEqual(Math.ceil(words / 4));
  });

  test(`removing a rule focuses the next rule, the previous one or the Add button (${width} px)`, async ({ page }) => {
    await hubNsg(page, width);
    // The middle inbound rule: focus goes to the next one (deny-all-inbound, now rule 2).
    await page.getByRole('button', { name: 'Remove rule 2' }).click();
    await expect(page.getByLabel('Rule 2 priority', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Rule 2 name', { exact: true })).toHaveValue('deny-all-inbound');
    // The last inbound rule: focus goes to the previous one.
    await page.getByRole('button', { name: 'Remove rule 2' }).click();
    await expect(page.getByLabel('Rule 1 priority', { exact: true })).toBeFocused();
    await expect(page.getByLabel('Rule 1 name', { exact: true })).toHaveValue('allow-postgres-in-subnet');
    // The only inbound rule: focus goes to "Add an inbound rule".
    await page.getByRole('button', { name: 'Remove rule 1' }).click();
    await expect(page.getByRole('button', { name: 'Add an inbound rule' })).toBeFocused();
    // Adding focuses the new rule's name.
    await page.getByRole('button', { name: 'Add an outbound rule' }).click();
    const added = page.getByLabel('Rule 3 name', { exact: true });
    await expect(added).toBeFocused();
    await expect(page.getByLabel('Rule 3 direction', { exact: true })).toHaveValue('Outbound');
    // A rule that changes direction moves to the other list, and its direction field keeps the focus.
    await page.getByLabel('Rule 3 direction', { exact: true }).selectOption('Inbound');
    await expect(page.getByLabel('Rule 3 direction', { exact: true })).toBeFocused();
    expect(await namesIn(section(page, 'Inbound').getByRole('list', { name: 'Inbound rules, by priority' }))).toEqual([
      await added.inputValue(),
    ]);
  });
}

test('the NSG editor has no axe violations at 1280 px and 390 px, light and dark', async ({ page }) => {
  await hubNsg(page, 1280);
  // A field with an error too: its message is part of what axe checks.
  await page.getByLabel('Rule 5 destination', { exact: true }).fill('Storage.nowhere');
  for (const width of WIDTHS) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height: 900 });
      await page.emulateMedia({ colorScheme });
      await expectNoAxeViolations(page, `NSG editor at ${width} px, ${colorScheme}`);
    }
  }
});
