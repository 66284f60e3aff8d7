import { describe, expect, it } from 'vitest';
import { checkClient } from '../checker';
import { setIn } from '../domain/paths';
import type { Plan } from '../domain/plan';
import { examplePlan } from '../domain/testing/examples';
import { clientFromAddress } from './client-from-address';
import { importDeployedValue } from './import';
import { APP_ADDRESS, hubSpokeBundle } from './testing/bundles';

const hub = examplePlan('hub-and-spoke');
const office = examplePlan('public-office');

/** The kind and place of the client at `address`, or the message when there is none. */
function place(plan: Plan, address: string): [string, string, string | null] | string {
  const r = clientFromAddress(plan, address);
  return r.ok ? [r.client.kind, r.where, r.path] : r.message;
}

describe('clientFromAddress', () => {
  it('a subnet of the server VNet: a serverVnet client in that subnet', () => {
    const r = clientFromAddress(hub, '10.20.1.25');
    expect(r).toEqual({
      ok: true,
      client: {
        kind: 'serverVnet',
        name: 'application at 10.20.1.25',
        intent: 'mustReach',
        tlsVersion: 'TLSv1.2',
        connectsByIp: false,
        subnet: 'snet-app',
        address: '10.20.1.25',
      },
      where: 'subnet snet-app of the server VNet vnet-orders-data',
      path: 'access.vnet.subnets.0',
      subnet: null,
    });
  });

  it('the server VNet outside its subnets: the VNet as a whole (subnet left empty)', () => {
    const r = clientFromAddress(hub, '10.20.200.1', 'batch');
    expect(r.ok && r.client).toMatchObject({ kind: 'serverVnet', name: 'batch', subnet: '', address: '10.20.200.1' });
    expect(place(hub, '10.20.200.1')).toEqual(['serverVnet', 'the server VNet vnet-orders-data', 'access.vnet']);
  });

  it('another VNet: a vnet client, and the subnet that holds the address when the plan lists it', () => {
    expect(place(hub, '10.30.4.4')).toEqual(['vnet', 'VNet vnet-spoke-2', 'access.peeredVnets.1']);
    const imported = importDeployedValue(hubSpokeBundle());
    if (!imported.ok) throw new Error(imported.message);
    expect(place(imported.plan, APP_ADDRESS)).toEqual(['vnet', 'VNet vnet-app', 'access.peeredVnets.1']);
    const r = clientFromAddress(imported.plan, APP_ADDRESS);
    expect(r.ok && r.client).toMatchObject({ kind: 'vnet', vnet: 'vnet-app', address: APP_ADDRESS });
    expect(r.ok && r.subnet).toBe('snet-app');
    const spoke = clientFromAddress(hub, '10.30.4.4');
    expect(spoke.ok && spoke.subnet).toBeNull();
  });

  it('an on-premises range: an onPremises client of that site', () => {
    expect(place(hub, '192.168.10.40')).toEqual([
      'onPremises',
      'the on-premises site office-amsterdam',
      'access.onPremises.0',
    ]);
  });

  it('a block is placed when it lies inside one network, and refused when it crosses an edge', () => {
    expect(place(hub, '10.30.8.0/24')).toEqual(['vnet', 'VNet vnet-spoke-2', 'access.peeredVnets.1']);
    // Written with host bits, as the checker reads client addresses: the /24 that holds 10.30.8.9.
    expect(place(hub, '10.30.8.9/24')).toEqual(['vnet', 'VNet vnet-spoke-2', 'access.peeredVnets.1']);
    expect(place(hub, '10.30.0.0/15')).toBe(
      "10.30.0.0/15 is partly outside VNet vnet-spoke-2 (10.30.0.0/16): give the application's own address, or a " +
        'block inside one network.',
    );
    expect(place(hub, '192.168.10.0/23')).toMatch(/^192\.168\.10\.0\/23 is partly outside the on-premises site/);
  });

  it('a public address outside every network: an internet client', () => {
    const r = clientFromAddress(hub, ' 203.0.113.5 ');
    expect(r.ok && r.client).toEqual({
      kind: 'internet',
      name: 'application at 203.0.113.5',
      intent: 'mustReach',
      tlsVersion: 'TLSv1.2',
      connectsByIp: false,
      address: '203.0.113.5',
      dynamicIp: false,
    });
    expect(place(office, '198.51.100.7')).toEqual(['internet', 'the internet', null]);
  });

  it('says why there is no client: the delegated subnet, a private address nowhere, loopback, not an address', () => {
    expect(place(hub, '10.20.0.5')).toMatch(
      /^10\.20\.0\.5 is in the delegated subnet snet-postgres \(10\.20\.0\.0\/28\)/,
    );
    expect(place(hub, '10.20.0.0/27')).toMatch(/^10\.20\.0\.0\/27 overlaps the delegated subnet snet-postgres/);
    expect(place(hub, '172.16.0.9')).toBe(
      "172.16.0.9 is a private address in none of the plan's networks: add the VNet or on-premises site it is in " +
        '(with its address ranges), then ask again.',
    );
    const rangeless = setIn(hub, 'access.onPremises.0.addressRanges', []);
    expect(place(rangeless, '192.168.10.40')).toMatch(
      /The on-premises site office-amsterdam has no address ranges yet\.$/,
    );
    expect(place(office, '10.1.2.3')).toMatch(/^10\.1\.2\.3 is a private address, and the server has public access/);
    expect(place(hub, '127.0.0.1')).toMatch(/^127\.0\.0\.1 is a loopback address/);
    expect(place(hub, '169.254.1.1')).toMatch(/^169\.254\.1\.1 is a link-local address/);
    expect(place(hub, '10.0.0.300')).toMatch(/^"10\.0\.0\.300" is not an IPv4 address/);
    expect(place(hub, 'fd00::1')).toMatch(/IPv6/);
  });

  it('refuses an address whose VNet shares its name with another: the checker would follow the other one', () => {
    const twin = setIn(hub, 'access.peeredVnets.0.name', 'VNET-SPOKE-2');
    expect(place(twin, '10.30.1.1')).toMatch(/^10\.30\.1\.1 is in VNet vnet-spoke-2, but another VNet of the plan/);
    // The first of the two names still resolves to itself.
    expect(place(twin, '10.0.1.1')).toEqual(['vnet', 'VNet VNET-SPOKE-2', 'access.peeredVnets.0']);
  });

  it('gives the checker a client it follows to the network that holds the address', () => {
    for (const address of ['10.20.1.25', '10.30.4.4', '192.168.10.40', '203.0.113.5']) {
      const r = clientFromAddress(hub, address);
      if (!r.ok) throw new Error(r.message);
      const check = checkClient({ ...hub, clients: [r.client] }, r.client.name);
      expect(check?.hops.find((h) => h.title === 'Client address')).toBeUndefined();
    }
    const internet = clientFromAddress(hub, '203.0.113.5');
    if (!internet.ok) throw new Error(internet.message);
    const check = checkClient({ ...hub, clients: [internet.client] }, internet.client.name);
    expect(check?.verdict).toBe('unreachable');
    expect(check?.hops.find((h) => h.status === 'fail')?.title).toBe('No public endpoint');
  });
});
