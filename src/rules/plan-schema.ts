/**
 * The plan schema with the error rules as zod refinements: `PlanSchema.safeParse` (and the forms'
 * zodResolver) rejects exactly what Azure would reject, each issue carrying its rule ID.
 */
import * as z from 'zod/mini';
import type { Finding } from '../domain/finding';
import { splitPath } from '../domain/paths';
import { PlanDocumentSchema } from '../domain/plan';
import { ERROR_RULES, evaluate } from './index';

export const PlanSchema = PlanDocumentSchema.check(
  z.superRefine((plan, ctx) => {
    for (const finding of evaluate(plan, ERROR_RULES)) {
      if (finding.severity !== 'error') continue;
      ctx.addIssue({
        code: 'custom',
        path: splitPath(finding.path),
        message: finding.message,
        params: { ruleId: finding.ruleId, docs: finding.docs },
      });
    }
  }),
);

/** Findings grouped by their dotted path, for the forms (one field → its findings, in order). */
export function findingsToFieldErrors(findings: readonly Finding[]): Record<string, Finding[]> {
  const out: Record<string, Finding[]> = {};
  for (const f of findings) (out[f.path] ??= []).push(f);
  return out;
}
