/** The NSG's rules: one row per rule, add and remove, and "Add the rules high availability needs". */
import { useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { haRulesToAdd, newNsgRule } from '../../../domain/nsg-templates';
import { NsgAccessSchema, NsgDirectionSchema, NsgProtocolSchema, type NsgRule } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt, useRevalidateAfterArrayChange } from './form-helpers';
import { ListTextInput } from './list-text-input';
import { PathFindings } from './path-findings';

const RULES = 'access.delegatedSubnet.nsg.rules';

const LIST_COLUMNS = [
  { key: 'sourceAddresses', label: 'Source' },
  { key: 'sourcePorts', label: 'Source ports' },
  { key: 'destinationAddresses', label: 'Destination' },
  { key: 'destinationPorts', label: 'Destination ports' },
] as const;

function RuleRow({ form, index, onRemove }: { form: PlanForm; index: number; onRemove: () => void }) {
  const base = `${RULES}.${index}`;
  const n = index + 1;
  const select = (key: 'direction' | 'access' | 'protocol', label: string, options: readonly string[]) => (
    <td>
      <Field
        path={`${base}.${key}`}
        label={`Rule ${n} ${label.toLowerCase()}`}
        formError={errorAt(form, `${base}.${key}`)}
      >
        {(p) => (
          <select {...p} {...form.register(fieldPath(`${base}.${key}`))}>
            {options.map((o) => (
              <option key={o} value={o}>
                {o === '*' ? 'Any (*)' : o}
              </option>
            ))}
          </select>
        )}
      </Field>
    </td>
  );
  return (
    <tr data-path={base}>
      <td className="nsg-table__wide">
        <Field path={`${base}.name`} label={`Rule ${n} name`} formError={errorAt(form, `${base}.name`)}>
          {(p) => <input {...p} {...form.register(fieldPath(`${base}.name`))} autoComplete="off" spellCheck={false} />}
        </Field>
        <PathFindings paths={[base, `${base}.sourceAsgs`, `${base}.destinationAsgs`]} />
      </td>
      <td className="nsg-table__priority">
        <Field path={`${base}.priority`} label={`Rule ${n} priority`} formError={errorAt(form, `${base}.priority`)}>
          {(p) => (
            <input
              {...p}
              type="number"
              min={100}
              max={4096}
              {...form.register(fieldPath(`${base}.priority`), { valueAsNumber: true })}
            />
          )}
        </Field>
      </td>
      {select('direction', 'Direction', NsgDirectionSchema.options)}
      {select('access', 'Access', NsgAccessSchema.options)}
      {select('protocol', 'Protocol', NsgProtocolSchema.options)}
      {LIST_COLUMNS.map((c) => (
        <td key={c.key} className="nsg-table__wide">
          <Field
            path={`${base}.${c.key}`}
            label={`Rule ${n} ${c.label.toLowerCase()}`}
            formError={errorAt(form, `${base}.${c.key}`)}
          >
            {(p) => <ListTextInput form={form} path={`${base}.${c.key}`} control={p} />}
          </Field>
        </td>
      ))}
      <td>
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Remove<span className="visually-hidden"> rule {n}</span>
        </button>
      </td>
    </tr>
  );
}

export function NsgRulesTable({ form }: { form: PlanForm }) {
  const rules = useFieldArray({ control: form.control, name: 'access.delegatedSubnet.nsg.rules' });
  useRevalidateAfterArrayChange(form, rules.fields);
  const [status, setStatus] = useState('');
  const region = usePlanner((s) => s.plan.servers[0]?.region ?? '');
  const prefix =
    (useWatch({ control: form.control, name: 'access.delegatedSubnet.prefix' }) as string | undefined) ?? '';
  const current = (): NsgRule[] => (form.getValues(fieldPath(RULES)) as NsgRule[] | undefined) ?? [];
  const addHa = () => {
    const result = haRulesToAdd(current(), prefix, region);
    if (!result.ok) {
      setStatus(result.message);
      return;
    }
    if (result.added.length > 0) rules.append(result.added, { shouldFocus: false });
    const added = result.added.map((r) => `${r.name} (${r.direction.toLowerCase()}, priority ${r.priority})`);
    setStatus(
      [
        added.length > 0 ? `Added ${added.join(', ')}.` : 'Nothing to add.',
        result.alreadyPresent.length > 0 ? `Already present: ${result.alreadyPresent.join(', ')}.` : '',
      ]
        .filter(Boolean)
        .join(' '),
    );
  };
  return (
    <>
      {rules.fields.length > 0 ? (
        <div className="table-wrap private__table-wrap">
          <table className="table nsg-table">
            <caption className="visually-hidden">NSG rules</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Priority</th>
                <th scope="col">Direction</th>
                <th scope="col">Access</th>
                <th scope="col">Protocol</th>
                {LIST_COLUMNS.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rules.fields.map((f, i) => (
                <RuleRow key={f.id} form={form} index={i} onRemove={() => rules.remove(i)} />
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No rules yet: only Azure's default rules apply (they allow traffic within the VNet).</p>
      )}
      <p className="field__hint">
        Addresses: CIDRs, IPs, <code>*</code> or service tags (<code>VirtualNetwork</code>,{' '}
        <code>Storage.&lt;Region&gt;</code>…), comma-separated. Ports: <code>*</code>, <code>5432</code> or{' '}
        <code>1000-2000</code>. Application security groups are not supported with flexible servers.
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => rules.append(newNsgRule(current()), { shouldFocus: true })}
        >
          Add a rule
        </button>
        <button type="button" className="button" onClick={addHa}>
          Add the rules high availability needs
        </button>
      </div>
      <p className="private__status" role="status">
        {status}
      </p>
    </>
  );
}
