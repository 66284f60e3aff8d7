/**
 * What a plan deploys, from the export model (not from any artefact): the resources the ARM export writes, with
 * their IDs as the dry run's readers build them and whether each is created or updated. The reader tests compare
 * what they read from each format's files with this.
 */
import type { Plan } from '../../domain/plan';
import { buildModel, type Loc, type SubRef } from '../../exporters/model';
import type { StepAction } from '../../exporters/steps';
import { armResourceId } from '../resource-id';

export interface ExpectedResource {
  id: string;
  type: string;
  action: StepAction;
}

/**
 * The resources of the plan; `subscriptionOf` says how the format resolves each subscription reference
 * (`''` for the deployment's own). A subnet the export gives a route table without creating it is a resource of its
 * own where the format writes it back (ARM, Bicep: `inPlaceSubnets`), not where an association sets the table on it
 * (Terraform). A private endpoint's DNS zone group is a resource of its own where the format writes one (ARM, Bicep:
 * `zoneGroups`), not where it is a block of the endpoint (Terraform's `private_dns_zone_group`).
 */
export function expectedResources(
  plan: Plan,
  subscriptionOf: (sub: SubRef) => string,
  { inPlaceSubnets = true, zoneGroups = true }: { inPlaceSubnets?: boolean; zoneGroups?: boolean } = {},
): ExpectedResource[] {
  const model = buildModel(plan);
  const out: ExpectedResource[] = [];
  const add = (loc: Loc, type: string, names: string[], action: StepAction = 'create') =>
    out.push({
      id: armResourceId({ subscription: subscriptionOf(loc.sub), resourceGroup: loc.rg }, '', type, names),
      type,
      action,
    });
  if (model.access.mode === 'private') {
    const a = model.access;
    if (!a.vnet.existing) add(a.vnet.loc, 'Microsoft.Network/virtualNetworks', [a.vnet.name]);
    for (const t of a.routeTables) if (!t.existing) add(t.vnet.loc, 'Microsoft.Network/routeTables', [t.name]);
    for (const r of a.routeAssociations) {
      if (r.kind === 'existing' && inPlaceSubnets)
        add(r.vnet.loc, 'Microsoft.Network/virtualNetworks/subnets', [r.vnet.name, r.subnet], 'update');
    }
    if (a.nsg && !a.nsg.existing) add(a.nsg.loc, 'Microsoft.Network/networkSecurityGroups', [a.nsg.name]);
    add(
      a.vnet.loc,
      'Microsoft.Network/virtualNetworks/subnets',
      [a.vnet.name, a.subnet.name],
      a.subnet.existing ? 'update' : 'create',
    );
    for (const s of a.otherSubnets) add(a.vnet.loc, 'Microsoft.Network/virtualNetworks/subnets', [a.vnet.name, s.name]);
    if (!a.zone.existing) add(a.zone.loc, 'Microsoft.Network/privateDnsZones', [a.zone.name]);
    for (const l of a.links) {
      add(a.zone.loc, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', [a.zone.name, l.name]);
    }
    for (const p of a.peerings) {
      add(p.local.loc, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', [p.local.name, p.name]);
    }
  }
  if (model.access.mode === 'public') {
    const { zone, links, peerings, endpoints } = model.access;
    if (zone && !zone.existing) add(zone.loc, 'Microsoft.Network/privateDnsZones', [zone.name]);
    for (const l of links) {
      if (zone) add(zone.loc, 'Microsoft.Network/privateDnsZones/virtualNetworkLinks', [zone.name, l.name]);
    }
    for (const p of peerings) {
      add(p.local.loc, 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings', [p.local.name, p.name]);
    }
    for (const e of endpoints) {
      add(e.loc, 'Microsoft.Network/privateEndpoints', [e.name]);
      if (zone && zoneGroups)
        add(e.loc, 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups', [e.name, 'default']);
    }
  }
  for (const s of model.servers) {
    add(s.loc, 'Microsoft.DBforPostgreSQL/flexibleServers', [s.name]);
    for (const c of model.configurations) {
      add(s.loc, 'Microsoft.DBforPostgreSQL/flexibleServers/configurations', [s.name, c.name]);
    }
    if (model.access.mode === 'public') {
      for (const r of model.access.firewallRules) {
        add(s.loc, 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules', [s.name, r.name]);
      }
    }
  }
  return out;
}

/** The step IDs a step follows, directly or through other steps. */
export function predecessors(steps: readonly { id: string; after: { step: string }[] }[], id: string): Set<string> {
  const byId = new Map(steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [id];
  while (stack.length > 0) {
    const s = byId.get(stack.pop() as string);
    for (const a of s?.after ?? []) {
      if (seen.has(a.step)) continue;
      seen.add(a.step);
      stack.push(a.step);
    }
  }
  return seen;
}
