/** The plan's published JSON Schema (docs/plan.schema.json), generated from the zod schemas. */
import * as z from 'zod/mini';
import { PLAN_FORMAT_VERSION, PlanDocumentSchema } from './plan';

function planJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(PlanDocumentSchema, { target: 'draft-2020-12', io: 'input' });
  return {
    title: `Azure Database for PostgreSQL flexible server networking plan (format version ${PLAN_FORMAT_VERSION})`,
    ...schema,
  };
}

export function renderPlanJsonSchema(): string {
  return `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
}
