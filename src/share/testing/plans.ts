/** The example plans of the repository, read through the real reader (test and bench support). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readPlanDocument } from '../../domain/parse';
import type { Plan } from '../../domain/plan';

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../../examples');

export function examplePlans(): { file: string; plan: Plan }[] {
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const read = readPlanDocument(JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')));
      if (!read.ok) throw new Error(`${file}: ${read.error.message}`);
      return { file, plan: read.plan };
    });
}

/** The plan as it looks after a JSON round trip (what a link or file must give back). */
export const jsonRoundTrip = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
