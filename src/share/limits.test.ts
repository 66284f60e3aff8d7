/**
 * A link or a plan file over the plan's size limits is refused with the limit and where, before any
 * rule runs, and the link reader does not build the items of a list that is far too long.
 */
import { describe, expect, it } from 'vitest';
import { PLANNER_LIMITS } from '../domain/azure';
import { typicalPlan } from '../domain/samples';
import { expandPlanV1 } from './compact-v1';
import { decodePlanLink, encodeLinkPayload, encodePlanLink } from './link';
import { parsePlanFile, serializePlanFile } from './plan-file';

/** The typical plan with 100,000 identical subnets: a few kilobytes as a link. */
function identicalSubnets() {
  const plan = typicalPlan();
  if (plan.access.mode !== 'private') throw new Error('expected a private plan');
  plan.access.vnet.subnets = Array.from({ length: 100_000 }, () => ({ name: 'snet-a', prefix: '10.1.0.0/24' }));
  return plan;
}

const REFUSAL =
  'access.vnet.subnets: VNet "vnet-sample" has 100,001 subnets (the delegated one included); ' +
  'Azure allows at most 3,000 per VNet.';

describe('plans over the size limits', () => {
  it('a link of 100,000 identical subnets is refused with the limit, not opened', () => {
    const link = encodePlanLink(identicalSubnets());
    expect(link.length).toBeLessThan(10_000);
    expect(decodePlanLink(link)).toEqual({
      ok: false,
      error: {
        kind: 'invalid-plan',
        message: `The link holds an invalid plan: ${REFUSAL}`,
        path: 'access.vnet.subnets',
      },
    });
  });

  it('the same plan as a file is refused the same way', () => {
    const read = parsePlanFile(serializePlanFile(identicalSubnets()));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toBe(REFUSAL);
  });

  it('the link reader stands in the length for a list over its limit instead of building its items', () => {
    const n = PLANNER_LIMITS.firewallRules + 1;
    const wire = [
      1,
      null,
      [['pg', 'westeurope']],
      [1, Array.from({ length: n }, (_, i) => [`r${i}`, '1.1.1.1', '1.1.1.1']).flat()],
    ];
    const doc = expandPlanV1(wire) as { access: { firewallRules: unknown[] } };
    expect(doc.access.firewallRules).toHaveLength(n);
    expect(doc.access.firewallRules.some((r) => r !== undefined)).toBe(false);
    const read = decodePlanLink(encodeLinkPayload(JSON.stringify(wire)));
    expect(read.ok ? '' : read.error.message).toBe(
      'The link holds an invalid plan: access.firewallRules: 1,001 firewall rules; the planner takes at most 1,000 ' +
        'per server (its own limit: Azure documents none).',
    );
    // At the limit, the rules are expanded as usual.
    const atLimit = [
      1,
      null,
      [['pg', 'westeurope']],
      [1, Array.from({ length: n - 1 }, () => ['r', '1.1.1.1', '1.1.1.1']).flat()],
    ];
    const expanded = expandPlanV1(atLimit) as { access: { firewallRules: unknown[] } };
    expect(expanded.access.firewallRules[0]).toEqual({ name: 'r', startIp: '1.1.1.1', endIp: '1.1.1.1' });
  });
});
