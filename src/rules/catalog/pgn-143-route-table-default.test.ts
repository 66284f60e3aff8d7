import { describe, expect, it } from 'vitest';
import type { Route } from '../../domain/plan';
import { privatePlan } from '../fixtures';
import { pgn143 } from './pgn-143-route-table-default';

const table = (routes: Partial<Route>[], subnet = 'snet-postgres') =>
  privatePlan(['access.routeTables', [{ name: 'rt-pg', vnet: 'VNET-A', subnets: [subnet], routes }]]);
const all = { name: 'all', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance' as const, nextHopIp: '10.1.0.4' };

describe('PGN-143 default route on the delegated subnet', () => {
  it('warns about each missing route, at the default route', () => {
    expect(pgn143.check(table([all])).map((f) => [f.severity, f.path, f.message])).toEqual([
      [
        'warning',
        'access.routeTables.0.routes.0',
        'Route table "rt-pg" on the delegated subnet sends 0.0.0.0/0 to 10.1.0.4; add AzureActiveDirectory → ' +
          'Internet and 10.0.0.0/28 → VnetLocal, or Microsoft Entra sign-in and replication break.',
      ],
    ]);
    const entraOnly = table([all, { name: 'e', prefix: 'AzureActiveDirectory', nextHop: 'Internet' }]);
    expect(pgn143.check(entraOnly)[0]?.message).toContain('add 10.0.0.0/28 → VnetLocal,');
  });

  it('is quiet with both routes, a wider VnetLocal route, without a default route, or on another subnet', () => {
    const entra = { name: 'e', prefix: 'AzureActiveDirectory', nextHop: 'Internet' as const };
    expect(pgn143.check(table([all, entra, { name: 'o', prefix: '10.0.0.0/16', nextHop: 'VnetLocal' }]))).toEqual([]);
    expect(pgn143.check(table([{ ...all, prefix: '10.9.0.0/16' }]))).toEqual([]);
    expect(pgn143.check(table([{ ...all, nextHop: 'Internet', nextHopIp: '' }]))).toEqual([]);
    expect(pgn143.check(table([all], 'snet-app'))).toEqual([]);
  });
});
