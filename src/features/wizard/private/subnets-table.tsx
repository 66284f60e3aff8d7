/** A VNet's subnets (the server VNet's others than the delegated one, or another VNet's): name and prefix. */
import type { ReactNode } from 'react';
import { useFieldArray } from 'react-hook-form';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt, useRevalidateAfterArrayChange } from './form-helpers';
import { PathFindings } from './path-findings';
import { useRenameOnBlur } from './rename-on-blur';
import { renameSubnetReferences } from './vnet-references';

interface Props {
  form: PlanForm;
  /** Dotted path of the subnet list; the server VNet's by default. */
  path?: string;
  legend?: string;
  hint?: ReactNode;
  /** The label of subnet n's name or prefix field. */
  label?: (n: number, what: 'name' | 'prefix') => string;
  /** Subnet n in words, for its Remove button. */
  rowLabel?: (n: number) => string;
}

const SERVER_HINT =
  'List the subnets that already exist (or that you plan) besides the delegated one, so overlaps and free space can ' +
  'be worked out.';

export function SubnetsTable({
  form,
  path = 'access.vnet.subnets',
  legend = 'Other subnets in this VNet',
  hint = SERVER_HINT,
  label = (n, what) => `Subnet ${n} ${what}`,
  rowLabel = (n) => `subnet ${n}`,
}: Props) {
  // Every subnet list has the server VNet's item type; the path is built at run time.
  const subnets = useFieldArray({ control: form.control, name: path as 'access.vnet.subnets' });
  useRevalidateAfterArrayChange(form, subnets.fields);
  return (
    <fieldset className="card" data-path={path}>
      <legend>{legend}</legend>
      <p className="field__hint">{hint}</p>
      <PathFindings paths={[path]} />
      {subnets.fields.length > 0 ? (
        <div className="table-wrap private__table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {subnets.fields.map((f, i) => {
                const base = `${path}.${i}`;
                return (
                  <tr key={f.id}>
                    <td>
                      <SubnetNameField form={form} path={`${base}.name`} label={label(i + 1, 'name')} />
                    </td>
                    <td>
                      <Field
                        path={`${base}.prefix`}
                        label={label(i + 1, 'prefix')}
                        formError={errorAt(form, `${base}.prefix`)}
                      >
                        {(p) => (
                          <input
                            {...p}
                            {...form.register(fieldPath(`${base}.prefix`))}
                            autoComplete="off"
                            spellCheck={false}
                            placeholder="10.0.1.0/24"
                          />
                        )}
                      </Field>
                    </td>
                    <td>
                      <button type="button" className="button button--quiet" onClick={() => subnets.remove(i)}>
                        Remove<span className="visually-hidden"> {rowLabel(i + 1)}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No subnets listed.</p>
      )}
      <button
        type="button"
        className="button"
        onClick={() => subnets.append({ name: '', prefix: '' }, { shouldFocus: true })}
      >
        Add a subnet
      </button>
    </fieldset>
  );
}

/**
 * A subnet's name: when it is left with a new name, the route tables of its VNet (and, on the server VNet, the clients
 * in it) that named the old one take the new one.
 */
function SubnetNameField({ form, path, label }: { form: PlanForm; path: string; label: string }) {
  // `access.vnet.subnets.3.name` → `access.vnet`; `access.peeredVnets.1.subnets.0.name` → `access.peeredVnets.1`.
  const vnetPath = path.replace(/\.subnets\.\d+\.name$/, '');
  const input = useRenameOnBlur(form, path, (plan, previous, name) =>
    renameSubnetReferences(plan, vnetPath, previous, name),
  );
  return (
    <Field path={path} label={label} formError={errorAt(form, path)}>
      {(p) => <input {...p} {...input} autoComplete="off" spellCheck={false} />}
    </Field>
  );
}
