/**
 * The private endpoints of a server with public access, and the network around them: each endpoint whose connection
 * targets the server with group `postgresqlServer` (automatic in `privateLinkServiceConnections`, manual in
 * `manualPrivateLinkServiceConnections`: private-endpoint-facts.md §2.1), its VNet and the VNets peered with it, the
 * private DNS zone of its DNS zone group with the zone's VNet links, and the gateways of those VNets.
 */
import { PRIVATE_LINK_GROUP_ID, PRIVATE_LINK_ZONE } from '../domain/azure';
import type { PublicAccess, ServerPrivateEndpoint } from '../domain/plan';
import { idKey, lastName, parseArmId } from './arm-id';
import { T } from './arm-types';
import { zoneLinks, zoneOf } from './read-dns';
import { peeringsOf, vnetFacts, vnetIds } from './read-network';
import { sitesOf } from './read-sites';
import { privateIpOf, props, records, refId, str, strings, vnetOfSubnet, type Reading } from './reading';
import type { ArmResource } from './types';

type EndpointNetwork = Pick<
  PublicAccess,
  'peeredVnets' | 'peerings' | 'onPremises' | 'privateDnsZone' | 'privateEndpoints'
>;

/** The approval of the endpoint's connection to the server, or undefined when it has none. */
function approvalOf(endpoint: ArmResource, server: ArmResource): ServerPrivateEndpoint['approval'] | undefined {
  const p = props(endpoint);
  const targets = (list: unknown) =>
    records(list).some((c) => {
      const cp = props(c);
      return (
        idKey(str(cp.privateLinkServiceId)) === idKey(server.id) &&
        strings(cp.groupIds).some((g) => g.toLowerCase() === PRIVATE_LINK_GROUP_ID.toLowerCase())
      );
    });
  return targets(p.privateLinkServiceConnections)
    ? 'automatic'
    : targets(p.manualPrivateLinkServiceConnections)
      ? 'manual'
      : undefined;
}

/** The zone the endpoints' DNS zone groups name (the `privatelink.` one first), else that zone in the input, or ''. */
function zoneIdOf(reading: Reading, endpoints: readonly ArmResource[]): string {
  const ids = endpoints.flatMap((e) =>
    reading.childrenOf(e.id, T.zoneGroup).flatMap((g) => {
      reading.get(g.id);
      return records(props(g).privateDnsZoneConfigs).map((c) => str(props(c).privateDnsZoneId));
    }),
  );
  const isPrivateLink = (id: string) => lastName(id).toLowerCase() === PRIVATE_LINK_ZONE;
  return (
    ids.find(isPrivateLink) ?? ids.find(Boolean) ?? reading.ofType(T.zone).find((z) => isPrivateLink(z.id))?.id ?? ''
  );
}

/** Says which of the server's endpoint connections name an endpoint that is not in the input. */
function connections(reading: Reading, server: ArmResource, read: ReadonlySet<string>): void {
  const unread = (c: Record<string, unknown>) => !read.has(idKey(refId(props(c).privateEndpoint)));
  const why = (n: string) =>
    `${n} not in the input, so not read: add it to the input and import again, or add it to the plan by hand.`;
  for (const c of reading.childrenOf(server.id, T.endpointConnection)) {
    reading.get(c.id);
    if (unread(c)) reading.notHeld(c, 'resource', why('Its private endpoint is'));
  }
  const missing = records(props(server).privateEndpointConnections).filter(unread).length;
  if (missing > 0)
    reading.notHeld(
      server,
      'properties.privateEndpointConnections',
      why(`The private endpoint of ${missing} of these connections is`),
    );
}

/** The server's private endpoints and the network around them (empty lists when it has none in the input). */
export function endpointNetwork(reading: Reading, server: ArmResource): EndpointNetwork {
  const found = reading.ofType(T.endpoint).flatMap((e) => {
    const approval = approvalOf(e, server);
    return approval === undefined ? [] : [{ e, approval, subnet: refId(props(e).subnet) }];
  });
  connections(reading, server, new Set(found.map(({ e }) => idKey(e.id))));
  const zoneId = zoneIdOf(
    reading,
    found.map(({ e }) => e),
  );
  const privateDnsZone = zoneId === '' ? null : zoneOf(reading, zoneId, server.name);
  const linked = privateDnsZone === null ? new Set<string>() : zoneLinks(reading, zoneId);
  const own = found.map(({ subnet }) => vnetOfSubnet(subnet));
  const ids = own.length === 0 ? [] : vnetIds(reading, own[0] as string);
  for (const id of own) if (!ids.some((i) => idKey(i) === idKey(id))) ids.push(id);
  return {
    peeredVnets: ids.map((id, i) => {
      const { id: _id, ...v } = vnetFacts(reading, id, linked, '', `access.peeredVnets.${i}`);
      return v;
    }),
    peerings: peeringsOf(reading, ids),
    onPremises: sitesOf(reading, ids),
    privateDnsZone,
    privateEndpoints: found.map(({ e, approval, subnet }, i) => {
      reading.mark(`access.privateEndpoints.${i}`, e.id);
      return {
        name: e.name,
        server: '',
        vnet: lastName(vnetOfSubnet(subnet)),
        subnet: lastName(subnet),
        // Only an IP configuration the endpoint was created with holds a static address; the address Azure picks
        // for a dynamic one shows in customDnsConfigs and on its network interface (private-endpoint-facts.md §1.6).
        privateIp: privateIpOf(e),
        approval,
        resourceGroup: parseArmId(e.id)?.resourceGroup ?? '',
      };
    }),
  };
}
