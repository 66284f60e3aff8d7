/**
 * The deployment as ARM-shaped resources, shared by the ARM and Bicep writers. Resources that
 * live in the deployment's resource group are top level; the others are grouped, per resource
 * group and phase (network, then DNS and return peerings, then servers), into nested
 * deployments (ARM) or modules (Bicep). Phases keep the groups' dependencies acyclic.
 */
import {
  API_VERSIONS,
  CONFIGURATION_SOURCE,
  POSTGRES_DELEGATION_SERVICE,
  PRIVATE_DNS_LOCATION,
  STORAGE_SERVICE_ENDPOINT,
} from '../domain/azure';
import type { NsgRule } from '../domain/plan';
import { call, childName, Ex, param, prop, type Val } from './ir';
import { locationDescription, type ExportModel, type Loc, type ModelPrivate, type VnetRef } from './model';
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

const PHASES = ['network', 'dns', 'servers'] as const;
type Phase = (typeof PHASES)[number];

export const DELEGATION_NAME = 'dlg-Microsoft.DBforPostgreSQL-flexibleServers';

const T = {
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  zone: 'Microsoft.Network/privateDnsZones',
  link: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  configuration: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
  firewallRule: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
} as const;

const rgExpr = (loc: Loc): Ex | string => (loc.rg === '' ? param('resourceGroupName') : loc.rg);
const resourceId = (loc: Loc, type: string, ...names: (Ex | string)[]): Ex =>
  call('resourceId', param(loc.sub.param), rgExpr(loc), type, ...names);

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
}

export function buildTemplate(model: ExportModel): DeploymentTemplate {
  const params: TemplateParam[] = [];
  const byPhase: Record<Phase, Pending[]> = { network: [], dns: [], servers: [] };
  const isTop = (loc: Loc) => loc.sub.primary && loc.rg === model.primaryRg;

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
  const usesDeploymentRg = model.primaryRg === '' || model.servers.some((s) => s.loc.rg === '');
  if (usesDeploymentRg) {
    params.push({
      name: 'resourceGroupName',
      type: 'string',
      description: "Resource group for resources the plan gives no resource group (default: the deployment's).",
      defaultValue: prop(call('resourceGroup'), 'name'),
    });
  }
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
    network = addPrivate(model.access, add, serverDeps);
  }

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
        : { publicNetworkAccess: 'Enabled' },
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
        });
        previous = rsym;
      });
    }
  });

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
  const counters: Record<Phase, number> = { network: 0, dns: 0, servers: 0 };
  const order: (string | TemplateGroup)[] = [];
  const groupByKey = new Map<string, TemplateGroup>();
  /** Nested group of each server symbol that is not top level. */
  const serverGroup = new Map<string, TemplateGroup>();
  for (const phase of PHASES) {
    for (const { resource: r, loc } of byPhase[phase]) {
      if (isTop(loc)) {
        top.resources.push(r);
        order.push(r.sym);
        continue;
      }
      const key = `${phase}|${loc.sub.param}|${loc.rg}`;
      let group = groupByKey.get(key);
      if (!group) {
        counters[phase] += 1;
        const deployment = `pgflex-${phase}-${counters[phase]}`;
        group = { key, deployment, sym: `${phase}Deployment${counters[phase]}`, loc, resources: [], outputs: [] };
        groupByKey.set(key, group);
        nested.push(group);
        order.push(group);
      }
      r.group = key;
      group.resources.push(r);
      if (r.type === T.server) serverGroup.set(r.sym, group);
    }
  }

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

type Adder = (r: Omit<TemplateResource, 'group'> & { phase: Phase; loc: Loc }) => void;

function addPrivate(a: ModelPrivate, add: Adder, serverDeps: string[]): { subnetId: Ex; zoneId: Ex } {
  const vnetId = (v: VnetRef) => resourceId(v.loc, T.vnet, v.name);
  const peeringProperties = (p: ModelPrivate['peerings'][number]): Record<string, Val> => ({
    remoteVirtualNetwork: { id: vnetId(p.remote) },
    allowVirtualNetworkAccess: true,
    allowForwardedTraffic: p.allowForwardedTraffic,
    allowGatewayTransit: p.allowGatewayTransit,
    useRemoteGateways: p.useRemoteGateways,
  });
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
    });
  }
  let nsgId: Ex | null = null;
  if (a.nsg) {
    nsgId = resourceId(a.nsg.loc, T.nsg, a.nsg.name);
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
    });
  }
  const subnetId = resourceId(vnet.loc, T.subnet, vnet.name, a.subnet.name);
  const subnetProps: Record<string, Val> = {
    addressPrefix: a.subnet.prefix,
    delegations: [{ name: DELEGATION_NAME, properties: { serviceName: POSTGRES_DELEGATION_SERVICE } }],
    serviceEndpoints: [{ service: STORAGE_SERVICE_ENDPOINT }],
  };
  if (nsgId) subnetProps.networkSecurityGroup = { id: nsgId };
  add({
    sym: 'delegatedSubnet',
    type: T.subnet,
    apiVersion: API_VERSIONS.network,
    name: childName(vnet.name, a.subnet.name),
    body: { properties: subnetProps },
    deps: [...vnetDeps, ...(a.nsg ? ['nsg'] : [])],
    id: subnetId,
    phase: 'network',
    loc: vnet.loc,
  });
  // Subnets of one VNet are written one after the other (parallel subnet writes conflict).
  let lastVnetOp = 'delegatedSubnet';
  a.otherSubnets.forEach((s, i) => {
    const sym = `subnet${i + 2}`;
    add({
      sym,
      type: T.subnet,
      apiVersion: API_VERSIONS.network,
      name: childName(vnet.name, s.name),
      body: { properties: { addressPrefix: s.prefix } },
      deps: [lastVnetOp],
      id: resourceId(vnet.loc, T.subnet, vnet.name, s.name),
      phase: 'network',
      loc: vnet.loc,
    });
    lastVnetOp = sym;
  });

  const zoneId = resourceId(a.zone.loc, T.zone, a.zone.name);
  if (!a.zone.existing) {
    add({
      sym: 'privateDnsZone',
      type: T.zone,
      apiVersion: API_VERSIONS.privateDns,
      name: a.zone.name,
      body: { location: PRIVATE_DNS_LOCATION, properties: {} },
      deps: [],
      id: zoneId,
      phase: 'dns',
      loc: a.zone.loc,
    });
  }
  a.links.forEach((l, i) => {
    const sym = `zoneLink${i + 1}`;
    add({
      sym,
      type: T.link,
      apiVersion: API_VERSIONS.privateDns,
      name: childName(a.zone.name, l.name),
      body: {
        location: PRIVATE_DNS_LOCATION,
        properties: { registrationEnabled: false, virtualNetwork: { id: vnetId(l.vnet) } },
      },
      deps: [...(a.zone.existing ? [] : ['privateDnsZone']), ...(l.vnet.key === 'serverVnet' ? vnetDeps : [])],
      id: resourceId(a.zone.loc, T.link, a.zone.name, l.name),
      phase: 'dns',
      loc: a.zone.loc,
    });
    serverDeps.push(sym);
  });
  // A peering that uses the remote VNet's gateway goes last, after the reverse peering it needs (`after`), and the
  // servers wait for it (one operation at a time on the server VNet).
  const symOf = (i: number) => `peering${i + 1}`;
  const addPeering = (i: number, phase: Phase, deps: string[]) => {
    const p = a.peerings[i] as ModelPrivate['peerings'][number];
    add({
      sym: symOf(i),
      type: T.peering,
      apiVersion: API_VERSIONS.network,
      name: childName(p.local.name, p.name),
      body: { properties: peeringProperties(p) },
      deps,
      id: resourceId(p.local.loc, T.peering, p.local.name, p.name),
      phase,
      loc: p.local.loc,
    });
  };
  const usingRemoteGateway: number[] = [];
  a.peerings.forEach((p, i) => {
    if (p.onServerVnet && p.useRemoteGateways) {
      usingRemoteGateway.push(i);
      return;
    }
    // On the server VNet: after its subnets. On a peered VNet: once the server VNet exists.
    addPeering(i, p.onServerVnet ? 'network' : 'dns', p.onServerVnet ? [lastVnetOp] : vnetDeps);
    if (p.onServerVnet) lastVnetOp = symOf(i);
  });
  for (const i of usingRemoteGateway) {
    const after = (a.peerings[i] as ModelPrivate['peerings'][number]).after;
    addPeering(i, 'servers', [lastVnetOp, ...(after !== null ? [symOf(after)] : [])]);
    serverDeps.push(symOf(i));
  }
  serverDeps.unshift('delegatedSubnet');
  if (!a.zone.existing) serverDeps.unshift('privateDnsZone');
  return { subnetId, zoneId };
}
