import { useFieldArray, type FieldError } from 'react-hook-form';
import {
  AVAILABILITY_ZONES,
  DEFAULT_POSTGRES_VERSION,
  HA_MODES,
  POSTGRES_VERSIONS,
  SERVER_FQDN_SUFFIX,
} from '../../../domain/azure';
import { DEFAULT_REGION } from '../../../domain/new-plan';
import { withHaStorageRegion } from '../../../domain/storage-tag';
import { usePlanner } from '../../../store/store';
import { Field } from '../field';
import { RegionInput } from '../region-input';
import { StepFrame } from '../step-frame';
import { fieldPath, usePlanForm, type PlanForm } from '../use-plan-form';

const HA_LABEL: Record<(typeof HA_MODES)[number], string> = {
  Disabled: 'Disabled',
  SameZone: 'Same zone (standby in the same availability zone)',
  ZoneRedundant: 'Zone redundant (standby in another availability zone)',
};

/** "No preference" is no zone at all in the plan (the field is optional), not an empty string. */
const noZone = (value: unknown) => (value === '' ? undefined : value);

const followRegion = () => usePlanner.getState().updatePlan(withHaStorageRegion, 'servers.0.region');

/** An availability zone select: "No preference" or zone 1, 2 or 3. */
function ZoneField(props: { form: PlanForm; path: string; label: string; hint: string; formError?: FieldError }) {
  const { form, path, label, hint, formError } = props;
  return (
    <Field path={path} label={label} formError={formError} hint={hint}>
      {(p) => (
        <select {...p} {...form.register(fieldPath(path), { setValueAs: noZone })}>
          <option value="">No preference</option>
          {AVAILABILITY_ZONES.map((z) => (
            <option key={z} value={z}>
              Zone {z}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

function ServerFields({ form, index, onRemove }: { form: PlanForm; index: number; onRemove?: () => void }) {
  const base = `servers.${index}`;
  const errors = form.formState.errors.servers?.[index];
  const name = form.watch(fieldPath(`${base}.name`)) as string;
  const ha = form.watch(fieldPath(`${base}.highAvailability`)) as string;
  const standbyZone = (form.watch(fieldPath(`${base}.standbyAvailabilityZone`)) as string | undefined) ?? '';
  return (
    <fieldset className="card">
      <legend>Server {index + 1}</legend>
      <div className="grid">
        <Field
          path={`${base}.name`}
          label="Server name"
          formError={errors?.name}
          hint={
            <>
              3–63 lowercase letters, digits and hyphens. Clients connect to{' '}
              <code>
                {name || '<name>'}.{SERVER_FQDN_SUFFIX}
              </code>
              .
            </>
          }
        >
          {(p) => <input {...p} {...form.register(fieldPath(`${base}.name`))} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field
          path={`${base}.region`}
          label="Region"
          formError={errors?.region}
          hint="Pick from the list, or type a programmatic name (westeurope) or display name (West Europe)."
        >
          {(p) => (
            <RegionInput
              form={form}
              path={`${base}.region`}
              control={p}
              // The HA helper's Storage.<region> rule follows the first server's region.
              onCommit={index === 0 ? followRegion : undefined}
            />
          )}
        </Field>
        <Field path={`${base}.version`} label="PostgreSQL version" formError={errors?.version}>
          {(p) => (
            <select {...p} {...form.register(fieldPath(`${base}.version`))}>
              {POSTGRES_VERSIONS.map((v) => (
                <option key={v} value={v}>
                  PostgreSQL {v}
                  {v === DEFAULT_POSTGRES_VERSION ? ' (default)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          path={`${base}.highAvailability`}
          label="High availability"
          formError={errors?.highAvailability}
          hint="A server with HA uses 4 addresses of its subnet."
        >
          {(p) => (
            <select {...p} {...form.register(fieldPath(`${base}.highAvailability`))}>
              {HA_MODES.map((m) => (
                <option key={m} value={m}>
                  {HA_LABEL[m]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <ZoneField
          form={form}
          path={`${base}.availabilityZone`}
          label="Availability zone"
          formError={errors?.availabilityZone}
          hint="In a region with availability zones; with no preference Azure chooses one."
        />
        {ha === 'ZoneRedundant' || standbyZone !== '' ? (
          <ZoneField
            form={form}
            path={`${base}.standbyAvailabilityZone`}
            label="Standby availability zone"
            formError={errors?.standbyAvailabilityZone}
            hint="Another zone than the server's; with no preference Azure chooses one."
          />
        ) : null}
        <Field path={`${base}.resourceGroup`} label="Resource group" formError={errors?.resourceGroup}>
          {(p) => <input {...p} {...form.register(fieldPath(`${base}.resourceGroup`))} autoComplete="off" />}
        </Field>
        <Field path={`${base}.subscription`} label="Subscription ID" formError={errors?.subscription}>
          {(p) => <input {...p} {...form.register(fieldPath(`${base}.subscription`))} autoComplete="off" />}
        </Field>
      </div>
      {onRemove ? (
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Remove server {index + 1}
        </button>
      ) : null}
    </fieldset>
  );
}

export default function BasicsStep() {
  const form = usePlanForm();
  const servers = useFieldArray({ control: form.control, name: 'servers' });
  const firstRegion = (form.getValues('servers.0.region') as string | undefined) ?? DEFAULT_REGION;
  return (
    <StepFrame intro={<p>Name the server and choose where it runs. Several servers can share one delegated subnet.</p>}>
      <Field path="name" label="Plan name" formError={form.formState.errors.name}>
        {(p) => <input {...p} {...form.register('name')} autoComplete="off" />}
      </Field>
      {servers.fields.map((f, i) => (
        <ServerFields
          key={f.id}
          form={form}
          index={i}
          {...(servers.fields.length > 1 ? { onRemove: () => servers.remove(i) } : {})}
        />
      ))}
      <button
        type="button"
        className="button"
        onClick={() =>
          servers.append({
            name: '',
            region: firstRegion,
            version: DEFAULT_POSTGRES_VERSION,
            highAvailability: 'Disabled',
            resourceGroup: form.getValues('servers.0.resourceGroup') ?? '',
            subscription: form.getValues('servers.0.subscription') ?? '',
          })
        }
      >
        Add another server
      </button>
    </StepFrame>
  );
}
