/** PGN-010: every region of the plan is one of Azure's regions, by its programmatic name. */
import { describe, expect, it } from 'vitest';
import { setIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { privatePlan, publicPlan } from '../fixtures';
import { evaluate } from '../index';
import { PlanSchema } from '../plan-schema';

const findings = (plan: Plan) =>
  evaluate(plan)
    .filter((f) => f.ruleId === 'PGN-010')
    .map((f) => [f.path, f.message]);

describe('PGN-010 region fields', () => {
  it('passes the fixtures, whose regions are programmatic names', () => {
    expect(findings(privatePlan())).toEqual([]);
    expect(findings(publicPlan())).toEqual([]);
  });

  it.each(['westeurope', 'eastus2', 'australiacentral2', 'uaenorth', 'swedencentral'])('%s passes', (region) => {
    expect(findings(privatePlan(['servers.0.region', region], ['access.vnet.region', region]))).toEqual([]);
  });

  it('names the value and the field, and suggests the closest region', () => {
    expect(findings(privatePlan(['servers.0.region', 'westeurop'], ['access.vnet.region', 'westeurop']))).toEqual([
      [
        'access.vnet.region',
        `The region "westeurop" of VNet "vnet-a" is not one of Azure's regions. Did you mean westeurope (West Europe)?`,
      ],
      [
        'servers.0.region',
        `The region "westeurop" of server "pg-test" is not one of Azure's regions. ` +
          'Did you mean westeurope (West Europe)?',
      ],
    ]);
  });

  it('checks peered VNets and says so when no region is close', () => {
    expect(findings(privatePlan(['access.peeredVnets.0.region', 'eu-west-1']))).toEqual([
      [
        'access.peeredVnets.0.region',
        `The region "eu-west-1" of VNet "vnet-b" is not one of Azure's regions. Choose one from the list, ` +
          'by its programmatic name (e.g. westeurope) or its display name (West Europe).',
      ],
    ]);
  });

  it('reports an empty region', () => {
    expect(findings(publicPlan(['servers.0.region', '']))).toEqual([
      ['servers.0.region', `The server "pg-test" has no region. Choose one of Azure's regions, e.g. westeurope.`],
    ]);
  });

  it('a display name read from a document is converted; one still in the plan (being typed) is reported', () => {
    expect(privatePlan(['access.vnet.region', 'West Europe']).access).toMatchObject({
      vnet: { region: 'westeurope' },
    });
    const typed = setIn(privatePlan(), 'servers.0.region', 'West Europe');
    expect(findings(typed)).toEqual([
      [
        'servers.0.region',
        `The region "West Europe" of server "pg-test" is written as Azure's display name or in another spelling; ` +
          'templates, the Azure CLI and service tags take the programmatic name westeurope. Use westeurope.',
      ],
    ]);
  });

  it('quotes control characters visibly', () => {
    const [finding] = findings(publicPlan(['servers.0.region', 'west\u0007europe']));
    expect(finding?.[1]).toContain('"west\\u0007europe"');
  });

  it('PlanSchema refuses an unknown region with the rule ID and keeps the value as typed', () => {
    const result = PlanSchema.safeParse(setIn(privatePlan(), 'access.vnet.region', 'Westeuropa'));
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'access.vnet.region');
    expect(issue?.message).toContain('"Westeuropa"');
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-010');
  });
});
