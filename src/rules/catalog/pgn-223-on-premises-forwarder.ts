import { DOCS, forwardedZoneOf, POSTGRES_ZONE_SUFFIX, PRIVATE_LINK_ZONE } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { accessIndex } from '../../domain/plan-index';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';
import { RESOLVER_IN_AZURE } from './dns-placement';
import { peContext, zoneName } from './pe-helpers';

const FORWARD = `a conditional forwarder for ${POSTGRES_ZONE_SUFFIX} to ${RESOLVER_IN_AZURE}`;

export const pgn223: Rule = {
  id: 'PGN-223',
  title: `On-premises DNS forwards ${POSTGRES_ZONE_SUFFIX} (not the privatelink zone) to a resolver in Azure`,
  severity: 'error',
  docs: DOCS.privateEndpointDns,
  source: 'PE §3.1, §3.3',
  why:
    "Only a resolver inside Azure can answer with the endpoint's address. Microsoft's pattern: on-premises DNS " +
    `forwards the public zone ${POSTGRES_ZONE_SUFFIX}, not ${PRIVATE_LINK_ZONE}, to a resolver in a linked VNet. ` +
    'Sites without a connection use the internet.',
  fix: `Add ${FORWARD} (never 168.63.129.16, PGN-142) and link the resolver's VNet to the zone.`,
  check(plan) {
    const c = peContext(plan);
    if (c === null) return [];
    const index = accessIndex(c.access);
    const clients = new Map<number, string[]>();
    for (const cl of plan.clients) {
      const e = cl.kind === 'onPremises' ? index.site(cl.site) : undefined;
      if (e !== undefined && e.site.connection !== 'none')
        clients.set(e.index, [...(clients.get(e.index) ?? []), `"${cl.name}"`]);
    }
    const zone = zoneName(c.access);
    const anyLinked = c.access.peeredVnets.some((v) => v.zoneLink);
    const out: Finding[] = [];
    for (const [i, names] of clients) {
      const site = c.access.onPremises[i];
      if (site === undefined) continue;
      const path = `access.onPremises.${i}`;
      const who =
        `${namedAtStart('on-premises site', site.name)} ` +
        `(client${names.length > 1 ? 's' : ''} ${names.join(', ')})`;
      const forwarded = forwardedZoneOf(site.forwardedZone);
      if (!site.dnsForwarder)
        out.push(
          report(
            this,
            `${path}.dnsForwarder`,
            `${who} has no DNS forwarder into Azure: its clients get the server's public address and never use the ` +
              `private endpoint. Add ${FORWARD}, and mark it on the site.`,
          ),
        );
      else if (forwarded !== POSTGRES_ZONE_SUFFIX)
        out.push(
          report(
            this,
            `${path}.forwardedZone`,
            `${who} forwards ${site.forwardedZone ?? ''} to Azure` +
              (forwarded === PRIVATE_LINK_ZONE
                ? ", the zone Microsoft's guidance says not to forward: forward the public zone " +
                  `${POSTGRES_ZONE_SUFFIX} instead (the name clients ask for).`
                : `, which does not hold the server's name: forward ${POSTGRES_ZONE_SUFFIX} instead.`),
          ),
        );
      else if (!anyLinked)
        out.push(
          report(
            this,
            `${path}.dnsForwarder`,
            `${who} forwards ${POSTGRES_ZONE_SUFFIX} to a resolver in Azure, but no VNet of the plan is linked to ` +
              `zone ${zone}: the resolver cannot answer with the endpoint's address. Link the resolver's VNet ` +
              `${site.gatewayVnet === '' ? '' : `(e.g. "${site.gatewayVnet}") `}to the zone.`,
          ),
        );
    }
    return out;
  },
};
