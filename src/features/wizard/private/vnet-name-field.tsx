/**
 * A VNet's name field: when it is left with a new name, the peerings, route tables, gateways and clients that named
 * the VNet by its old name take the new one (`useRenameOnBlur`).
 */
import type { ReactNode } from 'react';
import { Field } from '../field';
import type { PlanForm } from '../use-plan-form';
import { errorAt } from './form-helpers';
import { useRenameOnBlur } from './rename-on-blur';
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
  const input = useRenameOnBlur(form, path, renameVnetReferences);
  return (
    <Field path={path} label={label} formError={errorAt(form, path)} {...(hint ? { hint } : {})}>
      {(p) => <input {...p} {...input} autoComplete="off" spellCheck={false} />}
    </Field>
  );
}
