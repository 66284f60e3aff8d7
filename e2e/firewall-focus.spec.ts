/**
 * Issue 18, at 1280 px and 390 px: focus stays where the user works on the Firewall step (a new rule
 * focuses its name; Tab out of a start field holding a CIDR goes on to the end field), a pasted line's
 * `# comment` names its rule in the preview and in the plan, and the diagram's Download buttons look like
 * the app's other buttons.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openExample, openStep, startNewPlan, test } from './fixtures';

const WIDTHS = [1280, 390] as const;

const startOf = (page: Page, n: number) => page.getByLabel(`Start IPv4 of rule ${n}`, { exact: true });
const endOf = (page: Page, n: number) => page.getByLabel(`End IPv4 of rule ${n}`, { exact: true });
const nameOf = (page: Page, n: number) => page.getByLabel(`Name of rule ${n}`, { exact: true });

async function publicPlanAtFirewall(page: Page, width: number): Promise<void> {
  await page.setViewportSize({ width, height: 900 });
  await page.goto('/');
  await startNewPlan(page);
  await page.getByLabel('Server name').fill('pg-focus-e2e');
  await openStep(page, 'Connectivity method');
  await page.getByRole('radio', { name: /^Public access \(allowed IP addresses\) Connect/ }).check();
  await openStep(page, 'Firewall rules');
  await expect(page.getByRole('heading', { level: 2, name: /Firewall rules/ })).toBeVisible();
}

/** What has focus, as a short description ("BODY" when focus was lost). */
const focused = (page: Page): Promise<string> =>
  page.evaluate(() => {
    const el = document.activeElement;
    if (el === null || el === document.body) return 'BODY';
    return `${el.tagName} ${el.getAttribute('aria-label') ?? (el as HTMLInputElement).labels?.[0]?.textContent ?? ''}`;
  });

for (const width of WIDTHS) {
  test(`"Add a firewall rule" focuses the new rule's name, so a typed name lands there (${width} px)`, async ({
    page,
    watch,
  }) => {
    await publicPlanAtFirewall(page, width);
    await page.getByRole('button', { name: 'Add a firewall rule' }).click();
    await expect(nameOf(page, 1)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('office-vpn');
    await expect(nameOf(page, 1)).toHaveValue('office-vpn');
    await expect(startOf(page, 1)).toHaveValue('');
    expect(watch.consoleErrors).toEqual([]);
  });

  test(`Tab out of a start field holding a CIDR goes on to the end field, not to the page (${width} px)`, async ({
    page,
  }) => {
    await publicPlanAtFirewall(page, width);
    await page.getByRole('button', { name: 'Add a firewall rule' }).click();
    await startOf(page, 1).click();
    await page.keyboard.type('203.0.113.0/28');
    await page.keyboard.press('Tab');
    await expect(startOf(page, 1)).toHaveValue('203.0.113.0');
    await expect(endOf(page, 1)).toHaveValue('203.0.113.15');
    expect(await focused(page)).not.toBe('BODY');
    await expect(endOf(page, 1)).toBeFocused();
    // And Shift+Tab back, then a range: the same.
    await page.keyboard.press('Shift+Tab');
    await expect(startOf(page, 1)).toBeFocused();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('198.51.100.1-198.51.100.9');
    await page.keyboard.press('Tab');
    await expect(endOf(page, 1)).toHaveValue('198.51.100.9');
    await expect(endOf(page, 1)).toBeFocused();
  });

  test(`a pasted line's # comment names its rule, shown in the preview (${width} px)`, async ({ page }) => {
    await publicPlanAtFirewall(page, width);
    const box = page.getByLabel('IP addresses, CIDR blocks or ranges to allow');
    // A row copied from a spreadsheet with a comment, and a comment too short to be a rule name.
    await box.fill('198.51.100.1\t198.51.100.9 # Dublin office\n192.0.2.7 # HQ');
    const preview = page.getByRole('table', { name: 'Rules to add' });
    await expect(preview.getByRole('row')).toHaveCount(3);
    await expect(preview.getByRole('row').nth(1)).toContainText('Dublin-office');
    await expect(preview.getByRole('row').nth(2)).toContainText('HQ-ip-192-0-2-7');
    await expect(page.getByText(/entr(y|ies) refused/)).toHaveCount(0);
    await page.getByRole('button', { name: 'Add 2 rules' }).click();
    await expect(nameOf(page, 1)).toHaveValue('Dublin-office');
    await expect(startOf(page, 1)).toHaveValue('198.51.100.1');
    await expect(endOf(page, 1)).toHaveValue('198.51.100.9');
    await expect(nameOf(page, 2)).toHaveValue('HQ-ip-192-0-2-7');
  });

  test(`Download SVG and PNG are styled like the app's other buttons (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await openExample(page, /Hub and spoke/);
    await openStep(page, 'Review');
    const style = (button: Locator) =>
      button.evaluate((el) => {
        const s = getComputedStyle(el);
        return [s.backgroundColor, s.borderRadius, s.borderTopColor, s.paddingLeft, s.minHeight, s.fontFamily];
      });
    // A button of the Review step itself (the header's buttons are compacted on a phone).
    const reference = await style(page.getByRole('main').getByRole('button', { name: 'Download plan (.json)' }));
    for (const name of ['Download SVG', 'Download PNG']) {
      const button = page.getByRole('button', { name });
      await expect(button).toBeVisible();
      expect(await style(button), name).toEqual(reference);
      // The buttons stay inside the page at phone width.
      const box = await button.boundingBox();
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
    }
  });
}
