/**
 * The VNets as deployed: the server VNet and its delegated subnet, the VNets around it (found through peerings, and
 * any other VNet in the input), their subnets, peerings and Azure Firewalls.
 */
import { POSTGRES_DELEGATION_SERVICE } from '../domain/azure';
import {
  PE_NETWORK_POLICIES,
  type Appliance,
  type DelegatedSubnet,
  type DnsSetting,
  type Peering,
  type Subnet,
} from '../domain/plan';
import { normalizeRegion } from '../domain/regions';
import { idKey, lastName, parseArmId } from './arm-id';
import { T } from './arm-types';
import { nsgOf } from './read-filters';
import { dnsSetting } from './read-dns';
import {
  ipConfigurations,
  isRecord,
  oneOf,
  privateIpOf,
  props,
  records,
  refId,
  str,
  strings,
  vnetOfSubnet,
  type Reading,
} from './reading';
import type { ArmResource } from './types';

/** What the plan holds of a VNet, whether it is the server VNet or another. */
interface VnetFacts {
  readonly id: string;
  readonly name: string;
  readonly region: string;
  readonly resourceGroup: string;
  readonly subscription: string;
  readonly addressSpaces: string[];
  readonly dns: DnsSetting;
  readonly subnets: Subnet[];
  readonly appliance: Appliance | null;
  readonly zoneLink: boolean;
}

const prefixesOf = (subnet: ArmResource): string[] => {
  const p = props(subnet);
  return typeof p.addressPrefix === 'string' ? [p.addressPrefix] : strings(p.addressPrefixes);
};

/** The service a subnet is delegated to, or undefined. */
const delegationOf = (subnet: ArmResource | undefined): string | undefined =>
  records(props(subnet).delegations)
    .map((d) => str(props(d).serviceName))
    .find((s) => s !== '');

/** Properties of a subnet that the plan has no place for. */
function subnetExtras(reading: Reading, subnet: ArmResource): void {
  const p = props(subnet);
  if (prefixesOf(subnet).length > 1)
    reading.notHeld(
      subnet,
      'properties.addressPrefixes',
      `The subnet has ${prefixesOf(subnet).length} address prefixes; the plan holds the first.`,
    );
  if (records(p.serviceEndpoints).length > 0)
    reading.notHeld(subnet, 'properties.serviceEndpoints', 'Service endpoints are not part of the plan.');
  if (refId(p.natGateway) !== '')
    reading.notHeld(subnet, 'properties.natGateway', 'NAT gateways are not part of the plan (outbound traffic only).');
}

/**
 * The NSG of a subnet other than the delegated one: the plan holds only the delegated subnet's NSG, so the rules of
 * this one are listed (once per NSG), not checked.
 */
function otherNsg(reading: Reading, subnet: ArmResource, vnetName: string): void {
  const id = refId(props(subnet).networkSecurityGroup);
  if (id === '') return;
  const nsg = reading.get(id);
  const why =
    `NSG on subnet ${subnet.name} of ${vnetName}: the plan holds only the delegated subnet's NSG, so its rules are ` +
    'not checked; make sure they let the applications in this subnet reach the server (TCP 5432).';
  if (nsg === undefined) reading.notHeld(subnet, 'properties.networkSecurityGroup', why);
  else if (!reading.notModelled.some((n) => idKey(n.resourceId) === idKey(nsg.id)))
    reading.notHeld(nsg, 'resource', why);
}

/** A VNet's subnets other than `except` (the delegated subnet), each marked at `path.subnets.i`. */
function subnetsOf(reading: Reading, vnetId: string, vnetName: string, except: string, path: string): Subnet[] {
  return reading
    .childrenOf(vnetId, T.subnet)
    .filter((s) => idKey(s.id) !== idKey(except))
    .map((s, i) => {
      reading.mark(`${path}.subnets.${i}`, s.id);
      subnetExtras(reading, s);
      otherNsg(reading, s, vnetName);
      const p = props(s);
      const delegation = delegationOf(s);
      // Absent = Azure's default, Disabled (private-endpoint-facts.md §1.8).
      const policies = oneOf(PE_NETWORK_POLICIES, p.privateEndpointNetworkPolicies);
      return {
        name: s.name,
        prefix: prefixesOf(s)[0] ?? '',
        ...(delegation === undefined ? {} : { delegation }),
        ...(policies === undefined ? {} : { privateEndpointNetworkPolicies: policies }),
      };
    });
}

/** The Azure Firewall in a VNet, as the VNet's appliance (its private IP is the next hop of routes). */
function applianceOf(reading: Reading, vnetId: string, path: string): Appliance | null {
  const key = idKey(vnetId);
  const firewall = reading
    .ofType(T.firewall)
    .find((f) => ipConfigurations(f).some((c) => idKey(vnetOfSubnet(c.subnet)) === key));
  if (firewall === undefined) return null;
  reading.mark(path, firewall.id);
  reading.notHeld(
    firewall,
    'properties (rule collections, policy)',
    "The plan holds the firewall's private IP as a next hop; its rules are not checked: confirm they allow " +
      'PostgreSQL (TCP 5432) between the networks that go through it.',
  );
  return { kind: 'azureFirewall', name: firewall.name, privateIp: privateIpOf(firewall) };
}

/** What the plan holds of a VNet: from the VNet resource when the input has it, else its name from the ID. */
export function vnetFacts(
  reading: Reading,
  id: string,
  linked: ReadonlySet<string>,
  except: string,
  path: string,
): VnetFacts {
  const vnet = reading.get(id);
  reading.mark(path, id);
  const parts = parseArmId(id);
  const name = vnet?.name ?? lastName(id);
  const space = props(vnet).addressSpace;
  return {
    id,
    name,
    region: normalizeRegion(str(vnet?.location)),
    resourceGroup: parts?.resourceGroup ?? '',
    subscription: parts?.subscription ?? '',
    addressSpaces: strings(isRecord(space) ? space.addressPrefixes : []),
    dns: vnet === undefined ? { kind: 'azure' } : dnsSetting(reading, vnet),
    subnets: subnetsOf(reading, id, name, except, path),
    appliance: applianceOf(reading, id, `${path}.appliance`),
    zoneLink: linked.has(idKey(id)),
  };
}

/** Says that a VNet the plan names is not in the input (unless that was said already). */
function missingVnet(reading: Reading, id: string, seenFrom: string): void {
  if (reading.get(id) !== undefined || reading.wasSkipped(id)) return;
  reading.skip(
    id,
    `VNet ${lastName(id)}, peered with ${lastName(seenFrom)}, is not in the input: its name is kept, its address ` +
      'spaces, subnets and DNS servers are unknown.',
  );
}

/**
 * The IDs of the VNets of the plan: the server VNet first, then those its peerings reach (breadth first, those not in
 * the input named from the peering), then the other VNets of the input, which a client may run in without a peering.
 */
export function vnetIds(reading: Reading, start: string): string[] {
  const order = [start];
  const seen = new Set([idKey(start)]);
  for (let i = 0; i < order.length; i += 1) {
    const from = order[i] as string;
    for (const peering of reading.childrenOf(from, T.peering)) {
      const remote = refId(props(peering).remoteVirtualNetwork);
      if (seen.has(idKey(remote))) continue;
      seen.add(idKey(remote));
      order.push(remote);
      missingVnet(reading, remote, from);
    }
  }
  for (const vnet of reading.ofType(T.vnet))
    if (!seen.has(idKey(vnet.id))) {
      seen.add(idKey(vnet.id));
      order.push(vnet.id);
    }
  return order;
}

/** The peerings of the plan's VNets, one entry per direction (one resource each: facts §2.4). */
export function peeringsOf(reading: Reading, ids: readonly string[]): Peering[] {
  const out: Peering[] = [];
  for (const local of ids)
    for (const peering of reading.childrenOf(local, T.peering)) {
      const p = props(peering);
      const remote = refId(p.remoteVirtualNetwork);
      reading.mark(`access.peerings.${out.length}`, peering.id);
      if (p.allowVirtualNetworkAccess === false)
        reading.notHeld(
          peering,
          'properties.allowVirtualNetworkAccess',
          `Access to ${lastName(remote)} is turned off on this peering, which the plan can't hold: the checks take ` +
            'traffic across it to be allowed.',
        );
      out.push({
        from: reading.get(local)?.name ?? lastName(local),
        to: reading.get(remote)?.name ?? lastName(remote),
        allowForwardedTraffic: p.allowForwardedTraffic === true,
        allowGatewayTransit: p.allowGatewayTransit === true,
        useRemoteGateways: p.useRemoteGateways === true,
      });
    }
  return out;
}

/** The resource types in a subnet besides flexible servers: from its IP configurations and service links. */
function otherResourceTypes(subnet: ArmResource | undefined): string[] {
  const p = props(subnet);
  const fromConfigs = records(p.ipConfigurations).map(
    (c) => parseArmId(refId(c))?.type.split('/').slice(0, 2).join('/') ?? '',
  );
  const fromLinks = records(p.serviceAssociationLinks).map((l) => str(props(l).linkedResourceType));
  const types = [...fromConfigs, ...fromLinks].filter(
    (t) => t !== '' && t.toLowerCase() !== POSTGRES_DELEGATION_SERVICE.toLowerCase(),
  );
  return [...new Set(types)];
}

/** The server's delegated subnet: existing, with its delegation, other resource types and NSG. */
export function delegatedSubnetOf(reading: Reading, id: string, server: string): DelegatedSubnet {
  reading.mark('access.delegatedSubnet', id);
  const subnet = reading.get(id);
  if (subnet === undefined) {
    const reason =
      `Server ${server}'s delegated subnet ${lastName(id)} ` +
      (reading.wasSkipped(id) ? 'could not be read' : 'is not in the input') +
      ': its name is kept, its address prefix, delegation and NSG are unknown.';
    reading.skip(id, reason);
    reading.warn(reason);
  } else subnetExtras(reading, subnet);
  const delegation = delegationOf(subnet);
  return {
    name: subnet?.name ?? lastName(id),
    prefix: subnet === undefined ? '' : (prefixesOf(subnet)[0] ?? ''),
    existing: true,
    existingDelegation: delegation ?? null,
    otherResourceTypes: otherResourceTypes(subnet),
    nsg: nsgOf(reading, subnet, 'access.delegatedSubnet.nsg'),
  };
}

/** Says that the server VNet is not in the input (its name comes from the subnet's ID). */
export function checkServerVnet(reading: Reading, id: string, server: string): void {
  if (reading.get(id) !== undefined) return;
  const reason =
    `Server ${server}'s VNet ${lastName(id)} ` +
    (reading.wasSkipped(id) ? 'could not be read' : 'is not in the input') +
    ': its name is kept, its address spaces and DNS servers are unknown.';
  reading.skip(id, reason);
  reading.warn(reason);
}
