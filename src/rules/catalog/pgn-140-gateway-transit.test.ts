import { describe, expect, it } from 'vitest';
import { examplePlan } from '../../domain/testing/examples';
import type { OnPremises, Plan } from '../../domain/plan';
import { evaluate } from '../index';
import { privatePlan, type Edit } from '../fixtures';
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
    expect(found(examplePlan('hub-spoke-firewall'))).toEqual([]);
  });

  // The office's gateway is in vnet-b; vnet-a (server VNet) uses it: peerings 0 (a→b) and 1 (b→a).
  const viaB = (...edits: readonly Edit[]) =>
    privatePlan(
      ['access.onPremises.0.gatewayVnet', 'vnet-b'],
      ['access.peerings.0.useRemoteGateways', true],
      ['access.peerings.1.allowGatewayTransit', true],
      ...edits,
    );

  it('a remote gateway with the peering back that allows transit passes', () => {
    expect(found(viaB())).toEqual([]);
  });

  it('a remote gateway without the peering back is refused at the peering that uses it', () => {
    const plan = viaB(['access.peerings', [{ from: 'vnet-a', to: 'vnet-b', useRemoteGateways: true }]]);
    expect(found(plan)).toEqual([
      ['access.peerings.0.useRemoteGateways', expect.stringContaining('that peering is missing')],
    ]);
  });

  it('a peering back without gateway transit is refused at its flag', () => {
    const plan = viaB(['access.peerings.1.allowGatewayTransit', false]);
    expect(found(plan)).toEqual([
      ['access.peerings.1.allowGatewayTransit', expect.stringContaining('Turn on "Allow gateway transit"')],
    ]);
  });

  it('a remote VNet without a gateway is refused', () => {
    const plan = privatePlan(
      ['access.peerings.0.useRemoteGateways', true],
      ['access.peerings.1.allowGatewayTransit', true],
    );
    expect(found(plan)).toEqual([
      ['access.peerings.0.useRemoteGateways', expect.stringContaining('has a gateway of its own')],
    ]);
  });

  it('a VNet with a gateway of its own cannot use a remote one', () => {
    // The office keeps its gateway in vnet-a; a second site connects through vnet-b.
    const plan = viaB(
      ['access.onPremises.0.gatewayVnet', ''],
      ['access.onPremises.1', site({ gatewayVnet: 'vnet-b' })],
    );
    expect(found(plan)).toEqual([
      ['access.peerings.0.useRemoteGateways', expect.stringContaining('has a gateway of its own (site "office"')],
    ]);
  });

  it('two remote gateways: the second is refused; names in another case are the same VNet', () => {
    const two = viaB(
      ['access.peeredVnets.1', { name: 'vnet-c', region: 'westeurope', addressSpaces: ['10.2.0.0/16'] }],
      ['access.onPremises.1', site({ gatewayVnet: 'vnet-c' })],
      ['access.peerings.2', { from: 'VNET-A', to: 'vnet-c', useRemoteGateways: true }],
      ['access.peerings.3', { from: 'vnet-c', to: 'vnet-a', allowGatewayTransit: true }],
    );
    expect(found(two)).toEqual([
      ['access.peerings.2.useRemoteGateways', expect.stringContaining('can use one remote gateway at most')],
    ]);
    const cased = viaB(['access.onPremises.0.gatewayVnet', 'VNET-B'], ['access.peerings.1.from', 'Vnet-B']);
    expect(found(cased)).toEqual([]);
  });

  it('a site without a connection gives its VNet no gateway', () => {
    const plan = viaB(['access.onPremises.0.connection', 'none']);
    expect(found(plan)).toEqual([['access.peerings.0.useRemoteGateways', expect.stringContaining('has no gateway')]]);
  });

  it('is an error of the whole evaluation, so export is gated', () => {
    const plan = viaB(['access.peerings.1.allowGatewayTransit', false]);
    expect(
      evaluate(plan)
        .filter((f) => f.ruleId === 'PGN-140')
        .map((f) => f.severity),
    ).toEqual(['error']);
  });
});
