/**
 * The plan: everything an architect decides about the networking of one Azure Database for
 * PostgreSQL flexible server deployment. These zod schemas are the only source of the plan's types.
 *
 * This module describes the document's *shape*: which fields exist and which values a choice may
 * take. Whether the values are acceptable to Azure (aligned CIDRs, name rules, overlaps, …) is the
 * rule engine's job (`src/rules`), so that every error carries a rule ID and a message that says
 * what to do. Free-text network values (addresses, prefixes, names) are therefore plain strings here.
 */
import { z } from 'zod';
import { DEFAULT_POSTGRES_VERSION, HA_MODES, POSTGRES_VERSIONS } from './azure';

/** The current plan format version. Grows with every incompatible change; older plans are migrated. */
export const PLAN_FORMAT_VERSION = 1;

const name = (what: string) => z.string().describe(what);

export const HaModeSchema = z.enum(HA_MODES).describe('High availability mode (facts §2.2).');

export const ServerSchema = z
  .object({
    name: name('Server name; becomes <name>.postgres.database.azure.com.'),
    region: name('Azure region, programmatic name (e.g. westeurope).'),
    version: z.enum(POSTGRES_VERSIONS).default(DEFAULT_POSTGRES_VERSION).describe('PostgreSQL major version.'),
    highAvailability: HaModeSchema.default('Disabled'),
    resourceGroup: z.string().default('').describe('Resource group of the server.'),
    subscription: z.string().default('').describe('Subscription ID or name (used in exports and notes).'),
  })
  .describe('A flexible server.');

/** PostgreSQL's own spellings of the TLS versions; Azure accepts only TLSv1.2 and TLSv1.3 (PGN-004). */
export const TlsVersionSchema = z.enum(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);

export const TlsSchema = z
  .object({
    requireSecureTransport: z.boolean().default(true).describe('require_secure_transport'),
    minVersion: TlsVersionSchema.default('TLSv1.2').describe('ssl_min_protocol_version'),
    maxVersion: TlsVersionSchema.nullable().default(null).describe('ssl_max_protocol_version; null = unset'),
  })
  .describe('Server TLS parameters.');

export const DnsSettingSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('azure') }).describe('Azure-provided DNS (168.63.129.16).'),
    z
      .object({
        kind: z.literal('custom'),
        servers: z.array(z.string()).default([]).describe('Custom DNS server IPv4 addresses.'),
        forwardsToAzureDns: z
          .boolean()
          .default(false)
          .describe('Whether the custom DNS servers forward to 168.63.129.16.'),
      })
      .describe('Custom DNS servers.'),
  ])
  .describe("A VNet's DNS setting.");

export const SubnetSchema = z.object({
  name: name('Subnet name.'),
  prefix: name('IPv4 CIDR, e.g. 10.0.1.0/24.'),
});

export const NsgDirectionSchema = z.enum(['Inbound', 'Outbound']);
export const NsgAccessSchema = z.enum(['Allow', 'Deny']);
export const NsgProtocolSchema = z.enum(['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*']);

export const NsgRuleSchema = z
  .object({
    name: name('Rule name.'),
    priority: z.number().int().describe('100–4096, unique per direction.'),
    direction: NsgDirectionSchema,
    access: NsgAccessSchema,
    protocol: NsgProtocolSchema.default('Tcp'),
    sourceAddresses: z
      .array(z.string())
      .default(['*'])
      .describe('CIDRs, IPs, `*` or service tags (VirtualNetwork, AzureLoadBalancer, Internet, Storage, Storage.<Region>, AzureActiveDirectory).'),
    sourcePorts: z.array(z.string()).default(['*']).describe('Ports or ranges (`*`, `443`, `1000-2000`).'),
    destinationAddresses: z.array(z.string()).default(['*']),
    destinationPorts: z.array(z.string()).default(['*']),
    sourceAsgs: z.array(z.string()).default([]).describe('Application security groups (not supported: PGN-120).'),
    destinationAsgs: z.array(z.string()).default([]),
    description: z.string().default(''),
  })
  .describe('A network security group rule.');

export const NsgSchema = z.object({
  name: name('NSG name.'),
  rules: z.array(NsgRuleSchema).default([]),
});

export const VnetSchema = z
  .object({
    name: name('VNet name.'),
    region: name('Azure region of the VNet.'),
    resourceGroup: z.string().default(''),
    existing: z.boolean().default(false).describe('true = reference an existing VNet, false = create it.'),
    addressSpaces: z.array(z.string()).default([]),
    dns: DnsSettingSchema.default({ kind: 'azure' }),
    subnets: z
      .array(SubnetSchema)
      .default([])
      .describe('Other subnets in the VNet (not the delegated one).'),
    zoneLink: z.boolean().default(true).describe('Linked to the private DNS zone.'),
  })
  .describe('The server VNet.');

export const DelegatedSubnetSchema = z
  .object({
    name: name('Delegated subnet name.'),
    prefix: name('IPv4 CIDR of the delegated subnet.'),
    existing: z.boolean().default(false),
    existingDelegation: z
      .string()
      .nullable()
      .default(null)
      .describe('For an existing subnet: the service it is delegated to, if any.'),
    otherResourceTypes: z
      .array(z.string())
      .default([])
      .describe('For an existing subnet: other resource types already in it (PGN-107).'),
    nsg: NsgSchema.nullable().default(null),
  })
  .describe('The subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers.');

export const PrivateDnsZoneSchema = z
  .object({
    name: name('Zone name, ending with .postgres.database.azure.com.'),
    existing: z.boolean().default(false),
    resourceGroup: z.string().default(''),
    subscription: z.string().default('').describe('Empty = the server subscription.'),
  })
  .describe('The private DNS zone. Links are the `zoneLink` flags of the VNets.');

export const PeeringSchema = z
  .object({
    fromServerVnet: z.boolean().default(true).describe('Peering resource on the server VNet side.'),
    toServerVnet: z.boolean().default(true).describe('Peering resource on this VNet side.'),
  })
  .describe('Peering with the server VNet, per direction (both false = not peered).');

export const PeeredVnetSchema = z
  .object({
    name: name('VNet name.'),
    region: name('Azure region.'),
    resourceGroup: z.string().default(''),
    subscription: z.string().default(''),
    addressSpaces: z.array(z.string()).default([]),
    peering: PeeringSchema.default({ fromServerVnet: true, toServerVnet: true }),
    zoneLink: z.boolean().default(false).describe('Linked to the private DNS zone.'),
    dns: DnsSettingSchema.default({ kind: 'azure' }),
  })
  .describe('Another VNet (peered with the server VNet, or not).');

export const OnPremConnectionSchema = z.enum(['vpn', 'expressRoute', 'none']);

export const OnPremisesSchema = z
  .object({
    name: name('Site name.'),
    addressRanges: z.array(z.string()).default([]).describe('IPv4 CIDRs of the site.'),
    connection: OnPremConnectionSchema.default('vpn'),
    gatewayVnet: z
      .string()
      .default('')
      .describe('The VNet holding the gateway (empty = the server VNet).'),
    dnsForwarder: z
      .boolean()
      .default(false)
      .describe('On-premises DNS forwards the zone to a resolver inside Azure.'),
  })
  .describe('An on-premises network.');

export const FirewallRuleSchema = z
  .object({
    name: name('Rule name (3–80 characters).'),
    startIp: name('Start IPv4 address.'),
    endIp: name('End IPv4 address.'),
  })
  .describe('A firewall rule.');

export const PrivateEndpointSchema = z.object({ name: z.string(), subnet: z.string().default('') });

export const PrivateAccessSchema = z
  .object({
    mode: z.literal('private'),
    vnet: VnetSchema,
    delegatedSubnet: DelegatedSubnetSchema,
    privateDnsZone: PrivateDnsZoneSchema.nullable().default(null),
    peeredVnets: z.array(PeeredVnetSchema).default([]),
    onPremises: z.array(OnPremisesSchema).default([]),
    // A VNet-integrated server has no public endpoint and no Private Link (PGN-111, PGN-112).
    // The fields exist so that a plan carrying them (from a file, a link or another tool) is
    // reported with the rule instead of silently dropped.
    firewallRules: z.array(FirewallRuleSchema).optional(),
    allowAzureServices: z.boolean().optional(),
    privateEndpoints: z.array(PrivateEndpointSchema).optional(),
  })
  .describe('Private access (VNet integration).');

export const PublicAccessSchema = z
  .object({
    mode: z.literal('public'),
    firewallRules: z.array(FirewallRuleSchema).default([]),
    allowAzureServices: z.boolean().default(false),
  })
  .describe('Public access (allowed IP addresses).');

export const AccessSchema = z.discriminatedUnion('mode', [PrivateAccessSchema, PublicAccessSchema]);

const clientBase = {
  name: name('Client name.'),
  tlsVersion: TlsVersionSchema.default('TLSv1.2').describe("The newest TLS version the client speaks."),
  connectsByIp: z
    .boolean()
    .default(false)
    .describe('The client names the server by IP instead of FQDN (PGN-007).'),
};

export const ClientSchema = z
  .discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('serverVnet'),
        ...clientBase,
        subnet: z.string().default('').describe('Name of a subnet of the server VNet.'),
        address: z.string().default('').describe('IPv4 address or CIDR (default: the subnet prefix).'),
      })
      .describe('A client in a subnet of the server VNet.'),
    z
      .object({
        kind: z.literal('vnet'),
        ...clientBase,
        vnet: z.string().describe('Name of a VNet in peeredVnets.'),
        address: z.string().default(''),
      })
      .describe('A client in another VNet (peered or not).'),
    z
      .object({
        kind: z.literal('onPremises'),
        ...clientBase,
        site: z.string().describe('Name of an on-premises network.'),
        address: z.string().default(''),
      })
      .describe('A client on premises.'),
    z
      .object({
        kind: z.literal('internet'),
        ...clientBase,
        address: z.string().describe('Public IPv4 address.'),
        dynamicIp: z.boolean().default(false),
      })
      .describe('A client on the internet.'),
    z
      .object({
        kind: z.literal('azureService'),
        ...clientBase,
        tenant: z.enum(['same', 'other']).default('same'),
        address: z.string().default('').describe('Fixed outbound IPv4, if it has one.'),
      })
      .describe('An Azure service (App Service, Functions, …) without VNet integration.'),
  ])
  .describe('Something that must reach the server.');

export const PlanDocumentSchema = z
  .object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    name: z.string().default('Untitled plan').describe('Plan title.'),
    servers: z.array(ServerSchema).min(1),
    access: AccessSchema,
    tls: TlsSchema.default({ requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null }),
    clients: z.array(ClientSchema).default([]),
  })
  .describe('A networking plan for Azure Database for PostgreSQL flexible servers.');

export type Plan = z.infer<typeof PlanDocumentSchema>;
export type PlanInput = z.input<typeof PlanDocumentSchema>;
export type Server = z.infer<typeof ServerSchema>;
export type Tls = z.infer<typeof TlsSchema>;
export type TlsVersion = z.infer<typeof TlsVersionSchema>;
export type DnsSetting = z.infer<typeof DnsSettingSchema>;
export type Subnet = z.infer<typeof SubnetSchema>;
export type NsgRule = z.infer<typeof NsgRuleSchema>;
export type Nsg = z.infer<typeof NsgSchema>;
export type Vnet = z.infer<typeof VnetSchema>;
export type DelegatedSubnet = z.infer<typeof DelegatedSubnetSchema>;
export type PrivateDnsZone = z.infer<typeof PrivateDnsZoneSchema>;
export type PeeredVnet = z.infer<typeof PeeredVnetSchema>;
export type OnPremises = z.infer<typeof OnPremisesSchema>;
export type FirewallRule = z.infer<typeof FirewallRuleSchema>;
export type PrivateAccess = z.infer<typeof PrivateAccessSchema>;
export type PublicAccess = z.infer<typeof PublicAccessSchema>;
export type Access = z.infer<typeof AccessSchema>;
export type Client = z.infer<typeof ClientSchema>;
export type ClientKind = Client['kind'];
