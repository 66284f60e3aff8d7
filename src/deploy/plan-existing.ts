/**
 * What a plan says exists already, as resource keys (`resourceKey`): the readers use it where an artefact doesn't
 * say it (a Bicep or ARM PUT is the same statement for a new and an existing resource).
 */
import type { Plan } from '../domain/plan';
import { planModel, type Loc } from '../exporters/model';
import { armResourceId, resourceKey } from './resource-id';

/** The keys of each plan (plans are never changed in place: an edit makes a new plan). */
const KEYS = new WeakMap<Plan, Set<string>>();

/** The keys, worked out once per plan: shared, so nothing may change the set. */
export function existingResourceKeys(plan: Plan): Set<string> {
  let keys = KEYS.get(plan);
  if (keys === undefined) {
    keys = build(plan);
    KEYS.set(plan, keys);
  }
  return keys;
}

function build(plan: Plan): Set<string> {
  const model = planModel(plan);
  const keys = new Set<string>();
  const a = model.access;
  const add = (loc: Loc, type: string, names: string[]) =>
    keys.add(resourceKey(armResourceId({ subscription: '', resourceGroup: loc.rg }, model.primaryRg, type, names)));
  if (a.mode === 'public') {
    // The plan's VNets and the subnets of its private endpoints exist; the exports never write them.
    for (const p of a.peeredVnets) add(p.loc, 'Microsoft.Network/virtualNetworks', [p.name]);
    for (const e of a.endpoints) add(e.vnet.loc, 'Microsoft.Network/virtualNetworks/subnets', [e.vnet.name, e.subnet]);
    if (a.zone?.existing) add(a.zone.loc, 'Microsoft.Network/privateDnsZones', [a.zone.name]);
    return keys;
  }
  if (a.vnet.existing) add(a.vnet.loc, 'Microsoft.Network/virtualNetworks', [a.vnet.name]);
  if (a.subnet.existing) add(a.vnet.loc, 'Microsoft.Network/virtualNetworks/subnets', [a.vnet.name, a.subnet.name]);
  if (a.zone.existing) add(a.zone.loc, 'Microsoft.Network/privateDnsZones', [a.zone.name]);
  for (const p of a.peeredVnets) add(p.loc, 'Microsoft.Network/virtualNetworks', [p.name]);
  if (a.nsg?.existing) add(a.nsg.loc, 'Microsoft.Network/networkSecurityGroups', [a.nsg.name]);
  for (const t of a.routeTables) if (t.existing) add(t.vnet.loc, 'Microsoft.Network/routeTables', [t.name]);
  // The subnets an export gives a route table without creating them (of an existing server VNet, or another VNet's).
  for (const r of a.routeAssociations)
    if (r.kind === 'existing') add(r.vnet.loc, 'Microsoft.Network/virtualNetworks/subnets', [r.vnet.name, r.subnet]);
  return keys;
}
