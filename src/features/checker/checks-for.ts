/** Client checks are computed from the plan, never stored: one run per plan object, shared by every view. */
import { checkAllClients, type ClientCheck } from '../../checker';
import type { Plan } from '../../domain/plan';

const cache = new WeakMap<Plan, ClientCheck[]>();

export function checksFor(plan: Plan): ClientCheck[] {
  let checks = cache.get(plan);
  if (checks === undefined) {
    checks = checkAllClients(plan);
    cache.set(plan, checks);
  }
  return checks;
}
