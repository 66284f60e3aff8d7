/** The findings the CLI reports for a plan: every rule of the catalog, as the web page runs them. */
import type { Finding } from '../domain/finding';
import type { Plan } from '../domain/plan';
import { evaluate } from '../rules';

export function evaluatePlan(plan: Plan): Finding[] {
  return evaluate(plan);
}
