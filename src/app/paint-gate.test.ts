import { describe, expect, it } from 'vitest';
import { newPlan } from '../domain/new-plan';
import type { PlannerState } from '../store/store';
import { showsPrerenderedState } from './paint-gate';

function store(initial: Partial<PlannerState>, current: Partial<PlannerState>) {
  return { getInitialState: () => initial as PlannerState, getState: () => current as PlannerState };
}

describe('showsPrerenderedState', () => {
  const plan = newPlan();
  const initial = { plan, step: 'basics' as const, revision: 0, incoming: null, openError: null };

  it('is true when the store still holds the plan and step the prerender rendered', () => {
    expect(showsPrerenderedState(store(initial, initial))).toBe(true);
    // Other state (here the edit counter) is read through hooks, which hydrate from the initial one.
    expect(showsPrerenderedState(store(initial, { ...initial, revision: 3 }))).toBe(true);
  });

  it('is false for a restored plan, even an equal one, and for a restored step', () => {
    expect(showsPrerenderedState(store(initial, { ...initial, plan: newPlan() }))).toBe(false);
    expect(showsPrerenderedState(store(initial, { ...initial, step: 'vnet' }))).toBe(false);
  });

  it('is false when a link opened before the first render (the review stands in front of the plan)', () => {
    const incoming = { plan: newPlan(), source: 'link' as const };
    expect(showsPrerenderedState(store(initial, { ...initial, incoming }))).toBe(false);
    const openError = {
      error: { kind: 'corrupt', message: 'x' },
      source: 'link',
    } as unknown as PlannerState['openError'];
    expect(showsPrerenderedState(store(initial, { ...initial, openError }))).toBe(false);
  });
});
