/**
 * A name field whose value other parts of the plan refer to. The plan names VNets and subnets rather than giving
 * them IDs, so when the field is left with a new name, what named the old one takes the new one (one undo step with
 * the typing, where it is quick). A blank name renames nothing; the next name does.
 */
import { useRef, type FocusEvent } from 'react';
import type { Plan } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { commitPlanEdit } from './form-helpers';
import type { PlanEdit } from './vnet-references';

/** The field's registration, with a blur that renames the references (`rename(plan, previous, name)`). */
export function useRenameOnBlur(
  form: PlanForm,
  path: string,
  rename: (plan: Plan, previous: string, name: string) => PlanEdit,
) {
  // The name the references carry: the name when the field was drawn, then each name it was left with.
  const committed = useRef<string | null>(null);
  committed.current ??= (form.getValues(fieldPath(path)) as string | undefined) ?? '';
  const registered = form.register(fieldPath(path));
  return {
    ...registered,
    onBlur: (event: FocusEvent<HTMLInputElement>) => {
      void registered.onBlur(event);
      const name = (form.getValues(fieldPath(path)) as string | undefined) ?? '';
      const previous = committed.current ?? '';
      if (name.trim() === '' || name === previous) return;
      committed.current = name;
      const edit = rename(usePlanner.getState().plan, previous, name);
      commitPlanEdit(form, edit.plan, edit.paths, path);
    },
  };
}
