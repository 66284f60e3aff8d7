import { describe, expect, it } from 'vitest';
import { getIn, isUnder } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { largePlan, samplePlan, TYPICAL_SIZE, typicalPlan } from '../../domain/samples';
import { STEPS } from './steps';
import { formValuesFor, LISTS_OF_ONE_STEP } from './use-plan-form';

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

  it("empty another step's list, and keep it on its own step", () => {
    const plan = largePlan(1);
    for (const { path, owner } of LISTS_OF_ONE_STEP) {
      expect((getIn(plan, path) as unknown[]).length, path).toBeGreaterThan(0);
      expect(getIn(formValuesFor(plan, owner), path), path).toBe(getIn(plan, path));
      for (const step of STEPS.filter((s) => s.id !== owner))
        expect(getIn(formValuesFor(plan, step.id), path)).toEqual([]);
    }
    // The plan itself is left as it was, and the parts no list is in keep their identity.
    const before = JSON.stringify(plan);
    const values = formValuesFor(plan, 'basics');
    expect(JSON.stringify(plan)).toBe(before);
    expect(values.servers).toBe(plan.servers);
    expect(values.access.mode === 'private' && plan.access.mode === 'private' && values.access.vnet).toBe(
      plan.access.mode === 'private' && plan.access.vnet,
    );
  });

  it("no step owns a slice that holds, or lies inside, another step's list, so no step writes one back", () => {
    for (const { path, owner } of LISTS_OF_ONE_STEP)
      for (const step of STEPS.filter((s) => s.id !== owner))
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
