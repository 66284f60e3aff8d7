/**
 * The importer, on deployments built from Microsoft's own GET example responses (./__fixtures__/rest-examples): each
 * resource is an example body with its IDs and names changed, and only the properties a test is about set. The larger
 * realistic bundles and the round trip are tested in fixtures.test.ts and round-trip.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PLANNER_LIMITS } from '../domain/azure';
import { newPublicAccess } from '../domain/new-plan';
import { readPlanDocument } from '../domain/parse';
import type { Plan, PrivateAccess } from '../domain/plan';
import { importDeployed, importDeployedValue } from './import';
import { INVENTORY_FORMAT, INVENTORY_VERSION, type ImportResult, type ImportSuccess } from './types';

type Json = Record<string, unknown>;

/** The body of one of Microsoft's example responses, with each `from` of `replace` written as its `to`. */
function example(file: string, replace: Readonly<Record<string, string>> = {}): Json {
  const url = new URL(`./__fixtures__/rest-examples/${file}.json`, import.meta.url);
  const parsed = JSON.parse(readFileSync(url, 'utf8')) as { responses: { '200': { body: unknown } } };
  let text = JSON.stringify(parsed.responses['200'].body);
  for (const [from, to] of Object.entries(replace)) text = text.split(from).join(to);
  return JSON.parse(text) as Json;
}

const propsOf = (r: Json): Json => r.properties as Json;
/** `r` with `properties` merged over its own. */
const withProps = (r: Json, properties: Json): Json => ({ ...r, properties: { ...propsOf(r), ...properties } });

const SUB = '3f2b6c1e-8a4d-4e7f-9b0c-1d2e3f4a5b6c';
const HUB_SUB = '7a8b9c0d-1e2f-4a3b-8c4d-5e6f7a8b9c0d';
const armId = (sub: string, rg: string, type: string, ...names: string[]) => {
  const [ns, ...types] = type.split('/');
  const path = types.map((t, i) => `/${t}/${names[i] ?? ''}`).join('');
  return `/subscriptions/${sub}/resourceGroups/${rg}/providers/${ns ?? ''}${path}`;
};
const vnetId = (sub: string, rg: string, name: string) => armId(sub, rg, 'Microsoft.Network/virtualNetworks', name);
const DATA = vnetId(SUB, 'rg-data', 'vnet-data');
const HUB = vnetId(HUB_SUB, 'rg-hub', 'vnet-hub');
const APP = vnetId(SUB, 'rg-app', 'vnet-app');
const PG_SUBNET = `${DATA}/subnets/snet-pg`;
const SERVER_ID = armId(SUB, 'rg-data', 'Microsoft.DBforPostgreSQL/flexibleServers', 'pg-orders');
const ZONE_NAME = 'pg-orders.private.postgres.database.azure.com';
const ZONE_ID = armId(HUB_SUB, 'rg-dns', 'Microsoft.Network/privateDnsZones', ZONE_NAME);
const NSG_ID = armId(SUB, 'rg-data', 'Microsoft.Network/networkSecurityGroups', 'nsg-pg');
const RT_ID = armId(SUB, 'rg-data', 'Microsoft.Network/routeTables', 'rt-data');
const GATEWAY_ID = armId(HUB_SUB, 'rg-hub', 'Microsoft.Network/virtualNetworkGateways', 'vpngw-hub');
const LOCAL_ID = armId(HUB_SUB, 'rg-hub', 'Microsoft.Network/localNetworkGateways', 'lgw-office');
const RESOLVER_IP = '10.0.2.4';
/** The subscription and resource group of Microsoft's private DNS examples. */
const EXAMPLE_DNS_GROUP = '/subscriptions/subscriptionId/resourceGroups/resourceGroup1/';

/** ServersGetWithVnet: zone-redundant, VNet-integrated, PostgreSQL 17. */
const server = (): Json =>
  withProps(
    example('postgresql-flexibleserver-get-vnet', {
      'ffffffff-ffff-ffff-ffff-ffffffffffff': SUB,
      exampleresourcegroup: 'rg-data',
      exampleserver: 'pg-orders',
    }),
    { network: { delegatedSubnetResourceId: PG_SUBNET, privateDnsZoneArmResourceId: ZONE_ID } },
  );

/** A server parameter (ConfigurationsGet), set to `value`. */
const parameter = (name: string, value: string): Json =>
  withProps(
    example('postgresql-configuration-get', {
      'ffffffff-ffff-ffff-ffff-ffffffffffff': SUB,
      exampleresourcegroup: 'rg-data',
      exampleserver: 'pg-orders',
      array_nulls: name,
    }),
    { value },
  );

/** A subnet (SubnetGetWithDelegation), without the example's delegation unless `delegatedTo` names a service. */
function subnet(vnet: string, name: string, prefix: string, extra: Json = {}, delegatedTo?: string): Json {
  const body = example('network-subnet-get-delegation');
  const { delegations, ...rest } = propsOf(body) as { delegations: Json[] };
  const id = `${vnet}/subnets/${name}`;
  const delegation = delegations[0] as Json;
  return {
    ...body,
    id,
    name,
    properties: {
      ...rest,
      addressPrefix: prefix,
      ...(delegatedTo === undefined
        ? {}
        : {
            delegations: [
              {
                ...delegation,
                id: `${id}/delegations/dlg`,
                properties: { ...propsOf(delegation), serviceName: delegatedTo },
              },
            ],
          }),
      ...extra,
    },
  };
}

/** One direction of a peering (VirtualNetworkPeeringGet). */
const peering = (local: string, remote: string, flags: Json = {}): Json => {
  const body = example('network-virtualnetworkpeering-get');
  const name = `to-${remote.split('/').at(-1) ?? ''}`;
  return withProps(
    { ...body, id: `${local}/virtualNetworkPeerings/${name}`, name },
    {
      remoteVirtualNetwork: { id: remote },
      ...flags,
    },
  );
};

/** A VNet (VirtualNetworkGetWithSubnetDelegation) with its subnets and peerings inside it, as GET returns them. */
function vnet(id: string, prefix: string, subnets: Json[], peerings: Json[], dnsServers: string[] = []): Json {
  const body = example('network-virtualnetwork-get-subnet-delegation');
  return withProps(
    { ...body, id, name: id.split('/').at(-1), location: 'eastus' },
    {
      addressSpace: { addressPrefixes: [prefix] },
      subnets,
      virtualNetworkPeerings: peerings,
      ...(dnsServers.length > 0 ? { dhcpOptions: { dnsServers } } : {}),
    },
  );
}

const dataVnet = () =>
  vnet(
    DATA,
    '10.20.0.0/16',
    [
      subnet(
        DATA,
        'snet-pg',
        '10.20.0.0/28',
        { networkSecurityGroup: { id: NSG_ID }, routeTable: { id: RT_ID } },
        'Microsoft.DBforPostgreSQL/flexibleServers',
      ),
      subnet(DATA, 'snet-tools', '10.20.1.0/24'),
    ],
    [peering(DATA, HUB, { useRemoteGateways: true })],
  );

const hubVnet = () =>
  vnet(
    HUB,
    '10.0.0.0/16',
    [
      subnet(HUB, 'GatewaySubnet', '10.0.0.0/26'),
      subnet(HUB, 'AzureFirewallSubnet', '10.0.1.0/26'),
      subnet(HUB, 'snet-dns-in', '10.0.2.0/28', {}, 'Microsoft.Network/dnsResolvers'),
    ],
    [peering(HUB, DATA, { allowGatewayTransit: true }), peering(HUB, APP, { allowGatewayTransit: true })],
  );

const appVnet = (dns: string[] = [RESOLVER_IP]) =>
  vnet(APP, '10.30.0.0/16', [subnet(APP, 'snet-app', '10.30.1.0/24')], [peering(APP, HUB)], dns);

/** NetworkSecurityGroupGet: rule1 (any protocol to port 80 from anywhere, priority 130), six default rules. */
const nsg = (): Json =>
  example('network-networksecuritygroup-get', {
    '00000000-0000-0000-0000-000000000000': SUB,
    '/resourceGroups/rg1/': '/resourceGroups/rg-data/',
    testnsg: 'nsg-pg',
  });

/** RouteTableGet: route1, 10.0.3.0/24 to the VPN gateway. */
const routeTable = (): Json =>
  example('network-routetable-get', {
    '00000000-0000-0000-0000-000000000000': SUB,
    '/resourceGroups/rg1/': '/resourceGroups/rg-data/',
    testrt: 'rt-data',
  });

/** AzureFirewallGet, in the hub's AzureFirewallSubnet at 10.0.1.4. */
const firewall = (): Json =>
  example('network-azurefirewall-get', {
    '00000000-0000-0000-0000-000000000000': HUB_SUB,
    '/resourceGroups/rg1/': '/resourceGroups/rg-hub/',
    'virtualNetworks/vnet2/': 'virtualNetworks/vnet-hub/',
    azurefirewall: 'afw-hub',
    '"privateIPAddress":"10.0.0.0"': '"privateIPAddress":"10.0.1.4"',
  });

/** VirtualNetworkGatewayGet: a route-based VPN gateway in the hub's GatewaySubnet. */
const gateway = (type = 'Vpn'): Json =>
  withProps(
    example('network-virtualnetworkgateway-get', {
      '00000000-0000-0000-0000-000000000000': HUB_SUB,
      '/resourceGroups/rg1/': '/resourceGroups/rg-hub/',
      'virtualNetworks/vnet1/': 'virtualNetworks/vnet-hub/',
      vpngw: 'vpngw-hub',
    }),
    { gatewayType: type },
  );

/**
 * The office's local network gateway and its connection to the hub's gateway. Microsoft's examples hold neither, so
 * these follow the ARM schema (Microsoft.Network 2025-07-01: LocalNetworkGatewayPropertiesFormat,
 * VirtualNetworkGatewayConnectionPropertiesFormat).
 */
const office = (): Json[] => [
  {
    id: LOCAL_ID,
    name: 'lgw-office',
    type: 'Microsoft.Network/localNetworkGateways',
    location: 'eastus',
    properties: { gatewayIpAddress: '203.0.113.10', localNetworkAddressSpace: { addressPrefixes: ['192.168.0.0/16'] } },
  },
  {
    id: armId(HUB_SUB, 'rg-hub', 'Microsoft.Network/connections', 'cn-office'),
    name: 'cn-office',
    type: 'Microsoft.Network/connections',
    location: 'eastus',
    properties: {
      connectionType: 'IPsec',
      virtualNetworkGateway1: { id: GATEWAY_ID },
      localNetworkGateway2: { id: LOCAL_ID },
    },
  },
];

/** PrivateZoneGet, counting `links` VNet links. */
const zone = (links: number): Json =>
  withProps(
    example('privatedns-zone-get', {
      [EXAMPLE_DNS_GROUP]: `/subscriptions/${HUB_SUB}/resourceGroups/rg-dns/`,
      'privatezone1.com': ZONE_NAME,
    }),
    { numberOfVirtualNetworkLinks: links },
  );

/** VirtualNetworkLinkGet: the zone linked to `vnet`. */
const zoneLink = (vnetIdLinked: string): Json => {
  const name = `link-${vnetIdLinked.split('/').at(-1) ?? ''}`;
  return withProps(
    { ...example('privatedns-virtualnetworklink-get'), id: `${ZONE_ID}/virtualNetworkLinks/${name}`, name },
    {
      virtualNetwork: { id: vnetIdLinked },
    },
  );
};

/** InboundEndpoint_Get (its ID without the resolver's segment, as Microsoft wrote it) at 10.0.2.4 in the hub. */
const inboundEndpoint = (): Json => {
  const body = example('dnsresolver-inboundendpoint-get');
  const [config] = propsOf(body).ipConfigurations as Json[];
  return withProps(body, {
    ipConfigurations: [{ ...config, privateIpAddress: RESOLVER_IP, subnet: { id: `${HUB}/subnets/snet-dns-in` } }],
  });
};

/** The landing zone: the server in spoke vnet-data, the hub with firewall, VPN and resolver, the spoke vnet-app. */
const landingZone = (): Json[] => [
  server(),
  parameter('require_secure_transport', 'on'),
  parameter('ssl_min_protocol_version', 'TLSv1.3'),
  parameter('array_nulls', 'on'),
  dataVnet(),
  hubVnet(),
  appVnet(),
  nsg(),
  routeTable(),
  firewall(),
  gateway(),
  ...office(),
  zone(2),
  zoneLink(DATA),
  zoneLink(HUB),
  inboundEndpoint(),
];

const bundle = (resources: unknown[]) => ({
  format: INVENTORY_FORMAT,
  version: INVENTORY_VERSION,
  collectedAt: '2026-11-27T10:00:00Z',
  scope: { subscription: SUB, resourceGroup: 'rg-data', server: 'pg-orders', peeringDepth: 2 },
  resources,
});

/** The import's success, whose plan the plan file reader reads without a shape error. */
function ok(result: ImportResult): ImportSuccess {
  if (!result.ok) throw new Error(`import failed: ${result.message}`);
  const read = readPlanDocument(JSON.parse(JSON.stringify(result.plan)));
  if (!read.ok) throw new Error(`the plan reader refuses the import: ${read.error.message}`);
  return result;
}
const failure = (result: ImportResult): string => {
  if (result.ok) throw new Error('the import succeeded');
  return result.message;
};
const privateOf = (plan: Plan): PrivateAccess => {
  if (plan.access.mode !== 'private') throw new Error('not private');
  return plan.access;
};
const tail = (id: string) => id.split('/').slice(-2).join('/');
const without = (list: Json[], name: string) => list.filter((r) => r.name !== name);

describe("a landing zone in the shapes of Microsoft's GET responses", () => {
  const imported = ok(importDeployedValue(bundle(landingZone())));
  const access = privateOf(imported.plan);

  it('reads the server as deployed, and its TLS parameters', () => {
    expect(imported.source).toBe('bundle');
    expect(imported.plan.servers).toEqual([
      {
        name: 'pg-orders',
        region: 'eastus',
        version: '17',
        highAvailability: 'ZoneRedundant',
        availabilityZone: '1',
        standbyAvailabilityZone: '2',
        resourceGroup: 'rg-data',
        subscription: SUB,
      },
    ]);
    expect(imported.plan.tls).toEqual({ requireSecureTransport: true, minVersion: 'TLSv1.3', maxVersion: null });
    expect(imported.plan.name).toBe('Deployed: pg-orders');
    expect(imported.plan.clients).toEqual([]);
  });

  it('reads the server VNet and its delegated subnet, existing, with the NSG rules that are not Azure defaults', () => {
    expect(access.vnet).toEqual({
      name: 'vnet-data',
      region: 'eastus',
      resourceGroup: 'rg-data',
      existing: true,
      addressSpaces: ['10.20.0.0/16'],
      dns: { kind: 'azure' },
      subnets: [{ name: 'snet-tools', prefix: '10.20.1.0/24' }],
      zoneLink: true,
      appliance: null,
    });
    expect(access.delegatedSubnet).toEqual({
      name: 'snet-pg',
      prefix: '10.20.0.0/28',
      existing: true,
      existingDelegation: 'Microsoft.DBforPostgreSQL/flexibleServers',
      otherResourceTypes: [],
      nsg: {
        name: 'nsg-pg',
        rules: [
          {
            name: 'rule1',
            priority: 130,
            direction: 'Inbound',
            access: 'Allow',
            protocol: '*',
            sourceAddresses: ['*'],
            sourcePorts: ['*'],
            destinationAddresses: ['*'],
            destinationPorts: ['80'],
            sourceAsgs: [],
            destinationAsgs: [],
            description: '',
          },
        ],
        // Deployed: the exports associate the subnet with it and leave its rules as they are.
        existing: true,
      },
    });
  });

  it('reads the zone from its ID, and which VNets its links reach', () => {
    expect(access.privateDnsZone).toEqual({
      name: ZONE_NAME,
      existing: true,
      resourceGroup: 'rg-dns',
      subscription: HUB_SUB,
    });
    expect(access.peeredVnets.map((v) => [v.name, v.subscription, v.resourceGroup, v.zoneLink])).toEqual([
      ['vnet-hub', HUB_SUB, 'rg-hub', true],
      ['vnet-app', SUB, 'rg-app', false],
    ]);
  });

  it('reads each peering direction, the route table, the firewall and the VPN site with its ranges', () => {
    expect(access.peerings).toEqual([
      {
        from: 'vnet-data',
        to: 'vnet-hub',
        allowForwardedTraffic: true,
        allowGatewayTransit: false,
        useRemoteGateways: true,
      },
      {
        from: 'vnet-hub',
        to: 'vnet-data',
        allowForwardedTraffic: true,
        allowGatewayTransit: true,
        useRemoteGateways: false,
      },
      {
        from: 'vnet-hub',
        to: 'vnet-app',
        allowForwardedTraffic: true,
        allowGatewayTransit: true,
        useRemoteGateways: false,
      },
      {
        from: 'vnet-app',
        to: 'vnet-hub',
        allowForwardedTraffic: true,
        allowGatewayTransit: false,
        useRemoteGateways: false,
      },
    ]);
    expect(access.routeTables).toEqual([
      {
        name: 'rt-data',
        vnet: 'vnet-data',
        existing: true,
        subnets: ['snet-pg'],
        routes: [{ name: 'route1', prefix: '10.0.3.0/24', nextHop: 'VirtualNetworkGateway', nextHopIp: '' }],
      },
    ]);
    expect(access.peeredVnets[0]?.appliance).toEqual({ kind: 'azureFirewall', name: 'afw-hub', privateIp: '10.0.1.4' });
    expect(access.peeredVnets[0]?.subnets.map((s) => s.name)).toEqual([
      'GatewaySubnet',
      'AzureFirewallSubnet',
      'snet-dns-in',
    ]);
    expect(access.onPremises).toEqual([
      {
        name: 'vpngw-hub',
        addressRanges: ['192.168.0.0/16'],
        connection: 'vpn',
        gatewayVnet: 'vnet-hub',
        dnsForwarder: false,
      },
    ]);
  });

  it("a VNet whose DNS server is a DNS Private Resolver's inbound endpoint forwards to Azure DNS", () => {
    expect(access.peeredVnets[1]?.dns).toEqual({ kind: 'custom', servers: [RESOLVER_IP], forwardsToAzureDns: true });
    expect(imported.warnings).toEqual([]);
  });

  it('lists what the plan has no place for, and skips nothing', () => {
    expect(imported.notModelled.map((n) => [tail(n.resourceId), n.what, n.why])).toEqual([
      [
        'azureFirewalls/afw-hub',
        'properties (rule collections, policy)',
        "The plan holds the firewall's private IP as a next hop; its rules are not checked: confirm they allow " +
          'PostgreSQL (TCP 5432) between the networks that go through it.',
      ],
      [
        'flexibleServers/pg-orders',
        'configurations',
        '1 server parameter other than the TLS ones: not part of the plan.',
      ],
    ]);
    expect(imported.skipped).toEqual([]);
  });

  it('names the deployed resource behind each plan object', () => {
    expect(Object.fromEntries(Object.entries(imported.resourceIds).map(([k, v]) => [k, tail(v)]))).toEqual({
      'servers.0': 'flexibleServers/pg-orders',
      'tls.requireSecureTransport': 'configurations/require_secure_transport',
      'tls.minVersion': 'configurations/ssl_min_protocol_version',
      'access.vnet': 'virtualNetworks/vnet-data',
      'access.vnet.subnets.0': 'subnets/snet-tools',
      'access.delegatedSubnet': 'subnets/snet-pg',
      'access.delegatedSubnet.nsg': 'networkSecurityGroups/nsg-pg',
      'access.privateDnsZone': `privateDnsZones/${ZONE_NAME}`,
      'access.peeredVnets.0': 'virtualNetworks/vnet-hub',
      'access.peeredVnets.0.subnets.0': 'subnets/GatewaySubnet',
      'access.peeredVnets.0.subnets.1': 'subnets/AzureFirewallSubnet',
      'access.peeredVnets.0.subnets.2': 'subnets/snet-dns-in',
      'access.peeredVnets.0.appliance': 'azureFirewalls/afw-hub',
      'access.peeredVnets.1': 'virtualNetworks/vnet-app',
      'access.peeredVnets.1.subnets.0': 'subnets/snet-app',
      'access.peerings.0': 'virtualNetworkPeerings/to-vnet-hub',
      'access.peerings.1': 'virtualNetworkPeerings/to-vnet-data',
      'access.peerings.2': 'virtualNetworkPeerings/to-vnet-app',
      'access.peerings.3': 'virtualNetworkPeerings/to-vnet-hub',
      'access.routeTables.0': 'routeTables/rt-data',
      'access.onPremises.0': 'virtualNetworkGateways/vpngw-hub',
    });
    expect(imported.resourceIds['access.peerings.0']).toBe(`${DATA}/virtualNetworkPeerings/to-vnet-hub`);
  });
});

describe('what can only be partly read', () => {
  it('a custom DNS server that is not a resolver: not forwarding, and a warning to check it', () => {
    const resources = [...without(landingZone(), 'vnet-app'), appVnet(['10.0.3.4', RESOLVER_IP])];
    const imported = ok(importDeployedValue(resources));
    expect(privateOf(imported.plan).peeredVnets[1]?.dns).toEqual({
      kind: 'custom',
      servers: ['10.0.3.4', RESOLVER_IP],
      forwardsToAzureDns: false,
    });
    expect(imported.warnings).toEqual([
      'VNet vnet-app uses the DNS server 10.0.3.4, which is not the address of a DNS Private Resolver inbound ' +
        "endpoint in the input. Whether it forwards to Azure DNS (168.63.129.16) can't be seen from Azure, so the " +
        'plan says it does not: check, and if it does, tick "Do these DNS servers forward to 168.63.129.16?" for ' +
        'vnet-app (Network step).',
    ]);
    // Azure DNS's own address needs no forwarder.
    const azure = [...without(landingZone(), 'vnet-app'), appVnet(['168.63.129.16'])];
    expect(privateOf(ok(importDeployedValue(azure)).plan).peeredVnets[1]?.dns).toMatchObject({
      forwardsToAzureDns: true,
    });
  });

  it('the server alone: its VNet, subnet and zone named from their IDs, and what is missing said', () => {
    const imported = ok(importDeployedValue(server()));
    expect(imported.source).toBe('resourceJson');
    const access = privateOf(imported.plan);
    expect(access.vnet).toMatchObject({
      name: 'vnet-data',
      resourceGroup: 'rg-data',
      existing: true,
      addressSpaces: [],
    });
    expect(access.delegatedSubnet).toMatchObject({ name: 'snet-pg', prefix: '', existing: true, nsg: null });
    expect(access.privateDnsZone).toEqual({
      name: ZONE_NAME,
      existing: true,
      resourceGroup: 'rg-dns',
      subscription: HUB_SUB,
    });
    const said = [
      "Server pg-orders's VNet vnet-data is not in the input: its name is kept, its address spaces and DNS servers " +
        'are unknown.',
      "Server pg-orders's delegated subnet snet-pg is not in the input: its name is kept, its address prefix, " +
        'delegation and NSG are unknown.',
      `Server pg-orders's private DNS zone ${ZONE_NAME} is not in the input: its name is kept, and a VNet whose ` +
        'link to it is not in the input shows as not linked.',
    ];
    expect(imported.skipped).toEqual([
      { resourceId: DATA, reason: said[0] },
      { resourceId: PG_SUBNET, reason: said[1] },
      { resourceId: ZONE_ID, reason: said[2] },
    ]);
    expect(imported.warnings).toEqual(said);
  });

  it('a peered VNet, the NSG and the route table not in the input: names kept, each said', () => {
    const resources = landingZone().filter((r) => !['vnet-app', 'nsg-pg', 'rt-data'].includes(r.name as string));
    const imported = ok(importDeployedValue(resources));
    const access = privateOf(imported.plan);
    expect(access.peeredVnets[1]).toMatchObject({ name: 'vnet-app', resourceGroup: 'rg-app', addressSpaces: [] });
    expect(access.delegatedSubnet.nsg).toEqual({ name: 'nsg-pg', rules: [], existing: true });
    expect(access.routeTables[0]).toMatchObject({ name: 'rt-data', routes: [], subnets: ['snet-pg'] });
    expect(imported.skipped.map((s) => [tail(s.resourceId), s.reason])).toEqual([
      [
        'networkSecurityGroups/nsg-pg',
        "The delegated subnet's NSG is not in the input: its name is kept and its rules are unknown, so the checks " +
          "can't tell what it lets through. Collect it (or enter its rules) before relying on them.",
      ],
      [
        'virtualNetworks/vnet-app',
        'VNet vnet-app, peered with vnet-hub, is not in the input: its name is kept, its address spaces, subnets and ' +
          'DNS servers are unknown.',
      ],
      ['routeTables/rt-data', 'The route table on subnet snet-pg is not in the input: its routes are unknown.'],
    ]);
  });

  it('a zone whose links the input lacks says so', () => {
    const imported = ok(importDeployedValue(without(landingZone(), 'link-vnet-hub')));
    expect(privateOf(imported.plan).peeredVnets[0]?.zoneLink).toBe(false);
    expect(imported.warnings).toEqual([
      `Zone ${ZONE_NAME} has 2 VNet links; the input holds 1. VNets whose link is missing show as not linked.`,
    ]);
  });

  it('a gateway whose on-premises ranges no resource holds: a site without ranges, listed as not modelled', () => {
    const expressRoute = [
      ...without(landingZone(), 'vpngw-hub').filter((r) => r.name !== 'cn-office'),
      gateway('ExpressRoute'),
    ];
    const imported = ok(importDeployedValue(expressRoute));
    expect(privateOf(imported.plan).onPremises).toEqual([
      {
        name: 'vpngw-hub',
        addressRanges: [],
        connection: 'expressRoute',
        gatewayVnet: 'vnet-hub',
        dnsForwarder: false,
      },
    ]);
    const about = imported.notModelled.filter((n) => n.resourceId === GATEWAY_ID);
    expect(about).toEqual([
      {
        resourceId: GATEWAY_ID,
        type: 'Microsoft.Network/virtualNetworkGateways',
        what: 'on-premises address ranges',
        why:
          "Gateway vpngw-hub connects on-premises networks whose address ranges the input doesn't hold (ExpressRoute " +
          'learns them over BGP): add them to the site "vpngw-hub" (Network step) so that on-premises clients can be ' +
          'checked.',
      },
    ]);
    // The local network gateway is in the input, but no connection joins it to the gateway.
    expect(imported.notModelled.find((n) => n.resourceId === LOCAL_ID)?.why).toBe(
      "Not connected to server pg-orders's network in the input, so not read.",
    );
    const vpnUnconnected = ok(importDeployedValue(landingZone().filter((r) => r.name !== 'cn-office')));
    expect(privateOf(vpnUnconnected.plan).onPremises[0]?.addressRanges).toEqual([]);
    expect(vpnUnconnected.notModelled.find((n) => n.resourceId === GATEWAY_ID)?.why).toMatch(
      /^Gateway vpngw-hub connects on-premises networks whose address ranges the input doesn't hold: add them/,
    );
  });

  it('properties the plan has no place for are listed with the resource that has them', () => {
    const nat = armId(SUB, 'rg-app', 'Microsoft.Network/natGateways', 'ng-app');
    const otherNsg = armId(SUB, 'rg-app', 'Microsoft.Network/networkSecurityGroups', 'nsg-app');
    const app = vnet(
      APP,
      '10.30.0.0/16',
      [
        subnet(APP, 'snet-app', '10.30.1.0/24', {
          natGateway: { id: nat },
          serviceEndpoints: [{ service: 'Microsoft.Storage', locations: ['eastus'] }],
          networkSecurityGroup: { id: otherNsg },
        }),
      ],
      [peering(APP, HUB, { allowVirtualNetworkAccess: false })],
      [RESOLVER_IP],
    );
    const rt = withProps(routeTable(), { disableBgpRoutePropagation: true });
    const link = withProps(zoneLink(DATA), { registrationEnabled: true });
    const resources = [
      ...landingZone().filter((r) => !['vnet-app', 'rt-data', 'link-vnet-data'].includes(r.name as string)),
      app,
      rt,
      link,
    ];
    const imported = ok(importDeployedValue(resources));
    expect(imported.notModelled.map((n) => `${tail(n.resourceId)} ${n.what}: ${n.why}`)).toEqual([
      'virtualNetworkLinks/link-vnet-data properties.registrationEnabled: Auto-registration of VM records is not ' +
        'part of the plan.',
      "azureFirewalls/afw-hub properties (rule collections, policy): The plan holds the firewall's private IP as a " +
        'next hop; its rules are not checked: confirm they allow PostgreSQL (TCP 5432) between the networks that go ' +
        'through it.',
      'subnets/snet-app properties.serviceEndpoints: Service endpoints are not part of the plan.',
      'subnets/snet-app properties.natGateway: NAT gateways are not part of the plan (outbound traffic only).',
      'subnets/snet-app properties.networkSecurityGroup: NSG on subnet snet-app of vnet-app: the plan holds only the ' +
        "delegated subnet's NSG, so its rules are not checked; make sure they let the applications in this subnet " +
        'reach the server (TCP 5432).',
      'virtualNetworkPeerings/to-vnet-hub properties.allowVirtualNetworkAccess: Access to vnet-hub is turned off on ' +
        "this peering, which the plan can't hold: the checks take traffic across it to be allowed.",
      'routeTables/rt-data properties.disableBgpRoutePropagation: Gateway route propagation is off on this table; ' +
        'the plan assumes the routes a gateway learns reach it.',
      'flexibleServers/pg-orders configurations: 1 server parameter other than the TLS ones: not part of the plan.',
    ]);
  });

  it('resource types the plan has no place for are listed, with why where the planner knows it', () => {
    const record = example('privatedns-recordset-a-get', {
      [EXAMPLE_DNS_GROUP]: `/subscriptions/${HUB_SUB}/resourceGroups/rg-dns/`,
      'privatezone1.com': ZONE_NAME,
    });
    const endpoint = example('network-privateendpoint-get', { '00000000-0000-0000-0000-000000000000': SUB });
    const imported = ok(importDeployedValue([...landingZone(), record, endpoint]));
    expect(imported.notModelled.slice(-3).map((n) => [n.type, n.what, n.why])).toEqual([
      [
        'Microsoft.Network/privateDnsZones/A',
        'resource',
        "DNS records are not part of the plan: Azure writes the server's own.",
      ],
      [
        'Microsoft.Network/privateEndpoints',
        'resource',
        'Not a private endpoint of server pg-orders (group postgresqlServer), so not read.',
      ],
      [
        'Microsoft.DBforPostgreSQL/flexibleServers',
        'configurations',
        '1 server parameter other than the TLS ones: not part of the plan.',
      ],
    ]);
    const unknown = {
      id: armId(SUB, 'rg-data', 'Contoso.Widgets/widgets', 'w1'),
      name: 'w1',
      type: 'Contoso.Widgets/widgets',
    };
    expect(ok(importDeployedValue([...landingZone(), unknown])).notModelled).toContainEqual({
      resourceId: unknown.id,
      type: 'Contoso.Widgets/widgets',
      what: 'resource',
      why: 'The plan has no place for a Contoso.Widgets/widgets.',
    });
  });

  it('the delegated subnet lists the other resource types in it, from IP configurations and service links', () => {
    // VirtualNetworkGetWithSubnetDelegation: subnet1 holds a load balancer's frontend.
    const body = example('network-virtualnetwork-get-subnet-delegation', {
      '00000000-0000-0000-0000-000000000000': SUB,
      '/resourceGroups/rg1/': '/resourceGroups/rg-data/',
      'test-vnet': 'vnet-data',
      subnet1: 'snet-pg',
    });
    const [pgSubnet] = propsOf(body).subnets as Json[];
    const links = [
      { name: 'sal', properties: { linkedResourceType: 'Microsoft.DBforPostgreSQL/flexibleServers' } },
      { name: 'sal2', properties: { linkedResourceType: 'Microsoft.Web/serverFarms' } },
    ];
    const vnetWithLinks = withProps(body, {
      subnets: [withProps(pgSubnet as Json, { serviceAssociationLinks: links })],
    });
    const imported = ok(importDeployedValue([server(), vnetWithLinks]));
    expect(privateOf(imported.plan).delegatedSubnet).toMatchObject({
      existingDelegation: 'Microsoft.Provider/resourceType',
      otherResourceTypes: ['Microsoft.Network/loadBalancers', 'Microsoft.Web/serverFarms'],
    });
  });

  it('an NSG rule or a route with a value ARM does not allow is skipped, never read as something else', () => {
    const rules = propsOf(nsg()).securityRules as Json[];
    const odd = withProps(rules[0] as Json, { protocol: 'Sctp' });
    const routes = propsOf(routeTable()).routes as Json[];
    const oddRoute = withProps(routes[0] as Json, { nextHopType: 'Magic' });
    const resources = [
      ...landingZone().filter((r) => !['nsg-pg', 'rt-data'].includes(r.name as string)),
      withProps(nsg(), { securityRules: [odd] }),
      withProps(routeTable(), { routes: [oddRoute] }),
    ];
    const imported = ok(importDeployedValue(resources));
    expect(privateOf(imported.plan).delegatedSubnet.nsg?.rules).toEqual([]);
    expect(privateOf(imported.plan).routeTables[0]?.routes).toEqual([]);
    expect(imported.skipped).toEqual([
      {
        resourceId: `${NSG_ID}/securityRules/rule1`,
        reason:
          'Security rule rule1 has protocol "Sctp", which an NSG rule can\'t have: it was left out of the checks (an ' +
          "export leaves the NSG's rules as they are).",
      },
      {
        resourceId: `${RT_ID}/routes/route1`,
        reason: 'Route route1 has the next hop type "Magic", which a route can\'t have: it was left out.',
      },
    ]);
  });
});

describe('route tables', () => {
  it('are imported as existing, so that exports reference them rather than write them', () => {
    const tables = privateOf(ok(importDeployedValue(landingZone())).plan).routeTables;
    expect(tables.length).toBeGreaterThan(0);
    expect(tables.every((t) => t.existing)).toBe(true);
  });

  it("one outside its VNet's resource group is imported and said not held: exports would look for it there", () => {
    const moved = JSON.parse(
      JSON.stringify(landingZone()).replaceAll(
        '/resourceGroups/rg-data/providers/Microsoft.Network/routeTables/',
        '/resourceGroups/rg-routes/providers/Microsoft.Network/routeTables/',
      ),
    ) as Json[];
    const imported = ok(importDeployedValue(moved));
    expect(privateOf(imported.plan).routeTables.map((t) => t.name)).toEqual(['rt-data']);
    const said = imported.notModelled.filter((n) => n.what === 'its resource group');
    expect(said).toHaveLength(1);
    expect(said[0]?.why).toContain('in resource group rg-routes');
    expect(said[0]?.why).toContain('not with its VNet in rg-data');
    // In place, nothing is said.
    expect(ok(importDeployedValue(landingZone())).notModelled.some((n) => n.what === 'its resource group')).toBe(false);
  });
});

describe("the delegated subnet's NSG", () => {
  it('is imported as existing, so that exports associate it rather than write it', () => {
    const imported = privateOf(ok(importDeployedValue(landingZone())).plan).delegatedSubnet.nsg;
    expect(imported).toMatchObject({ name: 'nsg-pg', existing: true });
  });

  it("one outside its VNet's resource group is imported and said not held: exports would look for it there", () => {
    const moved = JSON.parse(
      JSON.stringify(landingZone()).replaceAll(
        '/resourceGroups/rg-data/providers/Microsoft.Network/networkSecurityGroups/',
        '/resourceGroups/rg-security/providers/Microsoft.Network/networkSecurityGroups/',
      ),
    ) as Json[];
    const imported = ok(importDeployedValue(moved));
    expect(privateOf(imported.plan).delegatedSubnet.nsg?.name).toBe('nsg-pg');
    const said = imported.notModelled.filter((n) => n.what === 'its resource group');
    expect(said.map((n) => tail(n.resourceId))).toEqual(['networkSecurityGroups/nsg-pg']);
    expect(said[0]?.why).toContain('in resource group rg-security');
    expect(said[0]?.why).toContain("not with the subnet's VNet in rg-data");
  });
});

describe('server values the planner does not know', () => {
  it('are said, and the plan shows its default', () => {
    const odd = withProps(server(), { version: '12', highAvailability: { mode: 'Elsewhere' } });
    const resources = [
      ...without(landingZone(), 'pg-orders').filter((r) => r.name !== 'ssl_min_protocol_version'),
      odd,
      parameter('ssl_min_protocol_version', 'TLSv9'),
    ];
    const imported = ok(importDeployedValue(resources));
    expect(imported.plan.servers[0]).toMatchObject({
      version: '17',
      highAvailability: 'Disabled',
      standbyAvailabilityZone: '',
    });
    expect(imported.plan.tls.minVersion).toBe('TLSv1.2');
    expect(imported.warnings).toEqual([
      "Server pg-orders runs PostgreSQL 12, which the planner doesn't list; the plan shows 17.",
      'Server pg-orders\'s high availability "Elsewhere" is not one the planner knows: the plan shows it disabled.',
      'Server pg-orders\'s ssl_min_protocol_version is "TLSv9", which the planner doesn\'t know; the plan shows ' +
        'TLSv1.2.',
    ]);
  });

  it('a deployment the plan reader refuses is a failure that says why', () => {
    const sameZone = withProps(server(), { highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '1' } });
    expect(failure(importDeployedValue([...without(landingZone(), 'pg-orders'), sameZone]))).toBe(
      'The deployment could not be read into a plan: servers.0.standbyAvailabilityZone: The zone-redundant standby ' +
        'must be in another zone than the server (zone 1): pick another standby zone, or let Azure choose.',
    );
  });
});

describe('a server with public access', () => {
  /** ServersGetWithPrivateEndpoints, FirewallRules_ListByServer (a list with a next page) and two of its parameters. */
  const resources = () => {
    const replace = { exampleresourcegroup: 'rg-data', exampleserver: 'pg-public' };
    const rules = example('postgresql-firewallrules-list', replace);
    const azureServices = {
      ...((rules.value as Json[])[0] as Json),
      id: `${String(((rules.value as Json[])[0] as Json).id).replace(/examplefirewallrule1$/, '')}AllowAllAzureServicesAndResourcesWithinAzureIps`,
      name: 'AllowAllAzureServicesAndResourcesWithinAzureIps',
      properties: { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' },
    };
    return {
      server: example('postgresql-flexibleserver-get-private-endpoints', replace),
      rules: { ...rules, value: [...(rules.value as Json[]), azureServices] },
      connection: example('postgresql-privateendpointconnection-get', replace),
      parameters: [
        example('postgresql-configuration-get', { ...replace, array_nulls: 'require_secure_transport' }),
        withProps(example('postgresql-configuration-get', { ...replace, array_nulls: 'ssl_max_protocol_version' }), {
          value: 'TLSv1.3',
        }),
      ].map((p) => (p.name === 'require_secure_transport' ? withProps(p, { value: 'off' }) : p)),
    };
  };

  it('reads the firewall rules, "allow Azure services", TLS and what the plan has no place for', () => {
    const r = resources();
    const imported = ok(importDeployedValue(bundle([r.server, r.rules.value, r.connection, ...r.parameters])));
    expect(imported.plan.access).toEqual({
      ...newPublicAccess(),
      firewallRules: [
        { name: 'examplefirewallrule1', startIp: '0.0.0.0', endIp: '255.255.255.255' },
        { name: 'examplefirewallrule2', startIp: '1.0.0.0', endIp: '255.0.0.0' },
      ],
      allowAzureServices: true,
    });
    expect(imported.plan.tls).toEqual({ requireSecureTransport: false, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
    expect(imported.plan.servers[0]).toMatchObject({
      name: 'pg-public',
      subscription: 'ffffffff-ffff-ffff-ffff-ffffffffffff',
    });
    // The connections' endpoint (private-endpoint-name, exampleprivateendpoint) is not in the input.
    expect(imported.notModelled.map((n) => [n.what, n.why])).toEqual([
      [
        'resource',
        'Its private endpoint is not in the input, so not read: add it to the input and import again, or add it to ' +
          'the plan by hand.',
      ],
      [
        'properties.privateEndpointConnections',
        'The private endpoint of 1 of these connections is not in the input, so not read: add it to the input and ' +
          'import again, or add it to the plan by hand.',
      ],
    ]);
    expect(imported.resourceIds['access.firewallRules.1']).toMatch(/\/firewallRules\/examplefirewallrule2$/);
    expect(imported.resourceIds['access.allowAzureServices']).toMatch(
      /AllowAllAzureServicesAndResourcesWithinAzureIps$/,
    );
  });

  describe('its private endpoints', () => {
    const SERVER = armId(
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'rg-data',
      'Microsoft.DBforPostgreSQL/flexibleServers',
      'pg-public',
    );
    const PE_SUB = '00000000-0000-0000-0000-000000000000';
    const PE_VNET = vnetId(PE_SUB, 'rg1', 'vnet-pe');
    const PL_ZONE = armId(
      PE_SUB,
      'rg-dns',
      'Microsoft.Network/privateDnsZones',
      'privatelink.postgres.database.azure.com',
    );
    /** PrivateEndpointGet, as an endpoint to pg-public in snet-pe of vnet-pe; `connection` replaces its connections. */
    const endpoint = (name: string, connection: Json = {}): Json => {
      const body = example('network-privateendpoint-get', { testPe: name, myVnet: 'vnet-pe', mySubnet: 'snet-pe' });
      const [link] = propsOf(body).privateLinkServiceConnections as Json[];
      return withProps(body, {
        privateLinkServiceConnections: [
          withProps(link as Json, { privateLinkServiceId: SERVER, groupIds: ['postgresqlServer'] }),
        ],
        ...connection,
      });
    };
    /** PrivateEndpointDnsZoneGroupGet under `pe` (the example's ID says privateLinkServices), naming the zones. */
    const zoneGroup = (pe: string, zones: string[]): Json => {
      const body = example('network-privatednszonegroup-get');
      const [config] = propsOf(body).privateDnsZoneConfigs as Json[];
      return withProps(
        {
          ...body,
          id: `${armId(PE_SUB, 'rg1', 'Microsoft.Network/privateEndpoints', pe)}/privateDnsZoneGroups/default`,
        },
        { privateDnsZoneConfigs: zones.map((z) => withProps(config as Json, { privateDnsZoneId: z })) },
      );
    };
    const plZone = (): Json => ({
      ...example('privatedns-zone-get', {
        [EXAMPLE_DNS_GROUP]: `/subscriptions/${PE_SUB}/resourceGroups/rg-dns/`,
        'privatezone1.com': 'privatelink.postgres.database.azure.com',
      }),
    });
    const plLink = (): Json =>
      withProps(
        {
          ...example('privatedns-virtualnetworklink-get'),
          id: `${PL_ZONE}/virtualNetworkLinks/link-pe`,
          name: 'link-pe',
        },
        { virtualNetwork: { id: PE_VNET } },
      );
    /** VirtualNetworkGetWithSubnetDelegation as vnet-pe: snet-pe, policies for endpoints as given, not delegated. */
    const vnet = (policies: string): Json => {
      const body = example('network-virtualnetwork-get-subnet-delegation', {
        [`/subscriptions/${PE_SUB}/resourceGroups/rg1/providers/Microsoft.Network/virtualNetworks/test-vnet`]: PE_VNET,
        'test-vnet': 'vnet-pe',
        subnet1: 'snet-pe',
      });
      const [subnet] = propsOf(body).subnets as Json[];
      return withProps(body, {
        subnets: [
          { ...subnet, properties: { addressPrefix: '10.0.0.0/24', privateEndpointNetworkPolicies: policies } },
        ],
      });
    };

    it('reads the endpoint, its VNet and subnet, its static address, the zone of its zone group and its links', () => {
      const r = resources();
      const imported = ok(
        importDeployedValue([
          withProps(r.server, { network: { publicNetworkAccess: 'Disabled' } }),
          endpoint('pe-pg'),
          zoneGroup('pe-pg', [armId(PE_SUB, 'rg1', 'Microsoft.Network/privateDnsZones', 'zone1.com'), PL_ZONE]),
          plZone(),
          plLink(),
          vnet('NetworkSecurityGroupEnabled'),
        ]),
      );
      expect(imported.plan.access).toMatchObject({
        publicNetworkAccess: false,
        peeredVnets: [
          {
            name: 'vnet-pe',
            resourceGroup: 'rg1',
            subscription: PE_SUB,
            zoneLink: true,
            subnets: [
              { name: 'snet-pe', prefix: '10.0.0.0/24', privateEndpointNetworkPolicies: 'NetworkSecurityGroupEnabled' },
            ],
          },
        ],
        privateDnsZone: {
          name: 'privatelink.postgres.database.azure.com',
          existing: true,
          resourceGroup: 'rg-dns',
          subscription: PE_SUB,
        },
        // PrivateEndpointGet's first configured address (192.168.0.6), not those of customDnsConfigs.
        privateEndpoints: [
          {
            name: 'pe-pg',
            server: '',
            vnet: 'vnet-pe',
            subnet: 'snet-pe',
            privateIp: '192.168.0.6',
            approval: 'automatic',
            resourceGroup: 'rg1',
          },
        ],
      });
      expect(imported.resourceIds['access.privateEndpoints.0']).toMatch(/\/privateEndpoints\/pe-pg$/);
      expect(imported.resourceIds['access.privateDnsZone']).toBe(PL_ZONE);
      // The connections' endpoint (private-endpoint-name) is another one: still listed as not read.
      expect(imported.notModelled.map((n) => n.type)).toEqual(['Microsoft.DBforPostgreSQL/flexibleServers']);
    });

    it('a manual connection, a dynamic address (customDnsConfigs only), the zone found without a zone group', () => {
      const r = resources();
      const manual = endpoint('pe-manual', {
        privateLinkServiceConnections: [],
        manualPrivateLinkServiceConnections: [
          { name: 'c', properties: { privateLinkServiceId: SERVER.toUpperCase(), groupIds: ['postgresqlserver'] } },
        ],
        ipConfigurations: [],
      });
      const imported = ok(importDeployedValue([r.server, manual, plZone(), vnet('Disabled')]));
      expect(imported.plan.access).toMatchObject({
        privateDnsZone: { name: 'privatelink.postgres.database.azure.com' },
        peeredVnets: [{ name: 'vnet-pe', zoneLink: false, subnets: [{ privateEndpointNetworkPolicies: 'Disabled' }] }],
        privateEndpoints: [{ name: 'pe-manual', privateIp: '', approval: 'manual' }],
      });
    });

    it('an endpoint to another server, or to another group, is not read, and says why', () => {
      const r = resources();
      const other = endpoint('pe-other');
      const group = endpoint('pe-group', {
        privateLinkServiceConnections: [
          { name: 'c', properties: { privateLinkServiceId: SERVER, groupIds: ['file'] } },
        ],
      });
      const otherLink = propsOf(other).privateLinkServiceConnections as Json[];
      const elsewhere = withProps(other, {
        privateLinkServiceConnections: [withProps(otherLink[0] as Json, { privateLinkServiceId: `${SERVER}-2` })],
      });
      const imported = ok(importDeployedValue([r.server, elsewhere, group]));
      expect(imported.plan.access).toMatchObject({ peeredVnets: [], privateEndpoints: [], privateDnsZone: null });
      expect(
        imported.notModelled.filter((n) => n.type === 'Microsoft.Network/privateEndpoints').map((n) => n.why),
      ).toEqual([
        'Not a private endpoint of server pg-public (group postgresqlServer), so not read.',
        'Not a private endpoint of server pg-public (group postgresqlServer), so not read.',
      ]);
    });
  });

  it('reads public network access: disabled, enabled, or absent (enabled)', () => {
    const r = resources();
    const closed = withProps(r.server, { network: { publicNetworkAccess: 'Disabled' } });
    expect(ok(importDeployedValue(closed)).plan.access).toMatchObject({ publicNetworkAccess: false });
    const open = withProps(r.server, { network: { publicNetworkAccess: 'Enabled' } });
    expect(ok(importDeployedValue(open)).plan.access).toMatchObject({ publicNetworkAccess: true });
    expect(ok(importDeployedValue(withProps(r.server, { network: {} }))).plan.access).toMatchObject({
      publicNetworkAccess: true,
    });
  });

  it('reads a list response, and says when it has more pages', () => {
    const r = resources();
    const imported = ok(importDeployedValue({ ...r.rules, value: [r.server, ...(r.rules.value as Json[])] }));
    expect(imported.plan.access).toMatchObject({ mode: 'public', allowAzureServices: true });
    expect(imported.warnings).toEqual([
      'The list has more pages than the input holds (nextLink): only this page was read, so resources on the other ' +
        'pages are missing from the plan.',
    ]);
  });
});

describe('the inputs the importer reads', () => {
  it('a bundle whose resources include the output of a list command (a JSON array)', () => {
    const [first, ...rest] = landingZone();
    const imported = ok(importDeployedValue(bundle([first, rest])));
    expect(imported.source).toBe('bundle');
    expect(privateOf(imported.plan).peeredVnets).toHaveLength(2);
  });

  it('a plain list, and Resource Graph results with or without a count', () => {
    expect(ok(importDeployedValue(landingZone())).source).toBe('resourceJson');
    expect(privateOf(ok(importDeployedValue({ data: landingZone() })).plan).vnet.name).toBe('vnet-data');
    const graph = { ...example('resourcegraph-resources-basic-query'), data: landingZone() };
    expect(privateOf(ok(importDeployedValue(graph)).plan).vnet.name).toBe('vnet-data');
  });

  it('Resource Graph rows in lower-case types; rows without properties are skipped with the reason', () => {
    // ResourcesBasicQuery: a NIC, a VNet and a public IP, projected without their properties.
    const rows = example('resourcegraph-resources-basic-query');
    const graphServer = { ...server(), type: 'microsoft.dbforpostgresql/flexibleservers' };
    const imported = ok(importDeployedValue({ ...rows, data: [graphServer, ...(rows.data as Json[])] }));
    expect(imported.skipped).toEqual([
      {
        resourceId: vnetId('cfbbd179-59d2-4052-aa06-9270a38aa9d6', 'RG2', 'myVnet'),
        reason:
          'It has no "properties", so its settings are unknown: copy the whole resource (a Resource Graph query must ' +
          'return the properties column).',
      },
      expect.objectContaining({ resourceId: DATA }),
      expect.objectContaining({ resourceId: PG_SUBNET }),
      expect.objectContaining({ resourceId: ZONE_ID }),
    ]);
    expect(imported.notModelled.map((n) => [n.type, n.why])).toEqual([
      ['microsoft.network/networkinterfaces', expect.stringMatching(/^Network interfaces are not part of the plan/)],
      ['microsoft.network/publicipaddresses', 'Public IP addresses are not part of the plan.'],
    ]);
    const next = example('resourcegraph-resources-next-page-query');
    expect(ok(importDeployedValue({ ...next, data: [graphServer] })).warnings[0]).toBe(
      'The list has more pages than the input holds ($skipToken): only this page was read, so resources on the ' +
        'other pages are missing from the plan.',
    );
  });

  it('a resource without "type" (as some of Microsoft\'s examples are) is read by its ID', () => {
    // SubnetGetWithDelegation and VirtualNetworkPeeringGet have no "type".
    const bareSubnet = example('network-subnet-get-delegation', {
      '00000000-0000-0000-0000-000000000000': SUB,
      '/resourceGroups/subnet-test/': '/resourceGroups/rg-data/',
      'virtualNetworks/vnetname/subnets/subnet1': 'virtualNetworks/vnet-data/subnets/snet-pg',
      '"subnet1"': '"snet-pg"',
    });
    expect(bareSubnet.type).toBeUndefined();
    const imported = ok(importDeployedValue([server(), bareSubnet]));
    expect(privateOf(imported.plan).delegatedSubnet).toMatchObject({ name: 'snet-pg', prefix: '10.0.0.0/16' });
    expect(imported.resourceIds['access.delegatedSubnet']).toBe(bareSubnet.id);
  });

  it('a child listed on its own as well as in its parent is one resource: the one on its own is read', () => {
    const tools = subnet(DATA, 'snet-tools', '10.20.2.0/24');
    const rule = (propsOf(nsg()).securityRules as Json[])[0] as Json;
    const ownRule = {
      ...withProps(rule, { priority: 140, destinationPortRange: '5432' }),
      name: 'rule2',
      id: `${NSG_ID}/securityRules/rule2`,
      type: 'Microsoft.Network/networkSecurityGroups/securityRules',
    };
    const imported = ok(
      importDeployedValue([...landingZone(), { ...tools, type: 'Microsoft.Network/virtualNetworks/subnets' }, ownRule]),
    );
    expect(imported.skipped).toEqual([]);
    expect(privateOf(imported.plan).vnet.subnets).toEqual([{ name: 'snet-tools', prefix: '10.20.2.0/24' }]);
    // A rule listed as a child resource of its own (as templates list them) is one of the NSG's rules.
    expect(privateOf(imported.plan).delegatedSubnet.nsg?.rules.map((r) => [r.name, r.priority])).toEqual([
      ['rule1', 130],
      ['rule2', 140],
    ]);
  });

  it("a template from the portal's Export template, its parameters' default values resolved", () => {
    const template = {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      parameters: {
        flexibleServers_pg_name: { defaultValue: 'pg-exported', type: 'String' },
        virtualNetworks_vnet_name: { defaultValue: 'vnet-exported', type: 'String' },
        privateDnsZones_externalid: { defaultValue: ZONE_ID, type: 'String' },
        administratorLoginPassword: { type: 'SecureString' },
      },
      variables: { pgSubnet: 'snet-pg' },
      resources: [
        {
          type: 'Microsoft.DBforPostgreSQL/flexibleServers',
          apiVersion: '2025-08-01',
          name: "[parameters('flexibleServers_pg_name')]",
          location: 'East US',
          properties: {
            version: '16',
            administratorLoginPassword: "[parameters('administratorLoginPassword')]",
            network: {
              delegatedSubnetResourceId:
                "[resourceId('Microsoft.Network/virtualNetworks/subnets', parameters('virtualNetworks_vnet_name'), " +
                "variables('pgSubnet'))]",
              privateDnsZoneArmResourceId: "[parameters('privateDnsZones_externalid')]",
            },
          },
        },
        {
          type: 'Microsoft.Network/virtualNetworks',
          apiVersion: '2025-07-01',
          name: "[parameters('virtualNetworks_vnet_name')]",
          location: 'eastus',
          properties: { addressSpace: { addressPrefixes: ['10.5.0.0/16'] } },
          resources: [
            {
              type: 'subnets',
              apiVersion: '2025-07-01',
              name: 'snet-app',
              properties: { addressPrefix: '10.5.1.0/24' },
            },
          ],
        },
        {
          type: 'Microsoft.Network/virtualNetworks/subnets',
          apiVersion: '2025-07-01',
          name: "[concat(parameters('virtualNetworks_vnet_name'), '/', variables('pgSubnet'))]",
          properties: {
            addressPrefix: '10.5.0.0/28',
            delegations: [{ name: 'd', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }],
          },
        },
        {
          type: 'Microsoft.Network/networkSecurityGroups',
          apiVersion: '2025-07-01',
          name: "[reference('x').name]",
        },
      ],
    };
    const imported = ok(importDeployed(JSON.stringify(template)));
    expect(imported.source).toBe('armTemplate');
    expect(imported.plan.servers[0]).toMatchObject({
      name: 'pg-exported',
      region: 'eastus',
      version: '16',
      subscription: '',
      resourceGroup: '',
    });
    const access = privateOf(imported.plan);
    expect(access.vnet).toMatchObject({
      name: 'vnet-exported',
      addressSpaces: ['10.5.0.0/16'],
      subnets: [{ name: 'snet-app', prefix: '10.5.1.0/24' }],
    });
    expect(access.delegatedSubnet).toMatchObject({ name: 'snet-pg', prefix: '10.5.0.0/28' });
    expect(access.privateDnsZone).toMatchObject({ name: ZONE_NAME, subscription: HUB_SUB });
    expect(imported.skipped).toEqual([
      {
        resourceId: '/subscriptions//resourceGroups//providers/Microsoft.DBforPostgreSQL/flexibleServers/pg-exported',
        reason:
          'Its properties.administratorLoginPassword is the template expression ' +
          "[parameters('administratorLoginPassword')], which the planner can't evaluate (the parameter " +
          'administratorLoginPassword has no default value); properties.administratorLoginPassword was left out.',
      },
      {
        resourceId: 'resource 5 of the template (Microsoft.Network/networkSecurityGroups)',
        reason:
          "Its name is the template expression [reference('x').name], which the planner can't evaluate (the planner " +
          'does not evaluate reference()), so it was left out.',
      },
      expect.objectContaining({ resourceId: ZONE_ID }),
    ]);
    expect(imported.warnings[0]).toBe(
      "The template doesn't name the subscription and resource group it was exported from: the plan leaves them " +
        'empty for the resources it holds, which stands for those it is deployed to.',
    );
  });
});

describe('bad input: a message that says what and where, never a throw', () => {
  it('JSON cut short, or wrong in the middle, with its line and column', () => {
    const text = JSON.stringify(bundle(landingZone()), null, 2);
    expect(failure(importDeployed(text.slice(0, 200)))).toBe(
      'Not valid JSON at line 7, column 22: a string is never closed (missing closing quote). Was it cut short ' +
        'while it was copied or downloaded?',
    );
    expect(failure(importDeployed('{"resources": [1, 2'))).toBe(
      'Not valid JSON at line 1, column 20: the file ends before the list (“[”) is closed. Was it cut short while ' +
        'it was copied or downloaded?',
    );
    expect(failure(importDeployed('{\n  "format": "x"\n  "version": 1\n}'))).toBe(
      'Not valid JSON at line 3, column 3: expected “,” or “}”, found “"” (a missing comma?).',
    );
  });

  it('an empty file; a file over the limit, refused before it is parsed', () => {
    expect(failure(importDeployed(' \n '))).toBe('The file is empty.');
    const fifty = `{${' '.repeat(50 * 1024 * 1024)}`;
    expect(PLANNER_LIMITS.importLength).toBeLessThan(fifty.length);
    expect(failure(importDeployed(fifty))).toBe(
      'The file is 50.0 MB; the planner imports deployments up to 32.0 MB, so it was not read. For an inventory ' +
        'bundle, collect fewer VNets: run the inventory script with a smaller --depth.',
    );
  });

  it('a plan file, a bundle of another format or version, and other JSON', () => {
    expect(failure(importDeployedValue({ formatVersion: 2, servers: [] }))).toBe(
      'This is a plan file, not a deployment: open it with "Open plan file…" (or the CLI\'s validate).',
    );
    expect(failure(importDeployedValue({ format: 'other-tool-export', resources: [] }))).toBe(
      'This file\'s format is "other-tool-export", not the planner\'s inventory bundle ("format": ' +
        '"pgflex-netplan-inventory"). The planner also reads a template from the portal\'s "Export template", ' +
        'Resource Graph results, or resource JSON from a portal "JSON view" (one resource or a list).',
    );
    expect(failure(importDeployedValue({ ...bundle([]), version: 2 }))).toBe(
      'This inventory bundle is version 2; this planner reads version 1. Collect it again with the inventory script ' +
        'this planner offers.',
    );
    const { version: _version, ...unversioned } = bundle([]);
    expect(failure(importDeployedValue(unversioned))).toMatch(/^This inventory bundle has no "version"; this planner/);
    expect(failure(importDeployedValue({ hello: 'world' }))).toBe(
      'This is an object with "hello", not a deployment. The planner reads the inventory script\'s bundle ("format": ' +
        '"pgflex-netplan-inventory"), a template from the portal\'s "Export template", Resource Graph results, or ' +
        'resource JSON from a portal "JSON view" (one resource or a list).',
    );
    expect(failure(importDeployedValue(42))).toMatch(/^This is a JSON number, not a deployment\./);
    expect(failure(importDeployedValue([]))).toMatch(/^The input holds no resource\./);
  });

  it('no flexible server: what the input holds instead', () => {
    expect(failure(importDeployedValue(example('resourcegraph-resources-basic-query')))).toBe(
      'The input holds no flexible server (Microsoft.DBforPostgreSQL/flexibleServers); it holds ' +
        'microsoft.network/networkinterfaces, microsoft.network/virtualnetworks, ' +
        'microsoft.network/publicipaddresses. Collect the server too (the inventory script does).',
    );
  });

  it('several servers: which to import, by name in any case', () => {
    const other = { ...server(), id: SERVER_ID.replace('pg-orders', 'pg-billing'), name: 'pg-billing' };
    const two = [...landingZone(), other];
    expect(failure(importDeployedValue(two))).toBe(
      'The input holds 2 servers (pg-orders, pg-billing): say which to import.',
    );
    const picked = ok(importDeployedValue(two, { server: 'PG-Orders' }));
    expect(picked.plan.servers[0]?.name).toBe('pg-orders');
    expect(picked.notModelled).toContainEqual({
      resourceId: other.id,
      type: 'Microsoft.DBforPostgreSQL/flexibleServers',
      what: 'resource',
      why: 'The import reads one server at a time: import this one by its name to plan for it.',
    });
    expect(failure(importDeployedValue(two, { server: 'pg-x' }))).toBe(
      'The input holds no server named "pg-x"; it holds pg-orders, pg-billing.',
    );
  });

  it('a server that can not be read, or whose delegated subnet is not a subnet', () => {
    const { properties: _p, ...bare } = server();
    expect(failure(importDeployedValue(bare))).toBe(
      'Server pg-orders can\'t be read: It has no "properties", so its settings are unknown: copy the whole resource ' +
        '(a Resource Graph query must return the properties column).',
    );
    const odd = withProps(server(), { network: { delegatedSubnetResourceId: DATA } });
    expect(failure(importDeployedValue(odd))).toBe(
      `Server pg-orders's delegated subnet "${DATA}" is not a subnet's resource ID ` +
        '(/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…), so its VNet is ' +
        'unknown.',
    );
  });

  it('a resource twice (IDs in any case): the first read, the other skipped; an item without an ID skipped', () => {
    const twice = { ...dataVnet(), id: DATA.toUpperCase() };
    const imported = ok(importDeployedValue([...landingZone(), twice, { name: 'x' }]));
    expect(imported.skipped).toEqual([
      {
        resourceId: DATA.toUpperCase(),
        reason: `It is in the input twice (the first time as ${DATA}; Azure's IDs ignore case); the first was read.`,
      },
      {
        resourceId: `item ${landingZone().length + 2} of the list`,
        reason: 'It has no "id" (or no "type"), so it is not an Azure resource as ARM returns one.',
      },
    ]);
    expect(privateOf(imported.plan).vnet.addressSpaces).toEqual(['10.20.0.0/16']);
    const exact = ok(importDeployedValue([...landingZone(), nsg()]));
    expect(exact.skipped).toEqual([{ resourceId: NSG_ID, reason: 'It is in the input twice; the first was read.' }]);
  });

  it('a resource of a shape ARM does not return is skipped with the reason; the plan says what it lacks', () => {
    const { addressSpace: _a, ...noSpace } = propsOf(dataVnet());
    const resources = [...without(landingZone(), 'vnet-data'), { ...dataVnet(), properties: noSpace }];
    const imported = ok(importDeployedValue(resources));
    expect(imported.skipped).toEqual([
      {
        resourceId: DATA,
        reason:
          "Its properties.addressSpace.addressPrefixes is missing or not a list, which ARM's GET returns for a " +
          'Microsoft.Network/virtualNetworks: the resource was copied in part, or has the shape of an API version ' +
          'the planner does not read.',
      },
    ]);
    expect(imported.warnings).toContain(
      "Server pg-orders's VNet vnet-data could not be read: its name is kept, its address spaces and DNS servers are " +
        'unknown.',
    );
    // Its subnets and peerings, nested in it, are still read.
    expect(privateOf(imported.plan).delegatedSubnet.prefix).toBe('10.20.0.0/28');
  });

  it('never throws, whatever JSON it is given', () => {
    const odd: unknown[] = [null, true, 'text', [[]], { resources: 'x' }, { data: [null, 1, 'x'] }, { id: 5 }];
    for (const value of odd) expect(importDeployedValue(value).ok).toBe(false);
    const broken = landingZone().map((r) => ({
      ...r,
      properties: { ...propsOf(r), subnets: 'x', ipConfigurations: 3 },
    }));
    expect(() => importDeployedValue(broken)).not.toThrow();
  });
});
