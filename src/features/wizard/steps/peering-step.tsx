import { useFieldArray } from 'react-hook-form';
import { usePlanner } from '../../../store/store';
import { OnPremCard } from '../private/on-prem-card';
import { useRevalidateAfterArrayChange } from '../private/form-helpers';
import { PeeredVnetCard } from '../private/peered-vnet-card';
import { StepFrame } from '../step-frame';
import { usePlanForm } from '../use-plan-form';
import '../private/private.css';

export default function PeeringStep() {
  const form = usePlanForm();
  const region = usePlanner((s) => s.plan.servers[0]?.region ?? '');
  const peered = useFieldArray({ control: form.control, name: 'access.peeredVnets' });
  const onPrem = useFieldArray({ control: form.control, name: 'access.onPremises' });
  useRevalidateAfterArrayChange(form, peered.fields);
  useRevalidateAfterArrayChange(form, onPrem.fields);
  return (
    <StepFrame
      intro={
        <p>
          Clients in other VNets reach the server through VNet peering (in both directions) and resolve its name through
          a link to the private DNS zone. Clients on premises come in through a VPN gateway or ExpressRoute.
        </p>
      }
    >
      <div className="private">
        <section aria-labelledby="peered-title">
          <h3 id="peered-title">Peered VNets</h3>
          {peered.fields.length === 0 ? <p>No peered VNets.</p> : null}
          <div className="private__cards">
            {peered.fields.map((f, i) => (
              <PeeredVnetCard key={f.id} form={form} index={i} onRemove={() => peered.remove(i)} />
            ))}
          </div>
          <button
            type="button"
            className="button"
            onClick={() =>
              peered.append(
                {
                  name: '',
                  region,
                  resourceGroup: '',
                  subscription: '',
                  addressSpaces: [''],
                  peering: { fromServerVnet: true, toServerVnet: true },
                  zoneLink: true,
                  dns: { kind: 'azure' },
                },
                { shouldFocus: true },
              )
            }
          >
            Add a peered VNet
          </button>
        </section>
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
      </div>
    </StepFrame>
  );
}
