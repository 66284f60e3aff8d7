import { describe, expect, it } from 'vitest';
import { newPlan } from '../../domain/new-plan';
import { evaluate } from '../../rules';
import { usePlanner } from '../../store/store';
import { findingsFor, loadRuleEngine } from './use-findings';

describe('findings while the rule engine loads on demand', () => {
  it('shows the build-time findings for the initial plan, none for any other plan, then the live ones', async () => {
    const initial = usePlanner.getInitialState().plan;
    const other = { ...newPlan(), name: 'Another plan' };
    // Before the engine is in: the first screen's plan has the findings computed for it at build time.
    expect(findingsFor(initial)).toEqual(evaluate(initial));
    expect(findingsFor(initial).length).toBeGreaterThan(0);
    expect(findingsFor(other)).toEqual([]);
    await loadRuleEngine();
    expect(findingsFor(other)).toEqual(evaluate(other));
    expect(findingsFor(other).length).toBeGreaterThan(0);
    // One evaluation per plan object, shared by every reader.
    expect(findingsFor(other)).toBe(findingsFor(other));
  });
});
