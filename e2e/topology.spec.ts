import { largePlan } from '../src/domain/samples';
import { persistedState } from '../scripts/serve-build';
import { expect, openExample, openStep, test } from './fixtures';

test('the hub-and-spoke example is drawn as architects draw it, and a removed DNS link is marked', async ({
  page,
  watch,
}) => {
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  await openStep(page, 'Review');
  const svg = page.locator('.topo svg.topo-svg');
  await expect(svg).toBeVisible();
  await expect(svg.locator('.topo-node--serverVnet')).toHaveAttribute('aria-label', /vnet-orders-data/);
  await expect(svg.locator('.topo-node--delegatedSubnet')).toHaveAttribute('aria-label', /10\.20\.0\.0\/28/);
  await expect(svg.locator('.topo-node--server')).toHaveAttribute(
    'aria-label',
    /pg-contoso-orders\.postgres\.database\.azure\.com/,
  );
  const peered = svg.locator('.topo-node--peeredVnet');
  await expect(peered).toHaveCount(2);
  await expect(peered.filter({ has: page.locator('text', { hasText: 'vnet-hub' }) })).toHaveCount(1);
  await expect(peered.filter({ has: page.locator('text', { hasText: 'vnet-spoke-2' }) })).toHaveCount(1);
  expect(await svg.locator('.topo-edge--peering').count()).toBeGreaterThanOrEqual(2);
  await expect(svg.locator('.topo-node--dnsZone')).toHaveAttribute(
    'aria-label',
    /contoso-orders\.private\.postgres\.database\.azure\.com/,
  );
  await expect(svg.locator('.topo-edge--zoneLink')).toHaveCount(3);
  await expect(svg.locator('.topo-node--azureDns')).toHaveAttribute('aria-label', /168\.63\.129\.16/);
  expect(await svg.locator('.topo-edge--dnsForward').count()).toBeGreaterThanOrEqual(1);
  const spoke = peered.filter({ has: page.locator('text', { hasText: 'vnet-spoke-2' }) });
  await expect(spoke).not.toHaveClass(/topo-node--pinned/);

  // Remove the spoke's DNS link in the wizard: the diagram marks that VNet and drops the link line.
  await openStep(page, 'Private DNS zone');
  await page.getByLabel('Link vnet-spoke-2 (peered VNet)').uncheck();
  await openStep(page, 'Review');
  await expect(svg.locator('.topo-edge--zoneLink')).toHaveCount(2);
  await expect(spoke).toHaveClass(/topo-node--pinned/);
  await expect(spoke).toHaveAttribute('aria-label', /error/);
  expect(watch.consoleErrors).toEqual([]);
});

test(
  'the large plan draws with no overlapping boxes (its render time is ' + 'printed; npm run bench holds the budget)',
  async ({ page }) => {
    await page.addInitScript(
      (value) => localStorage.setItem('pgflex-netplan:state', value),
      persistedState(largePlan(1), 'review'),
    );
    await page.goto('/');
    const svg = page.locator('.topo svg.topo-svg');
    await expect(svg).toBeVisible({ timeout: 30_000 });
    const { renderMs, overlaps, boxes } = await page.evaluate(() => {
      const measures = performance.getEntriesByName('topology:render');
      const renderMs = measures.length > 0 ? measures[measures.length - 1]!.duration : Number.NaN;
      const rects = [...document.querySelectorAll('.topo svg.topo-svg .topo-box')].map((el) =>
        el.getBoundingClientRect(),
      );
      const inside = (a: DOMRect, b: DOMRect) =>
        a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.top >= b.top - 0.5 && a.bottom <= b.bottom + 0.5;
      const overlaps: string[] = [];
      for (let i = 0; i < rects.length; i += 1) {
        for (let j = i + 1; j < rects.length; j += 1) {
          const a = rects[i]!;
          const b = rects[j]!;
          const intersect =
            a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
          if (intersect && !inside(a, b) && !inside(b, a)) overlaps.push(`${i}×${j}`);
        }
      }
      return { renderMs, overlaps, boxes: rects.length };
    });
    console.log(
      `large plan diagram: ${boxes} boxes, render ${renderMs.toFixed(1)} ms (budget 100 ms, measured by bench)`,
    );
    expect(boxes).toBeGreaterThan(20);
    expect(overlaps).toEqual([]);
    expect(Number.isFinite(renderMs)).toBe(true);
  },
);
