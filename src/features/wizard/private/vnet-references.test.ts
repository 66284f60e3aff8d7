import { describe, expect, it } from 'vitest';
import { newPlan } from '../../../domain/new-plan';
import { setIn } from '../../../domain/paths';
import { evaluate } from '../../../rules';
import { checkAllClients } from '../../../checker';
import { examplePlan } from '../../../domain/testing/examples';
import { privateEndpointHubPlan } from '../../../domain/testing/private-endpoint-plans';
import { PlanDocumentSchema, type Client, type PeeredVnet, type Plan, type PrivateAccess } from '../../../domain/plan';
import {
  addPeeredVnet,
  appliancesOf,
  freeVnetName,
  newPeering,
  peeringBetween,
  removePeeredVnet,
  renameSubnetReferences,
  renameVnetReferences,
  reversePeering,
  subnetNamesOf,
} from './vnet-references';

const vnet = (name: string, extra: Partial<PeeredVnet> = {}): PeeredVnet => ({
  name,
  region: 'westeurope',
  resourceGroup: '',
  subscription: '',
  addressSpaces: [],
  zoneLink: false,
  dns: { kind: 'azure' },
  subnets: [],
  appliance: null,
  ...extra,
});

const vnetClient = (name: string, target: string): Client => ({
  kind: 'vnet',
  name,
  intent: 'mustReach',
  tlsVersion: 'TLSv1.2',
  connectsByIp: false,
  vnet: target,
  address: '',
});

/** Server VNet vnet-app; hub and spoke, peered both ways with it; a route table, a site and clients naming them. */
function hubPlan(): Plan {
  const base = newPlan();
  const access = base.access as PrivateAccess;
  return {
    ...base,
    access: {
      ...access,
      vnet: { ...access.vnet, name: 'vnet-app', subnets: [{ name: 'snet-app', prefix: '10.0.1.0/24' }] },
      delegatedSubnet: { ...access.delegatedSubnet, name: 'snet-pg', prefix: '10.0.0.0/28' },
      peeredVnets: [
        vnet('vnet-hub', {
          subnets: [{ name: 'AzureFirewallSubnet', prefix: '10.1.0.0/26' }],
          appliance: { kind: 'azureFirewall', name: 'afw-hub', privateIp: '10.1.0.4' },
        }),
        vnet('vnet-spoke'),
      ],
      peerings: [
        peeringBetween('vnet-app', 'vnet-hub'),
        peeringBetween('VNET-HUB', 'vnet-app'),
        peeringBetween('vnet-hub', 'vnet-spoke'),
        peeringBetween('vnet-spoke', 'Vnet-Hub'),
      ],
      routeTables: [
        { name: 'rt-hub', vnet: 'Vnet-hub', existing: false, subnets: ['AzureFirewallSubnet'], routes: [] },
        { name: 'rt-app', vnet: 'vnet-app', existing: false, subnets: ['snet-pg'], routes: [] },
      ],
      onPremises: [
        { name: 'dc', addressRanges: [], connection: 'vpn', gatewayVnet: 'vnet-HUB', dnsForwarder: false },
        { name: 'branch', addressRanges: [], connection: 'vpn', gatewayVnet: '', dnsForwarder: false },
      ],
    },
    clients: [vnetClient('in-hub', 'vnet-hub'), vnetClient('in-spoke', 'vnet-spoke'), vnetClient('nowhere', '')],
  };
}

const accessOf = (plan: Plan): PrivateAccess => {
  if (plan.access.mode !== 'private') throw new Error('a private-access plan');
  return plan.access;
};

/** The plan with other VNet `i` named `name`, as the name field leaves it before its references follow. */
const renamed = (plan: Plan, i: number, name: string): Plan => {
  const access = accessOf(plan);
  return {
    ...plan,
    access: { ...access, peeredVnets: access.peeredVnets.map((v, j) => (j === i ? { ...v, name } : v)) },
  };
};

describe('addPeeredVnet', () => {
  it('adds the VNet and both peerings with the server VNet, every flag off', () => {
    const plan = hubPlan();
    const { plan: next, paths } = addPeeredVnet(plan, vnet('vnet-new'));
    const access = accessOf(next);
    expect(access.peeredVnets.map((v) => v.name)).toEqual(['vnet-hub', 'vnet-spoke', 'vnet-new']);
    expect(access.peerings.slice(4)).toEqual([
      peeringBetween('vnet-app', 'vnet-new'),
      peeringBetween('vnet-new', 'vnet-app'),
    ]);
    expect(paths).toEqual(['access.peeredVnets', 'access.peerings']);
    expect(PlanDocumentSchema.safeParse(next).success).toBe(true);
  });
});

describe('freeVnetName', () => {
  it('picks the first number no VNet has, in any case', () => {
    const plan = renamed(hubPlan(), 1, 'VNET-PEERED-1');
    expect(freeVnetName(plan)).toBe('vnet-peered-2');
    expect(freeVnetName(hubPlan())).toBe('vnet-peered-1');
  });
});

describe('removePeeredVnet', () => {
  it('removes the peerings that name the VNet in any case, and its route tables', () => {
    const removal = removePeeredVnet(hubPlan(), 0);
    const access = accessOf(removal.plan);
    expect(access.peeredVnets.map((v) => v.name)).toEqual(['vnet-spoke']);
    expect(access.peerings).toEqual([]);
    expect(access.routeTables.map((t) => t.name)).toEqual(['rt-app']);
    expect(removal).toMatchObject({ peerings: 4, routeTables: 1 });
    expect(removal.paths).toEqual(['access.peeredVnets', 'access.peerings', 'access.routeTables']);
  });
  it('keeps the sites and clients that name it (the checks say their VNet is gone)', () => {
    const { plan } = removePeeredVnet(hubPlan(), 0);
    expect(accessOf(plan).onPremises[0]?.gatewayVnet).toBe('vnet-HUB');
    expect(plan.clients[0]).toMatchObject({ vnet: 'vnet-hub' });
  });
  it('leaves the peerings of another VNet alone', () => {
    const removal = removePeeredVnet(hubPlan(), 1);
    expect(accessOf(removal.plan).peerings).toEqual(accessOf(hubPlan()).peerings.slice(0, 2));
    expect(removal).toMatchObject({ peerings: 2, routeTables: 0 });
    expect(removal.paths).toEqual(['access.peeredVnets', 'access.peerings']);
  });
  it('keeps every reference when another VNet has the same name', () => {
    const plan = renamed(hubPlan(), 1, 'VNET-hub');
    const removal = removePeeredVnet(plan, 0);
    expect(accessOf(removal.plan).peeredVnets.map((v) => v.name)).toEqual(['VNET-hub']);
    expect(accessOf(removal.plan).peerings).toBe(accessOf(plan).peerings);
    expect(accessOf(removal.plan).routeTables).toBe(accessOf(plan).routeTables);
    expect(removal).toMatchObject({ peerings: 0, routeTables: 0, paths: ['access.peeredVnets'] });
  });
  it('changes nothing for an index the plan lacks', () => {
    const plan = hubPlan();
    expect(removePeeredVnet(plan, 5).plan).toBe(plan);
  });
});

describe('renameVnetReferences', () => {
  it('renames the peerings, route tables, gateway VNets and clients that named the VNet, in any case', () => {
    const plan = renamed(hubPlan(), 0, 'vnet-core');
    const { plan: next, paths } = renameVnetReferences(plan, 'vnet-hub', 'vnet-core');
    const access = accessOf(next);
    expect(access.peerings.map((p) => `${p.from}>${p.to}`)).toEqual([
      'vnet-app>vnet-core',
      'vnet-core>vnet-app',
      'vnet-core>vnet-spoke',
      'vnet-spoke>vnet-core',
    ]);
    expect(access.routeTables.map((t) => t.vnet)).toEqual(['vnet-core', 'vnet-app']);
    expect(access.onPremises.map((s) => s.gatewayVnet)).toEqual(['vnet-core', '']);
    expect(next.clients.map((c) => (c.kind === 'vnet' ? c.vnet : null))).toEqual(['vnet-core', 'vnet-spoke', '']);
    expect(paths).toEqual([
      'access.peerings.0.to',
      'access.peerings.1.from',
      'access.peerings.2.from',
      'access.peerings.3.to',
      'access.routeTables.0.vnet',
      'access.onPremises.0.gatewayVnet',
      'clients.0.vnet',
    ]);
    // Untouched parts keep their identity.
    expect(access.peeredVnets).toBe(accessOf(plan).peeredVnets);
    expect(access.routeTables[1]).toBe(accessOf(plan).routeTables[1]);
    expect(next.clients[1]).toBe(plan.clients[1]);
  });
  it('renames the server VNet the same way', () => {
    const plan = hubPlan();
    const server = { ...accessOf(plan), vnet: { ...accessOf(plan).vnet, name: 'vnet-db' } };
    const { plan: next } = renameVnetReferences({ ...plan, access: server }, 'VNET-APP', 'vnet-db');
    expect(
      accessOf(next)
        .peerings.slice(0, 2)
        .map((p) => `${p.from}>${p.to}`),
    ).toEqual(['vnet-db>vnet-hub', 'VNET-HUB>vnet-db']);
    expect(accessOf(next).routeTables[1]?.vnet).toBe('vnet-db');
  });
  it('follows a change of case only', () => {
    const plan = renamed(hubPlan(), 0, 'VNet-Hub');
    const { plan: next } = renameVnetReferences(plan, 'vnet-hub', 'VNet-Hub');
    expect(accessOf(next).peerings.map((p) => p.to)).toEqual(['VNet-Hub', 'vnet-app', 'vnet-spoke', 'VNet-Hub']);
  });
  it('changes nothing while another VNet still has the old name', () => {
    const plan = renamed(renamed(hubPlan(), 1, 'vnet-hub'), 0, 'vnet-core');
    expect(renameVnetReferences(plan, 'vnet-hub', 'vnet-core')).toEqual({ plan, paths: [] });
  });
  it('changes nothing for a blank new name or the same name', () => {
    const plan = renamed(hubPlan(), 0, '');
    expect(renameVnetReferences(plan, 'vnet-hub', '  ').plan).toBe(plan);
    expect(renameVnetReferences(hubPlan(), 'vnet-hub', 'vnet-hub').paths).toEqual([]);
  });
  it('names the peerings made before the VNet had a name, but not an empty gateway or client VNet', () => {
    const base = hubPlan();
    const access = accessOf(base);
    const plan: Plan = {
      ...base,
      access: {
        ...access,
        vnet: { ...access.vnet, name: 'vnet-app' },
        peeredVnets: [...access.peeredVnets, vnet('vnet-new')],
        peerings: [peeringBetween('vnet-app', ''), peeringBetween('', 'vnet-app')],
        routeTables: [{ name: 'rt', vnet: '', existing: false, subnets: [], routes: [] }],
      },
    };
    const { plan: next, paths } = renameVnetReferences(plan, '', 'vnet-new');
    expect(accessOf(next).peerings.map((p) => `${p.from}>${p.to}`)).toEqual(['vnet-app>vnet-new', 'vnet-new>vnet-app']);
    expect(accessOf(next).routeTables[0]?.vnet).toBe('vnet-new');
    expect(accessOf(next).onPremises[1]?.gatewayVnet).toBe('');
    expect(next.clients[2]).toMatchObject({ vnet: '' });
    expect(paths).not.toContain('clients.2.vnet');
  });
});

describe('peerings', () => {
  it('the peering back allows gateway transit when the peering uses the remote gateway', () => {
    expect(
      reversePeering({ ...peeringBetween('a', 'b'), useRemoteGateways: true, allowForwardedTraffic: true }),
    ).toEqual({ ...peeringBetween('b', 'a'), allowGatewayTransit: true });
    expect(reversePeering(peeringBetween('a', 'b'))).toEqual(peeringBetween('b', 'a'));
  });
  it('a new peering joins two VNets that have no peering yet, the server VNet first', () => {
    const plan = hubPlan();
    expect(newPeering(plan)).toEqual(peeringBetween('vnet-app', 'vnet-spoke'));
    const full: Plan = {
      ...plan,
      access: {
        ...accessOf(plan),
        peerings: [
          ...accessOf(plan).peerings,
          peeringBetween('vnet-app', 'vnet-spoke'),
          peeringBetween('vnet-spoke', 'vnet-app'),
        ],
      },
    };
    expect(newPeering(full)).toEqual(peeringBetween('vnet-app', ''));
  });
});

describe('what the route table fields offer', () => {
  it('the subnets of a VNet, the delegated subnet too for the server VNet', () => {
    const plan = hubPlan();
    expect(subnetNamesOf(plan, 'VNET-APP')).toEqual(['snet-app', 'snet-pg']);
    expect(subnetNamesOf(plan, 'vnet-hub')).toEqual(['AzureFirewallSubnet']);
    expect(subnetNamesOf(plan, 'vnet-nowhere')).toEqual([]);
  });
  it('the appliances with an address', () => {
    expect(appliancesOf(accessOf(hubPlan()))).toEqual([{ vnet: 'vnet-hub', name: 'afw-hub', privateIp: '10.1.0.4' }]);
  });
});

describe('renameSubnetReferences', () => {
  /** An example with one value changed, as the field leaves it before the references follow. */
  const edited = (name: string, path: string, value: string): Plan => setIn(examplePlan(name), path, value);
  const errors = (plan: Plan) => evaluate(plan).filter((f) => f.severity === 'error');

  it('renames a server VNet subnet in its route tables and its clients, so the plan means what it meant', () => {
    const before = examplePlan('hub-and-spoke');
    const plan = setIn(edited('hub-and-spoke', 'access.vnet.subnets.0.name', 'snet-api'), 'access.routeTables', [
      { name: 'rt-app', vnet: 'VNET-ORDERS-DATA', existing: false, subnets: ['SNET-APP'], routes: [] },
    ]);
    const { plan: next, paths } = renameSubnetReferences(plan, 'access.vnet', 'snet-app', 'snet-api');
    expect(paths).toEqual(['access.routeTables.0.subnets', 'clients.0.subnet']);
    expect(accessOf(next).routeTables[0]?.subnets).toEqual(['snet-api']);
    expect(next.clients[0]).toMatchObject({ kind: 'serverVnet', subnet: 'snet-api' });
    // The client keeps its verdict and the plan gains no error.
    expect(checkAllClients(next).map((c) => c.verdict)).toEqual(checkAllClients(before).map((c) => c.verdict));
    expect(errors(next)).toEqual([]);
  });
  it('renames the delegated subnet in the route table on it', () => {
    const plan = edited('hub-spoke-firewall', 'access.delegatedSubnet.name', 'snet-pg');
    const { plan: next } = renameSubnetReferences(plan, 'access.vnet', 'snet-postgres', 'snet-pg');
    expect(accessOf(next).routeTables[0]?.subnets).toEqual(['snet-pg']);
    expect(errors(next)).toEqual([]);
  });
  it("renames another VNet's subnet in its route tables only; the spoke keeps its path through the firewall", () => {
    const before = examplePlan('hub-spoke-firewall');
    const plan = edited('hub-spoke-firewall', 'access.peeredVnets.1.subnets.0.name', 'snet-web');
    const { plan: next, paths } = renameSubnetReferences(plan, 'access.peeredVnets.1', 'snet-app', 'snet-web');
    expect(paths).toEqual(['access.routeTables.1.subnets']);
    expect(accessOf(next).routeTables[1]?.subnets).toEqual(['snet-web']);
    // Other VNets' tables are theirs.
    expect(accessOf(next).routeTables[0]).toBe(accessOf(plan).routeTables[0]);
    expect(checkAllClients(next).map((c) => c.verdict)).toEqual(checkAllClients(before).map((c) => c.verdict));
  });
  it('without it, the same rename leaves the route table naming a subnet that is gone', () => {
    const plan = edited('hub-spoke-firewall', 'access.peeredVnets.1.subnets.0.name', 'snet-web');
    const before = checkAllClients(examplePlan('hub-spoke-firewall')).map((c) => c.verdict);
    expect(checkAllClients(plan).map((c) => c.verdict)).not.toEqual(before);
  });
  it('changes nothing while another subnet of that VNet still has the old name, or for a blank name', () => {
    const plan = setIn(
      edited('hub-spoke-firewall', 'access.peeredVnets.1.subnets.0.name', 'snet-web'),
      'access.peeredVnets.1.subnets.1',
      { name: 'SNET-APP', prefix: '10.2.9.0/24' },
    );
    expect(renameSubnetReferences(plan, 'access.peeredVnets.1', 'snet-app', 'snet-web').paths).toEqual([]);
    expect(renameSubnetReferences(plan, 'access.peeredVnets.1', 'snet-app', ' ').paths).toEqual([]);
    expect(renameSubnetReferences(plan, 'access.peeredVnets.1', '', 'snet-web').paths).toEqual([]);
  });
});

describe('with public access (the VNets of private endpoints)', () => {
  const hub = privateEndpointHubPlan;
  const publicAccess = (plan: Plan) => {
    if (plan.access.mode !== 'public') throw new Error('public access expected');
    return plan.access;
  };
  it('adds a VNet without peerings: there is no server VNet', () => {
    const vnet = { ...publicAccess(hub()).peeredVnets[1]!, name: 'vnet-spoke-2' };
    const edit = addPeeredVnet(hub(), vnet);
    expect(publicAccess(edit.plan).peeredVnets.map((v) => v.name)).toEqual([
      'vnet-hub',
      'vnet-spoke-ledger-app',
      'vnet-spoke-2',
    ]);
    expect(publicAccess(edit.plan).peerings).toEqual(publicAccess(hub()).peerings);
    expect(edit.paths).toEqual(['access.peeredVnets']);
  });
  it('a renamed VNet renames its peerings, gateway sites, endpoints and clients', () => {
    const plan = setIn(hub(), 'access.peeredVnets.0.name', 'VNET-HUB-WEU');
    const edit = renameVnetReferences(plan, 'vnet-hub', 'VNET-HUB-WEU');
    const access = publicAccess(edit.plan);
    expect(access.peerings.map((p) => [p.from, p.to])).toEqual([
      ['VNET-HUB-WEU', 'vnet-spoke-ledger-app'],
      ['vnet-spoke-ledger-app', 'VNET-HUB-WEU'],
    ]);
    expect(access.onPremises[0]?.gatewayVnet).toBe('VNET-HUB-WEU');
    expect(access.privateEndpoints[0]?.vnet).toBe('VNET-HUB-WEU');
    expect(edit.paths).toContain('access.privateEndpoints.0.vnet');
    // Renamed along, the plan means what it meant: the same clients reach the server.
    expect(checkAllClients(edit.plan).map((c) => c.verdict)).toEqual(checkAllClients(hub()).map((c) => c.verdict));
  });
  it('a renamed subnet renames the endpoints in it, only in its VNet', () => {
    const plan = setIn(hub(), 'access.peeredVnets.0.subnets.0.name', 'snet-pe');
    const edit = renameSubnetReferences(plan, 'access.peeredVnets.0', 'snet-private-endpoints', 'snet-pe');
    expect(publicAccess(edit.plan).privateEndpoints[0]?.subnet).toBe('snet-pe');
    expect(edit.paths).toEqual(['access.privateEndpoints.0.subnet']);
    const other = renameSubnetReferences(plan, 'access.peeredVnets.1', 'snet-private-endpoints', 'snet-pe');
    expect(other.plan).toBe(plan);
  });
  it('a removed VNet takes its peerings; the endpoint that names it stays, for the checks to report', () => {
    const removal = removePeeredVnet(hub(), 1);
    const access = publicAccess(removal.plan);
    expect(access.peerings).toEqual([]);
    expect(removal.peerings).toBe(2);
    expect(removal.routeTables).toBe(0);
    expect(access.privateEndpoints).toEqual(publicAccess(hub()).privateEndpoints);
  });
  it('offers the subnets of a VNet and a new peering between two VNets', () => {
    expect(subnetNamesOf(hub(), 'VNET-HUB')).toEqual(['snet-private-endpoints', 'snet-dns-inbound', 'GatewaySubnet']);
    const none = { ...hub(), access: { ...publicAccess(hub()), peerings: [] } };
    expect(newPeering(none)).toEqual(peeringBetween('vnet-hub', 'vnet-spoke-ledger-app'));
  });
});
