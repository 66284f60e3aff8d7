import { AZURE_DNS_IP, DOCS, POSTGRES_ZONE_SUFFIX } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { analysisOf, report, type Rule } from '../rule';
import { customDnsVnets, RESOLVER_IN_AZURE } from './dns-placement';
import { named } from '../names';

export const pgn142: Rule = {
  id: 'PGN-142',
  title: 'No custom DNS server in the delegated subnet; one on premises forwards to a resolver in Azure',
  severity: 'error',
  docs: DOCS.customDns,
  source: 'seed, "Delegated subnet"; PE §3.1',
  why:
    'Only flexible servers can live in the delegated subnet, so no DNS server can answer there. ' +
    `${AZURE_DNS_IP} (Azure DNS) is a valid custom DNS server: every VNet reaches it. A DNS server on premises ` +
    `cannot reach ${AZURE_DNS_IP}, which answers only queries from inside Azure, so it must forward the zone to ` +
    `${RESOLVER_IN_AZURE}.`,
  fix:
    'Run the DNS server in another subnet (or use Azure DNS itself), and give an on-premises DNS server a ' +
    `conditional forwarder for the zone to ${RESOLVER_IN_AZURE}, never to ${AZURE_DNS_IP} directly.`,
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const zone = a.private?.privateDnsZone?.name || POSTGRES_ZONE_SUFFIX;
    const out: Finding[] = [];
    for (const vnet of customDnsVnets(a)) {
      for (const server of vnet.servers) {
        const p = server.placement;
        if (p.kind === 'delegatedSubnet') {
          out.push(
            report(
              this,
              server.path,
              `Custom DNS server ${server.text} of ${named('VNet', vnet.name)} ` +
                `is inside the delegated subnet ${p.prefix}, ` +
                'where only flexible servers can live: no DNS server can run there. Use the address of a DNS ' +
                `server in another subnet, or ${AZURE_DNS_IP} (Azure DNS).`,
            ),
          );
        } else if (p.kind === 'site' && !p.home.resolves) {
          const claim = vnet.dns.forwardsToAzureDns ? ` (the plan says these DNS servers forward to it)` : '';
          out.push(
            report(
              this,
              server.path,
              `Custom DNS server ${server.text} of ${named('VNet', vnet.name)} sits on ${p.home.label}, which cannot ` +
                `reach ${AZURE_DNS_IP}${claim}: Azure DNS answers only inside Azure. The DNS of "${p.home.name}" ` +
                `must forward ${zone} to ${RESOLVER_IN_AZURE}; add that conditional forwarder and mark it on the ` +
                'site.',
            ),
          );
        }
      }
    }
    return out;
  },
};
