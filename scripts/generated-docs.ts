/** The explicit list of generated documents: path and renderer. */
import { renderPlanJsonSchema } from '../src/domain/json-schema';
import { newPlan } from '../src/domain/new-plan';
import { evaluate } from '../src/rules';
import { renderRulesDoc } from '../src/rules/docs';
import { examplePlans } from '../src/domain/testing/examples';
import { compactPlanV1 } from '../src/share/compact-v1';

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
  // The example plans as the "Start from an example" dialog ships them: the share link's compact form of each.
  {
    path: 'src/features/wizard/example-plans.json',
    render: () => `${JSON.stringify(Object.fromEntries(examplePlans().map((e) => [e.file, compactPlanV1(e.plan)])))}\n`,
  },
];
