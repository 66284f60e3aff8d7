/**
 * Hop 2, the network path: same VNet, peering (both directions), a gateway (VPN / ExpressRoute,
 * possibly in a peered hub), or the internet. Also works out which source addresses the server sees,
 * for the filtering hop.
 */
import { cidrRange, parseIPv4OrCidr, parseLooseCidrFast, rangeContains, type IpRange } from '../domain/ipv4';
import type { Client } from '../domain/plan';
import type { PrivateContext, PublicContext, SiteRef } from './context';
import {
  anyPeering,
  directReplyHop,
  gatewayTransitHops,
  peeringHop,
  transitHubs,
  transitHops,
  subnetHolding,
  toAppliance,
  routeOf,
} from './transit';
import type { Hop } from './types';

const pathHop = (h: Omit<Hop, 'kind'>): Hop => ({ kind: 'path', ...h });

/** Where the client's traffic comes from, as the delegated subnet's NSG sees it. */
export interface Source {
  readonly ranges: readonly IpRange[];
  /** The ranges as typed (for messages and fixes). */
  readonly text: string;
}

export interface PathResult {
  readonly hops: readonly Hop[];
  /** null when there is no usable source (unknown VNet, bad address, no path at all). */
  readonly source: Source | null;
  /**
   * The plan path of the hub VNet whose firewall or appliance the path crosses: from a client's VNet not peered with
   * the server VNet, or from a site whose gateway subnet routes to the appliance of the gateway's VNet.
   */
  readonly hubPath?: string;
}

function parseClientAddress(
  address: string,
): { ok: true; range: IpRange } | { ok: false; message: string; suggestion?: string } {
  const parsed = address.includes('/') ? parseLooseCidrFast(address) : parseIPv4OrCidr(address);
  if (parsed.ok) return { ok: true, range: cidrRange(parsed.value) };
  return parsed.error.suggestion === undefined
    ? { ok: false, message: parsed.error.message }
    : { ok: false, message: parsed.error.message, suggestion: parsed.error.suggestion };
}

function badAddressHop(address: string, clientPath: string, message: string, suggestion?: string): Hop {
  return pathHop({
    status: 'fail',
    title: 'Client address',
    detail: `The client address "${address}" is not usable: ${message}`,
    fix: suggestion === undefined ? 'correct the client address' : `write the client address as ${suggestion}`,
    path: `${clientPath}.address`,
  });
}

function outsideHop(address: string, clientPath: string, where: string, within: string): Hop {
  return pathHop({
    status: 'fail',
    title: 'Client address',
    detail:
      `The client address ${address} is not inside ${where} (${within}), so ` +
      `traffic from it does not come from there.`,
    fix: `use a client address inside ${within}`,
    path: `${clientPath}.address`,
  });
}

/**
 * The client's own address (if given), checked to lie inside `within`; otherwise the whole of
 * `within` is the source.
 */
function sourceFrom(
  client: { address: string },
  clientPath: string,
  where: string,
  within: readonly IpRange[],
  withinText: string,
): { hop: Hop | null; source: Source | null } {
  if (client.address === '') {
    return { hop: null, source: within.length > 0 ? { ranges: within, text: withinText } : null };
  }
  const parsed = parseClientAddress(client.address);
  if (!parsed.ok)
    return { hop: badAddressHop(client.address, clientPath, parsed.message, parsed.suggestion), source: null };
  if (within.length > 0 && !within.some((w) => rangeContains(w, parsed.range))) {
    return { hop: outsideHop(client.address, clientPath, where, withinText), source: null };
  }
  return { hop: null, source: { ranges: [parsed.range], text: client.address } };
}

function sameVnetHop(ctx: PrivateContext, from: string): Hop {
  const target = ctx.endpoint === null ? 'the delegated subnet' : `private endpoint ${ctx.endpoint.name} in subnet`;
  return pathHop({
    status: 'pass',
    title: `Inside ${ctx.server.name}`,
    detail:
      `${from} and ${target} ${ctx.delegated.name} ` +
      `(${ctx.delegated.prefix}) are in the same VNet, which routes between ` +
      `its subnets directly.`,
  });
}

function serverVnetPath(
  ctx: PrivateContext,
  client: Extract<Client, { kind: 'serverVnet' }>,
  clientPath: string,
): PathResult {
  const serverName = ctx.server.name;
  if (client.subnet === '') {
    const { hop, source } = sourceFrom(
      client,
      clientPath,
      serverName,
      ctx.server.spaces,
      ctx.server.spaceTexts.join(', '),
    );
    return { hops: hop ? [hop] : [sameVnetHop(ctx, `The client in ${serverName}`)], source };
  }
  const subnet = ctx.subnetNamed(client.subnet);
  if (subnet === undefined) {
    const names = ctx.subnetList.filter((s) => ctx.subnetNamed(s.name) === s).map((s) => s.name);
    const shown = names.length > 6 ? `${names.slice(0, 6).join(', ')}, …` : names.join(', ');
    return {
      hops: [
        pathHop({
          status: 'fail',
          title: 'Client subnet',
          detail: `${serverName} has no subnet named "${client.subnet}".`,
          fix:
            names.length > 0
              ? `add subnet ${client.subnet} to ${serverName}, or pick one of ${shown}`
              : `add subnet ${client.subnet} to ${serverName}`,
          path: `${clientPath}.subnet`,
        }),
      ],
      source: null,
    };
  }
  const within = subnet.range ? [subnet.range] : ctx.server.spaces;
  const withinText = subnet.range ? subnet.prefix : ctx.server.spaceTexts.join(', ');
  const { hop, source } = sourceFrom(client, clientPath, `subnet ${subnet.name}`, within, withinText);
  if (hop) return { hops: [hop], source };
  if (subnet.delegated) {
    return {
      hops: [
        pathHop({
          status: 'warn',
          title: `Inside ${subnet.name}`,
          detail: `The client sits in the delegated subnet itself; only flexible servers may be placed there.`,
          ruleId: 'PGN-107',
          fix: `move the client to another subnet of ${serverName}`,
          path: `${clientPath}.subnet`,
        }),
      ],
      source,
    };
  }
  return { hops: [sameVnetHop(ctx, `Subnet ${subnet.name} (${subnet.prefix})`)], source };
}

function vnetPath(ctx: PrivateContext, client: Extract<Client, { kind: 'vnet' }>, clientPath: string): PathResult {
  const ref = ctx.vnetNamed(client.vnet);
  if (ref === undefined) {
    return {
      hops: [
        pathHop({
          status: 'fail',
          title: 'Client VNet',
          detail: `The plan has no VNet named "${client.vnet}", so there is nothing to route from.`,
          fix: `add ${client.vnet || 'the VNet'} to the other VNets of the plan, or pick one of them`,
          path: `${clientPath}.vnet`,
        }),
      ],
      source: null,
    };
  }
  const { hop, source } = sourceFrom(client, clientPath, ref.name, ref.spaces, ref.spaceTexts.join(', '));
  if (hop) return { hops: [hop], source };
  if (ref.isServer) return { hops: [sameVnetHop(ctx, `The client in ${ref.name}`)], source };
  if (source !== null && !anyPeering(ctx, ref, ctx.server)) {
    // Not peered with the server VNet: through a firewall or appliance in a hub peered with both (PGN-141).
    // The hub whose appliance the client's route points to, or the first hub (its hops then name what's missing).
    const hubs = transitHubs(ctx, ref);
    const subnet = subnetHolding(ref, source.ranges);
    const delegated = ctx.delegated.range === null ? [] : [ctx.delegated.range];
    const route = subnet === undefined ? null : (routeOf(ctx, ref, subnet, delegated)?.route ?? null);
    const hub = hubs.find((h) => h.appliance !== null && toAppliance(route, h.appliance.privateIp)) ?? hubs[0];
    if (hub !== undefined) return { hops: transitHops(ctx, ref, hub, source), source, hubPath: hub.path };
  }
  const peering = peeringHop(ctx, ref, ctx.server, ref.name);
  const reply =
    peering.status === 'pass' && source !== null
      ? directReplyHop(ctx, source, ref.spaces, `the peering with ${ref.name}`)
      : null;
  return { hops: reply === null ? [peering] : [peering, reply], source };
}

/** The hops from a site through its gateway; `hubPath`: the gateway's VNet, when its appliance forwards the traffic. */
function gatewayHops(ctx: PrivateContext, site: SiteRef, source: Source | null): { hops: Hop[]; hubPath?: string } {
  const s = site.site;
  const kind = s.connection === 'vpn' ? 'VPN gateway' : 'ExpressRoute gateway';
  const gateway = s.gatewayVnet === '' ? ctx.server : ctx.vnetNamed(s.gatewayVnet);
  if (gateway === undefined) {
    const hops = [
      pathHop({
        status: 'fail',
        title: `${kind} VNet`,
        detail: `${s.name} connects through a gateway in "${s.gatewayVnet}", which is not a VNet of the plan.`,
        fix: `set the gateway VNet of ${s.name} to ${ctx.server.name} or one of the peered VNets`,
        path: `${site.path}.gatewayVnet`,
      }),
    ];
    return { hops };
  }
  const hops: Hop[] = [];
  let hubPath: string | undefined;
  if (site.overlapsVnets.size > 0) {
    const names = [...site.overlapsVnets].join(' and ');
    hops.push(
      pathHop({
        status: 'fail',
        title: `${s.name} address ranges`,
        detail:
          `${s.name} (${s.addressRanges.join(', ')}) overlaps ${names}: traffic to ` +
          `overlapping addresses is not routed across the gateway.`,
        ruleId: 'PGN-136',
        fix: `renumber ${s.name} or ${names} so that their address ranges do not overlap`,
        path: `${site.path}.addressRanges`,
      }),
    );
  }
  hops.push(
    pathHop({
      status: 'pass',
      title: `${kind} in ${gateway.name}`,
      detail:
        `${s.name} reaches Azure over ` +
        `${s.connection === 'vpn' ? 'a site-to-site VPN' : 'ExpressRoute'} into ` +
        `${gateway.name}.`,
      ruleId: 'PGN-113',
    }),
  );
  if (!gateway.isServer) {
    const peering = peeringHop(ctx, gateway, ctx.server, `traffic from the gateway in ${gateway.name}`);
    if (peering.status !== 'pass') hops.push(peering);
    else {
      const crossed = { ...peering, detail: `${peering.detail} Traffic from ${s.name} crosses this peering.` };
      const transit =
        source === null ? { hops: [crossed] } : gatewayTransitHops(ctx, gateway, crossed, source, s.name, site.ranges);
      hops.push(...transit.hops);
      hubPath = transit.hubPath;
    }
  } else if (source !== null) {
    const reply = directReplyHop(ctx, source, site.ranges, `the gateway in ${gateway.name}`);
    if (reply !== null) hops.push(reply);
  }
  return { hops, hubPath };
}

function onPremisesPath(
  ctx: PrivateContext,
  client: Extract<Client, { kind: 'onPremises' }>,
  clientPath: string,
): PathResult {
  const site = ctx.siteNamed(client.site);
  if (site === undefined) {
    return {
      hops: [
        pathHop({
          status: 'fail',
          title: 'On-premises site',
          detail: `The plan has no on-premises site named "${client.site}".`,
          fix: `add site ${client.site || '(name)'} to the on-premises networks, or pick one of them`,
          path: `${clientPath}.site`,
        }),
      ],
      source: null,
    };
  }
  const { hop, source } = sourceFrom(
    client,
    clientPath,
    site.site.name,
    site.ranges,
    site.site.addressRanges.join(', '),
  );
  if (hop) return { hops: [hop], source };
  if (site.site.connection === 'none') {
    return {
      hops: [
        pathHop({
          status: 'fail',
          title: `${site.site.name} connection`,
          detail:
            `${site.site.name} is not connected to Azure: clients outside Azure ` +
            `reach a private-access server only through a VPN gateway or ExpressRoute.`,
          ruleId: 'PGN-113',
          fix:
            `connect ${site.site.name} through a VPN gateway or ExpressRoute into ` +
            `${ctx.server.name} (or a VNet peered with it)`,
          path: `${site.path}.connection`,
        }),
      ],
      source,
    };
  }
  return { ...gatewayHops(ctx, site, source), source };
}

export function privatePath(ctx: PrivateContext, client: Client, clientPath: string): PathResult {
  switch (client.kind) {
    case 'serverVnet':
      return serverVnetPath(ctx, client, clientPath);
    case 'vnet':
      return vnetPath(ctx, client, clientPath);
    case 'onPremises':
      return onPremisesPath(ctx, client, clientPath);
    case 'internet':
    case 'azureService':
      return {
        hops: [
          pathHop({
            status: 'fail',
            title: 'No public endpoint',
            detail:
              `A server with private access has no public endpoint, so ` +
              (client.kind === 'internet'
                ? 'a client on the internet '
                : 'an Azure service without VNet integration ') +
              (`has no route to it. Only ${ctx.server.name}, VNets peered with it, and ` +
                `networks connected by VPN or ExpressRoute reach it.`),
            ruleId: client.kind === 'internet' ? 'PGN-113' : 'PGN-111',
            fix:
              client.kind === 'internet'
                ? `connect the client through a VPN gateway or ExpressRoute into ` +
                  `${ctx.server.name}, or choose public access`
                : `integrate the service with a subnet of ${ctx.server.name} or of a VNet peered with it`,
            path: clientPath,
          }),
        ],
        source: null,
      };
  }
}

export function publicPath(_ctx: PublicContext, client: Client): PathResult {
  const via =
    client.kind === 'azureService'
      ? "from Azure to the server's public endpoint"
      : client.kind === 'internet'
        ? "over the internet to the server's public endpoint"
        : "out through its network's public (outbound) address, over the internet to the server's public endpoint";
  return {
    hops: [
      pathHop({
        status: 'pass',
        title: 'Public endpoint',
        detail:
          `The client connects ${via}. Traffic uses general internet pathways, not ` +
          `a private network; TLS still encrypts it.`,
        ruleId: 'PGN-213',
      }),
    ],
    source: null,
  };
}
