/**
 * Test support: whether a resource in the shape ARM's GET returns fits Microsoft's ARM JSON schema of its type, so
 * that fixtures can't drift into shapes Azure never returns.
 *
 * The schemas describe what a template may PUT (src/exporters/arm/schemas/, and the DNS Private Resolver's in
 * ../__fixtures__/arm-schemas/; see the READMEs there). They don't forbid unknown keys, so every object schema is made
 * closed here (`additionalProperties: false`): a key the schema doesn't list fails, unless it is one that only GET
 * returns. Those are listed below: the read-only keys of every resource (`READ_ONLY`) and, per schema definition,
 * the read-only properties Microsoft's GET examples show (`GET_ONLY`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';
import type { ArmResource } from '../types';

const SCHEMA_DIRS = [
  fileURLToPath(new URL('../../exporters/arm/schemas/', import.meta.url)),
  fileURLToPath(new URL('../__fixtures__/arm-schemas/', import.meta.url)),
];

/** Keys ARM sets on any resource or sub-resource, never given in a PUT (the REST examples' `id`, `etag`, …). */
const READ_ONLY = ['id', 'etag', 'type', 'provisioningState', 'resourceGuid', 'systemData'];

/**
 * Read-only properties by schema definition: what GET returns beyond what a PUT may set. Each is in one of
 * Microsoft's example responses (reference rest-examples, named beside it), or marked ReadOnly in the REST API's
 * specification of that type (as the generated types of github.com/Azure/bicep-types-az show them).
 */
const GET_ONLY: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  'Microsoft.DBforPostgreSQL.json': {
    // ServersGetWithVnet, ServersGetWithPrivateEndpoints.
    ServerProperties: [
      'fullyQualifiedDomainName',
      'minorVersion',
      'privateEndpointConnections',
      'replicaCapacity',
      'state',
    ],
    HighAvailability: ['state'],
    Backup: ['earliestRestoreDate'],
    Replica: ['capacity'],
    // PrivateEndpointConnectionsGet.
    PrivateEndpointConnectionProperties: ['groupIds'],
    // ConfigurationsGet.
    ConfigurationProperties: [
      'allowedValues',
      'dataType',
      'defaultValue',
      'description',
      'documentationLink',
      'isConfigPendingRestart',
      'isDynamicConfig',
      'isReadOnly',
    ],
  },
  'Microsoft.Network.NRP.json': {
    // VirtualNetworkGetWithSubnetDelegation, SubnetGetWithDelegation.
    CommonSubnetPropertiesFormat: ['ipConfigurations', 'purpose'],
    CommonServiceDelegationPropertiesFormat: ['actions'],
    // VirtualNetworkPeeringGet.
    CommonVirtualNetworkPeeringPropertiesFormat: ['peeringState', 'peeringSyncLevel', 'remoteBgpCommunities'],
    CommonVirtualNetworkBgpCommunities: ['regionalCommunity'],
    // NetworkSecurityGroupGet: Azure's six default rules; ReadOnly: the subnets that use the NSG.
    CommonNetworkSecurityGroupPropertiesFormat: ['defaultSecurityRules', 'subnets'],
    // ReadOnly: the subnets that use a route table or a NAT gateway.
    CommonRouteTablePropertiesFormat: ['subnets'],
    CommonNatGatewayPropertiesFormat: ['subnets'],
    // AzureFirewallGet.
    AzureFirewallPropertiesFormat: ['aiSecurityAddOn', 'ipGroups'],
    AzureFirewallIPConfigurationPropertiesFormat: ['privateIPAddress'],
    // VirtualNetworkGatewayGet.
    IPConfigurationBgpPeeringAddress: ['defaultBgpIpAddresses', 'tunnelIpAddresses'],
    VirtualNetworkGatewaySku: ['capacity'],
    // ReadOnly: a connection's status.
    VirtualNetworkGatewayConnectionPropertiesFormat: ['connectionStatus'],
    // PrivateEndpointGet, PrivateEndpointDnsZoneGroupGet.
    CommonPrivateEndpointProperties: ['networkInterfaces'],
    PrivateDnsZonePropertiesFormat: ['recordSets'],
  },
  'Microsoft.Network.privateDns.json': {
    // PrivateZoneGet.
    PrivateZoneProperties: [
      'maxNumberOfRecordSets',
      'maxNumberOfVirtualNetworkLinks',
      'maxNumberOfVirtualNetworkLinksWithRegistration',
      'numberOfRecordSets',
      'numberOfVirtualNetworkLinks',
      'numberOfVirtualNetworkLinksWithRegistration',
    ],
    // VirtualNetworkLinkGet.
    VirtualNetworkLinkProperties: ['virtualNetworkLinkState'],
    // RecordSetAGet.
    RecordSetProperties: ['fqdn', 'isAutoRegistered'],
  },
};

/**
 * Definitions that a PUT gives whole but GET returns as a reference (`{ "id": … }`): a connection's gateways (the
 * REST API's VirtualNetworkGatewayConnection returns `virtualNetworkGateway1: { id }`). Their required keys are not
 * required here.
 */
const REFERENCED: Readonly<Record<string, readonly string[]>> = {
  'Microsoft.Network.NRP.json': ['VirtualNetworkGateway', 'LocalNetworkGateway'],
};

type Schema = Record<string, unknown>;
const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Closes every object schema below `node` (in place), letting through the read-only keys and `getOnly`. */
function close(node: unknown, getOnly: readonly string[]): void {
  if (Array.isArray(node)) {
    for (const n of node) close(n, []);
    return;
  }
  if (!isSchema(node)) return;
  for (const key of ['items', 'not']) close(node[key], []);
  for (const key of ['oneOf', 'anyOf', 'allOf']) close(node[key], []);
  if (isSchema(node.additionalProperties)) close(node.additionalProperties, []);
  const properties = node.properties;
  if (!isSchema(properties)) return;
  for (const value of Object.values(properties)) close(value, []);
  if (node.additionalProperties !== undefined) return;
  for (const key of [...READ_ONLY, ...getOnly]) if (!(key in properties)) properties[key] = {};
  node.additionalProperties = false;
}

/** The ajv schema ID of each type's definition, by lower-case type (`microsoft.network/virtualnetworks`). */
const refOfType = new Map<string, string>();
const ajv = new Ajv({ strict: false, allErrors: false, validateFormats: false });
for (const dir of SCHEMA_DIRS)
  for (const version of readdirSync(dir, { withFileTypes: true })) {
    if (!version.isDirectory()) continue;
    for (const file of readdirSync(join(dir, version.name))) {
      const schema = JSON.parse(readFileSync(join(dir, version.name, file), 'utf8')) as Schema & { id: string };
      const getOnly = GET_ONLY[file] ?? {};
      for (const [name, definition] of Object.entries(isSchema(schema.definitions) ? schema.definitions : {})) {
        close(definition, getOnly[name] ?? []);
        if (isSchema(definition) && REFERENCED[file]?.includes(name)) delete definition.required;
      }
      const resources = isSchema(schema.resourceDefinitions) ? schema.resourceDefinitions : {};
      for (const [name, definition] of Object.entries(resources)) {
        close(definition, []);
        const type = (isSchema(definition) && isSchema(definition.properties) ? definition.properties.type : {}) as {
          enum?: string[];
        };
        for (const t of type.enum ?? []) refOfType.set(t.toLowerCase(), `${schema.id}/resourceDefinitions/${name}`);
      }
      ajv.addSchema(schema);
    }
  }
/** The API version of the schema a type is checked against (the only one copied for its provider). */
function apiVersionOf(ref: string): string {
  return /schemas\/([^/]+)\//.exec(ref)?.[1] ?? '';
}

/**
 * What doesn't fit the schema of the resource's type: an empty list when it fits. The resource is checked as a
 * template would declare it (its `apiVersion` added), its read-only keys let through.
 */
export function schemaProblems(resource: ArmResource): string[] {
  const ref = refOfType.get(resource.type.toLowerCase());
  if (ref === undefined) return [`${resource.type}: no schema for this type`];
  const validate = ajv.getSchema(ref);
  if (validate === undefined) return [`${resource.type}: schema ${ref} not found`];
  if (validate({ ...resource, apiVersion: apiVersionOf(ref) })) return [];
  return (validate.errors ?? []).map((e) => {
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    const what = `${e.message ?? 'does not fit'}${extra === undefined ? '' : ` (${extra})`}`;
    return `${resource.type} ${resource.name}${e.instancePath}: ${what}`;
  });
}
