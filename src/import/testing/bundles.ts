/**
 * Deployments for the importer's tests, built in the shapes of Microsoft's GET example responses (the keys and nesting
 * of reference/rest-examples: ServersGetWithVnet, ConfigurationsGet, VirtualNetworkGetWithSubnetDelegation,
 * VirtualNetworkPeeringGet, NetworkSecurityGroupGet, RouteTableGet, AzureFirewallGet, VirtualNetworkGatewayGet,
 * PrivateZoneGet, VirtualNetworkLinkGet, InboundEndpoint_Get), with consistent names and GUID subscriptions.
 *
 * `hubSpokeBundle()` is a landing zone: the server in spoke vnet-orders-data, Azure Firewall, an ExpressRoute gateway
 * and a DNS Private Resolver inbound endpoint in vnet-hub (another subscription), and an application in spoke vnet-app
 * whose traffic goes through the firewall. `brokenBundles()` are three deployments where that application can't
 * connect, each with the hop the checker must fail at.
 */
import type { HopKind } from '../../checker';
import { INVENTORY_FORMAT, INVENTORY_VERSION, type ArmResource, type InventoryBundle } from '../types';
import {
  armId,
  defaultSecurityRules,
  delegation,
  nameOf,
  privateZone,
  subResource,
  tlsConfiguration,
  zoneLink,
  type Json,
} from './shapes';

export const SUBSCRIPTION = '6f1c1d4e-2b8a-4c3e-9d7f-0a1b2c3d4e5f';
const CONNECTIVITY = '0b9e8d7c-6a5b-4c3d-8e2f-1a2b3c4d5e6f';

const FIREWALL_ID = armId(CONNECTIVITY, 'rg-connectivity', 'Microsoft.Network/azureFirewalls', 'afw-hub');
const GATEWAY_ID = armId(CONNECTIVITY, 'rg-connectivity', 'Microsoft.Network/virtualNetworkGateways', 'ergw-hub');
const RESOLVER_ID = armId(CONNECTIVITY, 'rg-connectivity', 'Microsoft.Network/dnsResolvers', 'dnspr-hub');
const SERVER_ID = armId(SUBSCRIPTION, 'rg-orders-data', 'Microsoft.DBforPostgreSQL/flexibleServers', 'pg-orders');
const vnetId = (name: string, rg: string, sub = SUBSCRIPTION) =>
  armId(sub, rg, 'Microsoft.Network/virtualNetworks', name);
const HUB = vnetId('vnet-hub', 'rg-connectivity', CONNECTIVITY);
const DATA = vnetId('vnet-orders-data', 'rg-orders-data');
const APP = vnetId('vnet-app', 'rg-app');
const ZONE_ID = armId(
  CONNECTIVITY,
  'rg-dns',
  'Microsoft.Network/privateDnsZones',
  'orders.private.postgres.database.azure.com',
);
const NSG_ID = armId(SUBSCRIPTION, 'rg-orders-data', 'Microsoft.Network/networkSecurityGroups', 'nsg-postgres');
const RT_DATA = armId(SUBSCRIPTION, 'rg-orders-data', 'Microsoft.Network/routeTables', 'rt-orders-data');
const RT_APP = armId(SUBSCRIPTION, 'rg-app', 'Microsoft.Network/routeTables', 'rt-app');
const NAT = armId(SUBSCRIPTION, 'rg-app', 'Microsoft.Network/natGateways', 'ng-app');
const APP_NIC = armId(SUBSCRIPTION, 'rg-app', 'Microsoft.Network/networkInterfaces', 'vm-orders-api-nic');
const DNS_VM_NIC = armId(CONNECTIVITY, 'rg-connectivity', 'Microsoft.Network/networkInterfaces', 'vm-dns01-nic');
const FIREWALL_IP = '10.0.1.4';
const RESOLVER_IP = '10.0.2.4';
/** A DNS server on a VM in the hub (not a resolver): whether it forwards to Azure DNS can't be seen from Azure. */
export const DNS_VM_IP = '10.0.3.4';

/** The address the application in vnet-app runs at (the failing client of the broken bundles). */
export const APP_ADDRESS = '10.30.1.10';

interface SubnetSpec {
  name: string;
  prefix: string;
  delegation?: string;
  nsg?: string;
  routeTable?: string;
  natGateway?: string;
  /** IDs of the IP configurations in the subnet (a VM's NIC, Azure Firewall's, a gateway's). */
  ipConfigurations?: string[];
}

function subnet(vnet: string, s: SubnetSpec): Json {
  const id = `${vnet}/subnets/${s.name}`;
  return subResource(vnet, 'subnets', s.name, {
    addressPrefix: s.prefix,
    ...(s.delegation === undefined ? {} : { delegations: [delegation(id, 'dlg-service', s.delegation)] }),
    ...(s.ipConfigurations === undefined ? {} : { ipConfigurations: s.ipConfigurations.map((c) => ({ id: c })) }),
    ...(s.nsg === undefined ? {} : { networkSecurityGroup: { id: s.nsg } }),
    ...(s.routeTable === undefined ? {} : { routeTable: { id: s.routeTable } }),
    ...(s.natGateway === undefined ? {} : { natGateway: { id: s.natGateway } }),
    purpose: '',
  });
}

/** One direction of a peering (VirtualNetworkPeeringGet); both directions exist here, so it is Connected. */
function peering(local: string, remote: string, remoteSpace: string, flags: Partial<Record<string, boolean>> = {}) {
  const space = { addressPrefixes: [remoteSpace] };
  return subResource(local, 'virtualNetworkPeerings', `to-${nameOf(remote)}`, {
    allowForwardedTraffic: flags.allowForwardedTraffic ?? false,
    allowGatewayTransit: flags.allowGatewayTransit ?? false,
    allowVirtualNetworkAccess: true,
    peeringState: 'Connected',
    peeringSyncLevel: 'FullyInSync',
    remoteAddressSpace: space,
    remoteVirtualNetwork: { id: remote },
    remoteVirtualNetworkAddressSpace: space,
    useRemoteGateways: flags.useRemoteGateways ?? false,
  });
}

function vnet(
  vid: string,
  space: string,
  subnets: SubnetSpec[],
  peerings: Json[],
  dnsServers: string[] = [],
): ArmResource {
  return {
    name: nameOf(vid),
    type: 'Microsoft.Network/virtualNetworks',
    id: vid,
    location: 'westeurope',
    properties: {
      addressSpace: { addressPrefixes: [space] },
      ...(dnsServers.length > 0 ? { dhcpOptions: { dnsServers } } : {}),
      provisioningState: 'Succeeded',
      subnets: subnets.map((s) => subnet(vid, s)),
      virtualNetworkPeerings: peerings,
    },
  };
}

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
      defaultSecurityRules: defaultSecurityRules(NSG_ID),
      provisioningState: 'Succeeded',
      securityRules: rules.map((r) =>
        subResource(NSG_ID, 'securityRules', r.name, {
          access: r.access,
          destinationAddressPrefix: '*',
          destinationPortRange: '5432',
          direction: 'Inbound',
          priority: r.priority,
          protocol: 'Tcp',
          sourceAddressPrefix: r.source,
          sourcePortRange: '*',
        }),
      ),
      subnets: [{ id: `${DATA}/subnets/snet-postgres` }],
    },
  };
}

function routeTable(rid: string, routes: [string, string][], subnetId: string): ArmResource {
  return {
    name: nameOf(rid),
    type: 'Microsoft.Network/routeTables',
    id: rid,
    location: 'westeurope',
    properties: {
      disableBgpRoutePropagation: false,
      provisioningState: 'Succeeded',
      routes: routes.map(([name, prefix]) =>
        subResource(rid, 'routes', name, {
          addressPrefix: prefix,
          nextHopType: 'VirtualAppliance',
          nextHopIpAddress: FIREWALL_IP,
        }),
      ),
      subnets: [{ id: subnetId }],
    },
  };
}

/** Azure Firewall in the hub (AzureFirewallGet), with the network rule that lets the application reach the server. */
function firewall(): ArmResource {
  return {
    name: 'afw-hub',
    type: 'Microsoft.Network/azureFirewalls',
    id: FIREWALL_ID,
    location: 'westeurope',
    properties: {
      applicationRuleCollections: [],
      ipConfigurations: [
        subResource(FIREWALL_ID, 'ipConfigurations', 'ipconfig', {
          privateIPAddress: FIREWALL_IP,
          subnet: { id: `${HUB}/subnets/AzureFirewallSubnet` },
        }),
      ],
      natRuleCollections: [],
      networkRuleCollections: [
        subResource(FIREWALL_ID, 'networkRuleCollections', 'spokes-to-data', {
          action: { type: 'Allow' },
          priority: 200,
          rules: [
            {
              name: 'app-to-postgres',
              description: 'vnet-app to the flexible server',
              destinationAddresses: ['10.20.0.0/28'],
              destinationPorts: ['5432'],
              protocols: ['TCP'],
              sourceAddresses: ['10.30.0.0/16'],
            },
          ],
        }),
      ],
      provisioningState: 'Succeeded',
      sku: { name: 'AZFW_VNet', tier: 'Standard' },
      threatIntelMode: 'Alert',
    },
    zones: [],
  };
}

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
      authConfig: { activeDirectoryAuth: 'Disabled', passwordAuth: 'Enabled' },
      availabilityZone: '1',
      backup: { backupRetentionDays: 7, earliestRestoreDate: '2026-11-20T08:00:00Z', geoRedundantBackup: 'Disabled' },
      fullyQualifiedDomainName: 'pg-orders.postgres.database.azure.com',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '2', state: 'Healthy' },
      maintenanceWindow: { customWindow: 'Disabled', dayOfWeek: 0, startHour: 0, startMinute: 0 },
      minorVersion: '6',
      network: {
        delegatedSubnetResourceId: `${DATA}/subnets/snet-postgres`,
        privateDnsZoneArmResourceId: ZONE_ID,
        publicNetworkAccess: 'Disabled',
      },
      state: 'Ready',
      storage: { autoGrow: 'Disabled', iops: 500, storageSizeGB: 128, tier: 'P10' },
      version: '16',
    },
    sku: { name: 'Standard_D4ds_v5', tier: 'GeneralPurpose' },
  };
  const appDns = options.appDns ?? [RESOLVER_IP];
  const resources: ArmResource[] = [
    server,
    tlsConfiguration(SERVER_ID, 'require_secure_transport', 'on'),
    tlsConfiguration(SERVER_ID, 'ssl_min_protocol_version', 'TLSv1.2'),
    tlsConfiguration(SERVER_ID, 'ssl_max_protocol_version'),
    vnet(
      DATA,
      '10.20.0.0/16',
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
      [peering(DATA, HUB, '10.0.0.0/16', { allowForwardedTraffic: true, useRemoteGateways: true })],
    ),
    vnet(
      HUB,
      '10.0.0.0/16',
      [
        { name: 'GatewaySubnet', prefix: '10.0.0.0/26', ipConfigurations: [`${GATEWAY_ID}/ipConfigurations/default`] },
        {
          name: 'AzureFirewallSubnet',
          prefix: '10.0.1.0/26',
          ipConfigurations: [`${FIREWALL_ID}/ipConfigurations/ipconfig`],
        },
        { name: 'snet-dns-inbound', prefix: '10.0.2.0/28', delegation: 'Microsoft.Network/dnsResolvers' },
        ...(appDns.includes(DNS_VM_IP)
          ? [
              {
                name: 'snet-dns',
                prefix: '10.0.3.0/24',
                ipConfigurations: [`${DNS_VM_NIC}/ipConfigurations/ipconfig1`],
              },
            ]
          : []),
      ],
      [
        peering(HUB, DATA, '10.20.0.0/16', { allowForwardedTraffic: true, allowGatewayTransit: true }),
        peering(HUB, APP, '10.30.0.0/16', { allowForwardedTraffic: true, allowGatewayTransit: true }),
      ],
    ),
    vnet(
      APP,
      '10.30.0.0/16',
      [
        {
          name: 'snet-app',
          prefix: '10.30.1.0/24',
          routeTable: RT_APP,
          natGateway: NAT,
          ipConfigurations: [`${APP_NIC}/ipConfigurations/ipconfig1`],
        },
      ],
      [peering(APP, HUB, '10.0.0.0/16', { allowForwardedTraffic: true, useRemoteGateways: true })],
      appDns,
    ),
    nsg(options.nsgRules ?? [ALLOW_APP]),
    routeTable(RT_DATA, [['to-app', '10.30.0.0/16']], `${DATA}/subnets/snet-postgres`),
    routeTable(RT_APP, [['to-orders-data', '10.20.0.0/16']], `${APP}/subnets/snet-app`),
    firewall(),
    {
      name: 'ergw-hub',
      type: 'Microsoft.Network/virtualNetworkGateways',
      id: GATEWAY_ID,
      location: 'westeurope',
      properties: {
        activeActive: false,
        enableBgp: false,
        gatewayType: 'ExpressRoute',
        ipConfigurations: [
          subResource(GATEWAY_ID, 'ipConfigurations', 'default', {
            privateIPAllocationMethod: 'Dynamic',
            subnet: { id: `${HUB}/subnets/GatewaySubnet` },
          }),
        ],
        provisioningState: 'Succeeded',
        resourceGuid: '4f1d2c3b-5a6e-4d7f-8091-a2b3c4d5e6f7',
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
        resourceGuid: '8c2e4a6b-1d3f-4e5a-9b7c-0d2e4f6a8b1c',
      },
    },
    // Its record sets: the SOA and the server's A record.
    privateZone(ZONE_ID, links.length, 2),
    ...links.map((v) => zoneLink(ZONE_ID, `${nameOf(v)}-link`, v)),
    {
      id: NAT,
      name: 'ng-app',
      type: 'Microsoft.Network/natGateways',
      location: 'westeurope',
      properties: {
        idleTimeoutInMinutes: 4,
        provisioningState: 'Succeeded',
        subnets: [{ id: `${APP}/subnets/snet-app` }],
      },
      sku: { name: 'Standard' },
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

/** A deployment where the application at `client` can't connect, and the hop that stops it. */
export interface BrokenBundle {
  readonly name: string;
  readonly bundle: InventoryBundle;
  /** The failing application's address (`check-client --from`, the Clients step's "where does it run?"). */
  readonly client: string;
  /** The hop the checker fails at: its stage, its rule, and the deployed resource to change. */
  readonly hop: { readonly kind: HopKind; readonly ruleId: string; readonly resourceId: string };
  /** Words the failing hop's message holds. */
  readonly failingHop: RegExp;
}

export const brokenBundles = (): BrokenBundle[] => [
  {
    // vnet-app resolves with Azure DNS itself, and the zone isn't linked to it.
    name: 'zone not linked to the spoke',
    bundle: hubSpokeBundle({ appDns: [] }),
    client: APP_ADDRESS,
    hop: { kind: 'dns', ruleId: 'PGN-134', resourceId: ZONE_ID },
    failingHop: /vnet-app/,
  },
  {
    // deny-app (priority 200) is evaluated before allow-app (priority 300): lower numbers first.
    name: 'a deny before the allow',
    bundle: hubSpokeBundle({
      nsgRules: [{ name: 'deny-app', priority: 200, access: 'Deny', source: '10.30.1.0/24' }, ALLOW_APP],
    }),
    client: APP_ADDRESS,
    hop: { kind: 'filter', ruleId: 'PGN-123', resourceId: NSG_ID },
    failingHop: /deny-app/,
  },
  {
    // vnet-app's DNS server is a VM in the hub that doesn't forward to 168.63.129.16.
    name: 'a custom DNS server that does not forward to Azure DNS',
    bundle: hubSpokeBundle({ appDns: [DNS_VM_IP] }),
    client: APP_ADDRESS,
    hop: { kind: 'dns', ruleId: 'PGN-137', resourceId: APP },
    failingHop: /10\.0\.3\.4/,
  },
];
