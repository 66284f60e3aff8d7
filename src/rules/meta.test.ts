/** The meta-test over the index: the catalog in spec/rules.md and the implemented rules agree. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FindingSchema } from '../domain/finding';
import { renderRulesDoc } from './docs';
import { RULES, evaluate } from './index';
import { severitiesOf } from './rule';
import { RULE_CASES } from './rule-cases';

const catalogText = readFileSync(join(import.meta.dirname, '..', '..', 'spec', 'rules.md'), 'utf8');
/** `| PGN-108 | error | …` rows of the catalog tables. */
const catalog = [...catalogText.matchAll(/^\| (PGN-\d{3}) \| ([a-z /]+?) \|/gm)].map((m) => ({
  id: m[1] as string,
  severity: (m[2] as string).replace(/\s*\/\s*/g, '/'),
}));

describe('rule index', () => {
  it('the catalog parses into the 67 rules of spec/rules.md', () => {
    expect(catalog.length).toBe(67);
    expect(new Set(catalog.map((c) => c.id)).size).toBe(catalog.length);
  });

  it('implements every catalog ID exactly once, with the catalog severity, and nothing else', () => {
    expect(RULES.map((r) => r.id)).toEqual(catalog.map((c) => c.id).sort());
    for (const c of catalog) {
      const matching = RULES.filter((r) => r.id === c.id);
      expect(matching, c.id).toHaveLength(1);
      expect(matching[0]?.severity, c.id).toBe(c.severity);
    }
  });

  it('lists rule IDs unique and sorted', () => {
    const ids = RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
  });

  it('every rule has a title, why, fix, source and an https docs link', () => {
    for (const r of RULES) {
      expect(r.title.length, r.id).toBeGreaterThan(10);
      expect(r.why.length, r.id).toBeGreaterThan(20);
      expect(r.fix.length, r.id).toBeGreaterThan(10);
      expect(r.source.length, r.id).toBeGreaterThan(3);
      expect(r.docs, r.id).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    }
  });

  it('every rule has a docs entry in docs/rules.md', () => {
    const doc = renderRulesDoc();
    for (const r of RULES) {
      expect(doc, r.id).toContain(`<a id="${r.id.toLowerCase()}"></a>`);
      expect(doc, r.id).toContain(`## ${r.id}: ${r.title}`);
      expect(doc, r.id).toContain(r.fix);
    }
  });
});

describe.each(RULES.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  const c = RULE_CASES[id];
  it('has a failing and a passing fixture', () => {
    expect(c, `no fixture for ${id}`).toBeDefined();
  });
  if (c === undefined) return;

  it(`fires on its failing plan at ${c.path}, with a valid finding of the rule's severity`, () => {
    const findings = rule.check(c.fails);
    const here = findings.filter((f) => f.path === c.path);
    expect(here.length, JSON.stringify(findings)).toBeGreaterThan(0);
    for (const f of findings) {
      expect(FindingSchema.parse(f)).toEqual(f);
      expect(f.ruleId).toBe(id);
      expect(severitiesOf(rule)).toContain(f.severity);
      expect(f.docs).toBe(rule.docs);
      expect(f.message.length).toBeGreaterThan(20);
    }
    // evaluate() reports it too.
    expect(evaluate(c.fails).some((f) => f.ruleId === id && f.path === c.path)).toBe(true);
  });

  if (c.passes === null) {
    it('applies to every plan: fires on every fixture', () => {
      for (const other of Object.values(RULE_CASES)) {
        expect(rule.check(other.fails).length).toBeGreaterThan(0);
      }
    });
  } else {
    const passes = c.passes;
    it('stays quiet on its passing plan', () => {
      expect(rule.check(passes)).toEqual([]);
    });
  }
});
