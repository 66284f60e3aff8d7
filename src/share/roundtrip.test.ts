/** plan → link → plan and plan → file → plan for generated plans, odd strings included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema, type Plan } from '../domain/plan';
import { decodePlanLink, encodePlanLink } from './link';
import { parsePlanFile, serializePlanFile } from './plan-file';
import { arbitraryFor } from './testing/schema-arbitrary';
import { jsonRoundTrip } from './testing/plans';

const planArbitrary = arbitraryFor(PlanDocumentSchema) as fc.Arbitrary<Plan>;

/**
 * Generated private plans whose peerings and route tables name the plan's own VNets, as real plans do: exactly
 * (the link then holds the VNet's position), in another case, or by a name no VNet has (the link holds the name).
 */
const referencingPlan: fc.Arbitrary<Plan> = planArbitrary.chain((plan) => {
  if (plan.access.mode !== 'private') return fc.constant(plan);
  const access = plan.access;
  const names = [access.vnet.name, ...access.peeredVnets.map((v) => v.name)];
  const vnet = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    fc.constantFrom(...names).map((n) => n.toUpperCase()),
    fc.string(),
  );
  const peering = fc.record({
    from: vnet,
    to: vnet,
    allowForwardedTraffic: fc.boolean(),
    allowGatewayTransit: fc.boolean(),
    useRemoteGateways: fc.boolean(),
  });
  return fc
    .tuple(fc.array(peering, { maxLength: 8 }), fc.array(vnet, { minLength: 3, maxLength: 3 }))
    .map(([peerings, tableVnets]) => ({
      ...plan,
      access: {
        ...access,
        peerings,
        routeTables: access.routeTables.map((t, i) => ({ ...t, vnet: tableVnets[i % 3] ?? t.vnet })),
      },
    }));
});

describe('generated plans', () => {
  it('are valid plans (the generator follows the schema)', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        expect(PlanDocumentSchema.safeParse(plan).success).toBe(true);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('survive plan → link → plan, equal after a JSON round trip', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const back = decodePlanLink(encodePlanLink(plan));
        if (!back.ok) throw new Error(back.error.message);
        expect(back.plan).toEqual(jsonRoundTrip(plan));
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('survive plan → link → plan when their peerings and route tables name the plan’s VNets', () => {
    fc.assert(
      fc.property(referencingPlan, (plan) => {
        const back = decodePlanLink(encodePlanLink(plan));
        if (!back.ok) throw new Error(back.error.message);
        expect(back.plan).toEqual(jsonRoundTrip(plan));
      }),
      { seed: 17, numRuns: 500 },
    );
  });

  it('survive plan → file → plan, and the file text is stable', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const text = serializePlanFile(plan);
        const back = parsePlanFile(text);
        if (!back.ok) throw new Error(back.error.message);
        expect(back.plan).toEqual(jsonRoundTrip(plan));
        expect(serializePlanFile(back.plan)).toBe(text);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});
