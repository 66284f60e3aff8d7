/**
 * The one loader of the example plans (`examples/*.json`) for tests, benches and golden files: by name without
 * `.json`, as text, as parsed JSON, or as a plan read through the plan reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanDocument } from '../parse';
import type { Plan } from '../plan';

export const EXAMPLES_DIR = fileURLToPath(new URL('../../../examples/', import.meta.url));

/** The examples' names (file names without `.json`), sorted. */
export const EXAMPLE_NAMES: readonly string[] = readdirSync(EXAMPLES_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length))
  .sort();

export function exampleText(name: string): string {
  return readFileSync(join(EXAMPLES_DIR, `${name}.json`), 'utf8');
}

export function exampleDocument(name: string): unknown {
  return JSON.parse(exampleText(name));
}

export function examplePlan(name: string): Plan {
  const read = readPlanDocument(exampleDocument(name));
  if (!read.ok) throw new Error(`examples/${name}.json: ${read.error.message}`);
  return read.plan;
}

/** Every example, read as a plan. */
export function examplePlans(): { name: string; file: string; plan: Plan }[] {
  return EXAMPLE_NAMES.map((name) => ({ name, file: `${name}.json`, plan: examplePlan(name) }));
}
