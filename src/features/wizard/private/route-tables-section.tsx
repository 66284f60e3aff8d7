/**
 * The plan's route tables (user-defined routes): which subnets of which VNet use each, and where their routes send
 * traffic. The destinations offered are the plan's address ranges and the service tag Azure's docs name for
 * PostgreSQL; the next hop addresses offered are the plan's appliances'.
 */
import { useId, useRef } from 'react';
import { useWatch } from 'react-hook-form';
import type { Plan, RouteTable } from '../../../domain/plan';
import { usePlanner } from '../../../store/store';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { setPath } from './form-helpers';
import { PathFindings } from './path-findings';
import { RouteTableCard, type RouteSuggestions } from './route-table-card';
import { useVnetChoices } from './vnet-select';
import { appliancesOf } from './vnet-references';

const ROUTE_TABLES = 'access.routeTables';

/**
 * A subnet whose route table sends everything to an appliance keeps Microsoft Entra traffic on the internet:
 * destination service tag AzureActiveDirectory, next hop Internet (facts §1.2).
 */
const ENTRA_SERVICE_TAG = 'AzureActiveDirectory';

/** Destinations worth offering: the default route, the Entra service tag, and every address range of the plan. */
function prefixSuggestions(access: Plan['access']): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [
    { value: '0.0.0.0/0', label: 'Everything (default route)' },
    { value: ENTRA_SERVICE_TAG, label: 'Microsoft Entra ID (service tag)' },
  ];
  if (access.mode !== 'private') return out;
  const add = (value: string, label: string) => {
    if (value.trim() !== '' && !out.some((o) => o.value === value)) out.push({ value, label });
  };
  add(access.delegatedSubnet.prefix, `The delegated subnet ${access.delegatedSubnet.name}`);
  for (const space of access.vnet.addressSpaces) add(space, `VNet ${access.vnet.name} (server VNet)`);
  for (const v of access.peeredVnets) for (const space of v.addressSpaces) add(space, `VNet ${v.name}`);
  for (const site of access.onPremises) for (const range of site.addressRanges) add(range, `On-premises ${site.name}`);
  return out;
}

export function RouteTablesSection({ form }: { form: PlanForm }) {
  const tables = (useWatch({ control: form.control, name: fieldPath(ROUTE_TABLES) }) as RouteTable[] | undefined) ?? [];
  const plan = usePlanner((s) => s.plan);
  const choices = useVnetChoices();
  const listRef = useRef<HTMLDivElement>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const prefixesId = useId();
  const appliancesId = useId();
  const suggestions: RouteSuggestions = { prefixes: prefixesId, appliances: appliancesId };
  if (plan.access.mode !== 'private') return null;
  const access = plan.access;
  const appliances = appliancesOf(access);

  const add = () => {
    const table: RouteTable = { name: '', vnet: access.vnet.name, existing: false, subnets: [], routes: [] };
    setPath(form, ROUTE_TABLES, [...tables, table]);
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-path="${ROUTE_TABLES}.${tables.length}"] input`)?.focus(),
    );
  };
  const remove = (i: number) => {
    setPath(
      form,
      ROUTE_TABLES,
      tables.filter((_, j) => j !== i),
    );
    addButton.current?.focus();
  };

  return (
    <section aria-labelledby="routes-title">
      <h3 id="routes-title">Route tables</h3>
      <p className="field__hint">
        A route table sends the traffic of its subnets to a next hop: for example the server's subnet and the spokes
        through a firewall in the hub (VirtualAppliance). When a table sends all traffic to an appliance, keep a route
        for {ENTRA_SERVICE_TAG} with next hop Internet, and one for the server's subnet with next hop VnetLocal.
      </p>
      <PathFindings paths={[ROUTE_TABLES]} />
      {tables.length === 0 ? <p>No route tables.</p> : null}
      <div className="private__cards" ref={listRef}>
        {tables.map((table, i) => (
          // Index keys on purpose: react-hook-form keeps each input's value by its indexed name.
          <RouteTableCard
            key={i}
            form={form}
            index={i}
            table={table}
            plan={plan}
            choices={choices}
            suggestions={suggestions}
            defaultNextHopIp={appliances[0]?.privateIp ?? ''}
            onRemove={() => remove(i)}
          />
        ))}
      </div>
      <button type="button" className="button" onClick={add} ref={addButton}>
        Add a route table
      </button>
      <datalist id={prefixesId}>
        {prefixSuggestions(access).map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </datalist>
      <datalist id={appliancesId}>
        {appliances.map((a) => (
          <option key={`${a.vnet}-${a.privateIp}`} value={a.privateIp}>
            {a.name || 'Appliance'} in {a.vnet}
          </option>
        ))}
      </datalist>
    </section>
  );
}
