/**
 * Findings on the diagram: each finding of the rules is pinned to the most specific element (box or line) whose
 * plan paths hold its path.
 */
import type { Finding } from '../domain/finding';

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
