/**
 * The one store, built from typed slices: the plan (with undo/redo), the wizard position, and the
 * recovery slot that keeps a replaced plan. Findings, topology and exports are computed from the
 * plan by the features, never stored. The plan autosaves to localStorage.
 */
import { create, type StateCreator } from 'zustand';
import { persist, type PersistStorage, type StorageValue } from 'zustand/middleware';
import { newPlan, newPrivateAccess, newPublicAccess } from '../domain/new-plan';
import { readPlanDocument } from '../domain/parse';
import { getIn, setIn } from '../domain/paths';
import type { Plan, PrivateAccess, PublicAccess } from '../domain/plan';
import type { PlanLoadError } from '../share/errors';
import { emptyHistory, record, type History } from './history';

export type StepId =
  'basics' | 'connectivity' | 'vnet' | 'subnet' | 'dns' | 'peering' | 'firewall' | 'security' | 'clients' | 'review';

export interface PlanSlice {
  plan: Plan;
  /** Bumped when the plan is replaced from outside the forms (undo, redo, load), so forms re-read it. */
  revision: number;
  history: History;
  /** The other mode's settings, kept while the user tries the other mode, so switching back loses nothing. */
  stashedAccess: { private?: PrivateAccess; public?: PublicAccess };
  setField: (path: string, value: unknown) => void;
  updatePlan: (update: (plan: Plan) => Plan, key?: string | null) => void;
  setMode: (mode: 'private' | 'public') => void;
  undo: () => void;
  redo: () => void;
}

export interface WizardSlice {
  step: StepId;
  /** A field to focus once its step is shown (set when a finding or a diagram marker is activated). */
  focusPath: string | null;
  goTo: (step: StepId) => void;
  focusField: (step: StepId, path: string) => void;
  clearFocus: () => void;
}

export interface RecoverySlice {
  /** A plan that was replaced by an opened link, file or example, kept so it can be restored. */
  previousPlan: Plan | null;
  /** Text of a stored plan that could not be read (kept, never thrown away). */
  unreadableSaved: string | null;
  /** A plan opened from a link or file, shown read-only until the user chooses to edit it. */
  incoming: { plan: Plan; source: 'link' | 'file' } | null;
  /** Why the last link or file could not be opened (the current plan is untouched). */
  openError: { error: PlanLoadError; source: 'link' | 'file' } | null;
  replacePlan: (plan: Plan, options?: { keepPrevious?: boolean }) => void;
  restorePrevious: () => void;
  dismissPrevious: () => void;
  showIncoming: (plan: Plan, source: 'link' | 'file') => void;
  /** Makes the incoming plan the plan being edited; the current one is kept for "Restore previous plan". */
  acceptIncoming: () => void;
  dismissIncoming: () => void;
  setOpenError: (error: { error: PlanLoadError; source: 'link' | 'file' } | null) => void;
}

export type PlannerState = PlanSlice & WizardSlice & RecoverySlice;

const createPlanSlice: StateCreator<PlannerState, [], [], PlanSlice> = (set, get) => ({
  plan: newPlan(),
  revision: 0,
  history: emptyHistory(),
  stashedAccess: {},
  setField: (path, value) =>
    get().updatePlan((plan) => (Object.is(getIn(plan, path), value) ? plan : setIn(plan, path, value)), path),
  updatePlan: (update, key = null) =>
    set((s) => {
      const next = update(s.plan);
      if (next === s.plan) return s;
      return { plan: next, history: record(s.history, s.plan, key, Date.now()) };
    }),
  setMode: (mode) =>
    set((s) => {
      if (s.plan.access.mode === mode) return s;
      const current = s.plan.access;
      const stashedAccess = { ...s.stashedAccess, [current.mode]: current };
      const region = s.plan.servers[0]?.region;
      const access =
        mode === 'private'
          ? (s.stashedAccess.private ?? newPrivateAccess(region))
          : (s.stashedAccess.public ?? newPublicAccess());
      const plan = { ...s.plan, access };
      return { plan, stashedAccess, history: record(s.history, s.plan, null, Date.now()), revision: s.revision + 1 };
    }),
  undo: () =>
    set((s) => {
      const previous = s.history.past[s.history.past.length - 1];
      if (previous === undefined) return s;
      return {
        plan: previous,
        revision: s.revision + 1,
        history: { past: s.history.past.slice(0, -1), future: [s.plan, ...s.history.future], lastKey: null, lastAt: 0 },
      };
    }),
  redo: () =>
    set((s) => {
      const [next, ...rest] = s.history.future;
      if (next === undefined) return s;
      return {
        plan: next,
        revision: s.revision + 1,
        history: { past: [...s.history.past, s.plan], future: rest, lastKey: null, lastAt: 0 },
      };
    }),
});

const createWizardSlice: StateCreator<PlannerState, [], [], WizardSlice> = (set) => ({
  step: 'basics',
  focusPath: null,
  goTo: (step) => set({ step, focusPath: null }),
  focusField: (step, path) => set({ step, focusPath: path }),
  clearFocus: () => set({ focusPath: null }),
});

const createRecoverySlice: StateCreator<PlannerState, [], [], RecoverySlice> = (set) => ({
  previousPlan: null,
  unreadableSaved: null,
  replacePlan: (plan, options = {}) =>
    set((s) => ({
      plan,
      previousPlan: options.keepPrevious === false ? s.previousPlan : s.plan,
      revision: s.revision + 1,
      history: record(s.history, s.plan, null, Date.now()),
      stashedAccess: {},
      step: 'basics',
    })),
  restorePrevious: () =>
    set((s) => {
      if (s.previousPlan === null) return s;
      return {
        plan: s.previousPlan,
        previousPlan: s.plan,
        revision: s.revision + 1,
        history: record(s.history, s.plan, null, Date.now()),
        stashedAccess: {},
      };
    }),
  dismissPrevious: () => set({ previousPlan: null }),
  incoming: null,
  openError: null,
  showIncoming: (plan, source) => set({ incoming: { plan, source }, openError: null }),
  acceptIncoming: () =>
    set((s) => {
      if (s.incoming === null) return s;
      const same = JSON.stringify(s.incoming.plan) === JSON.stringify(s.plan);
      return {
        plan: s.incoming.plan,
        previousPlan: same ? s.previousPlan : s.plan,
        incoming: null,
        revision: s.revision + 1,
        history: record(s.history, s.plan, null, Date.now()),
        stashedAccess: {},
        step: 'basics' as StepId,
      };
    }),
  dismissIncoming: () => set({ incoming: null }),
  setOpenError: (openError) => set({ openError }),
});

export const STORAGE_KEY = 'pgflex-netplan:state';

interface Persisted {
  plan: unknown;
  previousPlan: unknown;
  step: StepId;
  stashedAccess: unknown;
}

/** Reads what was saved; an unreadable plan is kept as text (never discarded) and a new plan starts. */
export function rehydrate(saved: Partial<Persisted> | undefined, current: PlannerState): PlannerState {
  if (saved === undefined) return current;
  const plan = saved.plan === undefined ? null : readPlanDocument(saved.plan);
  const previous =
    saved.previousPlan === undefined || saved.previousPlan === null ? null : readPlanDocument(saved.previousPlan);
  const stash = (saved.stashedAccess ?? {}) as PlanSlice['stashedAccess'];
  return {
    ...current,
    plan: plan?.ok ? plan.plan : current.plan,
    unreadableSaved: plan !== null && !plan.ok ? JSON.stringify(saved.plan) : null,
    previousPlan: previous?.ok ? previous.plan : null,
    step: saved.step ?? current.step,
    stashedAccess: typeof stash === 'object' && stash !== null ? stash : {},
  };
}

/** The autosave writes once the plan has not changed for this long (and when the page is hidden or closed). */
export const SAVE_DELAY_MS = 600;

/**
 * localStorage behind a short delay: serialising and writing a large plan on every keystroke would
 * cost more than the validation itself, so the write waits for a pause in typing. Pending writes are flushed when the page is hidden or closed, so a reload or
 * a closed tab keeps the last edit. Without localStorage (Node, a locked-down browser) nothing is saved.
 */
export function deferredLocalStorage<S>(): PersistStorage<S> {
  if (typeof localStorage === 'undefined')
    return { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
  let pending: { name: string; value: StorageValue<S> } | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (pending === null) return;
    const { name, value } = pending;
    pending = null;
    try {
      localStorage.setItem(name, JSON.stringify(value));
    } catch {
      // Quota exceeded or storage disabled: the plan stays in memory and in the share link / plan file.
    }
  };
  if (typeof window !== 'undefined') {
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flush();
    });
  }
  return {
    getItem: (name) => {
      const text = localStorage.getItem(name);
      if (text === null) return null;
      try {
        return JSON.parse(text) as StorageValue<S>;
      } catch {
        return { state: { plan: text } as unknown as S, version: 1 };
      }
    },
    setItem: (name, value) => {
      pending = { name, value };
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(flush, SAVE_DELAY_MS);
    },
    removeItem: (name) => {
      pending = null;
      localStorage.removeItem(name);
    },
  };
}

export const usePlanner = create<PlannerState>()(
  persist((...a) => ({ ...createPlanSlice(...a), ...createWizardSlice(...a), ...createRecoverySlice(...a) }), {
    name: STORAGE_KEY,
    version: 1,
    storage: deferredLocalStorage<Persisted>(),
    partialize: (s): Persisted => ({
      plan: s.plan,
      previousPlan: s.previousPlan,
      step: s.step,
      stashedAccess: s.stashedAccess,
    }),
    merge: (saved, current) => rehydrate(saved as Partial<Persisted> | undefined, current),
  }),
);
