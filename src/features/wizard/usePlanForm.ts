/**
 * Each step is a react-hook-form over the plan, validated by zodResolver with the same PlanSchema the
 * CLI uses (shape + the error rules, each issue carrying its rule ID). Every change is written to the
 * store at once, so findings, diagram and exports stay live; when the plan changes from outside the
 * form (undo, redo, opening a plan) the step remounts with the new values (keyed by `revision`).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useEffect } from 'react';
import { useForm, type FieldPath, type Resolver, type UseFormReturn } from 'react-hook-form';
import { getIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { PlanSchema } from '../../rules/planSchema';
import { usePlanner } from '../../store/store';

export type PlanForm = UseFormReturn<Plan>;

/** Plan paths are built at run time (`access.firewallRules.${i}.name`); this names them for the form. */
export const fieldPath = (path: string): FieldPath<Plan> => path as FieldPath<Plan>;

/**
 * The form always holds complete plans (zod's output type, defaults filled), which are also valid
 * inputs; the resolver is typed on the input side, so it is named here for the output type.
 */
const planResolver = zodResolver(PlanSchema) as unknown as Resolver<Plan>;

export function usePlanForm(): PlanForm {
  const form = useForm<Plan>({
    defaultValues: usePlanner.getState().plan,
    resolver: planResolver,
    mode: 'onChange',
  });
  const { watch, trigger } = form;
  useEffect(() => {
    // Show the current errors of the fields on screen as soon as the step opens.
    void trigger();
    const subscription = watch((values, { name }) => {
      if (name === undefined) return;
      const value = getIn(values, name);
      if (typeof value === 'number' && Number.isNaN(value)) return; // keep the last valid number in the plan
      usePlanner.getState().setField(name, value);
    });
    return () => subscription.unsubscribe();
  }, [watch, trigger]);
  return form;
}
