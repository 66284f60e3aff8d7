/**
 * The one field component: label, input, hint, and every message for the field's plan path —
 * the form's own error plus the rule findings (error, warning, info), each with its rule ID and a
 * "why" link. Inputs get `aria-invalid` and `aria-describedby` for the messages. An empty field shows its errors
 * once the user has been in it (see `../findings/reveal.ts`), not before anything is typed.
 *
 * A field of an imported deployment that Azure can't change after creation (`../import/read-only.ts`) shows its
 * value read-only instead of its input, with the reason as its hint; it still takes the focus ("Go to the field").
 */
import { useId, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import type { Finding } from '../../domain/finding';
import { getIn } from '../../domain/paths';
import { readOnlyReason } from '../../store/import-report';
import { usePlanner } from '../../store/store';
import { useFieldFindings } from '../findings/use-findings';
import { FindingMessage } from '../findings/finding-message';
import { touchField, useErrorsShown } from '../findings/reveal';

/** What a field shows: the form's own error unless a finding says the same, and whether anything is an error. */
export function messageState(formMessage: string | undefined, findings: readonly Finding[]) {
  const showFormError = formMessage !== undefined && !findings.some((f) => f.message === formMessage);
  return {
    showFormError,
    hasMessages: showFormError || findings.length > 0,
    hasError: showFormError || findings.some((f) => f.severity === 'error'),
  };
}

/** A field's messages: the form's error (`formMessage`, when shown) and then the rule findings; nothing if none. */
export function FieldMessages({
  id,
  className,
  formMessage,
  findings,
}: {
  id: string;
  className?: string;
  formMessage: string | undefined;
  findings: readonly Finding[];
}) {
  if (formMessage === undefined && findings.length === 0) return null;
  return (
    <ul className={className === undefined ? 'field__messages' : `field__messages ${className}`} id={id}>
      {formMessage !== undefined ? (
        <li className="finding finding--error">
          <span className="finding__severity">Error:</span> {formMessage}
        </li>
      ) : null}
      {findings.map((f) => (
        <FindingMessage key={`${f.ruleId}-${f.message}`} finding={f} />
      ))}
    </ul>
  );
}

export interface ControlProps {
  id: string;
  'aria-invalid': boolean;
  'aria-describedby'?: string;
}

interface FieldProps {
  /** Dotted plan path of the value, e.g. `servers.0.name`. */
  path: string;
  label: string;
  hint?: ReactNode;
  /** The form's error for this field (shape errors the rules do not cover). */
  formError?: FieldError | undefined;
  children: (control: ControlProps) => ReactNode;
  className?: string;
}

/** Why the field at `path` can't be changed (imported, and Azure can't change it after creation), if so. */
export const useReadOnlyReason = (path: string): string | undefined =>
  usePlanner((s) => readOnlyReason(s.importReport, s.plan, path));

/** A plan value in words, for a read-only field. */
function shownValue(value: unknown): string {
  if (value === undefined || value === null || value === '') return '(none)';
  if (Array.isArray(value)) return value.join(', ') || '(none)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  return typeof value === 'string' || typeof value === 'number' ? String(value) : JSON.stringify(value);
}

/** The value of a read-only field: a read-only input, so that it keeps its label and takes the focus. */
function ReadOnlyValue({ path, control }: { path: string; control: ControlProps }) {
  const value = usePlanner((s) => shownValue(getIn(s.plan, path)));
  return <input {...control} className="field__read-only-value" value={value} readOnly />;
}

export function Field({ path, label, hint, formError, children, className }: FieldProps) {
  const id = useId();
  const findings = useFieldFindings(path);
  const readOnly = useReadOnlyReason(path);
  const hintId = `${id}-hint`;
  const messagesId = `${id}-msg`;
  const errorsShown = useErrorsShown(path);
  const formMessage = errorsShown ? formError?.message : undefined;
  const { showFormError, hasMessages, hasError } = messageState(formMessage, findings);
  const hasHint = readOnly !== undefined || Boolean(hint);
  const describedBy = [hasHint ? hintId : null, hasMessages ? messagesId : null].filter(Boolean).join(' ');
  const control = { id, 'aria-invalid': hasError, ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
  const classes = [
    'field',
    hasError ? 'field--error' : '',
    readOnly === undefined ? '' : 'field--read-only',
    className,
  ];
  return (
    <div className={classes.filter(Boolean).join(' ')} data-path={path} onBlur={() => touchField(path)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {readOnly === undefined ? children(control) : <ReadOnlyValue path={path} control={control} />}
      {readOnly !== undefined ? (
        <p className="field__hint field__read-only" id={hintId}>
          <strong>Read-only (deployed):</strong> {readOnly}
        </p>
      ) : hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldMessages id={messagesId} formMessage={showFormError ? formMessage : undefined} findings={findings} />
    </div>
  );
}
