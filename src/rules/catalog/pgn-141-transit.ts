import { DOCS, NSG_SERVICE_TAGS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { cidrRange, parseIPv4Fast, parseLooseCidrFast, rangeContains } from '../../domain/ipv4';
import { planIndex } from '../../domain/plan-index';
import type { Plan, PrivateAccess } from '../../domain/plan';
import { report, type Rule } from '../rule';
import { named, namedAtStart, quotedName } from '../names';
import { mustReachFailures } from './pgn-008-client-intent';

/**
 * Peering is not transitive (Azure peering docs, "Service chaining"): two VNets peered only with a third reach
 * each other only through a firewall or appliance there, with routes on both sides and forwarded traffic allowed.
 * The connectivity check follows such paths; a declared client whose path lacks a piece fails PGN-008 with a hop
 * of this rule. This rule reports:
 * - errors, for the parts of the network the path depends on that can't work as written: a peering or route
 *   table naming a VNet or subnet the plan doesn't have, a route whose destination or next hop doesn't parse, an
 *   appliance whose address is outside its VNet;
 * - an info for each VNet that reaches the server VNet only through a third VNet, when no declared client
 *   depends on that path (otherwise PGN-008 says whether it works).
 */
export const pgn141: Rule = {
  id: 'PGN-141',
  title: 'Peering is not transitive: through a hub only by an appliance, routes and forwarded traffic',
  severity: 'error/info',
  docs: DOCS.vnetPeering,
  source: 'Azure peering docs',
  why:
    'Two VNets that are each peered with a hub are not peered with each other. Traffic between them crosses the ' +
    'hub only through a firewall or network virtual appliance there: a route on each side sends the other ' +
    'side\u2019s range to the appliance, and the peerings into each side allow forwarded traffic. A peering, ' +
    'route table or route that names something the plan lacks breaks that path.',
  fix:
    'Peer the two VNets directly, or put Azure Firewall or an appliance in the hub, add a route table on the ' +
    'client\u2019s subnet and on the delegated subnet that sends the other side to the appliance\u2019s IP, and ' +
    'allow forwarded traffic on the peerings into both spokes.',
  check(plan) {
    const access = plan.access;
    if (access.mode !== 'private') return [];
    return [...structure(this, plan, access), ...infos(this, plan, access)];
  },
};

type Self = Pick<Rule, 'id' | 'docs' | 'severity'>;

function structure(rule: Self, plan: Plan, access: PrivateAccess): Finding[] {
  const index = planIndex(plan);
  const out: Finding[] = [];
  const vnetKnown = (name: string) => index.vnet(name) !== undefined;
  access.peerings.forEach((p, k) => {
    for (const side of ['from', 'to'] as const) {
      if (!vnetKnown(p[side])) {
        out.push(
          report(
            rule,
            `access.peerings.${k}.${side}`,
            `The peering from ${quotedName(p.from)} to ${quotedName(p.to)} names ${named('VNet', p[side])}, which ` +
              'is not a VNet of the plan: add the VNet, or pick one of the plan\u2019s VNets.',
          ),
        );
      }
    }
    if (p.from.toLowerCase() === p.to.toLowerCase() && vnetKnown(p.from)) {
      out.push(report(rule, `access.peerings.${k}.to`, `A VNet cannot be peered with itself (${quotedName(p.from)}).`));
    }
  });
  access.routeTables.forEach((t, i) => {
    const base = `access.routeTables.${i}`;
    const vnet = index.vnet(t.vnet);
    if (vnet === undefined) {
      out.push(
        report(
          rule,
          `${base}.vnet`,
          `Route table ${quotedName(t.name)} is for ${named('VNet', t.vnet)}, which is not a VNet of the plan.`,
        ),
      );
    } else {
      const subnets =
        vnet.kind === 'server'
          ? [access.delegatedSubnet.name, ...access.vnet.subnets.map((s) => s.name)]
          : vnet.vnet.subnets.map((s) => s.name);
      const known = new Set(subnets.map((s) => s.toLowerCase()));
      t.subnets.forEach((s, j) => {
        if (!known.has(s.toLowerCase())) {
          out.push(
            report(
              rule,
              `${base}.subnets.${j}`,
              `Route table ${quotedName(t.name)} names subnet ${quotedName(s)}, which ${quotedName(vnet.vnet.name)} ` +
                'does not have in the plan: add the subnet to the VNet, or remove it here.',
            ),
          );
        } else {
          const first = index.routeTable(t.vnet, s);
          if (first !== undefined && first.index !== i) {
            out.push(
              report(
                rule,
                `${base}.subnets.${j}`,
                `Subnet ${quotedName(s)} of ${quotedName(vnet.vnet.name)} already uses route table ` +
                  `${quotedName(first.table.name)}; a subnet has one route table at most.`,
              ),
            );
          }
        }
      });
    }
    t.routes.forEach((r, j) => {
      const at = `${base}.routes.${j}`;
      const cidr = parseLooseCidrFast(r.prefix);
      if (!cidr.ok && !isServiceTag(r.prefix)) {
        out.push(
          report(
            rule,
            `${at}.prefix`,
            `Route ${quotedName(r.name)} of ${quotedName(t.name)} sends "${r.prefix}" somewhere, which is neither ` +
              'an IPv4 CIDR (10.20.0.0/16) nor a service tag (AzureActiveDirectory).',
          ),
        );
      }
      if (r.nextHop === 'VirtualAppliance' && !parseIPv4Fast(r.nextHopIp).ok) {
        out.push(
          report(
            rule,
            `${at}.nextHopIp`,
            `Route ${quotedName(r.name)} of ${quotedName(t.name)} goes to a virtual appliance, so it needs the ` +
              'appliance\u2019s private IPv4 address as next hop' +
              `${r.nextHopIp === '' ? '' : ` ("${r.nextHopIp}" is not one)`}.`,
          ),
        );
      }
      if (r.nextHop !== 'VirtualAppliance' && r.nextHopIp !== '') {
        out.push(
          report(
            rule,
            `${at}.nextHopIp`,
            `Route ${quotedName(r.name)} of ${quotedName(t.name)} has next hop ${r.nextHop}, which takes no IP ` +
              'address (Azure refuses one): clear it, or choose VirtualAppliance.',
          ),
        );
      }
    });
  });
  const appliances: { path: string; vnet: string; spaces: readonly string[]; ip: string }[] = [];
  if (access.vnet.appliance !== null) {
    appliances.push({
      path: 'access.vnet.appliance',
      vnet: access.vnet.name,
      spaces: access.vnet.addressSpaces,
      ip: access.vnet.appliance.privateIp,
    });
  }
  access.peeredVnets.forEach((v, i) => {
    if (v.appliance !== null) {
      appliances.push({
        path: `access.peeredVnets.${i}.appliance`,
        vnet: v.name,
        spaces: v.addressSpaces,
        ip: v.appliance.privateIp,
      });
    }
  });
  for (const a of appliances) {
    const ip = parseIPv4Fast(a.ip);
    const inside =
      ip.ok &&
      a.spaces.some((s) => {
        const c = parseLooseCidrFast(s);
        return c.ok && rangeContains(cidrRange(c.value), { start: ip.value, end: ip.value });
      });
    if (!inside) {
      out.push(
        report(
          rule,
          `${a.path}.privateIp`,
          `The appliance in ${quotedName(a.vnet)} has the private IP "${a.ip}", which is ` +
            (ip.ok ? `outside the VNet\u2019s address spaces (${a.spaces.join(', ')})` : 'not an IPv4 address') +
            ': routes can only send traffic to an address inside the VNet.',
        ),
      );
    }
  }
  return out;
}

/** An info for each other VNet that reaches the server VNet only through a third one, with no client there. */
function infos(rule: Self, plan: Plan, access: PrivateAccess): Finding[] {
  const index = planIndex(plan);
  const server = access.vnet.name;
  const depended = new Set<string>();
  for (const hop of mustReachFailures(plan).values()) if (hop.ruleId === 'PGN-141') depended.add(hop.title);
  const clientVnets = new Set(plan.clients.flatMap((c) => (c.kind === 'vnet' ? [index.vnet(c.vnet)?.path ?? ''] : [])));
  const out: Finding[] = [];
  access.peeredVnets.forEach((v, i) => {
    const path = `access.peeredVnets.${i}`;
    if (index.vnet(v.name)?.path !== path || clientVnets.has(path)) return;
    if (index.peering(v.name, server) !== undefined || index.peering(server, v.name) !== undefined) return;
    const hub = access.peeredVnets.find((h) => h !== v && index.peered(v.name, h.name) && index.peered(h.name, server));
    if (hub === undefined) return;
    out.push(
      report(
        rule,
        path,
        `${namedAtStart('VNet', v.name)} and the server VNet ${quotedName(server)} are both peered with ` +
          `${quotedName(hub.name)} but not with each other: peering is not transitive, so traffic between them ` +
          `crosses ${quotedName(hub.name)} only through a firewall or appliance there, with routes on both sides ` +
          'and forwarded traffic allowed. Declare a client in it to have the path checked.',
        'info',
      ),
    );
  });
  return out;
}

/** A service tag as a route destination (`AzureActiveDirectory`, `Storage.westeurope`): the tags NSGs know. */
function isServiceTag(text: string): boolean {
  const lower = text.toLowerCase();
  if (NSG_SERVICE_TAGS.has(lower)) return true;
  const dot = lower.lastIndexOf('.');
  return dot > 0 && NSG_SERVICE_TAGS.get(lower.slice(0, dot))?.regional === true;
}
