/**
 * The diagrams the README shows (`docs/img/topology-<example>.svg`): an example plan drawn as the Review step draws
 * it, each client with the verdict the connectivity checker gives it, clean (as the clean SVG export leaves it).
 * Written with the golden files by
 * `npx tsx --tsconfig tsconfig.app.json src/features/topology/update-golden.ts`, and compared with a fresh drawing by
 * the tests, so that the pictures in the documentation are always what the planner draws.
 */
import { JSDOM } from 'jsdom';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { checkAllClients } from '../../checker';
import { withoutFindings } from './export-svg';
import { extractSvg, goldenPlan } from './golden';
import { TopologyFigure } from './topology-figure';

/** The examples drawn for the README. */
export const DOCS_FIGURES = ['hub-spoke-firewall', 'hub-and-spoke', 'private-endpoint-hub'] as const;

export function docsFigurePath(example: string): URL {
  return new URL(`../../../docs/img/topology-${example}.svg`, import.meta.url);
}

/** The standalone SVG document of an example's diagram (no finding markers, real client verdicts). */
export function renderDocsFigure(example: string): string {
  const plan = goldenPlan(example);
  const props = { plan, findings: [], clientChecks: checkAllClients(plan) };
  const svg = extractSvg(renderToStaticMarkup(createElement(TopologyFigure, props)));
  // Without what findings add, as the clean export leaves it (the legend's entry for the markers); the view's
  // <svg> names its namespace already; a picture in a document takes no keyboard focus.
  const { document } = new JSDOM('').window;
  const host = document.createElement('div');
  host.innerHTML = svg;
  const clean = withoutFindings(host.firstElementChild as unknown as SVGSVGElement);
  const markup = clean.outerHTML.replace(/\stabindex="[^"]*"/g, '').replace(/></g, '>\n<');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${markup}\n`;
}
