/**
 * Generated plans for the dry-run reader tests (fast-check): one to three servers in several regions and resource
 * groups, private access with new or existing VNet, subnet and zone, a zone and peered VNets in other
 * subscriptions, an NSG or none, gateway transit through a peered VNet, peerings with the server VNet one way or
 * both, the first two peered VNets peered with each other or not, route tables on the server VNet's subnets and on a
 * peered VNet's; or public access with firewall rules. Every plan goes through the real schema.
 */
import fc from 'fast-check';
import { PlanDocumentSchema, type Plan, type PlanInput } from '../../domain/plan';

const GUIDS = ['11111111-2222-3333-4444-555555555555', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee'] as const;
const subscription = fc.constantFrom('', GUIDS[0], GUIDS[1], 'contoso-prod');
const region = fc.constantFrom('westeurope', 'northeurope', 'swedencentral');
const group = fc.constantFrom('', 'rg-data', 'rg-net', 'rg-hub');

const nsg = {
  name: 'nsg-postgres',
  rules: [
    {
      name: 'allow-subnet-in',
      priority: 100,
      direction: 'Inbound',
      access: 'Allow',
      protocol: 'Tcp',
      sourceAddresses: ['10.0.0.0/28'],
      destinationPorts: ['5432', '6432'],
    },
  ],
};

const servers = fc
  .record({
    count: fc.integer({ min: 1, max: 3 }),
    regions: fc.array(region, { minLength: 3, maxLength: 3 }),
    groups: fc.array(group, { minLength: 3, maxLength: 3 }),
    ha: fc.constantFrom('Disabled', 'SameZone', 'ZoneRedundant'),
    subscription,
  })
  .map(({ count, regions, groups, ha, subscription: sub }) =>
    Array.from({ length: count }, (_, i) => ({
      name: `pg-gen-${i + 1}`,
      region: regions[i] as string,
      resourceGroup: groups[i] as string,
      highAvailability: ha,
      subscription: sub,
    })),
  );

const peered = fc.array(
  fc.record({
    group,
    subscription,
    from: fc.boolean(),
    to: fc.boolean(),
    zoneLink: fc.boolean(),
  }),
  { maxLength: 3 },
);

const privateAccess = fc.record({
  vnetExisting: fc.boolean(),
  vnetGroup: group,
  subnetExisting: fc.boolean(),
  withNsg: fc.boolean(),
  nsgExisting: fc.boolean(),
  zone: fc.option(
    fc.record({ existing: fc.boolean(), resourceGroup: group, subscription }, { requiredKeys: ['existing'] }),
    { nil: null },
  ),
  peered,
  gatewayIn: fc.integer({ min: -1, max: 2 }),
  between: fc.boolean(),
  routes: fc.boolean(),
  routesExisting: fc.boolean(),
});

function privateInput(s: PlanInput['servers'], a: typeof privateAccess extends fc.Arbitrary<infer T> ? T : never) {
  const region0 = (s[0] as { region: string }).region;
  const name = (i: number) => `vnet-p${i + 1}`;
  const peerings: { from: string; to: string; [flag: string]: unknown }[] = [];
  a.peered.forEach((p, i) => {
    // Format 1's meaning of a VNet holding the site's gateway (v1-to-v2): it offers transit, the server VNet uses it.
    const gateway = i === a.gatewayIn;
    if (p.from)
      peerings.push({ from: 'vnet-gen', to: name(i), allowForwardedTraffic: gateway, useRemoteGateways: gateway });
    if (p.to)
      peerings.push({ from: name(i), to: 'vnet-gen', allowForwardedTraffic: gateway, allowGatewayTransit: gateway });
  });
  if (a.between && a.peered.length >= 2) peerings.push({ from: name(0), to: name(1) }, { from: name(1), to: name(0) });
  const route = { name: 'to-elsewhere', prefix: '10.99.0.0/16', nextHop: 'VirtualAppliance', nextHopIp: '10.1.1.4' };
  const routeTables = a.routes
    ? [
        {
          name: 'rt-gen',
          vnet: 'vnet-gen',
          existing: a.routesExisting,
          subnets: ['snet-postgres', 'snet-app'],
          routes: [route],
        },
        ...(a.peered.length > 0
          ? [{ name: 'rt-p1', vnet: name(0), existing: a.routesExisting, subnets: ['snet-p1'], routes: [route] }]
          : []),
      ]
    : [];
  return {
    formatVersion: 2 as const,
    name: 'Generated (private)',
    servers: s,
    access: {
      mode: 'private' as const,
      vnet: {
        name: 'vnet-gen',
        region: region0,
        resourceGroup: a.vnetGroup,
        existing: a.vnetExisting,
        addressSpaces: ['10.0.0.0/16'],
        subnets: [{ name: 'snet-app', prefix: '10.0.1.0/24' }],
        zoneLink: true,
      },
      delegatedSubnet: {
        name: 'snet-postgres',
        prefix: '10.0.0.0/28',
        existing: a.subnetExisting,
        nsg: a.withNsg ? { ...nsg, existing: a.nsgExisting } : null,
      },
      privateDnsZone: a.zone ? { name: 'gen.private.postgres.database.azure.com', ...a.zone } : null,
      peeredVnets: a.peered.map((p, i) => ({
        name: name(i),
        region: region0,
        resourceGroup: p.group,
        subscription: p.subscription,
        addressSpaces: [`10.${i + 1}.0.0/16`],
        subnets: [{ name: `snet-p${i + 1}`, prefix: `10.${i + 1}.1.0/24` }],
        zoneLink: p.zoneLink,
      })),
      peerings,
      routeTables,
      onPremises:
        a.gatewayIn >= 0 && a.gatewayIn < a.peered.length
          ? [
              {
                name: 'office',
                addressRanges: ['192.168.10.0/24'],
                connection: 'vpn' as const,
                gatewayVnet: `vnet-p${a.gatewayIn + 1}`,
              },
            ]
          : [],
    },
  };
}

const publicAccess = fc.record({
  rules: fc.integer({ min: 0, max: 3 }),
  allowAzureServices: fc.boolean(),
});

/** Plans the schema accepts (the rules may still call some invalid: the readers read what is exported anyway). */
export const planArbitrary: fc.Arbitrary<Plan> = fc
  .oneof(
    fc.tuple(servers, privateAccess).map(([s, a]) => privateInput(s, a) as PlanInput),
    fc.tuple(servers, publicAccess).map(([s, p]): PlanInput => ({
      formatVersion: 2,
      name: 'Generated (public)',
      servers: s,
      access: {
        mode: 'public',
        firewallRules: Array.from({ length: p.rules }, (_, i) => ({
          name: `office-${i + 1}`,
          startIp: `203.0.113.${i * 16}`,
          endIp: `203.0.113.${i * 16 + 15}`,
        })),
        allowAzureServices: p.allowAzureServices,
      },
    })),
  )
  .map((input) => PlanDocumentSchema.safeParse(input))
  .filter((r) => r.success)
  .map((r) => r.data);
