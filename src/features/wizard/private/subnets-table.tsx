/** The other subnets already in the server VNet: name and prefix, add and remove. */
import { useFieldArray } from 'react-hook-form';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt, useRevalidateAfterArrayChange } from './form-helpers';

export function SubnetsTable({ form }: { form: PlanForm }) {
  const subnets = useFieldArray({ control: form.control, name: 'access.vnet.subnets' });
  useRevalidateAfterArrayChange(form, subnets.fields);
  return (
    <fieldset className="card" data-path="access.vnet.subnets">
      <legend>Other subnets in this VNet</legend>
      <p className="field__hint">
        List the subnets that already exist (or that you plan) besides the delegated one, so overlaps and free space can
        be worked out.
      </p>
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
                const base = `access.vnet.subnets.${i}`;
                return (
                  <tr key={f.id}>
                    <td>
                      <Field
                        path={`${base}.name`}
                        label={`Subnet ${i + 1} name`}
                        formError={errorAt(form, `${base}.name`)}
                      >
                        {(p) => (
                          <input
                            {...p}
                            {...form.register(fieldPath(`${base}.name`))}
                            autoComplete="off"
                            spellCheck={false}
                          />
                        )}
                      </Field>
                    </td>
                    <td>
                      <Field
                        path={`${base}.prefix`}
                        label={`Subnet ${i + 1} prefix`}
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
                        Remove<span className="visually-hidden"> subnet {i + 1}</span>
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p>No other subnets listed.</p>
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
