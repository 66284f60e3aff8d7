import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AZURE_NAME_RULES, type AzureNameRule } from './azure';
import { nameProblems, peeringName, suggestName, zoneLinkName } from './resource-names';

/** The rule read character by character, as the naming page states it. */
function passes(rule: AzureNameRule, name: string): boolean {
  const chars = [...name];
  return (
    name.length >= rule.min &&
    name.length <= rule.max &&
    chars.every((c) => rule.allowed.test(c)) &&
    rule.first.test(chars[0] ?? '') &&
    (chars.length === 1 || rule.last.test(chars[chars.length - 1] ?? '')) &&
    name.normalize('NFC') === name
  );
}

const alphabet = fc.constantFrom(...'aZ09_.-() ;#@ä日', 'e\u0301', '\u0000', '😀', '\u1100\u1161');
const names = fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join(''));

describe('nameProblems', () => {
  it.each(Object.entries(AZURE_NAME_RULES))('%s: no problem exactly when every part of the rule holds', (_k, rule) => {
    fc.assert(
      fc.property(names, (name) => {
        expect(nameProblems(rule, name).length === 0).toBe(passes(rule, name));
      }),
      { numRuns: 2000 },
    );
  });

  it('long names: the length bounds of each rule', () => {
    for (const rule of Object.values(AZURE_NAME_RULES)) {
      expect(nameProblems(rule, 'a'.repeat(rule.max))).toEqual([]);
      expect(nameProblems(rule, 'a'.repeat(rule.max + 1))).toEqual([
        `it has ${rule.max + 1} characters (at most ${rule.max})`,
      ]);
    }
  });
});

describe('suggestName', () => {
  it.each(Object.entries(AZURE_NAME_RULES))('%s: always suggests a name that passes', (_k, rule) => {
    fc.assert(
      fc.property(names, (name) => {
        expect(nameProblems(rule, suggestName(rule, name, 'fallback'))).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('derived names', () => {
  it('peerings are <local>-to-<remote>, zone links <VNet>-link, as the exports write them', () => {
    expect(peeringName('vnet-a', 'vnet-b')).toBe('vnet-a-to-vnet-b');
    expect(zoneLinkName('vnet-a')).toBe('vnet-a-link');
    // A valid VNet name always gives a valid link name (the rule PGN-009 relies on).
    expect(nameProblems(AZURE_NAME_RULES.virtualNetworkLink, zoneLinkName('v'.repeat(64)))).toEqual([]);
  });
});
