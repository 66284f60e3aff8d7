import { describe, expect, it } from 'vitest';
import { getIn, isUnder, setIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { examplePlan } from '../../domain/testing/examples';
import { largePlan, samplePlan, TYPICAL_SIZE, typicalPlan } from '../../domain/samples';
import { STEPS } from './steps';
import { formValuesFor, STEP_LISTS } from './use-plan-form';

const PLANS: readonly [string, Plan][] = [
  ['large, private', largePlan(1)],
  ['typical, private', typicalPlan()],
  ['typical, public', samplePlan(TYPICAL_SIZE, 'public')],
];

describe("a step's form values", () => {
  it('hold every slice the step owns, as the same objects as the plan', () => {
    for (const [name, plan] of PLANS)
      for (const step of STEPS) {
        const values = formValuesFor(plan, step.id);
        for (const prefix of step.owns)
          expect(getIn(values, prefix), `${name}, ${step.id}, ${prefix}`).toBe(getIn(plan, prefix));
      }
  });

  it("empty the lists a step doesn't show, and keep them on the steps that show them", () => {
    // The large plan, with the route tables and sites of the hub-spoke-firewall example (it has none of its own).
    const hub = examplePlan('hub-spoke-firewall');
    let plan = largePlan(1);
    for (const path of ['access.routeTables', 'access.onPremises'])
      if ((getIn(plan, path) as unknown[]).length === 0) plan = setIn(plan, path, getIn(hub, path));
    for (const { path, owners } of STEP_LISTS) {
      if (path === 'access.firewallRules') continue; // a public plan's list: below
      expect((getIn(plan, path) as unknown[]).length, path).toBeGreaterThan(0);
      for (const owner of owners) expect(getIn(formValuesFor(plan, owner), path), path).toBe(getIn(plan, path));
      for (const step of STEPS.filter((s) => !owners.includes(s.id)))
        expect(getIn(formValuesFor(plan, step.id), path), `${step.id}, ${path}`).toEqual([]);
    }
    const open = samplePlan(TYPICAL_SIZE, 'public');
    expect(getIn(formValuesFor(open, 'firewall'), 'access.firewallRules')).toBe(getIn(open, 'access.firewallRules'));
    expect(getIn(formValuesFor(open, 'basics'), 'access.firewallRules')).toEqual([]);
    // The plan itself is left as it was, and the parts no list is in keep their identity.
    const before = JSON.stringify(plan);
    const values = formValuesFor(plan, 'basics');
    expect(JSON.stringify(plan)).toBe(before);
    expect(values.servers).toBe(plan.servers);
    expect(values.tls).toBe(plan.tls);
    const vnet = (p: Plan) => (p.access.mode === 'private' ? p.access.vnet : null);
    expect(vnet(values)?.addressSpaces).toBe(vnet(plan)?.addressSpaces);
  });

  it("no step owns a slice that holds, or lies inside, a list it doesn't show, so no step writes one back", () => {
    for (const { path, owners } of STEP_LISTS)
      for (const step of STEPS.filter((s) => !owners.includes(s.id)))
        for (const prefix of step.owns)
          expect(isUnder(path, prefix) || isUnder(prefix, path), `${step.id} owns ${prefix}`).toBe(false);
  });

  it('adds nothing a plan lacks (a public plan has no delegated subnet)', () => {
    const plan = samplePlan(TYPICAL_SIZE, 'public');
    for (const step of STEPS) {
      const values = formValuesFor(plan, step.id);
      expect(getIn(values, 'access.delegatedSubnet'), step.id).toBeUndefined();
    }
  });
});
