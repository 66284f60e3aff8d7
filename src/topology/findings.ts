/**
 * Findings on the diagram: each finding of the rules is pinned to the most specific element (box or line) whose
 * plan paths hold its path, and marked there ("✖ 2 errors +1").
 */
import type { Finding, Severity } from '../domain/finding';
import { FONT, textWidth } from './labels';
import type { Box, RoutedEdge } from './placement';

/** Anything that findings can be pinned to. */
export interface Pinnable {
  readonly id: string;
  readonly paths: readonly string[];
}

/**
 * Pins each finding to the element whose path is the longest prefix of the finding's path (a finding
 * at `access.peeredVnets.1.zoneLink` goes to that zone link line if it is drawn, else to the VNet's
 * box). Findings that match nothing go to `fallback`. Ties keep the first element in `elements` order.
 */
export function pinFindings(
  elements: readonly Pinnable[],
  findings: readonly Finding[],
  fallback: string,
): Map<string, Finding[]> {
  const byPath = new Map<string, string>();
  for (const e of elements) for (const p of e.paths) if (!byPath.has(p)) byPath.set(p, e.id);
  const out = new Map<string, Finding[]>();
  for (const f of findings) {
    let target: string | undefined;
    // Walk up the finding's path: `a.b.c`, `a.b`, `a`, `` — O(depth) per finding.
    let p = f.path;
    for (;;) {
      target = byPath.get(p);
      if (target !== undefined || p === '') break;
      const dot = p.lastIndexOf('.');
      p = dot < 0 ? '' : p.slice(0, dot);
    }
    const id = target ?? fallback;
    const list = out.get(id);
    if (list) list.push(f);
    else out.set(id, [f]);
  }
  return out;
}

/**
 * The findings pinned to the elements a layout draws: its boxes (with the paths of the clients and subnets they
 * only count) and its lines; those that match nothing go to the title.
 */
export function layoutPins(
  layout: { readonly boxes: readonly Box[]; readonly edges: readonly RoutedEdge[] },
  findings: readonly Finding[],
): Map<string, Finding[]> {
  const elements: Pinnable[] = [
    ...layout.boxes.map((b) => ({ id: b.id, paths: [...b.node.paths, ...b.extraPaths] })),
    ...layout.edges.map((e) => ({ id: e.id, paths: e.edge.paths })),
  ];
  return pinFindings(elements, findings, 'title');
}

/** Each severity's word, for one finding and for more. */
export const SEVERITY_WORD: Record<Severity, [string, string]> = {
  error: ['error', 'errors'],
  warning: ['warning', 'warnings'],
  info: ['note', 'notes'],
};
const SEVERITY_ICON: Record<Severity, string> = { error: '✖', warning: '▲', info: 'ℹ' };
/** The severities, the worst first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;

/**
 * The marker of an element's findings, "✖ 2 errors +1" (the worst severity with its icon and word, then how many
 * others), and its width.
 */
export function findingMarker(findings: readonly Finding[]): { text: string; worst: Severity; w: number } {
  const worst = SEVERITIES.find((s) => findings.some((f) => f.severity === s)) ?? 'info';
  const n = findings.filter((f) => f.severity === worst).length;
  const rest = findings.length - n;
  const text = `${SEVERITY_ICON[worst]} ${n} ${SEVERITY_WORD[worst][n === 1 ? 0 : 1]}${rest > 0 ? ` +${rest}` : ''}`;
  return { text, worst, w: textWidth(text, FONT.marker, true) + 14 };
}
