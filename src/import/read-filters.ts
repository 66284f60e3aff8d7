/**
 * What filters and steers traffic as deployed: the delegated subnet's NSG with its rules, and the route tables on the
 * subnets of the plan's VNets with their routes. A rule or route the plan can't hold as it is (a value outside ARM's
 * enums) is skipped with the reason, never read as something more permissive.
 */
import { NsgAccessSchema, NsgDirectionSchema, NsgProtocolSchema, ROUTE_NEXT_HOPS } from '../domain/plan';
import type { Nsg, NsgRule, Route, RouteTable } from '../domain/plan';
import { idKey, lastName, parseArmId } from './arm-id';
import { T } from './arm-types';
import { oneOf, props, records, refId, str, strings, type Reading } from './reading';
import type { ArmResource } from './types';

/** A sub-resource as GET nests it in its parent (`securityRules`, `routes`), or as a child resource of its own. */
interface Child {
  readonly id: string;
  readonly name: string;
  readonly properties: Record<string, unknown>;
}

/** A parent's children, from its `properties[key]` and from child resources listed on their own (templates do). */
function childrenOf(reading: Reading, parent: ArmResource, key: string, type: string): Child[] {
  const nested = records(props(parent)[key]).map((c) => ({ id: str(c.id), name: str(c.name), properties: props(c) }));
  const names = new Set(nested.map((c) => c.name.toLowerCase()));
  const listed = reading
    .childrenOf(parent.id, type)
    .filter((c) => !names.has(c.name.toLowerCase()))
    .map((c) => {
      reading.get(c.id);
      return { id: c.id, name: c.name, properties: props(c) };
    });
  return [...nested, ...listed];
}

/** One side's addresses or ports: the list (`…Prefixes`, `…Ranges`), else the single value, else any (`*`). */
function side(p: Record<string, unknown>, one: string, many: string): string[] {
  const all = strings(p[many]);
  return all.length > 0 ? all : str(p[one]) !== '' ? [str(p[one])] : ['*'];
}

const asgNames = (v: unknown): string[] =>
  records(v)
    .map((a) => lastName(refId(a)))
    .filter((n) => n !== '');

/** An NSG rule as the plan holds it, or why it can't be held (facts §2.4: the enums of a security rule). */
function nsgRule(rule: Child): NsgRule | string {
  const p = rule.properties;
  const direction = oneOf(NsgDirectionSchema.options, p.direction);
  const access = oneOf(NsgAccessSchema.options, p.access);
  const protocol = oneOf(NsgProtocolSchema.options, p.protocol);
  const unknown = [
    direction === undefined ? `direction "${str(p.direction)}"` : null,
    access === undefined ? `access "${str(p.access)}"` : null,
    protocol === undefined ? `protocol "${str(p.protocol)}"` : null,
    typeof p.priority === 'number' ? null : 'no priority',
  ].filter((x) => x !== null);
  if (direction === undefined || access === undefined || protocol === undefined || typeof p.priority !== 'number')
    return (
      `Security rule ${rule.name} has ${unknown.join(', ')}, which an NSG rule can't have: it was left out of the ` +
      "checks (an export leaves the NSG's rules as they are)."
    );
  return {
    name: rule.name,
    priority: p.priority,
    direction,
    access,
    protocol,
    sourceAddresses: side(p, 'sourceAddressPrefix', 'sourceAddressPrefixes'),
    sourcePorts: side(p, 'sourcePortRange', 'sourcePortRanges'),
    destinationAddresses: side(p, 'destinationAddressPrefix', 'destinationAddressPrefixes'),
    destinationPorts: side(p, 'destinationPortRange', 'destinationPortRanges'),
    sourceAsgs: asgNames(p.sourceApplicationSecurityGroups),
    destinationAsgs: asgNames(p.destinationApplicationSecurityGroups),
    description: str(p.description),
  };
}

/**
 * Where a resource the plan keeps with a VNet (a route table, the delegated subnet's NSG) sits when that is another
 * resource group or subscription than `vnetSideId`'s (the VNet, or one of its subnets); null when it is with it.
 */
function apartFrom(id: string, vnetSideId: string): { group: string; subscription: string; vnetGroup: string } | null {
  const [own, vnet] = [parseArmId(id), parseArmId(vnetSideId)];
  if (own === null || vnet === null) return null;
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  if (same(own.subscription, vnet.subscription) && same(own.resourceGroup, vnet.resourceGroup)) return null;
  return { group: own.resourceGroup, subscription: own.subscription, vnetGroup: vnet.resourceGroup };
}

/** The NSG on the delegated subnet, with its own rules (the default rules are Azure's, in every NSG). */
export function nsgOf(reading: Reading, subnet: ArmResource | undefined, path: string): Nsg | null {
  const id = refId(props(subnet).networkSecurityGroup);
  if (id === '') return null;
  reading.mark(path, id);
  const nsg = reading.get(id);
  if (nsg === undefined) {
    reading.skip(
      id,
      "The delegated subnet's NSG is not in the input: its name is kept and its rules are unknown, so the checks " +
        "can't tell what it lets through. Collect it (or enter its rules) before relying on them.",
    );
    return { name: lastName(id), rules: [], existing: true };
  }
  const apart = subnet === undefined ? null : apartFrom(nsg.id, subnet.id);
  if (apart !== null)
    reading.notHeld(
      nsg,
      'its resource group',
      `The NSG is in resource group ${apart.group} (subscription ${apart.subscription}), not with the ` +
        `subnet's VNet in ${apart.vnetGroup}: the plan keeps the NSG with the VNet, so exports would look for ` +
        'it there.',
    );
  const rules: NsgRule[] = [];
  for (const child of childrenOf(reading, nsg, 'securityRules', T.securityRule)) {
    const rule = nsgRule(child);
    if (typeof rule === 'string') reading.skip(child.id || `${nsg.id}/securityRules/${child.name}`, rule);
    else rules.push(rule);
  }
  return { name: nsg.name, rules, existing: true };
}

function route(child: Child): Route | string {
  const p = child.properties;
  const nextHop = oneOf(ROUTE_NEXT_HOPS, p.nextHopType);
  if (nextHop === undefined)
    return (
      `Route ${child.name} has the next hop type "${str(p.nextHopType)}", which a route can't have: it was left ` +
      'out.'
    );
  return { name: child.name, prefix: str(p.addressPrefix), nextHop, nextHopIp: str(p.nextHopIpAddress) };
}

/** A route table as the plan holds it, for one VNet (its subnets are added by the caller). */
function routeTable(reading: Reading, tableId: string, vnetId: string, vnet: string, subnet: string): RouteTable {
  const resource = reading.get(tableId);
  if (resource === undefined) {
    reading.skip(tableId, `The route table on subnet ${subnet} is not in the input: its routes are unknown.`);
    return { name: lastName(tableId), vnet, existing: true, subnets: [], routes: [] };
  }
  const apart = apartFrom(resource.id, vnetId);
  if (apart !== null)
    reading.notHeld(
      resource,
      'its resource group',
      `The table is in resource group ${apart.group} (subscription ${apart.subscription}), not with its VNet ` +
        `in ${apart.vnetGroup}: the plan keeps a route table with its VNet, so exports would look for it there.`,
    );
  if (props(resource).disableBgpRoutePropagation === true)
    reading.notHeld(
      resource,
      'properties.disableBgpRoutePropagation',
      'Gateway route propagation is off on this table; the plan assumes the routes a gateway learns reach it.',
    );
  const routes: Route[] = [];
  for (const child of childrenOf(reading, resource, 'routes', T.route)) {
    const r = route(child);
    if (typeof r === 'string') reading.skip(child.id || `${resource.id}/routes/${child.name}`, r);
    else routes.push(r);
  }
  return { name: resource.name, vnet, existing: true, subnets: [], routes };
}

/** Route tables on the subnets of the plan's VNets: one entry per table and VNet (the plan ties a table to a VNet). */
export function routeTablesOf(reading: Reading, vnetIds: readonly string[]): RouteTable[] {
  const tables = new Map<string, RouteTable>();
  for (const vnetId of vnetIds) {
    const vnetName = reading.get(vnetId)?.name ?? lastName(vnetId);
    for (const subnet of reading.childrenOf(vnetId, T.subnet)) {
      const tableId = refId(props(subnet).routeTable);
      if (tableId === '') continue;
      const key = `${idKey(tableId)} ${idKey(vnetId)}`;
      let table = tables.get(key);
      if (table === undefined) {
        reading.mark(`access.routeTables.${tables.size}`, tableId);
        table = routeTable(reading, tableId, vnetId, vnetName, subnet.name);
        tables.set(key, table);
      }
      table.subnets.push(subnet.name);
    }
  }
  return [...tables.values()];
}
