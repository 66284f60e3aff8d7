/**
 * Hop 1, name resolution: does the client turn `<server>.postgres.database.azure.com` into an
 * address it can use? Private access: the private DNS zone answers only in VNets linked to it
 * (PGN-133, PGN-134); custom DNS servers in a VNet must forward to 168.63.129.16 and be reachable (PGN-137);
 * 168.63.129.16 itself is a valid custom DNS server, one in the delegated subnet is not, and on-premises DNS must
 * forward the zone to a resolver inside Azure (PGN-142). Public access: public DNS gives the public address.
 */
import {
  AZURE_DNS_IP,
  forwardedZoneOf,
  POSTGRES_ZONE_SUFFIX,
  PRIVATE_LINK_ZONE,
  suggestedZoneName,
} from '../domain/azure';
import { parseIPv4Fast, quickIPv4 } from '../domain/ipv4';
import type { Client, DnsSetting } from '../domain/plan';
import { PEERINGS_PATH, peeringHop } from './transit';
import { locate, type PrivateContext, type PublicContext, type SiteRef, type VnetRef } from './context';
import type { Hop } from './types';

const dnsHop = (h: Omit<Hop, 'kind'>): Hop => ({ kind: 'dns', ...h });

const AZURE_DNS = quickIPv4(AZURE_DNS_IP);

/** A DNS server address inside the delegated subnet, where only flexible servers live (PGN-142). */
const inDelegatedSubnet = (ctx: PrivateContext, ip: number): boolean => {
  const range = ctx.delegated.range;
  return ctx.endpoint === null && range !== null && ip >= range.start && ip <= range.end;
};

/** The address the zone gives: the server's in the delegated subnet, or the private endpoint's. */
const privateAddress = (ctx: PrivateContext): string =>
  ctx.endpoint === null
    ? `the server's private address in ${ctx.delegated.prefix}`
    : `the address of private endpoint ${ctx.endpoint.name} (${ctx.endpoint.ip || `in ${ctx.delegated.prefix}`})`;

/** The rule that decides a zone link: the server VNet's (PGN-133), another VNet's (PGN-134), an endpoint's zone's. */
const linkRule = (ctx: PrivateContext, ref: VnetRef): string =>
  ctx.endpoint !== null ? 'PGN-222' : ref.isServer ? 'PGN-133' : 'PGN-134';

function zoneHops(ctx: PrivateContext, ref: VnetRef, role: string): Hop[] {
  if (ctx.zone === null) {
    const server = ctx.plan.servers[0]?.name ?? 'server';
    const zoneExample = ctx.endpoint === null ? `e.g. ${suggestedZoneName(server)}` : PRIVATE_LINK_ZONE;
    return [
      dnsHop({
        status: 'fail',
        title: 'Private DNS zone',
        detail: `The plan has no private DNS zone, so nothing gives ${ctx.fqdn} ${privateAddress(ctx)}.`,
        ruleId: ctx.endpoint === null ? 'PGN-130' : 'PGN-222',
        fix: `add a private DNS zone (${zoneExample}) and link it to ${ref.name}`,
        path: 'access.privateDnsZone',
      }),
    ];
  }
  const zone = ctx.zone.name;
  if (!ref.zoneLink) {
    return [
      dnsHop({
        status: 'fail',
        title: 'Private DNS zone link',
        detail:
          `${ref.name} (${role}) is not linked to ${zone}: from there ${ctx.fqdn} ` +
          `does not resolve to ${privateAddress(ctx)}. ` +
          'Peering gives connectivity, the zone link gives name resolution; the two are independent.',
        ruleId: linkRule(ctx, ref),
        fix: `link the zone to ${ref.name}`,
        path: `${ref.path}.zoneLink`,
      }),
    ];
  }
  return [
    dnsHop({
      status: 'pass',
      title: 'Private DNS zone link',
      detail: `${ref.name} (${role}) is linked to ${zone}: ${ctx.fqdn} resolves to ${privateAddress(ctx)}.`,
      ruleId: linkRule(ctx, ref),
    }),
  ];
}

/** Can a DNS server at `ip` be used from `from`, and does its VNet see the zone? */
function dnsServerHop(ctx: PrivateContext, from: VnetRef, ip: string, index: number): Hop {
  const serverPath = `${from.path}.dns.servers.${index}`;
  const parsed = parseIPv4Fast(ip);
  if (!parsed.ok) {
    return dnsHop({
      status: 'fail',
      title: `Custom DNS server ${ip}`,
      detail: `DNS server "${ip}" of ${from.name} is not usable: ${parsed.error.message}`,
      ruleId: 'PGN-137',
      fix:
        `correct the DNS server address of ` +
        `${from.name}${parsed.error.suggestion ? ` (${parsed.error.suggestion})` : ''}`,
      path: serverPath,
    });
  }
  if (parsed.value === AZURE_DNS) {
    return dnsHop({
      status: 'pass',
      title: `Custom DNS server ${ip}`,
      detail:
        `${ip} is Azure DNS itself, which every VNet reaches; it answers from the private zone for VNets ` +
        `linked to it.`,
      ruleId: 'PGN-142',
    });
  }
  if (inDelegatedSubnet(ctx, parsed.value)) {
    return dnsHop({
      status: 'fail',
      title: `Custom DNS server ${ip}`,
      detail:
        `${ip} is inside the delegated subnet ${ctx.delegated.prefix}, where only flexible servers live: ` +
        'no DNS server can run there.',
      ruleId: 'PGN-142',
      fix: `use a DNS server outside the delegated subnet ${ctx.delegated.prefix}, or Azure-provided DNS`,
      path: serverPath,
    });
  }
  const where = locate(ctx, parsed.value);
  if (where.kind === 'nowhere') {
    return dnsHop({
      status: 'fail',
      title: `Custom DNS server ${ip}`,
      detail:
        `${ip} is not inside any VNet or on-premises range of the plan, so ` +
        `nothing makes it reachable from ${from.name}.`,
      ruleId: 'PGN-137',
      fix:
        `run the DNS server for ${from.name} inside ${from.name} or a VNet ` +
        `peered with ${ctx.server.name}, or correct ${ip}`,
      path: serverPath,
    });
  }
  if (where.kind === 'site') return onPremisesDnsServerHop(ctx, from, ip, where.site);
  const host = where.vnet;
  // Queries go straight from the VNet to its DNS server: the same VNet, or a peering between the two (peering is
  // not transitive, so two VNets peered only with a third don't reach each other's DNS servers).
  const peering = host === from ? null : peeringHop(ctx, from, host, `DNS queries from ${from.name}`);
  if (peering !== null && peering.status !== 'pass') {
    return dnsHop({
      status: 'fail',
      title: `Custom DNS server ${ip}`,
      detail: `${ip} sits in ${host.name}, which ${from.name} cannot reach: ${peering.detail}`,
      ruleId: 'PGN-137',
      fix: peering.fix ?? `peer ${from.name} with ${host.name} in both directions`,
      path: peering.path ?? PEERINGS_PATH,
    });
  }
  if (!host.zoneLink) {
    return dnsHop({
      status: 'fail',
      title: `Custom DNS server ${ip}`,
      detail:
        `${ip} sits in ${host.name}, which is not linked to ` +
        `${ctx.zone?.name ?? 'the zone'}: its queries to ${AZURE_DNS_IP} ` +
        'are answered for that VNet, which cannot see the private record.',
      ruleId: 'PGN-137',
      fix: `link the zone to ${host.name}`,
      path: `${host.path}.zoneLink`,
    });
  }
  return dnsHop({
    status: 'pass',
    title: `Custom DNS server ${ip}`,
    detail:
      host === from
        ? `${ip} sits in ${from.name} itself, which is linked to the zone.`
        : `${ip} sits in ${host.name} (linked to the zone), reachable from ` +
          `${from.name} over the peering between ${from.name} and ${host.name}.`,
    ruleId: 'PGN-137',
  });
}

function onPremisesDnsServerHop(ctx: PrivateContext, from: VnetRef, ip: string, site: SiteRef): Hop {
  if (site.site.connection === 'none') {
    return dnsHop({
      status: 'fail',
      title: `Custom DNS server ${ip}`,
      detail:
        `${ip} sits on premises at ${site.site.name}, which is not connected to ` +
        `Azure: ${from.name} cannot reach it.`,
      ruleId: 'PGN-137',
      fix: `connect ${site.site.name} through a VPN gateway or ExpressRoute, or use a DNS server inside ${from.name}`,
      path: `${site.path}.connection`,
    });
  }
  const over = site.site.connection === 'vpn' ? 'VPN' : 'ExpressRoute';
  if (!site.site.dnsForwarder) {
    return dnsHop({
      status: 'fail',
      title: `Custom DNS server ${ip}`,
      detail:
        `${ip} sits on premises at ${site.site.name} (reached over ${over}), which cannot reach ${AZURE_DNS_IP}: ` +
        `its DNS does not forward ${POSTGRES_ZONE_SUFFIX} to a resolver inside Azure, so it never sees the ` +
        `private zone's record.`,
      ruleId: 'PGN-142',
      fix:
        `forward ${POSTGRES_ZONE_SUFFIX} from ${ip} to a resolver inside Azure (a DNS Private Resolver inbound ` +
        `endpoint or a DNS server in a VNet linked to the zone)`,
      path: `${site.path}.dnsForwarder`,
    });
  }
  return dnsHop({
    status: 'pass',
    title: `Custom DNS server ${ip}`,
    detail:
      `${ip} sits on premises at ${site.site.name} (reached over ${over}) and forwards ${POSTGRES_ZONE_SUFFIX} ` +
      `to a resolver inside Azure.`,
    ruleId: 'PGN-142',
  });
}

function customDnsHops(ctx: PrivateContext, ref: VnetRef): Hop[] {
  if (ref.dns.kind !== 'custom') return [];
  const { servers, forwardsToAzureDns } = ref.dns;
  if (servers.length === 0) {
    return [
      dnsHop({
        status: 'fail',
        title: 'Custom DNS servers',
        detail: `${ref.name} is set to custom DNS but lists no DNS server, so its clients have nobody to ask.`,
        ruleId: 'PGN-137',
        fix: `list the DNS server addresses of ${ref.name}, or switch it to Azure-provided DNS`,
        path: `${ref.path}.dns.servers`,
      }),
    ];
  }
  // Only DNS servers inside a VNet reach 168.63.129.16 and need to forward to it: Azure DNS itself needs no
  // forwarder, and one on premises forwards to a resolver in Azure instead (PGN-142).
  const inVnets = servers.filter((ip) => {
    const parsed = parseIPv4Fast(ip);
    return (
      parsed.ok &&
      parsed.value !== AZURE_DNS &&
      !inDelegatedSubnet(ctx, parsed.value) &&
      locate(ctx, parsed.value).kind === 'vnet'
    );
  });
  const list = inVnets.join(', ');
  const hops: Hop[] = [];
  if (inVnets.length > 0)
    hops.push(
      forwardsToAzureDns
        ? dnsHop({
            status: 'pass',
            title: 'Custom DNS forwarding',
            detail:
              `The custom DNS servers of ${ref.name} (${list}) forward to ` +
              `${AZURE_DNS_IP}, which answers from the private zone.`,
            ruleId: 'PGN-137',
          })
        : dnsHop({
            status: 'fail',
            title: 'Custom DNS forwarding',
            detail:
              `The custom DNS servers of ${ref.name} (${list}) do not forward to ` +
              `${AZURE_DNS_IP}, so they never see the private zone's record.`,
            ruleId: 'PGN-137',
            fix: `make ${list} forward ${POSTGRES_ZONE_SUFFIX} to ${AZURE_DNS_IP}`,
            path: `${ref.path}.dns.forwardsToAzureDns`,
          }),
    );
  servers.forEach((ip, i) => hops.push(dnsServerHop(ctx, ref, ip, i)));
  return hops;
}

/** The VNet sends its queries to custom DNS servers (at least one listed). */
const usesCustomServers = (vnet: { dns: DnsSetting }): boolean =>
  vnet.dns.kind === 'custom' && vnet.dns.servers.length > 0;

/** Resolution as done in `ref` (cached per VNet and role). */
function resolveIn(ctx: PrivateContext, ref: VnetRef, role: string): readonly Hop[] {
  const key = `${ref.key}|${role}`;
  let hops = ctx.dnsCache.get(key);
  if (hops === undefined) {
    // With custom DNS servers, queries are answered where those servers sit (their VNet's zone link, or a
    // resolver's): `dnsServerHop` checks each one's VNet, this VNet included when a server runs in it.
    hops =
      ctx.zone !== null && usesCustomServers(ref)
        ? customDnsHops(ctx, ref)
        : [...zoneHops(ctx, ref, role), ...customDnsHops(ctx, ref)];
    ctx.dnsCache.set(key, hops);
  }
  return hops;
}

function unknownVnetHop(name: string, path: string, known: string): Hop {
  return dnsHop({
    status: 'fail',
    title: 'Resolving VNet',
    detail: `The plan has no VNet named "${name}", so nothing says how it resolves names.`,
    fix: `name one of the plan's VNets (${known})`,
    path,
  });
}

/** At most six names, then "…": one per client that names an unknown place, so the text stays short. */
function someNames(names: readonly string[]): string {
  return names.length > 6 ? `${names.slice(0, 6).join(', ')}, …` : names.join(', ');
}

function knownVnets(ctx: PrivateContext): string {
  return someNames([ctx.server.name, ...ctx.peered.slice(0, 6).map((p) => p.name)]);
}

function knownSites(ctx: PrivateContext): string {
  const names: string[] = [];
  for (const s of ctx.siteList) {
    if (ctx.siteNamed(s.site.name) !== s) continue; // a later site of the same name
    names.push(s.site.name);
    if (names.length > 6) break;
  }
  return someNames(names);
}

export function privateDnsHops(ctx: PrivateContext, client: Client, clientPath: string): readonly Hop[] {
  switch (client.kind) {
    case 'serverVnet':
      return resolveIn(ctx, ctx.server, 'the server VNet');
    case 'vnet': {
      const ref = ctx.vnetNamed(client.vnet);
      if (ref === undefined) return [unknownVnetHop(client.vnet, `${clientPath}.vnet`, knownVnets(ctx))];
      return resolveIn(ctx, ref, ref.isServer ? 'the server VNet' : "the client's VNet");
    }
    case 'onPremises': {
      const site = ctx.siteNamed(client.site);
      if (site === undefined) {
        return [
          dnsHop({
            status: 'fail',
            title: 'On-premises DNS',
            detail: `The plan has no on-premises site named "${client.site}".`,
            fix: `name one of the on-premises sites (${knownSites(ctx) || 'none yet: add one'})`,
            path: `${clientPath}.site`,
          }),
        ];
      }
      const gatewayName = site.site.gatewayVnet;
      const gateway = gatewayName === '' ? ctx.server : ctx.vnetNamed(gatewayName);
      if (gateway === undefined) return [unknownVnetHop(gatewayName, `${site.path}.gatewayVnet`, knownVnets(ctx))];
      // With private endpoints the forwarder must carry the public zone, as PGN-223 reads it (PE §3.3).
      const forwarded = forwardedZoneOf(site.site.forwardedZone);
      const wrongZone = ctx.endpoint !== null && site.site.dnsForwarder && forwarded !== POSTGRES_ZONE_SUFFIX;
      const forwarder = wrongZone
        ? dnsHop({
            status: 'fail',
            title: 'On-premises DNS forwarding',
            detail:
              `The DNS of ${site.site.name} forwards ${site.site.forwardedZone ?? ''}` +
              (forwarded === PRIVATE_LINK_ZONE ? ", the private endpoints' own zone" : '') +
              `: clients ask for ${ctx.fqdn}, in ${POSTGRES_ZONE_SUFFIX}, which is then answered from the ` +
              'internet with the public address.',
            ruleId: 'PGN-223',
            fix: `forward ${POSTGRES_ZONE_SUFFIX} (the public zone) from the DNS of ${site.site.name} instead`,
            path: `${site.path}.forwardedZone`,
          })
        : site.site.dnsForwarder
          ? dnsHop({
              status: 'pass',
              title: 'On-premises DNS forwarding',
              detail:
                `The DNS of ${site.site.name} forwards ${POSTGRES_ZONE_SUFFIX} to a ` +
                `resolver inside Azure (taken to be in ${gateway.name}, where the gateway is).`,
              ruleId: ctx.endpoint === null ? 'PGN-137' : 'PGN-223',
            })
          : dnsHop({
              status: 'fail',
              title: 'On-premises DNS forwarding',
              detail:
                `The DNS of ${site.site.name} does not forward ${POSTGRES_ZONE_SUFFIX} ` +
                `into Azure: on-premises DNS cannot see a private DNS zone, ` +
                `and ${AZURE_DNS_IP} answers only inside Azure VNets.`,
              ruleId: ctx.endpoint === null ? 'PGN-137' : 'PGN-223',
              fix:
                `forward ${POSTGRES_ZONE_SUFFIX} from the DNS of ${site.site.name} to a ` +
                `DNS resolver in ${gateway.name}`,
              path: `${site.path}.dnsForwarder`,
            });
      return [forwarder, ...resolveIn(ctx, gateway, `where ${site.site.name}'s queries are answered`)];
    }
    case 'internet':
    case 'azureService':
      // The cause is the missing network path (no public endpoint); the path hop fails with the fix.
      return [
        dnsHop({
          status: 'info',
          title: 'Name resolution outside the VNets',
          detail:
            `${ctx.fqdn} resolves to the server's private address only inside VNets linked to the zone; ` +
            (`${client.kind === 'internet' ? 'from the internet' : 'from an Azure service without VNet integration'} ` +
              `it gives no address the client can use.`),
          ruleId: 'PGN-111',
        }),
      ];
  }
}

export function publicDnsHops(ctx: PublicContext): readonly Hop[] {
  return [
    dnsHop({
      status: 'pass',
      title: 'Public DNS',
      detail: `${ctx.fqdn} is publicly resolvable and gives the server's public address.`,
    }),
  ];
}

/** PGN-007: a client that names the server by IP skips resolution, and breaks when the IP changes. */
export function byIpHops(fqdn: string, clientPath: string, resolution: readonly Hop[]): Hop[] {
  const hops: Hop[] = [
    dnsHop({
      status: 'warn',
      title: 'Server named by IP address',
      detail:
        `The client connects to an IP address instead of ${fqdn}; the server's ` +
        `IP address is not guaranteed to stay the same.`,
      ruleId: 'PGN-007',
      fix: `connect to ${fqdn} instead of its IP address`,
      path: `${clientPath}.connectsByIp`,
    }),
  ];
  for (const hop of resolution) {
    hops.push(
      hop.status === 'fail'
        ? {
            ...hop,
            status: 'warn',
            detail: `${hop.detail} (Not used while the client connects by IP; needed once it uses ${fqdn}.)`,
          }
        : hop,
    );
  }
  return hops;
}
