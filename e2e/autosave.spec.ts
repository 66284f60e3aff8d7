import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { PLAN_FORMAT_VERSION } from '../src/domain/plan';
import { expect, expectNoAxeViolations, openStep, test } from './fixtures';

const KEY = 'pgflex-netplan:state';

/** The stored autosave, parsed loosely (a test may store anything there; null when it is not a saved state). */
async function stored(page: Page): Promise<{ name?: string; server?: string; previous?: string } | null> {
  return page.evaluate((key) => {
    try {
      const text = localStorage.getItem(key);
      const state = (
        JSON.parse(text ?? 'null') as {
          state?: { plan?: { name?: string; servers?: { name?: string }[] }; previousPlan?: { name?: string } | null };
        } | null
      )?.state;
      if (state === undefined) return null;
      return { name: state.plan?.name, server: state.plan?.servers?.[0]?.name, previous: state.previousPlan?.name };
    } catch {
      return null;
    }
  }, KEY);
}

async function keptCopies(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((k) => k.startsWith('pgflex-netplan:kept:'))
      .map((k) => localStorage.getItem(k) ?? ''),
  );
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const downloading = page.waitForEvent('download');
  await click();
  const download = await downloading;
  const path = await download.path();
  return { name: download.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

test('a corrupted autosave is shown on screen, kept through edits and reloads, and downloads as it was', async ({
  page,
  watch,
}) => {
  const corrupt = '{"state":{"plan":{"formatVersion":1,"name":"Hours of work","servers":[{"name":"pg-lost"';
  await page.goto('/');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, corrupt] as const);
  await page.reload();

  const message = page.getByRole('alert').filter({ hasText: 'The plan saved in this browser could not be read' });
  await expect(message).toBeVisible();
  await expect(message).toContainText('it is not valid JSON. A new plan was started.');
  await expect(page.getByLabel('Plan name')).toHaveValue('Untitled plan');
  await expectNoAxeViolations(page, 'the unreadable-autosave message');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'the unreadable-autosave message (dark)');
  await page.emulateMedia({ colorScheme: 'light' });

  const file = await downloadText(page, () => message.getByRole('button', { name: 'Download saved text' }).click());
  expect(file).toEqual({ name: 'unreadable-saved-state.txt', text: corrupt });

  // The first autosave does not destroy it: after an edit and a reload it is still there.
  await page.getByLabel('Plan name').fill('Fresh start');
  await expect.poll(() => stored(page)).toMatchObject({ name: 'Fresh start' });
  expect(await keptCopies(page)).toEqual([corrupt]);
  await page.reload();
  await expect(page.getByLabel('Plan name')).toHaveValue('Fresh start');
  await expect(message).toBeVisible();

  // Only "Dismiss" lets it go.
  await message.getByRole('button', { name: 'Dismiss' }).click();
  await expect(message).toBeHidden();
  expect(await keptCopies(page)).toEqual([]);
  await page.reload();
  await expect(page.getByLabel('Plan name')).toHaveValue('Fresh start');
  await expect(message).toBeHidden();
  expect(watch.consoleErrors).toEqual([]);
});

test('a saved state of another store version opens with a message and survives the first edit', async ({ page }) => {
  const other = JSON.stringify({ state: { plan: { formatVersion: 1, name: 'From a newer planner' } }, version: 2 });
  await page.goto('/');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, other] as const);
  await page.reload();
  const message = page.getByRole('alert').filter({ hasText: 'The plan saved in this browser could not be read' });
  await expect(message).toContainText('it was saved by a newer version of the planner (saved state version 2');
  await page.getByLabel('Plan name').fill('First edit');
  await expect.poll(() => stored(page)).toMatchObject({ name: 'First edit' });
  expect(await keptCopies(page)).toEqual([other]);
  const file = await downloadText(page, () => message.getByRole('button', { name: 'Download saved text' }).click());
  expect(file).toEqual({ name: 'unreadable-saved-state.json', text: other });
});

test('a stashed access that fails its schema: the plan opens, the part is reported, switching mode works', async ({
  page,
  watch,
}) => {
  const plan = JSON.parse(
    readFileSync(join(import.meta.dirname, '..', 'src', 'share', 'fixtures', 'v1-typical.plan.json'), 'utf8'),
  ) as { name: string };
  const saved = JSON.stringify({
    state: {
      plan,
      previousPlan: null,
      step: 'connectivity',
      stashedAccess: { public: { mode: 'public', firewallRules: 'not-a-list' } },
    },
    version: 1,
  });
  await page.goto('/');
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, saved] as const);
  await page.reload();

  const message = page.getByRole('alert').filter({ hasText: 'Part of what was saved in this browser' });
  await expect(message).toContainText('the public-access settings kept for switching back');
  await expect(message).toContainText('The rest opened as saved.');
  await page.getByRole('radio', { name: /^Public access \(allowed IP addresses\) Connect/ }).check();
  await openStep(page, 'Basics');
  await expect(page.getByLabel('Plan name')).toHaveValue(plan.name);
  const file = await downloadText(page, () => message.getByRole('button', { name: 'Download saved text' }).click());
  expect(file.text).toBe(saved);
  expect(watch.consoleErrors).toEqual([]);
});

test('storage full after the network is gone: the message and its plan download came with the page', async ({
  page,
  context,
}) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function (this: Storage, key: string) {
      if (key.startsWith('pgflex-netplan'))
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  // The messages' code is fetched about a second after the load event, the plan-file writer with it.
  const fetched = page.waitForResponse(
    async (r) => r.url().endsWith('.js') && (await r.text()).includes('not being saved in this browser'),
  );
  await page.goto('/');
  await fetched;
  await context.setOffline(true);
  await page.getByLabel('Plan name').fill('Saved offline');
  const message = page.getByRole('alert').filter({ hasText: 'Your changes are not being saved in this browser' });
  await expect(message).toBeVisible();
  const file = await downloadText(page, () => message.getByRole('button', { name: 'Download plan' }).click());
  // A plan file, named after the plan (not the plain JSON kept for when the writer could not be loaded).
  expect(file.name).toBe('saved-offline.json');
  expect(JSON.parse(file.text)).toMatchObject({ formatVersion: PLAN_FORMAT_VERSION, name: 'Saved offline' });
});

test('storage full: a persistent message with "Download plan", cleared by the next save that succeeds', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const { setItem } = Object.getOwnPropertyDescriptors(Storage.prototype);
    Object.assign(window, { storageFull: true });
    Storage.prototype.setItem = function (this: Storage, key: string, value: string) {
      if ((window as unknown as { storageFull: boolean }).storageFull)
        throw new DOMException(`Setting the value of '${key}' exceeded the quota.`, 'QuotaExceededError');
      Reflect.apply(setItem?.value as (k: string, v: string) => void, this, [key, value]);
    };
  });
  await page.goto('/');
  await page.getByLabel('Plan name').fill('Too big to keep');

  const message = page.getByRole('alert').filter({ hasText: 'Your changes are not being saved in this browser' });
  await expect(message).toContainText('the browser’s storage for this page is full');
  await expectNoAxeViolations(page, 'the storage-full message');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoAxeViolations(page, 'the storage-full message (dark)');
  const file = await downloadText(page, () => message.getByRole('button', { name: 'Download plan' }).click());
  expect(file.name).toBe('too-big-to-keep.json');
  expect(JSON.parse(file.text)).toMatchObject({ formatVersion: PLAN_FORMAT_VERSION, name: 'Too big to keep' });

  // It stays while saving keeps failing…
  await page.getByLabel('Server name').fill('pg-still-unsaved');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(message).toBeVisible();
  expect(await stored(page)).toBeNull();

  // …and goes once a save succeeds.
  await page.evaluate(() => Object.assign(window, { storageFull: false }));
  await page.getByLabel('Server name').fill('pg-saved');
  await expect(message).toBeHidden();
  expect(await stored(page)).toMatchObject({ name: 'Too big to keep', server: 'pg-saved' });
});

test('two tabs: changes reach a tab with nothing unsaved; a tab with unsaved work asks instead of overwriting', async ({
  context,
}) => {
  // The clock is the context's: it runs as usual until paused, and then holds both tabs' delayed saves.
  await context.clock.install();
  const b = await context.newPage(); // opened first
  await b.goto('/');
  const a = await context.newPage();
  await a.goto('/');

  // A renames: B, with nothing unsaved, follows; B's next edit builds on A's rename.
  await a.getByLabel('Plan name').fill('Renamed in A');
  await expect(b.getByLabel('Plan name')).toHaveValue('Renamed in A');
  await b.getByLabel('Server name').fill('pg-from-b');
  await expect(a.getByLabel('Server name')).toHaveValue('pg-from-b');
  expect(await stored(a)).toMatchObject({ name: 'Renamed in A', server: 'pg-from-b' });

  // With time held, B's next edit waits unsaved; A saves a newer rename as it is put away (pagehide).
  await context.clock.pauseAt((await b.evaluate(() => Date.now())) + 1000);
  await b.getByLabel('Server name').fill('pg-unsaved-in-b');
  await a.getByLabel('Plan name').fill('Newer rename in A');
  await a.evaluate(() => window.dispatchEvent(new Event('pagehide')));
  expect(await stored(a)).toMatchObject({ name: 'Newer rename in A', server: 'pg-from-b' });
  // Time runs again: B's delayed save comes due, and B asks instead of writing.
  await context.clock.runFor(5000);
  const ask = b.getByRole('alert').filter({ hasText: 'This plan was changed in another tab' });
  await expect(ask).toContainText('“Newer rename in A”');
  expect(await stored(a)).toMatchObject({ name: 'Newer rename in A', server: 'pg-from-b' });
  await expect(b.getByLabel('Server name')).toHaveValue('pg-unsaved-in-b');
  await context.clock.resume();
  await expectNoAxeViolations(b, 'the other-tab question');
  expect(await stored(a)).toMatchObject({ name: 'Newer rename in A', server: 'pg-from-b' });

  // "Keep mine": B's plan is saved, A follows, and A's rename stays restorable in both tabs.
  await ask.getByRole('button', { name: 'Keep mine' }).click();
  await expect(ask).toBeHidden();
  expect(await stored(a)).toMatchObject({
    name: 'Renamed in A',
    server: 'pg-unsaved-in-b',
    previous: 'Newer rename in A',
  });
  await expect(a.getByLabel('Server name')).toHaveValue('pg-unsaved-in-b');
  await expect(a.getByText('Your previous plan “Newer rename in A” was kept.')).toBeVisible();
  await expect(b.getByText('Your previous plan “Newer rename in A” was kept.')).toBeVisible();
});

test('while an opened link is reviewed, undo and redo are off (buttons and Ctrl+Z); the plan stays as it is', async ({
  page,
}) => {
  const link = readFileSync(
    join(import.meta.dirname, '..', 'src', 'share', 'fixtures', 'v1-public-office.link.txt'),
    'utf8',
  ).trim();
  await page.goto('/');
  await page.getByLabel('Server name').fill('pg-mine');
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await expect(undo).toBeEnabled();

  await page.goto(`/#${link}`);
  await expect(page.getByText('read-only review')).toBeVisible();
  await expect(page.getByText('Undo and redo are off while you review')).toBeVisible();
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();
  await page.keyboard.press('ControlOrMeta+z');
  await page.keyboard.press('ControlOrMeta+Shift+z');
  await expect(undo).toBeDisabled();
  await expect.poll(() => stored(page)).toMatchObject({ server: 'pg-mine' });

  await page.getByRole('button', { name: 'Close and return to my plan' }).click();
  await expect(page.getByLabel('Server name')).toHaveValue('pg-mine');
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(page.getByLabel('Server name')).toHaveValue('');
});
