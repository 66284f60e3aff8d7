import { describe, expect, it } from 'vitest';
import { isUnder } from '../../domain/paths';
import { newPlan, newPublicAccess, withPrivateEndpoints } from '../../domain/new-plan';
import { STEPS, stepForPath, visibleSteps, type StepDef } from './steps';

type Mode = 'private' | 'public';

/**
 * The owner by definition: among the steps shown in `mode`, the one with the longest owned prefix that holds the
 * path; on a tie, a step of this mode only before a step of both, then the first.
 */
function longestOwner(path: string, mode: Mode): string {
  const rank = (s: StepDef) => (s.modes.length === 1 ? 0 : 1);
  let best: { step: StepDef; length: number } | null = null;
  for (const step of STEPS.filter((s) => s.modes.includes(mode)))
    for (const prefix of step.owns)
      if (
        isUnder(path, prefix) &&
        (best === null ||
          prefix.length > best.length ||
          (prefix.length === best.length && rank(step) < rank(best.step)))
      )
        best = { step, length: prefix.length };
  return best?.step.id ?? 'review';
}

describe('stepForPath', () => {
  it('names the step whose fields hold a path, with private access', () => {
    const at = (path: string) => stepForPath(path, 'private');
    expect(at('servers.0.name')).toBe('basics');
    expect(at('access.vnet.addressSpaces.1')).toBe('vnet');
    expect(at('access.vnet.zoneLink')).toBe('dns');
    expect(at('access.privateDnsZone.name')).toBe('dns');
    expect(at('access.privateEndpoints.0')).toBe('connectivity');
    expect(at('access.delegatedSubnet.nsg.rules.3.ports')).toBe('subnet');
    expect(at('access.peeredVnets.7.subnets.2.prefix')).toBe('peering');
    expect(at('access.peeredVnets.7.zoneLink')).toBe('peering');
    expect(at('access.peerings.3')).toBe('peering');
    expect(at('access.peerings.3.useRemoteGateways')).toBe('peering');
    expect(at('access.routeTables.1.routes.0.nextHopIp')).toBe('peering');
    // The server VNet is the VNet step's, but for its appliance, set on the network step with the routes.
    expect(at('access.vnet.appliance.privateIp')).toBe('peering');
    expect(at('access.vnet.subnets.0.name')).toBe('vnet');
    expect(at('access.firewallRules.999.startIp')).toBe('firewall');
    expect(at('clients.2.vnet')).toBe('clients');
    expect(at('access')).toBe('review');
    expect(at('')).toBe('review');
    // A prefix matches whole segments only.
    expect(at('access.vnetx')).toBe('review');
    expect(at('serversX.0')).toBe('review');
  });
  it('names the step whose fields hold a path, with public access', () => {
    const at = (path: string) => stepForPath(path, 'public');
    expect(at('access.privateEndpoints.0.subnet')).toBe('endpoints');
    expect(at('access.privateDnsZone.resourceGroup')).toBe('endpoints');
    // The zone's links and the subnets' endpoint policies are set with the endpoints; the rest of a VNet on Network.
    expect(at('access.peeredVnets.0.zoneLink')).toBe('endpoints');
    expect(at('access.peeredVnets.2.subnets.1.privateEndpointNetworkPolicies')).toBe('endpoints');
    expect(at('access.peeredVnets.2.subnets.1.prefix')).toBe('peering');
    expect(at('access.peerings.0.from')).toBe('peering');
    expect(at('access.onPremises.0.forwardedZone')).toBe('peering');
    expect(at('access.publicNetworkAccess')).toBe('firewall');
    expect(at('access.mode')).toBe('connectivity');
  });
  it('agrees with the longest owned prefix for every owned path and its neighbours, in both modes', () => {
    const paths = new Set<string>();
    for (const step of STEPS)
      for (const prefix of step.owns)
        for (const tail of ['', '.0', '.0.name', '.12.a.b', 'x', '.'])
          for (const head of ['', 'x.']) paths.add(`${head}${prefix}${tail}`);
    for (const mode of ['private', 'public'] as const)
      for (const path of paths) {
        if (path === 'access.vnet.zoneLink') continue;
        expect(stepForPath(path, mode), `${mode}: ${path}`).toBe(longestOwner(path, mode));
      }
  });
});

describe('visibleSteps', () => {
  const ids = (plan: ReturnType<typeof newPlan>) => visibleSteps(plan).map((s) => s.id);
  it('shows Private endpoints and Network with public access only when the plan has endpoints', () => {
    const publicPlan = { ...newPlan(), access: newPublicAccess() };
    expect(ids(publicPlan)).toEqual(['basics', 'connectivity', 'firewall', 'security', 'clients', 'review']);
    const withEndpoint = { ...publicPlan, access: withPrivateEndpoints(publicPlan.access, 'pg-1', true) };
    expect(ids(withEndpoint)).toEqual([
      'basics',
      'connectivity',
      'peering',
      'endpoints',
      'firewall',
      'security',
      'clients',
      'review',
    ]);
  });
  it('keeps the Network step while a public plan has VNets, so their findings have a step', () => {
    const access = { ...newPublicAccess(), peeredVnets: [] as never[], onPremises: [] as never[] };
    const plan = { ...newPlan(), access };
    expect(ids(plan)).not.toContain('peering');
    const withSite = {
      ...plan,
      access: {
        ...access,
        onPremises: [
          {
            name: 'office',
            addressRanges: ['192.168.0.0/24'],
            connection: 'vpn' as const,
            gatewayVnet: '',
            dnsForwarder: false,
          },
        ],
      },
    };
    expect(ids(withSite)).toContain('peering');
    expect(ids(withSite)).not.toContain('endpoints');
  });
  it('never shows Private endpoints with private access', () => {
    expect(ids(newPlan())).not.toContain('endpoints');
  });
});
