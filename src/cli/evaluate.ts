/** The findings the CLI reports for a plan. */
import type { Finding } from '../domain/finding';
import type { Plan } from '../domain/plan';

export function evaluatePlan(_plan: Plan): Finding[] {
  return [];
}
