/**
 * A client's path in the diagram: pointing at a client, or moving the keyboard focus to it, traces its whole way
 * to the server (its boxes and lines drawn thicker, the rest faded) without changing the drawing's size; leaving
 * it, or Escape, clears the trace.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, openExample, openStep, test } from './fixtures';

/** reporting-app, in the spoke vnet-spoke-2: over its peering into the server VNet, down to the server. */
const SPOKE_PATH = {
  boxes: ['client-1', 'peer-1', 'vnet', 'delegated', 'server-0'],
  lines: ['peering-1', 'path-1'],
};
/** Elements of the other clients' ways, and of none. */
const ELSEWHERE = {
  boxes: ['peer-0', 'site-0', 'gateway-0', 'client-0', 'client-2', 'zone'],
  lines: ['peering-0', 'gw-vnet-0', 'path-0', 'path-2', 'link-vnet'],
};

async function openDiagram(page: Page): Promise<Locator> {
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  await openStep(page, 'Review');
  const svg = page.locator('.topo svg.topo-svg');
  await expect(svg).toBeVisible();
  await page.locator('.topo .topo-canvas').scrollIntoViewIfNeeded();
  return svg;
}

const box = (svg: Locator, id: string) => svg.locator(`g.topo-node[data-id="${id}"]`);
const line = (svg: Locator, id: string) => svg.locator(`g.topo-edge[data-id="${id}"]`);

async function expectTraced(svg: Locator, traced: { boxes: string[]; lines: string[] }, not = ELSEWHERE) {
  await expect(svg).toHaveClass(/topo-svg--tracing/);
  for (const id of traced.boxes) await expect(box(svg, id), id).toHaveClass(/topo-node--traced/);
  for (const id of traced.lines) await expect(line(svg, id), id).toHaveClass(/topo-edge--traced/);
  for (const id of not.boxes) await expect(box(svg, id), id).not.toHaveClass(/--traced/);
  for (const id of not.lines) await expect(line(svg, id), id).not.toHaveClass(/--traced/);
}

async function expectNoTrace(svg: Locator) {
  await expect(svg).not.toHaveClass(/topo-svg--tracing/);
  await expect(svg.locator('.topo-node--traced, .topo-edge--traced')).toHaveCount(0);
}

const size = (svg: Locator) =>
  svg.evaluate((el) => {
    const r = el.getBoundingClientRect();
    return [el.getAttribute('width'), el.getAttribute('height'), el.getAttribute('viewBox'), r.width, r.height];
  });

test('pointing at a spoke client traces its path to the server, and leaving it clears the trace', async ({
  page,
  watch,
}) => {
  const svg = await openDiagram(page);
  const before = await size(svg);
  await expectNoTrace(svg);

  await box(svg, 'client-1').hover();
  await expectTraced(svg, SPOKE_PATH);
  // Drawn: the path's lines thicker, the rest faded; the drawing keeps its size.
  await expect(line(svg, 'peering-1').locator('.topo-line')).toHaveCSS('stroke-width', '4.5px');
  await expect(box(svg, 'peer-0')).toHaveCSS('opacity', '0.3');
  await expect(line(svg, 'peering-0')).toHaveCSS('opacity', '0.3');
  await expect(box(svg, 'peer-1')).toHaveCSS('opacity', '1');
  expect(await size(svg)).toEqual(before);

  // The office's client goes through the hub: its VPN gateway, the hub, the hub's peering.
  await box(svg, 'client-2').hover();
  await expectTraced(
    svg,
    { boxes: ['client-2', 'site-0', 'gateway-0', 'peer-0', 'vnet', 'server-0'], lines: ['gw-vnet-0', 'peering-0'] },
    { boxes: ['peer-1', 'client-1'], lines: ['peering-1', 'path-1'] },
  );

  await page.mouse.move(2, 2);
  await expectNoTrace(svg);
  expect(watch.consoleErrors).toEqual([]);
});

test('moving the focus to the spoke client with the arrow keys traces the same path; Escape clears it', async ({
  page,
  watch,
}) => {
  const svg = await openDiagram(page);
  await svg.locator('[tabindex="0"]').focus();
  const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-id') ?? null);
  const centre = async (l: Locator) => {
    const r = await l.boundingBox();
    expect(r).not.toBeNull();
    return { x: r!.x + r!.width / 2, y: r!.y + r!.height / 2 };
  };
  // Arrow keys towards the client's box, along the larger distance first, as a reader would.
  const target = await centre(box(svg, 'client-1'));
  for (let i = 0; i < 20 && (await focused()) !== 'client-1'; i += 1) {
    const at = await centre(svg.locator(':focus'));
    const [dx, dy] = [target.x - at.x, target.y - at.y];
    await page.keyboard.press(
      Math.abs(dx) > Math.abs(dy) ? (dx > 0 ? 'ArrowRight' : 'ArrowLeft') : dy > 0 ? 'ArrowDown' : 'ArrowUp',
    );
  }
  expect(await focused()).toBe('client-1');
  await expectTraced(svg, SPOKE_PATH);

  await page.keyboard.press('Escape');
  await expectNoTrace(svg);
  // The focus stays where it was; moving it traces again.
  expect(await focused()).toBe('client-1');
  expect(watch.consoleErrors).toEqual([]);
});
