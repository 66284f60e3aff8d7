/**
 * Importing what is deployed, from the page: a bundle dropped anywhere on the page (or opened with the file button)
 * opens read-only with its diagram and what the import could not hold; once taken for editing, the fields Azure
 * can't change are read-only, the Clients step places the failing application by its address and names the failing
 * hop, its fix and the deployed resource, and Review compares the plan with another deployment.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { APP_ADDRESS, brokenBundles, hubSpokeBundle } from '../src/import/testing/bundles';
import { expect, expectNoAxeViolations, openStep, test } from './fixtures';

const unlinked = brokenBundles()[0];
if (unlinked === undefined || unlinked.name !== 'zone not linked to the spoke') throw new Error('the bundles changed');
const bundleText = JSON.stringify(unlinked.bundle, null, 2);

/** Drags a file over the page and drops it there (on the step, not on a drop area). */
async function dropOnPage(page: Page, name: string, contents: string, beforeDrop?: () => Promise<void>) {
  const transfer = await page.evaluateHandle(
    ([n, c]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([c], n, { type: 'application/json' }));
      return dt;
    },
    [name, contents] as const,
  );
  const target = page.locator('main');
  await target.dispatchEvent('dragenter', { dataTransfer: transfer });
  await target.dispatchEvent('dragover', { dataTransfer: transfer });
  await beforeDrop?.();
  await target.dispatchEvent('drop', { dataTransfer: transfer });
}

const reviewHeading = (page: Page) =>
  page.getByRole('heading', { level: 2, name: /Imported from a deployment · read-only review/ });

test('a bundle dropped on the page: its plan, diagram and report; read-only fields; the failing hop', async ({
  page,
  watch,
}) => {
  await page.goto('/');
  await page.getByLabel('Server name').fill('pg-mine');

  // A broken file says why at the top of the page and leaves the plan alone.
  await dropOnPage(page, 'cut.json', bundleText.slice(0, 300));
  const alert = page.getByRole('alert').filter({ hasText: 'cut.json' });
  await expect(alert).toContainText('The deployment could not be imported. “cut.json”: Not valid JSON at line');
  await alert.getByRole('button', { name: 'Dismiss' }).click();
  await expect(reviewHeading(page)).toHaveCount(0);

  await dropOnPage(page, 'unlinked.json', bundleText, async () => {
    // While a file is over the page, the page says where it goes.
    await expect(page.getByText('Drop the file to open it: a plan file, or a deployment')).toBeVisible();
  });
  await expect(page.getByText('Drop the file to open it')).toHaveCount(0);
  await expect(reviewHeading(page)).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'Imported “unlinked.json” for review' })).toHaveCount(1);
  const report = page.getByRole('region', { name: 'Imported but not modelled' });
  await expect(report).toContainText('Imported from unlinked.json (an inventory bundle), server pg-orders.');
  await expect(report).toContainText('ng-app (natGateways)');
  await expect(report).toContainText('Gateway ergw-hub connects on-premises networks');
  await expect(report).toContainText('fields that Azure can’t change after creation are read-only in the wizard');
  // The imported plan is drawn: the server's VNet, and the spoke the application runs in.
  await expect(page.locator('svg').getByText('vnet-orders-data', { exact: true }).first()).toBeVisible();
  await expect(page.locator('svg').getByText('vnet-app', { exact: true }).first()).toBeVisible();
  await expectNoAxeViolations(page, 'the review of a dropped deployment');

  // Taken for editing: the plan it replaced can be restored.
  await page.getByRole('button', { name: 'Edit this plan' }).click();
  await expect(page.getByText('Your previous plan “Untitled plan” was kept.')).toBeVisible();

  // What Azure can't change is shown, not offered, with the reason.
  const region = page.getByLabel('Region', { exact: true });
  await expect(region).toHaveValue('westeurope');
  await expect(region).toHaveAttribute('readonly', '');
  await expect(page.getByLabel('Server name')).toHaveAttribute('readonly', '');
  await expect(page.getByText('A deployed server stays in the region it was created in.')).toBeVisible();
  await expect(page.getByLabel('PostgreSQL version')).toBeEditable();
  await openStep(page, 'Connectivity');
  await expect(page.getByRole('radio', { name: /^Public access \(allowed IP addresses\) Connect/ })).toBeDisabled();
  await expect(page.getByText(/Read-only \(deployed\): Azure can’t change a server’s networking option/)).toBeVisible();
  await openStep(page, 'Delegated subnet');
  await expect(page.getByLabel('Subnet prefix')).toHaveAttribute('readonly', '');
  await expectNoAxeViolations(page, 'the read-only fields of an imported plan');

  // "Where does the failing application run?": the failing hop, the fix and the deployed resource to change.
  await openStep(page, 'Clients');
  const ask = page.getByRole('region', { name: 'Where does the failing application run?' });
  await ask.getByLabel('Application address').fill(APP_ADDRESS);
  await ask.getByRole('button', { name: 'Check this address' }).click();
  await expect(ask.getByRole('status')).toContainText(
    `${APP_ADDRESS} is in VNet vnet-app: added as client “app at ${APP_ADDRESS}”. Not reachable: fails at name ` +
      'resolution: link the zone to vnet-app.',
  );
  const failing = ask.getByRole('list', { name: `Where app at ${APP_ADDRESS} fails` });
  await expect(failing).toContainText('Fails');
  await expect(failing).toContainText(unlinked.hop.ruleId);
  await expect(failing).toContainText(unlinked.failingHop);
  await expect(failing).toContainText(`Deployed resource to change: ${unlinked.hop.resourceId}`);
  await expectNoAxeViolations(page, 'the failing hop of an imported deployment');

  // "Go to the field" lands on the missing zone link; once linked, the application is reachable.
  await failing.getByRole('button', { name: /Go to the field for: .*link the zone to vnet-app/i }).click();
  const focused = page.locator(':focus');
  await expect(focused).toHaveAttribute('type', 'checkbox');
  await focused.check();
  await openStep(page, 'Clients');
  const card = page.locator('.checker-client', {
    has: page.getByRole('heading', { name: new RegExp(`app at ${APP_ADDRESS.replace(/\./g, '\\.')}`) }),
  });
  await expect(card).toContainText('Reachable');
  await expect(card).not.toContainText('Not reachable');
  expect(watch.consoleErrors).toEqual([]);
});

test('the same bundle through the file button; the report survives a reload; compared with another', async ({
  page,
  watch,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'pgflex-e2e-import-'));
  try {
    const file = join(folder, 'unlinked.json');
    writeFileSync(file, bundleText);
    // The same deployment, with the server in another region (Azure can't move it) and vnet-app's DNS as it should be.
    const good = hubSpokeBundle();
    const moved = good.resources.map((r) =>
      !Array.isArray(r) && (r as { type: string }).type === 'Microsoft.DBforPostgreSQL/flexibleServers'
        ? { ...r, location: 'northeurope' }
        : r,
    );
    const other = join(folder, 'deployed.json');
    writeFileSync(other, JSON.stringify({ ...good, resources: moved }));

    await page.goto('/');
    await openStep(page, 'Review');
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open plan file…' }).click();
    await (await choosing).setFiles(file);
    await expect(reviewHeading(page)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Imported but not modelled' })).toContainText(
      'Imported from unlinked.json',
    );
    await page.getByRole('button', { name: 'Edit this plan' }).click();

    // Kept beside the plan, not in it: after a reload the report and the read-only fields are still there.
    await page.reload();
    await expect(page.getByLabel('Region', { exact: true })).toHaveAttribute('readonly', '');
    await openStep(page, 'Review');
    await expect(page.getByRole('region', { name: 'Imported but not modelled' })).toContainText('ng-app (natGateways)');

    const comparing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open a deployment to compare…' }).click();
    await (await comparing).setFiles(other);
    const differences = page.getByRole('region', { name: /differences between this plan and “deployed.json”/ });
    await expect(differences).toBeVisible();
    await expect(
      page.getByText(/2 differences between this plan and “deployed.json”; 1 of them Azure can’t apply/),
    ).toBeVisible();
    const region = differences.getByRole('row', { name: /Server pg-orders region/ });
    await expect(region).toContainText('westeurope');
    await expect(region).toContainText('northeurope');
    await expect(region).toContainText('Not in place: A resource stays in the region it was created in');
    const dns = differences.getByRole('row', { name: /VNet vnet-app DNS servers/ });
    await expect(dns).toContainText('access.peeredVnets.1.dns');
    await expect(dns).toContainText('In place');
    await expectNoAxeViolations(page, 'the comparison with a deployment');
    expect(watch.consoleErrors).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
