import { useWatch } from 'react-hook-form';
import {
  MIN_DELEGATED_SUBNET_PREFIX_LENGTH,
  POSTGRES_DELEGATION_SERVICE,
  RESERVED_SUBNET_NAMES,
} from '../../../domain/azure';
import { AddressMapPanel } from '../../address-map/address-map-panel';
import { DelegatedCapacity } from '../../address-map/delegated-capacity';
import { Field } from '../field';
import { errorAt } from '../private/form-helpers';
import { NewOrExisting } from '../private/new-or-existing';
import { NsgEditor } from '../private/nsg-editor';
import { PathFindings } from '../private/path-findings';
import { useRenameOnBlur } from '../private/rename-on-blur';
import { renameSubnetReferences } from '../private/vnet-references';
import { StringList } from '../private/string-list';
import { StepFrame } from '../step-frame';
import { usePlanForm, type PlanForm } from '../use-plan-form';
import '../private/private.css';

const BASE = 'access.delegatedSubnet';

function ExistingSubnetFields({ form }: { form: PlanForm }) {
  return (
    <fieldset className="card">
      <legend>What is already in the existing subnet</legend>
      <Field
        path={`${BASE}.existingDelegation`}
        label="Current delegation"
        formError={errorAt(form, `${BASE}.existingDelegation`)}
        hint={
          <>
            Leave empty if the subnet is not delegated. A subnet delegated to another service can't be used; it must be
            delegated to <code>{POSTGRES_DELEGATION_SERVICE}</code>.
          </>
        }
      >
        {(p) => (
          <>
            <input
              {...p}
              {...form.register(`${BASE}.existingDelegation`, {
                setValueAs: (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v : null),
              })}
              list="subnet-delegations"
              autoComplete="off"
              spellCheck={false}
            />
            <datalist id="subnet-delegations">
              <option value={POSTGRES_DELEGATION_SERVICE} />
              <option value="Microsoft.Web/serverFarms" />
              <option value="Microsoft.ContainerInstance/containerGroups" />
              <option value="Microsoft.Sql/managedInstances" />
            </datalist>
          </>
        )}
      </Field>
      <StringList
        form={form}
        path={`${BASE}.otherResourceTypes`}
        legend="Other resource types in the subnet"
        itemLabel={(n) => `Other resource type ${n}`}
        addLabel="Add a resource type"
        placeholder="Microsoft.Compute/virtualMachines"
        hint={
          'Only flexible servers may be in the delegated subnet (several servers may share ' +
          'it). List anything else that is there; leave the list empty if nothing is.'
        }
      />
    </fieldset>
  );
}

export default function SubnetStep() {
  const form = usePlanForm();
  const existing = useWatch({ control: form.control, name: `${BASE}.existing` }) === true;
  const prefix = (useWatch({ control: form.control, name: `${BASE}.prefix` }) as string | undefined) ?? '';
  // Route tables on the delegated subnet name it: a new name follows there too.
  const nameInput = useRenameOnBlur(form, `${BASE}.name`, (plan, previous, name) =>
    renameSubnetReferences(plan, 'access.vnet', previous, name),
  );
  return (
    <StepFrame
      intro={
        <p>
          The server lives in a subnet delegated to <code>{POSTGRES_DELEGATION_SERVICE}</code>. It must be at least a /
          {MIN_DELEGATED_SUBNET_PREFIX_LENGTH}, and its size can't be changed once resources are in it.
        </p>
      }
    >
      <div className="private">
        <NewOrExisting
          form={form}
          path={`${BASE}.existing`}
          legend="Delegated subnet"
          newLabel="Create a new subnet"
          existingLabel="Use an existing subnet"
        />
        <PathFindings paths={[BASE, `${BASE}.existing`]} />
        <div className="grid">
          <Field
            path={`${BASE}.name`}
            label="Subnet name"
            formError={errorAt(form, `${BASE}.name`)}
            hint={`Not one of Azure's reserved names: ${RESERVED_SUBNET_NAMES.join(', ')}.`}
          >
            {(p) => <input {...p} {...nameInput} autoComplete="off" spellCheck={false} />}
          </Field>
          <Field
            path={`${BASE}.prefix`}
            label="Subnet prefix"
            formError={errorAt(form, `${BASE}.prefix`)}
            hint={
              `An aligned IPv4 CIDR block inside the VNet's address space, ` +
              `/${MIN_DELEGATED_SUBNET_PREFIX_LENGTH} or larger.`
            }
          >
            {(p) => (
              <input
                {...p}
                {...form.register(`${BASE}.prefix`)}
                autoComplete="off"
                spellCheck={false}
                placeholder="10.0.1.0/28"
              />
            )}
          </Field>
        </div>
        {existing ? <ExistingSubnetFields form={form} /> : null}
        <AddressMapPanel form={form} place="delegated" />
        <DelegatedCapacity prefix={prefix} />
        <NsgEditor form={form} />
      </div>
    </StepFrame>
  );
}
