/**
 * An editable list of strings (address spaces, DNS servers, address ranges): one labelled input per
 * entry, so every rule finding lands next to its own entry, with add and remove buttons.
 */
import { useRef, type ReactNode } from 'react';
import { useWatch } from 'react-hook-form';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt, setPath } from './form-helpers';
import { PathFindings } from './path-findings';

interface Props {
  form: PlanForm;
  /** Dotted path of the string array, e.g. `access.vnet.addressSpaces`. */
  path: string;
  legend: string;
  /** Label of entry i (1-based), e.g. `Address space 2`. */
  itemLabel: (n: number) => string;
  addLabel: string;
  hint?: ReactNode;
  placeholder?: string;
  /** Entries that cannot be removed (e.g. a VNet keeps one address space). */
  minItems?: number;
}

export function StringList({ form, path, legend, itemLabel, addLabel, hint, placeholder, minItems = 0 }: Props) {
  const watched = useWatch({ control: form.control, name: fieldPath(path) }) as unknown;
  const values = Array.isArray(watched) ? (watched as string[]) : [];
  const addButton = useRef<HTMLButtonElement>(null);
  const listRef = useRef<HTMLUListElement>(null);
  const add = () => {
    setPath(form, path, [...values, '']);
    // Focus the new entry once it is drawn.
    requestAnimationFrame(() => {
      const inputs = listRef.current?.querySelectorAll<HTMLInputElement>('input');
      inputs?.[inputs.length - 1]?.focus();
    });
  };
  const remove = (i: number) => {
    setPath(
      form,
      path,
      values.filter((_, j) => j !== i),
    );
    addButton.current?.focus();
  };
  return (
    <fieldset className="private__list" data-path={path}>
      <legend className="field__label">{legend}</legend>
      {hint ? <p className="field__hint">{hint}</p> : null}
      <PathFindings paths={[path]} />
      <ul className="private__list-items" ref={listRef}>
        {values.map((_, i) => (
          // Index keys on purpose: react-hook-form keeps each input's value by its indexed name.
          <li key={i} className="private__list-item">
            <Field path={`${path}.${i}`} label={itemLabel(i + 1)} formError={errorAt(form, `${path}.${i}`)}>
              {(p) => (
                <input
                  {...p}
                  {...form.register(fieldPath(`${path}.${i}`))}
                  autoComplete="off"
                  spellCheck={false}
                  {...(placeholder ? { placeholder } : {})}
                />
              )}
            </Field>
            {values.length > minItems ? (
              <button type="button" className="button button--quiet private__remove" onClick={() => remove(i)}>
                Remove<span className="visually-hidden"> {itemLabel(i + 1).toLowerCase()}</span>
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={add} ref={addButton}>
        {addLabel}
      </button>
    </fieldset>
  );
}
