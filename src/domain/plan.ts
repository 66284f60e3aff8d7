/**
 * The plan: everything an architect decides about the networking of one Azure Database for
 * PostgreSQL flexible server deployment. These zod schemas are the only source of the plan's types.
 *
 * This module describes the document's *shape*: which fields exist and which values a choice may
 * take. Whether the values are acceptable to Azure (aligned CIDRs, name rules, overlaps, …) is the
 * rule engine's job (`src/rules`), so that every error carries a rule ID and a message that says
 * what to do. Free-text network values (addresses, prefixes, names) are therefore plain strings here.
 */
import * as z from 'zod/mini';
import { DEFAULT_POSTGRES_VERSION, HA_MODES, POSTGRES_VERSIONS } from './azure';

/** The current plan format version. Grows with every incompatible change; older plans are migrated. */
export const PLAN_FORMAT_VERSION = 1;

/** zod/mini keeps the first-screen bundle small (spec/budgets.md); these two helpers read like zod's methods. */
const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text));
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);

const name = (what: string) => describe(z.string(), what);

export const HaModeSchema = describe(z.enum(HA_MODES), 'High availability mode (facts §2.2).');

export const ServerSchema = describe(
  z.object({
    name: name('Server name; becomes <name>.postgres.database.azure.com.'),
    region: name('Azure region, programmatic name (e.g. westeurope).'),
    version: describe(withDefault(z.enum(POSTGRES_VERSIONS), DEFAULT_POSTGRES_VERSION), 'PostgreSQL major version.'),
    highAvailability: withDefault(HaModeSchema, 'Disabled'),
    resourceGroup: describe(withDefault(z.string(), ''), 'Resource group of the server.'),
    subscription: describe(withDefault(z.string(), ''), 'Subscription ID or name (used in exports and notes).'),
  }),
  'A flexible server.',
);

/** PostgreSQL's own spellings of the TLS versions; Azure accepts only TLSv1.2 and TLSv1.3 (PGN-004). */
export const TlsVersionSchema = z.enum(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3']);

export const TlsSchema = describe(
  z.object({
    requireSecureTransport: describe(withDefault(z.boolean(), true), 'require_secure_transport'),
    minVersion: describe(withDefault(TlsVersionSchema, 'TLSv1.2'), 'ssl_min_protocol_version'),
    maxVersion: describe(withDefault(z.nullable(TlsVersionSchema), null), 'ssl_max_protocol_version; null = unset'),
  }),
  'Server TLS parameters.',
);

export const DnsSettingSchema = describe(
  z.discriminatedUnion('kind', [
    describe(z.object({ kind: z.literal('azure') }), 'Azure-provided DNS (168.63.129.16).'),
    describe(
      z.object({
        kind: z.literal('custom'),
        servers: describe(withDefault(z.array(z.string()), []), 'Custom DNS server IPv4 addresses.'),
        forwardsToAzureDns: describe(
          withDefault(z.boolean(), false),
          'Whether the custom DNS servers forward to 168.63.129.16.',
        ),
      }),
      'Custom DNS servers.',
    ),
  ]),
  "A VNet's DNS setting.",
);

export const SubnetSchema = z.object({
  name: name('Subnet name.'),
  prefix: name('IPv4 CIDR, e.g. 10.0.1.0/24.'),
});

export const NsgDirectionSchema = z.enum(['Inbound', 'Outbound']);
export const NsgAccessSchema = z.enum(['Allow', 'Deny']);
export const NsgProtocolSchema = z.enum(['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*']);

const stringList = (fallback: string[], text?: string) => {
  const schema = withDefault(z.array(z.string()), fallback);
  return text === undefined ? schema : describe(schema, text);
};

export const NsgRuleSchema = describe(
  z.object({
    name: name('Rule name.'),
    priority: describe(z.int(), '100–4096, unique per direction.'),
    direction: NsgDirectionSchema,
    access: NsgAccessSchema,
    protocol: withDefault(NsgProtocolSchema, 'Tcp'),
    sourceAddresses: stringList(
      ['*'],
      'CIDRs, IPs, `*` or service tags (VirtualNetwork, AzureLoadBalancer, Internet, Storage, Storage.<Region>, AzureActiveDirectory).',
    ),
    sourcePorts: stringList(['*'], 'Ports or ranges (`*`, `443`, `1000-2000`).'),
    destinationAddresses: stringList(['*']),
    destinationPorts: stringList(['*']),
    sourceAsgs: stringList([], 'Application security groups (not supported: PGN-120).'),
    destinationAsgs: stringList([]),
    description: withDefault(z.string(), ''),
  }),
  'A network security group rule.',
);

export const NsgSchema = z.object({
  name: name('NSG name.'),
  rules: withDefault(z.array(NsgRuleSchema), []),
});

export const VnetSchema = describe(
  z.object({
    name: name('VNet name.'),
    region: name('Azure region of the VNet.'),
    resourceGroup: withDefault(z.string(), ''),
    existing: describe(withDefault(z.boolean(), false), 'true = reference an existing VNet, false = create it.'),
    addressSpaces: stringList([]),
    dns: withDefault(DnsSettingSchema, { kind: 'azure' }),
    subnets: describe(withDefault(z.array(SubnetSchema), []), 'Other subnets in the VNet (not the delegated one).'),
    zoneLink: describe(withDefault(z.boolean(), true), 'Linked to the private DNS zone.'),
  }),
  'The server VNet.',
);

export const DelegatedSubnetSchema = describe(
  z.object({
    name: name('Delegated subnet name.'),
    prefix: name('IPv4 CIDR of the delegated subnet.'),
    existing: withDefault(z.boolean(), false),
    existingDelegation: describe(
      withDefault(z.nullable(z.string()), null),
      'For an existing subnet: the service it is delegated to, if any.',
    ),
    otherResourceTypes: stringList([], 'For an existing subnet: other resource types already in it (PGN-107).'),
    nsg: withDefault(z.nullable(NsgSchema), null),
  }),
  'The subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers.',
);

export const PrivateDnsZoneSchema = describe(
  z.object({
    name: name('Zone name, ending with .postgres.database.azure.com.'),
    existing: withDefault(z.boolean(), false),
    resourceGroup: withDefault(z.string(), ''),
    subscription: describe(withDefault(z.string(), ''), 'Empty = the server subscription.'),
  }),
  'The private DNS zone. Links are the `zoneLink` flags of the VNets.',
);

export const PeeringSchema = describe(
  z.object({
    fromServerVnet: describe(withDefault(z.boolean(), true), 'Peering resource on the server VNet side.'),
    toServerVnet: describe(withDefault(z.boolean(), true), 'Peering resource on this VNet side.'),
  }),
  'Peering with the server VNet, per direction (both false = not peered).',
);

export const PeeredVnetSchema = describe(
  z.object({
    name: name('VNet name.'),
    region: name('Azure region.'),
    resourceGroup: withDefault(z.string(), ''),
    subscription: withDefault(z.string(), ''),
    addressSpaces: stringList([]),
    peering: withDefault(PeeringSchema, { fromServerVnet: true, toServerVnet: true }),
    zoneLink: describe(withDefault(z.boolean(), false), 'Linked to the private DNS zone.'),
    dns: withDefault(DnsSettingSchema, { kind: 'azure' }),
  }),
  'Another VNet (peered with the server VNet, or not).',
);

export const OnPremConnectionSchema = z.enum(['vpn', 'expressRoute', 'none']);

export const OnPremisesSchema = describe(
  z.object({
    name: name('Site name.'),
    addressRanges: stringList([], 'IPv4 CIDRs of the site.'),
    connection: withDefault(OnPremConnectionSchema, 'vpn'),
    gatewayVnet: describe(withDefault(z.string(), ''), 'The VNet holding the gateway (empty = the server VNet).'),
    dnsForwarder: describe(
      withDefault(z.boolean(), false),
      'On-premises DNS forwards the zone to a resolver inside Azure.',
    ),
  }),
  'An on-premises network.',
);

export const FirewallRuleSchema = describe(
  z.object({
    name: name('Rule name (3–80 characters).'),
    startIp: name('Start IPv4 address.'),
    endIp: name('End IPv4 address.'),
  }),
  'A firewall rule.',
);

export const PrivateEndpointSchema = z.object({ name: z.string(), subnet: withDefault(z.string(), '') });

export const PrivateAccessSchema = describe(
  z.object({
    mode: z.literal('private'),
    vnet: VnetSchema,
    delegatedSubnet: DelegatedSubnetSchema,
    privateDnsZone: withDefault(z.nullable(PrivateDnsZoneSchema), null),
    peeredVnets: withDefault(z.array(PeeredVnetSchema), []),
    onPremises: withDefault(z.array(OnPremisesSchema), []),
    // A VNet-integrated server has no public endpoint and no Private Link (PGN-111, PGN-112).
    // The fields exist so that a plan carrying them (from a file, a link or another tool) is
    // reported with the rule instead of silently dropped.
    firewallRules: z.optional(z.array(FirewallRuleSchema)),
    allowAzureServices: z.optional(z.boolean()),
    privateEndpoints: z.optional(z.array(PrivateEndpointSchema)),
  }),
  'Private access (VNet integration).',
);

export const PublicAccessSchema = describe(
  z.object({
    mode: z.literal('public'),
    firewallRules: withDefault(z.array(FirewallRuleSchema), []),
    allowAzureServices: withDefault(z.boolean(), false),
  }),
  'Public access (allowed IP addresses).',
);

export const AccessSchema = z.discriminatedUnion('mode', [PrivateAccessSchema, PublicAccessSchema]);

const clientBase = {
  name: name('Client name.'),
  tlsVersion: describe(withDefault(TlsVersionSchema, 'TLSv1.2'), 'The newest TLS version the client speaks.'),
  connectsByIp: describe(
    withDefault(z.boolean(), false),
    'The client names the server by IP instead of FQDN (PGN-007).',
  ),
};

export const ClientSchema = describe(
  z.discriminatedUnion('kind', [
    describe(
      z.object({
        kind: z.literal('serverVnet'),
        ...clientBase,
        subnet: describe(withDefault(z.string(), ''), 'Name of a subnet of the server VNet.'),
        address: describe(withDefault(z.string(), ''), 'IPv4 address or CIDR (default: the subnet prefix).'),
      }),
      'A client in a subnet of the server VNet.',
    ),
    describe(
      z.object({
        kind: z.literal('vnet'),
        ...clientBase,
        vnet: describe(z.string(), 'Name of a VNet in peeredVnets.'),
        address: withDefault(z.string(), ''),
      }),
      'A client in another VNet (peered or not).',
    ),
    describe(
      z.object({
        kind: z.literal('onPremises'),
        ...clientBase,
        site: describe(z.string(), 'Name of an on-premises network.'),
        address: withDefault(z.string(), ''),
      }),
      'A client on premises.',
    ),
    describe(
      z.object({
        kind: z.literal('internet'),
        ...clientBase,
        address: describe(z.string(), 'Public IPv4 address.'),
        dynamicIp: withDefault(z.boolean(), false),
      }),
      'A client on the internet.',
    ),
    describe(
      z.object({
        kind: z.literal('azureService'),
        ...clientBase,
        tenant: withDefault(z.enum(['same', 'other']), 'same'),
        address: describe(withDefault(z.string(), ''), 'Fixed outbound IPv4, if it has one.'),
      }),
      'An Azure service (App Service, Functions, …) without VNet integration.',
    ),
  ]),
  'Something that must reach the server.',
);

export const PlanDocumentSchema = describe(
  z.object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    name: describe(withDefault(z.string(), 'Untitled plan'), 'Plan title.'),
    servers: z.array(ServerSchema).check(z.minLength(1)),
    access: AccessSchema,
    tls: withDefault(TlsSchema, { requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null }),
    clients: withDefault(z.array(ClientSchema), []),
  }),
  'A networking plan for Azure Database for PostgreSQL flexible servers.',
);
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
