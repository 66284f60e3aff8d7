/**
 * The autosave: the store's parts written to the browser's storage after a pause in typing, read back
 * through `saved-state`. It never loses work without saying so:
 * - a saved state that cannot be read (whole or in part) is copied under its own key before anything is
 *   written over it, and stays there until the user dismisses it; if it cannot be copied (storage full),
 *   nothing is written over the original until the user has dismissed it;
 * - a save that fails (storage full or disabled) is reported until a later save succeeds;
 * - tabs share one saved state. A tab without unsaved work takes another tab's changes as they come
 *   (the `storage` event); a tab with unsaved work writes nothing and asks which side to keep. Taking
 *   another tab's changes never writes, so two tabs cannot keep answering each other.
 * Without storage (Node, tests that pass none) nothing is read or written.
 */
import type { PersistStorage } from 'zustand/middleware';
import type { Plan } from '../domain/plan';
import {
  parseEnvelope,
  readSavedText,
  serializeSaved,
  type PlanReader,
  type SavedParts,
  type SavedRead,
} from './saved-state';

export const STORAGE_KEY = 'pgflex-netplan:state';
/** A saved state that could not be read is kept under this prefix, one key each, until dismissed. */
export const KEPT_PREFIX = 'pgflex-netplan:kept:';
/** The autosave writes once the plan has not changed for this long (and when the page is hidden or closed). */
const SAVE_DELAY_MS = 600;

export interface KeptCopy {
  /** Its own storage key; null when it could not be copied (then nothing is saved over the original). */
  key: string | null;
  text: string;
  /** What could not be read, one phrase each. */
  problems: string[];
  /** Nothing of it could be used, so a new plan was started; otherwise only the parts named were left out. */
  whole: boolean;
}

export interface AutosaveStatus {
  kept: KeptCopy[];
  /** Why the last save failed; cleared by the next save that succeeds. */
  saveError: string | null;
  /** Another tab saved while this one had unsaved work (its plan's name): nothing is written until the user chooses. */
  conflict: { planName: string } | null;
}

/** What the autosave needs from the store. */
export interface AutosaveHost {
  parts(): SavedParts;
  report(status: AutosaveStatus): void;
  /** Takes another tab's parts; with `keepCurrent`, the current plan stays restorable as the previous plan. */
  adopt(parts: Partial<SavedParts>, keepCurrent: boolean): void;
  keepAsPrevious(plan: Plan): void;
}

export interface Autosave {
  storage: PersistStorage<unknown>;
  /** Called once with what was read at start-up (null: nothing was saved) and the parts the store opened with. */
  loaded(read: SavedRead | null, parts: SavedParts): AutosaveStatus;
  /** Writes now what is waiting (the page is being hidden, or the user asked). */
  flush(): void;
  /** A `storage` event: another tab changed `key`. */
  onStorage(key: string | null, value: string | null): void;
  /** Something is not saved: a conflict, a failed save, or a copy that could not be kept aside. */
  unsaved(): boolean;
  dismissKept(copy: KeptCopy): void;
  loadOther(): void;
  keepMine(): void;
  listen(win: Window): void;
}

export function describeSaveError(e: unknown): string {
  // QuotaExceededError (NS_ERROR_DOM_QUOTA_REACHED in older Firefox).
  if (e instanceof DOMException && /quota/i.test(e.name)) return 'the browser’s storage for this page is full';
  return `the browser refused to store it (${e instanceof Error ? e.message : String(e)})`;
}

const sameParts = (a: SavedParts, b: SavedParts) =>
  a.plan === b.plan && a.previousPlan === b.previousPlan && a.stashedAccess === b.stashedAccess;

export function createAutosave(
  storage: Storage | null,
  host: AutosaveHost,
  options: { readPlan?: PlanReader; delayMs?: number; saveError?: string | null } = {},
): Autosave {
  const readText = (text: string) => readSavedText(text, options.readPlan);
  let status: AutosaveStatus = { kept: [], saveError: options.saveError ?? null, conflict: null };
  let live = false;
  /** The stored text as this tab last read or wrote it, and the parts it held. */
  let savedText: string | null = null;
  let saved: SavedParts | null = null;
  /** The parts as the last store update left them. */
  let seen: SavedParts | null = null;
  let loadedText: string | null = null;
  let pending = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Another tab's saved state, waiting for the user's choice. */
  let other: { text: string; read: SavedRead } | null = null;
  let adopting = false;

  const update = (patch: Partial<AutosaveStatus>) => {
    status = { ...status, ...patch };
    if (live) host.report(status);
  };
  const blocked = () => other !== null || status.kept.some((k) => k.key === null);
  const dirty = () => saved !== null && !sameParts(host.parts(), saved);
  const schedule = () => {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(flush, options.delayMs ?? SAVE_DELAY_MS);
  };

  const listKept = (): KeptCopy[] => {
    if (storage === null) return [];
    const keys: string[] = [];
    for (let i = 0; i < storage.length; i += 1) {
      const key = storage.key(i);
      if (key?.startsWith(KEPT_PREFIX)) keys.push(key);
    }
    return keys.sort().flatMap((key) => {
      const text = storage.getItem(key);
      if (text === null) return [];
      const read = readText(text);
      return [{ key, text, problems: read.problems, whole: read.whole }];
    });
  };
  const syncKept = () => {
    try {
      update({ kept: [...listKept(), ...status.kept.filter((k) => k.key === null)] });
    } catch {
      // Storage became unreadable: the copies already listed stay listed.
    }
  };

  const keepAside = (text: string, read: SavedRead) => {
    if (status.kept.some((k) => k.text === text)) return;
    let key: string | null = `${KEPT_PREFIX}${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 7)}`;
    try {
      storage?.setItem(key, text);
    } catch {
      key = null;
    }
    update({ kept: [...status.kept, { key, text, problems: read.problems, whole: read.whole }] });
  };

  const take = (text: string, read: SavedRead, keepCurrent: boolean) => {
    other = null;
    savedText = text;
    adopting = true;
    try {
      host.adopt(read.parts, keepCurrent);
    } finally {
      adopting = false;
    }
    // Taken as they are: nothing to write, unless the current plan was kept as the previous one.
    pending = keepCurrent;
    seen = host.parts();
    if (!keepCurrent) saved = seen;
    update({ conflict: null });
    if (keepCurrent) flush();
  };

  /** Another tab wrote `text` (null: it removed the saved state). */
  const fromOtherTab = (text: string | null) => {
    if (text === savedText) return;
    const read = text === null ? null : readText(text);
    if (text === null || read === null || read.whole) {
      // Removed, or written by something this tab cannot read (kept aside): this tab's plan is saved in its place.
      if (text !== null && read !== null) keepAside(text, read);
      savedText = text;
      pending = true;
      schedule();
      return;
    }
    if (read.problems.length > 0) keepAside(text, read);
    if (dirty() || other !== null) {
      other = { text, read };
      update({ conflict: { planName: read.parts.plan?.name ?? '' } });
    } else take(text, read, false);
  };

  const onStorage = (key: string | null, value: string | null) => {
    if (key === STORAGE_KEY) fromOtherTab(value);
    else if (key === null || key.startsWith(KEPT_PREFIX)) {
      syncKept();
      if (key === null) fromOtherTab(null);
    }
  };

  function flush() {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    if (!pending || storage === null || blocked()) return;
    const parts = host.parts();
    const text = serializeSaved(parts);
    try {
      const stored = storage.getItem(STORAGE_KEY);
      if (stored !== savedText) {
        // Another tab saved since this one last read or wrote (its event may not have arrived yet).
        fromOtherTab(stored);
        if (pending && !blocked()) schedule();
        return;
      }
      if (text !== stored) storage.setItem(STORAGE_KEY, text);
    } catch (e) {
      update({ saveError: describeSaveError(e) });
      return;
    }
    savedText = text;
    saved = parts;
    pending = false;
    if (status.saveError !== null) update({ saveError: null });
  }

  return {
    storage: {
      getItem: (name) => {
        try {
          loadedText = storage?.getItem(name) ?? null;
        } catch (e) {
          status = { ...status, saveError: describeSaveError(e) };
          loadedText = null;
        }
        return loadedText === null ? null : parseEnvelope(loadedText);
      },
      setItem: () => {
        // Called after every store update: only a change to a stored part (not a status report) is news.
        const parts = host.parts();
        if (adopting || saved === null || (sameParts(parts, seen ?? saved) && parts.step === (seen ?? saved).step))
          return;
        seen = parts;
        pending = true;
        schedule();
      },
      removeItem: (name) => storage?.removeItem(name),
    },
    loaded(read, parts) {
      saved = parts;
      savedText = loadedText;
      try {
        status = { ...status, kept: listKept() };
      } catch {
        // Unreadable storage: nothing kept can be listed.
      }
      if (loadedText !== null && read !== null && (read.whole || read.problems.length > 0)) keepAside(loadedText, read);
      live = true;
      return status;
    },
    flush,
    onStorage,
    unsaved: () => pending,
    dismissKept(copy) {
      try {
        if (copy.key !== null) storage?.removeItem(copy.key);
      } catch {
        // Already gone, or storage unreadable: the message goes either way.
      }
      update({ kept: status.kept.filter((k) => k.key !== copy.key || k.text !== copy.text) });
      if (pending) flush();
    },
    loadOther() {
      if (other !== null) take(other.text, other.read, true);
    },
    keepMine() {
      if (other === null) return;
      const theirs = other.read.parts.plan;
      savedText = other.text;
      other = null;
      if (theirs !== undefined && JSON.stringify(theirs) !== JSON.stringify(host.parts().plan))
        host.keepAsPrevious(theirs);
      update({ conflict: null });
      pending = true;
      flush();
    },
    listen(win) {
      win.addEventListener('storage', (e) => onStorage(e.key, e.newValue));
      win.addEventListener('pagehide', flush);
      win.document.addEventListener('visibilitychange', () => {
        if (win.document.visibilityState === 'hidden') flush();
      });
      win.addEventListener('beforeunload', (e) => {
        flush();
        // Closing now would lose work that could not be saved: the browser asks first.
        if (pending) e.preventDefault();
      });
    },
  };
}
