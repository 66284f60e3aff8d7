import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../checker';
import type { Plan, PrivateAccess } from '../domain/plan';
import { evaluate } from '../rules';
import { clientFromAddress } from './client-from-address';
import { importDeployed, importDeployedValue } from './import';
import { liveResourceAt } from './live';
import { APP_ADDRESS, brokenBundles, hubSpokeBundle, SUBSCRIPTION } from './testing/bundles';
import type { ArmResource, ImportResult, ImportSuccess } from './types';

const ok = (result: ImportResult): ImportSuccess => {
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  return result;
};
const failure = (result: ImportResult): string => {
  if (result.ok) throw new Error('import succeeded');
  return result.message;
};
const privateOf = (plan: Plan): PrivateAccess => {
  if (plan.access.mode !== 'private') throw new Error('not private');
  return plan.access;
};
const resources = (): ArmResource[] => hubSpokeBundle().resources.flat();
const byType = (type: string) => resources().filter((r) => r.type === type);
const serverResource = () => byType('Microsoft.DBforPostgreSQL/flexibleServers')[0] as ArmResource;

/** The verdict of the application at `address` in `plan`, with its first failing hop. */
function verdictFrom(plan: Plan, address: string) {
  const found = clientFromAddress(plan, address);
  if (!found.ok) throw new Error(found.message);
  const [check] = checkAllClients({ ...plan, clients: [found.client] });
  return { check, failing: check?.hops.find((h) => h.status === 'fail') };
}

describe('importing a hub-and-spoke deployment', () => {
  const imported = ok(importDeployedValue(hubSpokeBundle()));
  const access = privateOf(imported.plan);

  it('reads the server, its VNet and delegated subnet, all existing, as deployed', () => {
    expect(imported.source).toBe('bundle');
    expect(imported.plan.servers).toEqual([
      {
        name: 'pg-orders',
        region: 'westeurope',
        version: '16',
        highAvailability: 'ZoneRedundant',
        availabilityZone: '1',
        standbyAvailabilityZone: '2',
        resourceGroup: 'rg-orders-data',
        subscription: SUBSCRIPTION,
      },
    ]);
    expect(access.vnet).toMatchObject({
      name: 'vnet-orders-data',
      existing: true,
      addressSpaces: ['10.20.0.0/16'],
      subnets: [{ name: 'snet-tools', prefix: '10.20.1.0/24' }],
      zoneLink: true,
    });
    expect(access.delegatedSubnet).toMatchObject({
      name: 'snet-postgres',
      prefix: '10.20.0.0/28',
      existing: true,
      existingDelegation: 'Microsoft.DBforPostgreSQL/flexibleServers',
      nsg: { name: 'nsg-postgres', rules: [{ name: 'allow-app', priority: 300, sourceAddresses: ['10.30.0.0/16'] }] },
    });
    // The NSG's six default rules are Azure's, not the plan's.
    expect(access.delegatedSubnet.nsg?.rules).toHaveLength(1);
    expect(access.privateDnsZone).toEqual({
      name: 'orders.private.postgres.database.azure.com',
      existing: true,
      resourceGroup: 'rg-dns',
      subscription: '0b9e8d7c-6a5b-4c3d-8e2f-1a2b3c4d5e6f',
    });
    expect(imported.plan.tls).toEqual({ requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null });
  });

  it('reads the hub and the other spoke, each peering direction, route tables, the firewall and the gateway', () => {
    expect(access.peeredVnets.map((v) => [v.name, v.zoneLink, v.appliance?.privateIp ?? null])).toEqual([
      ['vnet-hub', true, '10.0.1.4'],
      ['vnet-app', false, null],
    ]);
    expect(access.peeredVnets[1]?.dns).toEqual({ kind: 'custom', servers: ['10.0.2.4'], forwardsToAzureDns: true });
    expect(access.peerings.map((p) => `${p.from}>${p.to} ${p.allowGatewayTransit} ${p.useRemoteGateways}`)).toEqual([
      'vnet-orders-data>vnet-hub false true',
      'vnet-hub>vnet-orders-data true false',
      'vnet-hub>vnet-app true false',
      'vnet-app>vnet-hub false true',
    ]);
    expect(access.routeTables.map((t) => [t.name, t.vnet, t.subnets, t.routes[0]?.nextHopIp])).toEqual([
      ['rt-orders-data', 'vnet-orders-data', ['snet-postgres'], '10.0.1.4'],
      ['rt-app', 'vnet-app', ['snet-app'], '10.0.1.4'],
    ]);
    expect(access.onPremises).toEqual([
      { name: 'ergw-hub', addressRanges: [], connection: 'expressRoute', gatewayVnet: 'vnet-hub', dnsForwarder: false },
    ]);
  });

  it('lists what the plan has no place for, and keeps the deployed IDs of what it read', () => {
    expect(imported.notModelled.map((n) => `${n.type} ${n.what}`)).toEqual([
      'Microsoft.Network/azureFirewalls properties (rule collections, policy)',
      'Microsoft.Network/virtualNetworks/subnets properties.natGateway',
      'Microsoft.Network/natGateways resource',
    ]);
    expect(imported.warnings).toEqual([expect.stringContaining('Gateway ergw-hub connects on-premises networks')]);
    expect(imported.skipped).toEqual([]);
    expect(imported.resourceIds['access.delegatedSubnet.nsg']).toMatch(/\/networkSecurityGroups\/nsg-postgres$/);
    expect(imported.resourceIds['access.peeredVnets.1']).toMatch(/\/virtualNetworks\/vnet-app$/);
    expect(liveResourceAt(imported.resourceIds, 'access.delegatedSubnet.nsg.rules.0')).toMatch(/nsg-postgres$/);
    expect(liveResourceAt(imported.resourceIds, 'access.peeredVnets.1.zoneLink')).toMatch(/privateDnsZones\//);
  });

  it('has no error finding, and the application in the other spoke reaches the server through the firewall', () => {
    expect(evaluate(imported.plan).filter((f) => f.severity === 'error')).toEqual([]);
    const { check } = verdictFrom(imported.plan, APP_ADDRESS);
    expect(check?.verdict).toBe('reachable');
    expect(check?.summary).toContain('Through afw-hub in vnet-hub');
  });
});

describe('troubleshooting broken deployments from the application address', () => {
  for (const broken of brokenBundles())
    it(`${broken.name}: the failing hop and its fix`, () => {
      const { check, failing } = verdictFrom(ok(importDeployedValue(broken.bundle)).plan, APP_ADDRESS);
      expect(check?.verdict).toBe('unreachable');
      expect(`${failing?.detail ?? ''} ${failing?.fix ?? ''}`).toMatch(broken.failingHop);
    });
});

describe('the other inputs', () => {
  it('reads Resource Graph results, a plain list and one resource from a JSON view', () => {
    expect(ok(importDeployedValue({ count: 3, data: resources() })).source).toBe('resourceJson');
    expect(privateOf(ok(importDeployedValue(resources())).plan).vnet.name).toBe('vnet-orders-data');
    const alone = ok(importDeployedValue(serverResource()));
    // The server alone: its network is named from the IDs, and what is missing is said.
    expect(privateOf(alone.plan).vnet).toMatchObject({ name: 'vnet-orders-data', addressSpaces: [] });
    expect(privateOf(alone.plan).delegatedSubnet).toMatchObject({ name: 'snet-postgres', prefix: '' });
    expect(alone.skipped.map((s) => s.reason)).toEqual([
      "Server pg-orders's delegated subnet is not in the input: its name is kept, its prefix is unknown.",
      "Server pg-orders's VNet is not in the input: its name is kept, its address spaces are unknown.",
    ]);
  });

  it('reads subnets listed on their own next to their VNet as one resource each', () => {
    const vnets = byType('Microsoft.Network/virtualNetworks');
    const subnets = vnets.flatMap((v) => (v.properties?.subnets as ArmResource[]).map((s) => ({ ...s, type: 'x' })));
    const list = [...resources(), ...subnets.map((s) => ({ ...s, type: 'Microsoft.Network/virtualNetworks/subnets' }))];
    const imported = ok(importDeployedValue(list));
    expect(imported.skipped).toEqual([]);
    expect(privateOf(imported.plan).vnet.subnets).toHaveLength(1);
  });

  it("reads a template from the portal's Export template, with parameters' default values", () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        flexibleServers_pg_name: { defaultValue: 'pg-exported', type: 'String' },
        virtualNetworks_vnet_name: { defaultValue: 'vnet-exported', type: 'String' },
      },
      variables: {},
      resources: [
        {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers',
          apiVersion: '2025-08-01',
          name: "[parameters('flexibleServers_pg_name')]",
          location: 'West Europe',
          properties: {
            version: '17',
            network: {
              delegatedSubnetResourceId:
                "[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('virtualNetworks_vnet_name'), " +
                "'snet-pg')]",
            },
          },
        },
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2025-07-01',
          name: "[parameters('virtualNetworks_vnet_name')]",
          location: 'westeurope',
          properties: { addressSpace: { addressPrefixes: ['10.5.0.0/16'] } },
        },
        {
          type: 'Microsoft.Network/virtualNetworks/subnets',
          apiVersion: '2025-07-01',
          name: "[concat(parameters('virtualNetworks_vnet_name'), '/snet-pg')]",
          properties: {
            addressPrefix: '10.5.0.0/28',
            delegations: [{ name: 'd', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }],
          },
        },
      ],
    };
    const imported = ok(importDeployed(JSON.stringify(template)));
    expect(imported.source).toBe('armTemplate');
    expect(imported.plan.servers[0]).toMatchObject({ name: 'pg-exported', region: 'westeurope', subscription: '' });
    expect(privateOf(imported.plan).vnet).toMatchObject({ name: 'vnet-exported', addressSpaces: ['10.5.0.0/16'] });
    expect(privateOf(imported.plan).delegatedSubnet).toMatchObject({ name: 'snet-pg', prefix: '10.5.0.0/28' });
    expect(imported.skipped).toEqual([]);
  });

  it('reads a public-access server: firewall rules, Azure services, and what it cannot hold', () => {
    const server = serverResource();
    const publicServer = {
      ...server,
      properties: {
        ...server.properties,
        network: { publicNetworkAccess: 'Disabled' },
        privateEndpointConnections: [{ id: `${server.id}/privateEndpointConnections/pe-1` }],
      },
    };
    const rule = (name: string, start: string, end: string) => ({
      name,
      type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
      id: `${server.id}/firewallRules/${name}`,
      properties: { startIpAddress: start, endIpAddress: end },
    });
    const imported = ok(
      importDeployedValue([
        publicServer,
        rule('office', '203.0.113.10', '203.0.113.20'),
        rule('AllowAllAzureServicesAndResourcesWithinAzureIps', '0.0.0.0', '0.0.0.0'),
      ]),
    );
    expect(imported.plan.access).toEqual({
      mode: 'public',
      firewallRules: [{ name: 'office', startIp: '203.0.113.10', endIp: '203.0.113.20' }],
      allowAzureServices: true,
    });
    expect(imported.notModelled.map((n) => n.what)).toEqual([
      'properties.network.publicNetworkAccess',
      'properties.privateEndpointConnections',
    ]);
    expect(imported.resourceIds['access.firewallRules.0']).toMatch(/firewallRules\/office$/);
  });
});

describe('bad input: a message that says what and where, never a throw', () => {
  it('JSON cut short, with its line and column', () => {
    const text = JSON.stringify(hubSpokeBundle(), null, 2).slice(0, 500);
    expect(failure(importDeployed(text))).toMatch(/^Not valid JSON at line \d+, column \d+: .*cut short/);
  });

  it('an empty file, a file over the limit, a plan file, something else', () => {
    expect(failure(importDeployed('  '))).toBe('The file is empty.');
    expect(failure(importDeployed(' '.repeat(33 * 1024 * 1024)))).toMatch(/^The file is 33(\.0)? MB; .* up to 32/);
    expect(failure(importDeployedValue({ formatVersion: 2, access: {} }))).toMatch(/^This is a plan file/);
    expect(failure(importDeployedValue({ hello: 'world' }))).toMatch(/^This is an object with "hello", not a deploy/);
    expect(failure(importDeployedValue(42))).toMatch(/^This is a JSON number, not a deployment/);
  });

  it('another bundle version, no server, several servers', () => {
    expect(failure(importDeployedValue({ ...hubSpokeBundle(), version: 2 }))).toMatch(/version 2; this planner reads/);
    const noServer = resources().filter((r) => !r.type.startsWith('Microsoft.DBforPostgreSQL'));
    expect(failure(importDeployedValue(noServer))).toMatch(
      /^The input holds no flexible server \(Microsoft\.DBforPostgreSQL\/flexibleServers\); it holds Microsoft\.Net/,
    );
    const two = [...resources(), { ...serverResource(), id: `${serverResource().id}-b`, name: 'pg-orders-b' }];
    expect(failure(importDeployedValue(two))).toBe(
      'The input holds 2 servers (pg-orders, pg-orders-b): say which to import.',
    );
    expect(privateOf(ok(importDeployedValue(two, { server: 'PG-ORDERS' })).plan).vnet.name).toBe('vnet-orders-data');
    expect(failure(importDeployedValue(two, { server: 'pg-x' }))).toMatch(/no server named "pg-x"/);
  });

  it('a resource twice (any case) and an item that is not a resource are skipped, and said', () => {
    const server = serverResource();
    const imported = ok(importDeployedValue([...resources(), { ...server, id: server.id.toUpperCase() }, { a: 1 }]));
    expect(imported.skipped).toEqual([
      { resourceId: server.id.toUpperCase(), reason: 'It is in the input twice; the first was read.' },
      {
        resourceId: `item ${resources().length + 2} of the list`,
        reason: 'It has no "id" and "type", so it is not an Azure resource as ARM returns one.',
      },
    ]);
  });

  it('a custom DNS server that is not a resolver is assumed not to forward, with a warning', () => {
    const imported = ok(importDeployedValue((brokenBundles()[2] as { bundle: unknown }).bundle));
    expect(privateOf(imported.plan).peeredVnets[1]?.dns).toEqual({
      kind: 'custom',
      servers: ['10.0.2.10'],
      forwardsToAzureDns: false,
    });
    expect(imported.warnings).toContainEqual(
      expect.stringMatching(/^VNet vnet-app uses the DNS server 10\.0\.2\.10\./),
    );
  });
});

describe('clientFromAddress', () => {
  const plan = ok(importDeployedValue(hubSpokeBundle())).plan;
  it('places an address in the most specific network of the plan', () => {
    const where = (a: string) => {
      const r = clientFromAddress(plan, a);
      return r.ok ? [r.client.kind, r.where] : r.message;
    };
    expect(where('10.20.1.7')).toEqual(['serverVnet', 'subnet snet-tools of the server VNet vnet-orders-data']);
    expect(where('10.20.9.9')).toEqual(['serverVnet', 'the server VNet vnet-orders-data']);
    expect(where('10.0.2.9')).toEqual(['vnet', 'VNet vnet-hub']);
    expect(where('203.0.113.5')).toEqual(['internet', 'the internet']);
    expect(where('10.20.0.5')).toMatch(/is in the delegated subnet snet-postgres/);
    expect(where('192.168.1.1')).toMatch(/private address in none of the plan's networks/);
    expect(where('10.0.0.300')).toMatch(/^"10\.0\.0\.300" is not an IPv4 address/);
  });
});
