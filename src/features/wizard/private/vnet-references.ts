/**
 * The network step's edits that reach past one field. Format 2 names VNets, not IDs: a peering, a route table, an
 * on-premises site's gateway and a client name the VNet they concern. So adding a VNet adds its peerings with the
 * server VNet, removing one removes what only it held, and renaming one renames what names it. Names match in any
 * case, as Azure's do (and as `planIndex` matches them).
 *
 * With public access the plan's VNets are those of its private endpoints, clients and sites: there is no server
 * VNet, no route table, and a private endpoint names its VNet and subnet.
 *
 * Each function returns the new plan and the paths it changed (so that the step's form can show them), or the same
 * plan when there is nothing to change.
 */
import { planIndex } from '../../../domain/plan-index';
import type { PeeredVnet, Peering, Plan, PrivateAccess, PublicAccess } from '../../../domain/plan';

export interface PlanEdit {
  plan: Plan;
  /** Dotted paths of the values that changed (a whole list when its length changed). */
  paths: string[];
}

/** Azure compares resource names without regard to case (the key `planIndex` uses). */
export const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

const unchanged = (plan: Plan): PlanEdit => ({ plan, paths: [] });

const withAccess = (plan: Plan, access: Plan['access']): Plan => ({ ...plan, access });

/** A peering in one direction, with every flag off (Azure's defaults for a new peering). */
export const peeringBetween = (from: string, to: string): Peering => ({
  from,
  to,
  allowForwardedTraffic: false,
  allowGatewayTransit: false,
  useRemoteGateways: false,
});

/**
 * The peering back of `peering`. Its flags are off, but for gateway transit: a peering that uses the remote VNet's
 * gateway needs the peering back to allow gateway transit (PGN-140).
 */
export const reversePeering = (peering: Peering): Peering => ({
  ...peeringBetween(peering.to, peering.from),
  allowGatewayTransit: peering.useRemoteGateways,
});

/** `vnet-peered-1`, `vnet-peered-2`, … the first name no VNet of the plan has (in any case). */
export function freeVnetName(plan: Plan): string {
  const index = planIndex(plan);
  for (let n = 1; ; n += 1) {
    const name = `vnet-peered-${n}`;
    if (index.vnet(name) === undefined) return name;
  }
}

/**
 * Adds another VNet and both peerings between it and the server VNet (flags off), as format 1's "peered VNet" was:
 * a user who only adds VNets gets VNets peered both ways with the server VNet. With public access, the VNet alone.
 */
export function addPeeredVnet(plan: Plan, vnet: PeeredVnet): PlanEdit {
  const access = plan.access;
  if (access.mode === 'public')
    return {
      plan: withAccess(plan, { ...access, peeredVnets: [...access.peeredVnets, vnet] }),
      paths: ['access.peeredVnets'],
    };
  const server = access.vnet.name;
  return {
    plan: withAccess(plan, {
      ...access,
      peeredVnets: [...access.peeredVnets, vnet],
      peerings: [...access.peerings, peeringBetween(server, vnet.name), peeringBetween(vnet.name, server)],
    }),
    paths: ['access.peeredVnets', 'access.peerings'],
  };
}

export interface VnetRemoval extends PlanEdit {
  /** How many peerings and route tables went with the VNet. */
  peerings: number;
  routeTables: number;
}

/**
 * Removes other VNet `i`, the peerings that name it and the route tables of its subnets, so nothing is left naming
 * a VNet the plan no longer has. When another VNet of the plan has the same name, those still name that one and
 * stay. On-premises sites and clients that name it stay too: the checks say that their VNet is gone, and the user
 * picks another (a client is not silently deleted).
 */
export function removePeeredVnet(plan: Plan, i: number): VnetRemoval {
  const access = plan.access;
  const removed = access.peeredVnets[i];
  if (removed === undefined) return { ...unchanged(plan), peerings: 0, routeTables: 0 };
  const name = removed.name;
  const peeredVnets = access.peeredVnets.filter((_, j) => j !== i);
  if (planIndex(withAccess(plan, { ...access, peeredVnets })).vnet(name) !== undefined) {
    return {
      plan: withAccess(plan, { ...access, peeredVnets }),
      paths: ['access.peeredVnets'],
      peerings: 0,
      routeTables: 0,
    };
  }
  const peerings = access.peerings.filter((p) => !sameName(p.from, name) && !sameName(p.to, name));
  const routeTables = access.mode === 'private' ? access.routeTables.filter((t) => !sameName(t.vnet, name)) : [];
  const next: Plan['access'] =
    access.mode === 'private'
      ? { ...access, peeredVnets, peerings, routeTables }
      : { ...access, peeredVnets, peerings };
  const paths = ['access.peeredVnets'];
  if (peerings.length !== access.peerings.length) paths.push('access.peerings');
  const tablesGone = access.mode === 'private' ? access.routeTables.length - routeTables.length : 0;
  if (tablesGone > 0) paths.push('access.routeTables');
  return {
    plan: withAccess(plan, next),
    paths,
    peerings: access.peerings.length - peerings.length,
    routeTables: tablesGone,
  };
}

/**
 * After a VNet's name changed from `oldName` to `newName` (the plan holds the new name already), renames what named
 * it: the peerings' `from` and `to`, the route tables' `vnet`, the on-premises gateways' `gatewayVnet`, the private
 * endpoints' `vnet` and the clients' `vnet`. Nothing changes when another VNet of the plan still has the old name
 * (those references may be its), nor when the new name is blank (the references keep the last name until the VNet
 * has one again).
 *
 * A blank old name is a VNet that had no name yet: the peerings and route tables made with it (named "") follow it;
 * an empty gateway VNet (the server VNet) and an empty client VNet (none chosen yet) do not.
 */
export function renameVnetReferences(plan: Plan, oldName: string, newName: string): PlanEdit {
  if (oldName === newName || newName.trim() === '') return unchanged(plan);
  const index = planIndex(plan);
  if (!sameName(oldName, newName) && index.vnet(oldName) !== undefined) return unchanged(plan);
  const access = plan.access;
  const paths: string[] = [];
  const rename = (value: string, path: string, blankToo: boolean): string => {
    if (value === newName || !sameName(value, oldName) || (value === '' && !blankToo)) return value;
    paths.push(path);
    return newName;
  };
  const peerings = access.peerings.map((p, k) => {
    const from = rename(p.from, `access.peerings.${k}.from`, true);
    const to = rename(p.to, `access.peerings.${k}.to`, true);
    return from === p.from && to === p.to ? p : { ...p, from, to };
  });
  const routeTables =
    access.mode === 'private'
      ? access.routeTables.map((t, k) => {
          const vnet = rename(t.vnet, `access.routeTables.${k}.vnet`, true);
          return vnet === t.vnet ? t : { ...t, vnet };
        })
      : [];
  const onPremises = access.onPremises.map((s, k) => {
    const gatewayVnet = rename(s.gatewayVnet, `access.onPremises.${k}.gatewayVnet`, false);
    return gatewayVnet === s.gatewayVnet ? s : { ...s, gatewayVnet };
  });
  const clients = plan.clients.map((c, k) => {
    if (c.kind !== 'vnet') return c;
    const vnet = rename(c.vnet, `clients.${k}.vnet`, false);
    return vnet === c.vnet ? c : { ...c, vnet };
  });
  let next: Plan['access'];
  if (access.mode === 'private') {
    next = { ...access, peerings, routeTables, onPremises };
  } else {
    const privateEndpoints = access.privateEndpoints.map((e, k) => {
      const vnet = rename(e.vnet, `access.privateEndpoints.${k}.vnet`, false);
      return vnet === e.vnet ? e : { ...e, vnet };
    });
    next = { ...access, peerings, onPremises, privateEndpoints };
  }
  if (paths.length === 0) return unchanged(plan);
  return { plan: { ...plan, access: next, clients }, paths };
}

/**
 * After a subnet's name changed from `oldName` to `newName` (the plan holds the new name already), renames what named
 * it: the entries of the route tables of its VNet (`vnetPath`: `access.vnet` or `access.peeredVnets.N`), the private
 * endpoints placed in it and, on the server VNet, the clients placed in it. Nothing changes when another subnet of that
 * VNet still has the old name, nor when the new name is blank. A client with no subnet chosen yet (blank) stays so.
 */
export function renameSubnetReferences(plan: Plan, vnetPath: string, oldName: string, newName: string): PlanEdit {
  if (oldName === newName || newName.trim() === '' || oldName.trim() === '') return unchanged(plan);
  const access = plan.access;
  if (access.mode === 'public') return renamePublicSubnet(plan, access, vnetPath, oldName, newName);
  const onServerVnet = vnetPath === 'access.vnet';
  const vnet = onServerVnet ? access.vnet : access.peeredVnets[Number(vnetPath.split('.')[2])];
  if (vnet === undefined) return unchanged(plan);
  const index = planIndex(plan);
  // Another VNet of the same name owns the name, and so the references.
  if (index.vnet(vnet.name)?.vnet !== vnet) return unchanged(plan);
  if (!sameName(oldName, newName) && index.subnetOf(vnet.name, oldName) !== undefined) return unchanged(plan);
  const paths: string[] = [];
  const routeTables = access.routeTables.map((t, k) => {
    if (!sameName(t.vnet, vnet.name) || !t.subnets.some((n) => n !== newName && sameName(n, oldName))) return t;
    paths.push(`access.routeTables.${k}.subnets`);
    return { ...t, subnets: t.subnets.map((n) => (sameName(n, oldName) ? newName : n)) };
  });
  const clients = plan.clients.map((c, k) => {
    if (!onServerVnet || c.kind !== 'serverVnet' || c.subnet === newName || !sameName(c.subnet, oldName)) return c;
    paths.push(`clients.${k}.subnet`);
    return { ...c, subnet: newName };
  });
  if (paths.length === 0) return unchanged(plan);
  return { plan: { ...plan, access: { ...access, routeTables }, clients }, paths };
}

/** With public access: the private endpoints that name the renamed subnet in its VNet follow it. */
function renamePublicSubnet(
  plan: Plan,
  access: PublicAccess,
  vnetPath: string,
  oldName: string,
  newName: string,
): PlanEdit {
  const vnet = access.peeredVnets[Number(vnetPath.split('.')[2])];
  const index = planIndex(plan);
  if (vnet === undefined || index.vnet(vnet.name)?.vnet !== vnet) return unchanged(plan);
  if (!sameName(oldName, newName) && index.subnetOf(vnet.name, oldName) !== undefined) return unchanged(plan);
  const paths: string[] = [];
  const privateEndpoints = access.privateEndpoints.map((e, k) => {
    if (!sameName(e.vnet, vnet.name) || e.subnet === newName || !sameName(e.subnet, oldName)) return e;
    paths.push(`access.privateEndpoints.${k}.subnet`);
    return { ...e, subnet: newName };
  });
  if (paths.length === 0) return unchanged(plan);
  return { plan: withAccess(plan, { ...access, privateEndpoints }), paths };
}

/** The names of the plan's VNets: the server VNet first, then the others; unnamed ones left out. */
function vnetNames(access: Plan['access']): string[] {
  const server = access.mode === 'private' ? [access.vnet.name] : [];
  return [...server, ...access.peeredVnets.map((v) => v.name)].filter((n) => n.trim() !== '');
}

/**
 * The subnet names of VNet `vnet` that a route table can be associated with: for the server VNet its subnets and
 * the delegated subnet; for another VNet the subnets its card lists. Unnamed subnets left out.
 */
export function subnetNamesOf(plan: Plan, vnet: string): string[] {
  const entry = planIndex(plan).vnet(vnet);
  if (entry === undefined) return [];
  const names =
    entry.kind === 'server' && plan.access.mode === 'private'
      ? [...entry.vnet.subnets.map((s) => s.name), plan.access.delegatedSubnet.name]
      : entry.vnet.subnets.map((s) => s.name);
  return names.filter((n) => n.trim() !== '');
}

/** The appliances of the plan with the VNet that holds each: what a VirtualAppliance route may send traffic to. */
export function appliancesOf(access: PrivateAccess): { vnet: string; name: string; privateIp: string }[] {
  const vnets = [access.vnet, ...access.peeredVnets];
  return vnets.flatMap((v) =>
    v.appliance === null || v.appliance.privateIp.trim() === ''
      ? []
      : [{ vnet: v.name, name: v.appliance.name, privateIp: v.appliance.privateIp }],
  );
}

/**
 * The peering "Add a peering" starts with: from the server VNet to the first VNet it has no peering to, else
 * between the first two VNets with no peering from one to the other, else from the server VNet to a VNet to choose.
 */
export function newPeering(plan: Plan): Peering {
  const index = planIndex(plan);
  const names = vnetNames(plan.access);
  for (const from of names)
    for (const to of names)
      if (!sameName(from, to) && index.peering(from, to) === undefined) return peeringBetween(from, to);
  return peeringBetween(names[0] ?? '', '');
}
