/** Every released link and file format still opens to the plan it held (see fixtures/README.md). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodePlanLink } from './link';
import { parsePlanFile } from './plan-file';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.plan.json'))
  .map((f) => f.replace(/\.plan\.json$/, ''))
  .sort();

/**
 * The plan a frozen file holds: its JSON, with the fields added to format 1 since then at their defaults (which
 * keep the old meaning): a client's `intent`, default `mustReach` (PGN-008).
 */
function expectedPlan(text: string): unknown {
  const json = JSON.parse(text) as { clients?: Record<string, unknown>[] };
  for (const c of json.clients ?? []) c.intent ??= 'mustReach';
  return json;
}

describe('frozen fixtures', () => {
  it('covers link and file format 1 for each example, the typical plan and the every-field plan', () => {
    expect(names).toEqual(['v1-eight-subnets', 'v1-every-field', 'v1-hub-and-spoke', 'v1-public-office', 'v1-typical']);
    for (const name of names) expect(readdirSync(dir)).toContain(`${name}.link.txt`);
  });

  it.each(names)('%s: the plan file opens, and writing it again is byte-identical', (name) => {
    const text = readFileSync(join(dir, `${name}.plan.json`), 'utf8');
    const file = parsePlanFile(text);
    expect(file.ok).toBe(true);
    // The file's own text is the expected plan: compare with the JSON as written, not with a re-encoding.
    if (file.ok) expect(file.plan).toEqual(expectedPlan(text));
  });

  it.each(names)('%s: the link opens to the same plan as the file', (name) => {
    const link = readFileSync(join(dir, `${name}.link.txt`), 'utf8').trim();
    const file = parsePlanFile(readFileSync(join(dir, `${name}.plan.json`), 'utf8'));
    const opened = decodePlanLink(link);
    expect(opened.ok, opened.ok ? '' : opened.error.message).toBe(true);
    if (opened.ok && file.ok) expect(JSON.stringify(opened.plan)).toBe(JSON.stringify(file.plan));
  });
});
