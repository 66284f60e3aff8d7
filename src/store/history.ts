/** Undo/redo over whole plans, with typing coalesced into one step per field. */
import type { Plan } from '../domain/plan';

export const HISTORY_LIMIT = 200;
/** Edits of the same field closer together than this are one undo step. */
export const COALESCE_MS = 800;

export interface History {
  past: Plan[];
  future: Plan[];
  lastKey: string | null;
  lastAt: number;
}

export const emptyHistory = (): History => ({ past: [], future: [], lastKey: null, lastAt: 0 });

/** Records `before` as an undo point unless this edit continues the previous one. */
export function record(history: History, before: Plan, key: string | null, now: number): History {
  const continues = key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS;
  if (continues) return { ...history, future: [], lastAt: now };
  const past = [...history.past, before];
  if (past.length > HISTORY_LIMIT) past.shift();
  return { past, future: [], lastKey: key, lastAt: now };
}
