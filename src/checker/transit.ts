/**
 * The network path between VNets: peerings (any two VNets, one resource per direction), and transit through a
 * firewall or network virtual appliance in a hub, which takes user-defined routes on both sides and forwarded
 * traffic allowed on the peerings. Peering is not transitive: two VNets peered only with a third reach each other
 * only through an appliance there (PGN-141; Azure peering docs, "Service chaining"). The return path is checked
 * too: replies take the routes of the server's own subnet.
 */
import { cidrRange, parseIPv4Fast, parseLooseCidrFast, rangeContains, type IpRange } from '../domain/ipv4';
import { planIndex, type PeeringEntry, type RouteTableEntry } from '../domain/plan-index';
import type { Route } from '../domain/plan';
import { rangesOverlap, type PrivateContext, type SubnetRef, type VnetRef } from './context';
import type { Hop } from './types';

const pathHop = (h: Omit<Hop, 'kind'>): Hop => ({ kind: 'path', ...h });

/** Where a finding about a missing peering lands: the plan's list of peerings. */
export const PEERINGS_PATH = 'access.peerings';
/** Where a finding about a missing route table lands. */
const ROUTE_TABLES_PATH = 'access.routeTables';

/** The two directions of the peering between `a` and `b`, as the plan holds them. */
function directions(ctx: PrivateContext, a: VnetRef, b: VnetRef) {
  const index = planIndex(ctx.plan);
  return { ab: index.peering(a.name, b.name), ba: index.peering(b.name, a.name) };
}

/** Whether `a` and `b` have at least one peering resource between them. */
export function anyPeering(ctx: PrivateContext, a: VnetRef, b: VnetRef): boolean {
  const { ab, ba } = directions(ctx, a, b);
  return ab !== undefined || ba !== undefined;
}

/**
 * The peering between `a` and `b` as a hop: a pass when both directions exist and the address spaces don't
 * overlap; otherwise the failure, at the field to change. `purpose` names the traffic for the message.
 */
export function peeringHop(ctx: PrivateContext, a: VnetRef, b: VnetRef, purpose: string): Hop {
  const title = `Peering ${a.name} ↔ ${b.name}`;
  const overlapping = a.isServer ? b.overlapsServer : b.isServer ? a.overlapsServer : rangesOverlap(a.spaces, b.spaces);
  if (overlapping) {
    const [moved, kept] = a.isServer ? [b, a] : [a, b];
    return pathHop({
      status: 'fail',
      title,
      detail:
        `${moved.name} (${moved.spaceTexts.join(', ')}) overlaps ${kept.name} ` +
        `(${kept.spaceTexts.join(', ')}): Azure refuses to peer overlapping address spaces.`,
      ruleId: 'PGN-136',
      fix: `give ${moved.name} an address space that does not overlap ${kept.spaceTexts.join(', ')}`,
      path: `${moved.path}.addressSpaces`,
    });
  }
  const { ab, ba } = directions(ctx, a, b);
  if (ab === undefined && ba === undefined) {
    return pathHop({
      status: 'fail',
      title,
      detail:
        `${a.name} is not peered with ${b.name}, so there is no route across for ${purpose}. ` +
        `VNets reach each other only through a peering.`,
      ruleId: a.isServer || b.isServer ? 'PGN-135' : 'PGN-141',
      fix: `add the peerings from ${a.name} to ${b.name} and from ${b.name} to ${a.name}`,
      path: PEERINGS_PATH,
    });
  }
  if (ab === undefined || ba === undefined) {
    const existing = (ab ?? ba) as PeeringEntry;
    const [from, to] = ab === undefined ? [a.name, b.name] : [b.name, a.name];
    return pathHop({
      status: 'fail',
      title,
      detail:
        `The peering is declared on one side only (no peering from ${from} to ${to}); ` +
        'traffic flows only once both sides exist.',
      ruleId: 'PGN-139',
      fix: `add the peering from ${from} to ${to}`,
      path: existing.path,
    });
  }
  const global = a.region !== '' && b.region !== '' && a.region !== b.region;
  return pathHop({
    status: 'pass',
    title,
    detail:
      `${a.name} and ${b.name} are peered in both ` +
      `directions${global ? ` (global peering, ${a.region} ↔ ${b.region})` : ''}.`,
    ruleId: a.isServer || b.isServer ? 'PGN-135' : 'PGN-141',
  });
}

/** A route's destination as a range, or null for a service tag or a prefix that doesn't parse. */
function routeRange(route: Route): IpRange | null {
  const parsed = parseLooseCidrFast(route.prefix);
  return parsed.ok ? cidrRange(parsed.value) : null;
}

export interface RouteMatch {
  readonly table: RouteTableEntry;
  /** The most specific route whose destination holds the whole range, and its index; null when none does. */
  readonly route: Route | null;
  readonly routeIndex: number;
}

/**
 * The user-defined route a subnet's traffic to `to` takes: the longest prefix of its route table that holds every
 * address of `to` (Azure picks routes by longest prefix match). Undefined when no table is associated.
 */
export function routeOf(
  ctx: PrivateContext,
  vnet: VnetRef,
  subnet: SubnetRef,
  to: readonly IpRange[],
): RouteMatch | undefined {
  const table = planIndex(ctx.plan).routeTable(vnet.name, subnet.name);
  if (table === undefined) return undefined;
  let best: Route | null = null;
  let bestIndex = -1;
  let bestSize = Infinity;
  table.table.routes.forEach((route, i) => {
    const range = routeRange(route);
    if (range === null || to.length === 0 || !to.every((r) => rangeContains(range, r))) return;
    const size = range.end - range.start;
    if (size < bestSize) {
      best = route;
      bestIndex = i;
      bestSize = size;
    }
  });
  return { table, route: best, routeIndex: bestIndex };
}

/** A route's next hop as Azure shows it: `VirtualAppliance 10.0.1.4`, `Internet`. */
const hopText = (route: Route): string =>
  route.nextHop === 'VirtualAppliance' ? `VirtualAppliance ${route.nextHopIp}` : route.nextHop;

/** The route goes to this appliance. */
export const toAppliance = (route: Route | null, ip: string): boolean =>
  route !== null && route.nextHop === 'VirtualAppliance' && sameIp(route.nextHopIp, ip);

function sameIp(a: string, b: string): boolean {
  const x = parseIPv4Fast(a);
  const y = parseIPv4Fast(b);
  return x.ok && y.ok && x.value === y.value;
}

/** The subnet of `vnet` that holds every source range, if one does. */
export function subnetHolding(vnet: VnetRef, sources: readonly IpRange[]): SubnetRef | undefined {
  return vnet.subnets.find((s) => s.range !== null && sources.every((r) => rangeContains(s.range as IpRange, r)));
}

/** Where the traffic comes from: its ranges, and their text as typed (for messages). */
export interface Sources {
  readonly ranges: readonly IpRange[];
  readonly text: string;
}

/** What a route hop says when the route is missing or goes elsewhere. */
function routeHop(
  title: string,
  side: string,
  match: RouteMatch | undefined,
  subnet: SubnetRef,
  vnet: VnetRef,
  destination: string,
  hub: VnetRef,
): Hop {
  const appliance = hub.appliance;
  const ip = appliance?.privateIp ?? '';
  const want = `${destination} → VirtualAppliance ${ip}`;
  if (match !== undefined && toAppliance(match.route, ip)) {
    return pathHop({
      status: 'pass',
      title,
      detail:
        `${side}: route table ${match.table.table.name} on ${subnet.name} sends ${destination} to ` +
        `${appliance?.name ?? 'the appliance'} (${ip}) in ${hub.name}.`,
      ruleId: 'PGN-141',
    });
  }
  if (match === undefined) {
    return pathHop({
      status: 'fail',
      title,
      detail:
        `${side}: subnet ${subnet.name} of ${vnet.name} has no route table, so ${destination} has no route: ` +
        `${vnet.name} is not peered with the other VNet, and peering through ${hub.name} is not transitive.`,
      ruleId: 'PGN-141',
      fix: `add a route table on subnet ${subnet.name} of ${vnet.name} with the route ${want}`,
      path: ROUTE_TABLES_PATH,
    });
  }
  const route = match.route;
  return pathHop({
    status: 'fail',
    title,
    detail:
      route === null
        ? `${side}: route table ${match.table.table.name} on ${subnet.name} has no route for ${destination}, ` +
          `and peering through ${hub.name} is not transitive.`
        : `${side}: route ${route.name} of ${match.table.table.name} sends ${destination} to ` +
          `${route.nextHop}${route.nextHop === 'VirtualAppliance' ? ` ${route.nextHopIp}` : ''}, not to ` +
          `${appliance?.name ?? 'the appliance'} (${ip}) in ${hub.name}.`,
    ruleId: 'PGN-141',
    fix: `add to route table ${match.table.table.name} the route ${want}`,
    path: route === null ? `${match.table.path}.routes` : `${match.table.path}.routes.${match.routeIndex}`,
  });
}

/** The peering resource on `from` towards `to` lets forwarded traffic in; a hop that fails at the flag otherwise. */
function forwardedHop(ctx: PrivateContext, from: VnetRef, to: VnetRef, why: string): Hop | null {
  const entry = planIndex(ctx.plan).peering(from.name, to.name);
  if (entry === undefined || entry.peering.allowForwardedTraffic) return null;
  return pathHop({
    status: 'fail',
    title: `Forwarded traffic into ${from.name}`,
    detail:
      `The peering from ${from.name} to ${to.name} does not allow forwarded traffic, so ${why} is dropped ` +
      `as it enters ${from.name} (it did not start in ${to.name}).`,
    ruleId: 'PGN-141',
    fix: `allow forwarded traffic on the peering from ${from.name} to ${to.name}`,
    path: `${entry.path}.allowForwardedTraffic`,
  });
}

/** Hubs between `client` and the server VNet: VNets with an appliance and a peering with each side. */
export function transitHubs(ctx: PrivateContext, client: VnetRef): VnetRef[] {
  return ctx.peered.filter(
    (h) =>
      h !== client &&
      h.appliance !== null &&
      ctx.vnetNamed(h.name) === h &&
      anyPeering(ctx, client, h) &&
      anyPeering(ctx, h, ctx.server),
  );
}

/**
 * The path from `client` (a VNet not peered with the server VNet) through the appliance of `hub`: both peerings,
 * the route out of the client's subnet, forwarded traffic allowed where the appliance's traffic enters, and the
 * route back from the delegated subnet. The peerings are checked first (without them no route helps), and the hops
 * are listed in the order the traffic takes them: the route out of the client's subnet, the peering into the hub,
 * the appliance, the peering into the server VNet, then the route the replies take.
 */
export function transitHops(ctx: PrivateContext, client: VnetRef, hub: VnetRef, sources: Sources): Hop[] {
  const server = ctx.server;
  const appliance = hub.appliance;
  if (appliance === null) return [];
  const toHub = peeringHop(ctx, client, hub, `traffic from ${client.name}`);
  const toServer = peeringHop(ctx, hub, server, `traffic forwarded by ${appliance.name}`);
  if (toHub.status === 'fail' || toServer.status === 'fail') return [toHub, toServer];

  const subnet = subnetHolding(client, sources.ranges);
  if (subnet === undefined) {
    const noSubnet = pathHop({
      status: 'fail',
      title: `Route from ${client.name}`,
      detail:
        `${client.name} is not peered with ${server.name}; its traffic reaches the server only through ` +
        `${appliance.name} in ${hub.name}, by a route table on the client's subnet, and no subnet of ` +
        `${client.name} in the plan holds the client's address.`,
      ruleId: 'PGN-141',
      fix: `add the client's subnet to ${client.name} and give the client an address in it`,
      path: `${client.path}.subnets`,
    });
    return [noSubnet, toHub, toServer];
  }
  const delegatedRange = ctx.delegated.range;
  const serverRanges = delegatedRange === null ? [] : [delegatedRange];
  const out = routeHop(
    `Route from ${client.name}`,
    'Towards the server',
    routeOf(ctx, client, subnet, serverRanges),
    subnet,
    client,
    ctx.delegated.prefix,
    hub,
  );
  if (out.status === 'fail') return [out, toHub, toServer];
  const intoServer = forwardedHop(ctx, server, hub, `the traffic ${appliance.name} forwards from ${client.name}`);
  if (intoServer !== null) return [out, toHub, toServer, intoServer];
  const back = routeHop(
    `Route back to ${client.name}`,
    'Replies from the server',
    routeOf(ctx, server, ctx.delegated, sources.ranges),
    ctx.delegated,
    server,
    sources.text,
    hub,
  );
  if (back.status === 'fail') return [out, toHub, toServer, back];
  const intoClient = forwardedHop(ctx, client, hub, `the replies ${appliance.name} forwards from ${server.name}`);
  if (intoClient !== null) return [out, toHub, toServer, back, intoClient];
  const through = pathHop({
    status: 'pass',
    title: `Through ${appliance.name} in ${hub.name}`,
    detail:
      `${client.name} and ${server.name} are not peered with each other; ${appliance.name} ` +
      `(${appliance.kind === 'azureFirewall' ? 'Azure Firewall' : 'network virtual appliance'}, ` +
      `${appliance.privateIp}) forwards the traffic both ways, and both peerings allow forwarded traffic. ` +
      `The appliance's own rules must allow TCP 5432 to the server.`,
    ruleId: 'PGN-141',
  });
  return [out, toHub, through, toServer, back];
}

/**
 * An on-premises site whose gateway is in `gateway` (a VNet peered with the server VNet). Through the gateway
 * directly, the server VNet must use the remote gateway and the gateway VNet must allow gateway transit (that
 * is how the server VNet learns the site's routes, for the replies). When the gateway subnet's route table sends
 * the server's range to an appliance in the gateway VNet, the traffic goes through it instead: forwarded
 * traffic must be allowed into the server VNet, and the replies must take the same appliance. `peering` is the
 * hop of the peering between the gateway VNet and the server VNet (passed); the hops, it among them, are listed
 * in the order the traffic takes them (through an appliance: the route to it, the appliance, the peering, the
 * route the replies take), and `hubPath` is then the gateway VNet's plan path.
 */
export function gatewayTransitHops(
  ctx: PrivateContext,
  gateway: VnetRef,
  peering: Hop,
  sources: Sources,
  site: string,
  siteRanges: readonly IpRange[],
): { hops: Hop[]; hubPath?: string } {
  const server = ctx.server;
  const index = planIndex(ctx.plan);
  const gatewaySubnet = gateway.subnets.find((s) => s.name.toLowerCase() === 'gatewaysubnet');
  const serverRanges = ctx.delegated.range === null ? [] : [ctx.delegated.range];
  const inbound = gatewaySubnet === undefined ? undefined : routeOf(ctx, gateway, gatewaySubnet, serverRanges);
  const appliance = gateway.appliance;
  if (
    appliance !== null &&
    gatewaySubnet !== undefined &&
    inbound !== undefined &&
    toAppliance(inbound.route, appliance.privateIp)
  ) {
    const crossing = (hops: Hop[]) => ({ hops, hubPath: gateway.path });
    const toAppliance = pathHop({
      status: 'pass',
      title: `Route from the gateway to ${appliance.name}`,
      detail:
        `Route table ${inbound.table.table.name} on ${gatewaySubnet.name} sends ${ctx.delegated.prefix} to ` +
        `${appliance.name} (${appliance.privateIp}), so traffic from ${site} passes it.`,
      ruleId: 'PGN-141',
    });
    const into = forwardedHop(ctx, server, gateway, `the traffic ${appliance.name} forwards from ${site}`);
    if (into !== null) return crossing([toAppliance, peering, into]);
    const back = routeHop(
      `Route back to ${site}`,
      'Replies from the server',
      routeOf(ctx, server, ctx.delegated, sources.ranges),
      ctx.delegated,
      server,
      sources.text,
      gateway,
    );
    if (back.status === 'fail') {
      const detail = `${back.detail} Replies that skip the firewall are dropped by it (asymmetric routing).`;
      return crossing([toAppliance, peering, { ...back, detail }]);
    }
    const through = pathHop({
      status: 'pass',
      title: `Through ${appliance.name} in ${gateway.name}`,
      detail:
        `${appliance.name} (${appliance.privateIp}) forwards the traffic of ${site} both ways. ` +
        'Its own rules must allow TCP 5432 to the server.',
      ruleId: 'PGN-141',
    });
    return crossing([toAppliance, through, peering, back]);
  }
  if (gatewaySubnet !== undefined && inbound?.route != null) {
    // The gateway subnet routes the server's range somewhere else than this VNet's appliance.
    const route = inbound.route;
    const hops = [
      pathHop({
        status: 'fail',
        title: `Route from the gateway in ${gateway.name}`,
        detail:
          `Route ${route.name} of ${inbound.table.table.name} on ${gatewaySubnet.name} sends ` +
          `${ctx.delegated.prefix} to ${hopText(route)}, which is ` +
          `${appliance === null ? 'no appliance of the plan' : `not ${appliance.name} (${appliance.privateIp})`}: ` +
          `traffic from ${site} does not reach the server.`,
        ruleId: 'PGN-141',
        fix:
          appliance === null
            ? `remove route ${route.name}, or send it to an appliance in ${gateway.name}`
            : `send route ${route.name} to VirtualAppliance ${appliance.privateIp}, or remove it`,
        path: `${inbound.table.path}.routes.${inbound.routeIndex}`,
      }),
      peering,
    ];
    return { hops };
  }
  const use = index.peering(server.name, gateway.name);
  const offer = index.peering(gateway.name, server.name);
  if (
    use !== undefined &&
    offer !== undefined &&
    (!use.peering.useRemoteGateways || !offer.peering.allowGatewayTransit)
  ) {
    const [entry, flag, text] = !offer.peering.allowGatewayTransit
      ? [offer, 'allowGatewayTransit', `allow gateway transit on the peering from ${gateway.name} to ${server.name}`]
      : [use, 'useRemoteGateways', `use remote gateways on the peering from ${server.name} to ${gateway.name}`];
    const hops = [
      peering,
      pathHop({
        status: 'fail',
        title: `Gateway transit ${gateway.name} → ${server.name}`,
        detail:
          `${server.name} does not use the gateway in ${gateway.name} (the peerings' gateway transit flags are off), ` +
          `so it has no route back to ${site}: the replies are lost.`,
        ruleId: 'PGN-140',
        fix: text,
        path: `${entry.path}.${flag}`,
      }),
    ];
    return { hops };
  }
  const reply = directReplyHop(ctx, sources, siteRanges, `the gateway in ${gateway.name}`);
  return { hops: reply === null ? [peering] : [peering, reply] };
}

/**
 * Replies from the server to `sources` leave by a system route (the peering with the client's VNet, or the
 * gateway's routes to a site), unless the delegated subnet's route table has a route at least as specific that
 * sends them elsewhere (Azure: longest prefix first; on a tie a user-defined route wins). Sent to an appliance
 * that never saw the request, they are dropped (asymmetric routing); sent to None, they are dropped. Null when the
 * replies take the system route. `systemRanges`: the ranges of the system route (empty: any user route wins).
 */
export function directReplyHop(
  ctx: PrivateContext,
  sources: Sources,
  systemRanges: readonly IpRange[],
  via: string,
): Hop | null {
  const match = routeOf(ctx, ctx.server, ctx.delegated, sources.ranges);
  const route = match?.route ?? null;
  if (match === undefined || route === null) return null;
  if (route.nextHop === 'VnetLocal' || route.nextHop === 'VirtualNetworkGateway') return null;
  const range = routeRange(route);
  if (range === null) return null;
  const system = systemRanges.filter((s) => sources.ranges.every((r) => rangeContains(s, r)));
  if (system.some((s) => s.end - s.start < range.end - range.start)) return null;
  return pathHop({
    status: 'fail',
    title: `Route back to ${sources.text}`,
    detail:
      `Replies from the server to ${sources.text} take route ${route.name} of ${match.table.table.name} on ` +
      `${ctx.delegated.name} (${route.prefix} → ${hopText(route)}) ` +
      `instead of ${via}: ` +
      (route.nextHop === 'None'
        ? 'they are dropped.'
        : 'an appliance that never saw the request drops them (asymmetric routing).'),
    ruleId: 'PGN-141',
    fix:
      `route the requests through the same appliance, or add a route for ${sources.text} ` +
      `that keeps the replies on ${via}`,
    path: `${match.table.path}.routes.${match.routeIndex}`,
  });
}
