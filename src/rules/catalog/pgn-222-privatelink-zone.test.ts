/** PGN-222: the privatelink zone, and every VNet with a client or an endpoint resolving through it. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { publicPePlan, type Edit } from '../fixtures';
import { evaluate } from '../index';

const of = (plan: Plan) => evaluate(plan).filter((f) => f.ruleId === 'PGN-222');
const found = (...edits: Edit[]) => of(publicPePlan(...edits)).map((f) => [f.path, f.message]);
const spokeDns = (servers: string[], forwardsToAzureDns = true): Edit => [
  'access.peeredVnets.1.dns',
  { kind: 'custom', servers, forwardsToAzureDns },
];

describe('PGN-222 the private DNS zone of private endpoints', () => {
  it('the hub pattern passes: the spoke resolves through the resolver in the linked hub', () => {
    expect(of(privateEndpointHubPlan())).toEqual([]);
    expect(of(publicPePlan())).toEqual([]);
  });

  it('a plan with endpoints needs the zone', () => {
    expect(found(['access.privateDnsZone', null])).toEqual([
      [
        'access.privateDnsZone',
        "The plan has private endpoints but no private DNS zone: clients resolve the server's public address and " +
          "never use the endpoints. Add the zone privatelink.postgres.database.azure.com and link it to the clients' " +
          'VNets.',
      ],
    ]);
  });

  it('named exactly privatelink.postgres.database.azure.com, in any case', () => {
    expect(found(['access.privateDnsZone.name', 'PrivateLink.Postgres.Database.Azure.com'])).toEqual([]);
    expect(found(['access.privateDnsZone.name', 'pg-test.private.postgres.database.azure.com'])).toEqual([
      [
        'access.privateDnsZone.name',
        'Private DNS zone "pg-test.private.postgres.database.azure.com" is not the zone of private endpoints: the ' +
          "endpoints' records and the server's name point into privatelink.postgres.database.azure.com. Name the " +
          'zone privatelink.postgres.database.azure.com.',
      ],
    ]);
  });

  it('a client VNet on Azure DNS must be linked', () => {
    expect(found(['access.peeredVnets.1.dns', { kind: 'azure' }])).toEqual([
      [
        'access.peeredVnets.1.zoneLink',
        'VNet "vnet-spoke" (client "spoke-app") is not linked to zone privatelink.postgres.database.azure.com: its ' +
          "clients get the server's public address, not the endpoint. Link the VNet to the zone, or point its DNS " +
          'at a resolver in a linked VNet.',
      ],
    ]);
    expect(found(['access.peeredVnets.1.dns', { kind: 'azure' }], ['access.peeredVnets.1.zoneLink', true])).toEqual([]);
  });

  it('custom DNS servers resolve only from a linked VNet, forwarding to Azure DNS', () => {
    expect(found(spokeDns(['192.168.10.53']))).toEqual([
      [
        'access.peeredVnets.1.zoneLink',
        'VNet "vnet-spoke" (client "spoke-app") is not linked to zone privatelink.postgres.database.azure.com and ' +
          "its DNS servers 192.168.10.53 are not in a linked VNet: its clients get the server's public address, not " +
          'the endpoint. Link the VNet to the zone, or point its DNS at a resolver in a linked VNet.',
      ],
    ]);
    expect(found(spokeDns(['10.0.2.4'], false))).toEqual([
      [
        'access.peeredVnets.1.dns.forwardsToAzureDns',
        'VNet "vnet-spoke" (client "spoke-app") uses DNS server 10.0.2.4 in a VNet linked to zone ' +
          'privatelink.postgres.database.azure.com, but its DNS servers do not forward to 168.63.129.16: the name ' +
          "cannot resolve to the endpoint. Forward them to 168.63.129.16 (a DNS Private Resolver's inbound " +
          'endpoint does).',
      ],
    ]);
    // A server in the spoke itself, which is not linked.
    expect(found(spokeDns(['10.1.1.53'])).map(([p]) => p)).toEqual(['access.peeredVnets.1.zoneLink']);
  });

  it("the endpoint's own VNet counts; a VNet with neither a client nor an endpoint does not", () => {
    expect(found(['access.peeredVnets.0.zoneLink', false]).map(([p, m]) => [p, m?.split(' is not')[0]])).toEqual([
      ['access.peeredVnets.0.zoneLink', 'VNet "vnet-hub" (private endpoint "pe-pg")'],
      ['access.peeredVnets.1.zoneLink', 'VNet "vnet-spoke" (client "spoke-app")'],
    ]);
    expect(found(['clients.1', { kind: 'internet', name: 'x', address: '198.51.100.7' }], spokeDns([]))).toEqual([]);
  });
});
