/** PGN-114: every subnet is a /29 or larger; the delegated subnet is PGN-108's (a /28), never reported twice. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import { cidrsOverlap, parseCidr } from '../../domain/ipv4';
import { setIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { privateInput, privatePlan, publicPlan } from '../fixtures';
import { evaluate } from '../index';
import { PlanSchema } from '../plan-schema';

const of = (plan: Plan, ruleId = 'PGN-114'): Finding[] => evaluate(plan).filter((f) => f.ruleId === ruleId);
const subnet = (prefix: string, name = 'snet-x') => ['access.vnet.subnets.1', { name, prefix }] as const;
const SMALLEST = "Azure's smallest subnet is a /29 (8 addresses, 3 usable after the 5 Azure reserves in every subnet).";

describe('PGN-114 every subnet is a /29 or larger', () => {
  it.each(['10.0.2.0/29', '10.0.2.0/28', '10.0.2.0/24', '10.0.128.0/17'])('%s passes', (prefix) => {
    expect(of(privatePlan(subnet(prefix)))).toEqual([]);
  });

  it.each([
    ['10.0.2.0/30', 4, '10.0.2.0/29'],
    ['10.0.2.4/30', 4, '10.0.2.0/29'],
    ['10.0.2.6/31', 2, '10.0.2.0/29'],
    ['10.0.2.7/32', 1, '10.0.2.0/29'],
  ])('%s (%i address(es)) fails at its prefix, suggesting %s', (prefix, size, suggestion) => {
    expect(of(privatePlan(subnet(prefix))).map((f) => [f.path, f.severity, f.message])).toEqual([
      [
        'access.vnet.subnets.1.prefix',
        'error',
        `Subnet "snet-x" is ${prefix}, ${size} address${size === 1 ? '' : 'es'}: ${SMALLEST} Try ${suggestion}.`,
      ],
    ]);
  });

  it('suggests the first free /29 when the block around the subnet is taken or outside the VNet', () => {
    // 10.0.1.0/30 sits inside snet-app (10.0.1.0/24): its /29 is taken, so the first free /29 is offered.
    const taken = of(privatePlan(subnet('10.0.1.8/30')))[0]?.message;
    expect(taken).toBe(`Subnet "snet-x" is 10.0.1.8/30, 4 addresses: ${SMALLEST} Try 10.0.0.16/29.`);
    const outside = of(privatePlan(subnet('10.9.0.0/30')))[0]?.message;
    expect(outside).toBe(`Subnet "snet-x" is 10.9.0.0/30, 4 addresses: ${SMALLEST} Try 10.0.0.16/29.`);
  });

  it('every suggestion is a /29 inside the VNet that overlaps no subnet', () => {
    const plan = privatePlan(
      ['access.vnet.addressSpaces', ['10.0.0.0/26']],
      ['access.delegatedSubnet.prefix', '10.0.0.0/28'],
      [
        'access.vnet.subnets',
        [
          { name: 'a', prefix: '10.0.0.16/30' },
          { name: 'b', prefix: '10.0.0.20/30' },
          { name: 'c', prefix: '10.0.0.24/29' },
          { name: 'd', prefix: '10.0.0.40/30' },
        ],
      ],
    );
    const suggestions = of(plan).map((f) => f.message.match(/Try (\S+)\.$/)?.[1]);
    // a and b share their /29: each is offered the first free /29 instead; d's own /29 (10.0.0.40/29) is free.
    expect(suggestions).toEqual(['10.0.0.32/29', '10.0.0.32/29', '10.0.0.40/29']);
    const used = ['10.0.0.0/28', '10.0.0.16/30', '10.0.0.20/30', '10.0.0.24/29'].map((c) => parseCidr(c));
    for (const s of suggestions.slice(0, 2)) {
      const block = parseCidr(s ?? '');
      expect(block.ok).toBe(true);
      for (const u of used) if (block.ok && u.ok) expect(cidrsOverlap(block.value, u.value), s).toBe(false);
    }
  });

  it('says so when no /29 is free', () => {
    const plan = privatePlan(
      ['access.vnet.addressSpaces', ['10.0.0.0/28']],
      ['access.delegatedSubnet.prefix', '10.0.0.0/29'],
      [
        'access.vnet.subnets',
        [
          { name: 'snet-x', prefix: '10.0.0.8/30' },
          { name: 'snet-y', prefix: '10.0.0.12/30' },
        ],
      ],
    );
    expect(of(plan).map((f) => f.path)).toEqual(['access.vnet.subnets.0.prefix', 'access.vnet.subnets.1.prefix']);
    expect(of(plan)[0]?.message).toBe(
      `Subnet "snet-x" is 10.0.0.8/30, 4 addresses: ${SMALLEST} No free /29 is left in the VNet; add an address space.`,
    );
  });

  it('the delegated subnet is left to PGN-108: reported once, by PGN-108', () => {
    for (const prefix of ['10.0.0.0/29', '10.0.0.0/30', '10.0.0.0/32']) {
      const plan = privatePlan(['access.delegatedSubnet.prefix', prefix]);
      expect(of(plan)).toEqual([]);
      expect(of(plan, 'PGN-108').map((f) => f.path)).toEqual(['access.delegatedSubnet.prefix']);
    }
  });

  it('a prefix that is not an aligned CIDR is left to the rules that parse it', () => {
    expect(of(privatePlan(subnet('10.0.2.1/30')))).toEqual([]);
    expect(of(privatePlan(subnet('not a prefix')))).toEqual([]);
  });

  it('public access has no subnets to check', () => {
    expect(of(publicPlan())).toEqual([]);
  });

  it('PlanSchema rejects a /30 subnet with the rule ID on its prefix', () => {
    const result = PlanSchema.safeParse(
      setIn(privateInput, 'access.vnet.subnets.0', { name: 'snet-app', prefix: '10.0.1.0/30' }),
    );
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'access.vnet.subnets.0.prefix');
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-114');
  });
});
