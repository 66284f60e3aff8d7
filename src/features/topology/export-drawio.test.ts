/**
 * The draw.io export, read back with a real XML parser (jsdom's DOMParser) and checked against the structure
 * draw.io reads. Where that structure comes from:
 * - the draw.io file format (drawio.com, docs/reference/file-format): `mxfile` > `diagram` > `mxGraphModel` >
 *   `root`; the cells are listed flat under `root`, the root cell "0" first, then the default layer "1" with
 *   parent "0"; every other cell names its parent in `parent`; ids are unique within a diagram; vertices carry
 *   `vertex="1"`, lines `edge="1"` with `source` and `target` naming cells;
 * - mxGraph's mxGeometry (jgraph/mxgraph javascript/src/js/model/mxGeometry.js, the same file in jgraph/drawio
 *   src/main/webapp/mxgraph/src/model/mxGeometry.js): the x and y of a geometry that is not `relative` are
 *   "relative to the origin of the parent cell", so a child of a container is placed from its parent's top-left
 *   corner; an edge's geometry is `relative`, its x (-1 … 1) placing the label along the line, `offset` moving it;
 *   `sourcePoint`, `targetPoint` and the `points` array hold the line's ends and waypoints.
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { LARGE_SIZE, largePlan, samplePlan } from '../../domain/samples';
import { EXAMPLE_NAMES, examplePlan } from '../../domain/testing/examples';
import { iconSvg, NODE_ICON } from '../../topology/icons';
import { layoutTopology, type TopologyLayout } from '../../topology/layout';
import { planToTopology } from '../../topology/plan-to-topology';
import { layoutToDrawio } from './export-drawio';
import { TITLE_BLOCK_HEIGHT } from './export-svg';
import { EXPORT_DATE, EXPORT_GOLDENS, exampleLayout, goldenPlan } from './golden';

const { DOMParser } = new JSDOM('').window;

interface Cell {
  el: Element;
  id: string;
  parent: string | null;
  vertex: boolean;
  edge: boolean;
  style: string;
  value: string;
}

function parse(xml: string): { doc: Document; cells: Cell[] } {
  const doc = new DOMParser().parseFromString(xml, 'application/xml');
  const error = doc.getElementsByTagName('parsererror')[0];
  if (error) throw new Error(`not well-formed XML: ${error.textContent}`);
  const cells = [...doc.querySelectorAll('mxfile > diagram > mxGraphModel > root > mxCell')].map((el) => ({
    el,
    id: el.getAttribute('id') ?? '',
    parent: el.getAttribute('parent'),
    vertex: el.getAttribute('vertex') === '1',
    edge: el.getAttribute('edge') === '1',
    style: el.getAttribute('style') ?? '',
    value: el.getAttribute('value') ?? '',
  }));
  return { doc, cells };
}

const n = (el: Element | null | undefined, name: string): number => Number(el?.getAttribute(name) ?? NaN);
const geometry = (c: Cell) => c.el.querySelector(':scope > mxGeometry');
const styleOf = (c: Cell): Map<string, string> =>
  new Map(
    c.style
      .split(';')
      .filter((s) => s.includes('='))
      .map((s) => s.split('=') as [string, string]),
  );
/** Text as an XML file holds it: the characters XML forbids (C0 controls but tab and line breaks) as U+FFFD. */
const inXml = (text: string): string =>
  [...text].map((c) => ((c.codePointAt(0) ?? 0) < 0x20 && !'\t\n\r'.includes(c) ? '\ufffd' : c)).join('');
/** The text a label shows: its HTML value read as HTML (line breaks as "\n"). */
const shown = (value: string): string =>
  new DOMParser().parseFromString(value.replace(/<br>/g, '\n'), 'text/html').body.textContent ?? '';

/** Every structural property the file must have, whatever the plan. */
function checkStructure(xml: string, layout: TopologyLayout): void {
  const { doc, cells } = parse(xml);
  expect(doc.documentElement.nodeName).toBe('mxfile');
  expect(cells[0]?.id).toBe('0');
  expect(cells[0]?.parent).toBeNull();
  expect(cells[1]?.id).toBe('1');
  expect(cells[1]?.parent).toBe('0');

  const byId = new Map<string, Cell>();
  for (const c of cells) {
    expect(byId.has(c.id), `duplicate id ${c.id}`).toBe(false);
    byId.set(c.id, c);
  }
  for (const c of cells.slice(2)) {
    // Every parent exists and comes before its children (mxGraph reads the list in order).
    expect(c.parent, c.id).not.toBeNull();
    const parent = byId.get(c.parent as string);
    expect(parent, `parent of ${c.id}`).toBeDefined();
    expect(cells.indexOf(parent as Cell)).toBeLessThan(cells.indexOf(c));
    expect(c.vertex !== c.edge, `${c.id} is a vertex or an edge`).toBe(true);
    if (c.parent === '1' || !parent) continue;
    // A child lies within its container: relative coordinates within 0 … width, 0 … height.
    const pg = geometry(parent);
    const [pw, ph] = [n(pg, 'width'), n(pg, 'height')];
    expect(styleOf(parent).get('container'), `${parent.id} holds ${c.id}`).toBe('1');
    if (c.vertex) {
      const g = geometry(c);
      expect(n(g, 'x'), c.id).toBeGreaterThanOrEqual(0);
      expect(n(g, 'y'), c.id).toBeGreaterThanOrEqual(0);
      expect(n(g, 'x') + n(g, 'width'), c.id).toBeLessThanOrEqual(pw);
      expect(n(g, 'y') + n(g, 'height'), c.id).toBeLessThanOrEqual(ph);
    } else {
      for (const p of geometry(c)?.querySelectorAll('mxPoint') ?? []) {
        expect(n(p, 'x')).toBeGreaterThanOrEqual(0);
        expect(n(p, 'x')).toBeLessThanOrEqual(pw);
        expect(n(p, 'y')).toBeGreaterThanOrEqual(0);
        expect(n(p, 'y')).toBeLessThanOrEqual(ph);
      }
    }
  }
  for (const c of cells.filter((x) => x.edge)) {
    for (const end of ['source', 'target']) {
      const id = c.el.getAttribute(end);
      if (id !== null) expect(byId.get(id)?.vertex, `${c.id} ${end} ${id}`).toBe(true);
    }
  }

  // The same picture: every box at its place (the drawing moved down under the title block) …
  const absolute = (c: Cell): [number, number] => {
    const g = geometry(c);
    const parent = c.parent === null ? undefined : byId.get(c.parent);
    const [px, py] = parent && parent.id !== '1' && parent.id !== '0' ? absolute(parent) : [0, 0];
    return [px + n(g, 'x'), py + n(g, 'y')];
  };
  for (const box of layout.boxes) {
    const c = byId.get(`n-${box.id}`);
    expect(c, box.id).toBeDefined();
    expect(absolute(c as Cell)).toEqual([box.x, box.y + TITLE_BLOCK_HEIGHT]);
    expect(n(geometry(c as Cell), 'width')).toBe(box.w);
    expect(n(geometry(c as Cell), 'height')).toBe(box.h);
    // … holding what it holds, and showing its text.
    if (box.container) expect(cells.some((x) => x.parent === c?.id && x.vertex)).toBe(true);
    expect(shown((c as Cell).value)).toContain(inXml(box.titleLines.join('\n')));
  }
  // … and every line along its route, leaving and reaching its boxes where the SVG's line does.
  for (const e of layout.edges) {
    const c = byId.get(`e-${e.id}`) as Cell;
    expect(c, e.id).toBeDefined();
    const g = geometry(c);
    const pts = [...(g?.querySelectorAll(':scope > mxPoint[as="sourcePoint"], :scope > Array > mxPoint') ?? [])];
    const target = g?.querySelector(':scope > mxPoint[as="targetPoint"]');
    const route = [...pts, target].map((p): [number, number] => [n(p, 'x'), n(p, 'y') - TITLE_BLOCK_HEIGHT]);
    if (e.points.length > 2) expect(route).toEqual(e.points.map(([x, y]) => [x, y]));
    const style = styleOf(c);
    for (const [end, key, point] of [
      ['source', 'exit', e.points[0]],
      ['target', 'entry', e.points[e.points.length - 1]],
    ] as const) {
      const id = c.el.getAttribute(end);
      if (id === null || point === undefined) continue;
      const box = layout.boxes.find((b) => `n-${b.id}` === id);
      expect(box, id).toBeDefined();
      if (!box) continue;
      expect(box.x + Number(style.get(`${key}X`)) * box.w).toBeCloseTo(point[0], 0);
      expect(box.y + Number(style.get(`${key}Y`)) * box.h).toBeCloseTo(point[1], 0);
    }
    if (e.label) expect(shown(c.value)).toBe(inXml(e.label.text));
  }
}

describe('layoutToDrawio', () => {
  for (const g of EXPORT_GOLDENS.filter((x) => x.file.pathname.endsWith('.drawio'))) {
    it(`writes examples/${g.example}.json as in __golden__/${g.example}.drawio`, () => {
      // A changed file is reviewed like code: run
      // npx tsx --tsconfig tsconfig.app.json src/features/topology/update-golden.ts, then read the diff.
      expect(g.render()).toBe(readFileSync(g.file, 'utf8'));
    });
  }

  for (const example of EXAMPLE_NAMES) {
    it(`writes ${example} as an mxGraph model draw.io reads: cells, parents, geometry, lines`, () => {
      const layout = exampleLayout(example);
      checkStructure(layoutToDrawio(layout, { planName: goldenPlan(example).name, date: EXPORT_DATE }), layout);
    });
  }

  it('puts the title block on top: the plan name and the export date', () => {
    const { cells } = parse(layoutToDrawio(exampleLayout('hub-and-spoke'), { planName: 'Orders', date: '2025-03-04' }));
    const block = cells.find((c) => c.id === 'title-block') as Cell;
    expect(shown(block.value)).toBe('Orders\nNetwork topology · exported 2025-03-04');
    expect([n(geometry(block), 'x'), n(geometry(block), 'y'), n(geometry(block), 'height')]).toEqual([
      0,
      0,
      TITLE_BLOCK_HEIGHT,
    ]);
  });

  it('big estates, paged and collapsed: the shown boxes in their containers, summary boxes for the rest', () => {
    for (const plan of [largePlan(), samplePlan(LARGE_SIZE, 'public')]) {
      const layout = layoutTopology(planToTopology(plan));
      expect(layout.pagers.length).toBeGreaterThan(0);
      checkStructure(layoutToDrawio(layout, { planName: plan.name, date: EXPORT_DATE }), layout);
    }
  });

  it('gives each box its icon as an image cell inside it, where the SVG draws it, its title right of it', () => {
    for (const example of EXAMPLE_NAMES) {
      const layout = exampleLayout(example);
      const { cells } = parse(layoutToDrawio(layout, { planName: example, date: EXPORT_DATE }));
      const byId = new Map(cells.map((c) => [c.id, c]));
      let icons = 0;
      for (const box of layout.boxes) {
        const icon = box.labels.find((l) => l.kind === 'icon');
        const cell = byId.get(`n-${box.id}-icon`);
        const name = NODE_ICON[box.node.kind];
        if (!icon || name === null) {
          expect(cell, box.id).toBeUndefined();
          continue;
        }
        icons += 1;
        expect(cell?.parent, box.id).toBe(`n-${box.id}`);
        // An image cell (draw.io: "Edit Image" swaps it), its SVG as base64 after the comma of the data URI.
        const image = /(?:^|;)image=data:image\/svg\+xml,([A-Za-z0-9+/=]+);/.exec(cell?.style ?? '');
        expect(cell?.style, box.id).toMatch(/^shape=image;/);
        expect(atob(image?.[1] ?? ''), box.id).toBe(iconSvg(name));
        const g = geometry(cell as Cell);
        expect([n(g, 'x'), n(g, 'y'), n(g, 'width'), n(g, 'height')], box.id).toEqual([
          icon.x - box.x,
          icon.y - box.y,
          icon.w,
          icon.h,
        ]);
        // The title is indented past the icon; the lines under it are not.
        const value = byId.get(`n-${box.id}`)?.value ?? '';
        const html = new DOMParser().parseFromString(value, 'text/html').body;
        const indent = html.querySelector('div')?.getAttribute('style') ?? '';
        expect(Number(/padding-left: (\d+)px/.exec(indent)?.[1]), box.id).toBe(icon.w + 5);
        expect(html.querySelector('div > b')?.textContent, box.id).toBe(inXml(box.titleLines.join('')));
      }
      expect(icons, example).toBeGreaterThan(3);
      // The legend shows the icon of each kind of box drawn with one.
      const legend = cells.filter((c) => c.parent === 'n-legend' && c.style.startsWith('shape=image;'));
      const inLegend = new Set(legend.map((c) => atob(/image=data:image\/svg\+xml,([^;]+);/.exec(c.style)?.[1] ?? '')));
      for (const box of layout.boxes) {
        const name = NODE_ICON[box.node.kind];
        if (name !== null && box.node.kind !== 'client') expect(inLegend.has(iconSvg(name)), box.id).toBe(true);
      }
    }
  });

  it('names with markup, quotes, ampersands, line breaks and control characters stay text', () => {
    const plan = examplePlan('hub-and-spoke');
    if (plan.access.mode !== 'private') throw new Error('the example changed');
    const evil = '<script>alert("x")</script> & <b>bold</b> \'q\'\nnext\u0001';
    const hostile = { ...plan, name: evil, access: { ...plan.access, vnet: { ...plan.access.vnet, name: evil } } };
    const layout = layoutTopology(planToTopology(hostile));
    const xml = layoutToDrawio(layout, { planName: evil, date: EXPORT_DATE });
    checkStructure(xml, layout);
    const { cells } = parse(xml);
    for (const id of ['title-block', 'n-vnet']) {
      const value = cells.find((c) => c.id === id)?.value ?? '';
      // The label is HTML: the name is escaped in it (no element of its own), and shows as typed.
      const html = new DOMParser().parseFromString(value, 'text/html').body;
      expect(html.querySelector('script')).toBeNull();
      expect([...html.querySelectorAll('b')].map((b) => b.textContent)).not.toContain('bold');
      expect(shown(value)).toContain('<script>alert("x")</script> & <b>bold</b> \'q\'');
    }
    // The control character (which XML cannot hold) is replaced, the file still parses.
    expect(xml).not.toContain('\u0001');
  });
});
