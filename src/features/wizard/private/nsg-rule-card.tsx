/**
 * One NSG rule as a card, laid out in a grid that fits its box (a row of short fields, then the four
 * address and port fields, then what the rule does to the clients): every field is reachable without
 * scrolling sideways, at 390 px as at 1280 px. Each field shows its rule findings as typed; an address or
 * port list also shows the findings of each of its entries (PGN-125 reports `sourceAddresses.2`).
 */
import { useId } from 'react';
import { NSG_PRIORITY_MAX, NSG_PRIORITY_MIN } from '../../../domain/azure';
import type { Finding } from '../../../domain/finding';
import { NsgAccessSchema, NsgDirectionSchema, NsgProtocolSchema } from '../../../domain/plan';
import { FindingMessage } from '../../findings/finding-message';
import { useFieldFindings } from '../../findings/use-findings';
import { Field, FieldMessages, messageState, type ControlProps } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt } from './form-helpers';
import { ListTextInput } from './list-text-input';
import { PathFindings } from './path-findings';

export const NSG_RULES = 'access.delegatedSubnet.nsg.rules';

const NSG_LIST_FIELDS = [
  { key: 'sourceAddresses', label: 'Source', tags: true },
  { key: 'sourcePorts', label: 'Source ports', tags: false },
  { key: 'destinationAddresses', label: 'Destination', tags: true },
  { key: 'destinationPorts', label: 'Destination ports', tags: false },
] as const;

/** A list field's input, with the findings of its entries under it (and named by it). */
function ListField({
  form,
  path,
  control,
  entries,
  list,
}: {
  form: PlanForm;
  path: string;
  control: ControlProps & { 'aria-label': string };
  entries: readonly Finding[];
  list?: string;
}) {
  const id = useId();
  const invalid = control['aria-invalid'] || entries.some((f) => f.severity === 'error');
  const describedBy = [control['aria-describedby'], entries.length > 0 ? id : undefined].filter(Boolean).join(' ');
  return (
    <>
      <ListTextInput
        form={form}
        path={path}
        control={{
          id: control.id,
          'aria-label': control['aria-label'],
          'aria-invalid': invalid,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        }}
        {...(list === undefined ? {} : { list })}
      />
      {entries.length > 0 ? (
        <ul className="field__messages nsg-rule__entry-messages" id={id}>
          {entries.map((f) => (
            <FindingMessage key={`${f.ruleId}-${f.path}-${f.message}`} finding={f} />
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * The priority: a short input, and its messages on a line of their own across the card (a message in the
 * input's narrow column would wrap one word per line). The wrapper carries the field's path and error
 * state as `Field` does.
 */
function PriorityField({ form, path, n, onCommit }: { form: PlanForm; path: string; n: number; onCommit: () => void }) {
  const id = useId();
  const findings = useFieldFindings(path);
  const formMessage = errorAt(form, path)?.message;
  const { showFormError, hasMessages, hasError } = messageState(formMessage, findings);
  const priority = form.register(fieldPath(path), { valueAsNumber: true });
  return (
    <>
      <div className={`field nsg-rule__priority${hasError ? ' field--error' : ''}`} data-path={path}>
        <label className="field__label" htmlFor={id}>
          Priority
        </label>
        <input
          id={id}
          aria-label={`Rule ${n} priority`}
          aria-invalid={hasError}
          {...(hasMessages ? { 'aria-describedby': `${id}-msg` } : {})}
          type="number"
          min={NSG_PRIORITY_MIN}
          max={NSG_PRIORITY_MAX}
          {...priority}
          onBlur={(e) => {
            void priority.onBlur(e);
            onCommit();
          }}
        />
      </div>
      <FieldMessages
        id={`${id}-msg`}
        className="nsg-rule__priority-messages"
        formMessage={showFormError ? formMessage : undefined}
        findings={findings}
      />
    </>
  );
}

export interface NsgRuleCardProps {
  form: PlanForm;
  /** Index of the rule in the plan's NSG rules. */
  index: number;
  /** Findings of the rule's list entries, by field (`sourceAddresses`). */
  entryFindings: ReadonlyMap<string, readonly Finding[]> | undefined;
  /** What the rule does to the declared clients, in one line. */
  effect: string;
  /** The id of the service tag suggestions. */
  tagListId: string;
  onRemove: () => void;
  /** The priority was changed and the user left the field: sort again. */
  onPriorityCommit: () => void;
  /** The direction changed: the rule moves to the other list. */
  onDirectionChange: () => void;
}

export function NsgRuleCard(props: NsgRuleCardProps) {
  const { form, index, entryFindings, effect, tagListId, onRemove, onPriorityCommit, onDirectionChange } = props;
  const base = `${NSG_RULES}.${index}`;
  const n = index + 1;
  const direction = form.register(fieldPath(`${base}.direction`));
  const select = (key: 'direction' | 'access' | 'protocol', label: string, options: readonly string[]) => {
    const registered = key === 'direction' ? direction : form.register(fieldPath(`${base}.${key}`));
    return (
      <Field
        path={`${base}.${key}`}
        label={label}
        formError={errorAt(form, `${base}.${key}`)}
        className={`nsg-rule__${key}`}
      >
        {(p) => (
          <select
            {...p}
            aria-label={`Rule ${n} ${label.toLowerCase()}`}
            {...registered}
            onChange={(e) => {
              void registered.onChange(e);
              if (key === 'direction') onDirectionChange();
            }}
          >
            {options.map((o) => (
              <option key={o} value={o}>
                {o === '*' ? 'Any (*)' : o}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  };
  return (
    <li className="nsg-rule" data-path={base}>
      <div className="nsg-rule__fields">
        <PriorityField form={form} path={`${base}.priority`} n={n} onCommit={onPriorityCommit} />
        <Field path={`${base}.name`} label="Name" formError={errorAt(form, `${base}.name`)} className="nsg-rule__name">
          {(p) => (
            <input
              {...p}
              aria-label={`Rule ${n} name`}
              {...form.register(fieldPath(`${base}.name`))}
              autoComplete="off"
              spellCheck={false}
            />
          )}
        </Field>
        {select('direction', 'Direction', NsgDirectionSchema.options)}
        {select('access', 'Access', NsgAccessSchema.options)}
        {select('protocol', 'Protocol', NsgProtocolSchema.options)}
        {NSG_LIST_FIELDS.map((c) => (
          <Field
            key={c.key}
            path={`${base}.${c.key}`}
            label={c.label}
            formError={errorAt(form, `${base}.${c.key}`)}
            className={`nsg-rule__list nsg-rule__${c.key}`}
          >
            {(p) => (
              <ListField
                form={form}
                path={`${base}.${c.key}`}
                control={{ ...p, 'aria-label': `Rule ${n} ${c.label.toLowerCase()}` }}
                entries={entryFindings?.get(c.key) ?? []}
                {...(c.tags ? { list: tagListId } : {})}
              />
            )}
          </Field>
        ))}
      </div>
      <PathFindings paths={[base, `${base}.sourceAsgs`, `${base}.destinationAsgs`, `${base}.description`]} />
      <div className="nsg-rule__foot">
        <p className="nsg-rule__effect">
          <span className="visually-hidden">Rule {n} on the declared clients: </span>
          {effect}
        </p>
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Remove<span className="visually-hidden"> rule {n}</span>
        </button>
      </div>
    </li>
  );
}
