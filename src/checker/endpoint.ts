/**
 * Public access with private endpoints: which way a client reaches the server. A client in a VNet or on premises
 * whose DNS sees the `privatelink.` zone (a linked VNet, a resolver in one, an on-premises forwarder of
 * `postgres.database.azure.com` to such a resolver) gets a private endpoint's address, and then needs a network
 * path to that endpoint: same VNet, peering, gateway (PE §1.6, §3.3). One whose DNS does not see the zone gets the
 * public address (the public CNAME chain resolves from anywhere, PE §1.3) and goes through the firewall, which
 * only works while public network access is on (PE §1.4).
 */
import { POSTGRES_PORT } from '../domain/azure';
import type { Client } from '../domain/plan';
import type { PrivateContext, PublicContext } from './context';
import { privateDnsHops } from './dns';
import { nsgHops } from './nsg-filter';
import { privatePath, type Source } from './path';
import type { Hop } from './types';

const fails = (hops: readonly Hop[]): boolean => hops.some((h) => h.status === 'fail');

/**
 * The endpoint's own filtering: the subnet's NSG applies to the endpoint only when the subnet's private endpoint
 * network policies enable it (PE §1.8). Then the NSG the plan describes on the subnet decides, as the delegated
 * subnet's does for private access; a subnet whose NSG the plan doesn't describe gets a warning that names the
 * policies. With the policies off, no NSG rule filters the endpoint's traffic.
 */
function endpointFilterHops(ctx: PrivateContext, source: Source | null): Hop[] {
  const e = ctx.endpoint as NonNullable<PrivateContext['endpoint']>;
  const subnet = `${ctx.delegated.name} (${ctx.delegated.prefix})`;
  const nsgApplies = e.policies === 'Enabled' || e.policies === 'NetworkSecurityGroupEnabled';
  if (nsgApplies && ctx.access.delegatedSubnet.nsg !== null) return nsgHops(ctx, source);
  const hop: Hop = nsgApplies
    ? {
        kind: 'filter',
        status: 'warn',
        title: `Network policies of ${ctx.delegated.name}`,
        detail:
          `The private endpoint network policies of ${subnet} are ${e.policies}: the subnet's NSG filters traffic ` +
          `to ${e.name}, and the plan does not describe it.`,
        ruleId: 'PGN-225',
        fix: `check that the NSG of ${ctx.delegated.name} allows TCP ${POSTGRES_PORT} to ${e.name}`,
        path: `${e.subnetPath}.privateEndpointNetworkPolicies`,
      }
    : {
        kind: 'filter',
        status: 'pass',
        title: `Private endpoint ${e.name}`,
        detail:
          `The private endpoint network policies of ${subnet} are ${e.policies}: no NSG rule of the subnet ` +
          `filters traffic to ${e.name}, and the server's firewall rules do not apply to it.`,
        ruleId: 'PGN-225',
      };
  return [hop];
}

/** The hops to one endpoint: name resolution, the network path to it (ending at the endpoint), its filtering. */
function hopsTo(ctx: PrivateContext, client: Client, clientPath: string): { dns: Hop[]; rest: Hop[] } {
  const e = ctx.endpoint as NonNullable<PrivateContext['endpoint']>;
  const route = privatePath(ctx, client, clientPath);
  const arrival: Hop[] = fails(route.hops)
    ? []
    : [
        {
          kind: 'path',
          status: 'pass',
          title: `Private endpoint ${e.name}`,
          detail:
            `${e.name} (${e.ip || 'a dynamic address'} in ${ctx.delegated.name} of ${ctx.server.name}) carries ` +
            `the connection to ${ctx.plan.servers[0]?.name ?? 'the server'} over Private Link.`,
          ruleId: 'PGN-220',
        },
      ];
  return {
    dns: [...privateDnsHops(ctx, client, clientPath)],
    rest: [...route.hops, ...arrival, ...endpointFilterHops(ctx, route.source)],
  };
}

export interface EndpointRoute {
  /** The hops before transport: name resolution, path, filtering. */
  readonly hops: readonly Hop[];
  /** false: the client's DNS does not see the zone, so it goes to the public endpoint (`dnsHops` say why). */
  readonly resolves: boolean;
  /** The plan path of the endpoint the client resolves to and goes to (`access.privateEndpoints.2`), if any. */
  readonly endpointPath?: string;
}

/**
 * The way a VNet or on-premises client reaches a public-access server with private endpoints: through the first
 * endpoint (plan order) it resolves to and reaches; else the first it resolves to (its hops say what fails); else,
 * when its DNS sees no endpoint, `resolves: false` with the first endpoint's name-resolution hops.
 */
export function endpointRoute(ctx: PublicContext, client: Client, clientPath: string): EndpointRoute | null {
  if (ctx.endpoints.length === 0 || (client.kind !== 'vnet' && client.kind !== 'onPremises')) return null;
  let resolvedTo: EndpointRoute | null = null;
  let unresolved: Hop[] | null = null;
  for (const endpoint of ctx.endpoints) {
    const { dns, rest } = hopsTo(endpoint, client, clientPath);
    if (fails(dns)) {
      unresolved ??= dns;
      continue;
    }
    const route = {
      hops: [...dns, ...rest],
      resolves: true,
      endpointPath: (endpoint.endpoint as NonNullable<PrivateContext['endpoint']>).path,
    };
    if (!fails(rest)) return route;
    resolvedTo ??= route;
  }
  return resolvedTo ?? { hops: unresolved ?? [], resolves: false };
}

/**
 * The client resolves to the public endpoint instead of a private one: with public network access off that is
 * where it fails (the first failing name-resolution hop says why it missed the zone); with it on, a warning that
 * it goes over the internet, and the firewall decides.
 */
export function missedEndpointHops(ctx: PublicContext, dns: readonly Hop[]): Hop[] {
  const cause = dns.find((h) => h.status === 'fail');
  if (!ctx.access.publicNetworkAccess) return dns.filter((h) => h.status !== 'pass' || h === cause);
  return [
    {
      kind: 'dns',
      status: 'warn',
      title: 'Public address instead of a private endpoint',
      detail:
        `${ctx.fqdn} resolves to the server's public address here, not to a private endpoint` +
        (cause === undefined ? '.' : `: ${cause.detail}`),
      ruleId: cause?.ruleId ?? 'PGN-222',
      ...(cause?.fix === undefined ? {} : { fix: cause.fix }),
      ...(cause?.path === undefined ? {} : { path: cause.path }),
    },
  ];
}

/** With public network access disabled, nothing reaches the server through its public endpoint (PE §1.4). */
export function publicAccessOffHop(): Hop {
  return {
    kind: 'filter',
    status: 'fail',
    title: 'Public network access',
    detail:
      "Public network access is disabled: the server's public endpoint takes no connection, whatever the " +
      'firewall rules say; only private endpoints carry traffic.',
    ruleId: 'PGN-224',
    fix: 'reach the server through a private endpoint, or enable public network access',
    path: 'access.publicNetworkAccess',
  };
}
