import { AZURE_DNS_IP, DOCS, PRIVATE_LINK_ZONE } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';
import { peContext, type PeVnet } from './pe-helpers';

export const pgn222: Rule = {
  id: 'PGN-222',
  title: `Private endpoints resolve through the zone ${PRIVATE_LINK_ZONE}, linked to every client VNet`,
  severity: 'error',
  docs: DOCS.privateEndpointDns,
  source: 'PE §1.2, §1.3, §3.3',
  why:
    `Endpoints write their records in ${PRIVATE_LINK_ZONE}; a VNet resolves them if linked, or if its DNS servers ` +
    'sit in a linked VNet and forward to Azure DNS. Elsewhere clients get the public address.',
  fix: `Create ${PRIVATE_LINK_ZONE}; link each VNet with a client or endpoint, or the hub whose resolver they use.`,
  check(plan) {
    const c = peContext(plan);
    if (c === null) return [];
    const zone = c.access.privateDnsZone;
    if (zone === null)
      return [
        report(
          this,
          'access.privateDnsZone',
          "The plan has private endpoints but no private DNS zone: clients resolve the server's public address and " +
            `never use the endpoints. Add the zone ${PRIVATE_LINK_ZONE} and link it to the clients' VNets.`,
        ),
      ];
    const out: Finding[] = [];
    if (zone.name.toLowerCase() !== PRIVATE_LINK_ZONE)
      out.push(
        report(
          this,
          'access.privateDnsZone.name',
          `Private DNS zone "${zone.name}" is not the zone of private endpoints: the endpoints' records and the ` +
            `server's name point into ${PRIVATE_LINK_ZONE}. Name the zone ${PRIVATE_LINK_ZONE}.`,
        ),
      );
    // The VNets that hold a client or an endpoint, each once, with what they hold.
    const held = new Map<PeVnet, string[]>();
    const hold = (v: PeVnet | undefined, what: string) => v && held.set(v, [...(held.get(v) ?? []), what]);
    for (const cl of plan.clients) if (cl.kind === 'vnet') hold(c.vnet(cl.vnet), `client "${cl.name}"`);
    for (const pe of c.access.privateEndpoints) hold(c.vnet(pe.vnet), `private endpoint "${pe.name}"`);
    for (const [v, what] of held) {
      if (c.resolves(v)) continue;
      const dns = v.vnet.dns;
      const who = `${namedAtStart('VNet', v.vnet.name)} (${what.join(', ')})`;
      const inLinked = dns.kind === 'custom' ? dns.servers.filter((s) => c.holder(s)?.vnet.zoneLink === true) : [];
      out.push(
        inLinked.length > 0
          ? report(
              this,
              `${v.path}.dns.forwardsToAzureDns`,
              `${who} uses DNS server ${inLinked.join(', ')} in a VNet linked to zone ${zone.name}, but its DNS ` +
                `servers do not forward to ${AZURE_DNS_IP}: the name cannot resolve to the endpoint. Forward them ` +
                `to ${AZURE_DNS_IP} (a DNS Private Resolver's inbound endpoint does).`,
            )
          : report(
              this,
              `${v.path}.zoneLink`,
              `${who} is not linked to zone ${zone.name}` +
                (dns.kind === 'custom'
                  ? ` and its DNS servers ${dns.servers.join(', ')} are not in a linked VNet`
                  : '') +
                `: its clients get the server's public address, not the endpoint. Link the VNet to the zone, or ` +
                'point its DNS at a resolver in a linked VNet.',
            ),
      );
    }
    return out;
  },
};
