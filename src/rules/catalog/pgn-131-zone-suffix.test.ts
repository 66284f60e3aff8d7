/** Amended PGN-131: each label of the zone name has at most 63 characters. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import { setIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { privateInput, privatePlan } from '../fixtures';
import { evaluate } from '../index';
import { PlanSchema } from '../plan-schema';

const of = (plan: Plan): Finding[] => evaluate(plan).filter((f) => f.ruleId === 'PGN-131');
const zone = (name: string) => privatePlan(['access.privateDnsZone.name', name]);

describe('PGN-131 each label is at most 63 characters', () => {
  it.each([
    `${'a'.repeat(63)}.postgres.database.azure.com`,
    `pg.${'b'.repeat(63)}.postgres.database.azure.com`,
    `${'c'.repeat(63)}.${'d'.repeat(63)}.postgres.database.azure.com`,
  ])('%s passes', (name) => {
    expect(of(zone(name))).toEqual([]);
  });

  it('a 64-character first label fails, with a shortened name', () => {
    const label = 'a'.repeat(64);
    expect(of(zone(`${label}.postgres.database.azure.com`)).map((f) => [f.path, f.severity, f.message])).toEqual([
      [
        'access.privateDnsZone.name',
        'error',
        `Zone name "${label}.postgres.database.azure.com" has a label of 64 characters ("${label}"); each label ` +
          '(the part between two dots) has at most 63. Shorten it, e.g. ' +
          `${'a'.repeat(63)}.postgres.database.azure.com.`,
      ],
    ]);
  });

  it('a long label in the middle is found and shortened in place, without a trailing hyphen', () => {
    const label = `${'x'.repeat(62)}-z`;
    const [f] = of(zone(`pg.${label}.postgres.database.azure.com`));
    expect(f?.message).toContain(`has a label of 64 characters ("${label}")`);
    expect(f?.message).toMatch(new RegExp(`e\\.g\\. pg\\.${'x'.repeat(62)}\\.postgres\\.database\\.azure\\.com\\.$`));
  });

  it('PlanSchema rejects the 64-character label with the rule ID on the zone name', () => {
    const input = setIn(privateInput, 'access.privateDnsZone.name', `${'a'.repeat(64)}.postgres.database.azure.com`);
    const result = PlanSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'access.privateDnsZone.name');
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-131');
  });
});
