/**
 * Import: what is deployed, read into a format-2 plan. Every object is marked existing, names, resource groups and
 * subscriptions are kept as Azure gave them, and whatever the plan has no place for is listed (`notModelled`) rather
 * than dropped. The result goes through the plan's own reader, so an import can never hand the page a plan that the
 * plan file reader would refuse.
 */
import { PLANNER_LIMITS } from '../domain/azure';
import { newPublicAccess } from '../domain/new-plan';
import { readPlanDocument } from '../domain/parse';
import { PLAN_FORMAT_VERSION, type PlanInput, type PrivateAccess, type PublicAccess } from '../domain/plan';
import { formatBytes } from '../share/errors';
import { findJsonSyntaxError } from '../share/json-error';
import { isType, parseArmId } from './arm-id';
import { T } from './arm-types';
import { collectResources } from './collect';
import { listNotModelled } from './not-modelled';
import { zoneLinks, zoneOf } from './read-dns';
import { endpointNetwork } from './read-endpoints';
import { routeTablesOf } from './read-filters';
import { checkServerVnet, delegatedSubnetOf, peeringsOf, vnetFacts, vnetIds } from './read-network';
import { firewallOf, pickServer, serverOf, tlsOf } from './read-server';
import { sitesOf } from './read-sites';
import { isRecord, props, str, vnetOfSubnet, Reading } from './reading';
import { shapeProblem } from './shape';
import type { ArmResource, ImportFailure, ImportResult, Skipped } from './types';

/** Which of a document's resources the importer reads; the page asks it for the servers of a deployment. */
export { collectResources };

export interface ImportOptions {
  /** The server to import when the input holds several (its name, in any case). */
  readonly server?: string;
}

const fail = (message: string): ImportFailure => ({ ok: false, message });

/** Why the text isn't JSON, with the line and column where it goes wrong. */
function jsonFailure(body: string, error: unknown): ImportFailure {
  const where = findJsonSyntaxError(body);
  if (where === null) return fail(`Not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
  const cutShort = where.offset >= body.trimEnd().length || /never closed/.test(where.message);
  return fail(
    `Not valid JSON at line ${where.line}, column ${where.column}: ${where.message}.` +
      (cutShort ? ' Was it cut short while it was copied or downloaded?' : ''),
  );
}

/** Reads a deployment from text: too large a text is refused unread, a JSON syntax error is placed. Never throws. */
export function importDeployed(text: string, options: ImportOptions = {}): ImportResult {
  if (text.length > PLANNER_LIMITS.importLength)
    return fail(
      `The file is ${formatBytes(text.length)}; the planner imports deployments up to ` +
        `${formatBytes(PLANNER_LIMITS.importLength)}, so it was not read. For an inventory bundle, collect fewer ` +
        'VNets: run the inventory script with a smaller --depth.',
    );
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail('The file is empty.');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    return jsonFailure(body, e);
  }
  return importDeployedValue(value, options);
}

/** The resources the importer can read; the others are listed as skipped, with the reason. */
function readable(resources: readonly ArmResource[]): { resources: ArmResource[]; skipped: Skipped[] } {
  const ok: ArmResource[] = [];
  const skipped: Skipped[] = [];
  for (const r of resources) {
    const problem = shapeProblem(r);
    // The server's own problem is the import's failure (pickServer), not a skipped resource.
    if (problem === null || isType(r.type, T.server)) ok.push(r);
    else skipped.push({ resourceId: r.id, reason: problem });
  }
  return { resources: ok, skipped };
}

/** Reads a deployment from parsed JSON. Never throws. */
export function importDeployedValue(value: unknown, options: ImportOptions = {}): ImportResult {
  const collected = collectResources(value);
  if (!collected.ok) return collected;
  const { resources, skipped } = readable(collected.resources);
  const reading = new Reading(resources, [...collected.skipped, ...skipped], collected.warnings);
  const server = pickServer(reading, collected.resources, options.server);
  if (typeof server === 'string') return fail(server);
  if (collected.source === 'armTemplate')
    reading.warn(
      "The template doesn't name the subscription and resource group it was exported from: the plan leaves them " +
        'empty for the resources it holds, which stands for those it is deployed to.',
    );
  const access = accessOf(reading, server);
  if (typeof access === 'string') return fail(access);
  const doc: PlanInput = {
    formatVersion: PLAN_FORMAT_VERSION,
    name: `Deployed: ${server.name}`,
    servers: [serverOf(reading, server)],
    access,
    tls: tlsOf(reading, server),
    clients: [],
  };
  listNotModelled(reading, server);
  const read = readPlanDocument(doc);
  if (!read.ok) return fail(`The deployment could not be read into a plan: ${read.error.message}`);
  return {
    ok: true,
    source: collected.source,
    plan: read.plan,
    resourceIds: reading.resourceIds,
    notModelled: reading.notModelled,
    skipped: reading.skipped,
    warnings: reading.warnings,
  };
}

/** The server's access: private when it names a delegated subnet, else public; or why it can't be read. */
function accessOf(reading: Reading, server: ArmResource): PrivateAccess | PublicAccess | string {
  const network = props(server).network;
  const fields = isRecord(network) ? network : {};
  const delegatedId = str(fields.delegatedSubnetResourceId);
  return delegatedId === ''
    ? publicAccess(reading, server, fields)
    : privateAccess(reading, server, delegatedId, str(fields.privateDnsZoneArmResourceId));
}

/** Public access: the firewall rules, "allow Azure services", and the private endpoints with their network. */
function publicAccess(reading: Reading, server: ArmResource, network: Record<string, unknown>): PublicAccess {
  const { rules, azureServices } = firewallOf(reading, server);
  // With public network access disabled, only private endpoints reach the server and its firewall rules are not
  // enforced (private-endpoint-facts.md §1.4): the plan holds the switch, and PGN-224 says what it means.
  const publicNetworkAccess = str(network.publicNetworkAccess).toLowerCase() !== 'disabled';
  return {
    ...newPublicAccess(),
    firewallRules: rules,
    allowAzureServices: azureServices,
    publicNetworkAccess,
    ...endpointNetwork(reading, server),
  };
}

/**
 * Private access: the server VNet and its delegated subnet, the zone and its links, the VNets around them with their
 * peerings, route tables and gateways; or why there is none (the delegated subnet isn't named by a subnet's ID).
 */
function privateAccess(
  reading: Reading,
  server: ArmResource,
  subnetId: string,
  zoneId: string,
): PrivateAccess | string {
  if (!isType(parseArmId(subnetId)?.type, T.subnet))
    return (
      `Server ${server.name}'s delegated subnet "${subnetId}" is not a subnet's resource ID ` +
      '(/subscriptions/…/resourceGroups/…/providers/Microsoft.Network/virtualNetworks/…/subnets/…), so its VNet is ' +
      'unknown.'
    );
  const vnetId = vnetOfSubnet(subnetId);
  checkServerVnet(reading, vnetId, server.name);
  const delegatedSubnet = delegatedSubnetOf(reading, subnetId, server.name);
  const privateDnsZone = zoneOf(reading, zoneId, server.name);
  const linked = privateDnsZone === null ? new Set<string>() : zoneLinks(reading, zoneId);
  const ids = vnetIds(reading, vnetId);
  const [own, ...others] = ids.map((id, i) =>
    vnetFacts(reading, id, linked, subnetId, i === 0 ? 'access.vnet' : `access.peeredVnets.${i - 1}`),
  );
  if (own === undefined) throw new Error('unreachable: the server VNet is the first of the list');
  const { id: _ownId, subscription: _ownSubscription, ...vnet } = own;
  return {
    mode: 'private',
    vnet: { ...vnet, existing: true },
    delegatedSubnet,
    privateDnsZone,
    peeredVnets: others.map(({ id: _id, ...v }) => v),
    peerings: peeringsOf(reading, ids),
    routeTables: routeTablesOf(reading, ids),
    onPremises: sitesOf(reading, ids),
  };
}
