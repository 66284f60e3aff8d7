/**
 * The one field component: label, input, hint, and every message for the field's plan path —
 * the form's own error plus the rule findings (error, warning, info), each with its rule ID and a
 * "why" link. Inputs get `aria-invalid` and `aria-describedby` for the messages. An empty field shows its errors
 * once the user has been in it (see `../findings/reveal.ts`), not before anything is typed.
 */
import { useId, type ReactNode } from 'react';
import type { FieldError } from 'react-hook-form';
import type { Finding } from '../../domain/finding';
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

export function Field({ path, label, hint, formError, children, className }: FieldProps) {
  const id = useId();
  const findings = useFieldFindings(path);
  const hintId = `${id}-hint`;
  const messagesId = `${id}-msg`;
  const errorsShown = useErrorsShown(path);
  const formMessage = errorsShown ? formError?.message : undefined;
  const { showFormError, hasMessages, hasError } = messageState(formMessage, findings);
  const describedBy = [hint ? hintId : null, hasMessages ? messagesId : null].filter(Boolean).join(' ');
  return (
    <div
      className={`field${hasError ? ' field--error' : ''}${className ? ` ${className}` : ''}`}
      data-path={path}
      onBlur={() => touchField(path)}
    >
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({ id, 'aria-invalid': hasError, ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <FieldMessages id={messagesId} formMessage={showFormError ? formMessage : undefined} findings={findings} />
    </div>
  );
}
