/**
 * Plan size limits (domain/azure.ts): a plan over one of them is refused by the plan schema, with the
 * count, the limit and where, before any rule runs; a plan at the limits is read and checked, and
 * adversarial plans (all identical, nested or overlapping) get at most one finding per element.
 */
import { describe, expect, it } from 'vitest';
import {
  MAX_DNS_SERVERS_PER_VNET,
  MAX_NSG_ADDRESSES_PER_RULE_SIDE,
  MAX_NSG_ASGS_PER_RULE_SIDE,
  MAX_NSG_RULES_PER_NSG,
  MAX_PEERINGS_PER_VNET,
  MAX_PRIVATE_ENDPOINTS_PER_VNET,
  MAX_SUBNETS_PER_VNET,
  PLANNER_LIMITS,
} from '../domain/azure';
import { AZURE_MAXIMUM_SIZE, LIMIT_SHAPES, limitPlan } from '../domain/limit-samples';
import { readPlanDocument } from '../domain/parse';
import { getIn, setIn } from '../domain/paths';
import { privateInput, publicInput, nsgRule } from './fixtures';
import { evaluate } from './index';
import { PlanSchema } from './plan-schema';

const many = <T>(count: number, item: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => item(i));
const subnets = (count: number, prefix = '10.0.1.0/24') => many(count, (i) => ({ name: `snet-${i}`, prefix }));
const withList = (base: unknown, path: string, list: unknown[]): unknown => setIn(base, path, list);

/** A private plan whose server name PGN-001 refuses: if the error rules ran, their issue would show. */
const badServerName = setIn(privateInput, 'servers.0.name', '-Bad_Name-');

const ruleIdOf = (issue: object): string | undefined => (issue as { params?: { ruleId?: string } }).params?.ruleId;
const ruleIssues = (issues: readonly object[]) => issues.filter((i) => ruleIdOf(i) !== undefined);

describe('a plan over a size limit is refused before any rule runs', () => {
  const huge = withList(badServerName, 'access.vnet.subnets', subnets(100_000));

  it('100,000 identical subnets: one issue, the limit, no rule finding', () => {
    const result = PlanSchema.safeParse(huge);
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      code: 'too_big',
      path: ['access', 'vnet', 'subnets'],
      message: '100,001 subnets (the delegated one included); Azure allows at most 3,000 per VNet.',
    });
    expect(ruleIssues(issues)).toEqual([]);
    // The same plan within the limit: the error rules run and PGN-001 reports the server name.
    const within = PlanSchema.safeParse(withList(badServerName, 'access.vnet.subnets', subnets(3)));
    expect(ruleIssues(within.error?.issues ?? []).map(ruleIdOf)).toContain('PGN-001');
  });

  it('the plan reader names the VNet, the count and the limit', () => {
    const read = readPlanDocument(huge);
    expect(read).toEqual({
      ok: false,
      error: {
        kind: 'shape',
        path: 'access.vnet.subnets',
        message:
          'access.vnet.subnets: VNet "vnet-a" has 100,001 subnets (the delegated one included); ' +
          'Azure allows at most 3,000 per VNet.',
      },
    });
  });

  it('10,000 overlapping subnets are refused the same way', () => {
    const overlapping = many(10_000, (i) => ({
      name: `snet-${i}`,
      prefix: i % 2 === 0 ? '10.0.0.0/20' : '10.0.1.0/24',
    }));
    const read = readPlanDocument(withList(privateInput, 'access.vnet.subnets', overlapping));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toContain('has 10,001 subnets');
  });

  it('a text over the length limit stops the rules too', () => {
    const result = PlanSchema.safeParse(setIn(badServerName, 'name', 'x'.repeat(PLANNER_LIMITS.textLength + 1)));
    const issues = result.error?.issues ?? [];
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      [
        'name',
        '1,001 characters; the planner takes at most 1,000 in one field ' +
          "(its own limit: Azure's names and addresses are far shorter).",
      ],
    ]);
    expect(PlanSchema.safeParse(setIn(privateInput, 'name', 'x'.repeat(PLANNER_LIMITS.textLength))).success).toBe(true);
  });
});

describe('every list limit: at the limit the plan is read, one more is refused with count, limit and owner', () => {
  const nsg = {
    name: 'nsg-postgres',
    rules: [nsgRule('allow-app', 100, 'Inbound', 'Allow', { sourceAddresses: ['10.0.1.0/24'] })],
  };
  const withNsg = setIn(privateInput, 'access.delegatedSubnet.nsg', nsg);
  const rulePath = 'access.delegatedSubnet.nsg.rules.0';
  const cases: {
    what: string;
    base: unknown;
    path: string;
    max: number;
    item: (i: number) => unknown;
    message: (n: number) => string;
  }[] = [
    {
      what: 'subnets per VNet (the delegated one counts)',
      base: privateInput,
      path: 'access.vnet.subnets',
      max: MAX_SUBNETS_PER_VNET - 1,
      item: (i) => ({ name: `snet-${i}`, prefix: '10.0.1.0/24' }),
      message: (n) =>
        `VNet "vnet-a" has ${(n + 1).toLocaleString('en-US')} subnets (the delegated one included); ` +
        'Azure allows at most 3,000 per VNet.',
    },
    {
      what: 'other VNets (peerings of the server VNet)',
      base: privateInput,
      path: 'access.peeredVnets',
      max: MAX_PEERINGS_PER_VNET,
      item: (i) => ({ name: `vnet-${i}`, region: 'westeurope', addressSpaces: ['10.1.0.0/16'] }),
      message: (n) => `${n} other VNets; Azure allows at most 500 peerings per VNet.`,
    },
    {
      what: 'NSG rules',
      base: withNsg,
      path: 'access.delegatedSubnet.nsg.rules',
      max: MAX_NSG_RULES_PER_NSG,
      item: (i) => nsgRule(`r-${i}`, 100 + i, 'Inbound', 'Allow'),
      message: (n) => `NSG "nsg-postgres" has ${n.toLocaleString('en-US')} rules; Azure allows at most 1,000 per NSG.`,
    },
    {
      what: 'addresses on one side of an NSG rule',
      base: withNsg,
      path: `${rulePath}.sourceAddresses`,
      max: MAX_NSG_ADDRESSES_PER_RULE_SIDE,
      item: () => '10.0.1.0/24',
      message: (n) =>
        `NSG rule "allow-app" has ${n.toLocaleString('en-US')} addresses or ranges; ` +
        'Azure allows at most 4,000 per NSG rule side.',
    },
    {
      what: 'application security groups on one side of an NSG rule',
      base: withNsg,
      path: `${rulePath}.destinationAsgs`,
      max: MAX_NSG_ASGS_PER_RULE_SIDE,
      item: (i) => `asg-${i}`,
      message: (n) =>
        `NSG rule "allow-app" has ${n} application security groups; Azure allows at most 10 per NSG rule side.`,
    },
    {
      what: 'ports on one side of an NSG rule',
      base: withNsg,
      path: `${rulePath}.destinationPorts`,
      max: PLANNER_LIMITS.nsgPortsPerRuleSide,
      item: (i) => String(1000 + i),
      message: (n) =>
        `NSG rule "allow-app" has ${n.toLocaleString('en-US')} ports or port ranges; ` +
        'the planner takes at most 4,000 per NSG rule side (its own limit: Azure documents none).',
    },
    {
      what: 'DNS servers of a VNet',
      base: setIn(privateInput, 'access.vnet.dns', { kind: 'custom', servers: [], forwardsToAzureDns: true }),
      path: 'access.vnet.dns.servers',
      max: MAX_DNS_SERVERS_PER_VNET,
      item: (i) => `10.0.1.${i + 4}`,
      message: (n) => `VNet "vnet-a" has ${n} DNS servers; Azure allows at most 20 per VNet.`,
    },
    {
      what: 'address spaces of another VNet',
      base: privateInput,
      path: 'access.peeredVnets.0.addressSpaces',
      max: PLANNER_LIMITS.addressSpacesPerVnet,
      item: (i) => `10.${i + 1}.0.0/16`,
      message: (n) =>
        `VNet "vnet-b" has ${n} address spaces; ` +
        'the planner takes at most 100 per VNet (its own limit: Azure documents none).',
    },
    {
      what: 'on-premises sites',
      base: privateInput,
      path: 'access.onPremises',
      max: PLANNER_LIMITS.onPremisesSites,
      item: (i) => ({ name: `site-${i}`, addressRanges: ['192.168.0.0/24'] }),
      message: (n) => `${n} on-premises sites; the planner takes at most 100 (its own limit: Azure documents none).`,
    },
    {
      what: 'address ranges of a site',
      base: privateInput,
      path: 'access.onPremises.0.addressRanges',
      max: PLANNER_LIMITS.addressRangesPerSite,
      item: (i) => `192.168.${i}.0/24`,
      message: (n) =>
        `on-premises site "office" has ${n} address ranges; ` +
        'the planner takes at most 100 per site (its own limit: Azure documents none).',
    },
    {
      what: 'other resource types in the delegated subnet',
      base: privateInput,
      path: 'access.delegatedSubnet.otherResourceTypes',
      max: PLANNER_LIMITS.otherResourceTypes,
      item: (i) => `Microsoft.Example/type${i}`,
      message: (n) =>
        `subnet "snet-postgres" has ${n} resource types; ` +
        'the planner takes at most 100 per subnet (its own limit: Azure documents none).',
    },
    {
      what: 'private endpoints',
      base: privateInput,
      path: 'access.privateEndpoints',
      max: MAX_PRIVATE_ENDPOINTS_PER_VNET,
      item: (i) => ({ name: `pe-${i}` }),
      message: (n) => `${n.toLocaleString('en-US')} private endpoints; Azure allows at most 1,000 per VNet.`,
    },
    {
      what: 'firewall rules (public access)',
      base: publicInput,
      path: 'access.firewallRules',
      max: PLANNER_LIMITS.firewallRules,
      item: (i) => ({ name: `rule-${i}`, startIp: '203.0.113.1', endIp: '203.0.113.1' }),
      message: (n) =>
        `${n.toLocaleString('en-US')} firewall rules; ` +
        'the planner takes at most 1,000 per server (its own limit: Azure documents none).',
    },
    {
      what: 'servers',
      base: privateInput,
      path: 'servers',
      max: PLANNER_LIMITS.servers,
      item: (i) => ({ name: `pg-${i}`, region: 'westeurope' }),
      message: (n) => `${n} servers; the planner takes at most 100 in a plan (its own limit: Azure documents none).`,
    },
    {
      what: 'clients',
      base: privateInput,
      path: 'clients',
      max: PLANNER_LIMITS.clients,
      item: (i) => ({ kind: 'serverVnet', name: `c-${i}`, subnet: 'snet-app' }),
      message: (n) =>
        `${n.toLocaleString('en-US')} clients; ` +
        'the planner takes at most 1,000 in a plan (its own limit: Azure documents none).',
    },
  ];

  for (const c of cases) {
    it(c.what, () => {
      const at = readPlanDocument(withList(c.base, c.path, many(c.max, c.item)));
      expect(at.ok).toBe(true);
      if (at.ok) expect(getIn(at.plan, c.path)).toHaveLength(c.max);
      const over = readPlanDocument(withList(c.base, c.path, many(c.max + 1, c.item)));
      expect(over).toEqual({
        ok: false,
        error: { kind: 'shape', path: c.path, message: `${c.path}: ${c.message(c.max + 1)}` },
      });
    });
  }
});

describe('plans at the limits are read and checked, with at most one finding per element', () => {
  it('the largest plan Azure accepts, in each shape, is a valid plan document', () => {
    for (const shape of LIMIT_SHAPES) {
      for (const mode of ['private', 'public'] as const) {
        const read = readPlanDocument(JSON.parse(JSON.stringify(limitPlan(AZURE_MAXIMUM_SIZE, shape, mode))));
        expect(read.ok ? 'read' : read.error.message).toBe('read');
      }
    }
  });

  it('3,000 identical subnets: each overlapping subnet reported once, naming the first one', () => {
    const plan = limitPlan(AZURE_MAXIMUM_SIZE, 'identical');
    const overlaps = evaluate(plan).filter((f) => f.ruleId === 'PGN-104');
    // 2,999 identical subnets (the delegated one is elsewhere): every one but the first overlaps it.
    expect(overlaps).toHaveLength(AZURE_MAXIMUM_SIZE.subnets - 1);
    expect(new Set(overlaps.map((f) => f.path)).size).toBe(overlaps.length);
    expect(overlaps[0]?.message).toBe(
      'Subnet "snet-app" (10.1.0.0/24) overlaps subnet "snet-app" (10.1.0.0/24); ' +
        'subnets of one VNet must not overlap. Try 10.0.0.0/24.',
    );
  });

  it('adversarial plans at the limits: never more findings of a rule than elements it checks', () => {
    for (const shape of LIMIT_SHAPES) {
      const plan = limitPlan(AZURE_MAXIMUM_SIZE, shape);
      const findings = evaluate(plan);
      const byRule = new Map<string, number>();
      for (const f of findings) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
      const s = AZURE_MAXIMUM_SIZE;
      // The largest list of the plan bounds every rule: one finding per element, at most.
      const elements =
        s.subnets + 1 + s.peeredVnets * (1 + s.dnsServersPerVnet) + s.nsgRules * 2 + s.firewallRules + s.clients * 2;
      for (const [ruleId, count] of byRule) expect([ruleId, count <= elements]).toEqual([ruleId, true]);
      // And no two findings of a rule at the same place with the same message.
      const keys = findings.map((f) => `${f.ruleId} ${f.path} ${f.message}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
  }, 60_000);
});
