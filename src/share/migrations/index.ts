/**
 * Plan format migrations: a numbered chain of steps, each lifting a plan document from format
 * version n to n + 1. Every way a plan comes in (share link, plan file, command line) runs
 * `readAnyPlanDocument`, which migrates first and then checks the shape with `readPlanDocument`,
 * so an old plan is migrated, never refused.
 *
 * To change the format incompatibly: raise PLAN_FORMAT_VERSION, add `vN-to-vN+1.ts` here exporting a
 * step, list it in MIGRATIONS, and add a frozen fixture of the old format (see ../fixtures). The chain
 * test fails until every version below the current one has its step.
 */
import { readPlanDocument } from '../../domain/parse';
import { PLAN_FORMAT_VERSION } from '../../domain/plan';
import { loadError, type PlanLoadError, type PlanLoadResult } from '../errors';
import { v1ToV2 } from './v1-to-v2';

/** The first released plan format. */
export const FIRST_FORMAT_VERSION = 1;

type PlanDocumentObject = Record<string, unknown>;

export interface MigrationStep {
  readonly from: number;
  readonly to: number;
  /** What changed, for the changelog and error messages. */
  readonly summary: string;
  /** Returns the document in format `to`; must not mutate its input. */
  migrate(doc: PlanDocumentObject): PlanDocumentObject;
}

/** The chain, in order. */
export const MIGRATIONS: readonly MigrationStep[] = [v1ToV2];

/** Problems with a chain: every version from `first` to `current - 1` needs exactly one step to the next. */
export function chainProblems(steps: readonly MigrationStep[], first: number, current: number): string[] {
  const problems: string[] = [];
  steps.forEach((step, i) => {
    if (step.to !== step.from + 1)
      problems.push(`step ${i} goes from ${step.from} to ${step.to}; each step must go up by exactly one`);
    if (step.from !== first + i) problems.push(`step ${i} starts at ${step.from}; expected ${first + i}`);
  });
  if (first + steps.length !== current) {
    problems.push(`the chain reaches version ${first + steps.length}; the current format is ${current}`);
  }
  return problems;
}

export type MigrateResult = { ok: true; doc: PlanDocumentObject; from: number } | { ok: false; error: PlanLoadError };

const isObject = (v: unknown): v is PlanDocumentObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Brings a plan document of any released format version up to `current` with `steps`
 * (the real chain unless a test passes its own). Refuses documents newer than `current`.
 */
export function migrateWith(
  steps: readonly MigrationStep[],
  input: unknown,
  current: number,
  first = FIRST_FORMAT_VERSION,
): MigrateResult {
  if (!isObject(input)) return loadError('invalid-plan', 'A plan is a JSON object; this is not an object.');
  const version = input.formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    return loadError('invalid-plan', 'formatVersion: missing or not an integer; this is not a plan document.', {
      path: 'formatVersion',
    });
  }
  if (version > current) {
    return loadError(
      'newer-version',
      `formatVersion ${version} is newer than this planner understands ` +
        `(${current}); open the plan with an up-to-date planner.`,
    );
  }
  if (version < first) {
    return loadError('invalid-plan', `formatVersion ${version} was never released (the first is ${first}).`, {
      path: 'formatVersion',
    });
  }
  let doc: PlanDocumentObject = input;
  for (let v = version; v < current; v += 1) {
    const step = steps.find((s) => s.from === v);
    if (step === undefined)
      return loadError('invalid-plan', `No migration from plan format ${v} to ${v + 1}.`, { path: 'formatVersion' });
    try {
      doc = { ...step.migrate(doc), formatVersion: step.to };
    } catch (e) {
      return loadError(
        'invalid-plan',
        `Migrating from format ${v} to ${v + 1} failed: ${e instanceof Error ? e.message : String(e)}.`,
      );
    }
  }
  return { ok: true, doc, from: version };
}

/** Migrates with the real chain to the current format. */
export const migrate = (input: unknown): MigrateResult => migrateWith(MIGRATIONS, input, PLAN_FORMAT_VERSION);

/** The single way in: migrate, then check the shape. Errors say what and where. */
export function readAnyPlanDocument(input: unknown): PlanLoadResult {
  const migrated = migrate(input);
  if (!migrated.ok) return migrated;
  const read = readPlanDocument(migrated.doc);
  if (read.ok) return read;
  const e = read.error;
  switch (e.kind) {
    case 'newer-version':
      return loadError('newer-version', e.message);
    case 'shape':
      return loadError('invalid-plan', e.message, e.path ? { path: e.path } : {});
    default:
      return loadError('invalid-plan', e.message);
  }
}
