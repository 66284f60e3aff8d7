/** The explicit list of generated documents: path and renderer. */
import { renderPlanJsonSchema } from '../src/domain/json-schema';
import { renderRulesDoc } from '../src/rules/docs';

export interface GeneratedDoc {
  path: string;
  render: () => string;
}

export const GENERATED_DOCS: GeneratedDoc[] = [
  { path: 'docs/plan.schema.json', render: renderPlanJsonSchema },
  { path: 'docs/rules.md', render: renderRulesDoc },
];
