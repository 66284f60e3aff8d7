import { useEffect } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { POSTGRES_ZONE_SUFFIX, suggestedZoneName } from '../../../domain/azure';
import type { PrivateDnsZone } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { Field } from '../field';
import { errorAt, setPath } from '../private/form-helpers';
import { NewOrExisting } from '../private/new-or-existing';
import { PathFindings } from '../private/path-findings';
import { StepFrame } from '../step-frame';
import { usePlanForm, type PlanForm } from '../use-plan-form';
import '../private/private.css';

const ZONE = 'access.privateDnsZone';

function ZoneLinks({ form }: { form: PlanForm }) {
  // Read-only use of the array: the rows are added on the Network step.
  const peered = useFieldArray({ control: form.control, name: 'access.peeredVnets' });
  const vnetName = useWatch({ control: form.control, name: 'access.vnet.name' });
  const peeredNames = useWatch({ control: form.control, name: 'access.peeredVnets' }) ?? [];
  return (
    <fieldset className="card">
      <legend>Virtual network links</legend>
      <p className="field__hint">
        Peering gives connectivity; a link to the zone gives name resolution. A VNet whose clients must reach the server
        needs both.
      </p>
      <div className="private__checks">
        <Field
          path="access.vnet.zoneLink"
          label={`Link ${vnetName || 'the server VNet'} (server VNet)`}
          className="field--checkbox"
          formError={errorAt(form, 'access.vnet.zoneLink')}
        >
          {(p) => <input type="checkbox" {...p} {...form.register('access.vnet.zoneLink')} />}
        </Field>
        {peered.fields.map((f, i) => (
          <Field
            key={f.id}
            path={`access.peeredVnets.${i}.zoneLink`}
            label={`Link ${peeredNames[i]?.name || `peered VNet ${i + 1}`} (peered VNet)`}
            className="field--checkbox"
            formError={errorAt(form, `access.peeredVnets.${i}.zoneLink`)}
          >
            {(p) => <input type="checkbox" {...p} {...form.register(`access.peeredVnets.${i}.zoneLink`)} />}
          </Field>
        ))}
      </div>
      {peered.fields.length === 0 ? (
        <p className="private__note">No other VNets yet: add them on the Network step.</p>
      ) : null}
    </fieldset>
  );
}

function ZoneFields({ form, serverName }: { form: PlanForm; serverName: string }) {
  const zone = useWatch({ control: form.control, name: ZONE }) as PrivateDnsZone;
  const suggested = serverName ? suggestedZoneName(serverName) : '';
  return (
    <>
      <NewOrExisting
        form={form}
        path={`${ZONE}.existing`}
        legend="Private DNS zone"
        newLabel="Create a new zone"
        existingLabel="Use an existing zone"
      />
      <Field
        path={`${ZONE}.name`}
        label="Zone name"
        formError={errorAt(form, `${ZONE}.name`)}
        hint={
          <>
            Must end with <code>.{POSTGRES_ZONE_SUFFIX}</code> and must not be{' '}
            <code>&lt;server&gt;.{POSTGRES_ZONE_SUFFIX}</code>
            {suggested ? (
              <>
                . Suggested: <code>{suggested}</code>
              </>
            ) : null}
            .
          </>
        }
      >
        {(p) => <input {...p} {...form.register(`${ZONE}.name`)} autoComplete="off" spellCheck={false} />}
      </Field>
      {suggested && zone.name !== suggested ? (
        <div className="button-row">
          <button type="button" className="button" onClick={() => setPath(form, `${ZONE}.name`, suggested)}>
            Use suggested name<span className="visually-hidden"> {suggested}</span>
          </button>
        </div>
      ) : null}
      {zone.existing ? (
        <div className="grid">
          <Field
            path={`${ZONE}.resourceGroup`}
            label="Zone resource group"
            formError={errorAt(form, `${ZONE}.resourceGroup`)}
          >
            {(p) => <input {...p} {...form.register(`${ZONE}.resourceGroup`)} autoComplete="off" />}
          </Field>
          <Field
            path={`${ZONE}.subscription`}
            label="Zone subscription"
            formError={errorAt(form, `${ZONE}.subscription`)}
            hint={
              "Empty = the server's subscription. A zone in another subscription needs the " +
              'Microsoft.DBforPostgreSQL resource provider registered there.'
            }
          >
            {(p) => <input {...p} {...form.register(`${ZONE}.subscription`)} autoComplete="off" />}
          </Field>
        </div>
      ) : (
        <Field
          path={`${ZONE}.resourceGroup`}
          label="Zone resource group"
          formError={errorAt(form, `${ZONE}.resourceGroup`)}
          hint="Empty = the server's resource group."
        >
          {(p) => <input {...p} {...form.register(`${ZONE}.resourceGroup`)} autoComplete="off" />}
        </Field>
      )}
    </>
  );
}

export default function DnsStep() {
  const form = usePlanForm();
  const serverName = usePlanner((s) => s.plan.servers[0]?.name ?? '');
  const zone = useWatch({ control: form.control, name: ZONE }) as PrivateDnsZone | null | undefined;
  // A new zone starts with the suggested name (the Azure CLI's own convention), once the server has a name.
  useEffect(() => {
    const current = form.getValues(ZONE);
    if (current !== null && !current.existing && current.name === '' && serverName !== '') {
      setPath(form, `${ZONE}.name`, suggestedZoneName(serverName));
    }
  }, [form, serverName]);
  return (
    <StepFrame
      intro={
        <p>
          Clients find the server through a private DNS zone. ARM, Terraform and the API need the zone to exist; this
          planner's exports create it (new) or reference it (existing).
        </p>
      }
    >
      <div className="private">
        <PathFindings paths={[ZONE]} />
        {zone ? (
          <ZoneFields form={form} serverName={serverName} />
        ) : (
          <div className="button-row">
            <button
              type="button"
              className="button button--primary"
              onClick={() =>
                setPath(form, ZONE, {
                  name: serverName ? suggestedZoneName(serverName) : '',
                  existing: false,
                  resourceGroup: '',
                  subscription: '',
                })
              }
            >
              Add a private DNS zone
            </button>
          </div>
        )}
        <ZoneLinks form={form} />
      </div>
    </StepFrame>
  );
}
