/**
 * The golden files of the topology view: an SVG per case, rendered with fixed findings and client verdicts so that
 * markers and client paths are covered, and a draw.io and a Mermaid export per example plan (with the same
 * verdicts where a case has them, and a fixed date). Used by the golden tests and by
 * `npx tsx --tsconfig tsconfig.app.json src/features/topology/update-golden.ts`
 * (review every changed file before committing it).
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { EXAMPLE_NAMES, examplePlan } from '../../domain/testing/examples';
import { layoutTopology, type TopologyLayout } from '../../topology/layout';
import type { ClientVerdict } from '../../topology/model';
import { verdictsByName } from '../../topology/testing/topology-helpers';
import { planToTopology } from '../../topology/plan-to-topology';
import { layoutToDrawio } from './export-drawio';
import { layoutToMermaid } from './export-mermaid';
import { TopologyFigure } from './topology-figure';

/** A plan drawn in golden files, by name: an example (`examples/<name>.json`). */
export const goldenPlan = (name: string): Plan => examplePlan(name);

export interface GoldenCase {
  name: string;
  example: string;
  findings: Finding[];
  /** Fixed verdicts (every style drawn), by client name: the example's client names are unique. */
  verdicts?: Readonly<Record<string, ClientVerdict>>;
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
  {
    name: 'private-endpoint-hub',
    example: 'private-endpoint-hub',
    findings: [f('PGN-225', 'warning', 'access.privateEndpoints.0', 'A finding on a private endpoint.')],
    verdicts: { 'ledger-api': 'reachable', 'finance-office': 'warning', 'home-laptop': 'unreachable' },
  },
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
  const plan = goldenPlan(c.example);
  const verdicts = c.verdicts && verdictsByName(plan, c.verdicts);
  const clientChecks = Object.entries(verdicts ?? {}).map(([clientPath, verdict]) => ({ clientPath, verdict }));
  const props = { plan, findings: c.findings, ...(verdicts ? { clientChecks } : {}) };
  return extractSvg(renderToStaticMarkup(createElement(TopologyFigure, props)));
}

/** The date written into the exports' title blocks in golden files. */
export const EXPORT_DATE = '2025-03-04';

/** The layout of an example as the view first draws it, with the verdicts of its SVG golden case, if any. */
export function exampleLayout(example: string): TopologyLayout {
  const plan = goldenPlan(example);
  const byName = GOLDEN_CASES.find((c) => c.example === example)?.verdicts;
  return layoutTopology(planToTopology(plan, byName && verdictsByName(plan, byName)));
}

export interface ExportGolden {
  example: string;
  file: URL;
  render: () => string;
}

/** The draw.io and Mermaid golden files: one of each per example (`examples/*.json`). */
export const EXPORT_GOLDENS: readonly ExportGolden[] = EXAMPLE_NAMES.flatMap((example) => {
  const title = () => ({ planName: goldenPlan(example).name, date: EXPORT_DATE });
  return [
    {
      example,
      file: new URL(`./__golden__/${example}.drawio`, import.meta.url),
      render: () => layoutToDrawio(exampleLayout(example), title()),
    },
    {
      example,
      file: new URL(`./__golden__/${example}.mmd`, import.meta.url),
      render: () => layoutToMermaid(exampleLayout(example), title()),
    },
  ];
});
