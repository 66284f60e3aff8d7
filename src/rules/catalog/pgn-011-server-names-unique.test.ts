/** PGN-011: server names are global, so two servers of one plan never share a name. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import { setIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { privateInput, privatePlan, publicPlan } from '../fixtures';
import { evaluate } from '../index';
import { PlanSchema } from '../plan-schema';

const of = (plan: Plan): Finding[] => evaluate(plan).filter((f) => f.ruleId === 'PGN-011');
const servers = (...names: string[]) => ['servers', names.map((name) => ({ name, region: 'westeurope' }))] as const;

describe('PGN-011 server names are unique', () => {
  it('two servers named alike fail at the second, naming the first and the shared host name', () => {
    expect(of(privatePlan(servers('pg-orders', 'pg-orders'))).map((f) => [f.path, f.severity, f.message])).toEqual([
      [
        'servers.1.name',
        'error',
        'Server name "pg-orders" is already used by server 1 ("pg-orders"): server names are global, both would ' +
          'be pg-orders.postgres.database.azure.com. Rename it, e.g. "pg-orders-2".',
      ],
    ]);
  });

  it('holds in public access too', () => {
    expect(of(publicPlan(servers('pg-a', 'pg-b', 'pg-a'))).map((f) => f.path)).toEqual(['servers.2.name']);
  });

  it('compares names without regard to case, as DNS does', () => {
    expect(of(privatePlan(servers('pg-orders', 'PG-Orders'))).map((f) => f.message)).toEqual([
      'Server name "PG-Orders" is already used by server 1 ("pg-orders"): server names are global, both would ' +
        'be pg-orders.postgres.database.azure.com. Rename it, e.g. "pg-orders-2".',
    ]);
  });

  it('reports every repeat once, and suggests a name no server of the plan has', () => {
    const found = of(privatePlan(servers('pg', 'pg-2', 'pg', 'pg')));
    expect(found.map((f) => f.path)).toEqual(['servers.2.name', 'servers.3.name']);
    expect(found.map((f) => f.message.match(/e\.g\. "([^"]+)"/)?.[1])).toEqual(['pg-3', 'pg-4']);
  });

  it('keeps a suggestion within 63 characters', () => {
    const long = 'a'.repeat(63);
    const [f] = of(privatePlan(servers(long, long)));
    const suggestion = f?.message.match(/e\.g\. "([^"]+)"/)?.[1] ?? '';
    expect(suggestion).toBe(`${'a'.repeat(61)}-2`);
    expect(of(privatePlan(servers(long, suggestion)))).toEqual([]);
  });

  it('different names pass; empty names are left to PGN-001', () => {
    expect(of(privatePlan(servers('pg-a', 'pg-b', 'pg-c')))).toEqual([]);
    const empty = privatePlan(servers('', ''));
    expect(of(empty)).toEqual([]);
    expect(evaluate(empty).filter((f) => f.ruleId === 'PGN-001')).toHaveLength(2);
  });

  it('PlanSchema rejects the plan with the rule ID on the second name', () => {
    const input = setIn(privateInput, 'servers', [
      { name: 'pg-test', region: 'westeurope' },
      { name: 'pg-test', region: 'westeurope' },
    ]);
    const result = PlanSchema.safeParse(input);
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'servers.1.name');
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-011');
  });
});
