import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../domain/testing/examples';
import type { Plan } from '../../domain/plan';
import { setIn } from '../../domain/paths';
import { PlanDocumentSchema } from '../../domain/plan';
import { evaluate } from '../index';
import { privatePlan } from '../fixtures';
import { pgn141 } from './pgn-141-transit';

const found = (plan: Plan) => pgn141.check(plan).map((f) => [f.severity, f.path, f.message]);
const edit = (plan: Plan, path: string, value: unknown): Plan => PlanDocumentSchema.parse(setIn(plan, path, value));

describe('PGN-141 transit through a hub', () => {
  it('the hub-spoke-firewall example passes, and its spoke client reaches the server through the firewall', () => {
    const plan = examplePlan('hub-spoke-firewall');
    expect(found(plan)).toEqual([]);
    expect(evaluate(plan).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('without the spoke route, the client fails PGN-008 naming the missing route (a hop of this rule)', () => {
    const plan = edit(examplePlan('hub-spoke-firewall'), 'access.routeTables.1.routes', []);
    const errors = evaluate(plan).filter((f) => f.severity === 'error');
    expect(errors.map((f) => [f.ruleId, f.path])).toEqual([['PGN-008', 'clients.0.intent']]);
    expect(errors[0]?.message).toContain('Route from vnet-payments-app, PGN-141');
  });

  it('a VNet peered only with a hub that holds no client gets an info', () => {
    const plan = privatePlan(
      ['access.peeredVnets.1', { name: 'vnet-c', region: 'westeurope', addressSpaces: ['10.2.0.0/16'] }],
      ['access.peerings.2', { from: 'vnet-b', to: 'vnet-c' }],
      ['access.peerings.3', { from: 'VNET-C', to: 'vnet-b' }],
    );
    expect(found(plan)).toEqual([
      ['info', 'access.peeredVnets.1', expect.stringContaining('peering is not transitive')],
    ]);
  });

  it('peerings and route tables that name what the plan lacks, and malformed routes, are errors', () => {
    const plan = privatePlan(
      ['access.peerings.2', { from: 'vnet-a', to: 'vnet-zz' }],
      [
        'access.routeTables',
        [
          {
            name: 'rt',
            vnet: 'vnet-a',
            subnets: ['snet-app', 'SNET-POSTGRES', 'snet-none'],
            routes: [
              { name: 'r1', prefix: '10.1.0.0/33', nextHop: 'VirtualAppliance', nextHopIp: '10.1.0.4' },
              { name: 'r2', prefix: 'AzureActiveDirectory', nextHop: 'Internet', nextHopIp: '10.1.0.4' },
              { name: 'r3', prefix: '10.2.0.0/16', nextHop: 'VirtualAppliance', nextHopIp: '' },
            ],
          },
          { name: 'rt2', vnet: 'vnet-q', subnets: [], routes: [] },
          { name: 'rt3', vnet: 'vnet-a', subnets: ['snet-app'], routes: [] },
        ],
      ],
      ['access.peeredVnets.0.appliance', { kind: 'nva', name: 'nva', privateIp: '10.9.0.4' }],
    );
    expect(found(plan).map(([s, p]) => [s, p])).toEqual([
      ['error', 'access.peerings.2.to'],
      ['error', 'access.routeTables.0.subnets.2'],
      ['error', 'access.routeTables.0.routes.0.prefix'],
      ['error', 'access.routeTables.0.routes.1.nextHopIp'],
      ['error', 'access.routeTables.0.routes.2.nextHopIp'],
      ['error', 'access.routeTables.1.vnet'],
      ['error', 'access.routeTables.2.subnets.0'],
      ['error', 'access.peeredVnets.0.appliance.privateIp'],
    ]);
  });
});
