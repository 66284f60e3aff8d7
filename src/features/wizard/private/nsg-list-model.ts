/** What the NSG editor shows, worked out from the rules and the findings (no React): order and entry findings. */
import type { Finding } from '../../../domain/finding';
import type { NsgRule } from '../../../domain/plan';

type Direction = NsgRule['direction'];

/**
 * Indices of the rules of each direction in the order Azure evaluates them: by priority, lowest first; a
 * priority being typed (not a number yet) sorts last; equal priorities keep their order in the plan.
 */
export function rulesByDirection(
  rules: readonly Pick<NsgRule, 'direction' | 'priority'>[],
): Record<Direction, number[]> {
  const key = (i: number) => {
    const p = rules[i]?.priority;
    return typeof p === 'number' && Number.isFinite(p) ? p : Number.POSITIVE_INFINITY;
  };
  const of = (direction: Direction) =>
    rules
      .map((r, i) => (r.direction === direction ? i : -1))
      .filter((i) => i >= 0)
      .sort((a, b) => key(a) - key(b) || a - b);
  return { Inbound: of('Inbound'), Outbound: of('Outbound') };
}

/**
 * The findings about single entries of the rules' lists (`<rules>.2.sourceAddresses.0`, PGN-125), by rule
 * index and then by field, so that each list field can show them under its input.
 */
export function entryFindingsByRule(
  findings: readonly Finding[],
  rulesPath: string,
): Map<number, Map<string, Finding[]>> {
  const out = new Map<number, Map<string, Finding[]>>();
  const prefix = `${rulesPath}.`;
  for (const f of findings) {
    if (!f.path.startsWith(prefix)) continue;
    const [index, field, entry, ...rest] = f.path.slice(prefix.length).split('.');
    if (index === undefined || field === undefined || entry === undefined || rest.length > 0) continue;
    if (!/^\d+$/.test(index) || !/^\d+$/.test(entry)) continue;
    const rule = Number(index);
    let byField = out.get(rule);
    if (byField === undefined) {
      byField = new Map();
      out.set(rule, byField);
    }
    const list = byField.get(field);
    if (list === undefined) byField.set(field, [f]);
    else list.push(f);
  }
  return out;
}
