/**
 * The golden SVG files of the topology view: one per example plan, rendered with fixed findings
 * and client verdicts so that markers and client paths are covered. Used by the golden test and by
 * `npx tsx src/features/topology/update-golden.ts` (review every changed file before committing it).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Finding } from '../../domain/finding';
import type { ClientVerdicts } from '../../domain/topology';
import { TopologyFigure } from './topology-figure';
import { examplePlan } from '../../domain/testing/examples';

export interface GoldenCase {
  name: string;
  example: string;
  findings: Finding[];
  verdicts?: ClientVerdicts;
}

const f = (ruleId: string, severity: Finding['severity'], path: string, message: string): Finding => ({
  ruleId,
  severity,
  message,
  path,
  docs: '',
});

export const GOLDEN_CASES: readonly GoldenCase[] = [
  {
    name: 'hub-and-spoke',
    example: 'hub-and-spoke',
    findings: [
      f('PGN-134', 'warning', 'access.peeredVnets.1.zoneLink', 'A finding on a zone link.'),
      f('PGN-105', 'info', 'access.delegatedSubnet.nsg', 'A note on the NSG.'),
    ],
    verdicts: { 'orders-api': 'reachable', 'reporting-app': 'unreachable', 'analyst-laptops': 'warning' },
  },
  {
    name: 'public-office',
    example: 'public-office',
    findings: [f('PGN-201', 'warning', 'access.firewallRules.1', 'A finding on a firewall rule.')],
    verdicts: { 'dublin-analysts': 'reachable', 'cork-laptop': 'unreachable' },
  },
  { name: 'eight-subnets', example: 'eight-subnets', findings: [] },
];

export function goldenPath(name: string): URL {
  return new URL(`./__golden__/${name}.svg`, import.meta.url);
}

/** The `<svg>` element of the rendered view, one element per line for readable diffs. */
export function extractSvg(markup: string): string {
  const start = markup.indexOf('<svg');
  const end = markup.indexOf('</svg>');
  if (start < 0 || end < 0) throw new Error('The view rendered no <svg> element.');
  return `${markup.slice(start, end + '</svg>'.length).replace(/></g, '>\n<')}\n`;
}

export function renderGolden(c: GoldenCase): string {
  const props = {
    plan: examplePlan(c.example),
    findings: c.findings,
    ...(c.verdicts ? { clientVerdicts: c.verdicts } : {}),
  };
  return extractSvg(renderToStaticMarkup(createElement(TopologyFigure, props)));
}
