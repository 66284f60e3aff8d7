import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { transformWithOxc } from 'vite';
import { describe, expect, it } from 'vitest';
import { renderPlanJsonSchema } from '../src/domain/json-schema';
import { RULES } from '../src/rules/index';
import { DESCRIBED_MODULE, RULE_MODULE, stripDescriptions, stripRuleDocs } from './strip-docs';

const HELPER = 'const describe = (schema, text) => schema.check(z.describe(text));\n';

describe('stripDescriptions', () => {
  it('replaces each describe(schema, text) by its schema, nested calls and joined texts included', () => {
    const code = `${HELPER}const A = describe(z.object({ a: describe(z.string(), 'inner') }), 'outer ' + \`two\`);\n`;
    expect(stripDescriptions(code)).toBe(`${HELPER}const A = z.object({ a: z.string() });\n`);
  });

  it('leaves a call whose text is computed, and calls of other functions', () => {
    const code = `${HELPER}const A = describe(z.string(), label());\nconst B = other(z.string(), 'text');\n`;
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

describe('stripRuleDocs', () => {
  const rule = (docs: string) =>
    "export const pgn999 = {\n  id: 'PGN-999',\n  severity: 'error',\n  docs: DOCS.x,\n" +
    `${docs}  check(plan) {\n    return [];\n  },\n};\n`;

  it("drops a rule's title, why, fix and source, constant or built from constants, and keeps the rest", () => {
    const code = rule(
      "  title: 'T',\n  why: `at most ${MAX.n} ` + 'x',\n  fix: FIX_TEXT,\n  source: 'facts §1',\n  reads: 'access',\n",
    );
    expect(stripRuleDocs(code)).toBe(rule("  reads: 'access',\n"));
  });

  it('keeps a text computed by a call, and objects that are not rules', () => {
    const computed = rule("  why: words('x'),\n");
    expect(stripRuleDocs(computed)).toBe(computed);
    const other = "const a = { id: 'PGN-1', title: 'x', check() {} };\nconst b = { id: 'PGN-123', title: 'x' };\n";
    expect(stripRuleDocs(other)).toBe(other);
  });

  it('refuses a rule that reads one of them at run time', () => {
    expect(() => stripRuleDocs(rule("  fix: 'x',\n").replace('return []', 'return [this.fix]'))).toThrow(/run time/);
  });

  it("drops every rule's texts from the built catalog, and no rule loses its check", async () => {
    const dir = resolve(import.meta.dirname, '../src/rules/catalog');
    const files = readdirSync(dir).filter((f) => /^pgn-\d{3}-.*\.ts$/.test(f) && !f.endsWith('.test.ts'));
    expect(files.length).toBe(RULES.length);
    let stripped = '';
    for (const file of files) {
      const path = resolve(dir, file);
      expect(RULE_MODULE.test(path)).toBe(true);
      const out = stripRuleDocs((await transformWithOxc(readFileSync(path, 'utf8'), path)).code);
      expect(out).toMatch(/\bcheck\b/);
      stripped += out;
    }
    // No rule keeps a title, why or fix but PGN-105, whose why is computed by a call (its reserved names joined).
    // (`source:` is also a key of the NSG flows some rules build; texts joined with `+` don't appear whole.)
    expect(stripped.match(/\b(title|why|fix):/g)).toEqual(['why:']);
    expect(stripped).toContain('why: `${RESERVED_SUBNET_NAMES.join(');
    const built = files.map((f) => readFileSync(resolve(dir, f), 'utf8')).join('');
    expect(built.match(/\bwhy:/g)).toHaveLength(RULES.length);
    expect(RULES.filter((r) => !stripped.includes(`"${r.id}"`)).map((r) => r.id)).toEqual([]);
  });
});
