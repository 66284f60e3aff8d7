/** Small helpers shared by the private-access steps. */
import { get, type FieldError } from 'react-hook-form';
import { fieldPath, type PlanForm } from '../usePlanForm';

/** Options for values computed by buttons: update the form and the store, and re-validate. */
export const COMPUTED = { shouldDirty: true, shouldValidate: true } as const;

/** The form's own error at a dotted plan path, if any. */
export function errorAt(form: PlanForm, path: string): FieldError | undefined {
  const error: unknown = get(form.formState.errors, path);
  return error !== null && typeof error === 'object' && 'message' in error ? (error as FieldError) : undefined;
}

/** Sets a value by dotted plan path, so that the form, the store and the findings update together. */
export function setPath(form: PlanForm, path: string, value: unknown): void {
  form.setValue(fieldPath(path), value as never, COMPUTED);
}
