/**
 * A VNet's name field. The plan names VNets rather than giving them IDs, so when the field is left with a new name,
 * the peerings, route tables, gateways and clients that named the VNet by its old name take the new one (one undo
 * step with the typing, where it is quick). A blank name renames nothing; the next name does.
 */
import { useRef, type ReactNode } from 'react';
import { usePlanner } from '../../../store/store';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { commitPlanEdit, errorAt } from './form-helpers';
import { renameVnetReferences } from './vnet-references';

export function VnetNameField({
  form,
  path,
  label,
  hint,
}: {
  form: PlanForm;
  path: string;
  label: string;
  hint?: ReactNode;
}) {
  // The name the references carry: the name when the field was drawn, then each name it was left with.
  const committed = useRef<string | null>(null);
  committed.current ??= (form.getValues(fieldPath(path)) as string | undefined) ?? '';
  const registered = form.register(fieldPath(path));
  const commit = () => {
    const name = (form.getValues(fieldPath(path)) as string | undefined) ?? '';
    const previous = committed.current ?? '';
    if (name.trim() === '' || name === previous) return;
    committed.current = name;
    const edit = renameVnetReferences(usePlanner.getState().plan, previous, name);
    commitPlanEdit(form, edit.plan, edit.paths, path);
  };
  return (
    <Field path={path} label={label} formError={errorAt(form, path)} {...(hint ? { hint } : {})}>
      {(p) => (
        <input
          {...p}
          {...registered}
          onBlur={(e) => {
            void registered.onBlur(e);
            commit();
          }}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </Field>
  );
}
