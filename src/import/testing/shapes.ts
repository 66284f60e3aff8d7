/**
 * Test support: the pieces of ARM's GET responses that the fixture deployments share, in the keys and nesting of
 * Microsoft's example responses (reference rest-examples; the example each piece follows is named beside it).
 */
import { POSTGRES_DELEGATION_ACTION, POSTGRES_DELEGATION_SERVICE } from '../../domain/azure';
import type { ArmResource } from '../types';

export type Json = Record<string, unknown>;

/** The ID of a resource group's resource: `type` `Namespace/a/b` with one name per type segment. */
export function armId(subscription: string, group: string, type: string, ...names: string[]): string {
  const [namespace, ...types] = type.split('/');
  const path = types.map((t, i) => `/${t}/${names[i] ?? ''}`).join('');
  return `/subscriptions/${subscription}/resourceGroups/${group}/providers/${namespace ?? ''}${path}`;
}

/** The last name of a resource ID. */
export const nameOf = (id: string): string => id.split('/').at(-1) ?? '';

const SUCCEEDED = { provisioningState: 'Succeeded' } as const;

/** A sub-resource as GET nests it in its parent (`subnets`, `securityRules`, `routes`, …): name, ID, properties. */
export function subResource(parentId: string, collection: string, name: string, properties: Json): Json {
  return { name, id: `${parentId}/${collection}/${name}`, properties: { ...properties, ...SUCCEEDED } };
}

/**
 * A subnet's delegation (SubnetGetWithDelegation). A flexible server's delegation holds the join action
 * (azure-facts.md §4.1); the example's other service shows none.
 */
export function delegation(subnetId: string, name: string, serviceName: string): Json {
  const actions = serviceName === POSTGRES_DELEGATION_SERVICE ? [POSTGRES_DELEGATION_ACTION] : [];
  return subResource(subnetId, 'delegations', name, { actions, serviceName });
}

/** The six rules Azure puts in every NSG, as NetworkSecurityGroupGet returns them. */
export function defaultSecurityRules(nsgId: string): Json[] {
  const rule = (
    name: string,
    description: string,
    direction: 'Inbound' | 'Outbound',
    access: 'Allow' | 'Deny',
    priority: number,
    source: string,
    destination: string,
  ) =>
    subResource(nsgId, 'defaultSecurityRules', name, {
      description,
      access,
      destinationAddressPrefix: destination,
      destinationPortRange: '*',
      direction,
      priority,
      sourceAddressPrefix: source,
      sourcePortRange: '*',
      protocol: '*',
    });
  return [
    rule(
      'AllowVnetInBound',
      'Allow inbound traffic from all VMs in VNET',
      'Inbound',
      'Allow',
      65000,
      'VirtualNetwork',
      'VirtualNetwork',
    ),
    rule(
      'AllowAzureLoadBalancerInBound',
      'Allow inbound traffic from azure load balancer',
      'Inbound',
      'Allow',
      65001,
      'AzureLoadBalancer',
      '*',
    ),
    rule('DenyAllInBound', 'Deny all inbound traffic', 'Inbound', 'Deny', 65500, '*', '*'),
    rule(
      'AllowVnetOutBound',
      'Allow outbound traffic from all VMs to all VMs in VNET',
      'Outbound',
      'Allow',
      65000,
      'VirtualNetwork',
      'VirtualNetwork',
    ),
    rule(
      'AllowInternetOutBound',
      'Allow outbound traffic from all VMs to Internet',
      'Outbound',
      'Allow',
      65001,
      '*',
      'Internet',
    ),
    rule('DenyAllOutBound', 'Deny all outbound traffic', 'Outbound', 'Deny', 65500, '*', '*'),
  ];
}

/**
 * The server parameters the inventory collects, with what ConfigurationsGet returns beside the value; their types,
 * allowed values and defaults are azure-facts.md §1.9.
 */
const TLS_PARAMETERS: Readonly<Record<string, { dataType: string; allowedValues: string; defaultValue: string }>> = {
  require_secure_transport: { dataType: 'Boolean', allowedValues: 'on,off', defaultValue: 'on' },
  ssl_min_protocol_version: { dataType: 'Enumeration', allowedValues: 'TLSv1.2,TLSv1.3', defaultValue: 'TLSv1.2' },
  ssl_max_protocol_version: { dataType: 'Enumeration', allowedValues: 'TLSv1.2,TLSv1.3', defaultValue: '' },
};

/** The TLS parameters the inventory collects. */
export const TLS_PARAMETER_NAMES = Object.keys(TLS_PARAMETERS);

/** A TLS parameter of a server (ConfigurationsGet): set by the user when `value` is given, else Azure's default. */
export function tlsConfiguration(serverId: string, name: string, value?: string): ArmResource {
  const known = TLS_PARAMETERS[name];
  if (known === undefined) throw new Error(`${name} is not a TLS parameter`);
  return {
    name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
    id: `${serverId}/configurations/${name}`,
    properties: {
      allowedValues: known.allowedValues,
      dataType: known.dataType,
      defaultValue: known.defaultValue,
      isConfigPendingRestart: false,
      isDynamicConfig: true,
      isReadOnly: false,
      source: value === undefined ? 'system-default' : 'user-override',
      value: value ?? known.defaultValue,
    },
  };
}

/** A private DNS zone with its counts (PrivateZoneGet, whose limits it repeats). */
export function privateZone(id: string, links: number, records: number): ArmResource {
  return {
    id,
    name: nameOf(id),
    type: 'Microsoft.Network/privateDnsZones',
    location: 'global',
    properties: {
      maxNumberOfRecordSets: 5000,
      maxNumberOfVirtualNetworkLinks: 100,
      maxNumberOfVirtualNetworkLinksWithRegistration: 50,
      numberOfRecordSets: records,
      numberOfVirtualNetworkLinks: links,
      numberOfVirtualNetworkLinksWithRegistration: 0,
      ...SUCCEEDED,
    },
  };
}

/** A zone's link to a VNet (VirtualNetworkLinkGet). */
export function zoneLink(zoneId: string, name: string, vnetId: string, registrationEnabled = false): ArmResource {
  return {
    id: `${zoneId}/virtualNetworkLinks/${name}`,
    name,
    type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
    location: 'global',
    properties: {
      virtualNetwork: { id: vnetId },
      registrationEnabled,
      virtualNetworkLinkState: 'Completed',
      ...SUCCEEDED,
    },
  };
}
