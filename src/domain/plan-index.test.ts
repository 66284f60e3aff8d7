/**
 * Names that differ only in case are one resource to Azure: the name index resolves them to the same object,
 * and the rules, the connectivity checker and the exports read them through it, so all three agree.
 */
import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../checker';
import { terraformFiles } from '../exporters/terraform';
import { analyze } from '../rules/analysis';
import { evaluate } from '../rules';
import type { Topology } from '../topology/model';
import { planToTopology } from '../topology/plan-to-topology';
import { setIn } from './paths';
import { PlanDocumentSchema, type Plan } from './plan';
import { planIndex } from './plan-index';
import { exampleDocument, examplePlan } from './testing/examples';

/** hub-and-spoke with the edits applied (dotted path, value), read through the plan schema. */
function hub(...edits: [string, unknown][]): Plan {
  let doc = exampleDocument('hub-and-spoke');
  for (const [path, value] of edits) doc = setIn(doc, path, value);
  return PlanDocumentSchema.parse(doc);
}

/** Where the diagram puts each client and which nodes its path goes through. */
const placement = (t: Topology) => t.nodes.filter((n) => n.id.startsWith('client-')).map((n) => [n.id, n.parent]);
const edgeEnds = (t: Topology) => t.edges.map((e) => `${e.from}→${e.to}`);

const notInfo = (plan: Plan) =>
  evaluate(plan)
    .filter((f) => f.severity !== 'info')
    .map((f) => `${f.ruleId} ${f.path}`);

describe('planIndex', () => {
  const plan = examplePlan('hub-and-spoke');
  const index = planIndex(plan);

  it('resolves VNet, subnet and site names in any case to the same plan object', () => {
    const access = plan.access.mode === 'private' ? plan.access : null;
    if (access === null) throw new Error('example changed: hub-and-spoke is not private');
    expect(index.vnet('VNET-SPOKE-2')).toEqual({
      kind: 'peered',
      index: 1,
      path: 'access.peeredVnets.1',
      vnet: access.peeredVnets[1],
    });
    expect(index.vnet('Vnet-Spoke-2')?.vnet).toBe(access.peeredVnets[1]);
    expect(index.vnet('VNET-ORDERS-DATA')).toEqual({ kind: 'server', path: 'access.vnet', vnet: access.vnet });
    expect(index.subnet('SNET-APP')).toEqual({
      kind: 'subnet',
      index: 0,
      path: 'access.vnet.subnets.0',
      subnet: access.vnet.subnets[0],
    });
    expect(index.subnet('Snet-Postgres')?.kind).toBe('delegated');
    expect(index.site('OFFICE-AMSTERDAM')?.site).toBe(access.onPremises[0]);
    expect(index.vnet('vnet-spoke-3')).toBeUndefined();
  });

  it('is built once per plan object; an edited plan gets its own', () => {
    expect(planIndex(plan)).toBe(index);
    const renamed = hub(['access.peeredVnets.1.name', 'vnet-reports']);
    expect(planIndex(renamed).vnet('vnet-spoke-2')).toBeUndefined();
    expect(planIndex(renamed).vnet('VNET-REPORTS')?.path).toBe('access.peeredVnets.1');
  });

  it('the server VNet wins a name clash, then the first VNet, subnet or site of a name', () => {
    const clash = hub(
      ['access.peeredVnets.0.name', 'VNET-ORDERS-DATA'],
      [
        'access.vnet.subnets',
        [
          ...(hub().access as { vnet: { subnets: unknown[] } }).vnet.subnets,
          { name: 'SNET-APP', prefix: '10.20.9.0/24' },
        ],
      ],
    );
    expect(planIndex(clash).vnet('vnet-orders-data')?.kind).toBe('server');
    expect(planIndex(clash).subnet('snet-app')?.path).toBe('access.vnet.subnets.0');
  });

  it('a public-access plan has no VNets, subnets, sites, peerings or route tables', () => {
    const index = planIndex(examplePlan('public-office'));
    expect([index.vnet('x'), index.subnet('x'), index.site('x')]).toEqual([undefined, undefined, undefined]);
    expect([index.peering('x', 'y'), index.peered('x', 'y'), index.routeTable('x', 'y')]).toEqual([
      undefined,
      false,
      undefined,
    ]);
  });

  it('finds each direction of a peering, names in any case; peered needs both', () => {
    const access = plan.access.mode === 'private' ? plan.access : null;
    if (access === null) throw new Error('example changed: hub-and-spoke is not private');
    expect(index.peering('VNET-ORDERS-DATA', 'Vnet-Hub')).toEqual({
      index: 0,
      path: 'access.peerings.0',
      peering: access.peerings[0],
    });
    expect(index.peering('vnet-hub', 'vnet-orders-data')?.path).toBe('access.peerings.1');
    expect(index.peered('vnet-hub', 'VNET-SPOKE-2')).toBe(true);
    expect(index.peering('vnet-hub', 'vnet-hub')).toBeUndefined();
    const oneWay = hub([
      'access.peerings',
      access.peerings.filter((p) => !(p.from === 'vnet-spoke-2' && p.to === 'vnet-orders-data')),
    ]);
    expect(planIndex(oneWay).peering('vnet-orders-data', 'vnet-spoke-2')).toBeDefined();
    expect(planIndex(oneWay).peering('vnet-spoke-2', 'vnet-orders-data')).toBeUndefined();
    expect(planIndex(oneWay).peered('vnet-orders-data', 'vnet-spoke-2')).toBe(false);
    expect(planIndex(oneWay).peered('vnet-spoke-2', 'vnet-orders-data')).toBe(false);
  });

  it('the first peering of a direction wins', () => {
    const twice = hub(['access.peerings.6', { from: 'VNET-HUB', to: 'VNET-ORDERS-DATA', allowGatewayTransit: false }]);
    expect(planIndex(twice).peering('vnet-hub', 'vnet-orders-data')?.path).toBe('access.peerings.1');
  });

  it("finds a subnet's route table by VNet and subnet name in any case; the first table naming it wins", () => {
    const firewall = examplePlan('hub-spoke-firewall');
    const fw = planIndex(firewall);
    expect(fw.routeTable('VNET-PAYMENTS-APP', 'Snet-App')).toMatchObject({
      index: 1,
      path: 'access.routeTables.1',
      table: { name: 'rt-payments-app' },
    });
    // The delegated subnet of the server VNet, and the hub's gateway subnet.
    expect(fw.routeTable('vnet-payments-data', 'SNET-POSTGRES')?.table.name).toBe('rt-payments-data');
    expect(fw.routeTable('vnet-hub', 'gatewaysubnet')?.table.name).toBe('rt-hub-gateway');
    // A subnet name belongs to its VNet: snet-app of another VNet has no table.
    expect(fw.routeTable('vnet-payments-data', 'snet-app')).toBeUndefined();
    expect(fw.routeTable('vnet-hub', 'AzureFirewallSubnet')).toBeUndefined();
    const doc = exampleDocument('hub-spoke-firewall');
    const second = PlanDocumentSchema.parse(
      setIn(doc, 'access.routeTables.3', { name: 'rt-other', vnet: 'vnet-payments-app', subnets: ['SNET-APP'] }),
    );
    expect(planIndex(second).routeTable('vnet-payments-app', 'snet-app')?.table.name).toBe('rt-payments-app');
  });

  it('finds a subnet of any VNet by VNet and subnet name in any case', () => {
    const firewall = examplePlan('hub-spoke-firewall');
    const access = firewall.access.mode === 'private' ? firewall.access : null;
    if (access === null) throw new Error('example changed: hub-spoke-firewall is not private');
    const fw = planIndex(firewall);
    expect(fw.subnetOf('VNET-HUB', 'gatewaysubnet')).toBe(access.peeredVnets[0]?.subnets[0]);
    expect(fw.subnetOf('vnet-payments-app', 'SNET-APP')).toBe(access.peeredVnets[1]?.subnets[0]);
    // On the server VNet, its subnets and the delegated one.
    expect(fw.subnetOf('Vnet-Payments-Data', 'SNET-DATA-TOOLS')).toBe(access.vnet.subnets[0]);
    expect(fw.subnetOf('vnet-payments-data', 'snet-postgres')).toBe(access.delegatedSubnet);
    // A subnet name belongs to its VNet.
    expect(fw.subnetOf('vnet-hub', 'snet-app')).toBeUndefined();
    expect(fw.subnetOf('vnet-payments-app', 'snet-postgres')).toBeUndefined();
    expect(fw.subnetOf('vnet-elsewhere', 'snet-app')).toBeUndefined();
  });
});

describe('names in another case: rules, checker and export agree', () => {
  it('a client VNet written VNET-SPOKE-2: no finding, reachable, and the rules see its address', () => {
    const plan = hub(['clients.1.vnet', 'VNET-SPOKE-2']);
    expect(notInfo(plan)).toEqual([]);
    expect(checkAllClients(plan)[1]?.verdict).toBe('reachable');
    expect(placement(planToTopology(plan))).toEqual(placement(planToTopology(hub())));
    const a = analyze(plan);
    const named = a.vnetNamed('VNET-SPOKE-2');
    expect(named?.kind === 'peered' ? named.parsed.peer : null).toBe(
      plan.access.mode === 'private' ? plan.access.peeredVnets[1] : undefined,
    );
  });

  it('a client subnet and site in another case: no finding and reachable', () => {
    const plan = hub(['clients.0.subnet', 'SNET-APP'], ['clients.2.site', 'Office-Amsterdam']);
    expect(notInfo(plan)).toEqual([]);
    expect(checkAllClients(plan).map((c) => c.verdict)).toEqual(['reachable', 'reachable', 'reachable']);
  });

  it('peerings written in another case: same findings, same checks, same diagram', () => {
    const access = hub().access;
    if (access.mode !== 'private') throw new Error('example changed: hub-and-spoke is not private');
    const upper = hub([
      'access.peerings',
      access.peerings.map((p, i) =>
        i % 2 === 0 ? { ...p, from: p.from.toUpperCase() } : { ...p, to: p.to.toUpperCase() },
      ),
    ]);
    // Sanity: the edit wrote names in another case.
    expect(upper.access.mode === 'private' && upper.access.peerings[0]?.from).toBe('VNET-ORDERS-DATA');
    expect(notInfo(upper)).toEqual(notInfo(hub()));
    expect(checkAllClients(upper)).toEqual(checkAllClients(hub()));
    expect(edgeEnds(planToTopology(upper))).toEqual(edgeEnds(planToTopology(hub())));
  });

  it('gatewayVnet "VNET-HUB" behaves as "vnet-hub" in validate, check-client and the Terraform export', () => {
    const exact = hub();
    const upper = hub(['access.onPremises.0.gatewayVnet', 'VNET-HUB']);
    expect(notInfo(upper)).toEqual(notInfo(exact));
    expect(checkAllClients(upper)[2]?.summary).toBe(checkAllClients(exact)[2]?.summary);
    const mainTf = (plan: Plan) => terraformFiles(plan).find((f) => f.path === 'main.tf')?.contents as string;
    const remote = (plan: Plan) => (mainTf(plan).match(/use_remote_gateways\s+= true/g) ?? []).length;
    expect(remote(exact)).toBe(1);
    expect(remote(upper)).toBe(1);
    expect(mainTf(upper)).toBe(mainTf(exact));
    expect(edgeEnds(planToTopology(upper))).toEqual(edgeEnds(planToTopology(exact)));
  });
});
