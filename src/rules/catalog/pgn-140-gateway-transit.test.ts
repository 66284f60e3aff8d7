import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../domain/testing/examples';
import type { OnPremises, Plan } from '../../domain/plan';
import { evaluate } from '../index';
import { privatePlan } from '../fixtures';
import { pgn140 } from './pgn-140-gateway-transit';

const site = (over: Partial<OnPremises>): OnPremises => ({
  name: 'dc',
  addressRanges: ['192.168.20.0/24'],
  connection: 'expressRoute',
  gatewayVnet: '',
  dnsForwarder: true,
  ...over,
});

const found = (plan: Plan) => pgn140.check(plan).map((f) => [f.path, f.message]);

describe('PGN-140 gateway transit', () => {
  it('the hub-and-spoke example (the server VNet uses the hub gateway, the hub peers back) passes', () => {
    expect(found(examplePlan('hub-and-spoke'))).toEqual([]);
  });

  it('a remote gateway without the peering back is refused at that peering', () => {
    const plan = privatePlan(
      ['access.onPremises.0.gatewayVnet', 'vnet-b'],
      ['access.peeredVnets.0.peering', { fromServerVnet: true, toServerVnet: false }],
    );
    expect(found(plan)).toEqual([
      ['access.peeredVnets.0.peering.toServerVnet', expect.stringContaining('uses the gateway of "vnet-b"')],
    ]);
  });

  it('a gateway of its own and a remote one: the site using the remote one is refused', () => {
    const plan = privatePlan(['access.onPremises.1', site({ gatewayVnet: 'vnet-b' })]);
    expect(found(plan)).toEqual([
      ['access.onPremises.1.gatewayVnet', expect.stringContaining('has a gateway of its own (site "office"')],
    ]);
  });

  it('a remote gateway first, then its own: the later site is refused', () => {
    const plan = privatePlan(['access.onPremises.0.gatewayVnet', 'vnet-b'], ['access.onPremises.1', site({})]);
    expect(found(plan)).toEqual([
      ['access.onPremises.1.gatewayVnet', expect.stringContaining('cannot use a remote one')],
    ]);
  });

  it('two remote gateways: the second is refused; the same VNet named in another case is one gateway', () => {
    const two = privatePlan(
      ['access.peeredVnets.1', { name: 'vnet-c', region: 'westeurope', addressSpaces: ['10.2.0.0/16'] }],
      ['access.onPremises.0.gatewayVnet', 'vnet-b'],
      ['access.onPremises.1', site({ gatewayVnet: 'vnet-c' })],
    );
    expect(found(two)).toEqual([
      ['access.onPremises.1.gatewayVnet', expect.stringContaining('can use one remote gateway at most')],
    ]);
    const same = privatePlan(
      ['access.onPremises.0.gatewayVnet', 'vnet-b'],
      ['access.onPremises.1', site({ gatewayVnet: 'VNET-B' })],
    );
    expect(found(same)).toEqual([]);
  });

  it('a site without a connection uses no gateway', () => {
    const plan = privatePlan(['access.onPremises.1', site({ gatewayVnet: 'vnet-b', connection: 'none' })]);
    expect(found(plan)).toEqual([]);
  });

  it('is an error of the whole evaluation, so export is gated', () => {
    const plan = privatePlan(['access.onPremises.1', site({ gatewayVnet: 'vnet-b' })]);
    expect(
      evaluate(plan)
        .filter((f) => f.ruleId === 'PGN-140')
        .map((f) => f.severity),
    ).toEqual(['error']);
  });
});
