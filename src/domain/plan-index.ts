/**
 * The one name lookup of a plan: which VNet, subnet or on-premises site a name refers to. Azure matches
 * resource names case-insensitively (`vnet-Spoke` and `VNET-SPOKE` are one VNet), so every lookup here does
 * too. Rules, checker and exporters all resolve names through this index; built once per plan object and kept
 * as long as the plan lives.
 */
import type {
  DelegatedSubnet,
  OnPremises,
  PeeredVnet,
  Peering,
  Plan,
  PrivateAccess,
  PublicAccess,
  RouteTable,
  Subnet,
  Vnet,
} from './plan';

/** A VNet of the plan: the server VNet, or one of the other VNets (by its index in `peeredVnets`). */
type VnetEntry =
  | { readonly kind: 'server'; readonly path: 'access.vnet'; readonly vnet: Vnet }
  | { readonly kind: 'peered'; readonly index: number; readonly path: string; readonly vnet: PeeredVnet };

/** A subnet of the server VNet: one of `subnets` (by index), or the delegated subnet. */
type SubnetEntry =
  | { readonly kind: 'subnet'; readonly index: number; readonly path: string; readonly subnet: Subnet }
  | { readonly kind: 'delegated'; readonly path: 'access.delegatedSubnet'; readonly subnet: DelegatedSubnet };

/** One direction of a peering, as `access.peerings` holds it. */
export interface PeeringEntry {
  readonly index: number;
  readonly path: string;
  readonly peering: Peering;
}

/** A route table, as `access.routeTables` holds it. */
export interface RouteTableEntry {
  readonly index: number;
  readonly path: string;
  readonly table: RouteTable;
}

interface SiteEntry {
  readonly index: number;
  readonly path: string;
  readonly site: OnPremises;
}

export interface PlanIndex {
  /** The VNet of this name; the server VNet wins a clash, then the first of the other VNets. */
  vnet(name: string): VnetEntry | undefined;
  /** The subnet of the server VNet of this name; the first of `subnets` wins, then the delegated one. */
  subnet(name: string): SubnetEntry | undefined;
  /** The on-premises site of this name; the first one wins. */
  site(name: string): SiteEntry | undefined;
  /**
   * The peering resource on VNet `from` that points to VNet `to` (names in any case); the first one wins. Two
   * VNets are peered only when both directions exist (facts §2.4: one resource per direction).
   */
  peering(from: string, to: string): PeeringEntry | undefined;
  /** Both directions of a peering between `a` and `b` exist. */
  peered(a: string, b: string): boolean;
  /** The route table associated with subnet `subnet` of VNet `vnet`; the first table that names it wins. */
  routeTable(vnet: string, subnet: string): RouteTableEntry | undefined;
  /**
   * The subnet `subnet` of any VNet of the plan (`vnet` in any case): on the server VNet as `subnet` resolves it,
   * on another VNet the first of its `subnets` of that name.
   */
  subnetOf(vnet: string, subnet: string): Subnet | DelegatedSubnet | undefined;
}

/**
 * The key two names share when Azure takes them for the same resource.
 * Source: "Naming rules and restrictions for Azure resources" (facts §2.6): names are case-insensitive.
 */
const nameKey = (name: string): string => name.toLowerCase();

/** Two names as one key; the separator is a character no name of a readable plan holds (text-safety). */
const pairKey = (a: string, b: string): string => `${a}\u0000${b}`;

function firstByName<T>(map: Map<string, T>, name: string, entry: T): void {
  const key = nameKey(name);
  if (!map.has(key)) map.set(key, entry);
}

/** Public access has no server VNet: its VNets are all `peeredVnets`, and it has no route tables. */
function build(access: PrivateAccess | PublicAccess): PlanIndex {
  const vnets = new Map<string, VnetEntry>();
  const subnets = new Map<string, SubnetEntry>();
  if (access.mode === 'private') {
    firstByName(vnets, access.vnet.name, { kind: 'server', path: 'access.vnet', vnet: access.vnet });
    access.vnet.subnets.forEach((subnet, index) =>
      firstByName(subnets, subnet.name, { kind: 'subnet', index, path: `access.vnet.subnets.${index}`, subnet }),
    );
    firstByName(subnets, access.delegatedSubnet.name, {
      kind: 'delegated',
      path: 'access.delegatedSubnet',
      subnet: access.delegatedSubnet,
    });
  }
  access.peeredVnets.forEach((vnet, index) =>
    firstByName(vnets, vnet.name, { kind: 'peered', index, path: `access.peeredVnets.${index}`, vnet }),
  );
  const peerings = new Map<string, PeeringEntry>();
  access.peerings.forEach((peering, index) =>
    firstByName(peerings, pairKey(peering.from, peering.to), { index, path: `access.peerings.${index}`, peering }),
  );
  const tables = new Map<string, RouteTableEntry>();
  (access.mode === 'private' ? access.routeTables : []).forEach((table, index) => {
    const entry = { index, path: `access.routeTables.${index}`, table };
    for (const subnet of table.subnets) firstByName(tables, pairKey(table.vnet, subnet), entry);
  });
  const otherSubnets = new Map<string, Subnet>();
  for (const vnet of access.peeredVnets) {
    // Only the VNet that owns the name (the server VNet wins a clash, then the first other VNet) lends its subnets.
    if (vnets.get(nameKey(vnet.name))?.vnet !== vnet) continue;
    for (const subnet of vnet.subnets) firstByName(otherSubnets, pairKey(vnet.name, subnet.name), subnet);
  }
  const sites = new Map<string, SiteEntry>();
  access.onPremises.forEach((site, index) =>
    firstByName(sites, site.name, { index, path: `access.onPremises.${index}`, site }),
  );
  return {
    vnet: (name) => vnets.get(nameKey(name)),
    subnet: (name) => subnets.get(nameKey(name)),
    site: (name) => sites.get(nameKey(name)),
    peering: (from, to) => peerings.get(nameKey(pairKey(from, to))),
    peered: (a, b) => peerings.has(nameKey(pairKey(a, b))) && peerings.has(nameKey(pairKey(b, a))),
    routeTable: (vnet, subnet) => tables.get(nameKey(pairKey(vnet, subnet))),
    subnetOf: (vnet, subnet) =>
      vnets.get(nameKey(vnet))?.kind === 'server'
        ? subnets.get(nameKey(subnet))?.subnet
        : otherSubnets.get(nameKey(pairKey(vnet, subnet))),
  };
}

const indexes = new WeakMap<Plan['access'], PlanIndex>();

/**
 * The name index of a plan's access settings, built on first use. Plans are never changed in place: an edit makes
 * a new plan, and a new access object only when it changes something in it, so an edit elsewhere (a server, a
 * client) keeps the index.
 */
export function accessIndex(access: Plan['access']): PlanIndex {
  let index = indexes.get(access);
  if (index === undefined) {
    index = build(access);
    indexes.set(access, index);
  }
  return index;
}

/** The name index of a plan (see `accessIndex`). */
export const planIndex = (plan: Plan): PlanIndex => accessIndex(plan.access);
