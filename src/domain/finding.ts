/** The shape every check reports: see rules.md "What every finding carries". */
import * as z from 'zod/mini';

const SeveritySchema = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof SeveritySchema>;

export const FindingSchema = z.object({
  ruleId: z.string().check(z.regex(/^PGN-\d{3}$/)),
  severity: SeveritySchema,
  message: z.string(),
  /** Dotted path into the plan, e.g. `access.delegatedSubnet.prefix` or `access.firewallRules.2.startIp`. */
  path: z.string(),
  docs: z.string(),
});
export type Finding = z.infer<typeof FindingSchema>;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Stable order: severity, then path, then rule ID. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0) ||
      (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0),
  );
}

/** Turns a zod/array path into the dotted form used by findings. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.');
}
