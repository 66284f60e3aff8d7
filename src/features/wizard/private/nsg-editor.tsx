/** The optional network security group of the delegated subnet. */
import { useId, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import type { Nsg } from '../../../domain/plan';
import { Field } from '../field';
import type { PlanForm } from '../use-plan-form';
import { errorAt, setPath } from './form-helpers';
import { NsgRules } from './nsg-rules';
import './nsg.css';
import { PathFindings } from './path-findings';

const NSG = 'access.delegatedSubnet.nsg';

export function NsgEditor({ form }: { form: PlanForm }) {
  const nsg = useWatch({ control: form.control, name: NSG }) as Nsg | null | undefined;
  const subnetName = useWatch({ control: form.control, name: 'access.delegatedSubnet.name' }) as string | undefined;
  const stash = useRef<Nsg | null>(nsg ?? null);
  const checkboxId = useId();
  const toggle = (on: boolean) => {
    if (on) {
      setPath(
        form,
        NSG,
        stash.current ?? { name: `nsg-${subnetName?.trim() || 'postgres'}`, rules: [], existing: false },
      );
    } else {
      stash.current = nsg ?? null;
      setPath(form, NSG, null);
    }
  };
  return (
    <fieldset className="card" data-path={NSG}>
      <legend>Network security group</legend>
      <div className="field field--checkbox">
        <label className="field__label" htmlFor={checkboxId}>
          Attach a network security group to the delegated subnet
        </label>
        <input id={checkboxId} type="checkbox" checked={nsg != null} onChange={(e) => toggle(e.target.checked)} />
      </div>
      <PathFindings paths={[NSG, `${NSG}.rules`]} />
      {nsg != null ? (
        <>
          <Field path={`${NSG}.name`} label="NSG name" formError={errorAt(form, `${NSG}.name`)}>
            {(p) => <input {...p} {...form.register(`${NSG}.name`)} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field
            path={`${NSG}.existing`}
            label="The NSG exists already"
            className="field--checkbox"
            formError={errorAt(form, `${NSG}.existing`)}
            hint={
              "The exports then only associate the subnet with it (in the VNet's resource group): they neither " +
              'create the NSG nor change its rules, which describe it for the checks. An NSG read from a deployment ' +
              'exists already.'
            }
          >
            {(p) => <input type="checkbox" {...p} {...form.register(`${NSG}.existing`)} />}
          </Field>
          <NsgRules form={form} />
        </>
      ) : (
        <p className="private__note">
          Without an NSG, Azure's defaults apply. If you add one that denies traffic, high availability still needs TCP
          5432 and 6432 within the subnet and outbound access to Azure Storage.
        </p>
      )}
    </fieldset>
  );
}
