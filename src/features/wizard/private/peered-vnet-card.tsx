/**
 * Another VNet of the plan (a hub, a spoke, a client's VNet): identity, address spaces, the subnets the plan refers
 * to, its firewall or appliance, zone link and DNS setting. How it is peered is in the Peerings section.
 */
import { useWatch } from 'react-hook-form';
import { Field } from '../field';
import { RegionInput } from '../region-input';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { ApplianceEditor } from './appliance-editor';
import { DnsSettingEditor } from './dns-setting-editor';
import { errorAt } from './form-helpers';
import { PathFindings } from './path-findings';
import { StringList } from './string-list';
import { SubnetsTable } from './subnets-table';
import { VnetNameField } from './vnet-name-field';

export function PeeredVnetCard({ form, index, onRemove }: { form: PlanForm; index: number; onRemove: () => void }) {
  const base = `access.peeredVnets.${index}`;
  const name = (useWatch({ control: form.control, name: fieldPath(`${base}.name`) }) as string | undefined) ?? '';
  const title = name.trim() || `Other VNet ${index + 1}`;
  const text = (key: string, label: string) => (
    <Field path={`${base}.${key}`} label={label} formError={errorAt(form, `${base}.${key}`)}>
      {(p) => <input {...p} {...form.register(fieldPath(`${base}.${key}`))} autoComplete="off" spellCheck={false} />}
    </Field>
  );
  return (
    <fieldset className="card" data-path={base}>
      <legend>{title}</legend>
      <PathFindings paths={[base]} />
      <div className="grid">
        <VnetNameField
          form={form}
          path={`${base}.name`}
          label="VNet name"
          hint="Its peerings, route tables, gateways and clients follow a new name."
        />
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
      <SubnetsTable
        form={form}
        path={`${base}.subnets`}
        legend={`Subnets of ${title}`}
        hint="The subnets the plan refers to: those of clients, of route tables, and of a firewall."
        label={(n, what) => `Subnet ${n} ${what} in ${title}`}
        rowLabel={(n) => `subnet ${n} of ${title}`}
      />
      <ApplianceEditor form={form} path={`${base}.appliance`} vnetLabel={title} />
      <Field
        path={`${base}.zoneLink`}
        label="Linked to the private DNS zone"
        className="field--checkbox"
        formError={errorAt(form, `${base}.zoneLink`)}
        hint="Peering gives connectivity; the link gives name resolution. Clients in this VNet need both."
      >
        {(p) => <input type="checkbox" {...p} {...form.register(fieldPath(`${base}.zoneLink`))} />}
      </Field>
      <DnsSettingEditor form={form} path={`${base}.dns`} vnetLabel={title} />
      <button type="button" className="button button--quiet" onClick={onRemove}>
        Remove {title}
      </button>
    </fieldset>
  );
}
