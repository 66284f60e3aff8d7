/**
 * Whether a resource of a type the importer reads has the shape ARM's GET returns for it: `properties`, and in it the
 * fields the plan is built from (facts §2.2–2.5; the keys of Microsoft's example responses, reference rest-examples).
 * A resource without them (a Resource Graph row that projects only some columns, a part of a JSON view, a shape of an
 * API version the planner doesn't know) is skipped with the reason, rather than read as empty.
 */
import { READ_TYPES, T } from './arm-types';
import { isRecord, str } from './reading';
import type { ArmResource } from './types';

type Kind = 'text' | 'list' | 'reference';

/** The fields under `properties` that a resource of each type must have, and what each must be. */
const REQUIRED: Readonly<Record<string, readonly (readonly [path: string, kind: Kind])[]>> = {
  [T.firewallRule]: [
    ['startIpAddress', 'text'],
    ['endIpAddress', 'text'],
  ],
  [T.configuration]: [['value', 'text']],
  [T.vnet]: [['addressSpace.addressPrefixes', 'list']],
  [T.peering]: [['remoteVirtualNetwork', 'reference']],
  [T.securityRule]: [
    ['direction', 'text'],
    ['access', 'text'],
  ],
  [T.route]: [
    ['addressPrefix', 'text'],
    ['nextHopType', 'text'],
  ],
  [T.zoneLink]: [['virtualNetwork', 'reference']],
  [T.firewall]: [['ipConfigurations', 'list']],
  [T.gateway]: [['ipConfigurations', 'list']],
  [T.connection]: [['virtualNetworkGateway1', 'reference']],
  [T.inboundEndpoint]: [['ipConfigurations', 'list']],
  [T.endpoint]: [['subnet', 'reference']],
};
const REQUIRED_BY_TYPE = new Map(Object.entries(REQUIRED).map(([type, fields]) => [type.toLowerCase(), fields]));

function at(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) current = isRecord(current) ? current[key] : undefined;
  return current;
}

const fits = (value: unknown, kind: Kind): boolean =>
  kind === 'text'
    ? typeof value === 'string'
    : kind === 'list'
      ? Array.isArray(value)
      : isRecord(value) && str(value.id) !== '';

const NOUN: Readonly<Record<Kind, string>> = { text: 'text', list: 'a list', reference: 'a reference ({ "id": … })' };

/** Why a resource of a type the importer reads can't be read, or null when it can. */
export function shapeProblem(resource: ArmResource): string | null {
  const type = resource.type.toLowerCase();
  if (!READ_TYPES.has(type)) return null;
  if (!isRecord(resource.properties))
    return (
      'It has no "properties", so its settings are unknown: copy the whole resource (a Resource Graph query ' +
      'must return the properties column).'
    );
  if (type === T.subnet.toLowerCase()) return subnetProblem(resource.properties);
  const wrong = (REQUIRED_BY_TYPE.get(type) ?? []).find(([path, kind]) => !fits(at(resource.properties, path), kind));
  if (wrong === undefined) return null;
  const [path, kind] = wrong;
  return (
    `Its properties.${path} is missing or not ${NOUN[kind]}, which ARM's GET returns for a ${resource.type}: ` +
    'the resource was copied in part, or has the shape of an API version the planner does not read.'
  );
}

function subnetProblem(properties: Record<string, unknown>): string | null {
  if (typeof properties.addressPrefix === 'string' || Array.isArray(properties.addressPrefixes)) return null;
  return (
    "It has neither properties.addressPrefix nor properties.addressPrefixes, one of which ARM's GET returns for a " +
    'subnet: the resource was copied in part, or has the shape of an API version the planner does not read.'
  );
}
