import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { renderPlanJsonSchema } from '../src/domain/json-schema';
import { DESCRIBED_MODULE, stripDescriptions } from './strip-descriptions';

const HELPER = 'const describe = (schema, text) => schema.check(z.describe(text));\n';

describe('stripDescriptions', () => {
  it('replaces each describe(schema, text) by its schema, nested calls and joined texts included', () => {
    const code = `${HELPER}const A = describe(z.object({ a: describe(z.string(), 'inner') }), 'outer ' + \`two\`);\n`;
    expect(stripDescriptions(code)).toBe(`${HELPER}const A = z.object({ a: z.string() });\n`);
  });

  it('leaves a call whose text is computed, and calls of other functions', () => {
    const code = `${HELPER}const A = describe(z.string(), label);\nconst B = other(z.string(), 'text');\n`;
    expect(stripDescriptions(code)).toBe(code);
  });

  it('refuses a module without its own describe helper', () => {
    expect(() => stripDescriptions("const A = describe(z.string(), 'text');\n")).toThrow(/defines no describe/);
  });

  it('drops every text of the published JSON Schema from the built plan module, and keeps its messages', async () => {
    const path = resolve(import.meta.dirname, '../src/domain/plan.ts');
    expect(DESCRIBED_MODULE.test(path)).toBe(true);
    const built = (await transformWithOxc(readFileSync(path, 'utf8'), path)).code;
    const stripped = stripDescriptions(built);
    const texts: string[] = [];
    JSON.parse(renderPlanJsonSchema(), (key, value: unknown) => {
      if (key === 'description' && typeof value === 'string') texts.push(value);
      return value;
    });
    expect(texts.length).toBeGreaterThan(50);
    // Texts joined with `+` in the source are checked by their first 30 characters.
    const leftovers = texts.filter((text) => stripped.includes(text.slice(0, 30)));
    expect(leftovers).toEqual([]);
    expect(built.includes(texts[0]!.slice(0, 30))).toBe(true);
    expect(stripped.match(/\bdescribe\(/g)).toHaveLength(1); // the helper's own z.describe(text)
    expect(stripped).toContain('the planner takes at most');
  });
});
