/**
 * The firewall rules as a table: name, start and end IPv4, remove. A CIDR block or an `a-b` range
 * typed into the start field becomes start and end when the user leaves the field (or presses
 * Enter), with a note saying what happened; a CIDR is never stored as is (PGN-203).
 */
import { useId, useMemo, useRef, useState } from 'react';
import { useWatch, type UseFieldArrayReturn } from 'react-hook-form';
import { convertStartInput, nextRuleName } from '../../../domain/firewall-input';
import type { FirewallRule, Plan } from '../../../domain/plan';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { FindingList, usePathFindings } from './path-findings';
import { startUndoStep } from './undo-step';

export type FirewallRulesArray = UseFieldArrayReturn<Plan, 'access.firewallRules'>;

const rulePath = (index: number, field?: keyof FirewallRule) =>
  field === undefined ? `access.firewallRules.${index}` : `access.firewallRules.${index}.${field}`;

interface RowProps {
  form: PlanForm;
  index: number;
  note: string | undefined;
  onNote: (note: string | null) => void;
  onRemove: () => void;
}

function FirewallRow({ form, index, note, onNote, onRemove }: RowProps) {
  const rowErrors = form.formState.errors.access?.firewallRules?.[index];
  const name = useWatch({ control: form.control, name: fieldPath(rulePath(index, 'name')) }) as string | undefined;
  const exclude = useMemo(
    () => [rulePath(index, 'name'), rulePath(index, 'startIp'), rulePath(index, 'endIp')],
    [index],
  );
  const rowFindings = usePathFindings(rulePath(index), true, exclude);
  const start = form.register(fieldPath(rulePath(index, 'startIp')));
  const label = name ? `rule ${index + 1} (${name})` : `rule ${index + 1}`;
  const noteId = useId();

  /**
   * Reads a CIDR or a range typed into the start field. `leftFor` is where the focus went when the user
   * left the field: when it is a link among the field's own messages (Tab from a start field holding a
   * CIDR goes to the "why" link of its error), the conversion removes that message, so the focus goes on
   * to the end field instead of falling back to the page.
   */
  const convert = (leftFor?: { field: Element | null }) => {
    const row = form.getValues(fieldPath(rulePath(index))) as FirewallRule | undefined;
    if (row === undefined) return;
    const result = convertStartInput(row.startIp, row.endIp);
    if (result.changed) {
      const active = document.activeElement;
      if (leftFor?.field != null && active !== null && leftFor.field.contains(active) && active.tagName === 'A') {
        form.setFocus(fieldPath(rulePath(index, 'endIp')));
      }
      form.setValue(
        fieldPath(rulePath(index)),
        { ...row, startIp: result.startIp, endIp: result.endIp },
        { shouldDirty: true, shouldValidate: true },
      );
    }
    if (result.note !== null) onNote(result.note);
  };

  return (
    <>
      <tr>
        <td>
          <Field path={rulePath(index, 'name')} label={`Name of rule ${index + 1}`} formError={rowErrors?.name}>
            {(p) => (
              <input
                {...p}
                {...form.register(fieldPath(rulePath(index, 'name')))}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
        </td>
        <td>
          <Field
            path={rulePath(index, 'startIp')}
            label={`Start IPv4 of rule ${index + 1}`}
            formError={rowErrors?.startIp}
          >
            {(p) => (
              <input
                {...p}
                {...(note === undefined
                  ? {}
                  : { 'aria-describedby': [p['aria-describedby'], noteId].filter(Boolean).join(' ') })}
                {...start}
                onChange={(e) => {
                  void start.onChange(e);
                  if (note !== undefined) onNote(null);
                }}
                onBlur={(e) => {
                  void start.onBlur(e);
                  const field = e.currentTarget.closest('.field');
                  // Once the focus has moved on, so that `convert` knows where it went.
                  setTimeout(() => convert({ field }), 0);
                }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    convert();
                  }
                }}
                autoComplete="off"
                spellCheck={false}
                inputMode="text"
                placeholder="203.0.113.0 or 203.0.113.0/28"
              />
            )}
          </Field>
        </td>
        <td>
          <Field path={rulePath(index, 'endIp')} label={`End IPv4 of rule ${index + 1}`} formError={rowErrors?.endIp}>
            {(p) => (
              <input
                {...p}
                {...form.register(fieldPath(rulePath(index, 'endIp')))}
                autoComplete="off"
                spellCheck={false}
              />
            )}
          </Field>
        </td>
        <td className="fwtable__actions">
          <button type="button" className="button button--quiet" onClick={onRemove}>
            Remove<span className="visually-hidden"> {label}</span>
          </button>
        </td>
      </tr>
      {rowFindings.length > 0 || note !== undefined ? (
        <tr className="fwtable__findings">
          <td colSpan={4}>
            {note === undefined ? null : (
              <p className="fwtable__note" id={noteId}>
                <span aria-hidden="true">ℹ </span>
                {note}
              </p>
            )}
            <FindingList findings={rowFindings} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

export function FirewallTable({ form, rules }: { form: PlanForm; rules: FirewallRulesArray }) {
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [announcement, setAnnouncement] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  const setNote = (id: string, note: string | null) => {
    setNotes((current) => {
      const next = { ...current };
      if (note === null) delete next[id];
      else next[id] = note;
      return next;
    });
    if (note !== null) setAnnouncement(note);
  };

  const remove = (index: number) => {
    const row = form.getValues(fieldPath(rulePath(index))) as FirewallRule | undefined;
    startUndoStep();
    rules.remove(index);
    setAnnouncement(`Rule ${row?.name || index + 1} removed. Undo with Ctrl+Z.`);
    addButton.current?.focus();
  };

  const add = () => {
    const current = (form.getValues(fieldPath('access.firewallRules')) as FirewallRule[] | undefined) ?? [];
    startUndoStep();
    rules.append(
      { name: nextRuleName(current), startIp: '', endIp: '' },
      // The name first: it is the first field of the row, and what people type first.
      { focusName: rulePath(current.length, 'name') },
    );
  };

  return (
    <div className="fwtable-block">
      {rules.fields.length === 0 ? (
        <p className="fwtable__empty">
          No firewall rules yet. By default no IP address is allowed, so nothing can connect.
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table fwtable">
            <caption className="visually-hidden">
              Firewall rules: each allows the IPv4 addresses from start to end
            </caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Start IPv4</th>
                <th scope="col">End IPv4</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.fields.map((f, i) => (
                <FirewallRow
                  key={f.id}
                  form={form}
                  index={i}
                  note={notes[f.id]}
                  onNote={(note) => setNote(f.id, note)}
                  onRemove={() => remove(i)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="button-row">
        <button type="button" className="button" ref={addButton} onClick={add}>
          Add a firewall rule
        </button>
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
    </div>
  );
}
