/**
 * The resource types the importer knows: those it reads into the plan (or reads to work something out), and those it
 * only names when it lists them as not modelled. Types as ARM spells them (facts §2.1); ARM compares them without
 * regard to case, and Resource Graph writes them in lower case (reference rest-examples README).
 */

export const T = {
  server: 'Microsoft.DBforPostgreSQL/flexibleServers',
  firewallRule: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
  configuration: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
  endpointConnection: 'Microsoft.DBforPostgreSQL/flexibleServers/privateEndpointConnections',
  vnet: 'Microsoft.Network/virtualNetworks',
  subnet: 'Microsoft.Network/virtualNetworks/subnets',
  peering: 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings',
  nsg: 'Microsoft.Network/networkSecurityGroups',
  securityRule: 'Microsoft.Network/networkSecurityGroups/securityRules',
  routeTable: 'Microsoft.Network/routeTables',
  route: 'Microsoft.Network/routeTables/routes',
  zone: 'Microsoft.Network/privateDnsZones',
  zoneLink: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
  firewall: 'Microsoft.Network/azureFirewalls',
  gateway: 'Microsoft.Network/virtualNetworkGateways',
  localGateway: 'Microsoft.Network/localNetworkGateways',
  connection: 'Microsoft.Network/connections',
  inboundEndpoint: 'Microsoft.Network/dnsResolvers/inboundEndpoints',
  endpoint: 'Microsoft.Network/privateEndpoints',
  zoneGroup: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
} as const;

/** Types the importer reads; a resource of another type is listed as not modelled. */
export const READ_TYPES: ReadonlySet<string> = new Set(Object.values(T).map((t) => t.toLowerCase()));

/**
 * Why the plan holds no resource of these types, and what that means for the checks. A type not listed here gets a
 * plain "the plan has no place for it".
 */
export const UNMODELLED_TYPES: Readonly<Record<string, string>> = {
  'microsoft.network/privatednszones/a': "DNS records are not part of the plan: Azure writes the server's own.",
  'microsoft.network/dnsresolvers':
    'A DNS Private Resolver is not part of the plan: a VNet whose DNS servers are its inbound endpoints is read as ' +
    'forwarding to Azure DNS.',
  'microsoft.network/dnsforwardingrulesets': 'DNS forwarding rulesets are not part of the plan.',
  'microsoft.network/natgateways': 'NAT gateways are not part of the plan: they carry outbound traffic only.',
  'microsoft.network/networkinterfaces':
    'Network interfaces are not part of the plan: an application is placed by its address (Clients step, "Where ' +
    'does the failing application run?").',
  'microsoft.network/publicipaddresses': 'Public IP addresses are not part of the plan.',
  'microsoft.network/expressroutecircuits':
    "ExpressRoute circuits are not part of the plan: it holds the gateway's site, whose ranges come over BGP.",
  'microsoft.network/firewallpolicies':
    "Firewall policies are not part of the plan: the planner's checks don't read firewall rules.",
};
