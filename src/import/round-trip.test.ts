/**
 * Round trip: every example plan (and each private one again, reusing a VNet, subnet and zone that exist), exported
 * as ARM, "deployed" (the template evaluated into what Azure's GET returns, testing/deployed.ts) and imported, gives
 * the plan back, resource IDs aside. What a deployment can't give back, or gives back more precisely than the plan
 * said it, is written out below (`expectedImport`, `comparable`), one comment per difference.
 */
import { describe, expect, it } from 'vitest';
import { POSTGRES_DELEGATION_SERVICE } from '../domain/azure';
import type { OnPremises, PeeredVnet, Plan, Subnet, Vnet } from '../domain/plan';
import { idKey } from './arm-id';
import { T } from './arm-types';
import { importDeployedValue } from './import';
import { ADDED_SUBNETS, deployedBundle, deployedCases } from './testing/deployed';
import type { ArmResource, InventoryBundle } from './types';

const byName = <T extends { name: string }>(list: readonly T[]): T[] =>
  [...list].sort((a, b) => a.name.localeCompare(b.name));

/** The resource of a type in the bundle (the first). */
function resourceOf(bundle: InventoryBundle, type: string): ArmResource {
  const found = bundle.resources.flat().find((r) => r.type === type);
  if (found === undefined) throw new Error(`no ${type} in the bundle`);
  return found;
}

/** The plan as the import of its deployment gives it back. */
function expectedImport(plan: Plan, bundle: InventoryBundle): Plan {
  const { subscription, resourceGroup } = bundle.scope;
  const sub = (s: string) => (s === '' ? subscription : s);
  const rg = (g: string) => (g === '' ? resourceGroup : g);
  const server = plan.servers[0];
  if (server === undefined) throw new Error('no server');
  const deployedServer = resourceOf(bundle, 'Microsoft.DBforPostgreSQL/flexibleServers').properties ?? {};
  const ha = deployedServer.highAvailability as { standbyAvailabilityZone?: string };
  const expected: Plan = {
    ...plan,
    // The plan's title isn't deployed: the import names the plan after the server.
    name: `Deployed: ${server.name}`,
    servers: [
      {
        ...server,
        // An empty subscription or resource group is the deployment's own: the import names it.
        subscription: sub(server.subscription),
        resourceGroup: rg(server.resourceGroup),
        // Azure picks the zones a plan leaves open; the import reads the ones it picked.
        availabilityZone: deployedServer.availabilityZone as Plan['servers'][number]['availabilityZone'],
        standbyAvailabilityZone:
          server.highAvailability === 'ZoneRedundant'
            ? (ha.standbyAvailabilityZone as Plan['servers'][number]['standbyAvailabilityZone'])
            : '',
      },
      ...plan.servers.slice(1),
    ],
    // Clients are not deployed resources.
    clients: [],
  };
  /** A site's gateway VNet: '' is the server VNet, which the import names. */
  const site = ({ forwardedZone: _zone, ...s }: OnPremises, serverVnet: string): OnPremises => ({
    ...s,
    gatewayVnet: s.gatewayVnet === '' ? serverVnet : s.gatewayVnet,
    // ExpressRoute learns the site's ranges over BGP: no resource in Azure holds them.
    addressRanges: s.connection === 'expressRoute' ? [] : s.addressRanges,
    // Whether on-premises DNS forwards to Azure, and which zone, is configured on premises, not in Azure.
    dnsForwarder: false,
  });
  /** The service the deployed subnet is delegated to, if any (with the VNet's name, in the bundle's VNets). */
  const deployedDelegation = (vnet: string, subnet: string): string | undefined => {
    const v = bundle.resources.flat().find((r) => r.type === T.vnet && r.name === vnet);
    const s = ((v?.properties?.subnets ?? []) as ArmResource[]).find((x) => x.name === subnet);
    const d = (s?.properties?.delegations ?? []) as ArmResource[];
    return d[0]?.properties?.serviceName as string | undefined;
  };
  /** The subnet holding a DNS resolver's inbound endpoint is delegated to resolvers: the import reads that. */
  const subnets = (vnet: string, list: readonly Subnet[]): Subnet[] =>
    list.map((x) => {
      const delegation = x.delegation ?? deployedDelegation(vnet, x.name);
      return delegation === undefined ? x : { ...x, delegation };
    });
  const vnets = (list: readonly PeeredVnet[]) =>
    list.map((p) => ({
      ...p,
      subscription: sub(p.subscription),
      resourceGroup: rg(p.resourceGroup),
      subnets: subnets(p.name, p.subnets),
    }));
  if (plan.access.mode !== 'private') {
    const a = plan.access;
    return {
      ...expected,
      access: {
        ...a,
        peeredVnets: vnets(a.peeredVnets),
        onPremises: a.onPremises.map((s) => site(s, '')),
        // The zone exists once deployed; an empty group or subscription is the deployment's.
        privateDnsZone:
          a.privateDnsZone === null
            ? null
            : {
                ...a.privateDnsZone,
                existing: true,
                subscription: sub(a.privateDnsZone.subscription),
                resourceGroup: rg(a.privateDnsZone.resourceGroup),
              },
        privateEndpoints: a.privateEndpoints.map((e) => ({ ...e, resourceGroup: rg(e.resourceGroup) })),
      },
    };
  }
  const a = plan.access;
  const vnetGroup = rg(a.vnet.resourceGroup);
  return {
    ...expected,
    access: {
      ...a,
      // Everything imported is existing (it is deployed), the server VNet's resource group named.
      vnet: { ...a.vnet, existing: true, resourceGroup: vnetGroup, subnets: subnets(a.vnet.name, a.vnet.subnets) },
      // The deployment delegated the subnet to flexible servers: the import reads that delegation.
      delegatedSubnet: {
        ...a.delegatedSubnet,
        existing: true,
        existingDelegation: POSTGRES_DELEGATION_SERVICE,
        nsg: a.delegatedSubnet.nsg === null ? null : { ...a.delegatedSubnet.nsg, existing: true },
      },
      privateDnsZone:
        a.privateDnsZone === null
          ? null
          : {
              ...a.privateDnsZone,
              existing: true,
              subscription: sub(a.privateDnsZone.subscription),
              // An empty group is the server VNet's (src/deploy/world.ts).
              resourceGroup: a.privateDnsZone.resourceGroup || vnetGroup,
            },
      peeredVnets: vnets(a.peeredVnets),
      onPremises: a.onPremises.map((s) => site(s, a.vnet.name)),
      routeTables: a.routeTables.map((t) => ({ ...t, existing: true })),
    },
  };
}

/**
 * Lists whose order the deployment doesn't keep, sorted (the import reads VNets in the order of the peering graph);
 * subnets that Azure needs but the plan didn't list, left out when the plan didn't have them.
 */
function comparable(plan: Plan, planned: Plan): Plan {
  if (plan.access.mode !== 'private' || planned.access.mode !== 'private') return plan;
  const p = planned.access;
  const listed = (vnet: string): Set<string> => {
    const v: Vnet | PeeredVnet | undefined = p.vnet.name === vnet ? p.vnet : p.peeredVnets.find((x) => x.name === vnet);
    return new Set((v?.subnets ?? []).map((s) => s.name));
  };
  const added = new Set<string>(Object.values(ADDED_SUBNETS));
  const subnets = (vnet: string, list: readonly Subnet[]) =>
    list.filter((s) => !added.has(s.name) || listed(vnet).has(s.name));
  const a = plan.access;
  return {
    ...plan,
    access: {
      ...a,
      vnet: { ...a.vnet, subnets: subnets(a.vnet.name, a.vnet.subnets) },
      peeredVnets: byName(a.peeredVnets.map((v) => ({ ...v, subnets: subnets(v.name, v.subnets) }))),
      peerings: [...a.peerings].sort((x, y) => `${x.from} ${x.to}`.localeCompare(`${y.from} ${y.to}`)),
      routeTables: byName(a.routeTables),
      onPremises: byName(a.onPremises),
    },
  };
}

describe('round trip: plan → ARM export → deployed → import', () => {
  for (const { name, plan } of deployedCases())
    it(`${name}: the same plan comes back`, () => {
      const bundle = deployedBundle(plan);
      const imported = importDeployedValue(JSON.parse(JSON.stringify(bundle)));
      if (!imported.ok) throw new Error(imported.message);
      expect(imported.source).toBe('bundle');
      expect(imported.skipped).toEqual([]);
      expect(comparable(imported.plan, plan)).toEqual(comparable(expectedImport(plan, bundle), plan));
      // IDs aside, but each one the import names is a resource of the deployment.
      const ids = new Set(
        bundle.resources.flat().flatMap((r) => [
          idKey(r.id),
          ...['subnets', 'virtualNetworkPeerings'].flatMap((k) => {
            const children = r.properties?.[k];
            return Array.isArray(children) ? children.map((c) => idKey((c as { id: string }).id)) : [];
          }),
        ]),
      );
      for (const [path, id] of Object.entries(imported.resourceIds))
        expect([path, ids.has(idKey(id))]).toEqual([path, true]);
    });
});
