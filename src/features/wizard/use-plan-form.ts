/**
 * Each step is a react-hook-form over the plan, validated against its slice of the plan schema: the
 * zod schemas of the fields the step owns, plus the error rules (the same ones `PlanSchema` runs as
 * refinements) for those fields, each carrying its rule ID as the error type. Every change is written
 * to the store at once, so findings, diagram and exports stay live; when the plan changes from outside
 * the form (undo, redo, opening a plan) the step remounts with the new values (keyed by `revision`).
 *
 * Validating only the step's slice keeps a keystroke cheap on a large plan: the whole plan is not
 * re-parsed, and the rule errors come from the findings already computed for the store's plan (the
 * store is updated before the resolver runs), so the rules run once per change.
 */
import { toNestErrors } from '@hookform/resolvers';
import { useEffect } from 'react';
import { useForm, type FieldError, type FieldPath, type Resolver, type UseFormReturn } from 'react-hook-form';
import * as z from 'zod/mini';
import { getIn, isUnder, setIn } from '../../domain/paths';
import {
  ApplianceSchema,
  ClientSchema,
  DelegatedSubnetSchema,
  FirewallRuleSchema,
  OnPremisesSchema,
  PeeredVnetSchema,
  PeeringSchema,
  PlanDocumentSchema,
  PrivateDnsZoneSchema,
  PrivateEndpointSchema,
  ServerPrivateEndpointSchema,
  RouteTableSchema,
  ServerSchema,
  TlsSchema,
  VnetSchema,
  type Plan,
} from '../../domain/plan';
import { usePlanner, type StepId } from '../../store/store';
import { touchField } from '../findings/reveal';
import { findingsFor } from '../findings/use-findings';
import { stepDef } from './steps';

export type PlanForm = UseFormReturn<Plan>;

/** Plan paths are built at run time (`access.firewallRules.${i}.name`); this names them for the form. */
export const fieldPath = (path: string): FieldPath<Plan> => path as FieldPath<Plan>;

/** The schema of every plan path a step can own (see `STEPS[].owns`). */
const SLICE_SCHEMAS: Readonly<Record<string, z.ZodMiniType>> = {
  name: PlanDocumentSchema.shape.name,
  servers: z.array(ServerSchema).check(z.minLength(1)),
  'access.mode': z.enum(['private', 'public']),
  'access.privateEndpoints': z.optional(z.array(PrivateEndpointSchema)),
  'access.vnet': VnetSchema,
  'access.delegatedSubnet': DelegatedSubnetSchema,
  'access.privateDnsZone': z.nullable(PrivateDnsZoneSchema),
  'access.vnet.appliance': z.nullable(ApplianceSchema),
  'access.peeredVnets': z.array(PeeredVnetSchema),
  'access.peerings': z.array(PeeringSchema),
  'access.routeTables': z.array(RouteTableSchema),
  'access.onPremises': z.array(OnPremisesSchema),
  'access.firewallRules': z.optional(z.array(FirewallRuleSchema)),
  'access.allowAzureServices': z.optional(z.boolean()),
  // Public access only: absent in private access (the other mode's field).
  'access.publicNetworkAccess': z.boolean(),
  tls: TlsSchema,
  clients: z.array(ClientSchema),
};

/** A step's own schema of a path, where it differs from `SLICE_SCHEMAS` (public access's private endpoints). */
const STEP_SLICE_SCHEMAS: Readonly<Partial<Record<StepId, Readonly<Record<string, z.ZodMiniType>>>>> = {
  endpoints: { 'access.privateEndpoints': z.array(ServerPrivateEndpointSchema) },
};

function setError(errors: Record<string, FieldError>, path: string, error: FieldError): void {
  if (errors[path] === undefined) errors[path] = error;
}

/** The resolver of one step: its slice of the schema, then the error rules on its fields. */
function sliceResolver(step: StepId): Resolver<Plan> {
  const schemas = { ...SLICE_SCHEMAS, ...STEP_SLICE_SCHEMAS[step] };
  const owned = stepDef(step).owns.filter((p) => schemas[p] !== undefined);
  return (values, _context, options) => {
    const errors: Record<string, FieldError> = {};
    const store = usePlanner.getState();
    let plan = store.plan;
    for (const prefix of owned) {
      const value = getIn(values, prefix);
      if (value === undefined && prefix.startsWith('access.') && !(schemas[prefix] instanceof z.ZodMiniOptional))
        continue; // the other mode's field
      const parsed = (schemas[prefix] as z.ZodMiniType).safeParse(value);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = [prefix, ...issue.path.map(String)].join('.');
          setError(errors, path, { type: issue.code, message: issue.message });
        }
      } else if (value !== undefined && JSON.stringify(getIn(plan, prefix)) !== JSON.stringify(value)) {
        // Values set from code (setValue, list edits) are validated before the form tells its
        // watchers; bring the store up to date first so the rule errors below are for these values.
        // A copy: `values` are the form's own, which it changes in place, and a plan is never changed in place.
        plan = setIn(plan, prefix, structuredClone(value));
      }
    }
    if (plan !== store.plan) store.updatePlan(() => plan, options.names?.join(',') ?? null);
    for (const f of findingsFor(usePlanner.getState().plan)) {
      if (f.severity === 'error' && owned.some((p) => isUnder(f.path, p)))
        setError(errors, f.path, { type: f.ruleId, message: f.message });
    }
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    return { values: {}, errors: toNestErrors<Plan>(errors, options) };
  };
}

/** The paths of every error in a react-hook-form errors tree (leaves carry a `type`). */
function errorPaths(tree: unknown, prefix: string, into: Set<string>): Set<string> {
  if (tree === null || typeof tree !== 'object') return into;
  if (typeof (tree as { type?: unknown }).type === 'string' && prefix !== '') into.add(prefix);
  for (const [key, child] of Object.entries(tree)) {
    if (key !== 'ref' && key !== 'type' && key !== 'message' && key !== 'types')
      errorPaths(child, prefix === '' ? key : `${prefix}.${key}`, into);
  }
  return into;
}

/**
 * The step's fields whose rule error an edit of `changed` may have added or removed elsewhere (the maximum TLS
 * version when the minimum changes): those shown with an error now, and those the rules now report.
 */
function fieldsToRevalidate(form: PlanForm, step: StepId, changed: string): string[] {
  const owned = stepDef(step).owns;
  const paths = errorPaths(form.formState.errors, '', new Set());
  for (const f of findingsFor(usePlanner.getState().plan)) {
    if (f.severity === 'error' && owned.some((p) => isUnder(f.path, p))) paths.add(f.path);
  }
  paths.delete(changed);
  return [...paths];
}

/**
 * Lists whose fields only some steps show (`owners`): every other step's form holds them empty. react-hook-form hands
 * its watcher a deep copy of all the form's values on every keystroke, and in a large plan these lists are nearly all
 * of the plan (the server VNet's subnets, the other VNets, the peerings, the firewall rules, the clients). The store
 * keeps them whole: a step writes only fields it shows, and its resolver only the slices it owns, none of which holds
 * a list its step doesn't show (`use-plan-form.test.ts` checks both). Other steps read these lists from the store.
 */
export const STEP_LISTS: readonly { path: string; owners: readonly StepId[] }[] = [
  { path: 'access.firewallRules', owners: ['firewall'] },
  { path: 'clients', owners: ['clients'] },
  { path: 'access.delegatedSubnet.nsg.rules', owners: ['subnet'] },
  { path: 'access.vnet.subnets', owners: ['vnet'] },
  // The DNS step (private access) and the Private endpoints step (public access) link each other VNet to the zone
  // (`zoneLink`), the latter sets its subnets' endpoint policies; the Network step edits them.
  { path: 'access.peeredVnets', owners: ['peering', 'dns', 'endpoints'] },
  { path: 'access.peerings', owners: ['peering'] },
  { path: 'access.routeTables', owners: ['peering'] },
  { path: 'access.onPremises', owners: ['peering'] },
];

/** The values of `step`'s form: the plan, with the lists other steps show emptied (see `STEP_LISTS`). */
export function formValuesFor(plan: Plan, step: StepId): Plan {
  let values = plan;
  for (const { path, owners } of STEP_LISTS) {
    const list = getIn(values, path);
    if (!owners.includes(step) && Array.isArray(list) && list.length > 0) values = setIn(values, path, []);
  }
  return values;
}

/** Equal values; objects and lists compared by content (the form hands its watcher copies). */
function sameValue(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

export function usePlanForm(): PlanForm {
  const form = useForm<Plan>({
    defaultValues: formValuesFor(usePlanner.getState().plan, usePlanner.getState().step),
    resolver: sliceResolver(usePlanner.getState().step),
    mode: 'onChange',
  });
  const { watch, trigger } = form;
  useEffect(() => {
    // Show the current errors of the fields on screen as soon as the step opens.
    void trigger();
    const subscription = watch((values, { name }) => {
      if (name === undefined) return;
      const value = getIn(values, name);
      if (typeof value === 'number' && Number.isNaN(value)) return; // keep the last valid number in the plan
      // A list or object the store holds already (an edit written to the store first, then shown in the form:
      // `commitPlanEdit`) records nothing: no second undo step.
      if (!sameValue(getIn(usePlanner.getState().plan, name), value)) usePlanner.getState().setField(name, value);
      touchField(name); // an edited field shows its errors, even once emptied again
      // react-hook-form validates only the field that changed; a rule may tie it to others.
      const others = fieldsToRevalidate(form, usePlanner.getState().step, name);
      if (others.length > 0) void trigger(others.map(fieldPath));
    });
    return () => subscription.unsubscribe();
  }, [form, watch, trigger]);
  return form;
}
