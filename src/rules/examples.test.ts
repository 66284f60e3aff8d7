/** Every example plan reports exactly the rule IDs examples/README.md lists for it. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanDocument } from '../domain/parse';
import { evaluate } from './index';
import { PlanSchema } from './plan-schema';
import { EXAMPLE_NAMES, EXAMPLES_DIR, exampleDocument } from '../domain/testing/examples';

const readme = readFileSync(join(EXAMPLES_DIR, 'README.md'), 'utf8');

/** `| [`file.json`](file.json) | … | PGN-002, PGN-003 |` rows of the README table (cells may be padded). */
const documented = new Map(
  [...readme.matchAll(/^\| \[`([\w-]+\.json)`\]\([^)]*\) +\|.*\| ((?:PGN-\d{3}(?:, )?)*) *\|$/gm)].map((m) => [
    m[1] as string,
    (m[2] as string).split(', ').filter(Boolean),
  ]),
);
const files = EXAMPLE_NAMES.map((name) => `${name}.json`);

describe('examples', () => {
  it('README documents every example file', () => {
    expect([...documented.keys()].sort()).toEqual(files);
  });

  describe.each(EXAMPLE_NAMES)('%s.json', (name) => {
    const file = `${name}.json`;
    const read = readPlanDocument(exampleDocument(name));
    it('is a valid plan document', () => {
      expect(read.ok, read.ok ? '' : read.error.message).toBe(true);
    });
    if (!read.ok) return;
    const findings = evaluate(read.plan);

    it('reports exactly the rule IDs listed in examples/README.md', () => {
      expect([...new Set(findings.map((f) => f.ruleId))].sort()).toEqual(documented.get(file));
    });

    it('has no error and no warning, and passes PlanSchema', () => {
      expect(findings.filter((f) => f.severity !== 'info')).toEqual([]);
      expect(PlanSchema.safeParse(exampleDocument(name)).success).toBe(true);
    });
  });
});
