/**
 * Test support: a plan "played deployed". The plan's ARM export is evaluated as the deployment dry run evaluates it
 * (src/deploy/read-arm.ts: parameters, variables, nested deployments, `resourceId()`, `format()`, `union()` with the
 * live properties of an existing subnet, …), and what the deployment leaves in Azure is written as ARM's GET returns
 * it (shapes.ts): a VNet with its subnets and peerings inside it, an NSG with Azure's six default rules, the
 * server's `network` block, its firewall rules and TLS parameters as resources of their own.
 *
 * What the template only refers to exists already, so it is built from the plan: the existing server VNet, subnets
 * and zone, the peered VNets, their Azure Firewalls, the gateways of the on-premises sites (with a local network
 * gateway and a connection for a VPN), and a DNS Private Resolver inbound endpoint at each custom DNS server that the
 * plan says forwards to Azure DNS.
 *
 * The result is what the inventory script would collect after the deployment (`deployedBundle`).
 */
import { Live, Secret } from '../../deploy/arm-expr';
import { evaluateArm, type EvaluatedArmResource } from '../../deploy/read-arm';
import { GUID, OWN_SUBSCRIPTION, TARGET_GROUP } from '../../deploy/world';
import {
  DNS_RESOLVER_DELEGATION_SERVICE,
  DNS_RESOLVER_SUBNET_MIN_PREFIX_LENGTH,
  FIREWALL_SUBNET_MIN_PREFIX_LENGTH,
  GATEWAY_SUBNET_MIN_PREFIX_LENGTH,
} from '../../domain/azure';
import {
  cidrContains,
  formatCidr,
  formatIPv4,
  networkOf,
  nextFreeBlock,
  parseCidr,
  parseIPv4,
  type Cidr,
} from '../../domain/ipv4';
import type { Appliance, DnsSetting, Plan, Subnet } from '../../domain/plan';
import { setIn } from '../../domain/paths';
import { normalizeRegion } from '../../domain/regions';
import { examplePlans } from '../../domain/testing/examples';
import { armFiles } from '../../exporters/arm';
import { T } from '../arm-types';
import { INVENTORY_FORMAT, INVENTORY_VERSION, type ArmResource, type InventoryBundle } from '../types';
import {
  armId,
  defaultSecurityRules,
  delegation,
  nameOf,
  privateZone,
  subResource,
  TLS_PARAMETER_NAMES,
  tlsConfiguration,
  zoneLink,
  type Json,
} from './shapes';

/** The subscription the plan is deployed to when its server names none (the deployment's own). */
const DEPLOYMENT_SUBSCRIPTION = '9d3b5e2a-6c41-4f7e-8a0b-2e5c7d9f1a36';
/** The resource group the plan is deployed to when its server names none. */
const DEPLOYMENT_GROUP = 'rg-deployment';

/**
 * Subnets that what the plan describes needs in Azure although the plan doesn't list them: a gateway's, and the
 * subnet of a DNS resolver inbound endpoint (or an Azure Firewall) whose address is in no subnet of the plan.
 */
export const ADDED_SUBNETS = {
  gateway: 'GatewaySubnet',
  resolver: 'snet-dnspr-inbound',
  firewall: 'AzureFirewallSubnet',
} as const;

/** Children that GET returns inside their parent, and the parent's property that holds them. */
const NESTED: Readonly<Record<string, string>> = {
  [T.subnet.toLowerCase()]: 'subnets',
  [T.peering.toLowerCase()]: 'virtualNetworkPeerings',
  [T.securityRule.toLowerCase()]: 'securityRules',
  [T.route.toLowerCase()]: 'routes',
};

/** The top-level keys of a resource besides its properties that GET returns as the template set them. */
const TOP_KEYS = ['sku', 'zones', 'tags', 'kind', 'identity'];

const isJson = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const key = (id: string) => id.toLowerCase();
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const parentOf = (id: string) => id.replace(/\/[^/]+\/[^/]+$/, '');
const jsonAt = (v: unknown, k: string): Json => (isJson(v) && isJson(v[k]) ? v[k] : {});
const listAt = (v: unknown, k: string): Json[] =>
  isJson(v) && Array.isArray(v[k]) ? (v[k] as unknown[]).filter(isJson) : [];
const idAt = (v: unknown, k: string): string => {
  const id = jsonAt(v, k).id;
  return typeof id === 'string' ? id : '';
};

function cidrOf(text: string): Cidr | null {
  const c = parseCidr(text);
  return c.ok ? c.value : null;
}

/** A resource being deployed. */
interface Resource {
  id: string;
  type: string;
  location: string | undefined;
  properties: Json;
  top: Json;
}

/** A VNet of the plan, as the deployment places it. */
interface PlanVnet {
  readonly id: string;
  readonly name: string;
  readonly subscription: string;
  readonly group: string;
  readonly region: string;
  readonly addressSpaces: readonly string[];
  readonly subnets: readonly Subnet[];
  readonly dns: DnsSetting;
  readonly appliance: Appliance | null;
  readonly existing: boolean;
}

class Deployment {
  readonly byId = new Map<string, Resource>();

  constructor(
    readonly subscription: string,
    readonly group: string,
  ) {}

  /** The deployment's markers for its own subscription and group (src/deploy/world.ts) replaced by their values. */
  text(s: string): string {
    return s.replaceAll(OWN_SUBSCRIPTION, this.subscription).replaceAll(TARGET_GROUP, this.group);
  }

  sub(raw: string): string {
    return raw === '' || raw === OWN_SUBSCRIPTION ? this.subscription : raw;
  }

  rg(raw: string): string {
    return raw === '' || raw === TARGET_GROUP ? this.group : raw;
  }

  /** A template value as deployed: markers replaced; a secure parameter's value is never returned by GET. */
  clean(v: unknown): unknown {
    if (typeof v === 'string') return this.text(v);
    if (v instanceof Secret) return undefined;
    if (v instanceof Live) throw new Error(`a value read from ${v.id} at deployment time, inside a value`);
    if (Array.isArray(v)) return v.map((x) => this.clean(x)).filter((x) => x !== undefined);
    if (isJson(v)) {
      const out: Json = {};
      for (const [k, x] of Object.entries(v)) {
        const c = this.clean(x);
        if (c !== undefined) out[k] = c;
      }
      return out;
    }
    return v;
  }

  get(id: string): Resource | undefined {
    return this.byId.get(key(id));
  }

  put(r: Resource): Resource {
    this.byId.set(key(r.id), r);
    return r;
  }

  ofType(type: string): Resource[] {
    return [...this.byId.values()].filter((r) => r.type.toLowerCase() === type.toLowerCase());
  }

  /** One resource of the template, over what exists: a PUT replaces the properties, `union()` keeps the live ones. */
  apply(r: EvaluatedArmResource): void {
    const id = armId(this.sub(r.subscription), this.rg(r.resourceGroup), r.type, ...r.name.split('/'));
    const prior = this.get(id);
    let properties: Json;
    if (r.properties instanceof Live) {
      if (!r.properties.isProperties) throw new Error(`${id}: properties read from another resource`);
      properties = { ...(prior?.properties ?? {}), ...(this.clean(r.properties.overlay ?? {}) as Json) };
    } else properties = this.clean(r.properties ?? {}) as Json;
    const top: Json = { ...(prior?.top ?? {}) };
    for (const k of TOP_KEYS) if (r.other[k] !== undefined) top[k] = this.clean(r.other[k]);
    this.put({ id, type: r.type, location: r.location ?? prior?.location, properties, top });
  }
}

/** The plan's VNets (a private plan's server VNet first), placed in the deployment's subscription and groups. */
function planVnets(plan: Plan, d: Deployment): PlanVnet[] {
  const a = plan.access;
  const peered = a.peeredVnets.map((p): PlanVnet => ({
    id: armId(d.sub(p.subscription), d.rg(p.resourceGroup), T.vnet, p.name),
    name: p.name,
    subscription: d.sub(p.subscription),
    group: d.rg(p.resourceGroup),
    region: normalizeRegion(p.region),
    addressSpaces: p.addressSpaces,
    subnets: p.subnets,
    dns: p.dns,
    appliance: p.appliance,
    // Peered VNets are never created by an export (src/deploy/world.ts).
    existing: true,
  }));
  if (a.mode !== 'private') return peered;
  const server: PlanVnet = {
    id: armId(d.subscription, d.rg(a.vnet.resourceGroup), T.vnet, a.vnet.name),
    name: a.vnet.name,
    subscription: d.subscription,
    group: d.rg(a.vnet.resourceGroup),
    region: normalizeRegion(a.vnet.region),
    addressSpaces: a.vnet.addressSpaces,
    subnets: a.vnet.subnets,
    dns: a.vnet.dns,
    appliance: a.vnet.appliance,
    existing: a.vnet.existing,
  };
  return [server, ...peered];
}

function vnetResource(v: PlanVnet): Resource {
  return {
    id: v.id,
    type: T.vnet,
    location: v.region,
    properties: {
      addressSpace: { addressPrefixes: [...v.addressSpaces] },
      ...(v.dns.kind === 'custom' ? { dhcpOptions: { dnsServers: [...v.dns.servers] } } : {}),
    },
    top: {},
  };
}

const subnetResource = (vnetId: string, name: string, properties: Json): Resource => ({
  id: `${vnetId}/subnets/${name}`,
  type: T.subnet,
  location: undefined,
  properties,
  top: {},
});

/** A subnet of the plan as it exists: its prefix, delegation and private endpoint network policies. */
function planSubnet(vnetId: string, s: Subnet): Resource {
  const id = `${vnetId}/subnets/${s.name}`;
  return subnetResource(vnetId, s.name, {
    addressPrefix: s.prefix,
    ...(s.delegation === undefined ? {} : { delegations: [delegation(id, 'delegation', s.delegation)] }),
    ...(s.privateEndpointNetworkPolicies === undefined
      ? {}
      : { privateEndpointNetworkPolicies: s.privateEndpointNetworkPolicies }),
  });
}

/** What exists before the deployment, as the plan describes it. */
function existingFromPlan(plan: Plan, d: Deployment, vnets: readonly PlanVnet[]): void {
  const a = plan.access;
  for (const v of vnets) {
    if (!v.existing) continue;
    d.put(vnetResource(v));
    for (const s of v.subnets) d.put(planSubnet(v.id, s));
  }
  if (a.mode !== 'private') {
    const zone = a.privateDnsZone;
    if (zone?.existing === true) {
      const id = armId(d.sub(zone.subscription), d.rg(zone.resourceGroup), T.zone, zone.name);
      d.put({ id, type: T.zone, location: 'global', properties: {}, top: {} });
    }
    return;
  }
  const serverVnet = vnets[0];
  if (serverVnet !== undefined && a.delegatedSubnet.existing) {
    const subnetId = `${serverVnet.id}/subnets/${a.delegatedSubnet.name}`;
    const service = a.delegatedSubnet.existingDelegation;
    d.put(
      subnetResource(serverVnet.id, a.delegatedSubnet.name, {
        addressPrefix: a.delegatedSubnet.prefix,
        ...(service === null || service === '' ? {} : { delegations: [delegation(subnetId, 'delegation', service)] }),
      }),
    );
  }
  const zone = a.privateDnsZone;
  if (zone?.existing === true && serverVnet !== undefined) {
    const id = armId(d.sub(zone.subscription), zone.resourceGroup || serverVnet.group, T.zone, zone.name);
    d.put({ id, type: T.zone, location: 'global', properties: {}, top: {} });
  }
}

/** The subnet of `vnet` holding `ip`; else a new one named `name` (the aligned block of `length` around it). */
function subnetHolding(d: Deployment, vnet: PlanVnet, ip: string, name: string, length: number): Resource | null {
  const address = parseIPv4(ip);
  if (!address.ok) return null;
  const subnets = d.ofType(T.subnet).filter((s) => key(parentOf(s.id)) === key(vnet.id));
  const at: Cidr = { start: address.value, prefixLength: 32 };
  const found = subnets.find((s) => {
    const c = cidrOf(str(s.properties.addressPrefix));
    return c !== null && cidrContains(c, at);
  });
  if (found !== undefined) return found;
  const block: Cidr = { start: networkOf(address.value, length), prefixLength: length };
  const taken = subnets.map((s) => cidrOf(str(s.properties.addressPrefix))).filter((c) => c !== null);
  if (taken.some((c) => cidrContains(c, block) || cidrContains(block, c))) return null;
  return d.put(subnetResource(vnet.id, name, { addressPrefix: formatCidr(block) }));
}

/** A subnet reference `ipConfigurations` entry (what GET shows of the resources in a subnet). */
function addIpConfiguration(subnet: Resource, id: string): void {
  const list = listAt(subnet.properties, 'ipConfigurations');
  subnet.properties.ipConfigurations = [...list, { id }];
}

/** Azure Firewalls of the plan's VNets (AzureFirewallGet). */
function firewalls(d: Deployment, vnets: readonly PlanVnet[]): void {
  for (const v of vnets) {
    if (v.appliance?.kind !== 'azureFirewall') continue;
    // Azure Firewall lives in AzureFirewallSubnet, a /26 (src/domain/azure.ts).
    const subnet = subnetHolding(
      d,
      v,
      v.appliance.privateIp,
      ADDED_SUBNETS.firewall,
      FIREWALL_SUBNET_MIN_PREFIX_LENGTH,
    );
    const id = armId(v.subscription, v.group, T.firewall, v.appliance.name);
    const config = `${id}/ipConfigurations/ipconfig`;
    if (subnet !== null) addIpConfiguration(subnet, config);
    d.put({
      id,
      type: T.firewall,
      location: v.region,
      properties: {
        applicationRuleCollections: [],
        ipConfigurations: [
          subResource(id, 'ipConfigurations', 'ipconfig', {
            privateIPAddress: v.appliance.privateIp,
            subnet: { id: subnet?.id ?? `${v.id}/subnets/${ADDED_SUBNETS.firewall}` },
          }),
        ],
        natRuleCollections: [],
        networkRuleCollections: [],
        sku: { name: 'AZFW_VNet', tier: 'Standard' },
        threatIntelMode: 'Alert',
      },
      top: {},
    });
  }
}

/** A gateway per VNet that on-premises sites connect through (VirtualNetworkGatewayGet), named after the first. */
function gateways(plan: Plan, d: Deployment, vnets: readonly PlanVnet[]): void {
  const serverVnet = plan.access.mode === 'private' ? vnets[0] : undefined;
  /** The gateway of each VNet, by the VNet's key. */
  const done = new Map<string, string>();
  for (const site of plan.access.onPremises) {
    if (site.connection === 'none') continue;
    const vnet =
      site.gatewayVnet === '' ? serverVnet : vnets.find((v) => v.name.toLowerCase() === site.gatewayVnet.toLowerCase());
    if (vnet === undefined) continue;
    const subscription = vnet.subscription;
    const vpn = site.connection === 'vpn';
    let gatewayId = done.get(key(vnet.id));
    if (gatewayId === undefined) {
      gatewayId = armId(subscription, vnet.group, T.gateway, site.name);
      done.set(key(vnet.id), gatewayId);
      let subnet = d.ofType(T.subnet).find((s) => key(s.id) === key(`${vnet.id}/subnets/${ADDED_SUBNETS.gateway}`));
      if (subnet === undefined) {
        const within = vnet.addressSpaces.map(cidrOf).filter((c) => c !== null);
        const taken = d
          .ofType(T.subnet)
          .filter((s) => key(parentOf(s.id)) === key(vnet.id))
          .map((s) => cidrOf(str(s.properties.addressPrefix)))
          .filter((c) => c !== null);
        // GatewaySubnet: /27 or larger is recommended (src/domain/azure.ts).
        const free = nextFreeBlock(GATEWAY_SUBNET_MIN_PREFIX_LENGTH, within, taken);
        if (free !== null)
          subnet = d.put(subnetResource(vnet.id, ADDED_SUBNETS.gateway, { addressPrefix: formatCidr(free) }));
      }
      const config = `${gatewayId}/ipConfigurations/default`;
      if (subnet !== undefined) addIpConfiguration(subnet, config);
      d.put({
        id: gatewayId,
        type: T.gateway,
        location: vnet.region,
        properties: {
          activeActive: false,
          enableBgp: false,
          gatewayType: vpn ? 'Vpn' : 'ExpressRoute',
          ipConfigurations: [
            subResource(gatewayId, 'ipConfigurations', 'default', {
              privateIPAllocationMethod: 'Dynamic',
              subnet: { id: subnet?.id ?? `${vnet.id}/subnets/${ADDED_SUBNETS.gateway}` },
            }),
          ],
          sku: vpn ? { name: 'VpnGw1', tier: 'VpnGw1' } : { name: 'ErGw1AZ', tier: 'ErGw1AZ' },
          ...(vpn ? { vpnType: 'RouteBased' } : {}),
        },
        top: {},
      });
    }
    if (!vpn) continue;
    // A VPN site: its address ranges are a local network gateway's, which a connection joins to the gateway.
    const localId = armId(subscription, vnet.group, T.localGateway, `lgw-${site.name}`);
    d.put({
      id: localId,
      type: T.localGateway,
      location: vnet.region,
      properties: {
        // 203.0.113.0/24: an address for documentation (RFC 5737), standing for the site's VPN device.
        gatewayIpAddress: '203.0.113.10',
        localNetworkAddressSpace: { addressPrefixes: [...site.addressRanges] },
      },
      top: {},
    });
    d.put({
      id: armId(subscription, vnet.group, T.connection, `cn-${site.name}`),
      type: T.connection,
      location: vnet.region,
      properties: {
        connectionProtocol: 'IKEv2',
        connectionStatus: 'Connected',
        connectionType: 'IPsec',
        localNetworkGateway2: { id: localId },
        routingWeight: 0,
        virtualNetworkGateway1: { id: gatewayId },
      },
      top: {},
    });
  }
}

/**
 * A DNS Private Resolver inbound endpoint at each custom DNS server that the plan says forwards to Azure DNS (the
 * one such server Azure can show: private-endpoint-facts.md §3.2), in the subnet of a plan VNet that holds it.
 */
function resolvers(d: Deployment, vnets: readonly PlanVnet[]): void {
  const done = new Set<string>();
  for (const v of vnets) {
    if (v.dns.kind !== 'custom' || !v.dns.forwardsToAzureDns) continue;
    for (const ip of v.dns.servers) {
      if (done.has(ip)) continue;
      const address = parseIPv4(ip);
      const holder = vnets.find((h) =>
        h.addressSpaces.some((s) => {
          const c = cidrOf(s);
          return c !== null && address.ok && cidrContains(c, { start: address.value, prefixLength: 32 });
        }),
      );
      if (holder === undefined) continue;
      // An inbound endpoint's subnet is a /28 to /24 delegated to DNS resolvers (src/domain/azure.ts).
      const subnet = subnetHolding(d, holder, ip, ADDED_SUBNETS.resolver, DNS_RESOLVER_SUBNET_MIN_PREFIX_LENGTH);
      if (subnet === null) continue;
      done.add(ip);
      subnet.properties.delegations = [
        delegation(subnet.id, 'Microsoft.Network.dnsResolvers', DNS_RESOLVER_DELEGATION_SERVICE),
      ];
      const resolver = armId(
        holder.subscription,
        holder.group,
        'Microsoft.Network/dnsResolvers',
        `dnspr-${holder.name}`,
      );
      d.put({
        id: `${resolver}/inboundEndpoints/in-${ip.replaceAll('.', '-')}`,
        type: T.inboundEndpoint,
        location: holder.region,
        properties: {
          ipConfigurations: [{ privateIpAddress: ip, privateIpAllocationMethod: 'Static', subnet: { id: subnet.id } }],
        },
        top: {},
      });
    }
  }
}

/** An endpoint's connections: automatic (approved at once) or manual (pending until the server's owner approves). */
const endpointLinks = (e: Resource): { link: Json; manual: boolean }[] => [
  ...listAt(e.properties, 'privateLinkServiceConnections').map((link) => ({ link, manual: false })),
  ...listAt(e.properties, 'manualPrivateLinkServiceConnections').map((link) => ({ link, manual: true })),
];

const connectionState = (manual: boolean): Json =>
  manual
    ? { status: 'Pending', description: 'Awaiting approval', actionsRequired: 'None' }
    : { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' };

/**
 * What the server's GET shows of the endpoints that connect to it (ServersGetWithPrivateEndpoints): one
 * `privateEndpointConnections` entry each, named `<endpoint>.<guid>` (private-endpoint-facts.md §1.2).
 */
function endpointConnections(d: Deployment, serverId: string): Json[] {
  return d.ofType(T.endpoint).flatMap((e) =>
    endpointLinks(e)
      .filter(({ link }) => key(str(jsonAt(link, 'properties').privateLinkServiceId)) === key(serverId))
      .map(({ manual }) => {
        const name = `${nameOf(e.id)}.1a2b3c4d-0000-4000-8000-000000000001`;
        return {
          name,
          type: T.endpointConnection,
          id: `${serverId}/privateEndpointConnections/${name}`,
          properties: {
            groupIds: ['postgresqlServer'],
            privateEndpoint: { id: e.id },
            privateLinkServiceConnectionState: connectionState(manual),
            provisioningState: 'Succeeded',
          },
        };
      }),
  );
}

/**
 * What an endpoint's GET adds (PrivateEndpointGet): its network interface, the address in `customDnsConfigs` (for a
 * dynamic endpoint, the one Azure picked: the first free address of the subnet, .4, which is no static IP), each
 * connection's state.
 */
function decorateEndpoint(d: Deployment, r: Resource): void {
  const p = r.properties;
  const configured = str(jsonAt(listAt(p, 'ipConfigurations')[0], 'properties').privateIPAddress);
  const subnet = cidrOf(str(d.get(idAt(p, 'subnet'))?.properties.addressPrefix));
  const picked = subnet === null ? '' : formatIPv4(subnet.start + 4);
  const server = nameOf(str(jsonAt(endpointLinks(r)[0]?.link, 'properties').privateLinkServiceId));
  const fqdn = `${server}.postgres.database.azure.com`;
  p.customDnsConfigs = [{ fqdn, ipAddresses: [configured || picked] }];
  p.networkInterfaces = [
    { id: armId(d.subscription, d.group, 'Microsoft.Network/networkInterfaces', `${nameOf(r.id)}.nic`) },
  ];
  for (const { link, manual } of endpointLinks(r))
    link.properties = { ...jsonAt(link, 'properties'), privateLinkServiceConnectionState: connectionState(manual) };
  p.provisioningState = 'Succeeded';
}

/** The read-only values GET adds to what the template set, by type. */
function decorate(d: Deployment, r: Resource): void {
  const p = r.properties;
  const withIds = (collection: string) => {
    p[collection] = listAt(p, collection).map((c) =>
      subResource(r.id, collection, str(c.name), jsonAt(c, 'properties')),
    );
  };
  switch (r.type.toLowerCase()) {
    case T.server.toLowerCase(): {
      const ha = jsonAt(p, 'highAvailability');
      const mode = str(ha.mode) || 'Disabled';
      // Azure picks the zones a template leaves open (ServersGetWithVnet shows both).
      const zone = typeof p.availabilityZone === 'string' && p.availabilityZone !== '' ? p.availabilityZone : '1';
      const standby =
        mode === 'ZoneRedundant'
          ? typeof ha.standbyAvailabilityZone === 'string' && ha.standbyAvailabilityZone !== ''
            ? ha.standbyAvailabilityZone
            : zone === '2'
              ? '3'
              : '2'
          : mode === 'SameZone'
            ? zone
            : undefined;
      r.properties = {
        ...p,
        availabilityZone: zone,
        fullyQualifiedDomainName: `${nameOf(r.id)}.postgres.database.azure.com`,
        highAvailability: {
          mode,
          ...(standby === undefined ? {} : { standbyAvailabilityZone: standby }),
          state: mode === 'Disabled' ? 'NotEnabled' : 'Healthy',
        },
        state: 'Ready',
      };
      const connections = endpointConnections(d, r.id);
      if (connections.length > 0) r.properties.privateEndpointConnections = connections;
      for (const name of TLS_PARAMETER_NAMES) {
        const id = `${r.id}/configurations/${name}`;
        const set = d.get(id);
        const value = set === undefined ? undefined : str(set.properties.value);
        const c = tlsConfiguration(r.id, name, value);
        d.put({ id, type: T.configuration, location: undefined, properties: c.properties ?? {}, top: {} });
      }
      break;
    }
    case T.vnet.toLowerCase():
      r.properties = { ...p, provisioningState: 'Succeeded' };
      break;
    case T.nsg.toLowerCase():
      withIds('securityRules');
      p.defaultSecurityRules = defaultSecurityRules(r.id);
      p.provisioningState = 'Succeeded';
      break;
    case T.routeTable.toLowerCase():
      withIds('routes');
      p.disableBgpRoutePropagation ??= false;
      p.provisioningState = 'Succeeded';
      break;
    case T.subnet.toLowerCase(): {
      const region = d.get(parentOf(r.id))?.location;
      p.delegations = listAt(p, 'delegations').map((x) =>
        delegation(r.id, str(x.name), str(jsonAt(x, 'properties').serviceName)),
      );
      if (listAt(p, 'delegations').length === 0) delete p.delegations;
      if (Array.isArray(p.serviceEndpoints))
        p.serviceEndpoints = listAt(p, 'serviceEndpoints').map((e) => ({
          ...e,
          locations: [region ?? ''],
          provisioningState: 'Succeeded',
        }));
      p.provisioningState = 'Succeeded';
      break;
    }
    case T.peering.toLowerCase(): {
      const remote = d.get(idAt(p, 'remoteVirtualNetwork'));
      const local = parentOf(r.id);
      const back = d
        .ofType(T.peering)
        .some(
          (x) =>
            key(parentOf(x.id)) === key(remote?.id ?? '') &&
            key(idAt(x.properties, 'remoteVirtualNetwork')) === key(local),
        );
      const space = jsonAt(remote?.properties, 'addressSpace');
      p.allowVirtualNetworkAccess ??= true;
      p.peeringState = back ? 'Connected' : 'Initiated';
      p.peeringSyncLevel = 'FullyInSync';
      if (remote !== undefined) {
        p.remoteAddressSpace = space;
        p.remoteVirtualNetworkAddressSpace = space;
      }
      p.provisioningState = 'Succeeded';
      break;
    }
    case T.zone.toLowerCase(): {
      const links = d.ofType(T.zoneLink).filter((l) => key(parentOf(l.id)) === key(r.id));
      // Record sets: the zone's SOA only (no record set is part of these bundles).
      r.properties = privateZone(r.id, links.length, 1).properties ?? {};
      break;
    }
    case T.zoneLink.toLowerCase(): {
      const link = zoneLink(parentOf(r.id), nameOf(r.id), idAt(p, 'virtualNetwork'), p.registrationEnabled === true);
      r.properties = link.properties ?? {};
      break;
    }
    case T.endpoint.toLowerCase():
      decorateEndpoint(d, r);
      break;
    case T.firewall.toLowerCase():
    case T.gateway.toLowerCase():
    case T.localGateway.toLowerCase():
    case T.connection.toLowerCase():
    case T.inboundEndpoint.toLowerCase():
      p.provisioningState = 'Succeeded';
      break;
  }
}

/** What back-references GET shows: the subnets that use an NSG or a route table. */
function backReferences(d: Deployment): void {
  for (const subnet of d.ofType(T.subnet))
    for (const k of ['networkSecurityGroup', 'routeTable']) {
      const user = d.get(idAt(subnet.properties, k));
      if (user !== undefined) user.properties.subnets = [...listAt(user.properties, 'subnets'), { id: subnet.id }];
    }
}

/** The resources in GET shape: nested children inside their parents, the others on their own. */
function written(d: Deployment): ArmResource[] {
  const out: ArmResource[] = [];
  const nested = new Map<string, Resource[]>();
  for (const r of d.byId.values()) {
    const collection = NESTED[r.type.toLowerCase()];
    if (collection === undefined) continue;
    const parent = key(parentOf(r.id));
    if (d.byId.get(parent) === undefined) throw new Error(`${r.id}: its parent is not deployed`);
    nested.set(parent, [...(nested.get(parent) ?? []), r]);
  }
  for (const r of d.byId.values()) {
    if (NESTED[r.type.toLowerCase()] !== undefined) continue;
    const properties: Json = { ...r.properties };
    const children = nested.get(key(r.id)) ?? [];
    if (r.type.toLowerCase() === T.vnet.toLowerCase()) {
      properties.subnets = [];
      properties.virtualNetworkPeerings = [];
    }
    for (const c of children) {
      const collection = NESTED[c.type.toLowerCase()] as string;
      properties[collection] = [
        ...listAt(properties, collection),
        { name: nameOf(c.id), id: c.id, properties: c.properties },
      ];
    }
    out.push({
      id: r.id,
      name: nameOf(r.id),
      type: r.type,
      ...(r.location === undefined ? {} : { location: r.location }),
      properties,
      ...r.top,
    });
  }
  return out;
}

/** The plan's deployment as the inventory script would collect it, in the shapes ARM's GET returns. */
export function deployedBundle(plan: Plan): InventoryBundle {
  const server = plan.servers[0];
  if (server === undefined) throw new Error('the plan has no server');
  const subscription = GUID.test(server.subscription) ? server.subscription : DEPLOYMENT_SUBSCRIPTION;
  const d = new Deployment(subscription, server.resourceGroup || DEPLOYMENT_GROUP);
  const vnets = planVnets(plan, d);
  existingFromPlan(plan, d, vnets);
  for (const r of evaluateArm(armFiles(plan), plan)) d.apply(r);
  firewalls(d, vnets);
  gateways(plan, d, vnets);
  resolvers(d, vnets);
  for (const r of [...d.byId.values()]) decorate(d, r);
  backReferences(d);
  return {
    format: INVENTORY_FORMAT,
    version: INVENTORY_VERSION,
    collectedAt: '2026-11-27T10:00:00Z',
    scope: { subscription, resourceGroup: d.group, server: server.name, peeringDepth: 2 },
    resources: written(d),
  };
}

/**
 * The plans the deployment tests play: every example, and each private one again reusing a VNet, a delegated subnet
 * (not yet delegated) and a zone that exist, so that what the template only refers to is built from the plan.
 */
export function deployedCases(): { name: string; plan: Plan }[] {
  const examples = examplePlans();
  const reusing = examples
    .filter(({ plan }) => plan.access.mode === 'private')
    .map(({ name, plan }) => {
      let p = plan;
      for (const path of ['access.vnet.existing', 'access.delegatedSubnet.existing', 'access.privateDnsZone.existing'])
        p = setIn(p, path, true);
      return { name: `${name}, its VNet, subnet and zone existing`, plan: p };
    });
  return [...examples.map(({ name, plan }) => ({ name, plan })), ...reusing];
}
