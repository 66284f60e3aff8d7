/** A "create new / use existing" choice bound to a boolean plan field. */
import { useId } from 'react';
import { useWatch } from 'react-hook-form';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { setPath } from './form-helpers';

interface Props {
  form: PlanForm;
  path: string;
  legend: string;
  newLabel: string;
  existingLabel: string;
}

export function NewOrExisting({ form, path, legend, newLabel, existingLabel }: Props) {
  const existing = useWatch({ control: form.control, name: fieldPath(path) }) === true;
  const name = useId();
  return (
    <fieldset className="private__radios" data-path={path}>
      <legend className="field__label">{legend}</legend>
      <label>
        <input type="radio" name={name} checked={!existing} onChange={() => setPath(form, path, false)} /> {newLabel}
      </label>
      <label>
        <input type="radio" name={name} checked={existing} onChange={() => setPath(form, path, true)} /> {existingLabel}
      </label>
    </fieldset>
  );
}
