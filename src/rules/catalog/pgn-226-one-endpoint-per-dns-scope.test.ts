/** PGN-226: two private endpoints for one server in networks that share one DNS configuration. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { publicPePlan, type Edit } from '../fixtures';
import { evaluate } from '../index';

const found = (plan: Plan) =>
  evaluate(plan)
    .filter((f) => f.ruleId === 'PGN-226')
    .map((f) => [f.path, f.message]);
const second = (extra: Record<string, string> = {}): Edit => [
  'access.privateEndpoints.1',
  { name: 'pe-pg-spoke', vnet: 'vnet-spoke', subnet: 'snet-app', ...extra },
];

describe('PGN-226 one endpoint per server and DNS configuration', () => {
  it('a second endpoint for the server, resolved through the same zone, warns at that endpoint', () => {
    expect(found(publicPePlan(second()))).toEqual([
      [
        'access.privateEndpoints.1',
        'Private endpoints "pe-pg" and "pe-pg-spoke" both connect to server "pg-test" and both resolve through zone ' +
          'privatelink.postgres.database.azure.com: their records for the server conflict, and clients get one ' +
          'address or the other. Keep one endpoint: remove "pe-pg-spoke", or give its network its own DNS.',
      ],
    ]);
  });

  it('"" (the first server) and its name in any case are one server', () => {
    expect(found(publicPePlan(second({ server: 'PG-TEST' }))).map(([p]) => p)).toEqual(['access.privateEndpoints.1']);
  });

  it('endpoints for different servers, or in networks with their own DNS, pass', () => {
    expect(
      found(publicPePlan(['servers.1', { name: 'pg-2', region: 'westeurope' }], second({ server: 'pg-2' }))),
    ).toEqual([]);
    // The spoke on Azure DNS, unlinked: its own DNS scope (PGN-222 then asks for its link).
    expect(found(publicPePlan(second(), ['access.peeredVnets.1.dns', { kind: 'azure' }]))).toEqual([]);
  });

  it('VNets that use the same DNS servers share one configuration, linked or not', () => {
    const dns = { kind: 'custom', servers: ['192.168.10.53'], forwardsToAzureDns: true };
    const plan = publicPePlan(
      second(),
      ['access.peeredVnets.0.zoneLink', false],
      ['access.peeredVnets.0.dns', dns],
      ['access.peeredVnets.1.dns', dns],
    );
    expect(found(plan)[0]?.[1]).toContain('both connect to server "pg-test" and they use the same DNS');
  });

  it('each further endpoint in the scope warns', () => {
    const third: Edit = ['access.privateEndpoints.2', { name: 'pe-pg-3', vnet: 'vnet-hub', subnet: 'snet-pe' }];
    expect(found(publicPePlan(second(), third)).map(([p]) => p)).toEqual([
      'access.privateEndpoints.1',
      'access.privateEndpoints.2',
    ]);
  });
});
