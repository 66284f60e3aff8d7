/** Example plans and plan builders shared by the exporter tests and the golden-file script. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanDocument } from '../domain/parse';
import { PlanDocumentSchema, type Plan, type PlanInput } from '../domain/plan';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../examples/', import.meta.url));

export function examplePlans(): { name: string; plan: Plan }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const read = readPlanDocument(JSON.parse(readFileSync(join(EXAMPLES_DIR, f), 'utf8')));
      if (!read.ok) throw new Error(`${f}: ${read.error.message}`);
      return { name: f.replace(/\.json$/, ''), plan: read.plan };
    });
}

export function examplePlan(name: string): Plan {
  const found = examplePlans().find((e) => e.name === name);
  if (!found) throw new Error(`no example ${name}`);
  return found.plan;
}

/** Parses a plan input through the real schema (defaults applied). */
export function planOf(input: PlanInput): Plan {
  return PlanDocumentSchema.parse(input);
}
