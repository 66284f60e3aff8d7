/**
 * A link or a plan file over the plan's size limits is refused with the limit and where, before any
 * rule runs, and the link reader does not build the items of a list that is far too long.
 */
import { describe, expect, it } from 'vitest';
import { PLANNER_LIMITS } from '../domain/azure';
import { getIn } from '../domain/paths';
import { PlanDocumentSchema, type PrivateAccess } from '../domain/plan';
import { typicalPlan } from '../domain/samples';
import { compactPlanV1, expandPlanV1 } from './compact-v1';
import { decodePlanLink, encodeLinkPayload, encodePlanLink } from './link';
import { parsePlanFile, serializePlanFile } from './plan-file';
import { defOf, unionOption, unwrap, type AnySchema } from './schema-walk';

/** The typical plan with 100,000 identical subnets: a few kilobytes as a link. */
function identicalSubnets() {
  const plan = typicalPlan();
  if (plan.access.mode !== 'private') throw new Error('expected a private plan');
  plan.access.vnet.subnets = Array.from({ length: 100_000 }, () => ({ name: 'snet-a', prefix: '10.1.0.0/24' }));
  return plan;
}

const REFUSAL =
  'access.vnet.subnets: VNet "vnet-sample" has 100,001 subnets (the delegated one included); ' +
  'Azure allows at most 3,000 per VNet.';

describe('plans over the size limits', () => {
  it('a link of 100,000 identical subnets is refused with the limit, not opened', () => {
    const link = encodePlanLink(identicalSubnets());
    expect(link.length).toBeLessThan(10_000);
    expect(decodePlanLink(link)).toEqual({
      ok: false,
      error: {
        kind: 'invalid-plan',
        message: `The link holds an invalid plan: ${REFUSAL}`,
        path: 'access.vnet.subnets',
      },
    });
  });

  it('the same plan as a file is refused the same way', () => {
    const read = parsePlanFile(serializePlanFile(identicalSubnets()));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.error.message).toBe(REFUSAL);
  });

  it('the link reader stands in the length for a list over its limit instead of building its items', () => {
    const n = PLANNER_LIMITS.firewallRules + 1;
    const wire = [
      1,
      null,
      [['pg', 'westeurope']],
      [1, Array.from({ length: n }, (_, i) => [`r${i}`, '1.1.1.1', '1.1.1.1']).flat()],
    ];
    const doc = expandPlanV1(wire) as { access: { firewallRules: unknown[] } };
    expect(doc.access.firewallRules).toHaveLength(n);
    expect(doc.access.firewallRules.some((r) => r !== undefined)).toBe(false);
    const read = decodePlanLink(encodeLinkPayload(JSON.stringify(wire)));
    expect(read.ok ? '' : read.error.message).toBe(
      'The link holds an invalid plan: access.firewallRules: 1,001 firewall rules; the planner takes at most 1,000 ' +
        'per server (its own limit: Azure documents none).',
    );
    // At the limit, the rules are expanded as usual.
    const atLimit = [
      1,
      null,
      [['pg', 'westeurope']],
      [1, Array.from({ length: n - 1 }, () => ['r', '1.1.1.1', '1.1.1.1']).flat()],
    ];
    const expanded = expandPlanV1(atLimit) as { access: { firewallRules: unknown[] } };
    expect(expanded.access.firewallRules[0]).toEqual({ name: 'r', startIp: '1.1.1.1', endIp: '1.1.1.1' });
  });
});

/**
 * The most items the plan schema takes in the list at `path` (object keys; the private access for `access`), read
 * from the schema itself, so that the link reader's limits are checked against the plan's, not a copy of them.
 */
function schemaMaxItems(path: string): number {
  let schema: AnySchema = PlanDocumentSchema;
  for (const key of path.split('.')) {
    let def = defOf(unwrap(schema));
    if (def.type === 'union') def = defOf(unwrap(unionOption(def, 'private')!));
    if (def.type === 'array') def = defOf(unwrap(def.element!));
    schema = /^\d+$/.test(key) ? unwrap(schema) : def.shape![key]!;
  }
  for (const check of defOf(unwrap(schema)).checks ?? []) {
    const def = check._zod.def as { check?: string; maximum?: number };
    if (def.check === 'max_length' && def.maximum !== undefined) return def.maximum;
  }
  throw new Error(`${path}: no length limit in the plan schema`);
}

describe('the lists of plan format 2 in a link', () => {
  const route = { name: 'r', prefix: '0.0.0.0/0', nextHop: 'VirtualAppliance' as const, nextHopIp: '10.0.0.4' };
  const table = (routes: number) => ({
    name: 'rt-app',
    vnet: 'vnet-sample',
    existing: false,
    subnets: ['snet-0'],
    routes: new Array(routes).fill(route),
  });
  const cases: {
    what: string;
    path: string;
    max: number;
    set: (access: PrivateAccess, n: number) => void;
    message: (n: string) => string;
  }[] = [
    {
      what: 'peerings',
      path: 'access.peerings',
      max: schemaMaxItems('access.peerings'),
      set: (a, n) => {
        a.peerings = Array.from({ length: n }, (_, i) => ({
          from: 'vnet-sample',
          to: `vnet-${i}`,
          allowForwardedTraffic: true,
          allowGatewayTransit: false,
          useRemoteGateways: false,
        }));
      },
      message: (n) => `${n} peerings; the planner takes at most 2,000 in a plan (its own limit: Azure documents none).`,
    },
    {
      what: 'route tables',
      path: 'access.routeTables',
      max: schemaMaxItems('access.routeTables'),
      set: (a, n) => {
        a.routeTables = Array.from({ length: n }, () => table(1));
      },
      message: (n) => `${n} route tables; Azure allows at most 200 per subscription.`,
    },
    {
      what: 'routes of a route table',
      path: 'access.routeTables.0.routes',
      max: schemaMaxItems('access.routeTables.0.routes'),
      set: (a, n) => {
        a.routeTables = [table(n)];
      },
      message: (n) => `route table "rt-app" has ${n} routes; Azure allows at most 400 per route table.`,
    },
    {
      what: 'subnets of another VNet',
      path: 'access.peeredVnets.0.subnets',
      max: schemaMaxItems('access.peeredVnets.0.subnets'),
      set: (a, n) => {
        a.peeredVnets[0]!.subnets = Array.from({ length: n }, (_, i) => ({ name: `snet-${i}`, prefix: '11.0.0.0/28' }));
      },
      message: (n) => `VNet "vnet-spoke-0" has ${n} subnets; Azure allows at most 3,000 per VNet.`,
    },
  ];

  const withList = (c: (typeof cases)[number], n: number) => {
    const plan = typicalPlan();
    if (plan.access.mode !== 'private') throw new Error('expected a private plan');
    c.set(plan.access, n);
    return plan;
  };

  it.each(cases)(
    '$what: at the limit the link opens; one more is refused with the count, the limit and the owner',
    (c) => {
      const at = decodePlanLink(encodePlanLink(withList(c, c.max)));
      expect(at.ok ? getIn(at.plan, c.path) : at.error.message).toHaveLength(c.max);
      const over = decodePlanLink(encodePlanLink(withList(c, c.max + 1)));
      expect(over).toEqual({
        ok: false,
        error: {
          kind: 'invalid-plan',
          message: `The link holds an invalid plan: ${c.path}: ${c.message((c.max + 1).toLocaleString('en-US'))}`,
          path: c.path,
        },
      });
    },
  );

  it('the link reader stands in the length for peerings and route tables over their limits', () => {
    const [peerings, routeTables] = cases;
    const expanded = (c: (typeof cases)[number], n: number) =>
      (
        expandPlanV1(JSON.parse(JSON.stringify(compactPlanV1(withList(c, n))))) as {
          access: { peerings: unknown[]; routeTables: unknown[] };
        }
      ).access;
    const over = expanded(peerings!, peerings!.max + 1).peerings;
    expect(over).toHaveLength(peerings!.max + 1);
    expect(over.some((p) => p !== undefined)).toBe(false);
    expect(expanded(peerings!, peerings!.max).peerings[0]).toEqual({
      from: 'vnet-sample',
      to: 'vnet-0',
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: false,
    });
    const tables = expanded(routeTables!, routeTables!.max + 1).routeTables;
    expect(tables).toHaveLength(routeTables!.max + 1);
    expect(tables.some((t) => t !== undefined)).toBe(false);
  });
});
