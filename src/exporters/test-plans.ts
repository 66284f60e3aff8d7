/** Example plans and plan builders shared by the exporter tests and the golden-file script. */
import { PlanDocumentSchema, type Plan, type PlanInput } from '../domain/plan';

export { examplePlan, examplePlans } from '../domain/testing/examples';

/** Parses a plan input through the real schema (defaults applied). */
export function planOf(input: PlanInput): Plan {
  return PlanDocumentSchema.parse(input);
}
