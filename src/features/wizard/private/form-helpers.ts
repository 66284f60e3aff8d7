/** Small helpers shared by the private-access steps. */
import { useEffect } from 'react';
import { get, type FieldError } from 'react-hook-form';
import { getIn, isUnder } from '../../../domain/paths';
import type { Plan } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { stepDef } from '../steps';
import { fieldPath, type PlanForm } from '../use-plan-form';

/** The form's own error at a dotted plan path, if any. */
export function errorAt(form: PlanForm, path: string): FieldError | undefined {
  const error: unknown = get(form.formState.errors, path);
  return error !== null && typeof error === 'object' && 'message' in error ? (error as FieldError) : undefined;
}

/**
 * Sets a value by dotted plan path, so that the form, the store and the findings update together.
 * The step's resolver reads the rule errors from the store's plan, and `setValue` would validate
 * before its change reaches the store; so the value is set first (the form's watcher writes it to the
 * store at once) and the step is validated afterwards.
 */
export function setPath(form: PlanForm, path: string, value: unknown): void {
  form.setValue(fieldPath(path), value as never, { shouldDirty: true });
  void form.trigger();
}

/**
 * Re-validates the step after a row is added or removed with `useFieldArray`: its own validation runs
 * before the new list reaches the store. Call it after `useFieldArray` in the same component, so this
 * effect runs after the array's own.
 */
export function useRevalidateAfterArrayChange(form: PlanForm, fields: readonly unknown[]): void {
  useEffect(() => {
    void form.trigger();
  }, [form, fields]);
}

/**
 * Writes an edit that reaches past the step's fields (a VNet's peerings added with it, the references a rename
 * carries along) to the store as one undo step, under `key` (the field that caused it, so typing and its
 * consequences coalesce), then shows it in the step's form: every changed path the step owns is set there too.
 * The form's watcher sees values the store holds already and records nothing more. Paths the step does not own
 * (clients, from the network step) are in the store only; the form never writes them back.
 */
export function commitPlanEdit(form: PlanForm, next: Plan, paths: readonly string[], key: string): void {
  const store = usePlanner.getState();
  if (next === store.plan) return;
  store.updatePlan(() => next, key);
  const owned = stepDef(store.step).owns;
  for (const path of paths)
    if (owned.some((prefix) => isUnder(path, prefix)))
      form.setValue(fieldPath(path), getIn(next, path) as never, { shouldDirty: true });
  void form.trigger();
}
