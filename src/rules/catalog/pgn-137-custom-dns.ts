import { AZURE_DNS_IP, DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { analysisOf, report, type Rule } from '../rule';
import { customDnsVnets } from './dns-placement';
import { named, namedAtStart } from '../names';

/**
 * The forwarding requirement, checked with PGN-142's placement rules (dns-placement.ts): a DNS server inside an
 * Azure VNet forwards to 168.63.129.16; one on premises cannot reach 168.63.129.16 and forwards to a resolver
 * inside Azure instead (PGN-142 reports it); 168.63.129.16 itself needs no forwarder.
 */
export const pgn137: Rule = {
  id: 'PGN-137',
  title: 'Custom DNS servers are reachable from the VNet and forward into Azure DNS',
  severity: 'error',
  docs: DOCS.customDns,
  source: 'seed, "Integration with a custom DNS server"; facts §1.5',
  why:
    'A VNet with custom DNS servers resolves the server only if it can reach them and their queries end at ' +
    `Azure DNS (${AZURE_DNS_IP}) from a VNet linked to the zone: a DNS server in an Azure VNet forwards to ` +
    `${AZURE_DNS_IP}; a DNS server on premises cannot reach ${AZURE_DNS_IP} and forwards to a resolver in Azure ` +
    'instead (PGN-142).',
  fix:
    `Configure a forwarder to ${AZURE_DNS_IP} on DNS servers in Azure VNets and link their VNet to the zone; ` +
    'on premises, forward the zone to a resolver in Azure (an Azure DNS Private Resolver inbound endpoint or a ' +
    `DNS server in a linked VNet), never to ${AZURE_DNS_IP} directly. Place every DNS server in the VNet, a ` +
    'peered VNet or a connected on-premises site.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const zone = a.private?.privateDnsZone ?? null;
    const out: Finding[] = [];
    for (const vnet of customDnsVnets(a)) {
      const inAzure = vnet.servers.filter((s) => s.placement.kind === 'vnet').map((s) => s.text);
      if (!vnet.dns.forwardsToAzureDns && inAzure.length > 0) {
        const one = inAzure.length === 1;
        out.push(
          report(
            this,
            `${vnet.path}.forwardsToAzureDns`,
            `${namedAtStart('VNet', vnet.name)} uses custom DNS server${one ? '' : 's'} ` +
              `${inAzure.join(', ')} in Azure, which ` +
              `do${one ? 'es' : ''} not forward to ${AZURE_DNS_IP}: the server's name in the private zone cannot ` +
              `be resolved. Add a forwarder to ${AZURE_DNS_IP}.`,
          ),
        );
      }
      if (vnet.servers.length === 0) {
        out.push(
          report(
            this,
            `${vnet.path}.servers`,
            `${namedAtStart('VNet', vnet.name)} is set to custom DNS but lists no DNS server; add ` +
              `the server's IPv4 address or use Azure-provided DNS.`,
          ),
        );
      }
      for (const server of vnet.servers) {
        const p = server.placement;
        if (p.kind === 'invalid') {
          out.push(report(this, server.path, `Custom DNS server of ${named('VNet', vnet.name)}: ${p.message}`));
        } else if (p.kind === 'unreachable') {
          out.push(
            report(
              this,
              server.path,
              `Custom DNS server ${server.text} of ${named('VNet', vnet.name)} is not inside the VNet, ` +
                `a peered VNet or a connected on-premises site: the VNet cannot reach ` +
                `it. Put the DNS server in one of them, use ${AZURE_DNS_IP} (Azure DNS), or fix the address.`,
            ),
          );
        } else if (p.kind === 'vnet' && !p.home.resolves && zone !== null) {
          out.push(
            report(
              this,
              server.path,
              `Custom DNS server ${server.text} of ${named('VNet', vnet.name)} sits in ${p.home.label}, ` +
                `which is not linked to zone ${zone.name}: its forwarder to ` +
                `${AZURE_DNS_IP} cannot resolve the server. Link "${p.home.name}" to the zone.`,
            ),
          );
        }
      }
    }
    return out;
  },
};
