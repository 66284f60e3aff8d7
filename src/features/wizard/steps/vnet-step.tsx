import { useWatch } from 'react-hook-form';
import { usePlanner } from '../../../store/store';
import { AddressMapPanel } from '../../address-map/address-map-panel';
import { Field } from '../field';
import { DnsSettingEditor } from '../private/dns-setting-editor';
import { errorAt, setPath } from '../private/form-helpers';
import { NewOrExisting } from '../private/new-or-existing';
import { StringList } from '../private/string-list';
import { SubnetsTable } from '../private/subnets-table';
import { VnetNameField } from '../private/vnet-name-field';
import { RegionInput } from '../region-input';
import { StepFrame } from '../step-frame';
import { usePlanForm } from '../use-plan-form';
import '../private/private.css';

export default function VnetStep() {
  const form = usePlanForm();
  const serverRegion = usePlanner((s) => s.plan.servers[0]?.region ?? '');
  const vnetRegion = useWatch({ control: form.control, name: 'access.vnet.region' });
  const vnetName = useWatch({ control: form.control, name: 'access.vnet.name' });
  return (
    <StepFrame
      intro={
        <p>
          The server is injected into a subnet of this virtual network. The VNet must be in the server's region, and
          after deployment the server cannot move to another VNet.
        </p>
      }
    >
      <div className="private">
        <NewOrExisting
          form={form}
          path="access.vnet.existing"
          legend="Virtual network"
          newLabel="Create a new virtual network"
          existingLabel="Use an existing virtual network"
        />
        <div className="grid">
          <VnetNameField form={form} path="access.vnet.name" label="VNet name" />
          <Field
            path="access.vnet.region"
            label="VNet region"
            formError={errorAt(form, 'access.vnet.region')}
            hint={serverRegion ? `Must be the server's region: ${serverRegion}.` : 'Must be the server region.'}
          >
            {(p) => <RegionInput form={form} path="access.vnet.region" control={p} />}
          </Field>
          <Field
            path="access.vnet.resourceGroup"
            label="VNet resource group"
            formError={errorAt(form, 'access.vnet.resourceGroup')}
          >
            {(p) => <input {...p} {...form.register('access.vnet.resourceGroup')} autoComplete="off" />}
          </Field>
        </div>
        {serverRegion !== '' && vnetRegion !== serverRegion ? (
          <div className="button-row">
            <button type="button" className="button" onClick={() => setPath(form, 'access.vnet.region', serverRegion)}>
              Use the server's region ({serverRegion})
            </button>
          </div>
        ) : null}
        <StringList
          form={form}
          path="access.vnet.addressSpaces"
          legend="Address spaces"
          itemLabel={(n) => `Address space ${n}`}
          addLabel="Add an address space"
          placeholder="10.0.0.0/16"
          minItems={1}
          hint={
            'IPv4 CIDR blocks written as their network address (10.0.0.0/16, not ' +
            '10.0.1.5/16); they must not overlap.'
          }
        />
        <SubnetsTable form={form} />
        <AddressMapPanel form={form} place="first-subnet" />
        <fieldset className="card">
          <legend>DNS</legend>
          <DnsSettingEditor form={form} path="access.vnet.dns" vnetLabel={vnetName ? vnetName : 'the server VNet'} />
        </fieldset>
      </div>
    </StepFrame>
  );
}
