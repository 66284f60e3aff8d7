/**
 * The shape of a rule (the model: PSRule for Azure, ESLint): a typed object with the stable ID of
 * spec/rules.md, a title, a severity, the docs link, why it matters, what to do, and
 * `check(plan) -> Finding[]`. One rule per file under `catalog/`; `index.ts` lists them explicitly.
 */
import type { Finding, Severity } from '../domain/finding';
import type { Plan } from '../domain/plan';
import { analyze, type Analysis } from './analysis';

/** PGN-109 reports an error or a warning, PGN-141 an error or an info, depending on the case; others have one. */
type RuleSeverity = Severity | 'error/warning' | 'error/info';

export interface Rule {
  /** Stable ID from spec/rules.md (PGN-xxx); never reused. */
  readonly id: string;
  readonly title: string;
  readonly severity: RuleSeverity;
  /** The Microsoft page (or seed section) a finding links to. */
  readonly docs: string;
  /** Where the rule comes from, as spec/rules.md cites it (seed section, facts §x). */
  readonly source: string;
  /** Why it matters, in one or two sentences. */
  readonly why: string;
  /** What to do about a finding. */
  readonly fix: string;
  /**
   * `access`: the findings depend on the plan's access settings alone (`plan.access`: VNets, subnets, peerings,
   * NSG, firewall rules), never on the servers, the clients or TLS. `evaluate` then reuses them while an edit
   * leaves the access settings' object as it was (`rules/shared-network.test.ts` compares with a fresh copy).
   */
  readonly reads?: 'access';
  /**
   * The findings for this plan, one per offending element. `analysis` is the plan's parsed
   * addresses; `evaluate` computes it once and hands it to every rule.
   */
  check(plan: Plan, analysis?: Analysis): Finding[];
}

/** The severities a rule can report. */
export function severitiesOf(rule: Pick<Rule, 'severity'>): Severity[] {
  if (rule.severity === 'error/warning') return ['error', 'warning'];
  return rule.severity === 'error/info' ? ['error', 'info'] : [rule.severity];
}

/** Builds a finding of this rule. `severity` is required only for rules with two severities. */
export function report(
  rule: Pick<Rule, 'id' | 'docs' | 'severity'>,
  path: string,
  message: string,
  severity?: Severity,
): Finding {
  const s = severity ?? (rule.severity === 'error/warning' || rule.severity === 'error/info' ? 'error' : rule.severity);
  return { ruleId: rule.id, severity: s, message, path, docs: rule.docs };
}

/** `check` helper: the analysis handed in, or a fresh one. */
export const analysisOf = (plan: Plan, analysis?: Analysis): Analysis => analysis ?? analyze(plan);
