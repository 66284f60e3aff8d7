/** The explicit list of generated documents: path and renderer. */
import { renderPlanJsonSchema } from '../src/domain/json-schema';
import { newPlan } from '../src/domain/new-plan';
import { evaluate } from '../src/rules';
import { renderRulesDoc } from '../src/rules/docs';

export interface GeneratedDoc {
  path: string;
  render: () => string;
}

export const GENERATED_DOCS: GeneratedDoc[] = [
  { path: 'docs/plan.schema.json', render: renderPlanJsonSchema },
  { path: 'docs/rules.md', render: renderRulesDoc },
  // What the first screen shows for the new plan before the rule engine has loaded (see use-findings.ts).
  {
    path: 'src/features/findings/initial-findings.json',
    render: () => `${JSON.stringify(evaluate(newPlan()), null, 2)}\n`,
  },
];
