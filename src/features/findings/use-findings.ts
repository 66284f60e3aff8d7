/**
 * Findings are computed from the plan, never stored: one evaluation per plan object, shared by every reader.
 *
 * The rule engine is not part of the first screen: the app loads it right after the first render
 * (`loadRuleEngine`), so the page paints and becomes interactive without it. Until it arrives, the store's
 * initial plan shows the findings computed for it at build time (`initial-findings.json`, written by
 * `npm run gen` and checked against the rules by a test), which is also what the prerendered page shows; any
 * other plan shows "checking" (`null` from `useFindingsOrPending`) for the moment it takes.
 */
import { use, useMemo, useSyncExternalStore } from 'react';
import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { usePlanner } from '../../store/store';
import INITIAL_FINDINGS from './initial-findings.json';
import { useErrorsShown } from './reveal';

type Evaluate = (plan: Plan) => Finding[];

let evaluate: Evaluate | null = null;
const listeners = new Set<() => void>();
const cache = new WeakMap<Plan, Finding[]>();

/** Hands the rule engine to every reader. */
function setRuleEngine(engine: Evaluate): void {
  evaluate = engine;
  for (const listener of listeners) listener();
}

let loading: Promise<void> | null = null;

/** Loads the rule engine once; findings appear as soon as it is in. */
export function loadRuleEngine(): Promise<void> {
  loading ??= import('../../rules').then((rules) => setRuleEngine((plan) => rules.evaluate(plan)));
  return loading;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const currentEngine = () => evaluate;

/** Suspends the caller until the rule engine is in (for views that must never show a plan as unchecked). */
export function useRuleEngine(): void {
  if (evaluate === null) use(loadRuleEngine());
}

/** The plan's findings, or null while the rule engine is still loading. */
function findingsOrPending(plan: Plan, engine: Evaluate | null = evaluate): Finding[] | null {
  let findings = cache.get(plan);
  if (findings !== undefined) return findings;
  if (engine === null)
    return plan === usePlanner.getInitialState().plan ? (INITIAL_FINDINGS as unknown as Finding[]) : null;
  findings = engine(plan);
  cache.set(plan, findings);
  return findings;
}

/** The plan's findings; none while the rule engine is still loading. */
export const findingsFor = (plan: Plan): Finding[] => findingsOrPending(plan) ?? [];

/** The findings of the store's plan, or null while they are being computed. */
const useFindingsOrPending = (): Finding[] | null => usePlanFindingsOrPending(usePlanner((s) => s.plan));

/** The plan on screen: a plan opened from a link or file while it is reviewed, otherwise the store's plan. */
export const useShownPlan = (): Plan => usePlanner((s) => s.incoming?.plan ?? s.plan);

/** The findings of the plan on screen (see `useShownPlan`), or null while they are being computed. */
export const useShownFindingsOrPending = (): Finding[] | null => usePlanFindingsOrPending(useShownPlan());

function usePlanFindingsOrPending(plan: Plan): Finding[] | null {
  // Re-renders the caller when the engine arrives.
  const engine = useSyncExternalStore(subscribe, currentEngine, currentEngine);
  return useMemo(() => findingsOrPending(plan, engine), [plan, engine]);
}

const NONE: Finding[] = [];

export function useFindings(): Finding[] {
  return useFindingsOrPending() ?? NONE;
}

/**
 * Findings attached to exactly this field, as the field shows them: its errors only once the field holds a value
 * or the user has been in it (see `reveal.ts`).
 */
export function useFieldFindings(path: string): Finding[] {
  const findings = useFindings();
  const errorsShown = useErrorsShown(path);
  return useMemo(
    () => findings.filter((f) => f.path === path && (errorsShown || f.severity !== 'error')),
    [findings, path, errorsShown],
  );
}
