/**
 * What exists in Azure before the deployment, as the plan tells it, and the one spelling of resource IDs that the
 * readers and the engine share: lower-case, the deployment's own subscription and target resource group written
 * as markers, so that an ID an artefact builds from `subscription()` and one it builds from a parameter holding
 * the same GUID compare equal.
 */
import { POSTGRES_DELEGATION_SERVICE, PRIVATE_DNS_LOCATION } from '../domain/azure';
import type { Plan } from '../domain/plan';
import { planIndex } from '../domain/plan-index';
import { normalizeRegion } from '../domain/regions';
import type { ResourceId, StepProps, StepScope } from '../exporters/steps';

/** The deployment's own subscription (`subscription().subscriptionId`, the provider's default, az's current one). */
export const OWN_SUBSCRIPTION = '(deployment-subscription)';
/** The resource group the deployment targets when the plan names none. */
export const TARGET_GROUP = '(deployment-group)';

/** The step properties that hold resource IDs. */
export const ID_PROPS = [
  'networkSecurityGroup',
  'routeTable',
  'remoteVirtualNetwork',
  'virtualNetwork',
  'delegatedSubnet',
  'privateDnsZone',
  'subnet',
  'privateLinkServiceId',
] as const satisfies readonly (keyof StepProps)[];

/**
 * The values of `ID_PROPS` in `props`, in that order. Read by name: reading them with the keys of `ID_PROPS` is
 * several times slower, since the step props have many shapes (world.test.ts checks the two agree).
 */
export const idPropValues = (p: StepProps): (ResourceId | undefined)[] => [
  p.networkSecurityGroup,
  p.routeTable,
  p.remoteVirtualNetwork,
  p.virtualNetwork,
  p.delegatedSubnet,
  p.privateDnsZone,
  p.subnet,
  p.privateLinkServiceId,
];

export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How the plan's first server places the deployment: its subscription (when a GUID) and resource group. */
export interface IdContext {
  /** The plan's server subscription when it is a GUID (the parameters pass it), else null. */
  ownSubscription: string | null;
  /** The plan's server resource group ('' when the plan names none). */
  ownGroup: string;
}

export function idContext(plan: Plan): IdContext {
  const first = plan.servers[0];
  const sub = first?.subscription ?? '';
  return { ownSubscription: GUID.test(sub) ? sub.toLowerCase() : null, ownGroup: first?.resourceGroup ?? '' };
}

/** A subscription as the artefact writes it ('' or the marker = the deployment's own) in the shared spelling. */
function canonicalSubscription(raw: string, ctx: IdContext): string {
  const lower = raw.toLowerCase();
  if (lower === '' || lower === OWN_SUBSCRIPTION || lower === ctx.ownSubscription) return OWN_SUBSCRIPTION;
  return lower;
}

/** A resource group ('' = the deployment's target group) in the shared spelling. */
function canonicalGroup(raw: string, ctx: IdContext): string {
  const lower = raw.toLowerCase();
  if (lower === '' || lower === TARGET_GROUP) return (ctx.ownGroup || TARGET_GROUP).toLowerCase();
  return lower;
}

/** The step scope of a resource: '' for the deployment's own subscription and target group. */
export function stepScope(rawSubscription: string, rawGroup: string, ctx: IdContext): StepScope {
  const sub = canonicalSubscription(rawSubscription, ctx);
  const group = canonicalGroup(rawGroup, ctx);
  return {
    subscription: sub === OWN_SUBSCRIPTION && !GUID.test(rawSubscription) ? '' : rawSubscription,
    resourceGroup: group === canonicalGroup('', ctx) ? '' : rawGroup,
  };
}

/**
 * The ID of a resource group's resource: `type` `Namespace/a/b` with one name per type segment after the
 * namespace (`Microsoft.Network/virtualNetworks/subnets`, ['vnet', 'snet']).
 */
export function resourceIdOf(sub: string, group: string, type: string, names: readonly string[], ctx: IdContext) {
  const [namespace, ...types] = type.split('/');
  let id = `/subscriptions/${canonicalSubscription(sub, ctx)}/resourcegroups/${canonicalGroup(group, ctx)}`;
  id += `/providers/${(namespace ?? '').toLowerCase()}`;
  types.forEach((t, i) => {
    id += `/${t.toLowerCase()}/${(names[i] ?? '').toLowerCase()}`;
  });
  return id;
}

interface ParsedId {
  subscription: string;
  group: string;
  type: string;
  names: string[];
  /** `parentOf` the ID, once asked (undefined until then). */
  parent: ResourceId | null | undefined;
}

/** IDs are parsed again and again while a deployment is replayed: each once (the cache is emptied when large). */
const PARSED = new Map<string, ParsedId | null>();

/** A full resource ID (`/subscriptions/…/resourceGroups/…/providers/…`) in parts; null when it is not one. */
export function parseResourceId(id: string): ParsedId | null {
  let parsed = PARSED.get(id);
  if (parsed === undefined) {
    if (PARSED.size > 50_000) PARSED.clear();
    parsed = parseUncached(id);
    PARSED.set(id, parsed);
  }
  return parsed;
}

function parseUncached(id: string): ParsedId | null {
  const m = /^\/subscriptions\/([^/]*)\/resourcegroups\/([^/]*)\/providers\/([^/]+)\/(.+)$/i.exec(id);
  if (!m) return null;
  const rest = (m[4] as string).split('/');
  if (rest.length % 2 !== 0) return null;
  const types: string[] = [];
  const names: string[] = [];
  for (let i = 0; i < rest.length; i += 2) {
    types.push(rest[i] as string);
    names.push(rest[i + 1] as string);
  }
  return {
    subscription: m[1] as string,
    group: m[2] as string,
    type: [m[3], ...types].join('/'),
    names,
    parent: undefined,
  };
}

/** A raw resource ID in the shared spelling; null when it is not a resource group's resource ID. */
export function canonicalId(raw: string, ctx: IdContext): ResourceId | null {
  const p = parseResourceId(raw);
  if (!p) return null;
  // What `resourceIdOf` builds from the parts: the same segments, lower-cased, with the subscription and group
  // in the shared spelling. `/subscriptions/` and `/resourceGroups/` are 15 and 16 characters.
  const tail = raw.slice(15 + p.subscription.length + 16 + p.group.length).toLowerCase();
  const group = canonicalGroup(p.group, ctx);
  return `/subscriptions/${canonicalSubscription(p.subscription, ctx)}/resourcegroups/${group}${tail}`;
}

/** The ID speller of each plan (plans are never changed in place: an edit makes a new plan). */
const SPELLERS = new WeakMap<Plan, (raw: ResourceId) => ResourceId>();

/**
 * `canonicalId` for the IDs of one plan's deployment, each raw ID worked out once; one that is not an ID stays.
 * One speller per plan, shared by the readers: the Terraform, Bicep and Azure CLI readers write the same raw IDs
 * for a plan, so a dry run of several formats spells each once, and their steps share the spelled strings (the
 * replay's lookups then hash each once). The cache is emptied when large.
 */
export function idSpeller(plan: Plan): (raw: ResourceId) => ResourceId {
  let speller = SPELLERS.get(plan);
  if (speller === undefined) {
    const ctx = idContext(plan);
    const known = new Map<string, ResourceId>();
    speller = (raw) => {
      let out = known.get(raw);
      if (out === undefined) {
        if (known.size > 50_000) known.clear();
        out = canonicalId(raw, ctx) ?? raw;
        known.set(raw, out);
      }
      return out;
    };
    SPELLERS.set(plan, speller);
  }
  return speller;
}

/** `props` with every resource ID (`ID_PROPS`) spelled by `id`; the same object when none changes. */
export function canonicalProps(props: StepProps, id: (raw: ResourceId) => ResourceId): StepProps {
  let out = props;
  for (const key of ID_PROPS) {
    const value = props[key];
    if (value === undefined) continue;
    const spelled = id(value);
    if (spelled !== value) out = { ...out, [key]: spelled };
  }
  return out;
}

/** The subscription segment of a shared-spelling ID. */
export const subscriptionOf = (id: ResourceId): string => parseResourceId(id)?.subscription ?? '';

/**
 * The parent of a child resource's ID (`…/virtualnetworks/a/subnets/b` → `…/virtualnetworks/a`), else null. Kept
 * with the parsed ID: the replay asks for the parent of every step, and the many children of one VNet then share
 * one parent string, which the lookups that follow hash once rather than once per child.
 */
export function parentOf(id: ResourceId): ResourceId | null {
  const p = parseResourceId(id);
  if (!p) return null;
  if (p.parent === undefined)
    p.parent = p.names.length < 2 ? null : id.slice(0, id.lastIndexOf('/', id.lastIndexOf('/') - 1));
  return p.parent;
}

/** The ARM spelling of the resource types the dry run names in its reasons (IDs are lower-case). */
const TYPE_NAMES = new Map(
  [
    'virtualNetworks',
    'subnets',
    'virtualNetworkPeerings',
    'networkSecurityGroups',
    'routeTables',
    'routes',
    'privateDnsZones',
    'virtualNetworkLinks',
    'flexibleServers',
    'configurations',
    'firewallRules',
    'deployments',
  ].map((t) => [t.toLowerCase(), t]),
);

/** A readable name for an ID: `type name` with the child path (`virtualNetworkPeerings vnet-a/vnet-a-to-b`). */
export function describeId(id: ResourceId): string {
  const p = parseResourceId(id);
  if (!p) return id;
  const last = p.type.split('/').pop() ?? p.type;
  const type = TYPE_NAMES.get(last) ?? last;
  const where = p.group === TARGET_GROUP ? '' : ` (resource group ${p.group})`;
  return `${type} ${p.names.join('/')}${where}`;
}

export interface World {
  /** Resources that exist before the deployment, with what the plan knows of their properties. */
  existing: Map<ResourceId, StepProps>;
  /** VNets with a VPN or ExpressRoute gateway (the plan's on-premises sites say where). */
  gateways: Set<ResourceId>;
  /** The region of each plan object, by `type|name` (lower-case). */
  regions: Map<string, string>;
  /** The VNets the plan knows with their address spaces (for custom DNS servers in another VNet). */
  vnets: { id: ResourceId; addressSpaces: readonly string[] }[];
  ctx: IdContext;
}

export const regionKey = (type: string, name: string): string => `${type}|${name}`.toLowerCase();

const T = {
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  routeTable: 'Microsoft.Network/routeTables',
  zone: 'Microsoft.Network/privateDnsZones',
  link: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  server: 'Microsoft.DBforPostgreSQL/flexibleServers',
} as const;

/** The world of each plan (plans are never changed in place: an edit makes a new plan). */
const WORLDS = new WeakMap<Plan, World>();

/**
 * The world before the deployment, read from the plan once: every reader and the replay of every format ask for
 * it, so it is shared, and nothing may change it.
 */
export function worldOf(plan: Plan): World {
  let world = WORLDS.get(plan);
  if (world === undefined) {
    world = buildWorld(plan);
    WORLDS.set(plan, world);
  }
  return world;
}

function buildWorld(plan: Plan): World {
  const ctx = idContext(plan);
  const existing = new Map<ResourceId, StepProps>();
  const gateways = new Set<ResourceId>();
  const regions = new Map<string, string>();
  const vnets: World['vnets'] = [];
  const primarySub = plan.servers[0]?.subscription ?? '';
  const sub = (s: string) => (s === '' || s === primarySub ? '' : s);
  for (const s of plan.servers) regions.set(regionKey(T.server, s.name), normalizeRegion(s.region));
  /**
   * The plan's other VNets (private access: besides the server VNet; public access: all of them) and its zone.
   * `zoneGroup`: the zone's group when it names none.
   */
  const otherVnets = (a: typeof plan.access, zoneGroup: string): ResourceId[] => {
    const zone = a.privateDnsZone;
    if (zone) {
      regions.set(regionKey(T.zone, zone.name), PRIVATE_DNS_LOCATION);
      if (zone.existing) {
        existing.set(
          resourceIdOf(sub(zone.subscription), zone.resourceGroup || zoneGroup, T.zone, [zone.name], ctx),
          {},
        );
      }
    }
    const peeredIds = a.peeredVnets.map((p) => {
      const id = resourceIdOf(sub(p.subscription), p.resourceGroup, T.vnet, [p.name], ctx);
      // Other VNets are never created by an export: they exist (spec/plan.md, "peered VNets"), and so do the
      // subnets the plan lists for them.
      existing.set(id, {
        addressPrefixes: [...p.addressSpaces],
        ...(p.dns.kind === 'custom' ? { dnsServers: [...p.dns.servers] } : {}),
      });
      for (const s of p.subnets) {
        const subnetId = resourceIdOf(sub(p.subscription), p.resourceGroup, T.subnet, [p.name, s.name], ctx);
        existing.set(subnetId, { addressPrefix: s.prefix, ...(s.delegation ? { delegations: [s.delegation] } : {}) });
      }
      regions.set(regionKey(T.vnet, p.name), normalizeRegion(p.region));
      vnets.push({ id, addressSpaces: p.addressSpaces });
      return id;
    });
    if (a.mode === 'public') sites(a, peeredIds, null);
    return peeredIds;
  };
  /** The VNets holding an on-premises site's gateway (`serverVnet`: the server VNet's ID, null in public access). */
  const sites = (a: typeof plan.access, peeredIds: ResourceId[], serverVnet: ResourceId | null) => {
    const index = planIndex(plan);
    for (const site of a.onPremises) {
      if (site.connection === 'none') continue;
      const entry = site.gatewayVnet === '' ? null : index.vnet(site.gatewayVnet);
      if ((entry === null || entry?.kind === 'server') && serverVnet) gateways.add(serverVnet);
      else if (entry?.kind === 'peered') gateways.add(peeredIds[entry.index] as ResourceId);
    }
  };
  if (plan.access.mode === 'private') {
    const a = plan.access;
    const vnetGroup = a.vnet.resourceGroup;
    const vnetId = resourceIdOf('', vnetGroup, T.vnet, [a.vnet.name], ctx);
    vnets.push({ id: vnetId, addressSpaces: a.vnet.addressSpaces });
    regions.set(regionKey(T.vnet, a.vnet.name), normalizeRegion(a.vnet.region));
    const nsg = a.delegatedSubnet.nsg;
    if (nsg) regions.set(regionKey(T.nsg, nsg.name), normalizeRegion(a.vnet.region));
    // An NSG the plan marks existing is there before the deployment, in the server VNet's group (where the exports
    // look for it).
    if (nsg?.existing) existing.set(resourceIdOf('', vnetGroup, T.nsg, [nsg.name], ctx), {});
    if (a.vnet.existing) {
      existing.set(vnetId, {
        addressPrefixes: [...a.vnet.addressSpaces],
        ...(a.vnet.dns.kind === 'custom' ? { dnsServers: [...a.vnet.dns.servers] } : {}),
      });
      for (const s of a.vnet.subnets)
        existing.set(resourceIdOf('', vnetGroup, T.subnet, [a.vnet.name, s.name], ctx), { addressPrefix: s.prefix });
    }
    if (a.delegatedSubnet.existing) {
      const d = a.delegatedSubnet.existingDelegation;
      existing.set(resourceIdOf('', vnetGroup, T.subnet, [a.vnet.name, a.delegatedSubnet.name], ctx), {
        addressPrefix: a.delegatedSubnet.prefix,
        delegations: d === null || d === '' ? [] : [d],
      });
    }
    const peeredIds = otherVnets(a, vnetGroup);
    const index = planIndex(plan);
    // A route table is in its VNet's region (its subnets are in that region).
    for (const t of a.routeTables) {
      const entry = index.vnet(t.vnet);
      if (entry === undefined) continue;
      const region = entry.kind === 'server' ? a.vnet.region : entry.vnet.region;
      regions.set(regionKey(T.routeTable, t.name), normalizeRegion(region));
      // A table the plan marks existing is there before the deployment, in its VNet's group and subscription.
      if (t.existing) {
        const where =
          entry.kind === 'server'
            ? { subscription: '', group: vnetGroup }
            : { subscription: sub(entry.vnet.subscription), group: entry.vnet.resourceGroup };
        existing.set(resourceIdOf(where.subscription, where.group, T.routeTable, [t.name], ctx), {});
      }
    }
    sites(a, peeredIds, vnetId);
  } else otherVnets(plan.access, '');
  return { existing, gateways, regions, vnets, ctx };
}

/** Whether a subnet's delegations let a flexible server in (facts §1.2). */
export const delegatedToPostgres = (props: StepProps): boolean =>
  (props.delegations ?? []).some((d) => d.toLowerCase() === POSTGRES_DELEGATION_SERVICE.toLowerCase());
