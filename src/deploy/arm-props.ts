/**
 * The modelled properties of an ARM resource body (`{ properties: {…}, … }`, as ARM JSON or an evaluated Bicep
 * object) as `StepProps`. Values a reader could not resolve (a `reference()`, a live property) are left out.
 */
import type { StepProps } from '../exporters/steps';

type Json = unknown;

const rec = (v: Json): Record<string, Json> | undefined =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : undefined;
const str = (v: Json): string | undefined => (typeof v === 'string' ? v : undefined);
const bool = (v: Json): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const idOf = (v: Json): string | undefined => str(rec(v)?.id)?.toLowerCase();
const strings = (v: Json): string[] | undefined =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined;

export function armProps(type: string, body: Json): StepProps {
  const out: StepProps = {};
  const set = <K extends keyof StepProps>(key: K, value: StepProps[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  const p = rec(rec(body)?.properties) ?? {};
  switch (type.toLowerCase()) {
    case 'microsoft.network/virtualnetworks':
      set('addressPrefixes', strings(rec(p.addressSpace)?.addressPrefixes));
      set('dnsServers', strings(rec(p.dhcpOptions)?.dnsServers));
      break;
    case 'microsoft.network/virtualnetworks/subnets': {
      set('addressPrefix', str(p.addressPrefix) ?? strings(p.addressPrefixes)?.[0]);
      if (Array.isArray(p.delegations)) {
        out.delegations = p.delegations.flatMap((d) => {
          const name = str(rec(rec(d)?.properties)?.serviceName);
          return name === undefined ? [] : [name];
        });
      }
      set('networkSecurityGroup', idOf(p.networkSecurityGroup));
      set('routeTable', idOf(p.routeTable));
      if (Array.isArray(p.serviceEndpoints)) {
        out.serviceEndpoints = p.serviceEndpoints.flatMap((e) => {
          const s = str(rec(e)?.service);
          return s === undefined ? [] : [s];
        });
      }
      break;
    }
    case 'microsoft.network/virtualnetworks/virtualnetworkpeerings':
      set('remoteVirtualNetwork', idOf(p.remoteVirtualNetwork));
      set('allowForwardedTraffic', bool(p.allowForwardedTraffic));
      set('allowGatewayTransit', bool(p.allowGatewayTransit));
      set('useRemoteGateways', bool(p.useRemoteGateways));
      break;
    case 'microsoft.network/privatednszones/virtualnetworklinks':
      set('virtualNetwork', idOf(p.virtualNetwork));
      break;
    case 'microsoft.network/privateendpoints': {
      set('subnet', idOf(p.subnet));
      // PE §2.1: one of the two connection lists, each connection's properties.privateLinkServiceId.
      const list = p.privateLinkServiceConnections ?? p.manualPrivateLinkServiceConnections;
      const first = Array.isArray(list) ? rec(rec(list[0])?.properties) : undefined;
      set('privateLinkServiceId', str(first?.privateLinkServiceId)?.toLowerCase());
      break;
    }
    case 'microsoft.network/privateendpoints/privatednszonegroups': {
      const configs = p.privateDnsZoneConfigs;
      const first = Array.isArray(configs) ? rec(rec(configs[0])?.properties) : undefined;
      set('privateDnsZone', str(first?.privateDnsZoneId)?.toLowerCase());
      break;
    }
    case 'microsoft.dbforpostgresql/flexibleservers': {
      const network = rec(p.network) ?? {};
      set('delegatedSubnet', str(network.delegatedSubnetResourceId)?.toLowerCase());
      set('privateDnsZone', str(network.privateDnsZoneArmResourceId)?.toLowerCase());
      const pna = str(network.publicNetworkAccess);
      if (pna === 'Enabled' || pna === 'Disabled') out.publicNetworkAccess = pna;
      set('availabilityZone', str(p.availabilityZone));
      const ha = rec(p.highAvailability) ?? {};
      set('highAvailability', str(ha.mode));
      set('standbyAvailabilityZone', str(ha.standbyAvailabilityZone));
      break;
    }
  }
  return out;
}
