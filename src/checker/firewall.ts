/**
 * Hop 3 for public access: the server's firewall. A connection is let in when its source address
 * lies inside a firewall rule, or, with "Allow public access from Azure services", when it comes from
 * any Azure address — every tenant's, not only yours (PGN-205).
 */
import { cidrRange, parseIPv4OrCidr, parseLooseCidrFast, specialUseOverlaps, type IpRange } from '../domain/ipv4';
import type { Client } from '../domain/plan';
import { firstOverlapping, firstReaching, type ParsedFirewallRule, type PublicContext } from './context';
import type { Hop } from './types';

const filterHop = (h: Omit<Hop, 'kind'>): Hop => ({ kind: 'filter', ...h });

/** How the firewall rules cover a client's range: what the hop needs, each part in O(log n). */
interface Coverage {
  /** The first four rules (by start) that overlap the range: three are named, a fourth means "…". */
  readonly first: readonly ParsedFirewallRule[];
  /** Every address of the range is in some rule. */
  readonly full: boolean;
  /** The first overlapping rule wider than a /8. */
  readonly wide: ParsedFirewallRule | undefined;
  /** Every overlapping rule allows a single address. */
  readonly allSingle: boolean;
}

function coverage(ctx: PublicContext, range: IpRange): Coverage {
  const first: ParsedFirewallRule[] = [];
  const sorted = ctx.rules;
  for (let i = firstReaching(ctx, range.start); i < sorted.length && first.length < 4; i += 1) {
    const rule = sorted[i] as ParsedFirewallRule;
    if (rule.start > range.end) break; // sorted by start
    if (rule.end >= range.start) first.push(rule);
  }
  // Full coverage: the joined rules hold the range in one piece.
  const covered = ctx.covered;
  let lo = 0;
  let hi = covered.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((covered[mid] as IpRange).end < range.start) lo = mid + 1;
    else hi = mid;
  }
  const piece = covered[lo];
  return {
    first,
    full: piece !== undefined && piece.start <= range.start && range.end <= piece.end,
    wide: firstOverlapping(ctx.wide, range),
    allSingle: firstOverlapping(ctx.multi, range) === undefined,
  };
}

const describeRule = (r: ParsedFirewallRule, ctx: PublicContext): string => {
  const rule = ctx.access.firewallRules[r.index];
  return rule ? `${r.name} (${rule.startIp}–${rule.endIp})` : r.name;
};

/** Azure-located clients: their outbound addresses are Azure addresses. */
const inAzure = (client: Client): boolean =>
  client.kind === 'azureService' || client.kind === 'serverVnet' || client.kind === 'vnet';

function azureServicesHop(ctx: PublicContext, client: Client, why: string): Hop {
  const other = client.kind === 'azureService' && client.tenant === 'other';
  return filterHop({
    status: 'warn',
    title: 'Allowed as an Azure service',
    detail: other
      ? `${why} As a service of another tenant, it gets in only because "Allow ` +
        `public access from Azure services" lets every Azure tenant in — any ` +
        `other customer's Azure resource can try to connect too.`
      : `${why} It gets in through "Allow public access from Azure services", ` +
        `which allows all of Azure, including other customers' subscriptions.`,
    ruleId: 'PGN-205',
    fix:
      `give ${client.name} a fixed outbound IP, add a firewall rule for it, ` +
      `and turn off "Allow public access from Azure services"`,
    path: ctx.azureServicesPath,
  });
}

function noAddressHop(ctx: PublicContext, client: Client, clientPath: string, note: string): Hop {
  if (inAzure(client) && ctx.azureServices) return azureServicesHop(ctx, client, note);
  switch (client.kind) {
    case 'azureService':
      return filterHop({
        status: 'fail',
        title: 'Firewall',
        detail: `${note} No firewall rule can name it, and "Allow public access from Azure services" is off.`,
        ruleId: 'PGN-201',
        fix:
          `give ${client.name} a fixed outbound IP and add a firewall rule for it ` +
          `(or allow public access from Azure services, which lets every Azure tenant in)`,
        path: `${clientPath}.address`,
      });
    case 'serverVnet':
    case 'vnet':
      return filterHop({
        status: 'fail',
        title: 'Firewall',
        detail: `${note} The firewall sees the network's outbound public IP, and no rule covers one.`,
        ruleId: 'PGN-201',
        fix:
          `add a firewall rule for the outbound public IP of ` +
          `${client.kind === 'vnet' ? client.vnet : 'the VNet'} (e.g. a NAT ` +
          `gateway's address)`,
        path: 'access.firewallRules',
      });
    case 'onPremises':
      return filterHop({
        status: 'fail',
        title: 'Firewall',
        detail: `${note} The firewall sees the site's public (NAT) address, and no rule covers one.`,
        ruleId: 'PGN-201',
        fix: `add a firewall rule for the public (NAT) address of ${client.site}`,
        path: 'access.firewallRules',
      });
    case 'internet':
      return filterHop({
        status: 'fail',
        title: 'Firewall',
        detail: `${note} Without the client's public address nothing says a firewall rule lets it in.`,
        ruleId: 'PGN-201',
        fix: "enter the client's public IPv4 address",
        path: `${clientPath}.address`,
      });
  }
}

export function firewallHops(ctx: PublicContext, client: Client, clientPath: string): Hop[] {
  const address =
    client.kind === 'internet' || client.kind === 'azureService' || client.address !== '' ? client.address : '';
  if (address === '') {
    const note =
      client.kind === 'internet'
        ? 'The client has no address.'
        : client.kind === 'azureService'
          ? `${client.name} has no fixed outbound IP.`
          : 'No public address is given for the client.';
    return [noAddressHop(ctx, client, clientPath, note)];
  }
  const parsed = address.includes('/') ? parseLooseCidrFast(address) : parseIPv4OrCidr(address);
  if (!parsed.ok) {
    const ipv6 = parsed.error.code === 'ipv6';
    return [
      filterHop({
        status: 'fail',
        title: 'Client address',
        detail: ipv6
          ? `${address} is an IPv6 address: firewall rules are IPv4 only, so no rule can allow it.`
          : `The client address "${address}" is not usable: ${parsed.error.message}`,
        ruleId: ipv6 ? 'PGN-202' : 'PGN-203',
        fix: ipv6
          ? "use the client's IPv4 address"
          : parsed.error.suggestion
            ? `write the address as ${parsed.error.suggestion}`
            : 'correct the client address',
        path: `${clientPath}.address`,
      }),
    ];
  }
  const range = cidrRange(parsed.value);
  const special = specialUseOverlaps(range);
  if (special.length > 0) {
    const kind = special.join('/');
    if (client.kind === 'internet') {
      return [
        filterHop({
          status: 'fail',
          title: 'Client address',
          detail:
            `${address} is a ${kind} address: traffic from the internet never comes ` +
            `from it, so the firewall never sees it.`,
          ruleId: 'PGN-210',
          fix: "use the client's public address (the one the internet sees)",
          path: `${clientPath}.address`,
        }),
      ];
    }
    return [
      noAddressHop(ctx, client, clientPath, `${address} is a ${kind} address, which the public endpoint never sees.`),
    ];
  }
  const { first: rules, full, wide, allSingle } = coverage(ctx, range);
  if (full) {
    if (wide) {
      return [
        filterHop({
          status: 'warn',
          title: 'Firewall',
          detail:
            `${address} is allowed by ${describeRule(wide, ctx)}, which opens the ` +
            `server to a large part of the internet.`,
          ruleId: 'PGN-206',
          fix: `replace ${wide.name} with rules for the addresses that need access (e.g. ${address})`,
          path: `access.firewallRules.${wide.index}`,
        }),
      ];
    }
    const first = rules[0] as ParsedFirewallRule;
    if (client.kind === 'internet' && client.dynamicIp && allSingle) {
      return [
        filterHop({
          status: 'warn',
          title: 'Firewall',
          detail:
            `${address} is allowed by the single-address rule ` +
            `${describeRule(first, ctx)}, but the client's IP is dynamic: the rule ` +
            `breaks when the address changes.`,
          ruleId: 'PGN-212',
          fix: `ask the ISP for the address range of ${client.name} and allow that range, or give it a static IP`,
          path: `access.firewallRules.${first.index}`,
        }),
      ];
    }
    const names = rules
      .slice(0, 3)
      .map((r) => describeRule(r, ctx))
      .join(', ');
    return [
      filterHop({
        status: 'pass',
        title: 'Firewall',
        detail: `${address} is allowed by firewall rule ${names}${rules.length > 3 ? ', …' : ''}.`,
        ruleId: 'PGN-201',
      }),
    ];
  }
  if (inAzure(client) && ctx.azureServices)
    return [azureServicesHop(ctx, client, `No firewall rule covers ${address}.`)];
  return [
    filterHop({
      status: 'fail',
      title: 'Firewall',
      detail:
        rules.length > 0
          ? `Only part of ${address} is inside a firewall rule; by default no address is allowed.`
          : ctx.access.firewallRules.length === 0 && !ctx.azureServices
            ? `The server has no firewall rule: by default no address is allowed, so ${address} is refused.`
            : `${address} is outside every firewall rule; by default no address is allowed.`,
      ruleId: 'PGN-201',
      fix: `add a firewall rule for ${address}`,
      path: 'access.firewallRules',
    }),
  ];
}
