import { AZURE_DNS_IP, DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { cidrRange, paintRanges, paintedAt, parseIPv4Fast, type Cidr } from '../../domain/ipv4';
import type { DnsSetting } from '../../domain/plan';
import { isPeered, validCidrs } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';

interface Network {
  label: string;
  spaces: Cidr[];
  /** A VNet: whether it is linked to the zone. A site: whether its DNS forwards the zone into Azure. */
  resolves: boolean;
  kind: 'vnet' | 'site';
  name: string;
}

/**
 * "The first of `networks` (in order) that holds this address", answered by binary search over the
 * painted address line instead of a scan of every network's spaces for every DNS server.
 */
function firstHolder(networks: readonly Network[]): (ip: number) => Network | undefined {
  const segments = paintRanges(networks.flatMap((n, order) => n.spaces.map((c) => ({ ...cidrRange(c), order }))));
  return (ip) => {
    const segment = paintedAt(segments, ip);
    return segment === undefined ? undefined : networks[segment.order];
  };
}

export const pgn137: Rule = {
  id: 'PGN-137',
  title: 'Custom DNS servers forward to 168.63.129.16 and are reachable from the VNet',
  severity: 'error',
  docs: DOCS.customDns,
  source: 'seed, "Integration with a custom DNS server"; facts §1.5',
  why:
    `A VNet with custom DNS servers resolves the server only if they forward ` +
    `to Azure DNS (${AZURE_DNS_IP}) from a VNet linked to the zone, and only ` +
    `if the VNet can reach them.`,
  fix:
    `Configure a forwarder to ${AZURE_DNS_IP} on the DNS servers, place them ` +
    `in the VNet, a peered VNet linked to the zone, or a connected ` +
    `on-premises site, and link that VNet to the zone.`,
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const access = a.private;
    if (access === null) return [];
    if (access.vnet.dns.kind !== 'custom' && access.peeredVnets.every((p) => p.dns.kind !== 'custom')) return [];
    const out: Finding[] = [];
    const zoneName = access.privateDnsZone?.name ?? '';
    const serverVnet: Network = {
      label: `server VNet "${access.vnet.name}"`,
      name: access.vnet.name,
      spaces: a.validVnetSpaces,
      resolves: access.vnet.zoneLink,
      kind: 'vnet',
    };
    const peers: (Network & { peered: boolean })[] = a.peers.map((p) => ({
      label: `peered VNet "${p.peer.name}"`,
      name: p.peer.name,
      spaces: validCidrs(p.spaces),
      resolves: p.peer.zoneLink,
      kind: 'vnet',
      peered: isPeered(p.peer),
    }));
    const sites: Network[] = a.sites
      .filter((s) => s.site.connection !== 'none')
      .map((s) => ({
        label: `on-premises site "${s.site.name}"`,
        name: s.site.name,
        spaces: validCidrs(s.ranges),
        resolves: s.site.dnsForwarder,
        kind: 'site',
      }));

    const checkVnet = (
      vnetName: string,
      dns: DnsSetting,
      path: string,
      holderOf: (ip: number) => Network | undefined,
    ) => {
      if (dns.kind !== 'custom') return;
      if (!dns.forwardsToAzureDns) {
        out.push(
          report(
            this,
            `${path}.forwardsToAzureDns`,
            `VNet "${vnetName}" uses custom DNS servers that do not forward to ` +
              `${AZURE_DNS_IP}: the server's name in the private zone cannot be ` +
              `resolved. Add a forwarder to ${AZURE_DNS_IP}.`,
          ),
        );
      }
      if (dns.servers.length === 0) {
        out.push(
          report(
            this,
            `${path}.servers`,
            `VNet "${vnetName}" is set to custom DNS but lists no DNS server; add ` +
              `the server's IPv4 address or use Azure-provided DNS.`,
          ),
        );
      }
      dns.servers.forEach((text, k) => {
        const where = `${path}.servers.${k}`;
        const ip = parseIPv4Fast(text);
        if (!ip.ok) {
          out.push(report(this, where, `Custom DNS server of VNet "${vnetName}": ${ip.error.message}`));
          return;
        }
        const home = holderOf(ip.value);
        if (home === undefined) {
          out.push(
            report(
              this,
              where,
              `Custom DNS server ${text} of VNet "${vnetName}" is not inside the VNet, ` +
                `a peered VNet or a connected on-premises site: the VNet cannot reach ` +
                `it. Put the DNS server in one of them or fix the address.`,
            ),
          );
        } else if (!home.resolves && access.privateDnsZone !== null) {
          out.push(
            report(
              this,
              where,
              home.kind === 'vnet'
                ? `Custom DNS server ${text} of VNet "${vnetName}" sits in ${home.label}, ` +
                    `which is not linked to zone ${zoneName}: its forwarder to ` +
                    `${AZURE_DNS_IP} cannot resolve the server. Link "${home.name}" to the zone.`
                : `Custom DNS server ${text} of VNet "${vnetName}" sits on ${home.label}, ` +
                    `whose DNS does not forward the zone to a resolver in Azure: it cannot ` +
                    `resolve the server. Add a conditional forwarder for ${zoneName} to a ` +
                    `resolver in a linked VNet.`,
            ),
          );
        }
      });
    };
    // The server VNet reaches itself, VNets peered both ways and connected on-premises sites.
    if (access.vnet.dns.kind === 'custom')
      checkVnet(
        access.vnet.name,
        access.vnet.dns,
        'access.vnet.dns',
        firstHolder([serverVnet, ...peers.filter((p) => p.peered), ...sites]),
      );
    // Peerings between the other VNets are not part of the plan, so a peered VNet's DNS server may sit in any VNet of
    // the plan.
    if (a.peers.some((p) => p.peer.dns.kind === 'custom')) {
      const anyHolder = firstHolder([serverVnet, ...peers, ...sites]);
      a.peers.forEach((p) => checkVnet(p.peer.name, p.peer.dns, `${p.path}.dns`, anyHolder));
    }
    return out;
  },
};
