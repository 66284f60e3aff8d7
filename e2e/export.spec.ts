import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import type { Page } from '@playwright/test';
import { expect, openExample, openStep, test } from './fixtures';

const EXPECTED: Record<string, string[]> = {
  ARM: ['azuredeploy.json', 'azuredeploy.parameters.json'],
  Terraform: ['main.tf', 'outputs.tf', 'terraform.tfvars.example', 'variables.tf', 'versions.tf'],
  Bicep: ['main.bicep', 'main.bicepparam'],
  'Azure CLI': ['deploy.sh'],
};

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

// One page per format: Chromium throttles a page that starts many downloads in a row.
for (const [tab, files] of Object.entries(EXPECTED)) {
  test(`from the Review step, ${tab} downloads file by file and as a zip holding the expected files`, async ({
    page,
  }) => {
    await page.goto('/');
    await openExample(page, /Hub and spoke/);
    await openStep(page, 'Review');
    const panel = page.locator('section.export');
    await panel.getByRole('tab', { name: tab }).click();
    await expect(panel.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
    const list = panel.getByRole('list', { name: 'Files' });
    for (const file of files) {
      const { name, bytes } = await downloadText(page, () =>
        list.getByRole('button', { name: `Download ${file}`, exact: true }).click(),
      );
      expect(name).toBe(file);
      expect(bytes.length).toBeGreaterThan(20);
      if (file.endsWith('.json')) expect(() => JSON.parse(bytes.toString('utf8'))).not.toThrow();
    }
    const zip = await downloadText(page, () => panel.getByRole('button', { name: 'Download all (.zip)' }).click());
    expect(zip.name).toMatch(/\.zip$/);
    const entries = unzipSync(new Uint8Array(zip.bytes));
    expect(Object.keys(entries)).toEqual(expect.arrayContaining(files));
    if (tab === 'Terraform') {
      // azurerm 5.x by default; the server never gets a public endpoint.
      const main = new TextDecoder().decode(entries['main.tf']);
      expect(main).toContain('public_network_access_enabled = false');
      expect(main).toContain('delegated_subnet_id');
      expect(new TextDecoder().decode(entries['versions.tf'])).toMatch(/azurerm[\s\S]*5\./);
    }
  });
}

test('a plan with errors exports only after "Export anyway", and the files list the errors', async ({ page }) => {
  await page.goto('/');
  await openExample(page, /Eight-subnet/);
  await openStep(page, 'Delegated subnet');
  await page.getByLabel('Subnet prefix').fill('10.0.3.0/29');
  await openStep(page, 'Review');
  const panel = page.locator('section.export');
  await panel.getByRole('tab', { name: 'Azure CLI' }).click();
  const download = panel
    .getByRole('list', { name: 'Files' })
    .getByRole('button', { name: 'Download deploy.sh', exact: true });
  await expect(download).toBeDisabled();
  await panel.getByLabel('Export anyway').check();
  const { bytes } = await downloadText(page, () => download.click());
  const script = bytes.toString('utf8');
  expect(script).toContain('PGN-108');
});

for (const width of [1280, 390]) {
  test(`the export has one heading, and each file's Download button keeps its word whole (${width} px)`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/');
    await openExample(page, /hub and spoke/i);
    await openStep(page, 'Review');
    const main = page.getByRole('main');
    await expect(main.getByRole('heading', { name: 'Export', exact: true })).toHaveCount(1);
    for (const tab of Object.keys(EXPECTED)) {
      await main.getByRole('tab', { name: tab }).click();
      const buttons = main.getByRole('list', { name: 'Files' }).getByRole('button', { name: /^Download / });
      await expect(buttons.first()).toBeVisible();
      // A label broken inside a word ("Downlo" / "ad") lays out as two line boxes.
      const lines = await buttons.evaluateAll((els) =>
        els.map((el) => {
          const range = document.createRange();
          range.selectNodeContents(el);
          return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
        }),
      );
      expect(lines.length).toBeGreaterThan(0);
      expect(lines, `${tab} at ${width} px`).toEqual(lines.map(() => 1));
    }
  });
}
