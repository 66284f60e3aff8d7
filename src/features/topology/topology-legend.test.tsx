import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../domain/testing/examples';
import { NODE_ICON } from '../../topology/icons';
import { METRICS } from '../../topology/labels';
import { layoutTopology, legendColumns, LEGEND } from '../../topology/layout';
import { planToTopology } from '../../topology/plan-to-topology';
import { pathHighlight, type PathHighlight } from './client-paths';
import { DASH, linePaint } from './theme';
import { TopologySvg } from './topology-svg';

const topology = planToTopology(examplePlan('hub-and-spoke'), {
  'clients.0': 'reachable',
  'clients.1': 'unreachable',
  'clients.2': 'warning',
});
const layout = layoutTopology(topology);
const noop = () => {};

function render(highlight: PathHighlight | null): string {
  return renderToStaticMarkup(
    <TopologySvg
      layout={layout}
      pins={new Map()}
      prefix="t"
      title="Network topology"
      description="A test"
      focusId={null}
      selectedId={null}
      highlight={highlight}
      onActivate={noop}
      onFocusId={noop}
      onKeyDown={noop}
      onPointerElement={noop}
      onFocusElement={noop}
    />,
  );
}

/** The opening tag of the group whose data-id is `id` (a box's or a line's). */
const tagOf = (markup: string, id: string): string =>
  [...markup.matchAll(/<g [^>]*>/g)].map((m) => m[0]).find((t) => t.includes(`data-id="${id}"`)) ?? '';

describe('the legend as drawn', () => {
  const markup = render(null);
  const start = markup.indexOf('<g id="t-n-legend"');
  const legend = markup.slice(start, markup.indexOf('<g id="t-n-', start + 1));
  const entries = topology.nodes.find((n) => n.kind === 'legend')?.legend ?? [];

  it('draws a sample and the words of each entry, column by column', () => {
    expect(entries.length).toBeGreaterThan(LEGEND.rows);
    const texts = [...legend.matchAll(/<g class="topo-key-entry">[^]*?<text class="topo-text"[^>]*>([^<]*)<\/text>/g)];
    expect(texts.map((m) => m[1])).toEqual(entries.map((e) => e.text));
    // Five rows at most: the legend is no taller than the title row was with five lines.
    const box = layout.boxes.find((b) => b.id === 'legend');
    expect(legendColumns(box?.lines ?? []).rows).toBe(LEGEND.rows);
    expect(box?.h).toBe(2 * METRICS.pad + METRICS.titleLH + LEGEND.rows * METRICS.lineLH);
  });

  it('draws each line in its colour, dash and arrow: the green dashed client path, the thick gateway', () => {
    const sample = (kind: string) =>
      [...legend.matchAll(/<path class="topo-key-line topo-key-line--(\w+)"[^>]*>/g)]
        .filter((m) => m[1] === kind)
        .map((m) => m[0]);
    const [reachable, warning] = sample('clientPath');
    expect(reachable).toContain(`stroke="${linePaint('clientPath').stroke}"`);
    expect(reachable).not.toContain('stroke-dasharray');
    expect(warning).toContain(`stroke-dasharray="${DASH.dashed}"`);
    expect(warning).toContain('marker-end="url(#t-arrow-clientPath)"');
    expect(sample('gateway')[0]).toContain(`stroke-width="${linePaint('gateway').strokeWidth}"`);
    expect(sample('zoneLink')[0]).toContain(`stroke-dasharray="${DASH.dotted}"`);
    expect(sample('peering')[0]).not.toContain('marker-end');
    // Every arrow a sample points to is defined.
    for (const m of legend.matchAll(/marker-end="url\(#([^)]+)\)"/g)) expect(markup).toContain(`<marker id="${m[1]}"`);
  });

  it('draws the boxes of an unreachable client faded and dashed, and the badge and findings samples', () => {
    expect(legend).toMatch(/<rect class="topo-key-box topo-key-box--client topo-key-tone--muted"[^>]*stroke-dasharray/);
    expect(legend).toContain('class="topo-key-box topo-key-box--delegatedSubnet topo-key-tone--normal"');
    expect(legend).toContain('<rect class="topo-key-badge"');
    expect(legend).toContain('<g class="topo-key-finding">');
  });

  it('uses none of the classes of the drawn boxes and lines for its samples (they are counted and styled)', () => {
    const key = legend.slice(legend.indexOf('<g class="topo-key"'));
    expect(key).toContain('topo-key-entry');
    expect(key).not.toMatch(/class="topo-(box|line)"|topo-edge--|topo-node--/);
  });
});

describe('a traced path as drawn', () => {
  it('marks the boxes and lines of the path, fades the rest, and keeps the size of the drawing', () => {
    const plain = render(null);
    const traced = render(pathHighlight(topology, 'box:client-2'));
    const svgTag = (m: string) => /<svg [^>]*>/.exec(m)?.[0] ?? '';
    expect(svgTag(plain)).toContain('class="topo-svg"');
    expect(svgTag(traced)).toContain('class="topo-svg topo-svg--tracing"');
    expect(svgTag(traced).replace(' topo-svg--tracing', '')).toBe(svgTag(plain));
    for (const id of ['client-2', 'site-0', 'gateway-0', 'peer-0', 'vnet', 'delegated', 'server-0'])
      expect(tagOf(traced, id), id).toContain('topo-node--traced');
    for (const id of ['site-gw-0', 'gw-vnet-0', 'peering-0', 'path-2'])
      expect(tagOf(traced, id), id).toContain('topo-edge--traced');
    for (const id of ['client-0', 'client-1', 'peer-1', 'zone', 'peering-1', 'path-0', 'link-vnet'])
      expect(tagOf(traced, id), id).not.toContain('--traced');
    // Only classes change: the same markup once they are taken out.
    expect(traced.replace(/ topo-(node|edge|svg)--trac(ed|ing)/g, '')).toBe(plain);
  });
});

describe('the icons as drawn', () => {
  const markup = render(null);
  /** The markup of the box `id`: from its group's opening tag to the next box's. */
  const boxMarkup = (id: string): string => {
    const start = markup.indexOf(`<g id="t-n-${id}"`);
    const next = markup.indexOf('<g id="t-n-', start + 1);
    return markup.slice(start, next < 0 ? undefined : next);
  };
  const uses = (m: string): string[] =>
    [...m.matchAll(/<use class="topo-icon" href="#t-i-(\w+)"[^>]*>/g)].map((u) => u[0]);

  it('draws the icon of each box of a kind with one at its top left, before its title, hidden from readers', () => {
    let drawn = 0;
    for (const box of layout.boxes) {
      const icon = NODE_ICON[box.node.kind];
      const own = boxMarkup(box.id).split('<g id="t-n-')[1] ?? '';
      // The box's own icon comes before its title (a container's children follow their parent's title).
      const head = own.slice(0, own.indexOf('class="topo-title"'));
      const found = uses(head);
      if (icon === null || box.node.kind === 'client') {
        expect(found, box.id).toEqual([]);
        continue;
      }
      drawn += 1;
      expect(found, box.id).toHaveLength(1);
      const tag = found[0] ?? '';
      expect(tag).toContain(`href="#t-i-${icon}"`);
      expect(tag).toContain('aria-hidden="true"');
      expect(tag).toContain(`x="${box.x + METRICS.pad}" y="${box.y + METRICS.pad}" width="16" height="16"`);
      // The title starts right of the icon; the box keeps its accessible name.
      const title = /<text class="topo-title" x="(\d+(?:\.\d+)?)"/.exec(own);
      expect(Number(title?.[1])).toBeGreaterThanOrEqual(box.x + METRICS.pad + 16 + 4);
      expect(own.slice(0, own.indexOf('>'))).toContain(`aria-label="${box.node.role}: `);
    }
    expect(drawn).toBeGreaterThan(8);
  });

  it('defines each icon it uses once, as a symbol, and the legend shows the icon of each kind of box drawn', () => {
    const used = new Set([...markup.matchAll(/href="#t-i-(\w+)"/g)].map((m) => m[1]));
    for (const name of used) expect(markup.split(`<symbol id="t-i-${name}"`)).toHaveLength(2);
    const start = markup.indexOf('<g id="t-n-legend"');
    const legend = markup.slice(start, markup.indexOf('<g id="t-n-', start + 1));
    const inLegend = new Set(uses(legend).map((u) => /#t-i-(\w+)/.exec(u)?.[1]));
    for (const box of layout.boxes) {
      const icon = NODE_ICON[box.node.kind];
      if (icon !== null && box.node.kind !== 'client') expect(inLegend.has(icon), `${box.id}: ${icon}`).toBe(true);
    }
  });
});
