/**
 * The one store, built from typed slices: the plan (with undo/redo), the wizard position, the
 * recovery slot that keeps a replaced plan, and the autosave's status. Findings, topology and exports
 * are computed from the plan by the features, never stored. The plan autosaves to localStorage through
 * zustand's `persist` (see ./autosave and ./saved-state): every stored part is parsed when read back.
 */
import { create, type StateCreator, type StoreApi } from 'zustand';
import { persist } from 'zustand/middleware';
import { newPlan, newPrivateAccess, newPublicAccess, withPrivateEndpoints } from '../domain/new-plan';
import { getIn, setIn } from '../domain/paths';
import type { Plan } from '../domain/plan';
import type { PlanLoadError } from '../share/errors';
import { STORAGE_KEY, createAutosave, type AutosaveStatus, type KeptCopy } from './autosave';
import { emptyHistory, record, type History } from './history';
import { saveImportReport, savedImportReportText, type ImportReport } from './import-report';
import {
  STORE_VERSION,
  migrateStoredState,
  readStoredState,
  type PlanReader,
  type SavedParts,
  type StashedAccess,
  type StepId,
} from './saved-state';

export { STORAGE_KEY, type AutosaveStatus, type KeptCopy } from './autosave';
export type { StepId } from './saved-state';

export interface PlanSlice {
  plan: Plan;
  /** Bumped when the plan is replaced from outside the forms (undo, redo, load), so forms re-read it. */
  revision: number;
  history: History;
  /** The other mode's settings, kept while the user tries the other mode, so switching back loses nothing. */
  stashedAccess: StashedAccess;
  setField: (path: string, value: unknown) => void;
  updatePlan: (update: (plan: Plan) => Plan, key?: string | null) => void;
  /**
   * Chooses the access mode; with public access, `endpoints` chooses with private endpoints or without (see
   * `withPrivateEndpoints`). One undo step.
   */
  setMode: (mode: 'private' | 'public', endpoints?: boolean) => void;
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
  /**
   * A plan opened from a link, a plan file or a deployment (imported, with what the import could not hold), shown
   * read-only until the user chooses to edit it.
   */
  incoming: { plan: Plan; source: 'link' | 'file' | 'deployment'; report?: ImportReport } | null;
  /**
   * The report of the last deployment imported and taken for editing (see `./import-report`: it applies while the
   * plan holds the imported server; `importReportFor` says whether it does). Saved under its own key.
   */
  importReport: ImportReport | null;
  /** Why the last link or file could not be opened (the current plan is untouched). */
  openError: { error: PlanLoadError; source: 'link' | 'file' } | null;
  replacePlan: (plan: Plan, options?: { keepPrevious?: boolean }) => void;
  restorePrevious: () => void;
  dismissPrevious: () => void;
  showIncoming: (plan: Plan, source: 'link' | 'file' | 'deployment', report?: ImportReport) => void;
  /**
   * Makes the incoming plan the plan being edited; the current one is kept for "Restore previous plan". An imported
   * deployment's report replaces the import report; any other plan leaves it (it applies only to its own server).
   */
  acceptIncoming: () => void;
  dismissIncoming: () => void;
  setOpenError: (error: { error: PlanLoadError; source: 'link' | 'file' } | null) => void;
}

export interface AutosaveSlice {
  autosave: AutosaveStatus;
  /** Forgets a saved state that was kept aside because it could not be read. */
  dismissKept: (copy: KeptCopy) => void;
  /** Another tab saved while this one had unsaved work: take its plan (this one stays restorable)… */
  loadOtherTab: () => void;
  /** …or keep this tab's plan (the other one stays restorable). */
  keepMine: () => void;
  /** Tries a failed save again now. */
  retrySave: () => void;
}

export type PlannerState = PlanSlice & WizardSlice & RecoverySlice & AutosaveSlice;

/** Undo and redo change the plan being edited, which is hidden while an opened plan is reviewed. */
export const selectCanUndo = (s: PlannerState): boolean => s.incoming === null && s.history.past.length > 0;
export const selectCanRedo = (s: PlannerState): boolean => s.incoming === null && s.history.future.length > 0;

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
  setMode: (mode, endpoints) =>
    set((s) => {
      const current = s.plan.access;
      const switching = current.mode !== mode;
      const stashedAccess = switching ? { ...s.stashedAccess, [current.mode]: current } : s.stashedAccess;
      const region = s.plan.servers[0]?.region;
      let access = !switching
        ? current
        : mode === 'private'
          ? (s.stashedAccess.private ?? newPrivateAccess(region))
          : (s.stashedAccess.public ?? newPublicAccess());
      if (access.mode === 'public' && endpoints !== undefined)
        access = withPrivateEndpoints(access, s.plan.servers[0]?.name ?? '', endpoints);
      if (access === current) return s;
      const plan = { ...s.plan, access };
      return { plan, stashedAccess, history: record(s.history, s.plan, null, Date.now()), revision: s.revision + 1 };
    }),
  undo: () =>
    set((s) => {
      const previous = s.history.past[s.history.past.length - 1];
      if (previous === undefined || s.incoming !== null) return s;
      return {
        plan: previous,
        revision: s.revision + 1,
        history: { past: s.history.past.slice(0, -1), future: [s.plan, ...s.history.future], lastKey: null, lastAt: 0 },
      };
    }),
  redo: () =>
    set((s) => {
      const [next, ...rest] = s.history.future;
      if (next === undefined || s.incoming !== null) return s;
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
  replacePlan: (plan, options = {}) =>
    set((s) => ({
      plan,
      importReport: null,
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
  showIncoming: (plan, source, report) =>
    set({ incoming: report === undefined ? { plan, source } : { plan, source, report }, openError: null }),
  importReport: null,
  acceptIncoming: () =>
    set((s) => {
      if (s.incoming === null) return s;
      const same = JSON.stringify(s.incoming.plan) === JSON.stringify(s.plan);
      return {
        plan: s.incoming.plan,
        previousPlan: same ? s.previousPlan : s.plan,
        incoming: null,
        importReport: s.incoming.report ?? s.importReport,
        revision: s.revision + 1,
        history: record(s.history, s.plan, null, Date.now()),
        stashedAccess: {},
        step: 'basics' as StepId,
      };
    }),
  dismissIncoming: () => set({ incoming: null }),
  setOpenError: (openError) => set({ openError }),
});

const partsOf = (s: PlannerState): SavedParts => ({
  plan: s.plan,
  previousPlan: s.previousPlan,
  step: s.step,
  stashedAccess: s.stashedAccess,
});

export interface PlannerOptions {
  /** Where the autosave reads and writes; null: nothing is saved (Node, tests). */
  storage: Storage | null;
  /** Why storage cannot be used at all, shown as a failed save. */
  saveError?: string | null;
  /** Listens to this window's `storage`, `pagehide`, `visibilitychange` and `beforeunload` events. */
  events?: Window;
  /** Reads a stored plan document; the plan format migration chain unless a test passes its own. */
  readPlan?: PlanReader;
  delayMs?: number;
}

/** A planner store with its autosave; the app uses the one bound to the page's localStorage, tests make their own. */
export function createPlanner(options: PlannerOptions) {
  // Set by the initializer, which runs before the autosave is first asked for anything.
  let api: StoreApi<PlannerState> | null = null;
  const get = (): PlannerState => api!.getState();
  const setState = (update: (s: PlannerState) => Partial<PlannerState>) => api?.setState(update);
  const autosave = createAutosave(
    options.storage,
    {
      parts: () => partsOf(get()),
      report: (status) => setState(() => ({ autosave: status })),
      adopt: (parts, keepCurrent) =>
        setState((s) => {
          const plan = parts.plan ?? s.plan;
          const same = JSON.stringify(plan) === JSON.stringify(s.plan);
          return {
            plan: same ? s.plan : plan,
            previousPlan: keepCurrent && !same ? s.plan : (parts.previousPlan ?? null),
            stashedAccess: parts.stashedAccess ?? {},
            revision: same ? s.revision : s.revision + 1,
            history: same ? s.history : record(s.history, s.plan, null, Date.now()),
          };
        }),
      keepAsPrevious: (plan) => setState(() => ({ previousPlan: plan })),
    },
    options,
  );
  const createAutosaveSlice = (): AutosaveSlice => ({
    autosave: { kept: [], saveError: options.saveError ?? null, conflict: null },
    dismissKept: (copy) => autosave.dismissKept(copy),
    loadOtherTab: () => autosave.loadOther(),
    keepMine: () => autosave.keepMine(),
    retrySave: () => autosave.flush(),
  });
  const store = create<PlannerState>()(
    persist<PlannerState, [], [], unknown>(
      (...a) => {
        api = a[2];
        return {
          ...createPlanSlice(...a),
          ...createWizardSlice(...a),
          ...createRecoverySlice(...a),
          ...createAutosaveSlice(),
        };
      },
      {
        name: STORAGE_KEY,
        version: STORE_VERSION,
        storage: autosave.storage,
        partialize: partsOf,
        migrate: migrateStoredState,
        merge: (persisted, current) => {
          const read = persisted === undefined ? null : readStoredState(persisted, options.readPlan);
          const parts = read?.parts ?? {};
          const state: PlannerState = {
            ...current,
            plan: parts.plan ?? current.plan,
            previousPlan: parts.previousPlan ?? null,
            step: parts.step ?? current.step,
            stashedAccess: parts.stashedAccess ?? current.stashedAccess,
          };
          return { ...state, autosave: autosave.loaded(read, partsOf(state)) };
        },
      },
    ),
  );
  if (options.events) autosave.listen(options.events);
  if (options.storage !== null) keepImportReport(store, options.storage);
  return { usePlanner: store, autosave };
}

/** Saves the import report whenever it changes, and reads back the one saved (its reader loads only then). */
function keepImportReport(store: StoreApi<PlannerState>, storage: Storage): void {
  const text = savedImportReportText(storage);
  if (text !== null)
    void import('./import-report-reader').then(({ readImportReport }) => {
      // An import made meanwhile wins.
      if (store.getState().importReport !== null) return;
      const report = readImportReport(text);
      if (report === null) saveImportReport(storage, null);
      else store.setState({ importReport: report });
    });
  store.subscribe((s, previous) => {
    if (s.importReport !== previous.importReport) saveImportReport(storage, s.importReport);
  });
}

function browserStorage(): PlannerOptions {
  if (typeof window === 'undefined') return { storage: null };
  try {
    return { storage: window.localStorage, events: window };
  } catch {
    return { storage: null, saveError: 'this browser does not let the page keep data', events: window };
  }
}

export const { usePlanner } = createPlanner(browserStorage());
