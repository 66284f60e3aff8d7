/** One on-premises network: address ranges, how it connects, through which VNet, and its DNS. */
import { useWatch } from 'react-hook-form';
import { POSTGRES_ZONE_SUFFIX, PRIVATE_LINK_ZONE } from '../../../domain/azure';
import { OnPremConnectionSchema, type PeeredVnet } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt } from './form-helpers';
import { PathFindings } from './path-findings';
import { StringList } from './string-list';

const CONNECTION_LABEL: Record<(typeof OnPremConnectionSchema.options)[number], string> = {
  vpn: 'VPN gateway',
  expressRoute: 'ExpressRoute',
  none: 'Not connected',
};

export function OnPremCard({ form, index, onRemove }: { form: PlanForm; index: number; onRemove: () => void }) {
  const base = `access.onPremises.${index}`;
  const name = (useWatch({ control: form.control, name: fieldPath(`${base}.name`) }) as string | undefined) ?? '';
  const connection = useWatch({ control: form.control, name: fieldPath(`${base}.connection`) }) as string | undefined;
  const serverVnet =
    (useWatch({ control: form.control, name: 'access.vnet.name' }) as string | undefined) || 'Server VNet';
  const peered = (useWatch({ control: form.control, name: 'access.peeredVnets' }) as PeeredVnet[] | undefined) ?? [];
  const dnsForwarder = useWatch({ control: form.control, name: fieldPath(`${base}.dnsForwarder`) }) === true;
  // With public access there is no server VNet: the gateway is in one of the plan's VNets, and the forwarded zone
  // decides whether the site resolves a private endpoint (PGN-223).
  const isPrivate = usePlanner((s) => s.plan.access.mode === 'private');
  const title = name.trim() || `On-premises network ${index + 1}`;
  return (
    <fieldset className="card" data-path={base}>
      <legend>{title}</legend>
      <PathFindings paths={[base]} />
      <div className="grid">
        <Field path={`${base}.name`} label="Site name" formError={errorAt(form, `${base}.name`)}>
          {(p) => <input {...p} {...form.register(fieldPath(`${base}.name`))} autoComplete="off" />}
        </Field>
        <Field path={`${base}.connection`} label="Connection" formError={errorAt(form, `${base}.connection`)}>
          {(p) => (
            <select {...p} {...form.register(fieldPath(`${base}.connection`))}>
              {OnPremConnectionSchema.options.map((o) => (
                <option key={o} value={o}>
                  {CONNECTION_LABEL[o]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {connection !== 'none' ? (
          <Field
            path={`${base}.gatewayVnet`}
            label="Gateway VNet"
            formError={errorAt(form, `${base}.gatewayVnet`)}
            hint="The VNet that holds the VPN or ExpressRoute gateway."
          >
            {(p) => (
              <select {...p} {...form.register(fieldPath(`${base}.gatewayVnet`))}>
                <option value="">{isPrivate ? `${serverVnet} (server VNet)` : 'Choose a VNet'}</option>
                {peered
                  .filter((v) => v.name.trim() !== '')
                  .map((v) => (
                    <option key={v.name} value={v.name}>
                      {isPrivate ? `${v.name} (peered VNet)` : v.name}
                    </option>
                  ))}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      <StringList
        form={form}
        path={`${base}.addressRanges`}
        legend={`Address ranges of ${title}`}
        itemLabel={(n) => `Address range ${n} of ${title}`}
        addLabel="Add an address range"
        placeholder="192.168.0.0/16"
        minItems={1}
      />
      <Field
        path={`${base}.dnsForwarder`}
        label="On-premises DNS forwards the zone into Azure"
        className="field--checkbox"
        formError={errorAt(form, `${base}.dnsForwarder`)}
        hint={
          'On-premises clients resolve the server only if their DNS forwards the zone to a ' +
          'resolver inside Azure (for example a DNS Private Resolver or a forwarder VM in a ' +
          'linked VNet).'
        }
      >
        {(p) => <input type="checkbox" {...p} {...form.register(fieldPath(`${base}.dnsForwarder`))} />}
      </Field>
      {!isPrivate && dnsForwarder ? (
        <Field
          path={`${base}.forwardedZone`}
          label="Zone it forwards"
          formError={errorAt(form, `${base}.forwardedZone`)}
          hint={
            `Forward ${POSTGRES_ZONE_SUFFIX}, not the privatelink zone: the server's name is a CNAME into it ` +
            '(PGN-223).'
          }
        >
          {(p) => (
            <select {...p} {...form.register(fieldPath(`${base}.forwardedZone`))}>
              <option value={POSTGRES_ZONE_SUFFIX}>{POSTGRES_ZONE_SUFFIX}</option>
              <option value={PRIVATE_LINK_ZONE}>{PRIVATE_LINK_ZONE}</option>
            </select>
          )}
        </Field>
      ) : null}
      <button type="button" className="button button--quiet" onClick={onRemove}>
        Remove {title}
      </button>
    </fieldset>
  );
}
