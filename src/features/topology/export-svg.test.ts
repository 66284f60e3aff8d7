import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { examplePlan } from '../../exporters/test-plans';
import { escapeXml, exportedSvg, fileSlug, isoDate, standaloneSvg, TITLE_BLOCK_HEIGHT } from './export-svg';
import { extractSvg, GOLDEN_CASES, renderGolden } from './golden';
import { TopologyFigure } from './topology-figure';

/** XML 1.0 "Char": a well-formed document holds only these; a parser stops at any other ("Invalid character"). */
const isXmlChar = (cp: number) =>
  cp === 0x9 ||
  cp === 0xa ||
  cp === 0xd ||
  (cp >= 0x20 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd) ||
  (cp >= 0x10000 && cp <= 0x10ffff);
const notXml = (text: string) => [...text].filter((c) => !isXmlChar(c.codePointAt(0) ?? 0));

const SVG =
  '<svg class="topo-svg" role="group" width="300" height="200" viewBox="0 ' +
  '0 300 200"><g tabindex="0"><text>a &amp; b</text></g></svg>';

describe('standaloneSvg', () => {
  it('adds the namespace and a title block with the plan name and date, growing the picture to hold it', () => {
    const out = standaloneSvg(SVG, { planName: 'Orders & co', date: '2025-03-04' });
    expect(
      out.startsWith(
        '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" class="topo-svg"',
      ),
    ).toBe(true);
    expect(out).toContain(` height="${200 + TITLE_BLOCK_HEIGHT}" viewBox="0 0 300 ${200 + TITLE_BLOCK_HEIGHT}"`);
    expect(out).toContain('>Orders &amp; co</text>');
    expect(out).toContain('Network topology · exported 2025-03-04</text>');
    expect(out).not.toContain('tabindex');
    expect(out.trimEnd().endsWith('</g></svg>')).toBe(true);
    expect(out.match(/<svg/g)).toHaveLength(1);
  });

  it('refuses markup that is not an svg element, with a message', () => {
    expect(() => standaloneSvg('<div></div>', { planName: 'x', date: 'd' })).toThrow('it is not an <svg> element');
    expect(() => standaloneSvg('<svg></svg>', { planName: 'x', date: 'd' })).toThrow('it has no size');
  });
});

describe('helpers', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });

  it('makes file names from plan names', () => {
    expect(fileSlug('Contoso orders: hub & spoke')).toBe('contoso-orders-hub-spoke');
    expect(fileSlug('<img src=x>')).toBe('img-src-x');
    expect(fileSlug('***')).toBe('plan');
  });

  it('formats the export date as YYYY-MM-DD', () => {
    expect(isoDate(new Date(2025, 0, 5))).toBe('2025-01-05');
  });
});

describe('names with control characters (issue 14, item 6)', () => {
  it('a plan name and a VNet name holding U+0001 and U+000B still give an SVG every XML parser reads', () => {
    const plan = examplePlan('hub-and-spoke');
    if (plan.access.mode !== 'private') throw new Error('the example changed');
    const hostile = {
      ...plan,
      name: 'Orders\u0001 plan',
      access: { ...plan.access, vnet: { ...plan.access.vnet, name: 'vnet\u000borders' } },
    };
    const markup = extractSvg(renderToStaticMarkup(createElement(TopologyFigure, { plan: hostile, findings: [] })));
    // The diagram draws the names as typed, as the browser's XMLSerializer hands them over.
    expect(new Set(notXml(markup))).toEqual(new Set(['\u0001', '\u000b']));
    const out = standaloneSvg(markup.replace(/\n/g, ''), { planName: hostile.name, date: '2025-03-04' });
    expect(notXml(out)).toEqual([]);
    expect(out).toContain('>Orders\ufffd plan</text>');
    expect(out).toContain('vnet\ufffdorders');
  });

  it('escapeXml replaces what XML forbids (C0 controls, U+FFFE, U+FFFF, lone surrogates) and keeps the rest', () => {
    expect(escapeXml('a\u0000b\u0008c\u000bd\u001fe\ufffef\ud800g\udc00')).toBe(
      'a\ufffdb\ufffdc\ufffdd\ufffde\ufffdf\ufffdg\ufffd',
    );
    expect(escapeXml('tab\tnl\ncr\r \u0085 \ud83d\ude00 <&>')).toBe('tab\tnl\ncr\r \u0085 \ud83d\ude00 &lt;&amp;&gt;');
  });
});

describe('clean and with-findings exports (issue 17)', () => {
  const { window } = new JSDOM('');
  afterEach(() => vi.unstubAllGlobals());

  /** The drawing of a golden case with findings, as the browser holds it (parsed into a DOM). */
  function liveSvg(): SVGSVGElement {
    const c = GOLDEN_CASES.find((g) => g.name === 'hub-and-spoke');
    if (!c || c.findings.length === 0) throw new Error('the golden case changed');
    const doc = new window.DOMParser().parseFromString(renderGolden(c), 'image/svg+xml');
    return doc.documentElement as unknown as SVGSVGElement;
  }
  const parse = (text: string) => {
    const doc = new window.DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
    return doc;
  };
  const title = { planName: 'Orders', date: '2025-03-04' };

  it('with the findings: their markers, the pinned elements and the legend entry that explains the markers', () => {
    vi.stubGlobal('XMLSerializer', window.XMLSerializer);
    const doc = parse(exportedSvg(liveSvg(), title, true));
    // One marker on the zone link's line, one on the delegated subnet's box.
    expect(doc.querySelectorAll('.topo-marker')).toHaveLength(2);
    expect(doc.querySelectorAll('.topo-node--pinned, .topo-edge--pinned')).toHaveLength(2);
    expect(doc.querySelectorAll('.topo-key-finding')).toHaveLength(1);
    expect(doc.querySelector('[data-id="delegated"]')?.getAttribute('aria-label')).toMatch(/ Findings: 1 note;/);
  });

  it('clean: no marker, no pinned element, no findings in the labels, the legend without the markers entry', () => {
    vi.stubGlobal('XMLSerializer', window.XMLSerializer);
    const live = liveSvg();
    const text = exportedSvg(live, title, false);
    const doc = parse(text);
    expect(doc.querySelectorAll('.topo-marker, .topo-focus, .topo-key-finding')).toHaveLength(0);
    expect(doc.querySelectorAll('.topo-node--pinned, .topo-edge--pinned')).toHaveLength(0);
    expect(text).not.toContain('Findings:');
    expect(text).not.toMatch(/[▲✖ℹ] \d/);
    // The rest of the picture is all there, its labels whole.
    expect(doc.querySelectorAll('.topo-node')).toHaveLength(live.querySelectorAll('.topo-node').length);
    expect(doc.querySelectorAll('.topo-edge')).toHaveLength(live.querySelectorAll('.topo-edge').length);
    expect(doc.querySelector('[data-id="delegated"]')?.getAttribute('aria-label')).toMatch(
      /^Delegated subnet: snet-postgres\. .*\.$/,
    );
    expect(doc.querySelectorAll('.topo-key-entry')).toHaveLength(live.querySelectorAll('.topo-key-entry').length - 1);
    // The legend's label no longer names the markers either; the drawing on screen's still does.
    const legendLabel = (d: Document | SVGSVGElement) =>
      d.querySelector('.topo-node--legend')?.getAttribute('aria-label');
    expect(legendLabel(live)).toMatch(/ findings pinned to an element\.$/);
    expect(legendLabel(doc)).toMatch(/^Legend: Legend\. peering, both directions\. .*\.$/);
    expect(legendLabel(doc)).not.toContain('findings pinned');
    expect(doc.querySelector('.topo-titleblock text')?.textContent).toBe('Orders');
    // The drawing on screen keeps its markers.
    expect(live.querySelectorAll('.topo-marker')).toHaveLength(2);
  });
});
