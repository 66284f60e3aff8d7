/**
 * Small helpers of the diagram's tests: a node of a topology by id, a private-access plan changed, and a finding
 * at a plan path.
 */
import type { Finding } from '../../domain/finding';
import type { Plan, PrivateAccess } from '../../domain/plan';
import type { Topology } from '../model';

/** The node `id` of `t`; throws when there is none. */
export const node = (t: Topology, id: string) => {
  const n = t.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

/** `plan` (of private access) with its access changed by `change`. */
export function withPrivate(plan: Plan, change: (a: PrivateAccess) => PrivateAccess): Plan {
  if (plan.access.mode !== 'private') throw new Error('private plan expected');
  return { ...plan, access: change(plan.access) };
}

/** A finding of PGN-001 at `path`, its message the path. */
export const finding = (path: string, severity: Finding['severity'] = 'error'): Finding => ({
  ruleId: 'PGN-001',
  severity,
  message: path,
  path,
  docs: '',
});
