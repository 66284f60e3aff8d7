/**
 * On-premises networks as deployed: each VPN or ExpressRoute gateway in the plan's VNets is a site. A VPN site's
 * address ranges are those of the local network gateways its connections join it to (`connections`:
 * `virtualNetworkGateway1`, `localNetworkGateway2`; local network gateways:
 * `localNetworkAddressSpace.addressPrefixes`: ARM schema Microsoft.Network 2025-07-01). ExpressRoute learns the
 * ranges over BGP: no resource holds them.
 */
import type { OnPremises } from '../domain/plan';
import { idKey, lastName } from './arm-id';
import { T } from './arm-types';
import { ipConfigurations, isRecord, props, refId, str, strings, vnetOfSubnet, type Reading } from './reading';
import type { ArmResource } from './types';

/** The address ranges of the local network gateways that connections join `gateway` to. */
function connectedRanges(reading: Reading, gateway: ArmResource): string[] {
  const ranges: string[] = [];
  for (const connection of reading.ofType(T.connection)) {
    const p = props(connection);
    if (idKey(refId(p.virtualNetworkGateway1)) !== idKey(gateway.id)) continue;
    reading.get(connection.id);
    const local = reading.get(refId(p.localNetworkGateway2));
    const space = props(local).localNetworkAddressSpace;
    ranges.push(...strings(isRecord(space) ? space.addressPrefixes : []));
  }
  return [...new Set(ranges)];
}

function rangesUnknown(reading: Reading, gateway: ArmResource, expressRoute: boolean): void {
  reading.notHeld(
    gateway,
    'on-premises address ranges',
    `Gateway ${gateway.name} connects on-premises networks whose address ranges the input doesn't hold` +
      (expressRoute ? ' (ExpressRoute learns them over BGP)' : '') +
      `: add them to the site "${gateway.name}" (Network step) so that on-premises clients can be checked.`,
  );
}

/** The gateways in the plan's VNets, as on-premises sites named after them. */
export function sitesOf(reading: Reading, vnetIds: readonly string[]): OnPremises[] {
  const keys = new Set(vnetIds.map(idKey));
  const sites: OnPremises[] = [];
  for (const gateway of reading.ofType(T.gateway)) {
    const vnetId = ipConfigurations(gateway)
      .map((c) => vnetOfSubnet(c.subnet))
      .find((v) => keys.has(idKey(v)));
    if (vnetId === undefined) continue;
    reading.mark(`access.onPremises.${sites.length}`, gateway.id);
    const expressRoute = str(props(gateway).gatewayType).toLowerCase() === 'expressroute';
    // An ExpressRoute connection joins the gateway to a circuit, not to a local network gateway: no ranges.
    const ranges = connectedRanges(reading, gateway);
    if (ranges.length === 0) rangesUnknown(reading, gateway, expressRoute);
    sites.push({
      name: gateway.name,
      addressRanges: ranges,
      connection: expressRoute ? 'expressRoute' : 'vpn',
      gatewayVnet: reading.get(vnetId)?.name ?? lastName(vnetId),
      dnsForwarder: false,
    });
  }
  return sites;
}
