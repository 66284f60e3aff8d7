/** PGN-012: resource IDs are built from subscription IDs (GUIDs), never from a subscription's name. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import { setIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { privateInput, privatePlan, publicPlan, SUB_A, SUB_HUB } from '../fixtures';
import { evaluate } from '../index';
import { PlanSchema } from '../plan-schema';

const of = (plan: Plan): Finding[] => evaluate(plan).filter((f) => f.ruleId === 'PGN-012');
const HOW =
  'Find it with az account show --subscription NAME --query id -o tsv, ' +
  "or on the portal's Subscriptions blade (Subscription ID column).";

describe('PGN-012 subscriptions are subscription IDs', () => {
  it('a name where an ID is built fails, with the field, the value and how to find the ID', () => {
    const found = of(
      privatePlan(
        ['servers.0.subscription', 'contoso-prod'],
        ['access.privateDnsZone.subscription', 'connectivity-sub'],
        ['access.peeredVnets.0.subscription', 'Connectivity Hub'],
      ),
    );
    expect(found.map((f) => [f.path, f.severity, f.message])).toEqual([
      [
        'access.peeredVnets.0.subscription',
        'error',
        'The subscription of the peered VNet vnet-b is "Connectivity Hub", not a subscription ID (a GUID such as ' +
          '00000000-0000-0000-0000-000000000000): resource IDs need the ID, never the name. ' +
          HOW,
      ],
      [
        'access.privateDnsZone.subscription',
        'error',
        'The subscription of the private DNS zone pg-test.private.postgres.database.azure.com is ' +
          '"connectivity-sub", not a subscription ID (a GUID such as 00000000-0000-0000-0000-000000000000): ' +
          'resource IDs need the ID, never the name. ' +
          HOW,
      ],
      [
        'servers.0.subscription',
        'error',
        'The subscription of server pg-test is "contoso-prod", not a subscription ID (a GUID such as ' +
          '00000000-0000-0000-0000-000000000000): resource IDs need the ID, never the name. ' +
          HOW,
      ],
    ]);
  });

  it('holds for every server, in public access too', () => {
    const plan = publicPlan([
      'servers',
      [
        { name: 'pg-a', region: 'westeurope', subscription: SUB_A },
        { name: 'pg-b', region: 'northeurope', subscription: 'analytics' },
      ],
    ]);
    expect(of(plan).map((f) => f.path)).toEqual(['servers.1.subscription']);
  });

  it('GUIDs in either case and empty fields (the deployment own subscription) pass', () => {
    expect(
      of(
        privatePlan(
          ['servers.0.subscription', SUB_A.toUpperCase()],
          ['access.privateDnsZone.subscription', SUB_HUB],
          ['access.peeredVnets.0.subscription', ''],
        ),
      ),
    ).toEqual([]);
  });

  it('refuses what is almost a GUID: braces, a missing digit, a non-hex digit, surrounding spaces', () => {
    for (const value of [`{${SUB_A}}`, SUB_A.slice(1), SUB_A.replace(/a/, 'g'), ` ${SUB_A}`, SUB_A.replace(/-/g, '')])
      expect(
        of(privatePlan(['servers.0.subscription', value])).map((f) => f.path),
        value,
      ).toEqual(['servers.0.subscription']);
  });

  it('PlanSchema rejects the plan with the rule ID on the field', () => {
    const result = PlanSchema.safeParse(setIn(privateInput, 'access.privateDnsZone.subscription', 'hub-sub'));
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'access.privateDnsZone.subscription');
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-012');
  });
});
