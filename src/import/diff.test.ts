import { describe, expect, it } from 'vitest';
import { setIn } from '../domain/paths';
import { newPublicAccess } from '../domain/new-plan';
import type { Plan } from '../domain/plan';
import { examplePlan } from '../domain/testing/examples';
import { diffPlans, type PlanDifference } from './diff';
import { importDeployedValue } from './import';
import { brokenBundles, hubSpokeBundle, type BrokenBundle } from './testing/bundles';
import type { InventoryBundle } from './types';

const deployed = (bundle: InventoryBundle = hubSpokeBundle()): Plan => {
  const r = importDeployedValue(bundle);
  if (!r.ok) throw new Error(r.message);
  return r.plan;
};
const broken = (i: number): Plan => deployed((brokenBundles()[i] as BrokenBundle).bundle);

/** Path, kind and what of each difference, for tests that look at the list as a whole. */
const brief = (list: readonly PlanDifference[]) => list.map((d) => `${d.kind} ${d.path}: ${d.what}`);

/** Applies `edits` (path → value) to `plan`. */
const edit = (plan: Plan, edits: Record<string, unknown>): Plan =>
  Object.entries(edits).reduce((p, [path, value]) => setIn(p, path, value), plan);

describe('diffPlans', () => {
  it('finds nothing between a deployment and itself, names in another case included', () => {
    const plan = deployed();
    expect(diffPlans(plan, plan)).toEqual([]);
    const shouting = edit(plan, {
      'access.peeredVnets.0.name': 'VNET-HUB',
      'access.peerings.0.to': 'VNET-HUB',
      'access.vnet.name': 'Vnet-Orders-Data',
      'access.delegatedSubnet.nsg.rules.0.name': 'ALLOW-APP',
      'access.routeTables.0.subnets': ['SNET-POSTGRES'],
      'servers.0.name': 'PG-ORDERS',
    });
    expect(diffPlans(shouting, plan)).toEqual([]);
  });

  it('an NSG rule deployed but not planned is extra; one planned but not deployed is missing', () => {
    const planned = deployed();
    expect(diffPlans(planned, broken(1))).toEqual([
      {
        path: 'access.delegatedSubnet.nsg.rules',
        kind: 'extra',
        what: 'NSG nsg-postgres rule deny-app',
        planned: '(not in the plan)',
        deployed: 'Deny Inbound Tcp priority 200 from 10.30.1.0/24:* to *:5432',
        notInPlace: null,
      },
    ]);
    expect(diffPlans(broken(1), planned)).toEqual([
      expect.objectContaining({
        path: 'access.delegatedSubnet.nsg.rules.0',
        kind: 'missing',
        deployed: '(not deployed)',
      }),
    ]);
    const changed = setIn(planned, 'access.delegatedSubnet.nsg.rules.0.priority', 150);
    expect(diffPlans(changed, planned)).toEqual([
      {
        path: 'access.delegatedSubnet.nsg.rules.0',
        kind: 'changed',
        what: 'NSG nsg-postgres rule allow-app',
        planned: 'Allow Inbound Tcp priority 150 from 10.30.0.0/16:* to *:5432',
        deployed: 'Allow Inbound Tcp priority 300 from 10.30.0.0/16:* to *:5432',
        notInPlace: null,
      },
    ]);
  });

  it('the other two broken deployments: Azure DNS where the hub resolver was, a server that does not forward', () => {
    const planned = deployed();
    // vnet-app is not linked to the zone in either: it resolved through the hub's resolver, linked there.
    expect(diffPlans(planned, broken(0))).toEqual([
      {
        path: 'access.peeredVnets.1.dns',
        kind: 'changed',
        what: 'VNet vnet-app DNS servers',
        planned: 'custom DNS 10.0.2.4 (forwarding to 168.63.129.16)',
        deployed: 'Azure-provided DNS',
        notInPlace: null,
      },
    ]);
    expect(diffPlans(planned, broken(2))).toEqual([
      expect.objectContaining({
        path: 'access.peeredVnets.1.dns',
        what: 'VNet vnet-app DNS servers',
        planned: 'custom DNS 10.0.2.4 (forwarding to 168.63.129.16)',
        deployed: expect.stringMatching(/^custom DNS [\d.]+ \(not forwarding to 168\.63\.129\.16\)$/) as unknown,
        notInPlace: null,
      }),
    ]);
  });

  it("marks what Azure can't change in place, each with its source", () => {
    const plan = deployed();
    const notInPlace = (edits: Record<string, unknown>) =>
      diffPlans(edit(plan, edits), plan).map((d) => [d.path, d.notInPlace]);
    expect(notInPlace({ 'access.delegatedSubnet.prefix': '10.20.0.0/27' })).toEqual([
      ['access.delegatedSubnet.prefix', expect.stringContaining("size can't change while the server is in it")],
    ]);
    expect(notInPlace({ 'access.vnet.name': 'vnet-other' })).toEqual([
      ['access.vnet.name', expect.stringContaining('cannot move to another VNet or subnet')],
    ]);
    expect(notInPlace({ 'access.delegatedSubnet.name': 'snet-pg' })).toEqual([
      ['access.delegatedSubnet.name', expect.stringContaining('cannot move to another VNet or subnet')],
    ]);
    expect(notInPlace({ 'access.vnet.resourceGroup': 'rg-network' })).toEqual([
      ['access.vnet.resourceGroup', expect.stringContaining("can't move to another resource group")],
    ]);
    expect(notInPlace({ 'servers.0.region': 'northeurope' })).toEqual([
      ['servers.0.region', expect.stringContaining('stays in the region it was created in')],
    ]);
    expect(notInPlace({ 'servers.0.availabilityZone': '3' })).toEqual([
      ['servers.0.availabilityZone', expect.stringContaining('set when it is created')],
    ]);
    // An older major version can't be had in place; a newer one can.
    expect(notInPlace({ 'servers.0.version': '15' })).toEqual([
      ['servers.0.version', expect.stringContaining('never down')],
    ]);
    expect(notInPlace({ 'servers.0.version': '17' })).toEqual([['servers.0.version', null]]);
    // The deployed server has high availability: its zone can't be changed.
    expect(notInPlace({ 'access.privateDnsZone.name': 'other.postgres.database.azure.com' })).toEqual([
      ['access.privateDnsZone.name', expect.stringContaining('with high availability')],
    ]);
    const withoutHa = setIn(plan, 'servers.0.highAvailability', 'Disabled');
    const zoneMoved = edit(withoutHa, { 'access.privateDnsZone.name': 'other.postgres.database.azure.com' });
    expect(diffPlans(zoneMoved, withoutHa).map((d) => d.notInPlace)).toEqual([null]);
    const publicPlan: Plan = { ...plan, access: newPublicAccess() };
    expect(diffPlans(publicPlan, plan)).toEqual([
      expect.objectContaining({ path: 'access.mode', planned: 'public', deployed: 'private' }),
    ]);
    expect(diffPlans(publicPlan, plan)[0]?.notInPlace).toMatch(/networking mode can't change/);
    const all = [
      ...diffPlans(edit(plan, { 'access.delegatedSubnet.prefix': '10.20.0.0/27', 'servers.0.region': 'x' }), plan),
      ...diffPlans(edit(plan, { 'servers.0.availabilityZone': '3', 'servers.0.version': '15' }), plan),
      ...diffPlans(
        edit(plan, { 'access.vnet.resourceGroup': 'rg-x', 'access.vnet.subnets.0.prefix': '10.20.2.0/24' }),
        plan,
      ),
      ...diffPlans(publicPlan, plan),
    ];
    expect(all).toHaveLength(7);
    for (const d of all) expect(d.notInPlace).toMatch(/azure-facts\.md §1\.\d|azurerm|D-mvu/);
  });

  it('a zone the plan leaves to Azure is no difference; a planned standby zone is one Azure can change', () => {
    const plan = deployed();
    expect(diffPlans(setIn(plan, 'servers.0.availabilityZone', ''), plan)).toEqual([]);
    expect(diffPlans(setIn(plan, 'servers.0.standbyAvailabilityZone', '3'), plan)).toEqual([
      {
        path: 'servers.0.standbyAvailabilityZone',
        kind: 'changed',
        what: 'Server pg-orders standby zone',
        planned: 'zone 3',
        deployed: 'zone 2',
        notInPlace: null,
      },
    ]);
  });

  it('a missing zone link, a peering flag and a route are changes the next window can make', () => {
    const plan = deployed();
    const planned = edit(plan, {
      'access.peeredVnets.1.zoneLink': true,
      'access.peerings.2.allowForwardedTraffic': false,
      'access.routeTables.1.routes.0.nextHopIp': '10.0.1.5',
    });
    expect(diffPlans(planned, plan).map((d) => [d.path, d.what, d.planned, d.deployed, d.notInPlace])).toEqual([
      ['access.peeredVnets.1.zoneLink', 'Zone link of VNet vnet-app', 'linked', 'not linked', null],
      [
        'access.peerings.2',
        'Peering vnet-hub → vnet-app',
        'forwarded traffic not allowed, gateway transit allowed, remote gateways not used',
        'forwarded traffic allowed, gateway transit allowed, remote gateways not used',
        null,
      ],
      [
        'access.routeTables.1.routes.0',
        'Route to-orders-data of rt-app',
        '10.20.0.0/16 → VirtualAppliance 10.0.1.5',
        '10.20.0.0/16 → VirtualAppliance 10.0.1.4',
        null,
      ],
    ]);
  });

  it("a VNet's subnets: the server VNet's all compared, another VNet's only those the plan lists", () => {
    const plan = deployed();
    // The plan lists one of vnet-hub's three subnets, and a subnet vnet-app doesn't have.
    const planned = edit(plan, {
      'access.peeredVnets.0.subnets': [{ name: 'AzureFirewallSubnet', prefix: '10.0.1.0/26' }],
      'access.peeredVnets.1.subnets': [
        { name: 'snet-app', prefix: '10.30.1.0/24' },
        { name: 'snet-batch', prefix: '10.30.2.0/24' },
      ],
      'access.vnet.subnets': [],
    });
    expect(brief(diffPlans(planned, plan))).toEqual([
      'extra access.vnet.subnets: Subnet snet-tools of vnet-orders-data',
      'missing access.peeredVnets.1.subnets.1: Subnet snet-batch of vnet-app',
    ]);
  });

  it('other VNets, peerings and route tables missing from the deployment or extra in it', () => {
    const plan = deployed();
    if (plan.access.mode !== 'private') throw new Error('private expected');
    const planned = edit(plan, {
      'access.peeredVnets': plan.access.peeredVnets.slice(0, 1),
      'access.peerings': [
        ...plan.access.peerings.slice(0, 2),
        {
          from: 'vnet-orders-data',
          to: 'vnet-app',
          allowForwardedTraffic: false,
          allowGatewayTransit: false,
          useRemoteGateways: false,
        },
      ],
      'access.routeTables': plan.access.routeTables.slice(0, 1),
    });
    expect(brief(diffPlans(planned, plan))).toEqual([
      'extra access.peeredVnets: VNet vnet-app',
      'missing access.peerings.2: Peering vnet-orders-data → vnet-app',
      'extra access.peerings: Peering vnet-hub → vnet-app',
      'extra access.peerings: Peering vnet-app → vnet-hub',
      'extra access.routeTables: Route table rt-app',
    ]);
  });

  it('gateways to on-premises networks are compared by VNet and kind, not by site name', () => {
    const plan = deployed();
    // The deployment's site is named after its gateway (ergw-hub); the plan's after the office.
    const same = setIn(plan, 'access.onPremises.0', {
      name: 'office-amsterdam',
      addressRanges: ['192.168.10.0/24'],
      connection: 'expressRoute',
      gatewayVnet: 'VNET-HUB',
      dnsForwarder: true,
    });
    expect(diffPlans(same, plan)).toEqual([]);
    const vpn = setIn(same, 'access.onPremises.0.connection', 'vpn');
    expect(diffPlans(vpn, plan)).toEqual([
      {
        path: 'access.onPremises.0',
        kind: 'missing',
        what: 'VPN gateway in VNET-HUB',
        planned: 'for office-amsterdam',
        deployed: '(not deployed)',
        notInPlace: null,
      },
      {
        path: 'access.onPremises',
        kind: 'extra',
        what: 'ExpressRoute gateway in vnet-hub',
        planned: '(not in the plan)',
        deployed: 'ergw-hub',
        notInPlace: null,
      },
    ]);
  });

  it('public access: firewall rules by name, access from Azure services, and the TLS parameters', () => {
    const plan = examplePlan('public-office');
    const planned = edit(plan, {
      'access.firewallRules.0.endIp': '203.0.113.31',
      'access.firewallRules.2.name': 'CI-RUNNERS',
      'access.allowAzureServices': true,
      'tls.minVersion': 'TLSv1.3',
      'tls.requireSecureTransport': false,
    });
    const extra = setIn(plan, 'access.firewallRules.3', {
      name: 'vpn-egress',
      startIp: '192.0.2.9',
      endIp: '192.0.2.9',
    });
    expect(diffPlans(planned, extra).map((d) => [d.kind, d.path, d.what, d.planned, d.deployed])).toEqual([
      [
        'changed',
        'access.firewallRules.0',
        'Firewall rule office-dublin',
        '203.0.113.0 – 203.0.113.31',
        '203.0.113.0 – 203.0.113.15',
      ],
      ['extra', 'access.firewallRules', 'Firewall rule vpn-egress', '(not in the plan)', '192.0.2.9 – 192.0.2.9'],
      ['changed', 'access.allowAzureServices', 'Access from Azure services', 'allowed', 'not allowed'],
      ['changed', 'tls.requireSecureTransport', 'require_secure_transport', 'off', 'on'],
      ['changed', 'tls.minVersion', 'ssl_min_protocol_version', 'TLSv1.3', 'TLSv1.2'],
    ]);
  });

  it('a server the deployment lacks, and one it has that the plan does not', () => {
    const plan = deployed();
    const renamed = setIn(plan, 'servers.0.name', 'pg-orders-2');
    expect(diffPlans(renamed, plan).map((d) => [d.kind, d.path, d.what, d.planned, d.deployed])).toEqual([
      ['missing', 'servers.0', 'Server pg-orders-2', 'PostgreSQL 16 in westeurope', '(not deployed)'],
      ['extra', 'servers', 'Server pg-orders', '(not in the plan)', 'PostgreSQL 16 in westeurope'],
    ]);
  });
});
