import { describe, expect, it } from 'vitest';
import { nsgContextForPlan } from '../domain/nsg';
import { readPlanDocument } from '../domain/parse';
import type { Plan } from '../domain/plan';
import { largePlan } from '../domain/samples';
import { contextFor } from './context';
import { nsgContextOf } from './nsg-filter';
import { exampleDocument } from '../domain/testing/examples';

interface PeeringDoc {
  from: string;
  to: string;
}

function hubPlan(
  edit: (doc: { access: { peerings: PeeringDoc[]; onPremises: { connection: string }[] } }) => void,
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
      // vnet-spoke-2 peered one way only: not part of VirtualNetwork.
      hubPlan((d) => {
        d.access.peerings = d.access.peerings.filter(
          (p) => !(p.from === 'vnet-spoke-2' && p.to === 'vnet-orders-data'),
        );
      }),
      // No peering with vnet-spoke-2 at all.
      hubPlan((d) => {
        d.access.peerings = d.access.peerings.filter((p) => p.from !== 'vnet-spoke-2' && p.to !== 'vnet-spoke-2');
      }),
      // Names in another case.
      hubPlan((d) => {
        d.access.peerings = d.access.peerings.map((p) => ({ ...p, from: p.from.toUpperCase() }));
      }),
      hubPlan((d) => {
        d.access.onPremises[0]!.connection = 'none';
      }),
      largePlan(1),
    ];
    const sizes: number[] = [];
    for (const plan of plans) {
      const ctx = contextFor(plan);
      if (ctx.mode !== 'private') throw new Error('expected a private plan');
      const nsgContext = nsgContextOf(ctx);
      expect(nsgContext).toEqual(nsgContextForPlan(plan));
      sizes.push(nsgContext.virtualNetwork.reduce((n, r) => n + (r.end - r.start + 1), 0));
    }
    // The edits matter: vnet-spoke-2 (10.30.0.0/16) leaves VirtualNetwork unless peered both ways, in any case.
    const [full, oneWay, none, upper] = sizes;
    expect(oneWay).toBe((full ?? 0) - 2 ** 16);
    expect(none).toBe(oneWay);
    expect(upper).toBe(full);
  });
});
