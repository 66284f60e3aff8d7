/** plan → link → plan and plan → file → plan for generated plans, odd strings included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema, type Plan } from '../domain/plan';
import { decodePlanLink, encodePlanLink } from './link';
import { parsePlanFile, serializePlanFile } from './plan-file';
import { arbitraryFor } from './testing/schema-arbitrary';
import { jsonRoundTrip } from './testing/plans';

const planArbitrary = arbitraryFor(PlanDocumentSchema) as fc.Arbitrary<Plan>;

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
