/**
 * Generated plans for the dry run's property test: private access with a new or existing VNet and subnet (with or
 * without an NSG), a zone that may exist or live in another subscription and group, a hub and a spoke with
 * peerings in either or both directions, gateway transit through the hub (or a gateway in the server VNet), custom
 * DNS in the hub, several servers in their resource groups; or public access with servers in several regions.
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
    peering: fc.record({ fromServerVnet: fc.boolean(), toServerVnet: fc.boolean() }),
    zoneLink: fc.boolean(),
  });

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
    dns: fc.constantFrom('azure', 'hub', 'azure-ip'),
    zoneExisting: fc.boolean(),
    zoneGroup: group,
    zoneSubscription: otherSubscription,
    hub: fc.option(peered('vnet-hub', '10.0.0.0/16'), { nil: null }),
    spoke: fc.option(peered('vnet-spoke', '10.30.0.0/16'), { nil: null }),
    gateway: fc.constantFrom('none', 'hub', 'server'),
  })
  .map((g): PlanInput => {
    const peeredVnets = [g.hub, g.spoke]
      .filter((p) => p !== null)
      .map((p) => ({ ...p, addressSpaces: [...p.addressSpaces], region: g.region, dns: { kind: 'azure' as const } }));
    const hub = peeredVnets.find((p) => p.name === 'vnet-hub');
    const subnetExisting = g.vnetExisting && g.subnetExisting;
    return {
      formatVersion: 1,
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
          nsg: g.nsg ? ({ name: 'nsg-postgres', rules: exampleNsgRules() } as never) : null,
        },
        privateDnsZone: {
          name: 'contoso-gen.private.postgres.database.azure.com',
          existing: g.zoneExisting,
          resourceGroup: g.zoneGroup,
          subscription: g.zoneSubscription,
        },
        peeredVnets,
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
    formatVersion: 1,
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
