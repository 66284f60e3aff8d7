/**
 * Reading a plan document at a boundary (file, link, CLI, storage): checks the format version and
 * the shape, and says what is wrong and where in one line. Migrations of older format versions are
 * applied by `src/share` before this runs.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { formatPath } from './finding';
import { PLAN_FORMAT_VERSION, PlanDocumentSchema, type Plan } from './plan';

export type PlanReadError =
  | { kind: 'not-object'; message: string }
  | { kind: 'no-version'; message: string }
  | { kind: 'newer-version'; message: string; version: number }
  | { kind: 'shape'; message: string; path: string };

export type PlanReadResult = { ok: true; plan: Plan } | { ok: false; error: PlanReadError };

function describeIssue(issue: $ZodIssue): string {
  const where = issue.path.length > 0 ? formatPath(issue.path) : '(top level)';
  return `${where}: ${issue.message}`;
}

/** Validates the shape of a current-version plan document. */
export function readPlanDocument(input: unknown): PlanReadResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: { kind: 'not-object', message: 'A plan is a JSON object; this is not an object.' } };
  }
  const version = (input as { formatVersion?: unknown }).formatVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    return {
      ok: false,
      error: {
        kind: 'no-version',
        message: 'formatVersion: missing or not a positive integer; this is not a plan document.',
      },
    };
  }
  if (version > PLAN_FORMAT_VERSION) {
    return {
      ok: false,
      error: {
        kind: 'newer-version',
        version,
        message: `formatVersion ${version} is newer than this planner understands (${PLAN_FORMAT_VERSION}); update the planner to open it.`,
      },
    };
  }
  const parsed = PlanDocumentSchema.safeParse(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    return {
      ok: false,
      error: {
        kind: 'shape',
        path: first ? formatPath(first.path) : '',
        message: first ? `${describeIssue(first)}${more}` : 'The plan does not have the expected shape.',
      },
    };
  }
  return { ok: true, plan: parsed.data };
}
