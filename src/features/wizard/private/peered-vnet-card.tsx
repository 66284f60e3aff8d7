/** One peered VNet: identity, address spaces, peering in each direction, zone link and DNS setting. */
import { useWatch } from 'react-hook-form';
import { Field } from '../field';
import { RegionInput } from '../region-input';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { DnsSettingEditor } from './dns-setting-editor';
import { errorAt } from './form-helpers';
import { PathFindings } from './path-findings';
import { StringList } from './string-list';

export function PeeredVnetCard({ form, index, onRemove }: { form: PlanForm; index: number; onRemove: () => void }) {
  const base = `access.peeredVnets.${index}`;
  const name = (useWatch({ control: form.control, name: fieldPath(`${base}.name`) }) as string | undefined) ?? '';
  const serverVnet =
    (useWatch({ control: form.control, name: 'access.vnet.name' }) as string | undefined) || 'the server VNet';
  const title = name.trim() || `Peered VNet ${index + 1}`;
  const text = (key: string, label: string) => (
    <Field path={`${base}.${key}`} label={label} formError={errorAt(form, `${base}.${key}`)}>
      {(p) => <input {...p} {...form.register(fieldPath(`${base}.${key}`))} autoComplete="off" spellCheck={false} />}
    </Field>
  );
  const check = (key: string, label: string, hint?: string) => (
    <Field
      path={`${base}.${key}`}
      label={label}
      className="field--checkbox"
      formError={errorAt(form, `${base}.${key}`)}
      {...(hint ? { hint } : {})}
    >
      {(p) => <input type="checkbox" {...p} {...form.register(fieldPath(`${base}.${key}`))} />}
    </Field>
  );
  return (
    <fieldset className="card" data-path={base}>
      <legend>{title}</legend>
      <PathFindings paths={[base, `${base}.peering`]} />
      <div className="grid">
        {text('name', 'VNet name')}
        <Field path={`${base}.region`} label="Region" formError={errorAt(form, `${base}.region`)}>
          {(p) => <RegionInput form={form} path={`${base}.region`} control={p} />}
        </Field>
        {text('resourceGroup', 'Resource group')}
        {text('subscription', 'Subscription ID')}
      </div>
      <StringList
        form={form}
        path={`${base}.addressSpaces`}
        legend={`Address spaces of ${title}`}
        itemLabel={(n) => `Address space ${n} of ${title}`}
        addLabel="Add an address space"
        placeholder="10.1.0.0/16"
        minItems={1}
      />
      <fieldset className="private__list" data-path={`${base}.peering`}>
        <legend className="field__label">Peering (one resource on each side)</legend>
        <div className="private__checks">
          {check('peering.fromServerVnet', `Peering from ${serverVnet} to this VNet`)}
          {check('peering.toServerVnet', `Peering from this VNet to ${serverVnet}`)}
        </div>
      </fieldset>
      {check(
        'zoneLink',
        'Linked to the private DNS zone',
        'Peering gives connectivity; the link gives name resolution. Clients in this VNet need both.',
      )}
      <DnsSettingEditor form={form} path={`${base}.dns`} vnetLabel={title} />
      <button type="button" className="button button--quiet" onClick={onRemove}>
        Remove {title}
      </button>
    </fieldset>
  );
}
