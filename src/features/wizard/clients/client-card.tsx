/**
 * One client: its name, whether it must reach the server (PGN-008), where it sits (per kind), the TLS version it
 * speaks, how it names the server.
 */
import { useMemo } from 'react';
import { useWatch } from 'react-hook-form';
import { SERVER_FQDN_SUFFIX } from '../../../domain/azure';
import type { ClientKind } from '../../../domain/plan';
import { Field } from '../field';
import { PathFindings } from '../public/path-findings';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { TlsVersionOptions } from '../tls-version-options';
import { CLIENT_KIND_LABEL, type ClientTargets } from './new-client';

type FieldErrorLike = { message?: string; type: string };
type ClientErrors = Partial<Record<string, FieldErrorLike>> | undefined;

interface TargetProps {
  form: PlanForm;
  path: string;
  label: string;
  options: readonly string[];
  /** What to say when the plan has nothing to choose from. */
  emptyHint: string;
  error: FieldErrorLike | undefined;
}

/** A select of the plan's subnets / VNets / sites; a text field when the plan has none yet. */
function TargetField({ form, path, label, options, emptyHint, error }: TargetProps) {
  const value = useWatch({ control: form.control, name: fieldPath(path) }) as string | undefined;
  const current = value ?? '';
  if (options.length === 0) {
    return (
      <Field path={path} label={label} hint={emptyHint} formError={error}>
        {(p) => <input {...p} {...form.register(fieldPath(path))} autoComplete="off" spellCheck={false} />}
      </Field>
    );
  }
  return (
    <Field path={path} label={label} formError={error}>
      {(p) => (
        <select {...p} {...form.register(fieldPath(path))}>
          <option value="">Choose…</option>
          {options.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
          {current !== '' && !options.includes(current) ? (
            <option value={current}>{current} (not in this plan)</option>
          ) : null}
        </select>
      )}
    </Field>
  );
}

function AddressField({
  form,
  base,
  label,
  hint,
  error,
}: {
  form: PlanForm;
  base: string;
  label: string;
  hint: string;
  error: FieldErrorLike | undefined;
}) {
  return (
    <Field path={`${base}.address`} label={label} hint={hint} formError={error}>
      {(p) => <input {...p} {...form.register(fieldPath(`${base}.address`))} autoComplete="off" spellCheck={false} />}
    </Field>
  );
}

interface KindFieldsProps {
  form: PlanForm;
  base: string;
  kind: ClientKind;
  targets: ClientTargets;
  errors: ClientErrors;
}

function KindFields({ form, base, kind, targets, errors }: KindFieldsProps) {
  switch (kind) {
    case 'serverVnet':
      return (
        <>
          <TargetField
            form={form}
            path={`${base}.subnet`}
            label="Subnet of the server VNet"
            options={targets.subnets}
            emptyHint={
              'The plan lists no other subnets in the server VNet yet (Virtual network step); ' +
              'type the subnet name.'
            }
            error={errors?.subnet}
          />
          <AddressField
            form={form}
            base={base}
            error={errors?.address}
            label="Address (optional)"
            hint="An IPv4 address or CIDR block inside the subnet; empty means the whole subnet."
          />
        </>
      );
    case 'vnet':
      return (
        <>
          <TargetField
            form={form}
            path={`${base}.vnet`}
            label="VNet"
            options={targets.vnets}
            emptyHint="The plan lists no other VNets yet (Network step); type the VNet name."
            error={errors?.vnet}
          />
          <AddressField
            form={form}
            base={base}
            error={errors?.address}
            label="Address (optional)"
            hint="An IPv4 address or CIDR block in that VNet; empty means the whole VNet."
          />
        </>
      );
    case 'onPremises':
      return (
        <>
          <TargetField
            form={form}
            path={`${base}.site`}
            label="On-premises site"
            options={targets.sites}
            emptyHint={'The plan lists no on-premises networks yet (Network step); type the site name.'}
            error={errors?.site}
          />
          <AddressField
            form={form}
            base={base}
            error={errors?.address}
            label="Address (optional)"
            hint="An IPv4 address or CIDR block of the site; empty means all its ranges."
          />
        </>
      );
    case 'internet':
      return (
        <AddressField
          form={form}
          base={base}
          error={errors?.address}
          label="Public IPv4 address"
          hint="The address the server sees (the network’s outbound address), e.g. 203.0.113.9."
        />
      );
    case 'azureService':
      return (
        <>
          <Field path={`${base}.tenant`} label="Tenant" formError={errors?.tenant}>
            {(p) => (
              <select {...p} {...form.register(fieldPath(`${base}.tenant`))}>
                <option value="same">The same tenant as the server</option>
                <option value="other">Another tenant (another organization’s subscription)</option>
              </select>
            )}
          </Field>
          <AddressField
            form={form}
            base={base}
            error={errors?.address}
            label="Fixed outbound IPv4 address (optional)"
            hint={
              'If the service has one (e.g. through a NAT gateway), a firewall rule can allow ' +
              'exactly it; without one, only “Allow public access from Azure services” lets it ' +
              'in.'
            }
          />
        </>
      );
  }
}

function DynamicIpField({ form, base, error }: { form: PlanForm; base: string; error: FieldErrorLike | undefined }) {
  return (
    <Field
      path={`${base}.dynamicIp`}
      label="Dynamic IP address (it changes from time to time)"
      hint={
        'A single-address firewall rule breaks when the address changes: ask the internet ' +
        'provider for its range, or use a static address.'
      }
      formError={error}
      className="field--checkbox"
    >
      {(p) => <input type="checkbox" {...p} {...form.register(fieldPath(`${base}.dynamicIp`))} />}
    </Field>
  );
}

const KIND_FIELDS: Readonly<Record<ClientKind, readonly string[]>> = {
  serverVnet: ['subnet', 'address'],
  vnet: ['vnet', 'address'],
  onPremises: ['site', 'address'],
  internet: ['address', 'dynamicIp'],
  azureService: ['tenant', 'address'],
};

interface ClientCardProps {
  form: PlanForm;
  index: number;
  kind: ClientKind;
  targets: ClientTargets;
  serverName: string;
  onRemove: () => void;
}

export function ClientCard({ form, index, kind, targets, serverName, onRemove }: ClientCardProps) {
  const base = `clients.${index}`;
  const errors = (form.formState.errors.clients as Record<number, ClientErrors> | undefined)?.[index];
  const name = useWatch({ control: form.control, name: fieldPath(`${base}.name`) }) as string | undefined;
  const shown = useMemo(
    () => ['name', 'intent', 'tlsVersion', 'connectsByIp', ...KIND_FIELDS[kind]].map((f) => `${base}.${f}`),
    [base, kind],
  );
  const fqdn = `${serverName || '<server>'}.${SERVER_FQDN_SUFFIX}`;
  return (
    <fieldset className="card client-card">
      <legend>
        Client {index + 1}: {CLIENT_KIND_LABEL[kind]}
      </legend>
      <div className="grid">
        <Field path={`${base}.name`} label="Name" formError={errors?.name}>
          {(p) => <input {...p} {...form.register(fieldPath(`${base}.name`))} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field
          path={`${base}.intent`}
          label="Intent"
          hint="What the plan promises; the connectivity check must agree (PGN-008)."
          formError={errors?.intent}
        >
          {(p) => (
            <select {...p} {...form.register(fieldPath(`${base}.intent`))}>
              <option value="mustReach">must reach</option>
              <option value="mustNotReach">must not reach</option>
            </select>
          )}
        </Field>
        <KindFields form={form} base={base} kind={kind} targets={targets} errors={errors} />
        <Field path={`${base}.tlsVersion`} label="Newest TLS version it speaks" formError={errors?.tlsVersion}>
          {(p) => (
            <select {...p} {...form.register(fieldPath(`${base}.tlsVersion`))}>
              <TlsVersionOptions />
            </select>
          )}
        </Field>
      </div>
      {kind === 'internet' ? <DynamicIpField form={form} base={base} error={errors?.dynamicIp} /> : null}
      <Field
        path={`${base}.connectsByIp`}
        label="Connects by IP address instead of the server name (FQDN)"
        hint={
          <>
            The server’s IP address is not guaranteed to stay the same; connect to <code>{fqdn}</code>.
          </>
        }
        formError={errors?.connectsByIp}
        className="field--checkbox"
      >
        {(p) => <input type="checkbox" {...p} {...form.register(fieldPath(`${base}.connectsByIp`))} />}
      </Field>
      <PathFindings path={base} below exclude={shown} />
      <div className="button-row">
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Remove client {index + 1}
          <span className="visually-hidden"> ({name || 'unnamed'})</span>
        </button>
      </div>
    </fieldset>
  );
}
