/**
 * A text input for a list value (NSG addresses, ports): the user types comma-separated text; the
 * plan stores the array. The text is kept as typed while editing, so a trailing comma is not eaten.
 */
import { useState } from 'react';
import { joinList, splitList } from '../../../domain/nsg-templates';
import type { ControlProps } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { setPath } from './form-helpers';

export function ListTextInput({ form, path, control }: { form: PlanForm; path: string; control: ControlProps }) {
  const [text, setText] = useState(() => {
    const value: unknown = form.getValues(fieldPath(path));
    return Array.isArray(value) ? joinList(value as string[]) : '';
  });
  return (
    <input
      {...control}
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
