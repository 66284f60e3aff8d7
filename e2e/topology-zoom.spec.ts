/**
 * The topology diagram fits its box on open, zooms (buttons, keyboard) and pans, at 1280 px and 390 px;
 * the keyboard navigation and the SVG download are unchanged (the download is the drawing at 100 %).
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { persistedState } from '../scripts/serve-build';
import { examplePlan } from '../src/domain/testing/examples';
import { expect, openExample, openStep, test } from './fixtures';

const WIDTHS = [1280, 390] as const;
/** A phone's visible viewport once the browser's own bars are drawn (390 × 844 screen). */
const PHONE_HEIGHT = 664;

async function openDiagram(page: Page) {
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  await openStep(page, 'Review');
  const svg = page.locator('.topo svg.topo-svg');
  await expect(svg).toBeVisible();
  const canvas = page.locator('.topo .topo-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const zoom = page.getByRole('group', { name: 'Zoom of the diagram' });
  return { svg, canvas, zoom };
}

async function rect(locator: Locator) {
  const box = await locator.boundingBox();
  expect(box).not.toBeNull();
  return box!;
}

/** The drawing's natural size: the width and height attributes of the `<svg>`. */
function natural(svg: Locator) {
  return svg.evaluate((el) => ({ width: Number(el.getAttribute('width')), height: Number(el.getAttribute('height')) }));
}

/** The box's inner area (inside its 1 px border). */
async function inner(canvas: Locator) {
  return canvas.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return { x: r.left + el.clientLeft, y: r.top + el.clientTop, width: el.clientWidth, height: el.clientHeight };
  });
}

function pageScrollsSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.beforeEach(async ({ page }) => {
      await page.setViewportSize({ width, height: width === 390 ? PHONE_HEIGHT : 900 });
    });

    test('the diagram opens fitted, and zooms with the buttons and the keyboard', async ({ page, watch }) => {
      const { svg, canvas, zoom } = await openDiagram(page);
      const size = await natural(svg);

      // On open: the whole drawing inside the box, and the page does not scroll sideways.
      const fitted = await rect(svg);
      const box = await inner(canvas);
      expect(fitted.x).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(fitted.y).toBeGreaterThanOrEqual(box.y - 0.5);
      expect(fitted.x + fitted.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
      expect(fitted.y + fitted.height).toBeLessThanOrEqual(box.y + box.height + 0.5);
      expect(fitted.width / fitted.height).toBeCloseTo(size.width / size.height, 1);
      expect(await pageScrollsSideways(page)).toBe(false);
      await expect(zoom.getByRole('button', { name: 'Fit' })).toBeDisabled();
      await expect(zoom.getByRole('button', { name: 'Zoom out' })).toBeDisabled();
      await expect(zoom.getByRole('status')).toHaveText(`${Math.round((fitted.width / size.width) * 100)} %`);

      // Zoom in: larger, and Fit comes back.
      await zoom.getByRole('button', { name: 'Zoom in' }).click();
      await expect.poll(async () => (await rect(svg)).width).toBeGreaterThan(fitted.width * 1.2);
      await expect(zoom.getByRole('button', { name: 'Fit' })).toBeEnabled();
      await expect(zoom.getByRole('button', { name: 'Zoom out' })).toBeEnabled();
      expect(await pageScrollsSideways(page)).toBe(false);

      // Fit: back to the fitted size.
      await zoom.getByRole('button', { name: 'Fit' }).click();
      await expect.poll(async () => (await rect(svg)).width).toBeCloseTo(fitted.width, 0);
      await expect(zoom.getByRole('button', { name: 'Fit' })).toBeDisabled();

      // 100 %: the natural size (the box scrolls if the drawing is larger).
      await zoom.getByRole('button', { name: '100 %' }).click();
      await expect.poll(async () => (await rect(svg)).width).toBeCloseTo(size.width, 0);
      expect((await rect(svg)).height).toBeCloseTo(size.height, 0);
      await expect(zoom.getByRole('status')).toHaveText('100 %');
      await expect(zoom.getByRole('button', { name: '100 %' })).toBeDisabled();
      expect(await pageScrollsSideways(page)).toBe(false);

      // The keyboard, with the focus in the diagram: 0 fits, + zooms in, - zooms out.
      const first = svg.locator('[tabindex="0"]');
      await first.focus();
      await page.keyboard.press('0');
      await expect.poll(async () => (await rect(svg)).width).toBeCloseTo(fitted.width, 0);
      await page.keyboard.press('+');
      await expect.poll(async () => (await rect(svg)).width).toBeGreaterThan(fitted.width * 1.2);
      const zoomed = (await rect(svg)).width;
      await page.keyboard.press('-');
      await expect.poll(async () => (await rect(svg)).width).toBeLessThan(zoomed - 1);
      expect(watch.consoleErrors).toEqual([]);
    });

    test('zoomed in, the arrow keys still move the focus (kept in view) and Enter still goes to the field', async ({
      page,
      watch,
    }) => {
      // A finding pinned to the spoke VNet, to have somewhere to go with Enter: the hub and spoke example with
      // vnet-spoke-2 on Azure-provided DNS and not linked to the zone, although it holds a client (PGN-134).
      const example = examplePlan('hub-and-spoke');
      if (example.access.mode !== 'private') throw new Error('private example expected');
      const plan = {
        ...example,
        access: {
          ...example.access,
          peeredVnets: example.access.peeredVnets.map((p) =>
            p.name === 'vnet-spoke-2' ? { ...p, zoneLink: false, dns: { kind: 'azure' as const } } : p,
          ),
        },
      };
      await page.addInitScript(
        (value) => localStorage.setItem('pgflex-netplan:state', value),
        persistedState(plan, 'review'),
      );
      await page.goto('/');
      const svg = page.locator('.topo svg.topo-svg');
      await expect(svg).toBeVisible();
      const canvas = page.locator('.topo .topo-canvas');
      const zoom = page.getByRole('group', { name: 'Zoom of the diagram' });
      await zoom.getByRole('button', { name: 'Zoom in' }).click();
      await zoom.getByRole('button', { name: 'Zoom in' }).click();
      await zoom.getByRole('button', { name: 'Zoom in' }).click();

      await svg.locator('[tabindex="0"]').focus();
      const focusedId = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
      const start = await focusedId();
      expect(start).not.toBeNull();
      const seen = new Set([start]);
      for (const key of ['ArrowDown', 'ArrowRight', 'ArrowDown', 'ArrowRight', 'End']) {
        await page.keyboard.press(key);
        seen.add(await focusedId());
        // The focused element is brought into the visible part of the box.
        const box = await inner(canvas);
        await expect
          .poll(async () => {
            const r = await rect(page.locator('.topo svg.topo-svg :focus'));
            return (
              r.x + r.width > box.x && r.x < box.x + box.width && r.y + r.height > box.y && r.y < box.y + box.height
            );
          })
          .toBe(true);
      }
      expect(seen.size).toBeGreaterThan(2);

      const spoke = svg
        .locator('.topo-node--peeredVnet')
        .filter({ has: page.locator('text.topo-title', { hasText: 'vnet-spoke-2' }) });
      await expect(spoke).toHaveClass(/topo-node--pinned/);
      await spoke.focus();
      await page.keyboard.press('Enter');
      // The field the finding concerns: the spoke's zone link, in the step of the other VNets.
      await expect(page.getByRole('heading', { level: 2, name: /other VNets/ })).toBeVisible();
      await expect(
        page
          .getByRole('group', { name: 'vnet-spoke-2', exact: true })
          .getByRole('checkbox', { name: 'Linked to the private DNS zone' }),
      ).toBeFocused();
      expect(watch.consoleErrors).toEqual([]);
    });

    test('zoomed in, Download SVG is still the whole drawing at 100 %', async ({ page }) => {
      const { svg, zoom } = await openDiagram(page);
      const size = await natural(svg);
      await zoom.getByRole('button', { name: 'Zoom in' }).click();
      await zoom.getByRole('button', { name: 'Zoom in' }).click();
      await expect(zoom.getByRole('button', { name: 'Fit' })).toBeEnabled();

      const downloading = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download SVG' }).click();
      const text = readFileSync(await (await downloading).path(), 'utf8');
      const exported = await page.evaluate((markup) => {
        const root = new DOMParser().parseFromString(markup, 'image/svg+xml').documentElement;
        return {
          width: Number(root.getAttribute('width')),
          height: Number(root.getAttribute('height')),
          viewBox: root.getAttribute('viewBox'),
          style: root.getAttribute('style'),
        };
      }, text);
      // The title block (56 px) is added under the drawing; nothing of the zoom is in the file.
      expect(exported.width).toBe(size.width);
      expect(exported.viewBox).toBe(`0 0 ${size.width} ${exported.height}`);
      expect(exported.height - size.height).toBe(56);
      expect(exported.style).toBeNull();
    });
  });
}

test('Ctrl + wheel zooms around the pointer; a plain wheel scrolls the page, not the zoom', async ({ page }) => {
  const { svg, canvas, zoom } = await openDiagram(page);
  const fitted = await rect(svg);
  const box = await inner(canvas);
  const point = { x: box.x + box.width * 0.3, y: box.y + box.height * 0.4 };
  await page.mouse.move(point.x, point.y);

  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect((await rect(svg)).width).toBeCloseTo(fitted.width, 0);

  await canvas.scrollIntoViewIfNeeded();
  const before = await rect(svg);
  const at = await inner(canvas);
  const here = { x: at.x + at.width * 0.3, y: at.y + at.height * 0.4 };
  // The drawing's point under the pointer, as a fraction of the drawing.
  const fraction = { x: (here.x - before.x) / before.width, y: (here.y - before.y) / before.height };
  await page.mouse.move(here.x, here.y);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -100);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await rect(svg)).width).toBeGreaterThan(before.width * 1.1);
  const after = await rect(svg);
  expect(after.x + fraction.x * after.width).toBeCloseTo(here.x, -1);
  expect(after.y + fraction.y * after.height).toBeCloseTo(here.y, -1);
  await expect(zoom.getByRole('button', { name: 'Fit' })).toBeEnabled();

  // Dragging pans the zoomed drawing.
  const scrolled = () => canvas.evaluate((el) => el.scrollLeft + el.scrollTop);
  const panBefore = await scrolled();
  await page.mouse.move(here.x, here.y);
  await page.mouse.down();
  await page.mouse.move(here.x - 60, here.y - 40, { steps: 5 });
  await page.mouse.up();
  await expect.poll(scrolled).not.toBe(panBefore);
});

test('a two-finger pinch on a touch screen zooms the diagram', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: PHONE_HEIGHT });
  const { svg, canvas, zoom } = await openDiagram(page);
  const fitted = await rect(svg);
  const box = await inner(canvas);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 2 });
  const fingers = (spread: number) => [
    { x: cx - spread, y: cy, id: 1 },
    { x: cx + spread, y: cy, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: fingers(20) });
  for (let spread = 25; spread <= 80; spread += 5)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: fingers(spread) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await expect.poll(async () => (await rect(svg)).width).toBeGreaterThan(fitted.width * 2);
  await expect(zoom.getByRole('button', { name: 'Fit' })).toBeEnabled();
  expect(await pageScrollsSideways(page)).toBe(false);
});
