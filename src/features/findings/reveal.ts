/**
 * When a field shows its rule error, as forms usually do: an error on a field that is still empty waits until the
 * user has been in that field, or has asked to see every problem (the Review step, "Show all problems", "Go to
 * the field"). Until then it is "to complete", not red. An error on a field that holds a value (typed, loaded from
 * a file, link or example) shows at once. Only the display changes: the findings, the CLI and the exports still
 * count every error.
 */
import { create } from 'zustand';
import type { Finding } from '../../domain/finding';
import { getIn, isUnder } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { usePlanner } from '../../store/store';

interface RevealState {
  /** Every error is shown (the user asked for all problems). */
  all: boolean;
  /** Plan paths of the fields the user has been in. */
  touched: ReadonlySet<string>;
}

export const useReveal = create<RevealState>()(() => ({ all: false, touched: new Set<string>() }));

/** The user has been in the field of `path` (or asked to go to it): its errors show from now on. */
export function touchField(path: string): void {
  const { touched } = useReveal.getState();
  if (touched.has(path)) return;
  useReveal.setState({ touched: new Set([...touched, path]) });
}

/** Show every error, wherever its field is. */
export function revealAll(): void {
  if (!useReveal.getState().all) useReveal.setState({ all: true });
}

/** A new, empty plan: back to "nothing typed yet". */
export function resetReveal(): void {
  useReveal.setState({ all: false, touched: new Set() });
}

const isEmpty = (value: unknown): boolean =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/** True when the field of `path`, or a field that holds it, or one inside it, has been touched. */
function isTouched(state: RevealState, path: string): boolean {
  if (state.all) return true;
  for (const t of state.touched) if (isUnder(path, t) || isUnder(t, path)) return true;
  return false;
}

/** An error on a field the user has not filled in nor visited yet: shown as "to complete", not as an error. */
export function isPending(finding: Finding, plan: Plan, state: RevealState): boolean {
  return finding.severity === 'error' && isEmpty(getIn(plan, finding.path)) && !isTouched(state, finding.path);
}

/** True when the field of `path` shows its errors: it holds a value, or the user has been in it. */
export function useErrorsShown(path: string): boolean {
  const touched = useReveal((s) => isTouched(s, path));
  const filled = usePlanner((s) => !isEmpty(getIn(s.plan, path)));
  return touched || filled;
}

/** How a finding is shown: its severity, or `pending` for an error still waiting for its field. */
export type Shown = Finding['severity'] | 'pending';

export const shownSeverity = (finding: Finding, plan: Plan, state: RevealState): Shown =>
  isPending(finding, plan, state) ? 'pending' : finding.severity;

/** The last answer of `shownSeverities` for each list of findings, with the plan and state it was for. */
const lastShown = new WeakMap<
  readonly Finding[],
  { plan: Plan; state: RevealState; shown: ReadonlyMap<Finding, Shown> }
>();

/**
 * How every finding of `findings` is shown. The step list and the drawer both ask on each edit for the same list,
 * plan and state; the answer is computed once for them.
 */
export function shownSeverities(
  findings: readonly Finding[],
  plan: Plan,
  state: RevealState,
): ReadonlyMap<Finding, Shown> {
  const last = lastShown.get(findings);
  if (last !== undefined && last.plan === plan && last.state === state) return last.shown;
  const shown = new Map<Finding, Shown>();
  for (const f of findings) shown.set(f, shownSeverity(f, plan, state));
  lastShown.set(findings, { plan, state, shown });
  return shown;
}
