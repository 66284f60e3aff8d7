/** PGN-225: a private endpoint subnet whose network policies make its NSG rules or routes apply to the endpoints. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { publicPePlan, type Edit } from '../fixtures';
import { evaluate } from '../index';

const found = (plan: Plan) =>
  evaluate(plan)
    .filter((f) => f.ruleId === 'PGN-225')
    .map((f) => [f.path, f.message]);
const policies = (value: string | undefined): Edit => [
  'access.peeredVnets.0.subnets.0.privateEndpointNetworkPolicies',
  value,
];
const PATH = 'access.peeredVnets.0.subnets.0.privateEndpointNetworkPolicies';
const message = (value: string, applies: string, endpoints = '"pe-pg"') =>
  `Subnet "snet-pe" of VNet "vnet-hub" (endpoints ${endpoints}): its private endpoint network policies are ` +
  `${value}, so its ${applies} to the endpoints. Check them for port 5432, or set Disabled.`;

describe('PGN-225 private endpoint network policies', () => {
  it('says which of NSG rules and route table apply', () => {
    expect(found(publicPePlan(policies('Enabled')))).toEqual([
      [PATH, message('Enabled', 'NSG rules and routes apply')],
    ]);
    expect(found(publicPePlan(policies('NetworkSecurityGroupEnabled')))).toEqual([
      [PATH, message('NetworkSecurityGroupEnabled', 'NSG rules apply')],
    ]);
    expect(found(publicPePlan(policies('RouteTableEnabled')))).toEqual([
      [PATH, message('RouteTableEnabled', 'routes apply')],
    ]);
  });

  it("Disabled, Azure's default, gives no finding", () => {
    expect(found(publicPePlan(policies('Disabled')))).toEqual([]);
    expect(found(publicPePlan(policies(undefined)))).toEqual([]);
    expect(found(privateEndpointHubPlan())).toEqual([]);
  });

  it('one finding per subnet, naming its endpoints', () => {
    const plan = publicPePlan(policies('Enabled'), [
      'access.privateEndpoints.1',
      { name: 'pe-pg-2', vnet: 'VNET-HUB', subnet: 'snet-pe' },
    ]);
    expect(found(plan)).toEqual([[PATH, message('Enabled', 'NSG rules and routes apply', '"pe-pg", "pe-pg-2"')]]);
  });
});
