/**
 * Azure facts used by the planner, each with its source (docs/sources/README.md says what each form means):
 * "seed" = Microsoft's networking overview for flexible server (2021), the document the product was born from;
 * "facts §x" = section x of the research note docs/sources/azure-facts.md;
 * "PE §x" = section x of the research note docs/sources/private-endpoint-facts.md.
 */

/** Azure reserves 5 addresses in every subnet (network, gateway, 2 × DNS, broadcast). facts §1.2 */
export const AZURE_RESERVED_ADDRESSES_PER_SUBNET = 5;

/** The smallest delegated subnet a flexible server accepts is a /28. facts §1.2 */
export const MIN_DELEGATED_SUBNET_PREFIX_LENGTH = 28;

/**
 * The smallest subnet Azure accepts is a /29 (the largest a /2). Azure VNet FAQ, "How small and how large can
 * virtual networks and subnets be?" (DOCS.vnetFaq); rules.md PGN-114
 */
export const MIN_SUBNET_PREFIX_LENGTH = 29;

/** A server with high availability uses 4 addresses of the delegated subnet. facts §1.2 */
export const ADDRESSES_PER_HA_SERVER = 4;

/**
 * The docs give no per-server figure without HA (facts §1.2); the planner counts 1 and says so
 * (rules.md PGN-109).
 */
export const ADDRESSES_PER_NON_HA_SERVER = 1;

/** The delegation service name of the delegated subnet. seed "Delegated subnet"; facts §1.2 */
export const POSTGRES_DELEGATION_SERVICE = 'Microsoft.DBforPostgreSQL/flexibleServers';

/** The delegation's action, as the azurerm example writes it. facts §4.1 */
export const POSTGRES_DELEGATION_ACTION = 'Microsoft.Network/virtualNetworks/subnets/join/action';

/** Subnet names reserved within Azure; compared case-insensitively. seed "Delegated subnet" note; facts §1.2 */
export const RESERVED_SUBNET_NAMES = [
  'AzureFirewallSubnet',
  'AzureFirewallManagementSubnet',
  'AzureBastionSubnet',
  'GatewaySubnet',
] as const;

/**
 * GatewaySubnet: Azure accepts a /29, but Microsoft recommends /27 or larger; the planner takes the recommendation
 * (the stricter reading). VPN Gateway settings, "Gateway subnet":
 * https://learn.microsoft.com/azure/vpn-gateway/vpn-gateway-about-vpn-gateway-settings#gwsub
 */
export const GATEWAY_SUBNET_MIN_PREFIX_LENGTH = 27;

/**
 * AzureFirewallSubnet needs a /26 (and AzureFirewallManagementSubnet is held to the same size, the stricter
 * reading). Azure Firewall FAQ, "Why does Azure Firewall need a /26 subnet size?":
 * https://learn.microsoft.com/azure/firewall/firewall-faq
 */
export const FIREWALL_SUBNET_MIN_PREFIX_LENGTH = 26;

/**
 * AzureBastionSubnet must be /26 or larger (for Bastion deployed since November 2021). Azure Bastion configuration
 * settings, "Azure Bastion subnet": https://learn.microsoft.com/azure/bastion/configuration-settings
 */
export const BASTION_SUBNET_MIN_PREFIX_LENGTH = 26;

/**
 * A DNS Private Resolver endpoint's subnet is /28 to /24, dedicated to one endpoint and delegated to
 * Microsoft.Network/dnsResolvers. DNS Private Resolver overview, "Subnet restrictions":
 * https://learn.microsoft.com/azure/dns/dns-private-resolver-overview
 */
export const DNS_RESOLVER_SUBNET_MIN_PREFIX_LENGTH = 28;
export const DNS_RESOLVER_SUBNET_MAX_PREFIX_LENGTH = 24;
export const DNS_RESOLVER_DELEGATION_SERVICE = 'Microsoft.Network/dnsResolvers';

/** Private DNS zones for VNet-integrated servers end with this suffix. seed; facts §1.4 */
export const POSTGRES_ZONE_SUFFIX = 'postgres.database.azure.com';

/** The private DNS zone of private endpoints to flexible servers. PE §1.2 (PE-DNS; PrivateLinkResourcesGet) */
export const PRIVATE_LINK_ZONE = 'privatelink.postgres.database.azure.com';

/**
 * The zone an on-premises site's DNS forwards into Azure, as DNS compares names (no trailing dot, any case); absent =
 * postgres.database.azure.com, the one private endpoints need (PE §3.3). The rule PGN-223 and the checker read it.
 */
export const forwardedZoneOf = (zone: string | undefined): string =>
  (zone ?? POSTGRES_ZONE_SUFFIX).trim().replace(/\.$/, '').toLowerCase();

/** The private endpoint's target sub-resource (group ID) of a flexible server. PE §1.2 */
export const PRIVATE_LINK_GROUP_ID = 'postgresqlServer';

/** Each label of a DNS name has at most 63 characters. RFC 1035 §2.3.4; facts §2.6 (privateDnsZones); PGN-131 */
export const MAX_DNS_LABEL_LENGTH = 63;

/** The public FQDN of a server is `<name>.postgres.database.azure.com`. facts §1.8 */
export const SERVER_FQDN_SUFFIX = 'postgres.database.azure.com';

/** Azure CLI's default zone name convention: `<server>.private.postgres.database.azure.com`. facts §1.4 */
export const suggestedZoneName = (serverName: string): string => `${serverName}.private.${POSTGRES_ZONE_SUFFIX}`;

/** Custom DNS servers must forward to Azure's recursive resolver. seed "Integration with a custom DNS server"; facts
 * §1.5 */
export const AZURE_DNS_IP = '168.63.129.16';

/**
 * The `AzureLoadBalancer` service tag stands for the host's virtual IP 168.63.129.16, where Azure
 * health probes come from. rules.md "Network security groups" (service tags); DOCS.serviceTags
 */
export const AZURE_LOAD_BALANCER_IP = '168.63.129.16';

/** PostgreSQL listens on 5432. seed HA paragraph; facts §1.6 */
export const POSTGRES_PORT = 5432;

/** PgBouncer and HA replication use 6432. seed HA paragraph; facts §1.6 */
export const PGBOUNCER_PORT = 6432;

/** HA log archival goes to Azure Storage over TCP 443. facts §1.6 */
export const STORAGE_PORT = 443;

/** Service tag for Azure Storage, optionally regional as `Storage.<Region>`. facts §1.6 */
export const STORAGE_SERVICE_TAG = 'Storage';

/** Service endpoint the delegated subnet should carry for HA. facts §1.2 */
export const STORAGE_SERVICE_ENDPOINT = 'Microsoft.Storage';

/** Server name: 3–63 lowercase letters, digits, hyphens; no leading/trailing hyphen. facts §1.8; rules.md PGN-001 */
export const SERVER_NAME_PATTERN = /^[a-z0-9]([a-z0-9-]{1,61}[a-z0-9])$/;
export const SERVER_NAME_MIN = 3;
export const SERVER_NAME_MAX = 63;

/** Firewall rule name: 3–80 of `A-Z a-z 0-9 _ -`, starting alphanumeric, not ending with `-`. facts §1.7 (strictest
 * reading) */
export const FIREWALL_RULE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{1,78}[A-Za-z0-9_]$/;
export const FIREWALL_RULE_NAME_MIN = 3;
export const FIREWALL_RULE_NAME_MAX = 80;

/** "Allow public access from Azure services" is the rule 0.0.0.0–0.0.0.0. seed; facts §1.7 */
export const AZURE_SERVICES_RULE_IP = '0.0.0.0';

/** Firewall changes can take up to five minutes. seed troubleshooting; facts §1.7 */
export const FIREWALL_PROPAGATION_MINUTES = 5;

/** Firewall rules are IPv4 only; the documented wording. seed "Firewall rule is not available for IPv6 format"; facts
 * §1.7 */
export const FIREWALL_IPV4_ONLY_TEXT =
  'The firewall rules must be in IPv4 format. If you specify firewall ' +
  "rules in IPv6 format, you'll get a validation error.";

/** Allowed TLS versions for ssl_min/max_protocol_version. seed TLS section; facts §1.9 */
export const ALLOWED_TLS_VERSIONS = ['TLSv1.2', 'TLSv1.3'] as const;

/** NSG rule priorities. facts §2.4 */
export const NSG_PRIORITY_MIN = 100;
export const NSG_PRIORITY_MAX = 4096;

/** NSG default rules (evaluated after the user's rules). rules.md "Network security groups"; facts §2.4 */
export const NSG_DEFAULT_RULE_PRIORITIES = {
  AllowVnetInBound: 65000,
  AllowAzureLoadBalancerInBound: 65001,
  DenyAllInBound: 65500,
  AllowVnetOutBound: 65000,
  AllowInternetOutBound: 65001,
  DenyAllOutBound: 65500,
} as const;

/**
 * Address ranges a VNet address space may not use: multicast, broadcast, loopback, link-local and
 * the Azure host IP. Azure VNet FAQ, "Are there any restrictions on using IP addresses within
 * these subnets?" (DOCS.vnetFaq); rules.md PGN-102 ("valid" address spaces)
 */
export const VNET_UNUSABLE_RANGES = [
  '224.0.0.0/4',
  '255.255.255.255/32',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '168.63.129.16/32',
] as const;

/**
 * One of Azure's naming rules for a resource type: length, the characters allowed, and what the
 * first and last character may be. Lengths count UTF-16 code units, as Azure's .NET services do
 * (the stricter count for characters outside the Basic Multilingual Plane).
 */
export interface AzureNameRule {
  /** The resource type as the planner's messages name it. */
  readonly resource: string;
  readonly min: number;
  readonly max: number;
  /** Tests one character. */
  readonly allowed: RegExp;
  readonly allowedText: string;
  readonly first: RegExp;
  readonly firstText: string;
  readonly last: RegExp;
  readonly lastText: string;
}

/** Letters, digits, `_`, `.`, `-`; first a letter or digit, last a letter, digit or `_` (Microsoft.Network). */
const networkName = (resource: string, min: number, max: number): AzureNameRule => ({
  resource,
  min,
  max,
  allowed: /^[A-Za-z0-9_.-]$/,
  allowedText: 'letters, digits, _, . and -',
  first: /^[A-Za-z0-9]$/,
  firstText: 'a letter or digit',
  last: /^[A-Za-z0-9_]$/,
  lastText: 'a letter, digit or _',
});

/**
 * Azure's naming rules for the resources a plan names. Source: Microsoft Learn "Naming rules and
 * restrictions for Azure resources" (DOCS.nameRules; azure-docs resource-name-rules.md, ms.date
 * 2025-03-14), Microsoft.Network and Microsoft.Resources tables; facts §2.6 agrees for the network rows.
 */
export const AZURE_NAME_RULES = {
  /** virtualNetworks: 2–64. */
  virtualNetwork: networkName('VNet', 2, 64),
  /** virtualnetworks / subnets: 1–80. */
  subnet: networkName('Subnet', 1, 80),
  /** networkSecurityGroups: 1–80. */
  networkSecurityGroup: networkName('NSG', 1, 80),
  /** networkSecurityGroups / securityRules: 1–80. */
  securityRule: networkName('NSG rule', 1, 80),
  /** virtualNetworks / virtualNetworkPeerings: 1–80. */
  virtualNetworkPeering: networkName('Peering', 1, 80),
  /** privateDnsZones / virtualNetworkLinks: 1–80. */
  virtualNetworkLink: networkName('Zone link', 1, 80),
  /** routeTables: 1–80. */
  routeTable: networkName('Route table', 1, 80),
  /** routeTables / routes: 1–80. */
  route: networkName('Route', 1, 80),
  /** privateEndpoints: 2–64. */
  privateEndpoint: networkName('Private endpoint', 2, 64),
  /**
   * resourcegroups: 1–90; underscores, hyphens, periods, parentheses and letters or digits as .NET's
   * Char.IsLetterOrDigit defines them (Unicode categories Lu, Ll, Lt, Lm, Lo, Nd); can't end with a
   * period. The page sets no rule for the first character; the planner's stricter reading refuses a
   * leading hyphen, which the Azure CLI would read as an option (`az group create --name -rg` fails).
   */
  resourceGroup: {
    resource: 'Resource group',
    min: 1,
    max: 90,
    allowed: /^[\p{Lu}\p{Ll}\p{Lt}\p{Lm}\p{Lo}\p{Nd}_.()-]$/u,
    allowedText: 'letters, digits, _, ., (, ) and -',
    first: /^[^-]$/u,
    firstText: 'a character other than -',
    last: /^[^.]$/u,
    lastText: 'a character other than .',
  },
} as const satisfies Record<string, AzureNameRule>;

/** NSG rule `description`: at most 140 characters. facts §2.4 (ARM-NRP `CommonSecurityRulePropertiesFormat`) */
export const NSG_RULE_DESCRIPTION_MAX = 140;

/** NSG rule ports are 0–65535, `*`, or a range `low-high`. facts §2.4; rules.md PGN-125 */
export const NSG_PORT_MAX = 65535;

/**
 * Service tags an NSG rule may name as source or destination, and whether each has regional forms
 * (`Storage.westeurope`). Source: Microsoft Learn "Azure service tags overview", "Available service
 * tags" table (DOCS.serviceTags; azure-docs service-tags-overview.md, ms.date 2025-07-15). The four
 * AzureFrontDoor tags already hold a dot and are taken as written (the stricter reading). Keyed by the
 * lower-case name: Azure compares tags without regard to case.
 */
const REGIONAL_SERVICE_TAGS = [
  'ApiManagement',
  'AppService',
  'AzureCloud',
  'AzureConnectors',
  'AzureContainerRegistry',
  'AzureCosmosDB',
  'AzureDevOps',
  'AzureIoTHub',
  'AzureKeyVault',
  'AzureWebPubSub',
  'BatchNodeManagement',
  'DataFactory',
  'Dynamics365ForMarketingEmail',
  'EventHub',
  'HDInsight',
  'M365ManagementActivityApi',
  'M365ManagementActivityApiWebhook',
  'PowerBI',
  'PowerPlatformInfra',
  'PowerPlatformPlex',
  'ServiceBus',
  'Sql',
  'Storage',
  'StorageMover',
  'SystemServiceAzureSpringAppsResourceProvider',
];
const GLOBAL_SERVICE_TAGS = [
  'ActionGroup',
  'ApplicationInsightsAvailability',
  'AppConfiguration',
  'AppServiceManagement',
  'AzureActiveDirectory',
  'AzureActiveDirectoryDomainServices',
  'AzureAdvancedThreatProtection',
  'AzureArcInfrastructure',
  'AzureAttestation',
  'AzureBackup',
  'AzureBotService',
  'AzureCognitiveSearch',
  'AzureDatabricks',
  'AzureDataExplorerManagement',
  'AzureDeviceUpdate',
  'AzureDigitalTwins',
  'AzureEventGrid',
  'AzureFrontDoor.Frontend',
  'AzureFrontDoor.Backend',
  'AzureFrontDoor.FirstParty',
  'AzureFrontDoor.MicrosoftSecurity',
  'AzureHealthcareAPIs',
  'AzureInformationProtection',
  'AzureLoadBalancer',
  'AzureMachineLearningInference',
  'AzureManagedGrafana',
  'AzureMonitor',
  'AzureOpenDatasets',
  'AzurePlatformDNS',
  'AzurePlatformIMDS',
  'AzurePlatformLKM',
  'AzureResourceManager',
  'AzureSentinel',
  'AzureSignalR',
  'AzureSiteRecovery',
  'AzureSphere',
  'AzureSpringCloud',
  'AzureStack',
  'AzureTrafficManager',
  'AzureUpdateDelivery',
  'ChaosStudio',
  'CognitiveServicesFrontend',
  'CognitiveServicesManagement',
  'DataFactoryManagement',
  'Dynamics365BusinessCentral',
  'EOPExternalPublishedIPs',
  'GatewayManager',
  'GuestAndHybridManagement',
  'Internet',
  'KustoAnalytics',
  'LogicApps',
  'LogicAppsManagement',
  'MicrosoftAzureFluidRelay',
  'MicrosoftCloudAppSecurity',
  'MicrosoftDefenderForEndpoint',
  'PowerQueryOnline',
  'Scuba',
  'SerialConsole',
  'ServiceFabric',
  'SqlManagement',
  'StorageSyncService',
  'VideoIndexer',
  'VirtualNetwork',
  'WindowsAdminCenter',
  'WindowsVirtualDesktop',
];
export const NSG_SERVICE_TAGS: ReadonlyMap<string, { readonly name: string; readonly regional: boolean }> = new Map(
  [
    ...REGIONAL_SERVICE_TAGS.map((name) => ({ name, regional: true })),
    ...GLOBAL_SERVICE_TAGS.map((name) => ({ name, regional: false })),
  ].map((tag) => [tag.name.toLowerCase(), tag]),
);

/** PostgreSQL major versions a new flexible server can be created with. facts §2.2 (ARM-PG `properties.version`), §4.1
 * */
export const POSTGRES_VERSIONS = ['13', '14', '15', '16', '17', '18'] as const;
export const DEFAULT_POSTGRES_VERSION = '17';

/** High availability modes. facts §2.2 (`properties.highAvailability.mode`) */
export const HA_MODES = ['Disabled', 'SameZone', 'ZoneRedundant'] as const;

/**
 * Availability zones a server and its standby can be placed in: `properties.availabilityZone` and
 * `properties.highAvailability.standbyAvailabilityZone` (facts §2.2), strings such as "1" and "2" in Microsoft's
 * example responses (reference/rest-examples, Servers_Get with VNet). SameZone puts the standby in the server's
 * zone, ZoneRedundant in another (HighAvailabilityMode, Microsoft.DBforPostgreSQL REST API).
 */
export const AVAILABILITY_ZONES = ['1', '2', '3'] as const;

/** Newest stable API versions. facts §2.1 */
export const API_VERSIONS = {
  postgres: '2025-08-01',
  network: '2025-07-01',
  privateDns: '2024-06-01',
} as const;

/**
 * Nested deployments let one ARM template create resources in other resource groups and
 * subscriptions (hub VNets, a shared private DNS zone). Not covered by facts §2.1; source: ARM
 * template reference, https://learn.microsoft.com/azure/templates/microsoft.resources/deployments
 */
export const DEPLOYMENTS_API_VERSION = '2022-09-01';

/** Configuration `source` Microsoft's ARM samples write for server parameters. facts §1.9 */
export const CONFIGURATION_SOURCE = 'user-override';

/** The private DNS zone and its VNet links are global resources. facts §2.5 */
export const PRIVATE_DNS_LOCATION = 'global';

/** A manual private endpoint connection's request message: at most 140 characters. Source: PE §2.1. */
export const PE_REQUEST_MESSAGE_MAX = 140;
/** The DNS zone group of a private endpoint (one per endpoint, PE §1.3), as the portal and the CLI docs name it. */
export const PE_ZONE_GROUP = 'default';

/** ARM template root schema. facts §2.1 */
export const ARM_TEMPLATE_SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/**
 * A subscription ID: a GUID (8-4-4-4-12 hex digits). Resource IDs hold it (`/subscriptions/{id}/…`), never the
 * subscription's display name. Microsoft Learn, "Get subscription and tenant IDs in the Azure portal" (DOCS).
 */
export const SUBSCRIPTION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A deployment's name (nested deployments, Bicep modules): 1–64 characters, alphanumerics, underscores, parentheses,
 * hyphens and periods. Microsoft Learn, "Naming rules and restrictions for Azure resources", Microsoft.Resources.
 */
export const DEPLOYMENT_NAME_MAX = 64;

/** Documentation pages cited by findings. facts §0 */
export const DOCS = {
  private: 'https://learn.microsoft.com/azure/postgresql/network/concepts-networking-private',
  public: 'https://learn.microsoft.com/azure/postgresql/network/concepts-networking-public',
  firewall: 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-firewall-rules',
  tls: 'https://learn.microsoft.com/azure/postgresql/flexible-server/concepts-networking-ssl-tls',
  privateLink: 'https://learn.microsoft.com/azure/postgresql/network/concepts-networking-private-link',
  vnetPeering: 'https://learn.microsoft.com/azure/virtual-network/virtual-network-peering-overview',
  nsg: 'https://learn.microsoft.com/azure/virtual-network/network-security-groups-overview',
  serviceTags: 'https://learn.microsoft.com/azure/virtual-network/service-tags-overview',
  nameRules: 'https://learn.microsoft.com/azure/azure-resource-manager/management/resource-name-rules',
  vnetFaq: 'https://learn.microsoft.com/azure/virtual-network/virtual-networks-faq',
  subscriptionId: 'https://learn.microsoft.com/azure/azure-portal/get-subscription-tenant-id',
  privateEndpointDns: 'https://learn.microsoft.com/azure/private-link/private-endpoint-dns',
  privateEndpointPolicies: 'https://learn.microsoft.com/azure/private-link/disable-private-endpoint-network-policy',
  customDns:
    'https://learn.microsoft.com/azure/virtual-network/virtual-networks-name-resolution-for-vms-and-role-instances#name-resolution-that-uses-your-own-dns-server',
} as const;

/** Azure's public regions by programmatic name: the region catalog (regions.ts cites its source). */
export { AZURE_REGIONS } from './regions';

// ---------------------------------------------------------------------------------------------
// Plan size limits. A plan with a list longer than one of these is refused when it is read (plan
// file, share link, command line, saved state), before any rule runs: Azure would refuse the
// deployment, and every check stays fast up to these sizes (spec/budgets.md, growth budget).
// "L-VNET" is Azure's networking limits table, listed as a source in private-endpoint-facts §0.

/** Subnets per VNet, the delegated subnet included. private-endpoint-facts §5 (L-VNET) */
export const MAX_SUBNETS_PER_VNET = 3000;

/**
 * VNet peerings per VNet. The other VNets of a plan are the server VNet's peers (or VNets to peer:
 * PGN-135), so their list has the same limit. private-endpoint-facts §5 (L-VNET)
 */
export const MAX_PEERINGS_PER_VNET = 500;

/** Route tables per subscription, and routes per route table. private-endpoint-facts §5 (L-VNET) */
export const MAX_ROUTE_TABLES = 200;
export const MAX_ROUTES_PER_ROUTE_TABLE = 400;

/** Rules per network security group. private-endpoint-facts §5 (L-VNET) */
export const MAX_NSG_RULES_PER_NSG = 1000;

/** Addresses and ranges per NSG rule, source and destination counted apart. private-endpoint-facts §5 (L-VNET) */
export const MAX_NSG_ADDRESSES_PER_RULE_SIDE = 4000;

/** Application security groups per NSG rule side. L-VNET row "referenced as source/destination per NSG rule" */
export const MAX_NSG_ASGS_PER_RULE_SIDE = 10;

/** DNS servers per VNet. L-VNET row "DNS servers per virtual network" (private-endpoint-facts §0) */
export const MAX_DNS_SERVERS_PER_VNET = 20;

/** Private endpoints per VNet. private-endpoint-facts §5 (L-PL) */
export const MAX_PRIVATE_ENDPOINTS_PER_VNET = 1000;

/**
 * The planner's own limits, not Azure's: Azure documents none for these lists (firewall rules per
 * server: "not documented", facts §1.7 and private-endpoint-facts §5). Each is far above what a
 * real plan holds and keeps a plan that reaches it checkable in well under a second.
 */
export const PLANNER_LIMITS = {
  /** Firewall rules per server: as many as Azure allows rules in one NSG (above); longer lists merge into ranges. */
  firewallRules: 1000,
  /** Servers sharing the delegated subnet: more than a /24 holds with high availability (62, 4 addresses each). */
  servers: 100,
  /** Address spaces per VNet: a VNet that needs more is better split or renumbered. */
  addressSpacesPerVnet: 100,
  /** On-premises sites, and address ranges per site. */
  onPremisesSites: 100,
  addressRangesPerSite: 100,
  /**
   * Peering resources in a plan (one per direction): the server VNet and a hub each peered with the largest
   * number of VNets Azure allows one VNet (MAX_PEERINGS_PER_VNET), both directions.
   */
  peerings: 2 * MAX_PEERINGS_PER_VNET * 2,
  /** VNets of a public-access plan: a hub and every VNet it can peer with (MAX_PEERINGS_PER_VNET). */
  vnets: MAX_PEERINGS_PER_VNET + 1,
  /** Private endpoints of a plan: as many as Azure allows in one VNet (MAX_PRIVATE_ENDPOINTS_PER_VNET). */
  privateEndpoints: MAX_PRIVATE_ENDPOINTS_PER_VNET,
  /** Clients to check: ten times the large plan of spec/budgets.md. */
  clients: 1000,
  /** Other resource types listed in an existing delegated subnet. */
  otherResourceTypes: 100,
  /** Ports and port ranges per NSG rule side: as many as Azure allows addresses per side (above). */
  nsgPortsPerRuleSide: MAX_NSG_ADDRESSES_PER_RULE_SIDE,
  /** Characters in one text field: every Azure name, address and description is far shorter. */
  textLength: 1000,
  /**
   * Characters of a deployment to import (an inventory bundle, a template, resource JSON): 32 MiB. The planner's own
   * limit: a landing zone at Azure's limits (1,000 VNets of 3,000 subnets) is far past what one plan holds anyway.
   */
  importLength: 32 * 1024 * 1024,
} as const;
