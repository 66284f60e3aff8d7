import { largePlan } from '../src/domain/samples';
import { hubSpokeFirewallPlan } from '../src/topology/testing/topology-plans';
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
  // A VNet by its title: another VNet's box may name it too ("peering with vnet-hub").
  const titled = (name: string) => peered.filter({ has: page.locator('text.topo-title', { hasText: name }) });
  await expect(titled('vnet-hub')).toHaveCount(1);
  await expect(titled('vnet-spoke-2')).toHaveCount(1);
  expect(await svg.locator('.topo-edge--peering').count()).toBeGreaterThanOrEqual(2);
  await expect(svg.locator('.topo-node--dnsZone')).toHaveAttribute(
    'aria-label',
    /contoso-orders\.private\.postgres\.database\.azure\.com/,
  );
  await expect(svg.locator('.topo-edge--zoneLink')).toHaveCount(3);
  await expect(svg.locator('.topo-node--azureDns')).toHaveAttribute('aria-label', /168\.63\.129\.16/);
  expect(await svg.locator('.topo-edge--dnsForward').count()).toBeGreaterThanOrEqual(1);
  const hub = titled('vnet-hub');
  await expect(hub).not.toHaveClass(/topo-node--pinned/);

  // Remove the hub's DNS link in the wizard: the hub holds the DNS server every VNet uses, so the diagram
  // marks it and drops the link line.
  await openStep(page, 'Private DNS zone');
  await page.getByLabel('Link vnet-hub (peered VNet)').uncheck();
  await openStep(page, 'Review');
  await expect(svg.locator('.topo-edge--zoneLink')).toHaveCount(2);
  await expect(hub).toHaveClass(/topo-node--pinned/);
  await expect(hub).toHaveAttribute('aria-label', /error/);
  expect(watch.consoleErrors).toEqual([]);
});

test('hub and spoke through a firewall: the firewall in the hub, route marks on subnets, no spoke–spoke line', async ({
  page,
  watch,
}) => {
  await page.addInitScript(
    (value) => localStorage.setItem('pgflex-netplan:state', value),
    persistedState(hubSpokeFirewallPlan(), 'review'),
  );
  await page.goto('/');
  const svg = page.locator('.topo svg.topo-svg');
  await expect(svg).toBeVisible();

  // The Azure Firewall, with its private IP, drawn inside the hub's box.
  const firewall = svg.locator('.topo-node--appliance');
  await expect(firewall).toHaveCount(1);
  await expect(firewall).toHaveAttribute(
    'aria-label',
    /^Azure Firewall: afw-hub\. Azure Firewall · private IP 10\.0\.1\.4\. in subnet AzureFirewallSubnet\./,
  );
  const hub = await svg.locator('[data-id="peer-0"] > .topo-box').boundingBox();
  const inside = await firewall.locator('.topo-box').boundingBox();
  expect(hub && inside).toBeTruthy();
  expect(inside!.x).toBeGreaterThan(hub!.x);
  expect(inside!.y).toBeGreaterThan(hub!.y);
  expect(inside!.x + inside!.width).toBeLessThan(hub!.x + hub!.width);
  expect(inside!.y + inside!.height).toBeLessThan(hub!.y + hub!.height);

  // Spoke-2's subnet carries its route table as a mark; the routes' next hops are in its tooltip.
  const subnet = svg.locator('[data-id="peer-1-subnet-0"]');
  await expect(subnet.locator('.topo-badge')).toHaveText('route table rt-spoke-2-app');
  await expect(subnet.locator(':scope > title')).toHaveText(
    'Route table rt-spoke-2-app: spoke-1: 10.1.0.0/16 → virtual appliance 10.0.1.4; ' +
      'blackhole: 10.9.0.0/16 → none (dropped).',
  );
  await expect(svg.locator('[data-id="delegated"] .topo-badge').nth(1)).toHaveText('route table rt-postgres');

  // Two peering lines, the server VNet–hub and hub–spoke-2 ones; none between the spokes.
  await expect(svg.locator('.topo-edge--peering')).toHaveCount(2);
  await expect(svg.locator('[data-id="peering-0-1"] > title')).toHaveText(
    'vnet-hub and vnet-spoke-2 are peered in both directions. vnet-hub → vnet-spoke-2: allows forwarded ' +
      'traffic. vnet-spoke-2 → vnet-hub: allows forwarded traffic.',
  );
  await expect(svg.locator('[data-id="peering-1"]')).toHaveCount(0);

  // The spoke's client line goes through the firewall that the checker's path crosses: two corners on its left side
  // (in, and back out), not straight into the server VNet.
  const box = firewall.locator('.topo-box');
  const [fx, fy, fh] = await Promise.all(['x', 'y', 'height'].map(async (a) => Number(await box.getAttribute(a))));
  const d = (await svg.locator('[data-id="path-0"] path.topo-line').getAttribute('d')) ?? '';
  const corners = [...d.matchAll(/(-?[\d.]+) (-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  expect(corners.filter(([x, y]) => x === fx && y > fy! && y < fy! + fh!)).toHaveLength(2);
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
