import { expect, expectNoAxeViolations, openExample, openStep, test } from './fixtures';

test(
  'the Review step, with diagram, checks, share and exports, has no axe ' +
    'violations at 1280 px and 390 px, light and dark',
  async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/');
    await openExample(page, /Hub and spoke/);
    for (const width of [1280, 390]) {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.setViewportSize({ width, height: 900 });
        await page.emulateMedia({ colorScheme });
        await openStep(page, 'Basics');
        await openStep(page, 'Review');
        await expect(page.locator('.topo svg.topo-svg')).toBeVisible();
        await expect(page.locator('section.export')).toBeVisible();
        await expect(page.locator('.checker-client').first()).toBeVisible();
        await expectNoAxeViolations(page, `Review at ${width}px (${colorScheme})`);
      }
    }
  },
);

for (const width of [1280, 390]) {
  test(`Review lists every finding by step and each one leads back to its field (${width} px)`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await openExample(page, /Eight-subnet/);
    await openStep(page, 'Delegated subnet');
    await page.getByLabel('Subnet name').fill('GatewaySubnet');
    await openStep(page, 'Review');
    const finding = page.getByRole('main').locator('.findings-by-step li', { hasText: 'PGN-105' });
    await expect(finding).toHaveCount(1);
    // Read out as people say it: the rule and the step, never an internal path such as access.delegatedSubnet.name.
    const go = finding.getByRole('button', { name: /Go to the field/ });
    await expect(go).toHaveAccessibleName('Go to the field of PGN-105 on the Delegated subnet step');
    // The rule IDs are the planner's own: the link to Microsoft's page doesn't say Microsoft uses them.
    await expect(finding.getByRole('link', { name: /Why\?/ })).toHaveAccessibleName(
      "Why? (Microsoft's documentation this rule comes from, opens a new tab)",
    );
    await go.click();
    await expect(page.getByLabel('Subnet name')).toBeFocused();
    await page.getByLabel('Subnet name').fill('postgres');
    await openStep(page, 'Review');
    await expect(page.getByRole('heading', { name: /Checks: 0 errors/ })).toBeVisible();
  });
}
