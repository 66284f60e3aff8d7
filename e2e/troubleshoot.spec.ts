/**
 * Starting from what is deployed: a deployment (the inventory script's bundle) opened with the file button or dropped
 * on the Review step opens read-only with what the import could not hold; once taken, the Clients step places a failing
 * application by its address, and its check names the failing hop; "Go to the field" fixes it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APP_ADDRESS, brokenBundles } from '../src/import/testing/bundles';
import { expect, expectNoAxeViolations, openStep, test } from './fixtures';

const unlinked = brokenBundles()[0];
if (unlinked === undefined) throw new Error('the test bundles changed');
const text = JSON.stringify(unlinked.bundle, null, 2);

test('a bundle opened with the file button: the imported plan, what it could not hold, then the failing hop', async ({
  page,
  watch,
}) => {
  const folder = mkdtempSync(join(tmpdir(), 'pgflex-e2e-import-'));
  try {
    const file = join(folder, 'bundle.json');
    writeFileSync(file, text);
    await page.goto('/');
    await openStep(page, 'Review');
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open plan file…' }).click();
    await (await choosing).setFiles(file);

    await expect(
      page.getByRole('heading', { level: 2, name: /Imported from a deployment · read-only review/ }),
    ).toBeVisible();
    const report = page.getByRole('region', { name: 'Imported but not modelled' });
    await expect(report).toContainText('Imported from bundle.json');
    await expect(report).toContainText('ng-app (natGateways)');
    await expect(report).toContainText('Gateway ergw-hub connects on-premises networks');
    // The imported plan is drawn: the server's VNet and the spoke the application runs in.
    await expect(page.locator('svg').getByText('vnet-app', { exact: true }).first()).toBeVisible();
    await expectNoAxeViolations(page, 'the review of an imported deployment');

    await page.getByRole('button', { name: 'Edit this plan' }).click();
    await openStep(page, 'Clients');
    await page.getByLabel('Application address').fill(APP_ADDRESS);
    await page.getByRole('button', { name: 'Check this address' }).click();
    await expect(page.getByRole('status').filter({ hasText: `${APP_ADDRESS} is in VNet vnet-app` })).toBeVisible();
    const card = page.locator('.checker-client', {
      has: page.getByRole('heading', { name: new RegExp(`app at ${APP_ADDRESS.replace(/\./g, '\\.')}`) }),
    });
    await expect(card).toContainText('Not reachable');
    await expect(card).toContainText('fails at name resolution: link the zone to vnet-app');

    // "Go to the field" lands on the missing link; adding it makes the application reachable.
    await card
      .getByRole('button', { name: /Go to the field for: .*link the zone to vnet-app/i })
      .first()
      .click();
    const focused = page.locator(':focus');
    await expect(focused).toHaveAttribute('type', 'checkbox');
    await focused.check();
    await openStep(page, 'Clients');
    await expect(card).toContainText('Reachable');
    await expect(card).not.toContainText('Not reachable');
    expect(watch.consoleErrors).toEqual([]);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a bundle dropped on the drop area opens the same way; a broken one says why and leaves the plan alone', async ({
  page,
}) => {
  await page.goto('/');
  await openStep(page, 'Review');
  const drop = page.locator('.plan-file__drop');
  const dropText = async (name: string, contents: string) => {
    const transfer = await page.evaluateHandle(
      ([n, c]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([c], n, { type: 'application/json' }));
        return dt;
      },
      [name, contents] as const,
    );
    await drop.dispatchEvent('dragover', { dataTransfer: transfer });
    await drop.dispatchEvent('drop', { dataTransfer: transfer });
  };
  await dropText('cut.json', text.slice(0, 300));
  const alert = page.getByRole('alert').filter({ hasText: 'cut.json' });
  await expect(alert).toContainText('The deployment could not be imported.');
  await expect(alert).toContainText('“cut.json”: Not valid JSON at line');
  await expect(page.getByRole('heading', { level: 2, name: /read-only review/ })).toHaveCount(0);

  await dropText('bundle.json', text);
  await expect(
    page.getByRole('heading', { level: 2, name: /Imported from a deployment · read-only review/ }),
  ).toBeVisible();
  await expect(page.getByRole('region', { name: 'Imported but not modelled' })).toBeVisible();
});
