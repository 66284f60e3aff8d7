/**
 * The deployment as ARM-shaped resources, shared by the ARM and Bicep writers. Resources that
 * live in the deployment's resource group are top level; the others are grouped, per resource
 * group and phase (route tables, network, then DNS and the other VNets' peerings, then gateway-using peerings, then
 * servers), into nested deployments (ARM) or modules (Bicep). Phases keep the groups' dependencies acyclic. An
 * existing subnet the deployment changes (the delegated subnet; one that gets a route table) is a group of its own.
 * Operations on one VNet (its subnets, its peerings) run one after the other, on the server VNet and on the others.
 */
import {
  API_VERSIONS,
  CONFIGURATION_SOURCE,
  DEPLOYMENT_NAME_MAX,
  POSTGRES_DELEGATION_SERVICE,
  PRIVATE_LINK_GROUP_ID,
  PE_ZONE_GROUP,
  PRIVATE_DNS_LOCATION,
  STORAGE_SERVICE_ENDPOINT,
} from '../domain/azure';
import { peIpConfigName, zoneConfigName } from '../domain/resource-names';
import type { NsgRule } from '../domain/plan';
import { call, childName, cmp, cond, Ex, lambda, lit, param, prop, type Val } from './ir';
import {
  locationDescription,
  type ExportModel,
  type Loc,
  type ModelPeering,
  type ModelPrivate,
  type ModelPublic,
  type ModelRouteTable,
  type VnetRef,
} from './model';
import { SERVER_DEFAULTS } from './versions';

export interface TemplateParam {
  name: string;
  type: 'string' | 'securestring' | 'int';
  description: string;
  defaultValue?: Val;
  allowedValues?: string[];
}

export interface TemplateResource {
  /** Symbolic name (Bicep), unique in the template. */
  sym: string;
  type: string;
  apiVersion: string;
  name: Val;
  /** Everything else: location, sku, properties. */
  body: Record<string, Val>;
  /** Symbolic names this resource depends on. */
  deps: string[];
  /** Full resource ID, with explicit subscription and resource group. */
  id: Ex;
  group: string;
}

interface TemplateOutput {
  name: string;
  value: Ex;
}

export interface TemplateGroup {
  key: string;
  /** Deployment (ARM) / module (Bicep) name; '' for the top level. */
  deployment: string;
  /** Bicep symbolic name of the module. */
  sym: string;
  loc: Loc;
  resources: TemplateResource[];
  outputs: TemplateOutput[];
  /**
   * An existing subnet updated in place: the group takes the live subnet's properties as the object parameter
   * `param`, read where the group is deployed from (ARM: `reference(id)` in the parameter's value; Bicep: an
   * `existing` resource's `properties`), and writes them back with the plan's changes (`union`).
   */
  live?: LiveSubnet;
}

export interface LiveSubnet {
  param: string;
  id: Ex;
  vnet: string;
  subnet: string;
  loc: Loc;
  apiVersion: string;
  /** Bicep: the symbolic names of the `existing` VNet (one per VNet, shared) and subnet that read it. */
  syms: { vnet: string; subnet: string };
}

export interface DeploymentTemplate {
  model: ExportModel;
  params: TemplateParam[];
  top: TemplateGroup;
  nested: TemplateGroup[];
  /** Top-level resources (symbols) and nested groups in creation order, for readable output. */
  order: (string | TemplateGroup)[];
  outputs: TemplateOutput[];
}

/** Route tables come first: subnets refer to them, and they refer to nothing. */
/** Private endpoints go last: they connect to the servers. */
const PHASES = ['routes', 'network', 'dns', 'gateway', 'servers', 'endpoints'] as const;
type Phase = (typeof PHASES)[number];

export const DELEGATION_NAME = 'dlg-Microsoft.DBforPostgreSQL-flexibleServers';

const T = {
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  routeTable: 'Microsoft.Network/routeTables',
  zone: 'Microsoft.Network/privateDnsZones',
  link: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  configuration: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
  firewallRule: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
  endpoint: 'Microsoft.Network/privateEndpoints',
  zoneGroup: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
} as const;

/** The parameter that names the resource group the deployment targets (default: `resourceGroup().name`). */
const DEPLOYMENT_RG = 'resourceGroupName';

/**
 * A resource's ID, from the same subscription parameter and resource group the resource is deployed to: the
 * deployment's own group is the `resourceGroupName` parameter (its default is the group the template is deployed
 * to), never the plan's name for it, so that the template deploys to another group too.
 */
type IdOf = (loc: Loc, type: string, ...names: (Ex | string)[]) => Ex;

/** The resource group a nested deployment goes to: the `resourceGroupName` parameter for the deployment's own. */
export const groupRg = (model: ExportModel, loc: Loc): Ex | string =>
  loc.rg === '' || (loc.sub.primary && loc.rg === model.primaryRg) ? param(DEPLOYMENT_RG) : loc.rg;
const idsFor =
  (model: ExportModel): IdOf =>
  (loc, type, ...names) =>
    call('resourceId', param(loc.sub.param), groupRg(model, loc), type, ...names);

/** The NSG rule's properties in the ARM shape; ASG references are never written (facts §1.6). */
function securityRule(rule: NsgRule): Val {
  const props: Record<string, Val> = {
    priority: rule.priority,
    direction: rule.direction,
    access: rule.access,
    protocol: rule.protocol,
  };
  const pair = (single: string, plural: string, values: readonly string[], fallback: string) => {
    const list = values.length === 0 ? [fallback] : values;
    if (list.length === 1) props[single] = list[0] as string;
    else props[plural] = [...list];
  };
  pair('sourceAddressPrefix', 'sourceAddressPrefixes', rule.sourceAddresses, '*');
  pair('sourcePortRange', 'sourcePortRanges', rule.sourcePorts, '*');
  pair('destinationAddressPrefix', 'destinationAddressPrefixes', rule.destinationAddresses, '*');
  pair('destinationPortRange', 'destinationPortRanges', rule.destinationPorts, '*');
  if (rule.description !== '') props.description = rule.description;
  return { name: rule.name, properties: props };
}

function serverParamName(index: number): string {
  return index === 0 ? 'serverName' : `serverName${index + 1}`;
}
function serverOutputPrefix(index: number): string {
  return index === 0 ? 'server' : `server${index + 1}`;
}

/** A resource while the template is built: the resource itself, its phase and where it lives. */
interface Pending {
  resource: TemplateResource;
  loc: Loc;
  /** What the resource is called in the plan (a deployment holding it is named after it). */
  label: string;
  /** A group of its own (the existing subnet's update), whatever its resource group. */
  own?: LiveSubnet;
}

export function buildTemplate(model: ExportModel): DeploymentTemplate {
  const params: TemplateParam[] = [];
  const byPhase: Record<Phase, Pending[]> = {
    routes: [],
    network: [],
    dns: [],
    gateway: [],
    servers: [],
    endpoints: [],
  };
  const isTop = (loc: Loc) => loc.sub.primary && loc.rg === model.primaryRg;
  const resourceId = idsFor(model);

  params.push({
    name: 'location',
    type: 'string',
    description: locationDescription(model),
    defaultValue: model.location,
  });
  for (const sub of model.subscriptions) {
    params.push({
      name: sub.param,
      type: 'string',
      description: sub.primary
        ? `Subscription ID of ${sub.purpose} (default: the ` +
          `deployment's${sub.value !== '' ? `; the plan says ${sub.value}` : ''}).`
        : `Subscription ID of ${sub.purpose} (the plan says ${sub.value}).`,
      defaultValue: sub.primary ? prop(call('subscription'), 'subscriptionId') : sub.value,
    });
  }
  params.push({
    name: DEPLOYMENT_RG,
    type: 'string',
    description:
      model.primaryRg === ''
        ? "Resource group for resources the plan gives no resource group (default: the deployment's)."
        : `Resource group the deployment targets, for the resources the plan puts in ${model.primaryRg} ` +
          "(default: the deployment's).",
    defaultValue: prop(call('resourceGroup'), 'name'),
  });
  model.servers.forEach((s) => {
    params.push({
      name: serverParamName(s.index),
      type: 'string',
      description: `Name of server ${s.index + 1} (globally unique; becomes <name>.postgres.database.azure.com).`,
      defaultValue: s.name,
    });
  });
  params.push(
    { name: 'skuName', type: 'string', description: 'Compute size.', defaultValue: SERVER_DEFAULTS.skuName },
    {
      name: 'skuTier',
      type: 'string',
      description: 'Compute tier (high availability needs GeneralPurpose or MemoryOptimized).',
      defaultValue: SERVER_DEFAULTS.skuTier,
      allowedValues: ['Burstable', 'GeneralPurpose', 'MemoryOptimized'],
    },
    {
      name: 'storageSizeGB',
      type: 'int',
      description: 'Storage size in GiB.',
      defaultValue: SERVER_DEFAULTS.storageSizeGB,
    },
    {
      name: 'administratorLogin',
      type: 'string',
      description: 'Administrator login name.',
      defaultValue: SERVER_DEFAULTS.administratorLogin,
    },
    {
      name: 'administratorLoginPassword',
      type: 'securestring',
      description: 'Administrator password (never stored in the template).',
    },
  );

  const add: Adder = (r) => {
    byPhase[r.phase].push({
      label: r.label,
      ...(r.own ? { own: r.own } : {}),
      resource: {
        sym: r.sym,
        type: r.type,
        apiVersion: r.apiVersion,
        name: r.name,
        body: r.body,
        deps: r.deps,
        id: r.id,
        group: '',
      },
      loc: r.loc,
    });
  };

  const serverDeps: string[] = [];
  let network: { subnetId: Ex; zoneId: Ex } | null = null;
  if (model.access.mode === 'private') {
    network = addPrivate(model.access, add, serverDeps, resourceId);
  }
  /** The last operation on each server (its last configuration or firewall rule): its endpoints wait for it. */
  const serverLast: string[] = [];

  model.servers.forEach((s, i) => {
    const name = param(serverParamName(s.index));
    const sym = `server${i + 1}`;
    const id = resourceId(s.loc, T.server, name);
    const properties: Record<string, Val> = {
      version: s.version,
      administratorLogin: param('administratorLogin'),
      administratorLoginPassword: param('administratorLoginPassword'),
      storage: { storageSizeGB: param('storageSizeGB') },
      ...(s.zone !== '' ? { availabilityZone: s.zone } : {}),
      highAvailability: {
        mode: s.highAvailability,
        ...(s.standbyZone !== '' ? { standbyAvailabilityZone: s.standbyZone } : {}),
      },
      network: network
        ? {
            delegatedSubnetResourceId: network.subnetId,
            privateDnsZoneArmResourceId: network.zoneId,
            publicNetworkAccess: 'Disabled',
          }
        : {
            publicNetworkAccess:
              model.access.mode === 'public' && !model.access.publicNetworkAccess ? 'Disabled' : 'Enabled',
          },
    };
    add({
      sym,
      type: T.server,
      apiVersion: API_VERSIONS.postgres,
      name,
      body: {
        // A public-access plan may place servers in several regions; each is created in its own.
        location: s.location === model.location ? param('location') : s.location,
        sku: { name: param('skuName'), tier: param('skuTier') },
        properties,
      },
      // Servers sharing a subnet are created one after the other.
      deps: i === 0 ? [...serverDeps] : [...serverDeps, `server${i}`],
      id,
      phase: 'servers',
      loc: s.loc,
      label: s.name,
    });
    // Operations on one server run one at a time (P11: "busy with another operation").
    let previous = sym;
    model.configurations.forEach((c, j) => {
      const csym = `${sym}Config${j + 1}`;
      add({
        sym: csym,
        type: T.configuration,
        apiVersion: API_VERSIONS.postgres,
        name: childName(name, c.name),
        body: { properties: { value: c.value, source: CONFIGURATION_SOURCE } },
        deps: [previous],
        id: resourceId(s.loc, T.configuration, name, c.name),
        phase: 'servers',
        loc: s.loc,
        label: c.name,
      });
      previous = csym;
    });
    if (model.access.mode === 'public') {
      model.access.firewallRules.forEach((r, j) => {
        const rsym = `${sym}Rule${j + 1}`;
        add({
          sym: rsym,
          type: T.firewallRule,
          apiVersion: API_VERSIONS.postgres,
          name: childName(name, r.name),
          body: { properties: { startIpAddress: r.startIp, endIpAddress: r.endIp } },
          deps: [previous],
          id: resourceId(s.loc, T.firewallRule, name, r.name),
          phase: 'servers',
          loc: s.loc,
          label: r.name,
        });
        previous = rsym;
      });
    }
    serverLast.push(previous);
  });
  if (model.access.mode === 'public') {
    const serverIds = model.servers.map((s) => resourceId(s.loc, T.server, param(serverParamName(s.index))));
    addPublic(model.access, add, resourceId, serverIds, serverLast);
  }

  // Grouping.
  const top: TemplateGroup = {
    key: '',
    deployment: '',
    sym: '',
    loc: { sub: model.primary, rg: model.primaryRg },
    resources: [],
    outputs: [],
  };
  const nested: TemplateGroup[] = [];
  const order: (string | TemplateGroup)[] = [];
  const groupByKey = new Map<string, TemplateGroup>();
  const labels = new Map<TemplateGroup, Pending[]>();
  /** Nested group of each server symbol that is not top level. */
  const serverGroup = new Map<string, TemplateGroup>();
  for (const phase of PHASES) {
    for (const pending of byPhase[phase]) {
      const { resource: r, loc, own } = pending;
      if (!own && isTop(loc)) {
        top.resources.push(r);
        order.push(r.sym);
        continue;
      }
      const key = own
        ? `subnet|${loc.sub.param}|${loc.rg}|${own.vnet}/${own.subnet}`
        : `${phase}|${loc.sub.param}|${loc.rg}`;
      let group = groupByKey.get(key);
      if (!group) {
        // Named once every group is known (`nameDeployments`).
        group = { key, deployment: '', sym: '', loc, resources: [], outputs: [], ...(own ? { live: own } : {}) };
        groupByKey.set(key, group);
        nested.push(group);
        order.push(group);
        labels.set(group, []);
      }
      r.group = key;
      group.resources.push(r);
      labels.get(group)?.push(pending);
      if (r.type === T.server) serverGroup.set(r.sym, group);
    }
  }
  nameDeployments(nested, labels);

  const outputs: TemplateOutput[] = [];
  model.servers.forEach((s, i) => {
    const sym = `server${i + 1}`;
    const owner = serverGroup.get(sym);
    const id = resourceId(s.loc, T.server, param(serverParamName(s.index)));
    const fqdn = prop(call('reference', id), 'fullyQualifiedDomainName');
    const prefix = serverOutputPrefix(s.index);
    if (!owner) {
      outputs.push({ name: `${prefix}Fqdn`, value: fqdn }, { name: `${prefix}ResourceId`, value: id });
    } else {
      owner.outputs.push({ name: `${prefix}Fqdn`, value: fqdn }, { name: `${prefix}ResourceId`, value: id });
      const out = (output: string) =>
        new Ex({ k: 'groupOutput', deployment: owner.deployment, symbol: owner.sym, output });
      outputs.push(
        { name: `${prefix}Fqdn`, value: out(`${prefix}Fqdn`) },
        { name: `${prefix}ResourceId`, value: out(`${prefix}ResourceId`) },
      );
    }
  });
  return { model, params, top, nested, order, outputs };
}

type Adder = (r: Omit<TemplateResource, 'group'> & { phase: Phase; loc: Loc; label: string; own?: LiveSubnet }) => void;

/** What a deployment is named after: the first of these resource types it holds, in this order. */
const NAMED_AFTER: readonly [type: string, word: string, plural: string][] = [
  [T.vnet, 'vnet', 'vnets'],
  [T.subnet, 'subnet', 'subnets'],
  [T.nsg, 'nsg', 'nsgs'],
  [T.routeTable, 'route-table', 'route-tables'],
  [T.zone, 'dns-zone', 'dns-zones'],
  [T.link, 'dns-link', 'dns-links'],
  [T.server, 'server', 'servers'],
  [T.peering, 'peering', 'peerings'],
  [T.endpoint, 'private-endpoint', 'private-endpoints'],
];

/**
 * Names every nested deployment (and Bicep module) after what it holds: `pgflex-vnet-<name>`,
 * `pgflex-subnet-<vnet>-<subnet>`, `pgflex-route-table-<name>`, `pgflex-dns-zone`, `pgflex-server-<name>`,
 * `pgflex-peering-<name>`, or the plural and the resource group when it holds several. Deterministic (the plan's
 * order), within ARM's 64 characters and allowed characters, unique within the template regardless of case (Windows
 * file names of Bicep modules too).
 */
function nameDeployments(groups: readonly TemplateGroup[], held: Map<TemplateGroup, Pending[]>): void {
  const taken = new Set<string>();
  const syms = new Set<string>();
  for (const g of groups) {
    const pending = held.get(g) ?? [];
    let base = 'resources';
    if (g.live) base = `subnet-${g.live.vnet}-${g.live.subnet}`;
    else {
      for (const [type, word, plural] of NAMED_AFTER) {
        const of = pending.filter((p) => p.resource.type === type);
        if (of.length === 0) continue;
        const label = (of[0] as Pending).label;
        // `vnet-orders` is named `pgflex-vnet-orders`, not `pgflex-vnet-vnet-orders`.
        const named = label.toLowerCase().startsWith(`${word}-`) ? label : `${word}-${label}`;
        base = type === T.zone ? word : of.length === 1 ? named : `${plural}-${g.loc.rg || 'deployment-group'}`;
        break;
      }
    }
    // Only the characters ARM allows in a deployment name, and none a file name would trip on (no parentheses).
    const clean = `pgflex-${base}`
      .replace(/[^A-Za-z0-9_.-]+/g, '-')
      .replace(/-{2,}/g, '-')
      .slice(0, DEPLOYMENT_NAME_MAX)
      .replace(/[-.]+$/, '');
    let name = clean;
    for (let n = 2; taken.has(name.toLowerCase()); n += 1) {
      const suffix = `-${n}`;
      name = `${clean.slice(0, DEPLOYMENT_NAME_MAX - suffix.length).replace(/[-.]+$/, '')}${suffix}`;
    }
    taken.add(name.toLowerCase());
    g.deployment = name;
    // Bicep's symbolic name of the module: the same words, as an identifier (`deployVnetOrdersData`).
    const words = name.replace(/^pgflex-/, '').split(/[^A-Za-z0-9]+/);
    const sym = `deploy${words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('')}`;
    g.sym = sym;
    for (let n = 2; syms.has(g.sym); n += 1) g.sym = `${sym}${n}`;
    syms.add(g.sym);
  }
}

/**
 * The properties of an existing subnet after the plan's changes, from its live properties (`live`, an object):
 * the delegation is added unless the subnet is delegated already (to this service: PGN-106 refuses any other), the
 * Microsoft.Storage service endpoint is added to the live ones unless it is there, and the NSG and the route table
 * are the plan's when it names them, else the live ones. Everything else the subnet has (NAT gateway, other service
 * endpoints, policies) is written back as it is. The pattern: read the resource with `reference()` and re-PUT it
 * with the original properties in a nested deployment (Microsoft Learn, Azure Architecture Center, "Update a
 * resource in an Azure Resource Manager template"), because a PUT replaces the properties it leaves out (Microsoft
 * Learn, "Azure Resource Manager deployment modes": properties aren't incrementally added).
 */
function existingSubnetProperties(live: Ex, nsgId: Ex | null, routeTableId: Ex | null): Ex {
  const liveList = (key: string) => cond(call('contains', live, key), prop(live, key), lit([]));
  const storage = STORAGE_SERVICE_ENDPOINT.toLowerCase();
  const endpoints = liveList('serviceEndpoints');
  const hasStorage = call(
    'empty',
    call(
      'filter',
      endpoints,
      lambda('e', (e) => cmp(call('toLower', prop(e, 'service')), '==', storage)),
    ),
  );
  const changes: Record<string, Val> = {
    delegations: cond(
      call('empty', liveList('delegations')),
      lit([{ name: DELEGATION_NAME, properties: { serviceName: POSTGRES_DELEGATION_SERVICE } }]),
      liveList('delegations'),
    ),
    serviceEndpoints: cond(
      hasStorage,
      call('concat', endpoints, lit([{ service: STORAGE_SERVICE_ENDPOINT }])),
      endpoints,
    ),
  };
  if (nsgId) changes.networkSecurityGroup = { id: nsgId };
  if (routeTableId) changes.routeTable = { id: routeTableId };
  return call('union', live, lit(changes));
}

/** A route in the ARM shape (ARM-NRP `CommonRoute`); the next hop's address only for a VirtualAppliance. */
function route(r: ModelRouteTable['routes'][number]): Val {
  const properties: Record<string, Val> = { addressPrefix: r.prefix, nextHopType: r.nextHop };
  if (r.nextHopIp !== '') properties.nextHopIpAddress = r.nextHopIp;
  return { name: r.name, properties };
}

/** The Bicep symbol of the `existing` VNet that a live subnet is read from: `liveServerVnet`, `livePeered1Vnet`. */
const liveVnetSym = (v: VnetRef): string =>
  v.key === 'serverVnet' ? 'liveServerVnet' : `live${v.key.charAt(0).toUpperCase()}${v.key.slice(1)}Vnet`;

const peeringProperties = (p: ModelPeering, resourceId: IdOf): Record<string, Val> => ({
  remoteVirtualNetwork: { id: resourceId(p.remote.loc, T.vnet, p.remote.name) },
  allowVirtualNetworkAccess: true,
  allowForwardedTraffic: p.allowForwardedTraffic,
  allowGatewayTransit: p.allowGatewayTransit,
  useRemoteGateways: p.useRemoteGateways,
});

/** The resource of peering `i` of the plan (one direction, on its local VNet), for `add`. */
const peeringResource = (p: ModelPeering, i: number, phase: Phase, deps: string[], resourceId: IdOf) => ({
  sym: `peering${i + 1}`,
  type: T.peering,
  apiVersion: API_VERSIONS.network,
  name: childName(p.local.name, p.name),
  body: { properties: peeringProperties(p, resourceId) },
  deps,
  id: resourceId(p.local.loc, T.peering, p.local.name, p.name),
  phase,
  loc: p.local.loc,
  label: p.name,
});
/** The private DNS zone, unless it exists, and its VNet links; `deps` of a link: what its VNet waits for. */
function addZone(
  zone: ModelPrivate['zone'],
  links: ModelPrivate['links'],
  add: Adder,
  resourceId: IdOf,
  deps: (v: VnetRef) => string[],
): Ex {
  const zoneId = resourceId(zone.loc, T.zone, zone.name);
  if (!zone.existing) {
    add({
      sym: 'privateDnsZone',
      type: T.zone,
      apiVersion: API_VERSIONS.privateDns,
      name: zone.name,
      body: { location: PRIVATE_DNS_LOCATION, properties: {} },
      deps: [],
      id: zoneId,
      phase: 'dns',
      loc: zone.loc,
      label: zone.name,
    });
  }
  links.forEach((l, i) => {
    add({
      sym: `zoneLink${i + 1}`,
      type: T.link,
      apiVersion: API_VERSIONS.privateDns,
      name: childName(zone.name, l.name),
      body: {
        location: PRIVATE_DNS_LOCATION,
        properties: { registrationEnabled: false, virtualNetwork: { id: resourceId(l.vnet.loc, T.vnet, l.vnet.name) } },
      },
      deps: [...(zone.existing ? [] : ['privateDnsZone']), ...deps(l.vnet)],
      id: resourceId(zone.loc, T.link, zone.name, l.name),
      phase: 'dns',
      loc: zone.loc,
      label: l.name,
    });
  });
  return zoneId;
}

/**
 * A public-access plan's private endpoint network: the zone and its links, the peerings between the plan's
 * (existing) VNets, one at a time per VNet, those using a remote gateway after the reverse peering offering it, and
 * each endpoint after the last operation on its server, with its DNS zone group.
 */
function addPublic(a: ModelPublic, add: Adder, resourceId: IdOf, serverIds: Ex[], serverLast: string[]): void {
  const zoneId = a.zone ? addZone(a.zone, a.links, add, resourceId, () => []) : null;
  const lastOp = new Map<VnetRef, string>();
  const addPeering = (i: number, phase: Phase) => {
    const p = a.peerings[i] as ModelPeering;
    const deps = lastOp.has(p.local) ? [lastOp.get(p.local) as string] : [];
    if (phase === 'gateway' && p.after !== null) deps.push(`peering${p.after + 1}`);
    add(peeringResource(p, i, phase, deps, resourceId));
    lastOp.set(p.local, `peering${i + 1}`);
  };
  a.peerings.forEach((p, i) => p.useRemoteGateways || addPeering(i, 'dns'));
  a.peerings.forEach((p, i) => p.useRemoteGateways && addPeering(i, 'gateway'));
  a.endpoints.forEach((e, i) => {
    const sym = `privateEndpoint${i + 1}`;
    const id = resourceId(e.loc, T.endpoint, e.name);
    const connection = {
      name: e.name,
      properties: {
        privateLinkServiceId: serverIds[e.server] as Ex,
        groupIds: [PRIVATE_LINK_GROUP_ID],
        ...(e.message !== '' ? { requestMessage: e.message } : {}),
      },
    };
    const properties: Record<string, Val> = {
      subnet: { id: resourceId(e.vnet.loc, T.subnet, e.vnet.name, e.subnet) },
      // PE §2.1: an automatic connection, or one waiting for the server owner's approval.
      [e.message !== '' ? 'manualPrivateLinkServiceConnections' : 'privateLinkServiceConnections']: [connection],
    };
    // PE §1.6: a static IP is an IP configuration of group and member postgresqlServer.
    if (e.privateIp !== '') {
      properties.ipConfigurations = [
        {
          name: peIpConfigName(e.name),
          properties: {
            groupId: PRIVATE_LINK_GROUP_ID,
            memberName: PRIVATE_LINK_GROUP_ID,
            privateIPAddress: e.privateIp,
          },
        },
      ];
    }
    // PE §1.6: in the VNet's region.
    const label = { phase: 'endpoints' as const, loc: e.loc, label: e.name };
    add({
      sym,
      type: T.endpoint,
      apiVersion: API_VERSIONS.network,
      name: e.name,
      body: { location: e.region, properties },
      deps: [serverLast[e.server] as string],
      id,
      ...label,
    });
    if (!a.zone || !zoneId) return;
    add({
      sym: `${sym}ZoneGroup`,
      type: T.zoneGroup,
      apiVersion: API_VERSIONS.network,
      name: childName(e.name, PE_ZONE_GROUP),
      body: {
        properties: {
          privateDnsZoneConfigs: [{ name: zoneConfigName(a.zone.name), properties: { privateDnsZoneId: zoneId } }],
        },
      },
      deps: [sym, ...(a.zone.existing ? [] : ['privateDnsZone'])],
      id: resourceId(e.loc, T.zoneGroup, e.name, PE_ZONE_GROUP),
      ...label,
    });
  });
}

function addPrivate(a: ModelPrivate, add: Adder, serverDeps: string[], resourceId: IdOf): { subnetId: Ex; zoneId: Ex } {
  const vnetId = (v: VnetRef) => resourceId(v.loc, T.vnet, v.name);
  const vnet = a.vnet;
  const vnetDeps = vnet.existing ? [] : ['serverVnet'];
  if (!vnet.existing) {
    const properties: Record<string, Val> = { addressSpace: { addressPrefixes: [...vnet.addressSpaces] } };
    if (vnet.dnsServers !== null) properties.dhcpOptions = { dnsServers: [...vnet.dnsServers] };
    add({
      sym: 'serverVnet',
      type: T.vnet,
      apiVersion: API_VERSIONS.network,
      name: vnet.name,
      body: { location: param('location'), properties },
      deps: [],
      id: vnetId(vnet),
      phase: 'network',
      loc: vnet.loc,
      label: vnet.name,
    });
  }
  // Route tables, with their routes inline (ARM-NRP CommonRouteTablePropertiesFormat.routes): a table and its
  // routes are one PUT, so a second deployment sets exactly the plan's routes. In the VNet's group and region.
  // An existing table is only referenced by its ID: nothing waits for it, and its routes stay as they are.
  const tableSym = (k: number) => `routeTable${k + 1}`;
  const tableDeps = (k: number): string[] => (a.routeTables[k]?.existing === true ? [] : [tableSym(k)]);
  const tableIds = a.routeTables.map((t) => resourceId(t.vnet.loc, T.routeTable, t.name));
  a.routeTables.forEach((t, k) => {
    if (t.existing) return;
    add({
      sym: tableSym(k),
      type: T.routeTable,
      apiVersion: API_VERSIONS.network,
      name: t.name,
      body: {
        // The server VNet's table goes where the VNet does; another VNet's to that VNet's region.
        location: t.onServerVnet ? param('location') : t.region,
        properties: { routes: t.routes.map(route) },
      },
      deps: [],
      id: tableIds[k] as Ex,
      phase: 'routes',
      loc: t.vnet.loc,
      label: t.name,
    });
  });
  /** The table of the delegated subnet and of each subnet the export creates, by the subnet's name. */
  const delegatedTable = a.routeAssociations.find((r) => r.kind === 'delegated')?.table ?? null;
  const createdTables = new Map<string, number>();
  for (const r of a.routeAssociations) if (r.kind === 'created') createdTables.set(r.subnet, r.table);

  const subnetId = resourceId(vnet.loc, T.subnet, vnet.name, a.subnet.name);
  // An existing subnet is updated in a deployment of its own that reads it first (its NSG goes along, so that the
  // deployments' order stays acyclic).
  const own: LiveSubnet | undefined = a.subnet.existing
    ? {
        param: 'liveSubnetProperties',
        id: subnetId,
        vnet: vnet.name,
        subnet: a.subnet.name,
        loc: vnet.loc,
        apiVersion: API_VERSIONS.network,
        syms: { vnet: liveVnetSym(vnet), subnet: 'liveDelegatedSubnet' },
      }
    : undefined;
  let nsgId: Ex | null = null;
  // An existing NSG is only referenced by its ID: nothing waits for it, and its rules stay as they are.
  const nsgWritten = a.nsg !== null && !a.nsg.existing;
  if (a.nsg) nsgId = resourceId(a.nsg.loc, T.nsg, a.nsg.name);
  if (a.nsg && nsgId && nsgWritten) {
    add({
      sym: 'nsg',
      type: T.nsg,
      apiVersion: API_VERSIONS.network,
      name: a.nsg.name,
      body: { location: param('location'), properties: { securityRules: a.nsg.rules.map(securityRule) } },
      deps: [],
      id: nsgId,
      phase: 'network',
      loc: a.nsg.loc,
      label: a.nsg.name,
      ...(own && a.nsg.loc === vnet.loc ? { own } : {}),
    });
  }
  const delegatedTableId = delegatedTable === null ? null : (tableIds[delegatedTable] as Ex);
  let subnetProps: Val;
  if (own) subnetProps = existingSubnetProperties(param(own.param), nsgId, delegatedTableId);
  else {
    const props: Record<string, Val> = {
      addressPrefix: a.subnet.prefix,
      delegations: [{ name: DELEGATION_NAME, properties: { serviceName: POSTGRES_DELEGATION_SERVICE } }],
      serviceEndpoints: [{ service: STORAGE_SERVICE_ENDPOINT }],
    };
    if (nsgId) props.networkSecurityGroup = { id: nsgId };
    if (delegatedTableId) props.routeTable = { id: delegatedTableId };
    subnetProps = props;
  }
  add({
    sym: 'delegatedSubnet',
    type: T.subnet,
    apiVersion: API_VERSIONS.network,
    name: childName(vnet.name, a.subnet.name),
    body: { properties: subnetProps },
    deps: [...vnetDeps, ...(nsgWritten ? ['nsg'] : []), ...(delegatedTable === null ? [] : tableDeps(delegatedTable))],
    id: subnetId,
    phase: 'network',
    loc: vnet.loc,
    label: a.subnet.name,
    ...(own ? { own } : {}),
  });
  // Subnets of one VNet are written one after the other (parallel subnet writes conflict).
  let lastVnetOp = 'delegatedSubnet';
  a.otherSubnets.forEach((s, i) => {
    const sym = `subnet${i + 2}`;
    const table = createdTables.get(s.name);
    const properties: Record<string, Val> = { addressPrefix: s.prefix };
    if (table !== undefined) properties.routeTable = { id: tableIds[table] as Ex };
    add({
      sym,
      type: T.subnet,
      apiVersion: API_VERSIONS.network,
      name: childName(vnet.name, s.name),
      body: { properties },
      deps: [lastVnetOp, ...(table === undefined ? [] : tableDeps(table))],
      id: resourceId(vnet.loc, T.subnet, vnet.name, s.name),
      phase: 'network',
      loc: vnet.loc,
      label: s.name,
    });
    lastVnetOp = sym;
  });

  const zoneId = addZone(a.zone, a.links, add, resourceId, (v) => (v.key === 'serverVnet' ? vnetDeps : []));
  a.links.forEach((_, i) => serverDeps.push(`zoneLink${i + 1}`));
  // A peering that uses the remote VNet's gateway goes last, after the reverse peering it needs (`after`), and the
  // servers wait for it (one operation at a time on the server VNet).
  const symOf = (i: number) => `peering${i + 1}`;
  const addPeering = (i: number, phase: Phase, deps: string[]) =>
    add(peeringResource(a.peerings[i] as ModelPeering, i, phase, deps, resourceId));
  /**
   * The other VNets are never created here, but their subnets (a route table) and peerings are written one at a time
   * per VNet too: the last operation on each, as on the server VNet (`lastVnetOp`).
   */
  const lastOp = new Map<VnetRef, string>();
  const after = (v: VnetRef): string[] => {
    const op = lastOp.get(v);
    return op === undefined ? [] : [op];
  };
  /** An existing subnet that gets a route table: read and written back with the table, in a deployment of its own. */
  let routed = 0;
  const addRouted = (r: ModelPrivate['routeAssociations'][number], deps: string[]): string => {
    routed += 1;
    const sym = `routedSubnet${routed}`;
    const id = resourceId(r.vnet.loc, T.subnet, r.vnet.name, r.subnet);
    const live: LiveSubnet = {
      param: 'liveSubnetProperties',
      id,
      vnet: r.vnet.name,
      subnet: r.subnet,
      loc: r.vnet.loc,
      apiVersion: API_VERSIONS.network,
      syms: { vnet: liveVnetSym(r.vnet), subnet: `liveRoutedSubnet${routed}` },
    };
    add({
      sym,
      type: T.subnet,
      apiVersion: API_VERSIONS.network,
      name: childName(r.vnet.name, r.subnet),
      body: { properties: call('union', param(live.param), lit({ routeTable: { id: tableIds[r.table] as Ex } })) },
      deps: [...deps, ...tableDeps(r.table)],
      id,
      phase: 'network',
      loc: r.vnet.loc,
      label: r.subnet,
      own: live,
    });
    return sym;
  };
  for (const r of a.routeAssociations) {
    if (r.kind !== 'existing' || r.vnet === vnet) continue;
    lastOp.set(r.vnet, addRouted(r, after(r.vnet)));
  }
  const usingRemoteGateway: number[] = [];
  const otherUsingRemoteGateway: number[] = [];
  a.peerings.forEach((p, i) => {
    if (p.useRemoteGateways) {
      (p.onServerVnet ? usingRemoteGateway : otherUsingRemoteGateway).push(i);
      return;
    }
    if (p.onServerVnet) {
      // On the server VNet: after its subnets.
      addPeering(i, 'network', [lastVnetOp]);
      lastVnetOp = symOf(i);
      return;
    }
    // On another VNet: once the server VNet exists when it points there.
    addPeering(i, 'dns', [...(p.remote === vnet ? vnetDeps : []), ...after(p.local)]);
    lastOp.set(p.local, symOf(i));
  });
  // The server VNet's existing subnets that get a route table, after its other operations.
  for (const r of a.routeAssociations) {
    if (r.kind === 'existing' && r.vnet === vnet) lastVnetOp = addRouted(r, [lastVnetOp]);
  }
  for (const i of otherUsingRemoteGateway) {
    const p = a.peerings[i] as ModelPeering;
    const deps = [...(p.remote === vnet ? vnetDeps : []), ...after(p.local)];
    if (p.after !== null) deps.push(symOf(p.after));
    addPeering(i, 'gateway', deps);
    lastOp.set(p.local, symOf(i));
  }
  for (const i of usingRemoteGateway) {
    const after = (a.peerings[i] as ModelPeering).after;
    addPeering(i, 'gateway', [lastVnetOp, ...(after !== null ? [symOf(after)] : [])]);
    serverDeps.push(symOf(i));
  }
  // The server resolves names through custom DNS servers in a peered VNet from its first boot.
  for (const i of a.dnsPeerings) if (!serverDeps.includes(symOf(i))) serverDeps.push(symOf(i));
  serverDeps.unshift('delegatedSubnet');
  if (!a.zone.existing) serverDeps.unshift('privateDnsZone');
  return { subnetId, zoneId };
}
