/**
 * The Mermaid export, read back with Mermaid's own parser (the `mermaid` package: `mermaid.parse`, and
 * `mermaidAPI.getDiagramFromText` for what the flowchart parser built: its nodes, subgraphs and links). Mermaid's
 * sanitiser (DOMPurify) needs a window when it loads, so a jsdom window is set up first; parsing needs nothing
 * else of a browser. Drawing (`mermaid.render`) needs a real layout engine in a browser and is not tried here.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { JSDOM } from 'jsdom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { LARGE_SIZE, largePlan, samplePlan } from '../../domain/samples';
import { EXAMPLE_NAMES, examplePlan } from '../../domain/testing/examples';
import { layoutTopology, type TopologyLayout } from '../../topology/layout';
import type { TopoEdge, TopoNode, TopoNodeKind } from '../../topology/model';
import type { Box } from '../../topology/placement';
import { planToTopology } from '../../topology/plan-to-topology';
import { layoutToMermaid } from './export-mermaid';
import { EXPORT_DATE, EXPORT_GOLDENS, exampleLayout, goldenPlan } from './golden';

const dom = new JSDOM('');
Object.assign(globalThis, { window: dom.window });
const { default: mermaid } = await import('mermaid');
afterAll(() => {
  Reflect.deleteProperty(globalThis, 'window');
});

/** What Mermaid's flowchart parser keeps of a diagram (its FlowDB), as far as these tests read it. */
interface FlowDb {
  getVertices(): Map<string, { id: string; text: string }>;
  getSubGraphs(): { id: string; title: string; nodes: string[] }[];
  getEdges(): { start: string; end: string; text: string }[];
}

/** The flowchart Mermaid parses from `text` (it throws on a syntax error, as `mermaid.parse` does). */
async function flowchart(text: string): Promise<FlowDb> {
  const diagram = await mermaid.mermaidAPI.getDiagramFromText(text);
  expect(diagram.type).toBe('flowchart-v2');
  return diagram.db as unknown as FlowDb;
}

/**
 * A label as the reader sees it: Mermaid replaces the entity codes it reads (`#34;`) with markers before parsing,
 * and its `decodeEntities` (mermaid/src/utils.ts) turns them into HTML entities (`&#34;`) when it draws the label
 * as HTML, which the browser shows as the character. `<br>` is a line break.
 */
function shown(label: string): string {
  return label
    .split('<br>')
    .map((part) => {
      const html = part.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
      return new dom.window.DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
    })
    .join('\n');
}

const idOf = (id: string): string => `n_${id.replace(/[^A-Za-z0-9]/g, '_')}`;

/** The flowchart holds the layout's boxes (containers as subgraphs, nested as drawn) and its lines. */
async function checkFlowchart(text: string, layout: TopologyLayout): Promise<FlowDb> {
  expect(await mermaid.parse(text)).toMatchObject({ diagramType: 'flowchart-v2' });
  const db = await flowchart(text);
  const vertices = db.getVertices();
  const subgraphs = new Map(db.getSubGraphs().map((s) => [s.id, s]));
  for (const box of layout.boxes) {
    if (box.node.kind === 'legend') continue;
    const id = idOf(box.id);
    const label = box.container ? subgraphs.get(id)?.title : vertices.get(id)?.text;
    expect(label, id).toBeDefined();
    expect(shown(label ?? '').split('\n')[0], id).toBe(box.node.title);
    for (const child of layout.boxes.filter((b) => b.depth === box.depth + 1 && b.node.parent === box.id))
      expect(subgraphs.get(id)?.nodes, `${id} holds ${child.id}`).toContain(idOf(child.id));
  }
  expect(db.getEdges().length).toBeGreaterThan(0);
  expect(db.getEdges().length).toBeLessThanOrEqual(layout.edges.length);
  return db;
}

describe('layoutToMermaid', { timeout: 60_000 }, () => {
  for (const g of EXPORT_GOLDENS.filter((x) => x.file.pathname.endsWith('.mmd'))) {
    it(`writes examples/${g.example}.json as in __golden__/${g.example}.mmd`, () => {
      // A changed file is reviewed like code: run
      // npx tsx --tsconfig tsconfig.app.json src/features/topology/update-golden.ts, then read the diff.
      expect(g.render()).toBe(readFileSync(g.file, 'utf8'));
    });
  }

  for (const example of EXAMPLE_NAMES) {
    it(`writes ${example} as a flowchart Mermaid parses: its boxes, subgraphs and lines`, async () => {
      const layout = exampleLayout(example);
      const text = layoutToMermaid(layout, { planName: goldenPlan(example).name, date: EXPORT_DATE });
      const db = await checkFlowchart(text, layout);
      // Every drawn line whose ends are boxes is a link, with its label.
      const labelled = layout.edges.filter((e) => e.edge.label !== '').map((e) => e.edge.label);
      expect(
        db
          .getEdges()
          .map((e) => shown(e.text))
          .filter((t) => t !== ''),
      ).toEqual(labelled);
    });
  }

  it('big estates, paged and collapsed: the shown boxes and the summary boxes', async () => {
    for (const plan of [largePlan(), samplePlan(LARGE_SIZE, 'public')]) {
      const layout = layoutTopology(planToTopology(plan));
      await checkFlowchart(layoutToMermaid(layout, { planName: plan.name, date: EXPORT_DATE }), layout);
    }
  });

  it('the title is front matter Mermaid reads as YAML', async () => {
    const text = layoutToMermaid(exampleLayout('hub-and-spoke'), { planName: 'Orders "EU"', date: '2025-03-04' });
    expect(text.startsWith('---\ntitle: "Orders \\"EU\\" · network topology · exported 2025-03-04"\n---\n')).toBe(true);
    // Mermaid reads the front matter: a broken one is refused.
    await expect(mermaid.parse('---\ntitle: "open\n---\nflowchart LR\n  a\n')).rejects.toThrow();
  });
});

/** Names that would be syntax if they were written as they are. */
const HOSTILE = [
  'Evil "quoted" name',
  'brackets [a] (b) {c} <d> |e| ((f)) [(g)]',
  'arrows --> -.-> ==> --- <--> x--o',
  'comment %% not a comment',
  'end',
  'subgraph end',
  'two\nlines\r\nand\u2028more',
  '<script>alert(1)</script><img src=x onerror=alert(2)>',
  '`markdown` **bold** $$x^2$$',
  'entities #quot; &amp; #35; &#60; &lt;',
  'style:#f00; classDef x fill:#fff;',
  "markers ﬂ°°60¶ß ﬂ°quot¶ß 'quote' a;b:c",
  'click n_vnet call alert()',
  '\u0001control\u007f and \ufffe',
];

/** What a name looks like in a label: line breaks and control characters as spaces, no space around it. */
const asLabel = (name: string): string =>
  [...name]
    .map((c) => {
      const cp = c.codePointAt(0) ?? 0;
      return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) || cp === 0x2028 || cp === 0x2029 || cp >= 0xfffe ? ' ' : c;
    })
    .join('')
    .trim();

/** The hub-and-spoke example with the plan, the server VNet and the first client named `name`. */
function named(name: string): { plan: Plan; layout: TopologyLayout } {
  const plan = examplePlan('hub-and-spoke');
  if (plan.access.mode !== 'private') throw new Error('the example changed');
  const clients = plan.clients.map((c, i) => (i === 0 ? { ...c, name } : c));
  const hostile = { ...plan, name, clients, access: { ...plan.access, vnet: { ...plan.access.vnet, name } } };
  return { plan: hostile, layout: layoutTopology(planToTopology(hostile)) };
}

const firstLine = (label: string | undefined): string => shown(label ?? '').split('\n')[0] ?? '';

describe('layoutToMermaid with hostile names', { timeout: 60_000 }, () => {
  let plain: FlowDb;
  beforeAll(async () => {
    plain = await flowchart(layoutToMermaid(named('plain').layout, { planName: 'plain', date: EXPORT_DATE }));
  });

  for (const name of HOSTILE) {
    it(`${JSON.stringify(name)} parses and shows as the label`, async () => {
      const { plan, layout } = named(name);
      const text = layoutToMermaid(layout, { planName: plan.name, date: EXPORT_DATE });
      expect(await mermaid.parse(text)).toMatchObject({ diagramType: 'flowchart-v2' });
      const db = await flowchart(text);
      // The server VNet (a subgraph), the title box and the client show the name as typed.
      expect(firstLine(db.getSubGraphs().find((s) => s.id === 'n_vnet')?.title)).toBe(asLabel(name));
      expect(firstLine(db.getVertices().get('n_title')?.text)).toBe(asLabel(name));
      const client = layout.boxes.find((b) => b.node.kind === 'client' && b.node.title === name);
      expect(client).toBeDefined();
      expect(firstLine(db.getVertices().get(idOf(client?.id ?? ''))?.text)).toBe(asLabel(name));
      // Nothing of the name became syntax: the same nodes, subgraphs and links as with a plain name.
      expect([...db.getVertices().keys()]).toEqual([...plain.getVertices().keys()]);
      expect(db.getSubGraphs().map((s) => [s.id, s.nodes])).toEqual(plain.getSubGraphs().map((s) => [s.id, s.nodes]));
      expect(db.getEdges().map((e) => [e.start, e.end])).toEqual(plain.getEdges().map((e) => [e.start, e.end]));
      // The title line is a JSON string (which YAML reads the same) holding the name.
      const title = /^title: (.*)$/m.exec(text)?.[1] ?? '';
      expect(JSON.parse(title)).toBe(`${asLabel(name)} · network topology · exported ${EXPORT_DATE}`);
    });
  }

  /** The smallest picture that has each place a name can land: a subgraph, a node in it, a labelled link. */
  function tiny(name: string): TopologyLayout {
    const node = (id: string, kind: TopoNodeKind, parent: string | null): TopoNode => ({
      id,
      kind,
      parent,
      role: kind,
      title: name,
      lines: [],
      badges: [],
      paths: [],
      tone: 'normal',
    });
    const box = (n: TopoNode, x: number, y: number, w: number, h: number, depth: number): Box => ({
      id: n.id,
      node: n,
      x,
      y,
      w,
      h,
      titleLines: [n.title],
      lines: [],
      badges: [],
      container: depth === 0,
      depth,
      extraPaths: [],
      footer: null,
      labels: [],
    });
    const edge: TopoEdge = {
      id: 'e',
      kind: 'peering',
      from: 'subnet-0',
      to: 'vnet',
      label: name,
      description: '',
      direction: 'forward',
      style: 'solid',
      paths: [],
      via: [],
    };
    const vnet = node('vnet', 'serverVnet', null);
    const subnet = node('subnet-0', 'subnet', 'vnet');
    return {
      width: 400,
      height: 300,
      boxes: [box(vnet, 0, 0, 300, 200, 0), box(subnet, 10, 50, 200, 60, 1)],
      edges: [
        {
          id: 'e',
          edge,
          points: [
            [210, 80],
            [300, 80],
          ],
          label: null,
          marker: null,
        },
      ],
      pagers: [],
    };
  }

  it('any mix of syntax characters in a name parses and shows as typed, in a subgraph, a node and a link', async () => {
    const unit = fc.constantFrom(
      ...'"\'`[](){}<>|#%&;:-.=>o x\n\\$*_~@!?/,ﬂ°¶ß'.split(''),
      'end',
      '%%',
      '-->',
      'style',
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, minLength: 1, maxLength: 24 }), async (name) => {
        fc.pre(asLabel(name) !== '');
        const text = layoutToMermaid(tiny(name), { planName: name, date: EXPORT_DATE });
        expect(await mermaid.parse(text)).toMatchObject({ diagramType: 'flowchart-v2' });
        const db = await flowchart(text);
        expect(firstLine(db.getSubGraphs()[0]?.title)).toBe(asLabel(name));
        expect(firstLine(db.getVertices().get('n_subnet_0')?.text)).toBe(asLabel(name));
        expect(db.getEdges().map((e) => [e.start, e.end, shown(e.text)])).toEqual([
          ['n_subnet_0', 'n_vnet', asLabel(name)],
        ]);
      }),
      { numRuns: 100 },
    );
  });

  // Mermaid first rewrites `="…"` to `='…'` from any `<word` to the next `>`, across lines: a title `<style=` once
  // reached from the front matter into the labels below it (fast-check found it).
  for (const name of ['<style=', '<a b=', 'x <img src=']) {
    it(`a title that opens a tag (${name}) leaves the labels below it as typed`, async () => {
      const db = await flowchart(layoutToMermaid(tiny(name), { planName: name, date: EXPORT_DATE }));
      expect(firstLine(db.getSubGraphs()[0]?.title)).toBe(name);
      expect(firstLine(db.getVertices().get('n_subnet_0')?.text)).toBe(name);
      expect(db.getEdges().map((e) => shown(e.text))).toEqual([name]);
    });
  }
});
