/** A VNet's DNS setting: Azure-provided, or custom DNS servers that must get the zone's answers from Azure DNS. */
import { useId, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import { AZURE_DNS_IP } from '../../../domain/azure';
import type { DnsSetting } from '../../../domain/plan';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt, setPath } from './form-helpers';
import { StringList } from './string-list';

export function DnsSettingEditor({ form, path, vnetLabel }: { form: PlanForm; path: string; vnetLabel: string }) {
  const dns = useWatch({ control: form.control, name: fieldPath(path) }) as DnsSetting | undefined;
  const lastCustom = useRef<DnsSetting | null>(dns?.kind === 'custom' ? dns : null);
  const name = useId();
  const custom = dns?.kind === 'custom';
  const choose = (kind: 'azure' | 'custom') => {
    if (kind === 'azure') {
      if (dns?.kind === 'custom') lastCustom.current = dns;
      setPath(form, path, { kind: 'azure' });
    } else {
      setPath(form, path, lastCustom.current ?? { kind: 'custom', servers: [''], forwardsToAzureDns: false });
    }
  };
  return (
    <div className="private__dns">
      <fieldset className="private__radios" data-path={`${path}.kind`}>
        <legend className="field__label">DNS servers of {vnetLabel}</legend>
        <label>
          <input type="radio" name={name} checked={!custom} onChange={() => choose('azure')} /> Azure-provided DNS
        </label>
        <label>
          <input type="radio" name={name} checked={custom} onChange={() => choose('custom')} /> Custom DNS servers
        </label>
      </fieldset>
      {custom ? (
        <>
          <StringList
            form={form}
            path={`${path}.servers`}
            legend="Custom DNS server addresses"
            itemLabel={(n) => `DNS server ${n} IPv4 address`}
            addLabel="Add a DNS server"
            placeholder="10.0.0.4"
            minItems={1}
          />
          <Field
            path={`${path}.forwardsToAzureDns`}
            label={`Do these DNS servers forward to ${AZURE_DNS_IP}?`}
            className="field--checkbox"
            formError={errorAt(form, `${path}.forwardsToAzureDns`)}
            hint={
              `Private DNS zones are answered only by Azure's resolver ${AZURE_DNS_IP}, which only addresses ` +
              `inside Azure reach: a DNS server in a VNet forwards the zone's queries to it; one on premises ` +
              `forwards them to a resolver in Azure (a DNS Private Resolver inbound endpoint or a DNS server in a ` +
              `linked VNet), never to ${AZURE_DNS_IP} directly. ${AZURE_DNS_IP} itself needs no forwarder.`
            }
          >
            {(p) => <input type="checkbox" {...p} {...form.register(fieldPath(`${path}.forwardsToAzureDns`))} />}
          </Field>
        </>
      ) : null}
    </div>
  );
}
