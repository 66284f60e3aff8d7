/**
 * The private endpoints of a public-access server (the portal's "Public access (allowed IP addresses) and Private
 * endpoint"): where each one sits, its IP and approval, the subnet's endpoint network policies, and the
 * `privatelink` DNS zone with its VNet links.
 */
import { useRef, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import { PRIVATE_LINK_ZONE } from '../../../domain/azure';
import { newPrivateEndpoint } from '../../../domain/new-plan';
import type { PeeredVnet, PrivateDnsZone, PublicAccess, ServerPrivateEndpoint } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { Field } from '../field';
import { errorAt, setPath, useRevalidateAfterArrayChange } from '../private/form-helpers';
import { NewOrExisting } from '../private/new-or-existing';
import { PathFindings } from '../private/path-findings';
import { useVnetChoices, VnetSelect } from '../private/vnet-select';
import { sameName, subnetNamesOf } from '../private/vnet-references';
import { StepFrame } from '../step-frame';
import { fieldPath, usePlanForm, type PlanForm } from '../use-plan-form';
import '../private/private.css';

const ENDPOINTS = 'access.privateEndpoints';
const ZONE = 'access.privateDnsZone';

/** The portal's words for `privateEndpointNetworkPolicies` (PE §1.8): which subnet policies apply to endpoints. */
const POLICY_LABEL = {
  Disabled: 'Disabled (Azure’s default)',
  Enabled: 'NSG and route table',
  NetworkSecurityGroupEnabled: 'NSG only',
  RouteTableEnabled: 'Route table only',
} as const;

const text = (form: PlanForm, path: string, label: string, hint?: string, placeholder?: string) => (
  <Field path={path} label={label} formError={errorAt(form, path)} {...(hint === undefined ? {} : { hint })}>
    {(p) => (
      <input
        {...p}
        {...form.register(fieldPath(path))}
        autoComplete="off"
        spellCheck={false}
        {...(placeholder === undefined ? {} : { placeholder })}
      />
    )}
  </Field>
);

/** The plan path of the subnet `subnet` of VNet `vnet`, if the plan has it. */
function subnetPath(vnets: readonly PeeredVnet[], vnet: string, subnet: string): string | null {
  const v = vnets.findIndex((x) => sameName(x.name, vnet));
  const s = v === -1 ? -1 : (vnets[v]?.subnets.findIndex((x) => sameName(x.name, subnet)) ?? -1);
  return s === -1 ? null : `access.peeredVnets.${v}.subnets.${s}`;
}

function EndpointCard({
  form,
  index,
  onRemove,
  only,
}: {
  form: PlanForm;
  index: number;
  onRemove: () => void;
  only: boolean;
}) {
  const base = `${ENDPOINTS}.${index}`;
  const endpoint = useWatch({ control: form.control, name: fieldPath(base) }) as ServerPrivateEndpoint | undefined;
  const vnets = (useWatch({ control: form.control, name: 'access.peeredVnets' }) as PeeredVnet[] | undefined) ?? [];
  const servers = usePlanner((s) => s.plan.servers);
  const choices = useVnetChoices();
  const subnets = usePlanner((s) => subnetNamesOf(s.plan, endpoint?.vnet ?? '').join('\u0000'));
  const title = endpoint?.name.trim() || `Private endpoint ${index + 1}`;
  const vnet = endpoint?.vnet ?? '';
  const subnet = endpoint?.subnet ?? '';
  const policyPath = subnetPath(vnets, vnet, subnet);
  const chooseVnet = (name: string) => {
    setPath(form, `${base}.vnet`, name);
    // A subnet of the VNet left behind is not one of the new VNet's.
    if (subnet !== '' && !subnetNamesOf(usePlanner.getState().plan, name).some((n) => sameName(n, subnet)))
      setPath(form, `${base}.subnet`, '');
  };
  return (
    <fieldset className="card" data-path={base}>
      <legend>{title}</legend>
      <PathFindings paths={[base]} />
      <div className="grid">
        {text(form, `${base}.name`, 'Endpoint name')}
        {servers.length > 1 ? (
          <Field path={`${base}.server`} label="Server" formError={errorAt(form, `${base}.server`)}>
            {(p) => (
              <select {...p} {...form.register(fieldPath(`${base}.server`))}>
                {servers.map((s, i) => (
                  <option key={`${i}-${s.name}`} value={i === 0 ? '' : s.name}>
                    {s.name || `Server ${i + 1}`}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}
        <Field
          path={`${base}.vnet`}
          label="Virtual network"
          formError={errorAt(form, `${base}.vnet`)}
          hint="In the server’s region and subscription (PGN-221). Add VNets on the Network step."
        >
          {(p) => <VnetSelect form={form} path={`${base}.vnet`} control={p} choices={choices} onChoose={chooseVnet} />}
        </Field>
        <Field
          path={`${base}.subnet`}
          label="Subnet"
          formError={errorAt(form, `${base}.subnet`)}
          hint="Never the subnet delegated to PostgreSQL: a subnet for endpoints."
        >
          {(p) => (
            <select {...p} value={subnet} onChange={(e) => setPath(form, `${base}.subnet`, e.target.value)}>
              {subnet === '' ? <option value="">Choose a subnet</option> : null}
              {subnets
                .split('\u0000')
                .filter((n) => n !== '')
                .map((n) => (
                  <option key={n} value={sameName(n, subnet) ? subnet : n}>
                    {n}
                  </option>
                ))}
              {subnet !== '' && !subnets.split('\u0000').some((n) => sameName(n, subnet)) ? (
                <option value={subnet}>{subnet} (not a subnet of this VNet)</option>
              ) : null}
            </select>
          )}
        </Field>
        {text(
          form,
          `${base}.privateIp`,
          'Static private IP (optional)',
          'Empty = dynamic: Azure picks a free address of the subnet. Fixed once created.',
          '10.0.1.10',
        )}
        <Field
          path={`${base}.approval`}
          label="Connection approval"
          formError={errorAt(form, `${base}.approval`)}
          hint="Manual: the connection waits until the server’s owner approves it (PGN-226)."
        >
          {(p) => (
            <select {...p} {...form.register(fieldPath(`${base}.approval`))}>
              <option value="automatic">Automatic (you can approve your own)</option>
              <option value="manual">Manual (request approval)</option>
            </select>
          )}
        </Field>
        {text(form, `${base}.resourceGroup`, 'Resource group', 'Empty = the server’s resource group.')}
        {policyPath === null ? null : (
          <Field
            path={`${policyPath}.privateEndpointNetworkPolicies`}
            label={`Network policies of ${subnet}`}
            formError={errorAt(form, `${policyPath}.privateEndpointNetworkPolicies`)}
            hint="Whether the subnet’s NSG rules and route table apply to the endpoints in it (PGN-225)."
          >
            {(p) => (
              <select {...p} {...form.register(fieldPath(`${policyPath}.privateEndpointNetworkPolicies`))}>
                {Object.entries(POLICY_LABEL).map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <button
        type="button"
        className="button button--quiet"
        onClick={onRemove}
        disabled={only}
        {...(only
          ? { title: 'To plan without private endpoints, choose Public access on the Connectivity step.' }
          : {})}
      >
        Remove {title}
      </button>
    </fieldset>
  );
}

function Endpoints({ form }: { form: PlanForm }) {
  const endpoints = useFieldArray({ control: form.control, name: ENDPOINTS });
  useRevalidateAfterArrayChange(form, endpoints.fields);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);
  const add = () => {
    const plan = usePlanner.getState().plan;
    if (plan.access.mode !== 'public') return;
    const access: PublicAccess = { ...plan.access, privateEndpoints: form.getValues(fieldPath(ENDPOINTS)) as never };
    endpoints.append(newPrivateEndpoint(access, plan.servers[0]?.name ?? ''), { shouldFocus: true });
  };
  const remove = (i: number) => {
    const name = (form.getValues(fieldPath(`${ENDPOINTS}.${i}.name`)) as string | undefined) ?? '';
    endpoints.remove(i);
    setStatus(`Removed ${name || `private endpoint ${i + 1}`}.`);
    addButton.current?.focus();
  };
  return (
    <section aria-labelledby="endpoints-title">
      <h3 id="endpoints-title">Private endpoints</h3>
      <PathFindings paths={[ENDPOINTS]} />
      <div className="private__cards">
        {endpoints.fields.map((f, i) => (
          <EndpointCard
            key={f.id}
            form={form}
            index={i}
            onRemove={() => remove(i)}
            only={endpoints.fields.length === 1}
          />
        ))}
      </div>
      <p className="private__status" role="status">
        {status}
      </p>
      <button type="button" className="button" onClick={add} ref={addButton}>
        Add a private endpoint
      </button>
    </section>
  );
}

function Zone({ form }: { form: PlanForm }) {
  const zone = useWatch({ control: form.control, name: ZONE }) as PrivateDnsZone | null | undefined;
  const vnets = (useWatch({ control: form.control, name: 'access.peeredVnets' }) as PeeredVnet[] | undefined) ?? [];
  return (
    <section aria-labelledby="pe-zone-title">
      <h3 id="pe-zone-title">Private DNS zone</h3>
      <p className="field__hint">
        Each endpoint registers its address in <code>{PRIVATE_LINK_ZONE}</code>; a client resolves the server’s name to
        it through a VNet linked to the zone, or a resolver in one.
      </p>
      <PathFindings paths={[ZONE]} />
      {zone ? (
        <fieldset className="card" data-path={ZONE}>
          <legend>{zone.name || 'The zone'}</legend>
          <NewOrExisting
            form={form}
            path={`${ZONE}.existing`}
            legend="Private DNS zone"
            newLabel="Create a new zone"
            existingLabel="Use an existing zone"
          />
          <div className="grid">
            {text(form, `${ZONE}.name`, 'Zone name', `Must be ${PRIVATE_LINK_ZONE} (PGN-222).`)}
            {text(form, `${ZONE}.resourceGroup`, 'Zone resource group', 'Empty = the server’s resource group.')}
            {zone.existing
              ? text(form, `${ZONE}.subscription`, 'Zone subscription', 'Empty = the server’s subscription.')
              : null}
          </div>
        </fieldset>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              setPath(form, ZONE, { name: PRIVATE_LINK_ZONE, existing: false, resourceGroup: '', subscription: '' })
            }
          >
            Add the private DNS zone
          </button>
        </div>
      )}
      <fieldset className="card">
        <legend>Virtual network links</legend>
        <p className="field__hint">
          Link the VNets whose DNS is Azure’s (a resolver’s VNet included); a VNet with custom DNS servers resolves
          through them.
        </p>
        <div className="private__checks">
          {vnets.map((v, i) => (
            <Field
              key={i}
              path={`access.peeredVnets.${i}.zoneLink`}
              label={`Link ${v.name || `VNet ${i + 1}`}`}
              className="field--checkbox"
              formError={errorAt(form, `access.peeredVnets.${i}.zoneLink`)}
            >
              {(p) => (
                <input type="checkbox" {...p} {...form.register(fieldPath(`access.peeredVnets.${i}.zoneLink`))} />
              )}
            </Field>
          ))}
        </div>
        {vnets.length === 0 ? <p className="private__note">No VNets yet: add them on the Network step.</p> : null}
      </fieldset>
    </section>
  );
}

export default function EndpointsStep() {
  const form = usePlanForm();
  // The VNets the endpoints can sit in, for the intro.
  const vnets = usePlanner((s) => s.plan.access.peeredVnets.length);
  return (
    <StepFrame
      intro={
        <p>
          A private endpoint gives the server a private IP address in a subnet of your VNet. Clients that resolve the
          server’s name to it connect privately; the others use the public endpoint, if it is enabled (Firewall step).
          {vnets === 0 ? ' Add the VNets of the endpoints on the Network step first.' : null}
        </p>
      }
    >
      <div className="private">
        <Endpoints form={form} />
        <Zone form={form} />
      </div>
    </StepFrame>
  );
}
