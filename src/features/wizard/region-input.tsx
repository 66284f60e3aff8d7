/**
 * A region field: a text input with a searchable list of Azure's regions (the ARIA 1.2 combobox
 * pattern: the input keeps focus, the list is a listbox of options). Picking "West Europe" writes
 * `westeurope`; a display name typed in full is converted when the field is left; anything else stays
 * as typed and PGN-010 says what is wrong next to the field.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { useWatch } from 'react-hook-form';
import { normalizeRegion, REGION_CATALOG, type AzureRegion } from '../../domain/regions';
import type { ControlProps } from './field';
import { setPath } from './private/form-helpers';
import { fieldPath, type PlanForm } from './use-plan-form';

interface RegionInputProps {
  form: PlanForm;
  /** Dotted plan path of the region, e.g. `servers.0.region`. */
  path: string;
  control: ControlProps;
  /** Called after a region is picked or the field is left with a changed value. */
  onCommit?: (() => void) | undefined;
}

const squash = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

/** The regions whose programmatic or display name contains the text (all of them for empty text). */
function matching(text: string): readonly AzureRegion[] {
  const key = squash(text);
  if (key === '') return REGION_CATALOG;
  const found = REGION_CATALOG.filter((r) => r.name.includes(key));
  // The typed text is one region already: show them all, so that another can be picked.
  return found.length === 1 && found[0]?.name === key ? REGION_CATALOG : found;
}

export function RegionInput({ form, path, control, onCommit }: RegionInputProps) {
  const listId = useId();
  const value = (useWatch({ control: form.control, name: fieldPath(path) }) as string | undefined) ?? '';
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [focusValue, setFocusValue] = useState(value);
  const options = open ? matching(value) : [];
  const registered = form.register(fieldPath(path));

  const commit = (next: string) => {
    if (next !== value) setPath(form, path, next);
    setOpen(false);
    setActive(-1);
    if (next !== focusValue) {
      setFocusValue(next);
      onCommit?.();
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const list = open ? options : matching(value);
      if (list.length === 0) return;
      setOpen(true);
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i < 0 ? (step > 0 ? 0 : list.length - 1) : (i + step + list.length) % list.length));
    } else if (e.key === 'Enter' && open && options[active] !== undefined) {
      e.preventDefault();
      commit(options[active].name);
    } else if (e.key === 'Escape' && open) {
      e.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  const activeOption = options[active];
  return (
    <div className="region-input">
      <input
        {...control}
        {...registered}
        onChange={(e) => {
          setOpen(true);
          setActive(-1);
          void registered.onChange(e);
        }}
        onFocus={() => setFocusValue(value)}
        onBlur={(e) => {
          commit(normalizeRegion(value));
          void registered.onBlur(e);
        }}
        onKeyDown={onKeyDown}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        {...(activeOption ? { 'aria-activedescendant': `${listId}-${activeOption.name}` } : {})}
        autoComplete="off"
        spellCheck={false}
      />
      <ul className="region-input__list" id={listId} role="listbox" hidden={options.length === 0}>
        {options.map((r, i) => (
          <li
            key={r.name}
            id={`${listId}-${r.name}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'region-input__option region-input__option--active' : 'region-input__option'}
            // Keep the focus in the input: its blur would close the list before the click lands.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => commit(r.name)}
          >
            {r.displayName} <span className="region-input__name">{r.name}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
