/** Shared end-to-end helpers: a page that records console errors and requests to other origins. */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export interface Watch {
  consoleErrors: string[];
  foreignRequests: string[];
}

export const test = base.extend<{ watch: Watch }>({
  watch: async ({ page, baseURL }, use) => {
    const watch: Watch = { consoleErrors: [], foreignRequests: [] };
    const origin = new URL(baseURL ?? 'http://127.0.0.1/').origin;
    page.on('console', (msg) => {
      if (msg.type() === 'error') watch.consoleErrors.push(msg.text());
    });
    page.on('pageerror', (err) => watch.consoleErrors.push(err.message));
    page.on('request', (req) => {
      const url = req.url();
      if (/^(data|blob|about):/.test(url)) return;
      if (new URL(url).origin !== origin) watch.foreignRequests.push(url);
    });
    await use(watch);
  },
});

export { expect };

/** Runs axe (WCAG 2 A and AA) and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page, context: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe violations on ${context}`).toEqual([]);
}

/** Starts from an empty plan (confirming the dialog). */
export async function startNewPlan(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New plan' }).click();
  await page.getByRole('button', { name: 'Discard and start new' }).click();
}

/** Opens a step from the step list. */
export async function openStep(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Wizard steps' })
    .getByRole('button', { name: new RegExp(`^\\d*\\s*${label}`) })
    .click();
}

/** Loads one of the examples through the UI. */
export async function openExample(page: Page, title: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'Start from an example' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start from an example' });
  await dialog.getByRole('button', { name: title }).click();
  await expect(dialog).toBeHidden();
}
