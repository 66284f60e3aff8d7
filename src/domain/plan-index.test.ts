/**
 * Names that differ only in case are one resource to Azure: the name index resolves them to the same object,
 * and the rules, the connectivity checker and the exports read them through it, so all three agree.
 */
import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../checker';
import { terraformFiles } from '../exporters/terraform';
import { analyze } from '../rules/analysis';
import { evaluate } from '../rules';
import { setIn } from './paths';
import { PlanDocumentSchema, type Plan } from './plan';
import { planIndex } from './plan-index';
import { exampleDocument, examplePlan } from './testing/examples';
import { planToTopology, type Topology } from './topology';

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

  it('a public-access plan has no VNets, subnets or sites', () => {
    const index = planIndex(examplePlan('public-office'));
    expect([index.vnet('x'), index.subnet('x'), index.site('x')]).toEqual([undefined, undefined, undefined]);
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
