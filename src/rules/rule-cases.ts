/**
 * One failing and one passing plan per rule, used by the meta-test over the index (every rule has
 * both) and by the per-rule tests. `passes: null` marks the rules that apply to every plan of a mode
 * (PGN-002 and PGN-003 always; the meta-test checks they fire on every case instead).
 */
import type { Plan } from '../domain/plan';
import { nsgRule, privatePlan, publicPePlan, publicPlan, strictNsg, SUB_A, SUB_HUB } from './fixtures';

export interface RuleCase {
  /** A plan that triggers the rule, at `path`. */
  fails: Plan;
  path: string;
  passes: Plan | null;
}

const ha = ['servers.0.highAvailability', 'ZoneRedundant'] as const;
const storageRule = nsgRule('allow-storage-out', 200, 'Outbound', 'Allow', {
  destinationAddresses: ['Storage'],
  destinationPorts: ['443'],
});
const vnetAllow = nsgRule('allow-vnet-in', 120, 'Inbound', 'Allow', {
  sourceAddresses: ['VirtualNetwork'],
  destinationPorts: ['5432'],
});

export const RULE_CASES: Record<string, RuleCase> = {
  'PGN-001': { fails: privatePlan(['servers.0.name', 'PG-Test']), path: 'servers.0.name', passes: privatePlan() },
  'PGN-002': { fails: privatePlan(), path: 'access.mode', passes: null },
  'PGN-003': { fails: publicPlan(), path: 'access.mode', passes: null },
  'PGN-004': {
    fails: privatePlan(['tls', { minVersion: 'TLSv1.1' }]),
    path: 'tls.minVersion',
    passes: privatePlan(['tls', { minVersion: 'TLSv1.3' }]),
  },
  'PGN-005': {
    fails: privatePlan(['tls', { minVersion: 'TLSv1.3', maxVersion: 'TLSv1.2' }]),
    path: 'tls.maxVersion',
    passes: privatePlan(['tls', { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' }]),
  },
  'PGN-006': {
    fails: publicPlan(['tls', { requireSecureTransport: false }]),
    path: 'tls.requireSecureTransport',
    passes: publicPlan(),
  },
  'PGN-007': {
    fails: privatePlan(['clients.1.connectsByIp', true]),
    path: 'clients.1.connectsByIp',
    passes: privatePlan(),
  },
  'PGN-008': {
    // The peering back from vnet-b is missing: the client in vnet-b must reach the server and cannot.
    fails: privatePlan(['access.peerings', [{ from: 'vnet-a', to: 'vnet-b' }]]),
    path: 'clients.1.intent',
    passes: privatePlan(['access.peerings', [{ from: 'vnet-a', to: 'vnet-b' }]], ['clients.1.intent', 'mustNotReach']),
  },
  'PGN-009': {
    fails: privatePlan(['access.vnet.name', 'vnet-a;']),
    path: 'access.vnet.name',
    passes: privatePlan(['access.vnet.name', 'vnet-a_'], ['servers.0.resourceGroup', 'rg-orders(data).v2']),
  },
  'PGN-010': {
    fails: privatePlan(['access.peeredVnets.0.region', 'westeurop']),
    path: 'access.peeredVnets.0.region',
    // A display name is read as the programmatic name.
    passes: privatePlan(['access.peeredVnets.0.region', 'West Europe']),
  },
  'PGN-011': {
    fails: privatePlan(['servers.1', { name: 'pg-test', region: 'westeurope', subscription: SUB_A }]),
    path: 'servers.1.name',
    passes: privatePlan(['servers.1', { name: 'pg-test-2', region: 'westeurope', subscription: SUB_A }]),
  },
  'PGN-012': {
    fails: privatePlan(['access.peeredVnets.0.subscription', 'connectivity-sub']),
    path: 'access.peeredVnets.0.subscription',
    passes: privatePlan(['access.peeredVnets.0.subscription', SUB_HUB.toUpperCase()]),
  },
  'PGN-101': {
    fails: privatePlan(['access.vnet.region', 'northeurope']),
    path: 'access.vnet.region',
    passes: privatePlan(['access.vnet.region', 'WestEurope']),
  },
  'PGN-102': {
    fails: privatePlan(['access.vnet.addressSpaces', ['10.0.0.0/16', '10.0.128.0/17']]),
    path: 'access.vnet.addressSpaces.1',
    passes: privatePlan(['access.vnet.addressSpaces', ['10.0.0.0/16', '10.2.0.0/16']]),
  },
  'PGN-103': {
    fails: privatePlan(['access.delegatedSubnet.prefix', '10.5.0.0/28']),
    path: 'access.delegatedSubnet.prefix',
    passes: privatePlan(),
  },
  'PGN-104': {
    fails: privatePlan(['access.vnet.subnets.0.prefix', '10.0.0.0/24']),
    path: 'access.delegatedSubnet.prefix',
    passes: privatePlan(),
  },
  'PGN-105': {
    fails: privatePlan(['access.delegatedSubnet.name', 'GatewaySubnet']),
    path: 'access.delegatedSubnet.name',
    passes: privatePlan(['access.delegatedSubnet.name', 'GatewaySubnet-pg']),
  },
  'PGN-106': {
    fails: privatePlan(
      ['access.delegatedSubnet.existing', true],
      ['access.delegatedSubnet.existingDelegation', 'Microsoft.Web/serverFarms'],
    ),
    path: 'access.delegatedSubnet.existingDelegation',
    passes: privatePlan(
      ['access.delegatedSubnet.existing', true],
      ['access.delegatedSubnet.existingDelegation', 'Microsoft.DBforPostgreSQL/flexibleServers'],
    ),
  },
  'PGN-107': {
    fails: privatePlan(['access.delegatedSubnet.otherResourceTypes', ['Microsoft.Compute/virtualMachines']]),
    path: 'access.delegatedSubnet.otherResourceTypes.0',
    passes: privatePlan(['access.delegatedSubnet.otherResourceTypes', ['Microsoft.DBforPostgreSQL/flexibleServers']]),
  },
  'PGN-108': {
    fails: privatePlan(['access.delegatedSubnet.prefix', '10.0.0.0/29']),
    path: 'access.delegatedSubnet.prefix',
    passes: privatePlan(),
  },
  'PGN-109': {
    fails: privatePlan([
      'servers',
      [1, 2, 3].map((i) => ({
        name: `pg-${i}`,
        region: 'westeurope',
        highAvailability: 'SameZone',
        subscription: SUB_A,
      })),
    ]),
    path: 'access.delegatedSubnet.prefix',
    passes: privatePlan(ha),
  },
  'PGN-110': { fails: privatePlan(), path: 'access.vnet.name', passes: publicPlan() },
  'PGN-111': {
    fails: privatePlan(['access.allowAzureServices', true]),
    path: 'access.allowAzureServices',
    passes: privatePlan(['access.allowAzureServices', false]),
  },
  'PGN-112': {
    fails: privatePlan(['access.privateEndpoints', [{ name: 'pe-pg' }]]),
    path: 'access.privateEndpoints.0',
    passes: privatePlan(['access.privateEndpoints', []]),
  },
  'PGN-113': { fails: privatePlan(), path: 'access.onPremises', passes: publicPlan() },
  'PGN-114': {
    fails: privatePlan(['access.vnet.subnets.1', { name: 'snet-tiny', prefix: '10.0.2.0/30' }]),
    path: 'access.vnet.subnets.1.prefix',
    passes: privatePlan(['access.vnet.subnets.1', { name: 'snet-tiny', prefix: '10.0.2.0/29' }]),
  },
  'PGN-115': {
    fails: privatePlan(['access.vnet.existing', false], ['access.delegatedSubnet.existing', true]),
    path: 'access.delegatedSubnet.existing',
    passes: privatePlan(['access.vnet.existing', true], ['access.delegatedSubnet.existing', true]),
  },
  'PGN-120': {
    fails: privatePlan([
      'access.delegatedSubnet.nsg',
      {
        name: 'nsg',
        rules: [nsgRule('asg', 100, 'Inbound', 'Allow', { sourceAddresses: [], sourceAsgs: ['asg-app'] })],
      },
    ]),
    path: 'access.delegatedSubnet.nsg.rules.0.sourceAsgs',
    passes: privatePlan(['access.delegatedSubnet.nsg', strictNsg]),
  },
  'PGN-121': {
    fails: privatePlan(ha, [
      'access.delegatedSubnet.nsg',
      { name: 'nsg', rules: [nsgRule('deny-6432', 100, 'Inbound', 'Deny', { destinationPorts: ['6432'] })] },
    ]),
    path: 'access.delegatedSubnet.nsg.rules.0',
    passes: privatePlan(ha, ['access.delegatedSubnet.nsg', { ...strictNsg, rules: [...strictNsg.rules, storageRule] }]),
  },
  'PGN-122': {
    fails: privatePlan(ha, ['access.delegatedSubnet.nsg', strictNsg]),
    path: 'access.delegatedSubnet.nsg.rules.4',
    passes: privatePlan(ha, ['access.delegatedSubnet.nsg', { ...strictNsg, rules: [...strictNsg.rules, storageRule] }]),
  },
  'PGN-123': {
    // Without a zone every client fails first at name resolution (PGN-008 names that); the NSG is a second cause.
    fails: privatePlan(['access.delegatedSubnet.nsg', strictNsg], ['access.privateDnsZone', null]),
    path: 'clients.1',
    passes: privatePlan(['access.delegatedSubnet.nsg', { ...strictNsg, rules: [...strictNsg.rules, vnetAllow] }]),
  },
  'PGN-124': {
    fails: privatePlan([
      'access.delegatedSubnet.nsg',
      { name: 'nsg', rules: [nsgRule('a', 100, 'Inbound', 'Allow'), nsgRule('b', 100, 'Inbound', 'Deny')] },
    ]),
    path: 'access.delegatedSubnet.nsg.rules.1.priority',
    passes: privatePlan([
      'access.delegatedSubnet.nsg',
      { name: 'nsg', rules: [nsgRule('a', 100, 'Inbound', 'Allow'), nsgRule('b', 100, 'Outbound', 'Deny')] },
    ]),
  },
  'PGN-125': {
    fails: privatePlan([
      'access.delegatedSubnet.nsg',
      {
        ...strictNsg,
        rules: [nsgRule('deny-in', 4000, 'Inbound', 'Deny', { destinationPorts: ['*', '--access=Allow'] })],
      },
    ]),
    path: 'access.delegatedSubnet.nsg.rules.0.destinationPorts.1',
    passes: privatePlan(['access.delegatedSubnet.nsg', { ...strictNsg, rules: [...strictNsg.rules, storageRule] }]),
  },
  'PGN-130': {
    fails: privatePlan(['access.privateDnsZone', null]),
    path: 'access.privateDnsZone',
    passes: privatePlan(),
  },
  'PGN-131': {
    fails: privatePlan(['access.privateDnsZone.name', 'pg-test.private.example.com']),
    path: 'access.privateDnsZone.name',
    passes: privatePlan(),
  },
  'PGN-132': {
    fails: privatePlan(['access.privateDnsZone.name', 'pg-test.postgres.database.azure.com']),
    path: 'access.privateDnsZone.name',
    passes: privatePlan(['access.privateDnsZone.name', 'other.postgres.database.azure.com']),
  },
  'PGN-133': {
    fails: privatePlan(['access.vnet.zoneLink', false]),
    path: 'access.vnet.zoneLink',
    passes: privatePlan(),
  },
  'PGN-134': {
    fails: privatePlan(['access.peeredVnets.0.zoneLink', false]),
    path: 'access.peeredVnets.0.zoneLink',
    passes: privatePlan(['access.peeredVnets.0.zoneLink', false], ['clients', []]),
  },
  'PGN-135': { fails: privatePlan(['clients.1.vnet', 'vnet-unknown']), path: 'clients.1.vnet', passes: privatePlan() },
  'PGN-136': {
    fails: privatePlan(['access.peeredVnets.0.addressSpaces', ['10.0.128.0/20']]),
    path: 'access.peeredVnets.0.addressSpaces.0',
    passes: privatePlan(),
  },
  'PGN-137': {
    fails: privatePlan(['access.vnet.dns', { kind: 'custom', servers: ['10.1.0.4'], forwardsToAzureDns: false }]),
    path: 'access.vnet.dns.forwardsToAzureDns',
    passes: privatePlan(['access.vnet.dns', { kind: 'custom', servers: ['10.1.0.4'], forwardsToAzureDns: true }]),
  },
  'PGN-138': {
    fails: privatePlan(['access.privateDnsZone.subscription', SUB_HUB]),
    path: 'access.privateDnsZone.subscription',
    passes: privatePlan(['access.privateDnsZone.subscription', SUB_A.toUpperCase()]),
  },
  'PGN-139': {
    // No client must cross this peering (one that must fails PGN-008 instead).
    fails: privatePlan(['access.peerings', [{ from: 'vnet-a', to: 'vnet-b' }]], ['clients.1.intent', 'mustNotReach']),
    path: 'access.peerings.0',
    passes: privatePlan(),
  },
  'PGN-140': {
    // The server VNet has a gateway of its own (site "office") and also uses vnet-b's, which has none.
    fails: privatePlan(['access.peerings.0.useRemoteGateways', true]),
    path: 'access.peerings.0.useRemoteGateways',
    // The office connects through a gateway in vnet-b, which vnet-a uses with gateway transit offered back.
    passes: privatePlan(
      ['access.onPremises.0.gatewayVnet', 'vnet-b'],
      ['access.peerings.0.useRemoteGateways', true],
      ['access.peerings.1.allowGatewayTransit', true],
    ),
  },
  'PGN-141': {
    // A route table naming a subnet vnet-a doesn't have.
    fails: privatePlan([
      'access.routeTables',
      [{ name: 'rt-a', vnet: 'vnet-a', subnets: ['snet-missing'], routes: [] }],
    ]),
    path: 'access.routeTables.0.subnets.0',
    passes: privatePlan([
      'access.routeTables',
      [
        {
          name: 'rt-a',
          vnet: 'vnet-a',
          subnets: ['snet-app'],
          routes: [{ name: 'to-b', prefix: '10.1.0.0/16', nextHop: 'VirtualNetworkGateway' }],
        },
      ],
    ]),
  },
  'PGN-143': {
    fails: privatePlan([
      'access.routeTables',
      [
        {
          name: 'rt-pg',
          vnet: 'vnet-a',
          subnets: ['snet-postgres'],
          routes: [{ name: 'all', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance', nextHopIp: '10.1.0.4' }],
        },
      ],
    ]),
    path: 'access.routeTables.0.routes.0',
    passes: privatePlan([
      'access.routeTables',
      [
        {
          name: 'rt-pg',
          vnet: 'vnet-a',
          subnets: ['snet-postgres'],
          routes: [
            { name: 'all', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance', nextHopIp: '10.1.0.4' },
            { name: 'entra', prefix: 'AzureActiveDirectory', nextHop: 'Internet' },
            { name: 'own', prefix: '10.0.0.0/28', nextHop: 'VnetLocal' },
          ],
        },
      ],
    ]),
  },
  'PGN-142': {
    fails: privatePlan(['access.vnet.dns', { kind: 'custom', servers: ['10.0.0.4'], forwardsToAzureDns: true }]),
    path: 'access.vnet.dns.servers.0',
    passes: privatePlan(['access.vnet.dns', { kind: 'custom', servers: ['168.63.129.16'], forwardsToAzureDns: false }]),
  },
  'PGN-201': {
    fails: publicPlan(['access.firewallRules', []]),
    path: 'access.firewallRules',
    passes: publicPlan(['access.firewallRules', []], ['access.allowAzureServices', true]),
  },
  'PGN-202': {
    fails: publicPlan(['access.firewallRules.0.startIp', '2001:db8::1']),
    path: 'access.firewallRules.0.startIp',
    passes: publicPlan(),
  },
  'PGN-203': {
    fails: publicPlan(['access.firewallRules.0.endIp', '203.0.113.015']),
    path: 'access.firewallRules.0.endIp',
    passes: publicPlan(),
  },
  'PGN-204': {
    fails: publicPlan(['access.firewallRules.0.startIp', '203.0.113.20']),
    path: 'access.firewallRules.0.startIp',
    passes: publicPlan(),
  },
  'PGN-205': {
    fails: publicPlan(['access.allowAzureServices', true]),
    path: 'access.allowAzureServices',
    passes: publicPlan(),
  },
  'PGN-206': {
    fails: publicPlan(['access.firewallRules.0', { name: 'all', startIp: '0.0.0.0', endIp: '255.255.255.255' }]),
    path: 'access.firewallRules.0',
    passes: publicPlan(),
  },
  'PGN-207': {
    fails: publicPlan(['access.firewallRules.0.name', 'office-']),
    path: 'access.firewallRules.0.name',
    passes: publicPlan(),
  },
  'PGN-208': {
    fails: publicPlan(['access.firewallRules.1', { name: 'Office', startIp: '198.51.100.1', endIp: '198.51.100.1' }]),
    path: 'access.firewallRules.1.name',
    passes: publicPlan([
      'access.firewallRules.1',
      { name: 'office-2', startIp: '198.51.100.1', endIp: '198.51.100.1' },
    ]),
  },
  'PGN-209': {
    fails: publicPlan(['access.firewallRules.1', { name: 'office-pc', startIp: '203.0.113.5', endIp: '203.0.113.5' }]),
    path: 'access.firewallRules.1',
    passes: publicPlan([
      'access.firewallRules.1',
      { name: 'office-next', startIp: '203.0.113.16', endIp: '203.0.113.31' },
    ]),
  },
  'PGN-210': {
    fails: publicPlan(['access.firewallRules.0', { name: 'lan', startIp: '192.168.1.0', endIp: '192.168.1.255' }]),
    path: 'access.firewallRules.0',
    passes: publicPlan(),
  },
  'PGN-211': { fails: publicPlan(), path: 'access.firewallRules', passes: privatePlan() },
  'PGN-212': { fails: publicPlan(['clients.0.dynamicIp', true]), path: 'clients.0.dynamicIp', passes: publicPlan() },
  'PGN-213': { fails: publicPlan(), path: 'access.mode', passes: privatePlan() },
  'PGN-220': { fails: publicPePlan(), path: 'access.privateEndpoints', passes: publicPlan() },
  'PGN-221': {
    fails: publicPePlan(['access.privateEndpoints.0.subnet', 'snet-dns-in']),
    path: 'access.privateEndpoints.0.subnet',
    // The first address Azure leaves usable.
    passes: publicPePlan(['access.privateEndpoints.0.privateIp', '10.0.1.4']),
  },
  'PGN-222': {
    fails: publicPePlan(['access.peeredVnets.1.dns', { kind: 'azure' }]),
    path: 'access.peeredVnets.1.zoneLink',
    passes: publicPePlan(['access.peeredVnets.1.dns', { kind: 'azure' }], ['access.peeredVnets.1.zoneLink', true]),
  },
  'PGN-223': {
    fails: publicPePlan(['access.onPremises.0.forwardedZone', 'privatelink.postgres.database.azure.com']),
    path: 'access.onPremises.0.forwardedZone',
    passes: publicPePlan(['access.onPremises.0.forwardedZone', 'Postgres.Database.Azure.com.']),
  },
  'PGN-224': {
    fails: publicPePlan(['access.publicNetworkAccess', false]),
    path: 'access.firewallRules',
    passes: publicPePlan(['access.publicNetworkAccess', false], ['access.firewallRules', []]),
  },
  'PGN-225': {
    fails: publicPePlan(['access.peeredVnets.0.subnets.0.privateEndpointNetworkPolicies', 'RouteTableEnabled']),
    path: 'access.peeredVnets.0.subnets.0.privateEndpointNetworkPolicies',
    passes: publicPePlan(['access.peeredVnets.0.subnets.0.privateEndpointNetworkPolicies', 'Disabled']),
  },
  'PGN-226': {
    fails: publicPePlan(['access.privateEndpoints.1', { name: 'pe-pg-spoke', vnet: 'vnet-spoke', subnet: 'snet-app' }]),
    path: 'access.privateEndpoints.1',
    passes: publicPePlan(
      ['servers.1', { name: 'pg-test-2', region: 'westeurope' }],
      ['access.privateEndpoints.1', { name: 'pe-pg-2', server: 'pg-test-2', vnet: 'vnet-spoke', subnet: 'snet-app' }],
    ),
  },
};
