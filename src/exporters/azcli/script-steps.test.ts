/**
 * The step list `deploy.sh` is written from: one step per resource operation, each with its ARM ID, scope, action
 * and the properties Azure checks, in the script's order.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES } from '../../domain/testing/examples';
import type { Plan } from '../../domain/plan';
import { examplePlan } from '../test-plans';
import { azcliFiles } from './index';
import { scriptSteps } from './script-steps';

const PEERING = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const SERVER = 'Microsoft.DBforPostgreSQL/flexibleServers';

/** The example with its private access edited. */
function privateVariant(name: string, edit: (a: Extract<Plan['access'], { mode: 'private' }>) => void): Plan {
  const plan = structuredClone(examplePlan(name));
  if (plan.access.mode !== 'private') throw new Error(`${name} is not a private-access example`);
  edit(plan.access);
  return plan;
}

describe.each(EXAMPLE_NAMES)('the steps of %s', (name) => {
  const plan = examplePlan(name);
  const steps = scriptSteps(plan);
  const script = azcliFiles(plan)[0]!.contents;

  it('are what deploy.sh runs, in its order', () => {
    let from = 0;
    for (const s of steps) {
      const at = script.indexOf(s.commands, from);
      expect(at, `${s.action} ${s.name}`).toBeGreaterThanOrEqual(from);
      from = at + s.commands.length;
    }
    // From the first step on, nothing is left out of a step but blank lines and section headings.
    const body = script.slice(script.indexOf(steps[0]!.commands)).split('\n');
    const covered = new Set(steps.flatMap((s) => s.commands.split('\n')));
    expect(body.filter((l) => l !== '' && !l.startsWith('# ') && !covered.has(l))).toEqual([]);
  });

  it('have unique, lower-cased ARM IDs built from their scope', () => {
    expect(new Set(steps.map((s) => s.id)).size).toBe(steps.length);
    for (const s of steps) {
      expect(s.id).toBe(s.id.toLowerCase());
      expect(s.id.startsWith(`/subscriptions/${s.scope.subscription}/resourcegroups/${s.scope.resourceGroup}/`)).toBe(
        true,
      );
      expect(s.id.split('#')[0]!.endsWith(s.name.split('/').at(-1)!.toLowerCase())).toBe(true);
    }
  });

  it('create every server with the plan’s region, high availability and network', () => {
    const servers = steps.filter((s) => s.type === SERVER && s.action === 'create');
    expect(servers.map((s) => s.name)).toEqual(plan.servers.map((s) => s.name));
    servers.forEach((s, i) => {
      expect(s.location).toBe(plan.servers[i]!.region);
      expect(s.props.highAvailability).toBe(plan.servers[i]!.highAvailability);
      const access = plan.access;
      if (access.mode === 'public') expect(s.props.publicNetworkAccess).toBe('Enabled');
      else {
        const subnet = steps.find((t) => t.type === SUBNET && t.name.endsWith(`/${access.delegatedSubnet.name}`));
        expect(s.props.delegatedSubnet).toBe(subnet!.id.split('#')[0]);
        const zone = steps.find((t) => t.type === 'Microsoft.Network/privateDnsZones');
        expect(s.props.privateDnsZone).toBe(zone!.id.split('#')[0]);
      }
    });
  });
});

describe('hub and spoke', () => {
  const steps = scriptSteps(examplePlan('hub-and-spoke'));
  const peerings = steps.filter((s) => s.type === PEERING);

  it('offers the hub’s gateway transit before the server VNet uses it', () => {
    const offer = peerings.findIndex((p) => p.props.allowGatewayTransit === true);
    const use = peerings.findIndex((p) => p.props.useRemoteGateways === true);
    expect(peerings[offer]!.name).toBe('vnet-hub/vnet-hub-to-vnet-orders-data');
    expect(peerings[use]!.name).toBe('vnet-orders-data/vnet-orders-data-to-vnet-hub');
    expect(offer).toBeLessThan(use);
  });

  it('points each peering at the remote VNet’s ID, as the script reads it', () => {
    const hubRead = steps.find((s) => s.action === 'read' && s.name === 'vnet-hub')!;
    expect(hubRead.id).toBe(
      '/subscriptions//resourcegroups/rg-hub-network/providers/microsoft.network/virtualnetworks/vnet-hub',
    );
    const use = peerings.find((p) => p.props.useRemoteGateways === true)!;
    expect(use.props.remoteVirtualNetwork).toBe(hubRead.id);
    expect(use.scope).toEqual({ subscription: '', resourceGroup: 'rg-orders-network' });
  });

  it('reads back what it created under a #read ID', () => {
    const reads = steps.filter((s) => s.action === 'read').map((s) => s.id.split('/').slice(-2).join('/'));
    expect(reads).toEqual([
      'subnets/snet-postgres#read',
      'virtualnetworks/vnet-orders-data#read',
      'virtualnetworks/vnet-hub',
      'virtualnetworks/vnet-spoke-2',
      'privatednszones/contoso-orders.private.postgres.database.azure.com#read',
      'flexibleservers/pg-contoso-orders#read',
    ]);
  });
});

describe('variants', () => {
  it('an existing delegated subnet is updated in place, keeping its live properties', () => {
    const steps = scriptSteps(privateVariant('hub-and-spoke', (a) => (a.delegatedSubnet.existing = true)));
    const subnet = steps.filter((s) => s.type === SUBNET && s.name === 'vnet-orders-data/snet-postgres');
    expect(subnet.map((s) => [s.action, s.id.split('/').at(-1)])).toEqual([
      ['update', 'snet-postgres#update'],
      ['read', 'snet-postgres#read'],
    ]);
    expect(subnet[0]!.props).toEqual({
      delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'],
      serviceEndpoints: ['Microsoft.Storage'],
      networkSecurityGroup:
        '/subscriptions//resourcegroups/rg-orders-network/providers/microsoft.network/' +
        'networksecuritygroups/nsg-postgres',
      preservesLiveProperties: true,
    });
    expect(subnet[0]!.commands).toMatch(/^az network vnet subnet update /);
  });

  it('an existing VNet and zone are read, never created', () => {
    const steps = scriptSteps(
      privateVariant('hub-and-spoke', (a) => {
        a.vnet.existing = true;
        a.privateDnsZone!.existing = true;
      }),
    );
    const of = (type: string) => steps.filter((s) => s.type === type).map((s) => [s.action, s.id.split('/').at(-1)]);
    expect(of('Microsoft.Network/virtualNetworks').slice(0, 1)).toEqual([['read', 'vnet-orders-data']]);
    expect(of('Microsoft.Network/privateDnsZones')).toEqual([
      ['read', 'contoso-orders.private.postgres.database.azure.com'],
    ]);
  });

  // A subscription ID (PGN-012): a name never reaches a resource ID.
  const DNS_SUB = '00000000-0000-0000-0000-0000000000d1';
  it('a zone in another subscription is scoped to it', () => {
    const steps = scriptSteps(privateVariant('hub-and-spoke', (a) => (a.privateDnsZone!.subscription = DNS_SUB)));
    const zone = steps.filter((s) => s.type.startsWith('Microsoft.Network/privateDnsZones'));
    expect(zone.length).toBeGreaterThan(1);
    for (const s of zone) expect(s.scope).toEqual({ subscription: DNS_SUB, resourceGroup: 'rg-hub-dns' });
    expect(zone[0]!.id).toBe(
      `/subscriptions/${DNS_SUB}/resourcegroups/rg-hub-dns/providers/microsoft.network/privatednszones/` +
        'contoso-orders.private.postgres.database.azure.com',
    );
  });
});
