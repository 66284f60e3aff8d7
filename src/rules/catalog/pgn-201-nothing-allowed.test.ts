/** PGN-201 with private endpoints: no firewall rule no longer means that nothing can connect. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { publicPePlan, publicPlan } from '../fixtures';
import { evaluate } from '../index';

const paths = (plan: Plan) =>
  evaluate(plan)
    .filter((f) => f.ruleId === 'PGN-201')
    .map((f) => f.path);
const none = ['access.firewallRules', []] as const;

describe('PGN-201 no firewall rule', () => {
  it('warns without firewall rules, Azure services and private endpoints', () => {
    expect(paths(publicPlan(none))).toEqual(['access.firewallRules']);
  });

  it('stays quiet when private endpoints carry the traffic', () => {
    expect(paths(publicPePlan(none))).toEqual([]);
  });

  it('stays quiet with public network access off: PGN-224 says nothing can connect', () => {
    const plan = publicPlan(none, ['access.publicNetworkAccess', false]);
    expect(paths(plan)).toEqual([]);
    expect(evaluate(plan).map((f) => [f.ruleId, f.path])).toContainEqual(['PGN-224', 'access.publicNetworkAccess']);
  });
});
