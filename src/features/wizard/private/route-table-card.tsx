/**
 * One route table: its name, the VNet and subnets it is associated with, and its routes (destination, next hop type
 * by Azure's name, and the next hop address for a virtual appliance).
 */
import { useId, useRef } from 'react';
import { ROUTE_NEXT_HOPS, type Plan, type Route, type RouteNextHop, type RouteTable } from '../../../domain/plan';
import { planIndex } from '../../../domain/plan-index';
import { Field } from '../field';
import { fieldPath, type PlanForm } from '../use-plan-form';
import { errorAt, setPath } from './form-helpers';
import { PathFindings } from './path-findings';
import { VnetSelect, type VnetChoice } from './vnet-select';
import { sameName, subnetNamesOf } from './vnet-references';

/**
 * What each next hop type does, after Azure's name (Microsoft.Network routeTables/routes nextHopType; Microsoft
 * Learn, "Virtual network traffic routing", next hop types).
 */
const NEXT_HOP_TEXT: Readonly<Record<RouteNextHop, string>> = {
  VirtualAppliance: 'To a firewall or network virtual appliance, at the address below.',
  VirtualNetworkGateway: 'To the VPN or ExpressRoute gateway of the VNet.',
  VnetLocal: 'Stays inside the virtual network.',
  Internet: 'Out to the internet.',
  None: 'Dropped.',
};

/** Datalist ids shared by every card of the section. */
export interface RouteSuggestions {
  prefixes: string;
  appliances: string;
}

interface Props {
  form: PlanForm;
  index: number;
  table: RouteTable;
  plan: Plan;
  choices: readonly VnetChoice[];
  suggestions: RouteSuggestions;
  /** The address of the first appliance, for a new VirtualAppliance route. */
  defaultNextHopIp: string;
  onRemove: () => void;
}

/** One subnet's checkbox. A chosen subnet is an entry of the table's list, where its findings are shown. */
function SubnetCheck({
  form,
  path,
  label,
  checked,
  onToggle,
}: {
  form: PlanForm;
  /** The entry's path when it is chosen. */
  path: string | null;
  label: string;
  checked: boolean;
  onToggle: (on: boolean) => void;
}) {
  const id = useId();
  if (path === null) {
    return (
      <div className="field field--checkbox">
        <label className="field__label" htmlFor={id}>
          {label}
        </label>
        <input type="checkbox" id={id} checked={checked} onChange={(e) => onToggle(e.target.checked)} />
      </div>
    );
  }
  return (
    <Field path={path} label={label} className="field--checkbox" formError={errorAt(form, path)}>
      {(p) => <input type="checkbox" {...p} checked={checked} onChange={(e) => onToggle(e.target.checked)} />}
    </Field>
  );
}

function SubnetChecks({ form, index, table, plan }: { form: PlanForm; index: number; table: RouteTable; plan: Plan }) {
  const base = `access.routeTables.${index}`;
  const planIdx = planIndex(plan);
  const entry = planIdx.vnet(table.vnet);
  const delegated = plan.access.mode === 'private' && entry?.kind === 'server' ? plan.access.delegatedSubnet.name : '';
  const names = subnetNamesOf(plan, table.vnet);
  // Names the table holds that the VNet has not (any more): shown checked, so they can be unchecked.
  const unknown = table.subnets.filter((s) => !names.some((n) => sameName(n, s)));
  const toggle = (name: string, on: boolean) =>
    setPath(form, `${base}.subnets`, on ? [...table.subnets, name] : table.subnets.filter((s) => !sameName(s, name)));
  const label = (name: string) => {
    // Azure associates a subnet with one route table at most.
    const other = planIdx.routeTable(table.vnet, name);
    const notes = [
      sameName(name, delegated) ? 'delegated subnet' : null,
      unknown.includes(name) ? `not a subnet of ${table.vnet || 'this VNet'}` : null,
      other !== undefined && other.index !== index
        ? `uses ${other.table.name || `route table ${other.index + 1}`}`
        : null,
    ].filter(Boolean);
    return notes.length > 0 ? `${name} (${notes.join('; ')})` : name;
  };
  return (
    <fieldset className="private__list" data-path={`${base}.subnets`}>
      <legend className="field__label">Subnets that use it</legend>
      <PathFindings paths={[`${base}.subnets`]} />
      {names.length + unknown.length === 0 ? (
        <p className="private__note">
          {table.vnet.trim() === ''
            ? 'Choose its VNet first.'
            : `No subnets of ${table.vnet} are listed yet: add them to the VNet to associate them.`}
        </p>
      ) : null}
      <div className="private__checks">
        {[...names, ...unknown].map((name, i) => {
          const j = table.subnets.findIndex((s) => sameName(s, name));
          return (
            <SubnetCheck
              key={`${i}-${name}`}
              form={form}
              path={j >= 0 ? `${base}.subnets.${j}` : null}
              label={label(name)}
              checked={j >= 0}
              onToggle={(on) => toggle(name, on)}
            />
          );
        })}
      </div>
    </fieldset>
  );
}

function RouteCard({
  form,
  base,
  n,
  route,
  suggestions,
  onRemove,
}: {
  form: PlanForm;
  base: string;
  n: number;
  route: Route;
  suggestions: RouteSuggestions;
  onRemove: () => void;
}) {
  const title = route.name.trim() || `Route ${n}`;
  const chooseHop = (nextHop: RouteNextHop) =>
    // Only a virtual appliance has a next hop address: another type clears it.
    setPath(form, base, { ...route, nextHop, nextHopIp: nextHop === 'VirtualAppliance' ? route.nextHopIp : '' });
  return (
    <fieldset className="card private__route" data-path={base}>
      <legend>{title}</legend>
      <PathFindings paths={[base]} />
      <div className="grid">
        <Field path={`${base}.name`} label="Route name" formError={errorAt(form, `${base}.name`)}>
          {(p) => <input {...p} {...form.register(fieldPath(`${base}.name`))} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field
          path={`${base}.prefix`}
          label="Destination"
          formError={errorAt(form, `${base}.prefix`)}
          hint="An IPv4 CIDR, or a service tag such as AzureActiveDirectory."
        >
          {(p) => (
            <input
              {...p}
              {...form.register(fieldPath(`${base}.prefix`))}
              list={suggestions.prefixes}
              autoComplete="off"
              spellCheck={false}
              placeholder="0.0.0.0/0"
            />
          )}
        </Field>
        <Field
          path={`${base}.nextHop`}
          label="Next hop type"
          formError={errorAt(form, `${base}.nextHop`)}
          hint={NEXT_HOP_TEXT[route.nextHop]}
        >
          {(p) => (
            <select {...p} value={route.nextHop} onChange={(e) => chooseHop(e.target.value as RouteNextHop)}>
              {ROUTE_NEXT_HOPS.map((hop) => (
                <option key={hop} value={hop}>
                  {hop}
                </option>
              ))}
            </select>
          )}
        </Field>
        {/* Shown for a virtual appliance, and while another type still carries an address (to clear it). */}
        {route.nextHop === 'VirtualAppliance' || route.nextHopIp !== '' ? (
          <Field
            path={`${base}.nextHopIp`}
            label="Next hop IP address"
            formError={errorAt(form, `${base}.nextHopIp`)}
            hint="The private IP address of the firewall or appliance."
          >
            {(p) => (
              <input
                {...p}
                {...form.register(fieldPath(`${base}.nextHopIp`))}
                list={suggestions.appliances}
                autoComplete="off"
                spellCheck={false}
                placeholder="10.1.0.4"
              />
            )}
          </Field>
        ) : null}
      </div>
      <button type="button" className="button button--quiet" onClick={onRemove}>
        Remove<span className="visually-hidden"> {title}</span>
      </button>
    </fieldset>
  );
}

export function RouteTableCard({ form, index, table, plan, choices, suggestions, defaultNextHopIp, onRemove }: Props) {
  const base = `access.routeTables.${index}`;
  const title = table.name.trim() || `Route table ${index + 1}`;
  const routesRef = useRef<HTMLDivElement>(null);
  const addRouteButton = useRef<HTMLButtonElement>(null);
  const chooseVnet = (vnet: string) => {
    // The subnets chosen stay where the new VNet has them too.
    const names = subnetNamesOf(plan, vnet);
    setPath(form, base, { ...table, vnet, subnets: table.subnets.filter((s) => names.some((n) => sameName(n, s))) });
  };
  const addRoute = () => {
    const route: Route = { name: '', prefix: '', nextHop: 'VirtualAppliance', nextHopIp: defaultNextHopIp };
    setPath(form, `${base}.routes`, [...table.routes, route]);
    requestAnimationFrame(() => {
      // The new route's name: the first input of the last route card.
      const cards = routesRef.current?.querySelectorAll<HTMLElement>('.private__route');
      cards?.[cards.length - 1]?.querySelector<HTMLInputElement>('input')?.focus();
    });
  };
  const removeRoute = (r: number) => {
    setPath(
      form,
      `${base}.routes`,
      table.routes.filter((_, j) => j !== r),
    );
    addRouteButton.current?.focus();
  };
  return (
    <fieldset className="card" data-path={base}>
      <legend>{title}</legend>
      <PathFindings paths={[base]} />
      <div className="grid">
        <Field path={`${base}.name`} label="Route table name" formError={errorAt(form, `${base}.name`)}>
          {(p) => <input {...p} {...form.register(fieldPath(`${base}.name`))} autoComplete="off" spellCheck={false} />}
        </Field>
        <Field path={`${base}.vnet`} label="VNet" formError={errorAt(form, `${base}.vnet`)}>
          {(p) => <VnetSelect form={form} path={`${base}.vnet`} control={p} choices={choices} onChoose={chooseVnet} />}
        </Field>
      </div>
      <Field
        path={`${base}.existing`}
        label="The table exists already"
        className="field--checkbox"
        formError={errorAt(form, `${base}.existing`)}
        hint={
          'The exports then only associate the subnets below with it: they neither create the table nor change its ' +
          'routes, which describe it for the checks. Every table read from a deployment exists already.'
        }
      >
        {(p) => <input type="checkbox" {...p} {...form.register(fieldPath(`${base}.existing`))} />}
      </Field>
      <SubnetChecks form={form} index={index} table={table} plan={plan} />
      <div className="private__list" data-path={`${base}.routes`} ref={routesRef}>
        <h4 className="field__label">Routes of {title}</h4>
        <PathFindings paths={[`${base}.routes`]} />
        {table.routes.length === 0 ? <p className="private__note">No routes yet.</p> : null}
        {table.routes.map((route, r) => (
          // Index keys on purpose: react-hook-form keeps each input's value by its indexed name.
          <RouteCard
            key={r}
            form={form}
            base={`${base}.routes.${r}`}
            n={r + 1}
            route={route}
            suggestions={suggestions}
            onRemove={() => removeRoute(r)}
          />
        ))}
        <button type="button" className="button" onClick={addRoute} ref={addRouteButton}>
          Add a route<span className="visually-hidden"> to {title}</span>
        </button>
      </div>
      <div className="button-row">
        <button type="button" className="button button--quiet" onClick={onRemove}>
          Remove {title}
        </button>
      </div>
    </fieldset>
  );
}
