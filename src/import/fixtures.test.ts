/**
 * The fixture deployments are what Azure returns: every resource fits Microsoft's ARM schema of its type (read-only
 * keys aside, testing/arm-schema.ts), names and IDs agree, every subscription is a GUID, and what one resource
 * refers to is in the bundle. The broken deployments fail where they say they do.
 */
import { describe, expect, it } from 'vitest';
import { checkClient } from '../checker';
import { idKey } from './arm-id';
import { clientFromAddress } from './client-from-address';
import { importDeployedValue } from './import';
import { liveResourceAt } from './live';
import { schemaProblems } from './testing/arm-schema';
import { APP_ADDRESS, brokenBundles, DNS_VM_IP, hubSpokeBundle } from './testing/bundles';
import { deployedBundle, deployedCases } from './testing/deployed';
import type { ArmResource, InventoryBundle } from './types';

const fixtures: { name: string; bundle: InventoryBundle }[] = [
  { name: 'hub and spoke', bundle: hubSpokeBundle() },
  ...brokenBundles().map((b) => ({ name: `broken: ${b.name}`, bundle: b.bundle })),
  ...deployedCases().map(({ name, plan }) => ({ name: `deployed: ${name}`, bundle: deployedBundle(plan) })),
];

const resourcesOf = (bundle: InventoryBundle): ArmResource[] => bundle.resources.flat();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Every object a resource declares with its ID, itself included (nested subnets, rules, IP configurations, …); not
 * references (an object with an `id` alone).
 */
function withIds(value: unknown, out: { id: string; name?: unknown }[] = []): { id: string; name?: unknown }[] {
  if (Array.isArray(value)) for (const v of value) withIds(v, out);
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string' && Object.keys(o).length > 1) out.push({ id: o.id, name: o.name });
    for (const v of Object.values(o)) withIds(v, out);
  }
  return out;
}

/** Resource IDs a resource refers to: `{ "id": … }` objects without a name, and `…ResourceId` strings. */
function references(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) references(v, out);
  else if (typeof value === 'object' && value !== null) {
    const o = value as Record<string, unknown>;
    if (typeof o.id === 'string' && Object.keys(o).length === 1) out.push(o.id);
    for (const [k, v] of Object.entries(o)) {
      if (typeof v === 'string' && /ResourceId$/.test(k)) out.push(v);
      else references(v, out);
    }
  }
  return out;
}

/** Resources the inventory does not collect, which a bundle may refer to (a VM's network interface). */
const NOT_COLLECTED = /\/providers\/Microsoft\.Network\/networkInterfaces\//;

describe('fixture bundles fit the ARM schemas of their types', () => {
  for (const { name, bundle } of fixtures)
    it(name, () => {
      const problems = resourcesOf(bundle).flatMap(schemaProblems);
      expect(problems).toEqual([]);
      expect(resourcesOf(bundle).length).toBeGreaterThan(3);
    });
});

describe('the schema check fails on what Azure never returns', () => {
  const vnet = resourcesOf(hubSpokeBundle()).find((r) => r.type === 'Microsoft.Network/virtualNetworks');
  if (vnet === undefined) throw new Error('the fixture changed');
  const withSubnet = (change: Record<string, unknown>): ArmResource => {
    const subnets = vnet.properties?.subnets as { properties: Record<string, unknown> }[];
    const [first, ...rest] = subnets;
    return {
      ...vnet,
      properties: {
        ...vnet.properties,
        subnets: [{ ...first, properties: { ...first?.properties, ...change } }, ...rest],
      },
    };
  };

  it('lets read-only keys through: IDs, provisioning states, peering states, default NSG rules', () => {
    expect(schemaProblems(vnet)).toEqual([]);
    expect(schemaProblems(withSubnet({ provisioningState: 'Updating', purpose: '' }))).toEqual([]);
  });

  it('a key the type does not have, or one in the wrong place', () => {
    expect(schemaProblems(withSubnet({ adressPrefix: '10.0.0.0/24' })).join('\n')).toContain('(adressPrefix)');
    expect(schemaProblems(withSubnet({ peeringState: 'Connected' })).join('\n')).toContain('(peeringState)');
    expect(schemaProblems({ ...vnet, sku: { name: 'Standard' } }).join('\n')).toContain('(sku)');
  });

  it('a value of the wrong type or outside its allowed values, a missing required key, an unknown type', () => {
    expect(
      schemaProblems({ ...vnet, properties: { ...vnet.properties, addressSpace: { addressPrefixes: '10.0.0.0/8' } } }),
    ).not.toEqual([]);
    const nsg = resourcesOf(hubSpokeBundle()).find((r) => r.type === 'Microsoft.Network/networkSecurityGroups');
    if (nsg === undefined) throw new Error('the fixture changed');
    const rules = nsg.properties?.securityRules as { properties: Record<string, unknown> }[];
    const badRule = { ...rules[0], properties: { ...rules[0]?.properties, access: 'Permit' } };
    expect(schemaProblems({ ...nsg, properties: { ...nsg.properties, securityRules: [badRule] } })).not.toEqual([]);
    const { properties: _dropped, ...bare } = vnet;
    expect(schemaProblems(bare as ArmResource).join('\n')).toContain("must have required property 'properties'");
    expect(schemaProblems({ ...vnet, type: 'Microsoft.Network/virtualNetworkz' })).toEqual([
      'Microsoft.Network/virtualNetworkz: no schema for this type',
    ]);
  });
});

describe('fixture bundles are consistent', () => {
  for (const { name, bundle } of fixtures)
    it(name, () => {
      const everything = resourcesOf(bundle).flatMap((r) => withIds(r));
      const known = new Set(everything.map((x) => idKey(x.id)));
      for (const { id, name: n } of everything) {
        // Every ID is in a subscription named by a GUID, and a named object's name is its ID's last segment.
        expect([id, GUID.test(id.split('/')[2] ?? '')]).toEqual([id, true]);
        if (typeof n === 'string') expect([id, id.split('/').at(-1)]).toEqual([id, n]);
      }
      expect(new Set(resourcesOf(bundle).map((r) => idKey(r.id))).size).toBe(resourcesOf(bundle).length);
      // What a resource refers to is in the bundle, unless the inventory doesn't collect it.
      const dangling = resourcesOf(bundle)
        .flatMap((r) => references(r.properties))
        .filter((id) => !known.has(idKey(id)) && !NOT_COLLECTED.test(id));
      expect(dangling).toEqual([]);
      expect(bundle.scope.subscription).toMatch(GUID);
    });
});

describe('the broken deployments fail at the hop they name; the working one does not fail', () => {
  const failingHop = (bundle: InventoryBundle, address: string) => {
    const imported = importDeployedValue(bundle);
    if (!imported.ok) throw new Error(imported.message);
    const found = clientFromAddress(imported.plan, address);
    if (!found.ok) throw new Error(found.message);
    const plan = { ...imported.plan, clients: [...imported.plan.clients, found.client] };
    const check = checkClient(plan, found.client.name);
    if (check === null) throw new Error('no check');
    const hop = check.hops.find((h) => h.status === 'fail');
    return { check, hop, live: hop?.path === undefined ? undefined : liveResourceAt(imported.resourceIds, hop.path) };
  };

  it('hub and spoke: the application reaches the server', () => {
    const { check, hop } = failingHop(hubSpokeBundle(), APP_ADDRESS);
    expect(hop).toBeUndefined();
    expect(check.verdict).not.toBe('unreachable');
  });

  it("the custom DNS server is a VM's address in the hub, in a subnet of its own, not a resolver's", () => {
    const resources = resourcesOf((brokenBundles()[2] as { bundle: InventoryBundle }).bundle);
    const app = resources.find((r) => r.name === 'vnet-app');
    expect(app?.properties?.dhcpOptions).toEqual({ dnsServers: [DNS_VM_IP] });
    const endpoints = resources.filter((r) => r.type === 'Microsoft.Network/dnsResolvers/inboundEndpoints');
    expect(JSON.stringify(endpoints)).not.toContain(`"${DNS_VM_IP}"`);
    const hubSubnets = resources.find((r) => r.name === 'vnet-hub')?.properties?.subnets as {
      name: string;
      properties: Record<string, unknown>;
    }[];
    const holder = hubSubnets.find((s) => s.name === 'snet-dns');
    expect(holder?.properties.addressPrefix).toBe('10.0.3.0/24');
    expect(holder?.properties.delegations).toBeUndefined();
    expect(holder?.properties.ipConfigurations).toEqual([{ id: expect.stringMatching(/\/networkInterfaces\//) }]);
  });

  for (const broken of brokenBundles())
    it(broken.name, () => {
      const { check, hop, live } = failingHop(broken.bundle, broken.client);
      expect(check.verdict).toBe('unreachable');
      expect({ kind: hop?.kind, ruleId: hop?.ruleId, resourceId: live }).toEqual(broken.hop);
      expect(`${hop?.title ?? ''}: ${hop?.detail ?? ''}`).toMatch(broken.failingHop);
      expect(hop?.fix).toBeTruthy();
    });
});
