import { describe, expect, it } from 'vitest';
import { newPlan } from '../domain/new-plan';
import { COALESCE_MS, emptyHistory, HISTORY_LIMIT, record } from './history';

describe('history', () => {
  it('coalesces typing in one field into one undo step', () => {
    const a = newPlan();
    const b = { ...a, name: 'b' };
    let h = record(emptyHistory(), a, 'name', 1000);
    h = record(h, b, 'name', 1000 + COALESCE_MS - 1);
    expect(h.past).toEqual([a]);
    h = record(h, b, 'name', 1000 + 3 * COALESCE_MS);
    expect(h.past).toHaveLength(2);
  });
  it('different fields and keyless edits are separate steps, and redo is cleared', () => {
    const a = newPlan();
    let h = { ...record(emptyHistory(), a, 'name', 0), future: [a] };
    h = record(h, a, 'servers.0.name', 1);
    expect(h.past).toHaveLength(2);
    expect(h.future).toEqual([]);
    h = record(h, a, null, 2);
    h = record(h, a, null, 3);
    expect(h.past).toHaveLength(4);
  });
  it('keeps at most the limit', () => {
    let h = emptyHistory();
    for (let i = 0; i < HISTORY_LIMIT + 10; i += 1) h = record(h, newPlan(), null, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
  });
});
