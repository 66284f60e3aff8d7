import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectNoAxeViolations, openExample, openStep, test } from './fixtures';

const SLUG = 'contoso-orders-hub-and-spoke';

/** The hub-and-spoke example in the Review step, with a finding pinned to the diagram (the hub's DNS link removed). */
async function openDiagram(page: Page) {
  await page.goto('/');
  await openExample(page, /Hub and spoke/);
  await openStep(page, 'Private DNS zone');
  await page.getByLabel('Link vnet-hub (peered VNet)').uncheck();
  await openStep(page, 'Review');
  const svg = page.locator('.topo svg.topo-svg');
  await expect(svg).toBeVisible();
  await expect(svg.locator('.topo-marker').first()).toBeVisible();
  return { svg, controls: page.getByRole('group', { name: 'Export the diagram' }) };
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const downloading = page.waitForEvent('download');
  await click();
  const file = await downloading;
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** What the browser's own XML parser makes of a file: its error, if any, and a few counts. */
function readXml(page: Page, text: string, type: 'image/svg+xml' | 'application/xml') {
  return page.evaluate(
    ([t, mime]) => {
      const doc = new DOMParser().parseFromString(t, mime);
      return {
        error: doc.getElementsByTagName('parsererror')[0]?.textContent ?? null,
        root: doc.documentElement.nodeName,
        markers: doc.querySelectorAll('.topo-marker').length,
        cells: doc.querySelectorAll('mxCell').length,
        values: [...doc.querySelectorAll('mxCell')].map((c) => c.getAttribute('value') ?? ''),
      };
    },
    [text, type] as const,
  );
}

// Chromium throttles a page that starts many downloads in a row: SVG and PNG on one page, the editable formats
// on another.
test('SVG and PNG download clean by default, and with the findings when asked', async ({ page, watch }) => {
  const { controls } = await openDiagram(page);
  const findings = controls.getByRole('checkbox', { name: 'Include findings in SVG and PNG' });
  await expect(findings).not.toBeChecked();
  const status = controls.getByRole('status');

  const clean = await download(page, () => controls.getByRole('button', { name: 'Download SVG' }).click());
  expect(clean.name).toBe(`${SLUG}-topology.svg`);
  const cleanText = clean.bytes.toString('utf8');
  expect(cleanText.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg')).toBe(true);
  expect(await readXml(page, cleanText, 'image/svg+xml')).toMatchObject({ error: null, root: 'svg', markers: 0 });
  await expect(status).toHaveText(`The SVG file without findings was downloaded: ${SLUG}-topology.svg.`);

  const png = await download(page, () => controls.getByRole('button', { name: 'Download PNG' }).click());
  expect(png.name).toBe(`${SLUG}-topology.png`);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  await expect(status).toHaveText(`The PNG file without findings was downloaded: ${SLUG}-topology.png.`);

  await findings.check();
  const marked = await download(page, () => controls.getByRole('button', { name: 'Download SVG' }).click());
  expect(marked.name).toBe(`${SLUG}-topology-findings.svg`);
  const read = await readXml(page, marked.bytes.toString('utf8'), 'image/svg+xml');
  expect(read.error).toBeNull();
  expect(read.markers).toBeGreaterThan(0);
  await expect(status).toHaveText(`The SVG file with the findings was downloaded: ${SLUG}-topology-findings.svg.`);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test("draw.io and Mermaid files come with the diagram's code, and the controls pass axe", async ({ page, watch }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
  });
  const { controls } = await openDiagram(page);
  const status = controls.getByRole('status');
  // The draw.io and Mermaid writers come in the diagram's own chunk (they share most of its code): the diagram's
  // chunk is loaded once it is shown, and a download fetches no further script.
  const topology = () => scripts.filter((s) => s.includes('/topology-view-') && s.endsWith('.js'));
  expect(topology()).toHaveLength(1);
  const loadedWithDiagram = scripts.length;

  const drawio = await download(page, () => controls.getByRole('button', { name: 'Download draw.io' }).click());
  expect(drawio.name).toBe(`${SLUG}-topology.drawio`);
  const xml = drawio.bytes.toString('utf8');
  expect(xml.startsWith('<mxfile')).toBe(true);
  const read = await readXml(page, xml, 'application/xml');
  expect(read.error).toBeNull();
  expect(read.root).toBe('mxfile');
  expect(read.cells).toBeGreaterThan(20);
  expect(read.values.some((v) => v.includes('vnet-orders-data'))).toBe(true);
  await expect(status).toHaveText(`The draw.io file was downloaded: ${SLUG}-topology.drawio.`);
  expect(scripts.slice(loadedWithDiagram)).toEqual([]);

  const mermaid = await download(page, () => controls.getByRole('button', { name: 'Download Mermaid' }).click());
  expect(mermaid.name).toBe(`${SLUG}-topology.mmd`);
  const text = mermaid.bytes.toString('utf8');
  expect(text).toMatch(
    /^---\ntitle: "Contoso orders: hub and spoke · network topology · exported \d{4}-\d\d-\d\d"\n---\n/,
  );
  expect(text).toContain('\nflowchart LR\n');
  expect(text).toMatch(/subgraph n_vnet\["vnet-orders-data<br>/);
  await expect(status).toHaveText(`The Mermaid file was downloaded: ${SLUG}-topology.mmd.`);
  expect(scripts.slice(loadedWithDiagram)).toEqual([]);
  expect(topology()).toHaveLength(1);

  await expectNoAxeViolations(page, 'the Review step with the diagram export controls');
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});
