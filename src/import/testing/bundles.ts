/**
 * Deployments for the importer's tests, built in the shapes of Microsoft's GET example responses (the keys and nesting
 * of reference/rest-examples: Servers_Get with VNet, VirtualNetworks_Get, NetworkSecurityGroups_Get, RouteTables_Get,
 * AzureFirewalls_Get, VirtualNetworkGateways_Get, VirtualNetworkLinks_Get, InboundEndpoints_Get, FirewallRules,
 * Configurations_Get), with consistent names and GUID subscriptions.
 *
 * `hubSpokeBundle()` is a landing zone: the server in spoke vnet-orders-data, Azure Firewall, an ExpressRoute gateway
 * and a DNS Private Resolver inbound endpoint in vnet-hub, and an application in spoke vnet-app whose traffic goes
 * through the firewall. `brokenBundles` are three deployments where that application can't connect.
 */
import { INVENTORY_FORMAT, INVENTORY_VERSION, type ArmResource, type InventoryBundle } from '../types';

export const SUBSCRIPTION = '6f1c1d4e-2b8a-4c3e-9d7f-0a1b2c3d4e5f';
const CONNECTIVITY = '0b9e8d7c-6a5b-4c3d-8e2f-1a2b3c4d5e6f';

const rgId = (sub: string, rg: string) => `/subscriptions/${sub}/resourceGroups/${rg}`;
const id = (sub: string, rg: string, type: string, ...names: string[]) => {
  const [ns, ...types] = type.split('/');
  return `${rgId(sub, rg)}/providers/${ns ?? ''}${types.map((t, i) => `/${t}/${names[i] ?? ''}`).join('')}`;
};

const FIREWALL_ID = id(CONNECTIVITY, 'rg-connectivity', 'Microsoft.Network/azureFirewalls', 'afw-hub');
const GATEWAY_ID = id(CONNECTIVITY, 'rg-connectivity', 'Microsoft.Network/virtualNetworkGateways', 'ergw-hub');
const RESOLVER_ID = id(CONNECTIVITY, 'rg-connectivity', 'Microsoft.Network/dnsResolvers', 'dnspr-hub');
const SERVER_ID = id(SUBSCRIPTION, 'rg-orders-data', 'Microsoft.DBforPostgreSQL/flexibleServers', 'pg-orders');
const vnetId = (name: string, rg: string, sub = SUBSCRIPTION) => id(sub, rg, 'Microsoft.Network/virtualNetworks', name);
const HUB = vnetId('vnet-hub', 'rg-connectivity', CONNECTIVITY);
const DATA = vnetId('vnet-orders-data', 'rg-orders-data');
const APP = vnetId('vnet-app', 'rg-app');
const ZONE_ID = id(
  CONNECTIVITY,
  'rg-dns',
  'Microsoft.Network/privateDnsZones',
  'orders.private.postgres.database.azure.com',
);
const NSG_ID = id(SUBSCRIPTION, 'rg-orders-data', 'Microsoft.Network/networkSecurityGroups', 'nsg-postgres');
const FIREWALL_IP = '10.0.1.4';
const RESOLVER_IP = '10.0.2.4';

/** The address the application in vnet-app runs at (the failing client of the broken bundles). */
export const APP_ADDRESS = '10.30.1.10';

interface SubnetSpec {
  name: string;
  prefix: string;
  delegation?: string;
  nsg?: string;
  routeTable?: string;
  natGateway?: string;
  /** IDs of the IP configurations in the subnet (Azure Firewall's, a gateway's). */
  ipConfigurations?: string[];
}

function subnet(vnet: string, s: SubnetSpec): Record<string, unknown> {
  return {
    name: s.name,
    id: `${vnet}/subnets/${s.name}`,
    properties: {
      addressPrefix: s.prefix,
      ...(s.delegation === undefined
        ? {}
        : {
            delegations: [
              {
                name: 'dlg-postgres',
                id: `${vnet}/subnets/${s.name}/delegations/dlg-postgres`,
                properties: { actions: [], provisioningState: 'Succeeded', serviceName: s.delegation },
              },
            ],
          }),
      ...(s.nsg === undefined ? {} : { networkSecurityGroup: { id: s.nsg } }),
      ...(s.routeTable === undefined ? {} : { routeTable: { id: s.routeTable } }),
      ...(s.natGateway === undefined ? {} : { natGateway: { id: s.natGateway } }),
      ...(s.ipConfigurations === undefined ? {} : { ipConfigurations: s.ipConfigurations.map((c) => ({ id: c })) }),
      provisioningState: 'Succeeded',
      purpose: '',
    },
  };
}

function peering(local: string, remote: string, flags: Partial<Record<string, boolean>> = {}) {
  return {
    name: `${remote.split('/').at(-1) ?? ''}-peering`,
    id: `${local}/virtualNetworkPeerings/to-${remote.split('/').at(-1) ?? ''}`,
    properties: {
      allowForwardedTraffic: flags.allowForwardedTraffic ?? false,
      allowGatewayTransit: flags.allowGatewayTransit ?? false,
      allowVirtualNetworkAccess: true,
      peeringState: 'Connected',
      peeringSyncLevel: 'FullyInSync',
      provisioningState: 'Succeeded',
      remoteVirtualNetwork: { id: remote },
      useRemoteGateways: flags.useRemoteGateways ?? false,
    },
  };
}

function vnet(
  vid: string,
  location: string,
  spaces: string[],
  subnets: SubnetSpec[],
  peerings: unknown[],
  dnsServers: string[] = [],
): ArmResource {
  return {
    name: vid.split('/').at(-1) ?? '',
    type: 'Microsoft.Network/virtualNetworks',
    id: vid,
    location,
    properties: {
      addressSpace: { addressPrefixes: spaces },
      ...(dnsServers.length > 0 ? { dhcpOptions: { dnsServers } } : {}),
      provisioningState: 'Succeeded',
      subnets: subnets.map((s) => subnet(vid, s)),
      virtualNetworkPeerings: peerings,
    },
  };
}

const DEFAULT_RULES = ['AllowVnetInBound', 'AllowAzureLoadBalancerInBound', 'DenyAllInBound'].map((name, i) => ({
  name,
  id: `${NSG_ID}/defaultSecurityRules/${name}`,
  properties: {
    access: name.startsWith('Deny') ? 'Deny' : 'Allow',
    destinationAddressPrefix: '*',
    destinationPortRange: '*',
    direction: 'Inbound',
    priority: 65000 + i,
    protocol: '*',
    provisioningState: 'Succeeded',
    sourceAddressPrefix:
      name === 'AllowVnetInBound' ? 'VirtualNetwork' : name.startsWith('Deny') ? '*' : 'AzureLoadBalancer',
    sourcePortRange: '*',
  },
}));

interface RuleSpec {
  name: string;
  priority: number;
  access: 'Allow' | 'Deny';
  source: string;
}

function nsg(rules: RuleSpec[]): ArmResource {
  return {
    name: 'nsg-postgres',
    type: 'Microsoft.Network/networkSecurityGroups',
    id: NSG_ID,
    location: 'westeurope',
    properties: {
      defaultSecurityRules: DEFAULT_RULES,
      provisioningState: 'Succeeded',
      securityRules: rules.map((r) => ({
        name: r.name,
        id: `${NSG_ID}/securityRules/${r.name}`,
        properties: {
          access: r.access,
          destinationAddressPrefix: '*',
          destinationPortRange: '5432',
          direction: 'Inbound',
          priority: r.priority,
          protocol: 'Tcp',
          provisioningState: 'Succeeded',
          sourceAddressPrefix: r.source,
          sourcePortRange: '*',
        },
      })),
    },
  };
}

function routeTable(rid: string, routes: [string, string][]): ArmResource {
  return {
    name: rid.split('/').at(-1) ?? '',
    type: 'Microsoft.Network/routeTables',
    id: rid,
    location: 'westeurope',
    properties: {
      disableBgpRoutePropagation: false,
      provisioningState: 'Succeeded',
      routes: routes.map(([name, prefix]) => ({
        name,
        id: `${rid}/routes/${name}`,
        properties: {
          addressPrefix: prefix,
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: FIREWALL_IP,
          provisioningState: 'Succeeded',
        },
      })),
    },
  };
}

function zoneLink(vid: string): ArmResource {
  const name = `${vid.split('/').at(-1) ?? ''}-link`;
  return {
    id: `${ZONE_ID}/virtualNetworkLinks/${name}`,
    name,
    type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    location: 'global',
    properties: {
      virtualNetwork: { id: vid },
      registrationEnabled: false,
      virtualNetworkLinkState: 'Completed',
      provisioningState: 'Succeeded',
    },
  };
}

const RT_DATA = id(SUBSCRIPTION, 'rg-orders-data', 'Microsoft.Network/routeTables', 'rt-orders-data');
const RT_APP = id(SUBSCRIPTION, 'rg-app', 'Microsoft.Network/routeTables', 'rt-app');
const NAT = id(SUBSCRIPTION, 'rg-app', 'Microsoft.Network/natGateways', 'ng-app');

export interface BundleOptions {
  /** The VNets the server's zone is linked to. */
  links?: readonly string[];
  nsgRules?: RuleSpec[];
  /** vnet-app's DNS servers (default: the resolver's inbound endpoint). */
  appDns?: string[];
}

const ALLOW_APP: RuleSpec = { name: 'allow-app', priority: 300, access: 'Allow', source: '10.30.0.0/16' };

export function hubSpokeBundle(options: BundleOptions = {}): InventoryBundle {
  const links = options.links ?? [DATA, HUB];
  const server: ArmResource = {
    name: 'pg-orders',
    type: 'Microsoft.DBforPostgreSQL/flexibleServers',
    id: SERVER_ID,
    location: 'westeurope',
    properties: {
      administratorLogin: 'pgadmin',
      availabilityZone: '1',
      fullyQualifiedDomainName: 'pg-orders.postgres.database.azure.com',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '2', state: 'Healthy' },
      network: {
        delegatedSubnetResourceId: `${DATA}/subnets/snet-postgres`,
        privateDnsZoneArmResourceId: ZONE_ID,
        publicNetworkAccess: 'Disabled',
      },
      state: 'Ready',
      version: '16',
    },
    sku: { name: 'Standard_D4ds_v5', tier: 'GeneralPurpose' },
  };
  const configuration = (name: string, value: string): ArmResource => ({
    name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
    id: `${SERVER_ID}/configurations/${name}`,
    properties: { value, source: 'user-override', isReadOnly: false },
  });
  const resources: ArmResource[] = [
    server,
    configuration('require_secure_transport', 'on'),
    configuration('ssl_min_protocol_version', 'TLSv1.2'),
    vnet(
      DATA,
      'westeurope',
      ['10.20.0.0/16'],
      [
        {
          name: 'snet-postgres',
          prefix: '10.20.0.0/28',
          delegation: 'Microsoft.DBforPostgreSQL/flexibleServers',
          nsg: NSG_ID,
          routeTable: RT_DATA,
        },
        { name: 'snet-tools', prefix: '10.20.1.0/24' },
      ],
      [peering(DATA, HUB, { allowForwardedTraffic: true, useRemoteGateways: true })],
    ),
    vnet(
      HUB,
      'westeurope',
      ['10.0.0.0/16'],
      [
        { name: 'GatewaySubnet', prefix: '10.0.0.0/26', ipConfigurations: [`${GATEWAY_ID}/ipConfigurations/default`] },
        {
          name: 'AzureFirewallSubnet',
          prefix: '10.0.1.0/26',
          ipConfigurations: [`${FIREWALL_ID}/azureFirewallIpConfigurations/ipconfig`],
        },
        { name: 'snet-dns-inbound', prefix: '10.0.2.0/28', delegation: 'Microsoft.Network/dnsResolvers' },
      ],
      [
        peering(HUB, DATA, { allowForwardedTraffic: true, allowGatewayTransit: true }),
        peering(HUB, APP, { allowForwardedTraffic: true, allowGatewayTransit: true }),
      ],
    ),
    vnet(
      APP,
      'westeurope',
      ['10.30.0.0/16'],
      [{ name: 'snet-app', prefix: '10.30.1.0/24', routeTable: RT_APP, natGateway: NAT }],
      [peering(APP, HUB, { allowForwardedTraffic: true, useRemoteGateways: true })],
      options.appDns ?? [RESOLVER_IP],
    ),
    nsg(options.nsgRules ?? [ALLOW_APP]),
    routeTable(RT_DATA, [['to-app', '10.30.0.0/16']]),
    routeTable(RT_APP, [['to-orders-data', '10.20.0.0/16']]),
    {
      name: 'afw-hub',
      type: 'Microsoft.Network/azureFirewalls',
      id: FIREWALL_ID,
      location: 'westeurope',
      properties: {
        ipConfigurations: [
          {
            name: 'ipconfig',
            id: `${FIREWALL_ID}/azureFirewallIpConfigurations/ipconfig`,
            properties: { privateIPAddress: FIREWALL_IP, subnet: { id: `${HUB}/subnets/AzureFirewallSubnet` } },
          },
        ],
        networkRuleCollections: [],
        provisioningState: 'Succeeded',
        sku: { name: 'AZFW_VNet', tier: 'Standard' },
      },
    },
    {
      name: 'ergw-hub',
      type: 'Microsoft.Network/virtualNetworkGateways',
      id: GATEWAY_ID,
      location: 'westeurope',
      properties: {
        gatewayType: 'ExpressRoute',
        ipConfigurations: [
          {
            name: 'default',
            id: `${GATEWAY_ID}/ipConfigurations/default`,
            properties: { privateIPAllocationMethod: 'Dynamic', subnet: { id: `${HUB}/subnets/GatewaySubnet` } },
          },
        ],
        provisioningState: 'Succeeded',
        sku: { name: 'ErGw1AZ', tier: 'ErGw1AZ' },
      },
    },
    {
      name: 'in-hub',
      type: 'Microsoft.Network/dnsResolvers/inboundEndpoints',
      id: `${RESOLVER_ID}/inboundEndpoints/in-hub`,
      location: 'westeurope',
      properties: {
        ipConfigurations: [
          {
            privateIpAddress: RESOLVER_IP,
            privateIpAllocationMethod: 'Static',
            subnet: { id: `${HUB}/subnets/snet-dns-inbound` },
          },
        ],
        provisioningState: 'Succeeded',
      },
    },
    {
      id: ZONE_ID,
      name: 'orders.private.postgres.database.azure.com',
      type: 'Microsoft.Network/privateDnsZones',
      location: 'global',
      properties: { numberOfRecordSets: 2, numberOfVirtualNetworkLinks: links.length, provisioningState: 'Succeeded' },
    },
    ...links.map(zoneLink),
    {
      id: NAT,
      name: 'ng-app',
      type: 'Microsoft.Network/natGateways',
      location: 'westeurope',
      properties: { idleTimeoutInMinutes: 4, provisioningState: 'Succeeded' },
    },
  ];
  return {
    format: INVENTORY_FORMAT,
    version: INVENTORY_VERSION,
    collectedAt: '2026-11-27T10:00:00Z',
    scope: { subscription: SUBSCRIPTION, resourceGroup: 'rg-orders-data', server: 'pg-orders', peeringDepth: 2 },
    resources,
  };
}

/** A deployment where the application at APP_ADDRESS can't connect, and the hop that stops it. */
export interface BrokenBundle {
  readonly name: string;
  readonly bundle: InventoryBundle;
  /** Words the failing hop's message holds. */
  readonly failingHop: RegExp;
}

export const brokenBundles = (): BrokenBundle[] => [
  {
    // vnet-app resolves with Azure DNS itself, and the zone isn't linked to it.
    name: 'zone not linked to the spoke',
    bundle: hubSpokeBundle({ appDns: [] }),
    failingHop: /vnet-app/,
  },
  {
    name: 'a deny before the allow',
    bundle: hubSpokeBundle({
      nsgRules: [{ name: 'deny-app', priority: 200, access: 'Deny', source: '10.30.1.0/24' }, ALLOW_APP],
    }),
    failingHop: /deny-app/,
  },
  {
    name: 'a custom DNS server that does not forward to Azure DNS',
    bundle: hubSpokeBundle({ appDns: ['10.0.2.10'] }),
    failingHop: /10\.0\.2\.10/,
  },
];
