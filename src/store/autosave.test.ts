import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newPlan, newPublicAccess } from '../domain/new-plan';
import { typicalPlan } from '../domain/samples';
import { evaluate } from '../rules';
import { KEPT_PREFIX, STORAGE_KEY, describeSaveError } from './autosave';
import { readSavedText, serializeSaved, type SavedParts } from './saved-state';
import { createPlanner } from './store';
import { MemoryStorage } from './testing/memory-storage';

/** A tab: a planner store on a view of `shared`, hearing the other tabs' writes as `storage` events. */
function openTab(shared: MemoryStorage) {
  const view = shared.tab();
  const planner = createPlanner({ storage: view.storage });
  view.listen((key, value) => planner.autosave.onStorage(key, value));
  const state = () => planner.usePlanner.getState();
  return { ...planner, state };
}

/** Lets the autosave's delayed write happen. */
const settle = () => vi.runAllTimers();

const stored = (shared: MemoryStorage) => shared.items.get(STORAGE_KEY) ?? null;
const storedPlanName = (shared: MemoryStorage) => readSavedText(stored(shared) ?? '').parts.plan?.name;
const keptTexts = (shared: MemoryStorage) =>
  [...shared.items].filter(([k]) => k.startsWith(KEPT_PREFIX)).map(([, v]) => v);

const savedText = (over: Partial<SavedParts> = {}) =>
  serializeSaved({ plan: typicalPlan(), previousPlan: null, step: 'basics', stashedAccess: {}, ...over });

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('the autosave', () => {
  it('saves after a pause and opens what it saved', () => {
    const shared = new MemoryStorage();
    const a = openTab(shared);
    a.state().setField('name', 'Saved plan');
    expect(stored(shared)).toBeNull();
    settle();
    expect(storedPlanName(shared)).toBe('Saved plan');
    const b = openTab(shared);
    expect(b.state().plan.name).toBe('Saved plan');
    expect(b.state().autosave).toEqual({ kept: [], saveError: null, conflict: null });
  });

  it('writes nothing when only unsaved state changes (opening a plan for review, a failed link)', () => {
    const shared = new MemoryStorage();
    shared.items.set(STORAGE_KEY, savedText());
    const a = openTab(shared);
    a.state().showIncoming(newPlan(), 'link');
    a.state().dismissIncoming();
    settle();
    expect(shared.writes).toEqual([]);
  });
});

describe('a saved state that cannot be read', () => {
  it('not JSON: a new plan, a visible report, the text kept under its own key, never overwritten', () => {
    const shared = new MemoryStorage();
    const corrupt = '{"state":{"plan":{"formatVersion":1,"name":"Hours of work"';
    shared.items.set(STORAGE_KEY, corrupt);
    const a = openTab(shared);
    expect(a.state().plan).toEqual(newPlan());
    expect(a.state().autosave.kept).toEqual([
      { key: expect.stringMatching(`^${KEPT_PREFIX}`), text: corrupt, problems: ['it is not valid JSON'], whole: true },
    ]);
    expect(keptTexts(shared)).toEqual([corrupt]);

    // The first autosave replaces the state, not the kept copy; after a reload it is still reported.
    a.state().setField('name', 'Fresh');
    settle();
    expect(storedPlanName(shared)).toBe('Fresh');
    expect(keptTexts(shared)).toEqual([corrupt]);
    const reloaded = openTab(shared);
    expect(reloaded.state().plan.name).toBe('Fresh');
    expect(reloaded.state().autosave.kept.map((k) => k.text)).toEqual([corrupt]);

    // Only dismissing it lets it go.
    const [copy] = reloaded.state().autosave.kept;
    reloaded.state().dismissKept(copy!);
    expect(keptTexts(shared)).toEqual([]);
    expect(reloaded.state().autosave.kept).toEqual([]);
  });

  it('is kept once, however often the page is reloaded before anything is saved over it', () => {
    const shared = new MemoryStorage();
    shared.items.set(STORAGE_KEY, 'garbage');
    openTab(shared);
    openTab(shared);
    const third = openTab(shared);
    expect(keptTexts(shared)).toEqual(['garbage']);
    expect(third.state().autosave.kept).toHaveLength(1);
  });

  it('a stashed access failing its schema: the plan opens as saved, the part is reported, nothing throws', () => {
    const shared = new MemoryStorage();
    const text = JSON.stringify({
      state: {
        plan: typicalPlan(),
        previousPlan: null,
        step: 'security',
        stashedAccess: { public: { mode: 'public', firewallRules: 'not-a-list' } },
      },
      version: 1,
    });
    shared.items.set(STORAGE_KEY, text);
    const a = openTab(shared);
    expect(a.state().plan).toEqual(typicalPlan());
    expect(a.state().step).toBe('security');
    expect(a.state().autosave.kept).toEqual([
      {
        key: expect.any(String),
        text,
        problems: [expect.stringContaining('the public-access settings kept for switching back')],
        whole: false,
      },
    ]);
    a.state().setMode('public');
    expect(a.state().plan.access).toEqual(newPublicAccess());
    expect(() => evaluate(a.state().plan)).not.toThrow();
  });

  it('a plan failing its schema: a new plan, the reason with its path, the text kept', () => {
    const shared = new MemoryStorage();
    const text = JSON.stringify({ state: { plan: { ...typicalPlan(), servers: 'nope' } }, version: 1 });
    shared.items.set(STORAGE_KEY, text);
    const a = openTab(shared);
    expect(a.state().plan).toEqual(newPlan());
    expect(a.state().autosave.kept[0]).toMatchObject({
      text,
      whole: true,
      problems: [expect.stringContaining('servers')],
    });
  });

  it('another store version: a new plan, a message naming it, the text kept, not overwritten by the first edit', () => {
    const shared = new MemoryStorage();
    const text = JSON.stringify({ state: { plan: typicalPlan(), layout: 'v2' }, version: 2 });
    shared.items.set(STORAGE_KEY, text);
    const a = openTab(shared);
    expect(a.state().plan.name).toBe('Untitled plan');
    expect(a.state().autosave.kept[0]?.problems).toEqual([
      'it was saved by a newer version of the planner (saved state version 2; this one reads 1)',
    ]);
    a.state().setField('name', 'First edit');
    settle();
    expect(storedPlanName(shared)).toBe('First edit');
    expect(keptTexts(shared)).toEqual([text]);
  });

  it('when it cannot be copied aside (storage full), nothing is saved over it until it is dismissed', () => {
    const shared = new MemoryStorage();
    shared.items.set(STORAGE_KEY, 'garbage');
    shared.fill();
    const a = openTab(shared);
    expect(a.state().autosave.kept).toEqual([{ key: null, text: 'garbage', problems: expect.any(Array), whole: true }]);
    a.state().setField('name', 'Edited');
    settle();
    a.autosave.flush();
    expect(stored(shared)).toBe('garbage');
    expect(a.autosave.unsaved()).toBe(true);

    shared.quota = Number.POSITIVE_INFINITY;
    a.state().dismissKept(a.state().autosave.kept[0]!);
    expect(storedPlanName(shared)).toBe('Edited');
    expect(a.autosave.unsaved()).toBe(false);
  });
});

describe('a save that fails', () => {
  it('storage full: a persistent report until a later save succeeds; nothing is lost meanwhile', () => {
    const shared = new MemoryStorage();
    const a = openTab(shared);
    a.state().setField('name', 'Saved once');
    settle();
    shared.fill();
    a.state().setField('name', 'A much longer name that no longer fits');
    settle();
    expect(a.state().autosave.saveError).toBe('the browser’s storage for this page is full');
    expect(storedPlanName(shared)).toBe('Saved once');
    expect(a.autosave.unsaved()).toBe(true);

    // Retried: still full, still reported.
    a.state().retrySave();
    expect(a.state().autosave.saveError).not.toBeNull();

    shared.quota = Number.POSITIVE_INFINITY;
    a.state().setField('servers.0.name', 'pg-one');
    settle();
    expect(a.state().autosave.saveError).toBeNull();
    expect(storedPlanName(shared)).toBe('A much longer name that no longer fits');
    expect(a.autosave.unsaved()).toBe(false);
  });

  it('"Try again" saves without another edit once there is room', () => {
    const shared = new MemoryStorage();
    const a = openTab(shared);
    shared.fill();
    a.state().setField('name', 'Waiting');
    settle();
    expect(a.state().autosave.saveError).not.toBeNull();
    shared.quota = Number.POSITIVE_INFINITY;
    a.state().retrySave();
    expect(a.state().autosave.saveError).toBeNull();
    expect(storedPlanName(shared)).toBe('Waiting');
  });

  it('describes a full storage and any other refusal', () => {
    expect(describeSaveError(new DOMException('x', 'QuotaExceededError'))).toContain('full');
    expect(describeSaveError(new DOMException('denied', 'SecurityError'))).toBe(
      'the browser refused to store it (denied)',
    );
  });
});

describe('two tabs', () => {
  it('a tab without unsaved work takes the other tab’s changes, and taking them writes nothing', () => {
    const shared = new MemoryStorage();
    const b = openTab(shared); // opened first
    const a = openTab(shared);
    a.state().setField('name', 'Renamed in A');
    settle();
    expect(b.state().plan.name).toBe('Renamed in A');
    expect(shared.writes).toHaveLength(1);

    // B's next edit builds on A's rename instead of overwriting it.
    b.state().setField('servers.0.name', 'pg-from-b');
    settle();
    expect(a.state().plan.name).toBe('Renamed in A');
    expect(a.state().plan.servers[0]?.name).toBe('pg-from-b');
    expect(shared.writes).toHaveLength(2);
    settle();
    expect(shared.writes).toHaveLength(2);
  });

  it('steps are each tab’s own: moving in one tab does not move the other or start an exchange', () => {
    const shared = new MemoryStorage();
    const a = openTab(shared);
    const b = openTab(shared);
    a.state().goTo('dns');
    settle();
    b.state().goTo('security');
    settle();
    expect(a.state().step).toBe('dns');
    expect(b.state().step).toBe('security');
    settle();
    expect(shared.writes).toHaveLength(2);
  });

  it('a tab with unsaved work asks instead of overwriting, and writes nothing until the user chooses', () => {
    const shared = new MemoryStorage();
    const b = openTab(shared);
    const a = openTab(shared);
    b.state().setField('servers.0.name', 'pg-typed-in-b'); // not saved yet
    a.state().setField('name', 'Renamed in A');
    a.autosave.flush();
    expect(b.state().autosave.conflict).toEqual({ planName: 'Renamed in A' });
    expect(b.state().plan.servers[0]?.name).toBe('pg-typed-in-b');
    settle();
    b.autosave.flush();
    expect(storedPlanName(shared)).toBe('Renamed in A');
    expect(b.autosave.unsaved()).toBe(true);
  });

  it('"Keep mine" saves this tab’s plan and keeps the other one restorable, in both tabs', () => {
    const shared = new MemoryStorage();
    const b = openTab(shared);
    const a = openTab(shared);
    b.state().setField('name', 'Mine (B)');
    a.state().setField('name', 'Theirs (A)');
    a.autosave.flush();
    b.state().keepMine();
    expect(b.state().autosave.conflict).toBeNull();
    expect(storedPlanName(shared)).toBe('Mine (B)');
    expect(b.state().previousPlan?.name).toBe('Theirs (A)');
    // A had nothing unsaved: it follows, and A's rename stays restorable there too.
    expect(a.state().plan.name).toBe('Mine (B)');
    expect(a.state().previousPlan?.name).toBe('Theirs (A)');
    expect(a.state().autosave.conflict).toBeNull();
    settle();
    expect(shared.writes).toHaveLength(2);
  });

  it('"Load those changes" takes the other tab’s plan and keeps this tab’s restorable', () => {
    const shared = new MemoryStorage();
    const b = openTab(shared);
    const a = openTab(shared);
    b.state().setField('name', 'Mine (B)');
    a.state().setField('name', 'Theirs (A)');
    a.autosave.flush();
    const revision = b.state().revision;
    b.state().loadOtherTab();
    expect(b.state().plan.name).toBe('Theirs (A)');
    expect(b.state().revision).toBe(revision + 1);
    expect(b.state().previousPlan?.name).toBe('Mine (B)');
    expect(storedPlanName(shared)).toBe('Theirs (A)');
    expect(a.state().previousPlan?.name).toBe('Mine (B)');
    settle();
    expect(shared.writes).toHaveLength(2);
  });

  it('a write from another tab that was never announced is found before saving, and asked about', () => {
    const shared = new MemoryStorage();
    const b = createPlanner({ storage: shared.tab().storage }); // hears no events
    const a = openTab(shared);
    a.state().setField('name', 'Renamed in A');
    settle();
    b.usePlanner.getState().setField('servers.0.name', 'pg-b');
    settle();
    expect(storedPlanName(shared)).toBe('Renamed in A');
    expect(b.usePlanner.getState().autosave.conflict).toEqual({ planName: 'Renamed in A' });
  });

  it('a state another tab wrote that this tab cannot read is kept aside, and this tab’s plan saved', () => {
    const shared = new MemoryStorage();
    const a = openTab(shared);
    const b = openTab(shared);
    a.state().setField('name', 'Mine');
    settle();
    const newer = JSON.stringify({ state: { plan: typicalPlan() }, version: 9 });
    shared.tab().storage.setItem(STORAGE_KEY, newer); // as a newer planner in a third tab would
    expect(a.state().autosave.kept.map((k) => k.text)).toEqual([newer]);
    settle();
    expect(keptTexts(shared)).toEqual([newer]);
    expect(storedPlanName(shared)).toBe('Mine');
    // The other tab hears of the kept copy too.
    expect(b.state().autosave.kept.map((k) => k.text)).toEqual([newer]);
  });

  it('a dismissed copy disappears from every tab', () => {
    const shared = new MemoryStorage();
    shared.items.set(STORAGE_KEY, 'garbage');
    const a = openTab(shared);
    const b = openTab(shared);
    expect(b.state().autosave.kept).toHaveLength(1);
    a.state().dismissKept(a.state().autosave.kept[0]!);
    expect(b.state().autosave.kept).toEqual([]);
  });
});
