/**
 * While a plan opened from a link is reviewed, the sidebar (step list, error badges, check counts) describes that
 * plan, the one on screen, never the visitor's own plan kept behind it; closing the review brings the own plan back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import type { Plan } from '../src/domain/plan';
import { readPlanDocument } from '../src/domain/parse';
import { evaluate } from '../src/rules';
import { encodePlanLink } from '../src/share';
import { usePlanner } from '../src/store/store';
import { stepForPath, visibleSteps } from '../src/features/wizard/steps';
import { expect, test } from './fixtures';

/** The public example with its server name removed: one error, on the Basics step. */
function openedPlan(): Plan {
  const file = join(import.meta.dirname, '..', 'examples', 'public-office.json');
  const read = readPlanDocument(JSON.parse(readFileSync(file, 'utf8')));
  if (!read.ok) throw new Error(`public-office.json: ${read.error.message}`);
  const [server, ...others] = read.plan.servers;
  if (server === undefined) throw new Error('public-office.json has no server.');
  return { ...read.plan, servers: [{ ...server, name: '' }, ...others] };
}

/** What the sidebar should say about a plan: its steps, its errors per step and its counts. */
function expected(plan: Plan) {
  const findings = evaluate(plan);
  const errors = findings.filter((f) => f.severity === 'error');
  const byStep = new Map<string, number>();
  for (const f of errors) {
    const step = stepForPath(f.path, plan.access.mode);
    byStep.set(step, (byStep.get(step) ?? 0) + 1);
  }
  return {
    steps: visibleSteps(plan).map((s) => s.label),
    badges: visibleSteps(plan).map((s) => byStep.get(s.id) ?? 0),
    errors: errors.length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}

const count = (text: string | null, what: RegExp) => Number(what.exec(text ?? '')?.[1] ?? Number.NaN);

/**
 * The step labels and the errors of each, as the step list shows them: an error on a field still empty is shown as
 * "to complete" until the field is visited, so both badges count.
 */
async function stepList(nav: Locator) {
  const items = nav.getByRole('button');
  const steps: string[] = [];
  const badges: number[] = [];
  for (const item of await items.all()) {
    steps.push((await item.locator('.steplist__label').textContent()) ?? '');
    let n = 0;
    for (const kind of ['error', 'pending']) {
      const badge = item.locator(`.badge--${kind}`);
      if ((await badge.count()) > 0) n += count(await badge.textContent(), /(\d+)/);
    }
    badges.push(n);
  }
  return { steps, badges };
}

async function sidebarCounts(page: Page) {
  const summary = page.getByRole('complementary').locator('.summary__counts');
  await expect(summary).not.toContainText('Checking');
  const pending = summary.locator('.summary__item--pending');
  return {
    errors:
      count(await summary.locator('.summary__item--error').textContent(), /(\d+) errors?/) +
      ((await pending.count()) === 0 ? 0 : count(await pending.textContent(), /(\d+) to complete/)),
    warnings: count(await summary.locator('.summary__item--warning').textContent(), /(\d+) warnings?/),
  };
}

for (const width of [1280, 390]) {
  test(`at ${width} px the sidebar of an opened link describes the opened plan, then the own one again`, async ({
    page,
  }) => {
    const opened = openedPlan();
    const own = usePlanner.getInitialState().plan;
    const want = expected(opened);
    const wantOwn = expected(own);
    // The case this guards against: the two plans differ in steps and in errors.
    expect(want.steps).not.toEqual(wantOwn.steps);
    expect(want.errors).not.toBe(wantOwn.errors);

    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/#${encodePlanLink(opened)}`);
    const review = page.locator('section[aria-labelledby="incoming-heading"]');
    await expect(review.getByRole('heading', { level: 2 })).toContainText('read-only review');
    const heading = await review.locator('#review-findings').textContent();
    expect(count(heading, /(\d+) errors?/)).toBe(want.errors);

    const nav = page.getByRole('navigation', { name: 'Wizard steps' });
    await expect(nav).toBeVisible();
    expect(await stepList(nav)).toEqual({ steps: want.steps, badges: want.badges });
    // The review is not one of the steps: none is marked as the one on screen.
    await expect(nav.locator('[aria-current]')).toHaveCount(0);
    // The drawer's title (on a phone the drawer is behind its button, so it is read without being on screen).
    await expect(page.locator('#summary-title')).toHaveText('Checks of the opened plan');
    expect(await sidebarCounts(page)).toEqual({ errors: want.errors, warnings: want.warnings });

    await page.getByRole('button', { name: 'Close and return to my plan' }).click();
    await expect(review).toHaveCount(0);
    expect(await stepList(nav)).toEqual({ steps: wantOwn.steps, badges: wantOwn.badges });
    await expect(nav.locator('[aria-current="step"]')).toHaveText(/Basics/);
    await expect(page.locator('#summary-title')).toHaveText('Checks');
    expect(await sidebarCounts(page)).toEqual({ errors: wantOwn.errors, warnings: wantOwn.warnings });
  });
}
