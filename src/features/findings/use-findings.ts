/** Findings are computed from the plan, never stored: one evaluation per plan object, shared by every reader. */
import { useMemo } from 'react';
import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { evaluate } from '../../rules';
import { usePlanner } from '../../store/store';

const cache = new WeakMap<Plan, Finding[]>();

export function findingsFor(plan: Plan): Finding[] {
  let findings = cache.get(plan);
  if (findings === undefined) {
    findings = evaluate(plan);
    cache.set(plan, findings);
  }
  return findings;
}

export function useFindings(): Finding[] {
  const plan = usePlanner((s) => s.plan);
  return useMemo(() => findingsFor(plan), [plan]);
}

/** Findings attached to exactly this field. */
export function useFieldFindings(path: string): Finding[] {
  const findings = useFindings();
  return useMemo(() => findings.filter((f) => f.path === path), [findings, path]);
}
