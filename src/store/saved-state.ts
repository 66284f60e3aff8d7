/**
 * Reading the autosave. The text kept in the browser is zustand's persist envelope,
 * `{"state": {plan, previousPlan, step, stashedAccess}, "version": STORE_VERSION}`. Every part is parsed
 * by its schema, and every plan in it (the plan, the previous plan, the access settings kept for the
 * other mode) goes through the plan format migration chain, the same way as links and files. What
 * cannot be read is named, never cast: the caller keeps the text aside and says so.
 */
import * as z from 'zod/mini';
import type { Plan, PrivateAccess, PublicAccess } from '../domain/plan';
import type { PlanLoadResult } from '../share/errors';
import { readAnyPlanDocument } from '../share/migrations';

const STEP_IDS = [
  'basics',
  'connectivity',
  'vnet',
  'subnet',
  'dns',
  'peering',
  'endpoints',
  'firewall',
  'security',
  'clients',
  'review',
] as const;
export type StepId = (typeof STEP_IDS)[number];
const StepSchema = z.enum(STEP_IDS);

/**
 * The version of the envelope (which parts are stored, and how), independent of the plan format:
 * a new plan format adds a step to the plan migration chain and leaves this alone. Raise it only
 * when the stored parts change, and lift the older envelope in `migrateStoredState`.
 */
export const STORE_VERSION = 1;

/** The other mode's settings, kept while the user tries the other mode, so switching back loses nothing. */
export interface StashedAccess {
  private?: PrivateAccess;
  public?: PublicAccess;
}

/** What the autosave stores. */
export interface SavedParts {
  plan: Plan;
  previousPlan: Plan | null;
  step: StepId;
  stashedAccess: StashedAccess;
}

/** A saved state that cannot be used at all, and why (in words that follow "It could not be read: "). */
export class Unreadable {
  constructor(readonly reason: string) {}
}

export interface SavedRead {
  /** The parts that could be read; only what was read is set. Empty when `whole` is true. */
  parts: Partial<SavedParts>;
  /** What could not be read, one phrase each; empty when everything was read. */
  problems: string[];
  /** Nothing could be used (not JSON, not a saved state, another store version, an unreadable plan). */
  whole: boolean;
}

export type PlanReader = (doc: unknown) => PlanLoadResult;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** zustand persist `getItem`: the stored text as an envelope, or `Unreadable` (at this version: it reaches merge). */
export function parseEnvelope(text: string): { state: unknown; version: number } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { state: new Unreadable('it is not valid JSON'), version: STORE_VERSION };
  }
  if (!isObject(json) || typeof json.version !== 'number' || !Number.isInteger(json.version) || !('state' in json))
    return { state: new Unreadable('it is not a saved planner state'), version: STORE_VERSION };
  return { state: json.state, version: json.version };
}

/**
 * zustand persist `migrate`, called for an envelope of another version. Version 1 is the first, so
 * there is nothing older to lift yet; anything else was written by another version of the planner.
 */
export function migrateStoredState(_state: unknown, version: number): Unreadable {
  return new Unreadable(
    version > STORE_VERSION
      ? `it was saved by a newer version of the planner (saved state version ${version}; ` +
          `this one reads ${STORE_VERSION})`
      : `saved state version ${version} is unknown (this planner reads ${STORE_VERSION})`,
  );
}

const whole = (reason: string): SavedRead => ({ parts: {}, problems: [reason], whole: true });

/** zustand persist `merge`'s reading: every part parsed by its schema, every plan through the migration chain. */
export function readStoredState(state: unknown, readPlan: PlanReader = readAnyPlanDocument): SavedRead {
  if (state instanceof Unreadable) return whole(state.reason);
  if (!isObject(state) || !isObject(state.plan)) return whole('it holds no plan');
  const planDoc = state.plan;
  const plan = readPlan(planDoc);
  if (!plan.ok) return whole(`its plan could not be read (${plan.error.message})`);
  const problems: string[] = [];
  const parts: Partial<SavedParts> = { plan: plan.plan, previousPlan: null, step: 'basics', stashedAccess: {} };

  if (state.previousPlan !== undefined && state.previousPlan !== null) {
    const previous = readPlan(state.previousPlan);
    if (previous.ok) parts.previousPlan = previous.plan;
    else problems.push(`the previous plan kept for “Restore previous plan” (${previous.error.message})`);
  }

  if (state.step !== undefined) {
    const step = StepSchema.safeParse(state.step);
    if (step.success) parts.step = step.data;
    else problems.push(`the wizard step (${String(JSON.stringify(state.step)).slice(0, 40)} is not a step)`);
  }

  const stash = state.stashedAccess;
  if (stash !== undefined && !isObject(stash)) problems.push('the settings kept for the other access mode');
  else if (stash !== undefined) {
    const kept: StashedAccess = {};
    for (const mode of Object.keys(stash)) {
      if ((mode !== 'private' && mode !== 'public') || stash[mode] === undefined) continue;
      // The stash was saved with the plan, in the plan's format: it migrates inside that document.
      const read = readPlan({ ...planDoc, access: stash[mode] });
      const access = read.ok ? read.plan.access : null;
      if (access?.mode === 'private' && mode === 'private') kept.private = access;
      else if (access?.mode === 'public' && mode === 'public') kept.public = access;
      else
        problems.push(
          `the ${mode}-access settings kept for switching back (${read.ok ? 'another mode' : read.error.message})`,
        );
    }
    parts.stashedAccess = kept;
  }
  return { parts, problems, whole: false };
}

/** The whole way from stored text to parts, as the persist middleware takes it (for texts read after start-up). */
export function readSavedText(text: string, readPlan: PlanReader = readAnyPlanDocument): SavedRead {
  const { state, version } = parseEnvelope(text);
  return readStoredState(version === STORE_VERSION ? state : migrateStoredState(state, version), readPlan);
}

/** The text the autosave writes: the same envelope zustand's JSON storage would write. */
export const serializeSaved = (parts: SavedParts): string => JSON.stringify({ state: parts, version: STORE_VERSION });
