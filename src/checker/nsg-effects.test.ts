/** What each NSG rule does to the declared clients agrees with the connectivity check, client by client. */
import { describe, expect, it } from 'vitest';
import { readPlanDocument } from '../domain/parse';
import type { Plan } from '../domain/plan';
import { exampleDocument } from '../domain/testing/examples';
import { checkAllClients } from './check';
import { nsgEffectLine, nsgEffects } from './nsg-effects';

type Doc = {
  access: { delegatedSubnet: { nsg: { rules: Record<string, unknown>[] } | null } };
  clients: Record<string, unknown>[];
};

function hubPlan(edit: (doc: Doc) => void = () => undefined): Plan {
  const doc = exampleDocument('hub-and-spoke') as Doc;
  edit(doc);
  const read = readPlanDocument(doc);
  if (!read.ok) throw new Error(read.error.message);
  return read.plan;
}

const lines = (plan: Plan) => {
  const effects = nsgEffects(plan);
  const rules = plan.access.mode === 'private' ? (plan.access.delegatedSubnet.nsg?.rules ?? []) : [];
  return rules.map((r, i) => `${r.name}: ${nsgEffectLine(effects?.rules.get(i), r.direction)}`);
};

describe('nsgEffects', () => {
  it("says which rule lets each of the example's clients in", () => {
    expect(lines(hubPlan())).toEqual([
      'allow-postgres-in-subnet: No declared client is affected.',
      'allow-postgres-from-spokes: Allows orders-api (10.20.1.0/24), reporting-app (10.30.1.10), ' +
        'analyst-laptops (192.168.10.0/24) → 5432.',
      'deny-all-inbound: No declared client is affected.',
      'allow-postgres-out-subnet: No declared client is affected: clients connect inbound.',
      'allow-storage-out: No declared client is affected: clients connect inbound.',
    ]);
  });

  it('names the rule that blocks a client, as the check does', () => {
    const plan = hubPlan((doc) => {
      const rules = doc.access.delegatedSubnet.nsg?.rules ?? [];
      rules[1] = { ...rules[1], sourceAddresses: ['10.20.1.0/24', '10.30.0.0/24'] };
    });
    expect(lines(plan)).toEqual([
      'allow-postgres-in-subnet: No declared client is affected.',
      'allow-postgres-from-spokes: Allows orders-api (10.20.1.0/24) → 5432.',
      'deny-all-inbound: Blocks reporting-app (10.30.1.10), analyst-laptops (192.168.10.0/24) → 5432.',
      'allow-postgres-out-subnet: No declared client is affected: clients connect inbound.',
      'allow-storage-out: No declared client is affected: clients connect inbound.',
    ]);
    const effects = nsgEffects(plan);
    // Every client the effects say a rule blocks fails at filtering, on that rule; every allowed one passes.
    for (const check of checkAllClients(plan)) {
      const filter = check.hops.find((h) => h.kind === 'filter');
      const blockedBy = [...(effects?.rules ?? [])].find(([, list]) =>
        list.some((e) => e.client === check.client && e.access === 'Deny'),
      );
      if (blockedBy === undefined) expect(filter?.status, check.client).toBe('pass');
      else expect(filter?.path, check.client).toBe(`access.delegatedSubnet.nsg.rules.${blockedBy[0]}`);
    }
  });

  it("shows Azure's default rules deciding when no rule of the user's does, and a partly covered client", () => {
    const plan = hubPlan((doc) => {
      const rules = doc.access.delegatedSubnet.nsg?.rules ?? [];
      // The rule allows half of the office range and the deny-all rule is gone: the office is connected
      // by a gateway, so VirtualNetwork covers it and AllowVnetInBound decides the other half.
      rules[1] = { ...rules[1], sourceAddresses: ['192.168.10.0/25'] };
      rules.splice(2, 1);
    });
    const effects = nsgEffects(plan);
    expect(nsgEffectLine(effects?.rules.get(1), 'Inbound')).toBe(
      'Allows part of analyst-laptops (192.168.10.0/24) → 5432.',
    );
    expect(nsgEffectLine(effects?.defaults.get('AllowVnetInBound'), 'Inbound')).toBe(
      'Allows orders-api (10.20.1.0/24), reporting-app (10.30.1.10), part of analyst-laptops (192.168.10.0/24) → 5432.',
    );
    expect(effects?.defaults.get('DenyAllInBound')).toBeUndefined();
  });

  it('is null without an NSG, and lists clients without a network path', () => {
    expect(nsgEffects(hubPlan((doc) => (doc.access.delegatedSubnet.nsg = null)))).toBeNull();
    const lost = hubPlan((doc) => doc.clients.push({ kind: 'vnet', name: 'ghost', vnet: 'vnet-nowhere' }));
    expect(nsgEffects(lost)?.noPath).toEqual(['ghost']);
  });
});
