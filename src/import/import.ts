/**
 * Import: what is deployed, read into a format-2 plan. Every object is marked existing, names, resource groups and
 * subscriptions are kept as Azure gave them, and whatever the plan has no place for is listed (`notModelled`) rather
 * than dropped. The result is read by the plan's own schema, so an import can never hand the page a plan that the
 * plan file reader would refuse.
 */
import { AZURE_DNS_IP, HA_MODES, PLANNER_LIMITS, POSTGRES_VERSIONS } from '../domain/azure';
import {
  PLAN_FORMAT_VERSION,
  PlanDocumentSchema,
  type Appliance,
  type DnsSetting,
  type FirewallRule,
  type NsgRule,
  type OnPremises,
  type Peering,
  type RouteTable,
  type Subnet,
} from '../domain/plan';
import { normalizeRegion } from '../domain/regions';
import { formatBytes } from '../share/errors';
import { findJsonSyntaxError } from '../share/json-error';
import { idKey, isType, lastName, parentId, parseArmId } from './arm-id';
import { collectResources } from './collect';
import type { ArmResource, ImportResult, NotModelled, Skipped } from './types';

const T = {
  server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  firewallRule: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
  configuration: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
  endpointConnection: 'Microsoft.DBforPostgreSQL/flexibleServers/privateEndpointConnections',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  routeTable: 'Microsoft.Network/routeTables',
  zone: 'Microsoft.Network/privateDnsZones',
  zoneLink: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  firewall: 'Microsoft.Network/azureFirewalls',
  gateway: 'Microsoft.Network/virtualNetworkGateways',
  localGateway: 'Microsoft.Network/localNetworkGateways',
  inboundEndpoint: 'Microsoft.Network/dnsResolvers/inboundEndpoints',
} as const;

/** Types the importer reads into the plan (or reads to work something out); other types are listed as not modelled. */
const READ_TYPES = new Set(
  [
    T.server,
    T.firewallRule,
    T.configuration,
    T.vnet,
    T.subnet,
    T.peering,
    T.nsg,
    T.routeTable,
    T.zone,
    T.zoneLink,
    T.firewall,
    T.gateway,
    T.localGateway,
    T.inboundEndpoint,
  ].map((t) => t.toLowerCase()),
);

/**
 * The firewall rule Azure writes for "Allow public access from any Azure service within Azure to this server":
 * start and end 0.0.0.0 (facts §1.7).
 */
const AZURE_SERVICES_ADDRESS = '0.0.0.0';

/** The server parameters the plan's TLS settings are (facts §1.8: require_secure_transport, ssl_*_protocol_version). */
const TLS_PARAMETERS = ['require_secure_transport', 'ssl_min_protocol_version', 'ssl_max_protocol_version'];

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const props = (r: ArmResource | undefined): Record<string, unknown> => (isRecord(r?.properties) ? r.properties : {});
const refId = (v: unknown): string => (isRecord(v) ? str(v.id) : '');

export interface ImportOptions {
  /** The server to import when the input holds several (its name, in any case). */
  readonly server?: string;
}

/** Reads a deployment from text: a JSON syntax error is reported with its line and column. Never throws. */
export function importDeployed(text: string, options: ImportOptions = {}): ImportResult {
  if (text.length > PLANNER_LIMITS.importLength)
    return {
      ok: false,
      message:
        `The file is ${formatBytes(text.length)}; the planner imports up to ` +
        `${formatBytes(PLANNER_LIMITS.importLength)}. ` +
        'Collect less: run the inventory script with a smaller --depth, or for the server alone.',
    };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: 'The file is empty.' };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const where = findJsonSyntaxError(body);
    return {
      ok: false,
      message:
        where === null
          ? `Not valid JSON (${e instanceof Error ? e.message : String(e)}).`
          : `Not valid JSON at line ${where.line}, column ${where.column}: ${where.message}. ` +
            'Was the file cut short while it was copied or downloaded?',
    };
  }
  return importDeployedValue(value, options);
}

/** The import's working state: the resources by ID and what has been said about them. */
class Reading {
  readonly byId = new Map<string, ArmResource>();
  readonly notModelled: NotModelled[] = [];
  readonly skipped: Skipped[];
  readonly warnings: string[];
  readonly resourceIds: Record<string, string> = {};
  /** Keys of resources the plan took in (or that were read to work something out). */
  readonly used = new Set<string>();

  constructor(resources: readonly ArmResource[], skipped: Skipped[], warnings: string[]) {
    for (const r of resources) this.byId.set(idKey(r.id), r);
    this.skipped = skipped;
    this.warnings = warnings;
  }

  get(id: string): ArmResource | undefined {
    const r = id === '' ? undefined : this.byId.get(idKey(id));
    if (r !== undefined) this.used.add(idKey(r.id));
    return r;
  }

  ofType(type: string): ArmResource[] {
    return [...this.byId.values()].filter((r) => isType(r.type, type));
  }

  /** Records that the plan object at `path` is the resource `id`. */
  mark(path: string, id: string): void {
    this.resourceIds[path] = id;
    this.used.add(idKey(id));
  }

  notHeld(resource: ArmResource, what: string, why: string): void {
    this.notModelled.push({ resourceId: resource.id, type: resource.type, what, why });
  }
}

/**
 * The IP configurations of a resource: Azure Firewall and gateways nest each under `properties`
 * (`properties.privateIPAddress`, `properties.subnet`), DNS resolver endpoints don't (`privateIpAddress`, `subnet`), as
 * Microsoft's example responses show (reference/rest-examples).
 */
function ipConfigurations(resource: ArmResource): { subnet: string; ip: string }[] {
  const configs = props(resource).ipConfigurations;
  if (!Array.isArray(configs)) return [];
  return configs.filter(isRecord).map((c) => {
    const inner = isRecord(c.properties) ? c.properties : c;
    return { subnet: refId(inner.subnet), ip: str(inner.privateIPAddress) || str(inner.privateIpAddress) };
  });
}

const configuredSubnets = (resource: ArmResource): string[] => ipConfigurations(resource).map((c) => c.subnet);
const privateIpOf = (resource: ArmResource): string => ipConfigurations(resource).find((c) => c.ip !== '')?.ip ?? '';

const vnetOfSubnet = (subnetId: string): string => parentId(subnetId) ?? '';

/** The subnets of a VNet: its nested ones and any listed on their own. */
function subnetsOf(reading: Reading, vnetId: string): ArmResource[] {
  const key = idKey(vnetId);
  return reading.ofType(T.subnet).filter((s) => idKey(vnetOfSubnet(s.id)) === key);
}

const prefixOf = (subnet: ArmResource): string =>
  str(props(subnet).addressPrefix) || (strings(props(subnet).addressPrefixes)[0] ?? '');

function dnsSetting(reading: Reading, vnet: ArmResource): DnsSetting {
  const servers = strings(
    isRecord(props(vnet).dhcpOptions) ? (props(vnet).dhcpOptions as Record<string, unknown>).dnsServers : [],
  );
  if (servers.length === 0) return { kind: 'azure' };
  // A DNS Private Resolver's inbound endpoint answers with Azure DNS (private-endpoint-facts.md §3.2, §3.3: the
  // resolver uses 168.63.129.16); any other server's forwarding can't be seen from Azure.
  const resolverIps = new Set(
    reading
      .ofType(T.inboundEndpoint)
      .map(privateIpOf)
      .filter((ip) => ip !== ''),
  );
  for (const endpoint of reading.ofType(T.inboundEndpoint))
    if (resolverIps.has(privateIpOf(endpoint))) reading.get(endpoint.id);
  const unknown = servers.filter((ip) => !resolverIps.has(ip) && ip !== AZURE_DNS_IP);
  if (unknown.length > 0)
    reading.warnings.push(
      `VNet ${vnet.name} uses the DNS server${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}. Whether ` +
        `${unknown.length === 1 ? 'it forwards' : 'they forward'} to Azure DNS (${AZURE_DNS_IP}) can't be seen from ` +
        'Azure: the plan says it does not; check the server and tick "forwards to Azure DNS" if it does.',
    );
  return { kind: 'custom', servers, forwardsToAzureDns: unknown.length === 0 };
}

/** The Azure Firewall in a VNet, as the VNet's appliance. */
function applianceOf(reading: Reading, vnetId: string): Appliance | null {
  const key = idKey(vnetId);
  const firewall = reading
    .ofType(T.firewall)
    .find((f) => configuredSubnets(f).some((s) => idKey(vnetOfSubnet(s)) === key));
  if (firewall === undefined) return null;
  reading.get(firewall.id);
  reading.notHeld(
    firewall,
    'properties (rule collections, policy)',
    "The plan holds the firewall's private IP as a next hop; its rules are not checked: confirm they allow " +
      'PostgreSQL (TCP 5432) between the networks that go through it.',
  );
  return { kind: 'azureFirewall', name: firewall.name, privateIp: privateIpOf(firewall) };
}

/** Properties of a subnet that the plan has no place for. */
function subnetExtras(reading: Reading, subnet: ArmResource): void {
  const p = props(subnet);
  if (Array.isArray(p.serviceEndpoints) && p.serviceEndpoints.length > 0)
    reading.notHeld(subnet, 'properties.serviceEndpoints', 'Service endpoints are not part of the plan.');
  if (refId(p.natGateway) !== '')
    reading.notHeld(subnet, 'properties.natGateway', 'NAT gateways are not part of the plan (outbound traffic only).');
}

function nsgRule(rule: Record<string, unknown>): NsgRule {
  const p = isRecord(rule.properties) ? rule.properties : {};
  const list = (one: string, many: string) => {
    const all = strings(p[many]);
    return all.length > 0 ? all : str(p[one]) !== '' ? [str(p[one])] : ['*'];
  };
  const asgs = (key: string) =>
    Array.isArray(p[key]) ? (p[key] as unknown[]).map((a) => lastName(refId(a))).filter((n) => n !== '') : [];
  const protocol = str(p.protocol);
  return {
    name: str(rule.name),
    priority: typeof p.priority === 'number' ? p.priority : 0,
    direction: str(p.direction) === 'Outbound' ? 'Outbound' : 'Inbound',
    access: str(p.access) === 'Deny' ? 'Deny' : 'Allow',
    protocol:
      (['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*'] as const).find((x) => x.toLowerCase() === protocol.toLowerCase()) ??
      '*',
    sourceAddresses: list('sourceAddressPrefix', 'sourceAddressPrefixes'),
    sourcePorts: list('sourcePortRange', 'sourcePortRanges'),
    destinationAddresses: list('destinationAddressPrefix', 'destinationAddressPrefixes'),
    destinationPorts: list('destinationPortRange', 'destinationPortRanges'),
    sourceAsgs: asgs('sourceApplicationSecurityGroups'),
    destinationAsgs: asgs('destinationApplicationSecurityGroups'),
    description: str(p.description),
  };
}

/** The NSG on the delegated subnet, with its own rules (the default rules are Azure's, in every NSG). */
function nsgOf(reading: Reading, subnet: ArmResource | undefined, path: string) {
  const id = refId(props(subnet).networkSecurityGroup);
  if (id === '') return null;
  const nsg = reading.get(id);
  reading.mark(path, id);
  if (nsg === undefined) {
    reading.skipped.push({
      resourceId: id,
      reason: "The delegated subnet's NSG is not in the input: its name is kept, its rules are unknown.",
    });
    return { name: lastName(id), rules: [] };
  }
  const rules = props(nsg).securityRules;
  return { name: nsg.name, rules: Array.isArray(rules) ? rules.filter(isRecord).map(nsgRule) : [] };
}

/** The VNet links of the zone, by the linked VNet's key. */
function zoneLinks(reading: Reading, zoneId: string): Set<string> {
  const key = idKey(zoneId);
  const linked = new Set<string>();
  for (const link of reading.ofType(T.zoneLink)) {
    if (idKey(parentId(link.id) ?? '') !== key) continue;
    reading.get(link.id);
    const vnet = refId(props(link).virtualNetwork);
    if (vnet !== '') linked.add(idKey(vnet));
    if (props(link).registrationEnabled === true)
      reading.notHeld(
        link,
        'properties.registrationEnabled',
        'Auto-registration of VM records is not part of the plan.',
      );
  }
  return linked;
}

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

/** What the plan holds of a VNet: from the VNet resource when the input has it, else its name from the ID. */
function vnetFacts(reading: Reading, id: string, linked: Set<string>, except: string): VnetFacts {
  const vnet = reading.get(id);
  const parts = parseArmId(id);
  const subnets = subnetsOf(reading, id)
    .filter((s) => idKey(s.id) !== idKey(except))
    .map((s) => {
      reading.get(s.id);
      subnetExtras(reading, s);
      return { name: s.name, prefix: prefixOf(s) };
    });
  const addressSpace = isRecord(props(vnet).addressSpace) ? (props(vnet).addressSpace as Record<string, unknown>) : {};
  return {
    id,
    name: vnet?.name ?? lastName(id),
    region: normalizeRegion(str(vnet?.location)),
    resourceGroup: parts?.resourceGroup ?? '',
    subscription: parts?.subscription ?? '',
    addressSpaces: strings(addressSpace.addressPrefixes),
    dns: vnet === undefined ? { kind: 'azure' } : dnsSetting(reading, vnet),
    subnets,
    appliance: applianceOf(reading, id),
    zoneLink: linked.has(idKey(id)),
  };
}

/** The VNets reachable from `start` through peerings that the input holds, breadth first. */
function peeredVnetIds(reading: Reading, start: string): string[] {
  const order = [start];
  const seen = new Set([idKey(start)]);
  for (let i = 0; i < order.length; i += 1) {
    const from = idKey(order[i] as string);
    for (const peering of reading.ofType(T.peering)) {
      if (idKey(parentId(peering.id) ?? '') !== from) continue;
      const remote = refId(props(peering).remoteVirtualNetwork);
      if (remote === '' || seen.has(idKey(remote))) continue;
      seen.add(idKey(remote));
      order.push(remote);
    }
  }
  // VNets in the input that no peering reaches are read too: a client's VNet may not be peered at all.
  for (const vnet of reading.ofType(T.vnet))
    if (!seen.has(idKey(vnet.id))) {
      seen.add(idKey(vnet.id));
      order.push(vnet.id);
    }
  return order;
}

function peeringsOf(reading: Reading, vnetIds: readonly string[]): Peering[] {
  const keys = new Set(vnetIds.map(idKey));
  const out: Peering[] = [];
  for (const peering of reading.ofType(T.peering)) {
    const local = parentId(peering.id) ?? '';
    if (!keys.has(idKey(local))) continue;
    const p = props(peering);
    const remote = refId(p.remoteVirtualNetwork);
    reading.get(peering.id);
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

/** Route tables on the subnets of the plan's VNets: one entry per table and VNet (the plan ties a table to a VNet). */
function routeTablesOf(reading: Reading, vnetIds: readonly string[]): RouteTable[] {
  const tables = new Map<string, RouteTable>();
  for (const vnetId of vnetIds) {
    const vnetName = reading.get(vnetId)?.name ?? lastName(vnetId);
    for (const subnet of subnetsOf(reading, vnetId)) {
      const tableId = refId(props(subnet).routeTable);
      if (tableId === '') continue;
      const key = `${idKey(tableId)} ${idKey(vnetId)}`;
      let table = tables.get(key);
      if (table === undefined) {
        const resource = reading.get(tableId);
        if (resource === undefined)
          reading.skipped.push({
            resourceId: tableId,
            reason: `The route table on subnet ${subnet.name} is not in the input: its routes are unknown.`,
          });
        const routes = props(resource).routes;
        table = {
          name: resource?.name ?? lastName(tableId),
          vnet: vnetName,
          subnets: [],
          routes: (Array.isArray(routes) ? routes.filter(isRecord) : []).map((r) => {
            const rp = isRecord(r.properties) ? r.properties : {};
            const nextHop = str(rp.nextHopType);
            return {
              name: str(r.name),
              prefix: str(rp.addressPrefix),
              nextHop:
                (['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None'] as const).find(
                  (h) => h.toLowerCase() === nextHop.toLowerCase(),
                ) ?? 'None',
              nextHopIp: str(rp.nextHopIpAddress),
            };
          }),
        };
        tables.set(key, table);
        if (resource !== undefined && props(resource).disableBgpRoutePropagation === true)
          reading.notHeld(
            resource,
            'properties.disableBgpRoutePropagation',
            'Gateway route propagation is off on this table; the plan assumes the routes a gateway learns reach it.',
          );
      }
      table.subnets.push(subnet.name);
    }
  }
  return [...tables.values()];
}

/** Gateways in the plan's VNets, as on-premises sites (their ranges from local network gateways, when present). */
function sitesOf(reading: Reading, vnetIds: readonly string[]): OnPremises[] {
  const keys = new Set(vnetIds.map(idKey));
  const localRanges = reading.ofType(T.localGateway).flatMap((g) => {
    reading.get(g.id);
    const space = props(g).localNetworkAddressSpace;
    return strings(isRecord(space) ? space.addressPrefixes : []);
  });
  const sites: OnPremises[] = [];
  for (const gateway of reading.ofType(T.gateway)) {
    const vnetId = configuredSubnets(gateway)
      .map(vnetOfSubnet)
      .find((v) => keys.has(idKey(v)));
    if (vnetId === undefined) continue;
    reading.get(gateway.id);
    const expressRoute = str(props(gateway).gatewayType).toLowerCase() === 'expressroute';
    const ranges = expressRoute ? [] : localRanges;
    if (ranges.length === 0)
      reading.warnings.push(
        `Gateway ${gateway.name} connects on-premises networks whose address ranges the input doesn't hold: add them ` +
          `to the site "${gateway.name}" (Network step) so that on-premises clients can be checked.`,
      );
    sites.push({
      name: gateway.name,
      addressRanges: ranges,
      connection: expressRoute ? 'expressRoute' : 'vpn',
      gatewayVnet: reading.get(vnetId)?.name ?? lastName(vnetId),
      dnsForwarder: false,
    });
  }
  return sites;
}

function tlsOf(reading: Reading, serverId: string) {
  const key = idKey(serverId);
  const value = (name: string): string | null => {
    const c = reading
      .ofType(T.configuration)
      .find((r) => idKey(parentId(r.id) ?? '') === key && r.name.toLowerCase() === name);
    if (c === undefined) return null;
    reading.get(c.id);
    return str(props(c).value);
  };
  const tls = (v: string | null) =>
    (['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] as const).find((x) => x.toLowerCase() === (v ?? '').toLowerCase());
  const secure = value(TLS_PARAMETERS[0] as string);
  return {
    requireSecureTransport: secure === null ? true : secure.toLowerCase() !== 'off',
    minVersion: tls(value(TLS_PARAMETERS[1] as string)) ?? 'TLSv1.2',
    maxVersion: tls(value(TLS_PARAMETERS[2] as string)) ?? null,
  };
}

function firewallOf(reading: Reading, serverId: string): { rules: FirewallRule[]; azureServices: boolean } {
  const key = idKey(serverId);
  const rules: FirewallRule[] = [];
  let azureServices = false;
  for (const r of reading.ofType(T.firewallRule)) {
    if (idKey(parentId(r.id) ?? '') !== key) continue;
    reading.get(r.id);
    const start = str(props(r).startIpAddress);
    const end = str(props(r).endIpAddress);
    if (start === AZURE_SERVICES_ADDRESS && end === AZURE_SERVICES_ADDRESS) azureServices = true;
    else {
      reading.mark(`access.firewallRules.${rules.length}`, r.id);
      rules.push({ name: r.name, startIp: start, endIp: end });
    }
  }
  return { rules, azureServices };
}

/** The server to import: the only one, or the one named in the options. */
function pickServer(reading: Reading, wanted: string | undefined): ArmResource | string {
  const servers = reading.ofType(T.server);
  if (servers.length === 0) {
    const types = [...new Set([...reading.byId.values()].map((r) => r.type))].slice(0, 8);
    return (
      'The input holds no flexible server (Microsoft.DBforPostgreSQL/flexibleServers)' +
      (types.length > 0 ? `; it holds ${types.join(', ')}.` : '.') +
      ' Collect the server too (the inventory script does).'
    );
  }
  if (wanted !== undefined) {
    const found = servers.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    return found ?? `The input holds no server named "${wanted}"; it holds ${servers.map((s) => s.name).join(', ')}.`;
  }
  if (servers.length > 1)
    return `The input holds ${servers.length} servers (${servers.map((s) => s.name).join(', ')}): say which to import.`;
  return servers[0] as ArmResource;
}

/** Reads a deployment from parsed JSON. Never throws. */
export function importDeployedValue(value: unknown, options: ImportOptions = {}): ImportResult {
  const collected = collectResources(value);
  if (!collected.ok) return collected;
  const reading = new Reading(collected.resources, collected.skipped, [...collected.warnings]);
  const server = pickServer(reading, options.server);
  if (typeof server === 'string') return { ok: false, message: server };
  reading.mark('servers.0', server.id);
  const sp = props(server);
  const serverId = parseArmId(server.id);
  const ha = isRecord(sp.highAvailability) ? sp.highAvailability : {};
  const version = str(sp.version);
  if (version !== '' && !(POSTGRES_VERSIONS as readonly string[]).includes(version))
    reading.warnings.push(
      `Server ${server.name} runs PostgreSQL ${version}, which the planner doesn't list; 17 is shown.`,
    );
  const mode = HA_MODES.find((m) => m.toLowerCase() === str(ha.mode).toLowerCase()) ?? 'Disabled';
  const zone = (z: unknown) => (['1', '2', '3'] as const).find((x) => x === str(z)) ?? '';
  const network = isRecord(sp.network) ? sp.network : {};
  const doc: Record<string, unknown> = {
    formatVersion: PLAN_FORMAT_VERSION,
    name: `Deployed: ${server.name}`,
    servers: [
      {
        name: server.name,
        region: normalizeRegion(str(server.location)),
        ...((POSTGRES_VERSIONS as readonly string[]).includes(version) ? { version } : {}),
        highAvailability: mode,
        availabilityZone: zone(sp.availabilityZone),
        standbyAvailabilityZone: mode === 'ZoneRedundant' ? zone(ha.standbyAvailabilityZone) : '',
        resourceGroup: serverId?.resourceGroup ?? '',
        subscription: serverId?.subscription ?? '',
      },
    ],
    tls: tlsOf(reading, server.id),
    clients: [],
  };

  const delegatedId = str(network.delegatedSubnetResourceId);
  if (delegatedId === '') {
    const { rules, azureServices } = firewallOf(reading, server.id);
    doc.access = { mode: 'public', firewallRules: rules, allowAzureServices: azureServices };
    if (str(network.publicNetworkAccess).toLowerCase() === 'disabled')
      reading.notHeld(
        server,
        'properties.network.publicNetworkAccess',
        'Public network access is disabled: only private endpoints reach this server, and its firewall rules are not ' +
          'enforced (private-endpoint-facts.md §1.4). The plan does not model private endpoints yet.',
      );
  } else {
    doc.access = privateAccess(reading, server, delegatedId, str(network.privateDnsZoneArmResourceId));
  }
  for (const c of reading.ofType(T.endpointConnection))
    if (idKey(parentId(c.id) ?? '') === idKey(server.id))
      reading.notHeld(c, 'resource', 'Private endpoint connections are not part of the plan yet.');
  if (Array.isArray(sp.privateEndpointConnections) && sp.privateEndpointConnections.length > 0)
    reading.notHeld(
      server,
      'properties.privateEndpointConnections',
      `${sp.privateEndpointConnections.length} private endpoint connection(s): private endpoints are not part of the ` +
        'plan yet.',
    );
  for (const r of reading.byId.values()) {
    if (reading.used.has(idKey(r.id))) continue;
    if (!READ_TYPES.has(r.type.toLowerCase()))
      reading.notHeld(r, 'resource', `The plan has no place for a ${r.type} resource.`);
    else if (!isType(r.type, T.configuration))
      reading.notHeld(r, 'resource', `Not connected to server ${server.name}'s network in the input, so not read.`);
  }

  const parsed = PlanDocumentSchema.safeParse(doc);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      ok: false,
      message:
        `The deployment could not be read into a plan: ${issue?.message ?? 'unknown problem'}` +
        (issue && issue.path.length > 0 ? ` (at ${issue.path.join('.')}).` : '.'),
    };
  }
  return {
    ok: true,
    source: collected.source,
    plan: parsed.data,
    resourceIds: reading.resourceIds,
    notModelled: reading.notModelled,
    skipped: reading.skipped,
    warnings: reading.warnings,
  };
}

/** The private-access part of the plan: the server VNet, the delegated subnet, the zone and the VNets around them. */
function privateAccess(reading: Reading, server: ArmResource, delegatedId: string, zoneId: string) {
  const subnet = reading.get(delegatedId);
  const vnetId = vnetOfSubnet(delegatedId);
  if (subnet === undefined)
    reading.skipped.push({
      resourceId: delegatedId,
      reason: `Server ${server.name}'s delegated subnet is not in the input: its name is kept, its prefix is unknown.`,
    });
  if (reading.get(vnetId) === undefined)
    reading.skipped.push({
      resourceId: vnetId,
      reason: `Server ${server.name}'s VNet is not in the input: its name is kept, its address spaces are unknown.`,
    });
  const zoneParts = zoneId === '' ? null : parseArmId(zoneId);
  const linked = zoneId === '' ? new Set<string>() : zoneLinks(reading, zoneId);
  if (zoneId !== '') {
    reading.get(zoneId);
    reading.mark('access.privateDnsZone', zoneId);
  }
  const ids = peeredVnetIds(reading, vnetId);
  const [serverVnet, ...others] = ids.map((id) => vnetFacts(reading, id, linked, delegatedId));
  if (serverVnet === undefined) throw new Error('unreachable: the server VNet is the first of the list');
  reading.mark('access.vnet', vnetId);
  reading.mark('access.delegatedSubnet', delegatedId);
  if (subnet !== undefined) subnetExtras(reading, subnet);
  others.forEach((v, i) => reading.mark(`access.peeredVnets.${i}`, v.id));
  const delegations = props(subnet).delegations;
  const delegation = Array.isArray(delegations)
    ? str(isRecord(delegations[0]) ? props(delegations[0] as ArmResource).serviceName : '')
    : '';
  const otherTypes = [
    ...new Set(
      (Array.isArray(props(subnet).ipConfigurations) ? (props(subnet).ipConfigurations as unknown[]) : [])
        .map((c) => parseArmId(refId(c))?.type.split('/').slice(0, 2).join('/') ?? '')
        .filter((t) => t !== ''),
    ),
  ];
  return {
    mode: 'private',
    vnet: {
      name: serverVnet.name,
      region: serverVnet.region,
      resourceGroup: serverVnet.resourceGroup,
      existing: true,
      addressSpaces: serverVnet.addressSpaces,
      dns: serverVnet.dns,
      subnets: serverVnet.subnets,
      zoneLink: serverVnet.zoneLink,
      appliance: serverVnet.appliance,
    },
    delegatedSubnet: {
      name: subnet?.name ?? lastName(delegatedId),
      prefix: subnet === undefined ? '' : prefixOf(subnet),
      existing: true,
      existingDelegation: delegation === '' ? null : delegation,
      otherResourceTypes: otherTypes,
      nsg: nsgOf(reading, subnet, 'access.delegatedSubnet.nsg'),
    },
    privateDnsZone:
      zoneParts === null
        ? null
        : {
            name: zoneParts.names[0] ?? '',
            existing: true,
            resourceGroup: zoneParts.resourceGroup,
            subscription: zoneParts.subscription,
          },
    peeredVnets: others.map((v) => ({
      name: v.name,
      region: v.region,
      resourceGroup: v.resourceGroup,
      subscription: v.subscription,
      addressSpaces: v.addressSpaces,
      zoneLink: v.zoneLink,
      dns: v.dns,
      subnets: v.subnets,
      appliance: v.appliance,
    })),
    peerings: peeringsOf(reading, ids),
    routeTables: routeTablesOf(reading, ids),
    onPremises: sitesOf(reading, ids),
  };
}
