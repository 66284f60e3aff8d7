/** PGN-221: where a private endpoint may sit, and which static address it may take. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { renderRulesDoc } from '../docs';
import { publicPePlan, type Edit } from '../fixtures';
import { evaluate } from '../index';

const of = (plan: Plan) => evaluate(plan).filter((f) => f.ruleId === 'PGN-221');
const pe = (field: string, value: unknown): Edit => [`access.privateEndpoints.0.${field}`, value];
const one = (...edits: Edit[]) => of(publicPePlan(...edits)).map((f) => [f.path, f.message]);

describe('PGN-221 placement of a private endpoint', () => {
  it("the hub plan's endpoint and the fixture's are well placed", () => {
    expect(of(privateEndpointHubPlan())).toEqual([]);
    expect(of(publicPePlan())).toEqual([]);
  });

  it('never in a subnet delegated to PostgreSQL', () => {
    expect(one(['access.peeredVnets.0.subnets.0.delegation', 'Microsoft.DBforPostgreSQL/flexibleServers'])).toEqual([
      [
        'access.privateEndpoints.0.subnet',
        'Private endpoint "pe-pg" sits in subnet "snet-pe", which is delegated to ' +
          'Microsoft.DBforPostgreSQL/flexibleServers: only flexible servers live there, never a private endpoint. ' +
          'Put the endpoint in another subnet, without delegation.',
      ],
    ]);
  });

  it("never in a DNS resolver's endpoint subnet; another service's delegation is not judged", () => {
    expect(one(pe('subnet', 'SNET-DNS-IN')).map(([p]) => p)).toEqual(['access.privateEndpoints.0.subnet']);
    expect(one(['access.peeredVnets.0.subnets.0.delegation', 'Microsoft.Web/serverFarms'])).toEqual([]);
  });

  it('names a VNet and a subnet of the plan', () => {
    expect(one(pe('vnet', 'vnet-x'))).toEqual([
      [
        'access.privateEndpoints.0.vnet',
        'Private endpoint "pe-pg" sits in VNet "vnet-x", which is not a VNet of the plan: add that VNet or pick one.',
      ],
    ]);
    expect(one(pe('subnet', 'snet-app'))).toEqual([
      [
        'access.privateEndpoints.0.subnet',
        'Private endpoint "pe-pg" sits in subnet "snet-app", which VNet "vnet-hub" does not have: add the subnet ' +
          'to the VNet or pick one of its subnets.',
      ],
    ]);
  });

  it('connects to a server of the plan (empty = the first; names in any case)', () => {
    expect(one(pe('server', 'PG-TEST'))).toEqual([]);
    expect(one(pe('server', 'pg-other'))).toEqual([
      [
        'access.privateEndpoints.0.server',
        'Private endpoint "pe-pg" connects to server "pg-other", which is not a server of the plan: name one of ' +
          '"pg-test", or leave it empty for the first.',
      ],
    ]);
  });

  it('a static address is an IPv4 address inside the subnet', () => {
    expect(one(pe('privateIp', '10.0.1.256'))).toEqual([
      [
        'access.privateEndpoints.0.privateIp',
        'Private endpoint "pe-pg" has a static address that cannot be used: 10.0.1.256 is not a valid IPv4 ' +
          'address: 256 is above 255 (each part is 0–255).',
      ],
    ]);
    expect(one(pe('privateIp', '10.0.2.10'))).toEqual([
      [
        'access.privateEndpoints.0.privateIp',
        'Private endpoint "pe-pg" has static address 10.0.2.10, outside its subnet "snet-pe" (10.0.1.0/24): pick ' +
          'an address inside it.',
      ],
    ]);
  });

  it('never one of the five addresses Azure reserves: the first four and the last', () => {
    for (const ip of ['10.0.1.0', '10.0.1.1', '10.0.1.2', '10.0.1.3', '10.0.1.255'])
      expect(
        one(pe('privateIp', ip)).map(([p]) => p),
        ip,
      ).toEqual(['access.privateEndpoints.0.privateIp']);
    expect(one(pe('privateIp', '10.0.1.1'))[0]?.[1]).toBe(
      'Private endpoint "pe-pg" has static address 10.0.1.1, which Azure reserves in subnet "snet-pe" ' +
        '(10.0.1.0/24) (default gateway; the first four addresses and the last are reserved): pick another address.',
    );
    expect(one(pe('privateIp', '10.0.1.4'))).toEqual([]);
    expect(one(pe('privateIp', '10.0.1.254'))).toEqual([]);
  });

  it('reports each offending endpoint', () => {
    const plan = publicPePlan(pe('vnet', 'vnet-x'), [
      'access.privateEndpoints.1',
      { name: 'pe-2', vnet: 'vnet-spoke', subnet: 'snet-nope' },
    ]);
    expect(of(plan).map((f) => f.path)).toEqual(['access.privateEndpoints.0.vnet', 'access.privateEndpoints.1.subnet']);
  });

  it('the docs say what holds by construction and name both traps', () => {
    const section = renderRulesDoc().split('<a id="pgn-221"></a>')[1]?.split('<a id=')[0] ?? '';
    expect(section).toContain('the server may be in another region');
    expect(section).toContain('postgresqlServer');
    expect(section).toContain("the azurerm provider's PostgreSQL private endpoint example");
    expect(section).toContain('--group-id sites');
  });
});
