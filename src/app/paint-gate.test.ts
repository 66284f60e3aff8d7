import { describe, expect, it } from 'vitest';
import { newPlan } from '../domain/new-plan';
import type { PlannerState } from '../store/store';
import { showsPrerenderedState } from './paint-gate';

function store(initial: Partial<PlannerState>, current: Partial<PlannerState>) {
  return { getInitialState: () => initial as PlannerState, getState: () => current as PlannerState };
}

describe('showsPrerenderedState', () => {
  const plan = newPlan();
  const initial = { plan, step: 'basics' as const, revision: 0 };

  it('is true when the store still holds the plan and step the prerender rendered', () => {
    expect(showsPrerenderedState(store(initial, initial))).toBe(true);
    // Other state (here the edit counter) is read through hooks, which hydrate from the initial one.
    expect(showsPrerenderedState(store(initial, { ...initial, revision: 3 }))).toBe(true);
  });

  it('is false for a restored plan, even an equal one, and for a restored step', () => {
    expect(showsPrerenderedState(store(initial, { ...initial, plan: newPlan() }))).toBe(false);
    expect(showsPrerenderedState(store(initial, { ...initial, step: 'vnet' }))).toBe(false);
  });
});
