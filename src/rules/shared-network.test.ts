/**
 * An edit that leaves the access settings alone (a server, a client, TLS) keeps their object, and the name index and
 * the network part of the checker's context are reused from the plan before it (`checker/context.ts`), and so are the
 * findings of the rules that read only the access settings (`Rule.reads`). These tests
 * hold that the reuse changes nothing: findings and client verdicts of the edited plan equal those of a deep copy of
 * it, which shares nothing with any plan read before; and that the reuse happens.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkAllClients } from '../checker';
import { contextFor } from '../checker/context';
import type { Plan } from '../domain/plan';
import { planIndex } from '../domain/plan-index';
import { examplePlans } from '../domain/testing/examples';
import { schemaPlans } from '../share/testing/schema-arbitrary';
import { evaluate } from './index';

/** Edits outside `access`, each of which some rule or check reads (the FQDN, the NSG's service tags, client names). */
const EDITS: { what: string; edit: (plan: Plan) => Plan }[] = [
  {
    what: 'the first server renamed',
    edit: (plan) => ({ ...plan, servers: plan.servers.map((s, i) => (i === 0 ? { ...s, name: `${s.name}-2` } : s)) }),
  },
  {
    what: 'the first server moved to another region',
    edit: (plan) => ({
      ...plan,
      servers: plan.servers.map((s, i) =>
        i === 0 ? { ...s, region: s.region === 'eastus' ? 'westeurope' : 'eastus' } : s,
      ),
    }),
  },
  {
    what: 'the clients reversed and the first renamed',
    edit: (plan) => ({
      ...plan,
      clients: [...plan.clients].reverse().map((c, i) => (i === 0 ? { ...c, name: `${c.name}-x` } : c)),
    }),
  },
  {
    what: 'every server zone-redundant, in another group and subscription',
    edit: (plan) => ({
      ...plan,
      servers: plan.servers.map((s) => ({
        ...s,
        highAvailability: 'ZoneRedundant',
        resourceGroup: 'rg-elsewhere',
        subscription: '00000000-0000-0000-0000-000000000001',
      })),
    }),
  },
  {
    what: 'a second server added, the plan renamed',
    edit: (plan) => ({
      ...plan,
      name: `${plan.name} (2)`,
      servers: [...plan.servers, { ...(plan.servers[0] as Plan['servers'][number]), name: 'pg-second' }],
    }),
  },
  {
    what: 'TLS 1.3 required',
    edit: (plan) => ({ ...plan, tls: { ...plan.tls, minVersion: 'TLSv1.3' } }),
  },
];

/** The findings and verdicts of `plan`, as plain data. */
function outcome(plan: Plan): unknown {
  return {
    findings: evaluate(plan).map((f) => [f.ruleId, f.severity, f.path, f.message]),
    verdicts: checkAllClients(plan).map((c) => JSON.parse(JSON.stringify(c)) as unknown),
  };
}

/** Reads `before` (filling the caches), then compares the edited plan with a copy that shares nothing. */
function expectSameAfterReuse(before: Plan, edited: Plan): void {
  outcome(before);
  expect(edited.access).toBe(before.access);
  expect(outcome(edited)).toEqual(outcome(structuredClone(edited)));
}

describe('the network part is reused across edits outside the access settings, with the same results', () => {
  for (const { name, plan } of examplePlans()) {
    for (const { what, edit } of EDITS) {
      it(`${name}: ${what}`, () => expectSameAfterReuse(plan, edit(plan)));
    }
  }

  it('200 plans generated from the schema, each edit', () => {
    const plans = schemaPlans;
    fc.assert(
      fc.property(plans, fc.integer({ min: 0, max: EDITS.length - 1 }), (plan, k) => {
        expectSameAfterReuse(plan, (EDITS[k] as (typeof EDITS)[number]).edit(plan));
      }),
      { numRuns: 200 },
    );
  });

  it('reuses the index and the parsed network, and makes what reads the servers again', () => {
    const plan = examplePlans().find((e) => e.name === 'hub-and-spoke')?.plan as Plan;
    if (plan.access.mode !== 'private') throw new Error('hub-and-spoke is a private-access plan');
    const renamed = (EDITS[0] as (typeof EDITS)[number]).edit(plan);
    const [a, b] = [contextFor(plan), contextFor(renamed)];
    if (a.mode !== 'private' || b.mode !== 'private') throw new Error('hub-and-spoke is a private-access plan');
    expect(planIndex(renamed)).toBe(planIndex(plan));
    expect(b.server).toBe(a.server);
    expect(b.places).toBe(a.places);
    expect(b.plan).toBe(renamed);
    expect(b.fqdn).not.toBe(a.fqdn);
    expect(b.dnsCache).not.toBe(a.dnsCache);
    // A change to the access settings builds the network again.
    const moved = { ...plan, access: { ...plan.access, peerings: [...plan.access.peerings] } };
    const c = contextFor(moved);
    expect(c.mode === 'private' ? c.server : null).not.toBe(a.server);
  });
});
