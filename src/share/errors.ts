/**
 * What can go wrong when a plan comes in through a share link or a plan file. One result type for
 * both, so the page shows every failure the same way and never replaces the current plan with a
 * damaged one.
 */
import type { Plan } from '../domain/plan';

export const PLAN_LOAD_ERROR_KINDS = [
  'empty',
  'not-a-plan-link',
  'truncated',
  'corrupted',
  'newer-version',
  'invalid-json',
  'invalid-plan',
  'too-large',
] as const;

export type PlanLoadErrorKind = (typeof PLAN_LOAD_ERROR_KINDS)[number];

export interface PlanLoadError {
  kind: PlanLoadErrorKind;
  /** One sentence (or two) that says what is wrong and, where known, where. */
  message: string;
  /** invalid-plan: the plan path of the first problem, e.g. `access.vnet.subnets.2.prefix`. */
  path?: string;
  /** invalid-json in a plan file: 1-based line and column of the syntax error. */
  line?: number;
  column?: number;
}

export type PlanLoadResult = { ok: true; plan: Plan } | { ok: false; error: PlanLoadError };

export const loadError = (
  kind: PlanLoadErrorKind,
  message: string,
  extra: Omit<PlanLoadError, 'kind' | 'message'> = {},
): { ok: false; error: PlanLoadError } => ({
  ok: false,
  error: { kind, message, ...extra },
});

/** Human size for messages: "1.5 MB", "820 KB", "312 bytes". */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
