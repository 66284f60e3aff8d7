import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { DOCS_FIGURES, docsFigurePath, renderDocsFigure } from './docs-figures';

describe("the README's diagrams", () => {
  for (const example of DOCS_FIGURES) {
    it(`docs/img/topology-${example}.svg is what the planner draws for examples/${example}.json`, () => {
      // A changed picture is reviewed like code: run
      // npx tsx --tsconfig tsconfig.app.json src/features/topology/update-golden.ts, then look at it.
      expect(readFileSync(docsFigurePath(example), 'utf8')).toBe(renderDocsFigure(example));
    });
  }

  it('are standalone SVG documents without finding markers, with every client path drawn', () => {
    const text = renderDocsFigure('hub-spoke-firewall');
    const doc = new JSDOM(text, { contentType: 'image/svg+xml' }).window.document;
    expect(doc.querySelector('parsererror')).toBeNull();
    expect(doc.documentElement.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
    expect(doc.querySelectorAll('.topo-marker')).toHaveLength(0);
    // Both clients of the example reach the server (the checker's verdicts), so both paths are drawn.
    expect(doc.querySelectorAll('[data-id^="path-"]')).toHaveLength(2);
  });
});
