/**
 * A text input for a list value (NSG addresses, ports): the user types comma-separated text; the
 * plan stores the array. The text is kept as typed while editing, so a trailing comma is not eaten.
 */
import { useState } from 'react';
import { joinList, splitList } from '../../../domain/nsg-templates';
import type { ControlProps } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { setPath } from './form-helpers';

interface ListTextInputProps {
  form: PlanForm;
  path: string;
  /** The field's control props, and the input's own accessible name when its label is short. */
  control: ControlProps & { 'aria-label'?: string };
  /** The id of a datalist of suggestions (service tags). */
  list?: string;
}

export function ListTextInput({ form, path, control, list }: ListTextInputProps) {
  const [text, setText] = useState(() => {
    const value: unknown = form.getValues(fieldPath(path));
    return Array.isArray(value) ? joinList(value as string[]) : '';
  });
  return (
    <input
      {...control}
      {...(list === undefined ? {} : { list })}
      value={text}
      autoComplete="off"
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        setPath(form, path, splitList(e.target.value));
      }}
      onBlur={() => setText(joinList(splitList(text)))}
    />
  );
}
