/**
 * Reading a plan document at a boundary (file, link, CLI, storage): checks the format version and
 * the shape, and says what is wrong and where in one line. Migrations of older format versions are
 * applied by `src/share` before this runs.
 */
import type { $ZodIssue } from 'zod/v4/core';
import { formatPath } from './finding';
import { PLAN_FORMAT_VERSION, PlanDocumentSchema, type Plan } from './plan';

type PlanReadError =
  | { kind: 'not-object'; message: string }
  | { kind: 'no-version'; message: string }
  | { kind: 'newer-version'; message: string; version: number }
  | { kind: 'shape'; message: string; path: string };

export type PlanReadResult = { ok: true; plan: Plan } | { ok: false; error: PlanReadError };

/** What the object holding a list is, by the key it sits under (`access.vnet` → VNet). */
const OWNER_NOUN: Readonly<Record<string, string>> = {
  vnet: 'VNet',
  peeredVnets: 'VNet',
  delegatedSubnet: 'subnet',
  nsg: 'NSG',
  rules: 'NSG rule',
  onPremises: 'on-premises site',
  routeTables: 'route table',
  // A peering has no name and a route holds no list: neither names an owner today, but a list added to them would.
  peerings: 'peering',
  routes: 'route',
};

/** How much of an owner's name a message shows (the name may itself be too long). */
const OWNER_NAME_SHOWN = 60;

const shorten = (name: string): string =>
  name.length > OWNER_NAME_SHOWN ? `${name.slice(0, OWNER_NAME_SHOWN - 1)}…` : name;

/**
 * For a list over its size limit (the plan schema's length checks): the nearest named element that
 * holds it, e.g. `VNet "vnet-x"`, so that the message reads `VNet "vnet-x" has 100,001 subnets; …`.
 * Null for a list at the top of the plan.
 */
function ownerOf(input: unknown, path: readonly PropertyKey[]): string | null {
  let value = input;
  let key: string | undefined;
  let owner: string | null = null;
  for (const step of path.slice(0, -1)) {
    if (typeof value !== 'object' || value === null) break;
    value = (value as Record<PropertyKey, unknown>)[step];
    if (typeof step === 'string') key = step;
    const noun = key === undefined ? undefined : OWNER_NOUN[key];
    const name = typeof value === 'object' && value !== null ? (value as { name?: unknown }).name : undefined;
    if (noun !== undefined && typeof name === 'string') owner = `${noun} "${shorten(name)}"`;
  }
  return owner;
}

function describeIssue(issue: $ZodIssue, input: unknown): string {
  const where = issue.path.length > 0 ? formatPath(issue.path) : '(top level)';
  if (issue.code === 'too_big' && issue.origin === 'array') {
    const owner = ownerOf(input, issue.path);
    if (owner !== null) return `${where}: ${owner} has ${issue.message}`;
  }
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
        message:
          `formatVersion ${version} is newer than this planner understands ` +
          `(${PLAN_FORMAT_VERSION}); update the planner to open it.`,
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
        message: first ? `${describeIssue(first, input)}${more}` : 'The plan does not have the expected shape.',
      },
    };
  }
  return { ok: true, plan: parsed.data };
}
