/**
 * Generated plans for the dry run's property test: private access with a new or existing VNet and subnet (with or
 * without an NSG), a zone that may exist or live in another subscription and group, a hub (with a firewall) and a
 * spoke with peerings with the server VNet in either or both directions, the hub and the spoke peered with each other
 * or not, gateway transit through the hub (or a gateway in the server VNet), custom DNS in the hub, route tables
 * that send traffic between the spokes to the hub's firewall (on the delegated subnet, another subnet of the server
 * VNet and a subnet of the spoke), several servers in their resource groups; or public access with servers in several
 * regions.
 */
import fc from 'fast-check';
import { exampleDocument } from '../../domain/testing/examples';
import type { PlanInput } from '../../domain/plan';

/** The hub-and-spoke example's NSG rules (for the delegated subnet 10.20.0.0/28). */
const exampleNsgRules = (): unknown => {
  const doc = exampleDocument('hub-and-spoke') as { access: { delegatedSubnet: { nsg: { rules: unknown } } } };
  return doc.access.delegatedSubnet.nsg.rules;
};

const group = fc.constantFrom('', 'rg-data', 'rg-network', 'rg-dns');
const otherSubscription = fc.constantFrom(
  '',
  '7c1d2a4e-0b6f-4c55-9d1e-2f3a4b5c6d7e',
  'ab12cd34-5678-4e90-8abc-def012345678',
);
const region = fc.constantFrom('westeurope', 'northeurope', 'eastus2');

const peered = (name: string, prefix: string) =>
  fc.record({
    name: fc.constant(name),
    region,
    resourceGroup: group,
    subscription: otherSubscription,
    addressSpaces: fc.constant([prefix]),
    /** Peered from the server VNet, and towards it. */
    from: fc.boolean(),
    to: fc.boolean(),
    zoneLink: fc.boolean(),
  });

const FIREWALL_IP = '10.0.1.4';

const privatePlan: fc.Arbitrary<PlanInput> = fc
  .record({
    serverCount: fc.integer({ min: 1, max: 3 }),
    serverGroups: fc.array(group, { minLength: 3, maxLength: 3 }),
    subscription: fc.constantFrom('', 'contoso-prod', 'c0ffee00-1234-4abc-8def-0123456789ab'),
    ha: fc.constantFrom('Disabled', 'ZoneRedundant', 'SameZone'),
    region,
    vnetGroup: group,
    vnetExisting: fc.boolean(),
    subnetExisting: fc.boolean(),
    existingDelegation: fc.boolean(),
    nsg: fc.boolean(),
    nsgExisting: fc.boolean(),
    dns: fc.constantFrom('azure', 'hub', 'azure-ip'),
    zoneExisting: fc.boolean(),
    zoneGroup: group,
    zoneSubscription: otherSubscription,
    hub: fc.option(peered('vnet-hub', '10.0.0.0/16'), { nil: null }),
    spoke: fc.option(peered('vnet-spoke', '10.30.0.0/16'), { nil: null }),
    gateway: fc.constantFrom('none', 'hub', 'server'),
    /** The hub and the spoke peered with each other (both ways), and the spoke using the hub's gateway then. */
    hubSpoke: fc.boolean(),
    routes: fc.boolean(),
    /** The route tables deployed already: referenced by the exports, not written. */
    routesExisting: fc.boolean(),
  })
  .map((g): PlanInput => {
    const hub = g.hub === null ? null : { ...g.hub, region: g.region };
    const spoke = g.spoke === null ? null : { ...g.spoke, region: g.region };
    const peeredVnets = [hub, spoke]
      .filter((p) => p !== null)
      .map(({ from: _from, to: _to, ...p }) => ({
        ...p,
        addressSpaces: [...p.addressSpaces],
        dns: { kind: 'azure' as const },
        subnets:
          p.name === 'vnet-hub'
            ? [{ name: 'AzureFirewallSubnet', prefix: '10.0.1.0/26' }]
            : [{ name: 'snet-spoke-app', prefix: '10.30.1.0/24' }],
        appliance:
          p.name === 'vnet-hub' ? { kind: 'azureFirewall' as const, name: 'afw-hub', privateIp: FIREWALL_IP } : null,
      }));
    const subnetExisting = g.vnetExisting && g.subnetExisting;
    // Format 1's meaning of a VNet holding the site's gateway (v1-to-v2): the hub offers transit, its peers use it.
    const hubGateway = g.gateway === 'hub' && hub !== null;
    const peerings: NonNullable<Extract<PlanInput['access'], { mode: 'private' }>['peerings']> = [];
    for (const p of [hub, spoke]) {
      if (p === null) continue;
      const transit = hubGateway && p.name === 'vnet-hub';
      if (p.from)
        peerings.push({ from: 'vnet-data', to: p.name, allowForwardedTraffic: true, useRemoteGateways: transit });
      if (p.to)
        peerings.push({ from: p.name, to: 'vnet-data', allowForwardedTraffic: true, allowGatewayTransit: transit });
    }
    if (g.hubSpoke && hub !== null && spoke !== null) {
      peerings.push(
        { from: 'vnet-spoke', to: 'vnet-hub', allowForwardedTraffic: true, useRemoteGateways: hubGateway },
        { from: 'vnet-hub', to: 'vnet-spoke', allowForwardedTraffic: true, allowGatewayTransit: hubGateway },
      );
    }
    const toFirewall = (name: string, prefix: string) => ({
      name,
      prefix,
      nextHop: 'VirtualAppliance' as const,
      nextHopIp: FIREWALL_IP,
    });
    const routeTables =
      g.routes && hub !== null
        ? [
            {
              name: 'rt-data',
              vnet: 'vnet-data',
              existing: g.routesExisting,
              subnets: ['snet-postgres', 'snet-app'],
              routes: [toFirewall('to-spoke', '10.30.0.0/16')],
            },
            ...(spoke === null
              ? []
              : [
                  {
                    name: 'rt-spoke',
                    vnet: 'vnet-spoke',
                    existing: g.routesExisting,
                    subnets: ['snet-spoke-app'],
                    routes: [toFirewall('to-data', '10.20.0.0/16')],
                  },
                ]),
          ]
        : [];
    return {
      formatVersion: 2,
      name: 'Generated plan',
      servers: Array.from({ length: g.serverCount }, (_, i) => ({
        name: `pg-gen-${i + 1}`,
        region: g.region,
        highAvailability: g.ha as 'Disabled',
        resourceGroup: g.serverGroups[i] ?? '',
        subscription: g.subscription,
      })),
      access: {
        mode: 'private',
        vnet: {
          name: 'vnet-data',
          region: g.region,
          resourceGroup: g.vnetGroup,
          existing: g.vnetExisting,
          addressSpaces: ['10.20.0.0/16'],
          dns:
            g.dns === 'hub' && hub
              ? { kind: 'custom', servers: ['10.0.0.4'], forwardsToAzureDns: true }
              : g.dns === 'azure-ip'
                ? { kind: 'custom', servers: ['168.63.129.16'], forwardsToAzureDns: true }
                : { kind: 'azure' },
          subnets: [{ name: 'snet-app', prefix: '10.20.1.0/24' }],
          zoneLink: true,
        },
        delegatedSubnet: {
          name: 'snet-postgres',
          prefix: '10.20.0.0/28',
          existing: subnetExisting,
          existingDelegation:
            subnetExisting && g.existingDelegation ? 'Microsoft.DBforPostgreSQL/flexibleServers' : null,
          nsg: g.nsg ? ({ name: 'nsg-postgres', rules: exampleNsgRules(), existing: g.nsgExisting } as never) : null,
        },
        privateDnsZone: {
          name: 'contoso-gen.private.postgres.database.azure.com',
          existing: g.zoneExisting,
          resourceGroup: g.zoneGroup,
          subscription: g.zoneSubscription,
        },
        peeredVnets,
        peerings,
        routeTables,
        onPremises:
          g.gateway === 'none' || (g.gateway === 'hub' && !hub)
            ? []
            : [
                {
                  name: 'office',
                  addressRanges: ['192.168.10.0/24'],
                  connection: 'vpn',
                  gatewayVnet: g.gateway === 'hub' ? 'vnet-hub' : '',
                  dnsForwarder: true,
                },
              ],
      },
      clients: [],
    };
  });

const publicPlan: fc.Arbitrary<PlanInput> = fc
  .record({
    regions: fc.array(region, { minLength: 1, maxLength: 3 }),
    groups: fc.array(group, { minLength: 3, maxLength: 3 }),
    allowAzureServices: fc.boolean(),
  })
  .map((g): PlanInput => ({
    formatVersion: 2,
    name: 'Generated public plan',
    servers: g.regions.map((r, i) => ({ name: `pg-pub-${i + 1}`, region: r, resourceGroup: g.groups[i] ?? '' })),
    access: {
      mode: 'public',
      firewallRules: [{ name: 'office', startIp: '203.0.113.0', endIp: '203.0.113.15' }],
      allowAzureServices: g.allowAzureServices,
    },
    clients: [],
  }));

/** Plans in the shapes the dry run's property test needs (valid or not: the rules decide). */
export const generatedPlan: fc.Arbitrary<PlanInput> = fc.oneof(
  { arbitrary: privatePlan, weight: 4 },
  { arbitrary: publicPlan, weight: 1 },
);
