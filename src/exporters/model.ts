/**
 * What an export deploys, derived once from the plan and shared by every format: the servers,
 * the network resources with the resource group and subscription each lives in, and the
 * decisions the formats must agree on (names of links and peerings, gateway transit, which
 * subnets are created). Nothing here is format-specific.
 */
import type * as z from 'zod/mini';
import { AZURE_SERVICES_RULE_IP, PE_REQUEST_MESSAGE_MAX, SUBSCRIPTION_ID, suggestedZoneName } from '../domain/azure';
import type {
  FirewallRule,
  HaModeSchema,
  NsgRule,
  PeeredVnet,
  Plan,
  PrivateDnsZone,
  RouteNextHop,
  Subnet,
} from '../domain/plan';
import { planIndex } from '../domain/plan-index';
import { cidrRange, parseCidrFast, parseIPv4Fast } from '../domain/ipv4';
import { normalizeRegion } from '../domain/regions';
import { peeringName, zoneLinkName } from '../domain/resource-names';
import { assertExportable } from './safe-values';

/** A subscription: the deployment's own (`param` null) or another one, given by a parameter. */
export interface SubRef {
  /** Parameter/variable base name (`subscriptionId` for the deployment's own). */
  param: string;
  /** The plan's subscription ID; '' when the plan does not say, or gives a name instead (PGN-012). */
  value: string;
  primary: boolean;
  /** What it is for, for parameter descriptions. */
  purpose: string;
}

interface SubscriptionName {
  /** Whose subscription it is, e.g. `the servers`. */
  what: string;
  value: string;
}

/** Where a resource lives. `rg` '' = the resource group the deployment targets. */
export interface Loc {
  sub: SubRef;
  rg: string;
}

export interface VnetRef {
  name: string;
  loc: Loc;
  /** Stable short key, e.g. `serverVnet`, `peered1`. */
  key: string;
}

interface ModelServer {
  index: number;
  name: string;
  version: string;
  highAvailability: z.infer<typeof HaModeSchema>;
  /** The server's own region; the deployment's `location` when it is the first server's. */
  location: string;
  /** Availability zone of the server, '' when Azure chooses. */
  zone: string;
  /** The standby's zone: the server's with SameZone, the plan's with ZoneRedundant; '' when Azure chooses. */
  standbyZone: string;
  loc: Loc;
}

export interface ModelPeering {
  name: string;
  /** The VNet holding the peering resource (the plan's `from`). */
  local: VnetRef;
  /** The VNet it points to (the plan's `to`). */
  remote: VnetRef;
  /** true: the resource is on the server VNet; false: on another VNet (towards the server VNet or not). */
  onServerVnet: boolean;
  allowForwardedTraffic: boolean;
  allowGatewayTransit: boolean;
  useRemoteGateways: boolean;
  /**
   * For a peering that uses the remote gateway: the index (in `peerings`) of the remote's reverse peering offering
   * gateway transit, which Azure requires to exist first (az CLI `network vnet peering create` help; azurerm#2872).
   */
  after: number | null;
}

/** A user-defined route, as the plan gives it; `nextHopIp` only for a VirtualAppliance next hop ('' otherwise). */
interface ModelRoute {
  name: string;
  prefix: string;
  nextHop: RouteNextHop;
  nextHopIp: string;
}

export interface ModelRouteTable {
  name: string;
  /** The VNet whose subnets use it: the table lives in its resource group and subscription. */
  vnet: VnetRef;
  /** The VNet's region, where the table is created (a route table and its subnets are in one region). */
  region: string;
  /** In the server VNet: created in the deployment's `location`, as the VNet and its NSG are. */
  onServerVnet: boolean;
  /** Deployed already: the exports associate subnets with it and don't write it or its routes. */
  existing: boolean;
  routes: ModelRoute[];
}

/**
 * A subnet that uses a route table (`routeTables[].subnets`): `delegated` is the delegated subnet, which every
 * export writes (created, or updated in place when it exists); `created` a subnet of a new server VNet, which the
 * export creates; `existing` a subnet the export does not create (of an existing server VNet, or of another VNet),
 * which gets the table without anything else it has being changed.
 */
interface ModelRouteAssociation {
  /** Index in `routeTables`. */
  table: number;
  vnet: VnetRef;
  /** The subnet's name as the plan spells it on the subnet. */
  subnet: string;
  kind: 'delegated' | 'created' | 'existing';
}

interface ModelLink {
  name: string;
  vnet: VnetRef;
}

export interface ModelPrivate {
  mode: 'private';
  vnet: VnetRef & {
    existing: boolean;
    region: string;
    addressSpaces: string[];
    /** Custom DNS servers; null = Azure-provided DNS. */
    dnsServers: string[] | null;
  };
  /** Other subnets of the server VNet, created only when the VNet is new (existing ones are context). */
  otherSubnets: Subnet[];
  subnet: { name: string; prefix: string; existing: boolean };
  /** The delegated subnet's NSG; `existing`: only associated, never written (its rules describe it for the checks). */
  nsg: { name: string; rules: NsgRule[]; loc: Loc; existing: boolean } | null;
  zone: { name: string; existing: boolean; loc: Loc; defaulted: boolean };
  links: ModelLink[];
  peeredVnets: VnetRef[];
  /** `access.peerings` whose two VNets are VNets of the plan, in the plan's order (the first of a pair wins). */
  peerings: ModelPeering[];
  /** `access.routeTables` whose VNet is a VNet of the plan, in the plan's order. */
  routeTables: ModelRouteTable[];
  /** The subnets that use a route table: each subnet once (the first table naming it), in the tables' order. */
  routeAssociations: ModelRouteAssociation[];
  /**
   * The peerings (indexes in `peerings`) between the server VNet and a peered VNet that holds one of the server
   * VNet's custom DNS servers: the server resolves names through them from its first boot, so it waits for them
   * (azure-facts.md §1.5: a custom DNS server must be reachable from the VNet).
   */
  dnsPeerings: number[];
}

/** A private endpoint of a public-access server, in its VNet's region and subscription (PE §1.6). */
interface ModelEndpoint {
  name: string;
  /** Index of the server it connects to in `servers`. */
  server: number;
  /** The existing VNet and subnet it sits in (referenced, never written). */
  vnet: VnetRef;
  subnet: string;
  region: string;
  loc: Loc;
  /** A static private IP; '' = dynamic. */
  privateIp: string;
  /** The connection waits for the server owner's approval (PE §1.5): the request message, else ''. */
  message: string;
}

export interface ModelPublic {
  mode: 'public';
  firewallRules: FirewallRule[];
  publicNetworkAccess: boolean;
  /** The plan's VNets: existing, only referenced. */
  peeredVnets: VnetRef[];
  peerings: ModelPeering[];
  /** The privatelink zone of the endpoints; null = none. */
  zone: ModelPrivate['zone'] | null;
  links: ModelLink[];
  endpoints: ModelEndpoint[];
}

interface ModelConfiguration {
  name: string;
  value: string;
}

/** What the deployment's `location` parameter is the region of. */
export const locationDescription = (model: Pick<ExportModel, 'location' | 'servers'>): string =>
  model.servers.every((s) => s.location === model.location)
    ? "Azure region of the servers and the network resources (the plan's region)."
    : 'Azure region of the first server, the servers in the same region and the network resources ' +
      '(servers in other regions have their own).';

export interface ExportModel {
  planName: string;
  /** Region of the deployment: the first server's (the network's; each server also carries its own). */
  location: string;
  primary: SubRef;
  /** Resource group of the first server: the deployment target ('' = whatever the user deploys to). */
  primaryRg: string;
  /** Every subscription parameter, primary first. */
  subscriptions: SubRef[];
  /** Subscriptions the plan gives by name (PGN-012): the notes quote them, no ID is built from them. */
  subscriptionNames: SubscriptionName[];
  servers: ModelServer[];
  access: ModelPrivate | ModelPublic;
  configurations: ModelConfiguration[];
  /** Notes every format repeats in its header. */
  notes: string[];
}

/**
 * The route tables of the plan whose VNet resolves, and the subnets that use them. A table naming a subnet the
 * VNet doesn't have (as far as the plan says), or a subnet an earlier table names already, is not associated with
 * it: the rules report both.
 */
function routing(
  plan: Plan,
  server: VnetRef,
  peered: readonly VnetRef[],
  vnetRef: (name: string) => VnetRef | undefined,
): { routeTables: ModelRouteTable[]; routeAssociations: ModelRouteAssociation[] } {
  const routeTables: ModelRouteTable[] = [];
  const routeAssociations: ModelRouteAssociation[] = [];
  if (plan.access.mode !== 'private') return { routeTables, routeAssociations };
  const a = plan.access;
  const index = planIndex(plan);
  const associated = new Set<string>();
  a.routeTables.forEach((t, k) => {
    const vnet = vnetRef(t.vnet);
    if (vnet === undefined) return;
    const onServerVnet = vnet === server;
    const other = onServerVnet ? undefined : a.peeredVnets[peered.indexOf(vnet)];
    const table = routeTables.length;
    routeTables.push({
      name: t.name,
      vnet,
      region: normalizeRegion(onServerVnet ? a.vnet.region : (other?.region ?? '')),
      onServerVnet,
      existing: t.existing,
      routes: t.routes.map((r) => ({
        name: r.name,
        prefix: r.prefix,
        nextHop: r.nextHop,
        // ARM-NRP CommonRoutePropertiesFormat: "Next hop values are only allowed in routes where the next hop type
        // is VirtualAppliance" (facts §2.4 lists the route table's schema).
        nextHopIp: r.nextHop === 'VirtualAppliance' ? r.nextHopIp : '',
      })),
    });
    for (const name of t.subnets) {
      // Each subnet has one route table: the first table that names it (as the index resolves it).
      if (index.routeTable(t.vnet, name)?.index !== k) continue;
      let found: { subnet: string; kind: ModelRouteAssociation['kind'] } | undefined;
      if (onServerVnet) {
        const entry = index.subnet(name);
        if (entry?.kind === 'delegated') found = { subnet: entry.subnet.name, kind: 'delegated' };
        else if (entry?.kind === 'subnet')
          found = { subnet: entry.subnet.name, kind: a.vnet.existing ? 'existing' : 'created' };
      } else {
        const subnet = index.subnetOf(t.vnet, name);
        if (subnet !== undefined) found = { subnet: subnet.name, kind: 'existing' };
      }
      if (found === undefined) continue;
      // Two spellings of one subnet in a table are one association.
      const key = `${vnet.key}/${found.subnet.toLowerCase()}`;
      if (associated.has(key)) continue;
      associated.add(key);
      routeAssociations.push({ table, vnet, ...found });
    }
  });
  return { routeTables, routeAssociations };
}

/**
 * `access.peerings` whose two VNets are VNets of the plan, in the plan's order (the first of a pair wins), with the
 * reverse peering each gateway-using one waits for. `server` is the server VNet (private access), or null.
 */
function modelPeerings(plan: Plan, vnetRef: (name: string) => VnetRef | undefined, server: VnetRef | null) {
  const index = planIndex(plan);
  const peerings: ModelPeering[] = [];
  plan.access.peerings.forEach((p, k) => {
    const local = vnetRef(p.from);
    const remote = vnetRef(p.to);
    // A peering of an unknown VNet, of a VNet with itself, or a second one of the same pair is not written: the
    // rules report it (Azure would refuse the first two, and a template may not write one resource twice).
    if (local === undefined || remote === undefined || local === remote) return;
    if (index.peering(p.from, p.to)?.index !== k) return;
    peerings.push({
      name: peeringName(local.name, remote.name),
      local,
      remote,
      onServerVnet: local === server,
      allowForwardedTraffic: p.allowForwardedTraffic,
      allowGatewayTransit: p.allowGatewayTransit,
      useRemoteGateways: p.useRemoteGateways,
      after: null,
    });
  });
  for (const p of peerings) {
    if (!p.useRemoteGateways) continue;
    // The reverse peering that offers transit (and doesn't itself use a gateway: two peerings each waiting for
    // the other would never be created).
    const reverse = peerings.findIndex(
      (q) => q.local === p.remote && q.remote === p.local && q.allowGatewayTransit && !q.useRemoteGateways,
    );
    p.after = reverse >= 0 ? reverse : null;
  }
  return peerings;
}

/**
 * Name of the rule written for "allow public access from Azure services". The range 0.0.0.0–0.0.0.0
 * is what makes it special, not the name (facts §1.7); the Azure CLI's prefix without its timestamp.
 */
const AZURE_SERVICES_RULE_NAME = 'AllowAllAzureServicesAndResourcesWithinAzureIps';

/** The model of each plan (plans are never changed in place: an edit makes a new plan). */
const MODELS = new WeakMap<Plan, ExportModel>();

/**
 * `buildModel`, worked out once per plan: the Azure CLI script's steps and the dry run's Bicep reader (for what
 * exists already) both need it, and a dry run of every format would otherwise build and check it twice. Shared:
 * nothing may change it.
 */
export function planModel(plan: Plan): ExportModel {
  let model = MODELS.get(plan);
  if (model === undefined) {
    model = buildModel(plan);
    MODELS.set(plan, model);
  }
  return model;
}

/**
 * The model of what the plan deploys. Throws `ExportRefusedError` when a value of the plan cannot be
 * written safely (a control character, a leading `-` or `@`, …): the files are never made.
 */
export function buildModel(plan: Plan): ExportModel {
  const first = plan.servers[0];
  const primaryRg = first?.resourceGroup ?? '';
  const primary: SubRef = {
    param: 'subscriptionId',
    value: first?.subscription ?? '',
    primary: true,
    purpose: 'the servers and the server VNet',
  };
  const subscriptions: SubRef[] = [primary];
  const notes: string[] = [];
  // Resource IDs and provider settings take a subscription ID, never a name (PGN-012). A plan exported despite that
  // error never gets an ID built from a name: the deployment's own subscription stands in, and the header says so.
  const names: SubscriptionName[] = [];
  const asId = (value: string, what: string): string => {
    if (value === '' || SUBSCRIPTION_ID.test(value)) return value;
    names.push({ what, value });
    notes.push(
      `The subscription of ${what} is "${value}", a name and not a subscription ID (PGN-012): this export uses ` +
        "the deployment's own subscription there instead.",
    );
    return '';
  };
  primary.value = asId(primary.value, 'the servers');
  const subFor = (given: string, param: string, purpose: string): SubRef => {
    const value = asId(given, purpose);
    if (value === '' || value.toLowerCase() === primary.value.toLowerCase()) return primary;
    const ref: SubRef = { param, value, primary: false, purpose };
    subscriptions.push(ref);
    return ref;
  };
  const loc = (rg: string, sub: SubRef = primary): Loc => ({ sub, rg: rg === '' ? primaryRg : rg });
  const peeredRef = (p: PeeredVnet, i: number): VnetRef => ({
    name: p.name,
    key: `peered${i + 1}`,
    loc: loc(p.resourceGroup, subFor(p.subscription, `peeredVnet${i + 1}SubscriptionId`, `the peered VNet ${p.name}`)),
  });
  /** The private DNS zone, in its resource group (`rg` when it gives none) and subscription. */
  const zoneOf = (z: PrivateDnsZone, rg: string) => ({
    name: z.name,
    existing: z.existing,
    loc: loc(
      z.resourceGroup || rg,
      subFor(z.subscription, 'privateDnsZoneSubscriptionId', `the private DNS zone ${z.name}`),
    ),
  });
  const linksOf = (vnets: readonly PeeredVnet[], refs: readonly VnetRef[]): ModelLink[] =>
    vnets.flatMap((p, i) => (p.zoneLink ? [{ name: zoneLinkName(p.name), vnet: refs[i] as VnetRef }] : []));

  const servers: ModelServer[] = plan.servers.map((s, index) => ({
    index,
    name: s.name,
    version: s.version,
    highAvailability: s.highAvailability,
    location: normalizeRegion(s.region),
    zone: s.availabilityZone ?? '',
    standbyZone:
      s.highAvailability === 'SameZone'
        ? (s.availabilityZone ?? '')
        : s.highAvailability === 'ZoneRedundant'
          ? (s.standbyAvailabilityZone ?? '')
          : '',
    loc: loc(s.resourceGroup),
  }));

  const configurations: ModelConfiguration[] = [
    { name: 'require_secure_transport', value: plan.tls.requireSecureTransport ? 'on' : 'off' },
    { name: 'ssl_min_protocol_version', value: plan.tls.minVersion },
  ];
  if (plan.tls.maxVersion !== null)
    configurations.push({ name: 'ssl_max_protocol_version', value: plan.tls.maxVersion });

  let access: ModelPrivate | ModelPublic;
  if (plan.access.mode === 'public') {
    const rules = [...plan.access.firewallRules];
    const hasAzureRule = rules.some((r) => r.startIp === AZURE_SERVICES_RULE_IP && r.endIp === AZURE_SERVICES_RULE_IP);
    if (plan.access.allowAzureServices && !hasAzureRule) {
      rules.push({ name: AZURE_SERVICES_RULE_NAME, startIp: AZURE_SERVICES_RULE_IP, endIp: AZURE_SERVICES_RULE_IP });
    }
    const a = plan.access;
    const peeredVnets = a.peeredVnets.map(peeredRef);
    const index = planIndex(plan);
    const vnetRef = (name: string): VnetRef | undefined => {
      const entry = index.vnet(name);
      return entry?.kind === 'peered' ? peeredVnets[entry.index] : undefined;
    };
    const zone = a.privateDnsZone && { ...zoneOf(a.privateDnsZone, ''), defaulted: false };
    const endpoints: ModelEndpoint[] = [];
    for (const e of a.privateEndpoints) {
      const entry = index.vnet(e.vnet);
      const subnet = index.subnetOf(e.vnet, e.subnet);
      const server =
        e.server === '' ? 0 : plan.servers.findIndex((s) => s.name.toLowerCase() === e.server.toLowerCase());
      // An endpoint of an unknown VNet, subnet or server is not written: the rules report it.
      if (entry?.kind !== 'peered' || subnet === undefined || server < 0) continue;
      const vnet = peeredVnets[entry.index] as VnetRef;
      // The subnet belongs to an existing VNet: it is referenced, never written, so its private endpoint network
      // policies stay as the plan describes them (PE §1.8) and the export never changes them.
      endpoints.push({
        name: e.name,
        server,
        vnet,
        subnet: subnet.name,
        // The endpoint takes its VNet's region and subscription (PE §1.6).
        region: normalizeRegion(entry.vnet.region),
        loc: loc(e.resourceGroup, vnet.loc.sub),
        privateIp: e.privateIp,
        message:
          e.approval === 'manual'
            ? `Private endpoint ${e.name} for ${plan.servers[server]?.name ?? ''}`.slice(0, PE_REQUEST_MESSAGE_MAX)
            : '',
      });
    }
    access = {
      mode: 'public',
      firewallRules: rules,
      publicNetworkAccess: a.publicNetworkAccess,
      peeredVnets,
      peerings: modelPeerings(plan, vnetRef, null),
      zone,
      links: zone ? linksOf(a.peeredVnets, peeredVnets) : [],
      endpoints,
    };
  } else {
    const a = plan.access;
    const vnetLoc = loc(a.vnet.resourceGroup);
    const vnet = {
      name: a.vnet.name,
      key: 'serverVnet',
      loc: vnetLoc,
      existing: a.vnet.existing,
      region: normalizeRegion(a.vnet.region),
      addressSpaces: a.vnet.addressSpaces,
      dnsServers: a.vnet.dns.kind === 'custom' ? a.vnet.dns.servers : null,
    };
    const zonePlan = a.privateDnsZone;
    const zone = zonePlan
      ? { ...zoneOf(zonePlan, a.vnet.resourceGroup), defaulted: false }
      : { name: suggestedZoneName(first?.name ?? 'server'), existing: false, loc: vnetLoc, defaulted: true };
    if (zone.defaulted) {
      notes.push(
        `The plan names no private DNS zone; this export creates ${zone.name} in ` +
          `the VNet's resource group (the Azure CLI's default).`,
      );
    }
    const peeredVnets = a.peeredVnets.map(peeredRef);
    const links: ModelLink[] = [];
    if (a.vnet.zoneLink) links.push({ name: zoneLinkName(vnet.name), vnet });
    links.push(...linksOf(a.peeredVnets, peeredVnets));
    const index = planIndex(plan);
    /** The VNet of the plan a name resolves to (any case, the first VNet of a name), as the rules resolve it. */
    const vnetRef = (name: string): VnetRef | undefined => {
      const entry = index.vnet(name);
      if (entry === undefined) return undefined;
      return entry.kind === 'server' ? vnet : peeredVnets[entry.index];
    };
    const peerings = modelPeerings(plan, vnetRef, vnet);
    const { routeTables, routeAssociations } = routing(plan, vnet, peeredVnets, vnetRef);
    const dnsIps: number[] = [];
    if (a.vnet.dns.kind === 'custom') {
      for (const text of a.vnet.dns.servers) {
        const ip = parseIPv4Fast(text);
        if (ip.ok) dnsIps.push(ip.value);
      }
    }
    const holdsDns = new Set<number>();
    a.peeredVnets.forEach((p, i) => {
      for (const space of p.addressSpaces) {
        const cidr = parseCidrFast(space);
        if (!cidr.ok) continue;
        const range = cidrRange(cidr.value);
        if (dnsIps.some((ip) => ip >= range.start && ip <= range.end)) holdsDns.add(i);
      }
    });
    const dnsPeerings: number[] = [];
    peerings.forEach((p, i) => {
      if (!p.onServerVnet && p.remote !== vnet) return;
      const other = p.onServerVnet ? p.remote : p.local;
      const index = peeredVnets.indexOf(other);
      if (index >= 0 && holdsDns.has(index)) dnsPeerings.push(i);
    });
    const nsg = a.delegatedSubnet.nsg
      ? {
          name: a.delegatedSubnet.nsg.name,
          rules: a.delegatedSubnet.nsg.rules,
          loc: vnetLoc,
          existing: a.delegatedSubnet.nsg.existing,
        }
      : null;
    if (!nsg?.existing && nsg?.rules.some((r) => r.sourceAsgs.length > 0 || r.destinationAsgs.length > 0)) {
      notes.push(
        'NSG rules that use application security groups are not supported for ' +
          'the delegated subnet; their ASG references are left out.',
      );
    }
    if (a.delegatedSubnet.existing) {
      const routed = routeAssociations.some((r) => r.kind === 'delegated');
      const planned = nsg
        ? routed
          ? ', the NSG and the route table'
          : ' and the NSG'
        : routed
          ? ' and the route table'
          : '';
      notes.push(
        `The existing subnet ${a.delegatedSubnet.name} is updated in place: the delegation, the ` +
          `Microsoft.Storage service endpoint${planned} as planned; ` +
          (routed ? 'its NAT gateway stays as it is.' : 'its route table and NAT gateway stay as they are.'),
      );
    }
    for (const r of routeAssociations) {
      if (r.kind !== 'existing') continue;
      notes.push(
        `The existing subnet ${r.subnet} of ${r.vnet.name} is associated with the route table ` +
          `${(routeTables[r.table] as ModelRouteTable).name} in place; everything else it has stays as it is.`,
      );
    }
    access = {
      mode: 'private',
      vnet,
      otherSubnets: a.vnet.existing ? [] : a.vnet.subnets,
      subnet: { name: a.delegatedSubnet.name, prefix: a.delegatedSubnet.prefix, existing: a.delegatedSubnet.existing },
      nsg,
      zone,
      links,
      peeredVnets,
      peerings,
      routeTables,
      routeAssociations,
      dnsPeerings,
    };
    if (zone.loc.sub !== primary) {
      notes.push(
        `The private DNS zone's subscription must have the ` +
          `Microsoft.DBforPostgreSQL resource provider registered (az provider ` +
          `register -n Microsoft.DBforPostgreSQL --subscription <id>).`,
      );
    }
  }
  const model: ExportModel = {
    planName: plan.name,
    // Templates and the Azure CLI take the programmatic name (PGN-010), whatever spelling the plan holds.
    location: normalizeRegion(first?.region ?? ''),
    primary,
    primaryRg,
    subscriptions,
    subscriptionNames: names,
    servers,
    access,
    configurations,
    notes,
  };
  assertExportable(model);
  return model;
}
