import { describe, expect, it } from 'vitest';
import { escapeXml, fileSlug, isoDate, standaloneSvg, TITLE_BLOCK_HEIGHT } from './export-svg';

const SVG =
  '<svg class="topo-svg" role="group" width="300" height="200" viewBox="0 0 300 200"><g tabindex="0"><text>a &amp; b</text></g></svg>';

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
