import { describe, expect, it } from 'vitest';
import { privateInput, privatePlan, publicInput } from './fixtures';
import { splitPath } from '../domain/paths';
import { evaluate } from './index';
import { RULE_CASES } from './rule-cases';
import { PlanSchema, findingsToFieldErrors } from './plan-schema';

describe('PlanSchema: the error rules as zod issues', () => {
  it('accepts a plan without error findings (warnings and infos do not reject)', () => {
    expect(PlanSchema.safeParse(privateInput).success).toBe(true);
    expect(PlanSchema.safeParse({ ...publicInput, tls: { requireSecureTransport: false } }).success).toBe(true);
  });

  it('rejects a /29 delegated subnet with one issue carrying PGN-108, its path and message', () => {
    const input = {
      ...privateInput,
      access: { ...(privateInput.access as object), delegatedSubnet: { name: 'snet-postgres', prefix: '10.0.3.0/29' } },
    };
    const result = PlanSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      {
        code: 'custom',
        path: ['access', 'delegatedSubnet', 'prefix'],
        message:
          'Subnet 10.0.3.0/29 has 3 usable addresses; a delegated subnet needs at ' +
          'least a /28 (11 usable). Try 10.0.3.0/28.',
        params: {
          ruleId: 'PGN-108',
          docs: 'https://learn.microsoft.com/azure/postgresql/network/concepts-networking-private',
        },
      },
    ]);
  });

  it('has exactly one issue per error finding, numeric array indices in the path', () => {
    const input = {
      ...publicInput,
      servers: [{ name: '-Bad_Name', region: 'westeurope' }],
      access: { mode: 'public', firewallRules: [{ name: 'x', startIp: '2001:db8::1', endIp: '10.0.0.1' }] },
    };
    const result = PlanSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issues = result.error?.issues ?? [];
    expect(issues.map((i) => [i.path, (i as { params?: { ruleId?: string } }).params?.ruleId])).toEqual([
      [['access', 'firewallRules', 0, 'name'], 'PGN-207'],
      [['access', 'firewallRules', 0, 'startIp'], 'PGN-202'],
      // The only firewall rule is broken, so the plan's client cannot connect.
      [['clients', 0, 'intent'], 'PGN-008'],
      [['servers', 0, 'name'], 'PGN-001'],
    ]);
  });

  it('still reports shape errors before the rules run', () => {
    const result = PlanSchema.safeParse({ formatVersion: 2, servers: [], access: { mode: 'public' } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['servers']);
  });
});

describe('findingsToFieldErrors', () => {
  it('groups findings by dotted path, keeping their order', () => {
    const findings = evaluate(
      privatePlan(['access.delegatedSubnet.prefix', '10.0.0.0/29'], ['access.delegatedSubnet.name', 'GatewaySubnet']),
    );
    const byField = findingsToFieldErrors(findings);
    expect(byField['access.delegatedSubnet.prefix']?.map((f) => f.ruleId)).toEqual(['PGN-108']);
    expect(byField['access.delegatedSubnet.name']?.map((f) => f.ruleId)).toEqual(['PGN-105']);
    expect(Object.values(byField).flat()).toHaveLength(findings.length);
  });
});

describe('PlanSchema and evaluate agree', () => {
  const plans = Object.entries(RULE_CASES).flatMap(([id, c]) => [
    [`${id} failing`, c.fails] as const,
    ...(c.passes === null ? [] : [[`${id} passing`, c.passes] as const]),
  ]);

  it.each(plans)('%s: one issue per error finding, same rule ID, path and message', (_name, plan) => {
    const errors = evaluate(plan).filter((f) => f.severity === 'error');
    const result = PlanSchema.safeParse(plan);
    expect(result.success).toBe(errors.length === 0);
    const issues = (result.error?.issues ?? []).map((i) => ({
      ruleId: (i as { params?: { ruleId?: string } }).params?.ruleId,
      path: i.path,
      message: i.message,
    }));
    const expected = errors.map((f) => ({ ruleId: f.ruleId, path: splitPath(f.path), message: f.message }));
    const key = (x: { ruleId?: string; path: readonly PropertyKey[]; message: string }) =>
      `${x.ruleId}|${x.path.join('.')}|${x.message}`;
    expect(issues.map(key).sort()).toEqual(expected.map(key).sort());
  });
});
