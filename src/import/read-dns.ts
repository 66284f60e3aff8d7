/** Name resolution as deployed: the server's private DNS zone and its VNet links, and each VNet's DNS servers. */
import { AZURE_DNS_IP } from '../domain/azure';
import type { DnsSetting, PrivateDnsZone } from '../domain/plan';
import { idKey, parseArmId } from './arm-id';
import { T } from './arm-types';
import { isRecord, privateIpOf, props, refId, strings, type Reading } from './reading';
import type { ArmResource } from './types';

/**
 * A VNet's DNS setting. A DNS server at the address of a DNS Private Resolver inbound endpoint in the input forwards
 * to Azure DNS: the inbound endpoint is the resolver's address in a VNet (private-endpoint-facts.md §3.2), and the
 * resolver answers with Azure DNS, 168.63.129.16 (§3.3; facts §1.5). Whether any other server forwards can't be seen
 * from Azure: the plan says it does not, and a warning asks the user to check.
 */
export function dnsSetting(reading: Reading, vnet: ArmResource): DnsSetting {
  const dhcp = props(vnet).dhcpOptions;
  const servers = strings(isRecord(dhcp) ? dhcp.dnsServers : []);
  if (servers.length === 0) return { kind: 'azure' };
  const resolvers = new Map<string, ArmResource>();
  for (const endpoint of reading.ofType(T.inboundEndpoint)) {
    const ip = privateIpOf(endpoint);
    if (ip !== '') resolvers.set(ip, endpoint);
  }
  for (const ip of servers) {
    const endpoint = resolvers.get(ip);
    if (endpoint !== undefined) reading.get(endpoint.id);
  }
  const unknown = servers.filter((ip) => !resolvers.has(ip) && ip !== AZURE_DNS_IP);
  if (unknown.length > 0) reading.warn(customDnsWarning(vnet.name, unknown));
  return { kind: 'custom', servers, forwardsToAzureDns: unknown.length === 0 };
}

function customDnsWarning(vnet: string, servers: readonly string[]): string {
  const one = servers.length === 1;
  const [is, forwards, does] = one ? ['is', 'it forwards', 'it does'] : ['are', 'they forward', 'they do'];
  return (
    `VNet ${vnet} uses the DNS server${one ? '' : 's'} ${servers.join(', ')}, which ${is} not the address of a DNS ` +
    `Private Resolver inbound endpoint in the input. Whether ${forwards} to Azure DNS (${AZURE_DNS_IP}) can't be ` +
    `seen from Azure, so the plan says ${does} not: check, and if ${does}, tick "Do these DNS servers forward to ` +
    `${AZURE_DNS_IP}?" for ${vnet} (Network step).`
  );
}

/** The private DNS zone the server names, existing, with its resource group and subscription from its ID. */
export function zoneOf(reading: Reading, zoneId: string, server: string): PrivateDnsZone | null {
  const parts = parseArmId(zoneId);
  if (parts === null) {
    if (zoneId !== '')
      reading.warn(`Server ${server}'s private DNS zone "${zoneId}" is not a resource ID; the plan has no zone.`);
    return null;
  }
  reading.mark('access.privateDnsZone', zoneId);
  const zone = reading.get(zoneId);
  const name = zone?.name ?? parts.names[0] ?? '';
  if (zone === undefined) {
    const reason =
      `Server ${server}'s private DNS zone ${name} ` +
      (reading.wasSkipped(zoneId) ? 'could not be read' : 'is not in the input') +
      ': its name is kept, and a VNet whose link to it is not in the input shows as not linked.';
    reading.skip(zoneId, reason);
    reading.warn(reason);
  }
  return { name, existing: true, resourceGroup: parts.resourceGroup, subscription: parts.subscription };
}

/** The keys of the VNets the zone is linked to, from its VNet links in the input. */
export function zoneLinks(reading: Reading, zoneId: string): Set<string> {
  const linked = new Set<string>();
  const links = reading.childrenOf(zoneId, T.zoneLink);
  for (const link of links) {
    reading.get(link.id);
    linked.add(idKey(refId(props(link).virtualNetwork)));
    if (props(link).registrationEnabled === true)
      reading.notHeld(
        link,
        'properties.registrationEnabled',
        'Auto-registration of VM records is not part of the plan.',
      );
  }
  const zone = reading.get(zoneId);
  const counted = props(zone).numberOfVirtualNetworkLinks;
  if (zone !== undefined && typeof counted === 'number' && counted > links.length)
    reading.warn(
      `Zone ${zone.name} has ${counted} VNet links; the input holds ${links.length}. VNets whose link is missing ` +
        'show as not linked.',
    );
  return linked;
}
