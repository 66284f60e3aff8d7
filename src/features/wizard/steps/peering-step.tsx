/**
 * The network around the server VNet: the other VNets (hubs, spokes, clients' VNets) with their subnets and
 * appliances, the peerings between any two VNets, the route tables, and the on-premises networks.
 */
import { useRef, useState } from 'react';
import { useFieldArray, useWatch } from 'react-hook-form';
import type { PeeredVnet } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { ApplianceEditor } from '../private/appliance-editor';
import { commitPlanEdit, useRevalidateAfterArrayChange } from '../private/form-helpers';
import { OnPremCard } from '../private/on-prem-card';
import { PeeredVnetCard } from '../private/peered-vnet-card';
import { PeeringsSection } from '../private/peerings-section';
import { RouteTablesSection } from '../private/route-tables-section';
import { addPeeredVnet, freeVnetName, removePeeredVnet } from '../private/vnet-references';
import { StepFrame } from '../step-frame';
import { usePlanForm, type PlanForm } from '../use-plan-form';
import '../private/private.css';

const PEERED = 'access.peeredVnets';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function ServerVnetCard({ form }: { form: PlanForm }) {
  const name = (useWatch({ control: form.control, name: 'access.vnet.name' }) as string | undefined) ?? '';
  const title = name.trim() || 'The server VNet';
  return (
    <fieldset className="card">
      <legend>{name.trim() ? `${name} (server VNet)` : 'The server VNet'}</legend>
      <p className="private__note">
        Its name, address spaces and subnets are set on the Virtual network step; its firewall or appliance here, with
        the routes that use it.
      </p>
      <ApplianceEditor form={form} path="access.vnet.appliance" vnetLabel={title} />
    </fieldset>
  );
}

function OtherVnets({ form, isPrivate }: { form: PlanForm; isPrivate: boolean }) {
  const region = usePlanner((s) => s.plan.servers[0]?.region ?? '');
  const peered = useFieldArray({ control: form.control, name: PEERED });
  useRevalidateAfterArrayChange(form, peered.fields);
  const [status, setStatus] = useState('');
  const addButton = useRef<HTMLButtonElement>(null);

  const add = () => {
    const plan = usePlanner.getState().plan;
    const vnet: PeeredVnet = {
      name: freeVnetName(plan),
      region,
      resourceGroup: '',
      subscription: '',
      addressSpaces: [''],
      zoneLink: true,
      dns: { kind: 'azure' },
      subnets: [],
      appliance: null,
    };
    const edit = addPeeredVnet(plan, vnet);
    // The form's list first (its own validation must not find the store ahead of it), then the store in one undo
    // step with the peerings: the list's change reaches the store's writer later and finds it up to date.
    peered.append(vnet, { shouldFocus: true });
    commitPlanEdit(
      form,
      edit.plan,
      edit.paths.filter((p) => p !== PEERED),
      PEERED,
    );
    setStatus(isPrivate ? `Added ${vnet.name}, peered both ways with the server VNet.` : `Added ${vnet.name}.`);
  };
  const remove = (i: number) => {
    const plan = usePlanner.getState().plan;
    const name = plan.access.peeredVnets[i]?.name || `VNet ${i + 1}`;
    const removal = removePeeredVnet(plan, i);
    peered.remove(i);
    commitPlanEdit(
      form,
      removal.plan,
      removal.paths.filter((p) => p !== PEERED),
      PEERED,
    );
    const gone = [
      removal.peerings > 0 ? count(removal.peerings, 'peering', 'peerings') : null,
      removal.routeTables > 0 ? count(removal.routeTables, 'route table', 'route tables') : null,
    ].filter(Boolean);
    setStatus(`Removed ${name}${gone.length > 0 ? ` and its ${gone.join(' and ')}` : ''}.`);
    addButton.current?.focus();
  };

  return (
    <section aria-labelledby="vnets-title">
      <h3 id="vnets-title">VNets</h3>
      {isPrivate ? (
        <>
          <p className="field__hint">
            Besides the server VNet: hubs, spokes and the VNets of clients. A VNet added here is peered both ways with
            the server VNet; change that in Peerings below.
          </p>
          <ServerVnetCard form={form} />
        </>
      ) : (
        <p className="field__hint">
          The VNets of the private endpoints, of DNS resolvers and of clients (hubs and spokes), referenced as they
          exist: the exports create none of them. Peer them in Peerings below.
        </p>
      )}
      {peered.fields.length === 0 ? <p>No other VNets.</p> : null}
      <div className="private__cards">
        {peered.fields.map((f, i) => (
          <PeeredVnetCard key={f.id} form={form} index={i} onRemove={() => remove(i)} />
        ))}
      </div>
      <p className="private__status" role="status">
        {status}
      </p>
      <button type="button" className="button" onClick={add} ref={addButton}>
        {isPrivate ? 'Add a peered VNet' : 'Add a VNet'}
      </button>
    </section>
  );
}

function OnPremises({ form }: { form: PlanForm }) {
  const onPrem = useFieldArray({ control: form.control, name: 'access.onPremises' });
  useRevalidateAfterArrayChange(form, onPrem.fields);
  return (
    <section aria-labelledby="onprem-title">
      <h3 id="onprem-title">On-premises networks</h3>
      {onPrem.fields.length === 0 ? <p>No on-premises networks.</p> : null}
      <div className="private__cards">
        {onPrem.fields.map((f, i) => (
          <OnPremCard key={f.id} form={form} index={i} onRemove={() => onPrem.remove(i)} />
        ))}
      </div>
      <button
        type="button"
        className="button"
        onClick={() =>
          onPrem.append(
            { name: '', addressRanges: [''], connection: 'vpn', gatewayVnet: '', dnsForwarder: false },
            { shouldFocus: true },
          )
        }
      >
        Add an on-premises network
      </button>
    </section>
  );
}

export default function PeeringStep() {
  const form = usePlanForm();
  const isPrivate = usePlanner((s) => s.plan.access.mode === 'private');
  return (
    <StepFrame
      intro={
        isPrivate ? (
          <p>
            Clients in other VNets reach the server through VNet peering (a peering resource on each side) and resolve
            its name through a link to the private DNS zone. In a hub and spoke, the spokes reach each other through a
            firewall in the hub: route tables send their traffic there, and the peerings allow forwarded traffic.
            Clients on premises come in through a VPN gateway or ExpressRoute.
          </p>
        ) : (
          <p>
            Clients in other VNets reach a private endpoint through VNet peering, and clients on premises through a VPN
            gateway or ExpressRoute in a VNet peered with the endpoint&rsquo;s; each resolves the server&rsquo;s name
            through a VNet linked to the <code>privatelink</code> zone (Private endpoints step) or a resolver in one.
          </p>
        )
      }
    >
      <div className="private">
        <OtherVnets form={form} isPrivate={isPrivate} />
        <PeeringsSection form={form} />
        {isPrivate ? <RouteTablesSection form={form} /> : null}
        <OnPremises form={form} />
      </div>
    </StepFrame>
  );
}
