import { describe, expect, it } from 'vitest';
import { nsgContextForPlan } from '../domain/nsg';
import { readPlanDocument } from '../domain/parse';
import type { Plan } from '../domain/plan';
import { largePlan } from '../domain/samples';
import { contextFor } from './context';
import { nsgContextOf } from './nsg-filter';
import { exampleDocument } from '../domain/testing/examples';

function hubPlan(
  edit: (doc: { access: { peeredVnets: { peering: object }[]; onPremises: { connection: string }[] } }) => void,
): Plan {
  const doc = exampleDocument('hub-and-spoke') as Parameters<typeof edit>[0];
  edit(doc);
  const read = readPlanDocument(doc);
  if (!read.ok) throw new Error(read.error.message);
  return read.plan;
}

describe("the checker's NSG context", () => {
  it('equals nsgContextForPlan for the examples, the large sample and edited peerings and sites', () => {
    const plans: Plan[] = [
      hubPlan(() => undefined),
      hubPlan((d) => {
        d.access.peeredVnets[1]!.peering = { fromServerVnet: true, toServerVnet: false };
      }),
      hubPlan((d) => {
        d.access.onPremises[0]!.connection = 'none';
      }),
      largePlan(1),
    ];
    for (const plan of plans) {
      const ctx = contextFor(plan);
      if (ctx.mode !== 'private') throw new Error('expected a private plan');
      expect(nsgContextOf(ctx)).toEqual(nsgContextForPlan(plan));
    }
  });
});
