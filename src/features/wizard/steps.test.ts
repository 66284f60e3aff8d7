import { describe, expect, it } from 'vitest';
import { isUnder } from '../../domain/paths';
import { STEPS, stepForPath } from './steps';

/** The owner by definition: the step with the longest owned prefix that holds the path (the first on a tie). */
function longestOwner(path: string): string {
  let best: { id: string; length: number } | null = null;
  for (const step of STEPS)
    for (const prefix of step.owns)
      if (isUnder(path, prefix) && (best === null || prefix.length > best.length))
        best = { id: step.id, length: prefix.length };
  return best?.id ?? 'review';
}

describe('stepForPath', () => {
  it('names the step whose fields hold a path', () => {
    expect(stepForPath('servers.0.name')).toBe('basics');
    expect(stepForPath('access.vnet.addressSpaces.1')).toBe('vnet');
    expect(stepForPath('access.vnet.zoneLink')).toBe('dns');
    expect(stepForPath('access.delegatedSubnet.nsg.rules.3.ports')).toBe('subnet');
    expect(stepForPath('access.peeredVnets.7.subnets.2.prefix')).toBe('peering');
    expect(stepForPath('access.peerings.3')).toBe('peering');
    expect(stepForPath('access.peerings.3.useRemoteGateways')).toBe('peering');
    expect(stepForPath('access.routeTables.1.routes.0.nextHopIp')).toBe('peering');
    // The server VNet is the VNet step's, but for its appliance, set on the network step with the routes.
    expect(stepForPath('access.vnet.appliance.privateIp')).toBe('peering');
    expect(stepForPath('access.vnet.subnets.0.name')).toBe('vnet');
    expect(stepForPath('access.firewallRules.999.startIp')).toBe('firewall');
    expect(stepForPath('clients.2.vnet')).toBe('clients');
    expect(stepForPath('access')).toBe('review');
    expect(stepForPath('')).toBe('review');
    // A prefix matches whole segments only.
    expect(stepForPath('access.vnetx')).toBe('review');
    expect(stepForPath('serversX.0')).toBe('review');
  });
  it('agrees with the longest owned prefix for every owned path and its neighbours', () => {
    const paths = new Set<string>();
    for (const step of STEPS)
      for (const prefix of step.owns)
        for (const tail of ['', '.0', '.0.name', '.12.a.b', 'x', '.'])
          for (const head of ['', 'x.']) paths.add(`${head}${prefix}${tail}`);
    for (const path of paths) {
      if (path === 'access.vnet.zoneLink') continue;
      expect(stepForPath(path), path).toBe(longestOwner(path));
    }
  });
});
