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
import {
  DEFAULT_POSTGRES_VERSION,
  HA_MODES,
  AVAILABILITY_ZONES,
  MAX_DNS_SERVERS_PER_VNET,
  MAX_NSG_ADDRESSES_PER_RULE_SIDE,
  MAX_NSG_ASGS_PER_RULE_SIDE,
  MAX_NSG_RULES_PER_NSG,
  MAX_PEERINGS_PER_VNET,
  MAX_PRIVATE_ENDPOINTS_PER_VNET,
  MAX_ROUTE_TABLES,
  MAX_ROUTES_PER_ROUTE_TABLE,
  MAX_SUBNETS_PER_VNET,
  PLANNER_LIMITS,
  POSTGRES_VERSIONS,
} from './azure';
import { normalizeRegion } from './regions';

/** The current plan format version. Grows with every incompatible change; older plans are migrated. */
export const PLAN_FORMAT_VERSION = 2;

/** zod/mini keeps the first-screen bundle small (spec/budgets.md); these two helpers read like zod's methods. */
const describe = <T extends z.ZodMiniType>(schema: T, text: string): T => schema.check(z.describe(text));
const withDefault = <T extends z.ZodMiniType>(schema: T, value: z.output<T>) => z._default(schema, value as never);

// ---- Size limits (azure.ts): a list or text longer than its limit is refused when the plan is read.
// zod checks a list's length before it reads a single item, and that issue stops every later check
// (the error rules of PlanSchema included), so an oversized plan costs no more than its length.

const count = (n: number): string => n.toLocaleString('en-US');
const lengthOf = (input: unknown): number =>
  typeof input === 'string' || Array.isArray(input) ? input.length : Number.NaN;

/** Any text of the plan: at most PLANNER_LIMITS.textLength characters. */
const text = () =>
  z.string().check(
    z.maxLength(PLANNER_LIMITS.textLength, {
      // A text over the limit stops the checks that follow, as an oversized list does.
      abort: true,
      error: (issue) =>
        `${count(lengthOf(issue.input))} characters; the planner takes at most ${count(PLANNER_LIMITS.textLength)} ` +
        "in one field (its own limit: Azure's names and addresses are far shorter).",
    }),
  );

/**
 * A list of at most `max` items (`extra` more are counted elsewhere: the delegated subnet). `noun`
 * names the items and `limit` words the limit, `{max}` standing for the number ("Azure allows at most
 * {max} per VNet"). The message starts with the count, so that the plan reader can say whose list it
 * is: `VNet "vnet-x" has 100,001 subnets …; Azure allows at most 3,000 per VNet.`
 */
function limited<T extends z.ZodMiniType>(item: T, max: number, noun: string, limit: string, extra = 0) {
  return z.array(item).check(
    z.maxLength(max - extra, {
      error: (issue) => `${count(lengthOf(issue.input) + extra)} ${noun}; ${limit.replace('{max}', count(max))}.`,
    }),
  );
}
const azureAllows = (per: string) => `Azure allows at most {max} ${per}`;
const plannerAllows = (per: string) => `the planner takes at most {max}${per} (its own limit: Azure documents none)`;

/** A region: a display name (`West Europe`) is read as its programmatic name (`westeurope`); PGN-010 checks it. */
const region = () => text().check(z.overwrite(normalizeRegion));

export const HaModeSchema = describe(z.enum(HA_MODES), 'High availability mode (facts §2.2).');

const ZoneSchema = z.enum(['', ...AVAILABILITY_ZONES]);

export const ServerSchema = describe(
  z
    .object({
      name: describe(text(), 'Server name; becomes <name>.postgres.database.azure.com.'),
      region: describe(region(), 'Azure region, programmatic name (e.g. westeurope).'),
      version: describe(withDefault(z.enum(POSTGRES_VERSIONS), DEFAULT_POSTGRES_VERSION), 'PostgreSQL major version.'),
      highAvailability: withDefault(HaModeSchema, 'Disabled'),
      availabilityZone: describe(
        z.optional(ZoneSchema),
        'Availability zone of the server: "1", "2" or "3"; absent or "" lets Azure choose.',
      ),
      standbyAvailabilityZone: describe(
        z.optional(ZoneSchema),
        'Availability zone of the zone-redundant standby: "1", "2" or "3", not the server\'s; absent or "" lets ' +
          'Azure choose.',
      ),
      resourceGroup: describe(withDefault(text(), ''), 'Resource group of the server.'),
      subscription: describe(
        withDefault(text(), ''),
        "Subscription ID (a GUID, PGN-012); empty = the deployment's own subscription.",
      ),
    })
    .check(
      z.superRefine((s, ctx) => {
        const standby = s.standbyAvailabilityZone ?? '';
        if (standby === '') return;
        const message =
          s.highAvailability !== 'ZoneRedundant'
            ? `Only a zone-redundant standby has a zone of its own (high availability is ${s.highAvailability}): ` +
              'choose zone-redundant high availability, or clear the standby zone.'
            : standby === s.availabilityZone
              ? `The zone-redundant standby must be in another zone than the server (zone ${standby}): ` +
                'pick another standby zone, or let Azure choose.'
              : null;
        if (message !== null)
          ctx.issues.push({ code: 'custom', input: standby, path: ['standbyAvailabilityZone'], message });
      }),
    ),
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

const DnsSettingSchema = describe(
  z.discriminatedUnion('kind', [
    describe(z.object({ kind: z.literal('azure') }), 'Azure-provided DNS (168.63.129.16).'),
    describe(
      z.object({
        kind: z.literal('custom'),
        servers: describe(
          withDefault(limited(text(), MAX_DNS_SERVERS_PER_VNET, 'DNS servers', azureAllows('per VNet')), []),
          'Custom DNS server IPv4 addresses.',
        ),
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

/**
 * How NSG rules and route tables of a subnet apply to the private endpoints in it: `Disabled` (Azure's default)
 * = neither applies. Source: PE §1.8 (`privateEndpointNetworkPolicies`, values of Network API 2023-09-01).
 */
export const PE_NETWORK_POLICIES = ['Disabled', 'Enabled', 'NetworkSecurityGroupEnabled', 'RouteTableEnabled'] as const;

const SubnetSchema = z.object({
  name: describe(text(), 'Subnet name.'),
  prefix: describe(text(), 'IPv4 CIDR, e.g. 10.0.1.0/24.'),
  delegation: describe(
    z.optional(text()),
    'The service the subnet is delegated to, if any (e.g. Microsoft.DBforPostgreSQL/flexibleServers); absent = none.',
  ),
  privateEndpointNetworkPolicies: describe(
    z.optional(z.enum(PE_NETWORK_POLICIES)),
    "Whether the subnet's NSG rules and route tables apply to private endpoints in it (PGN-225); absent = " +
      "Azure's default, Disabled.",
  ),
});

export const NsgDirectionSchema = z.enum(['Inbound', 'Outbound']);
export const NsgAccessSchema = z.enum(['Allow', 'Deny']);
export const NsgProtocolSchema = z.enum(['Tcp', 'Udp', 'Icmp', 'Esp', 'Ah', '*']);

const stringList = (fallback: string[], limit: { max: number; noun: string; limit: string }) =>
  withDefault(limited(text(), limit.max, limit.noun, limit.limit), fallback);

const NSG_ADDRESSES = {
  max: MAX_NSG_ADDRESSES_PER_RULE_SIDE,
  noun: 'addresses or ranges',
  limit: azureAllows('per NSG rule side'),
};
const NSG_PORTS = {
  max: PLANNER_LIMITS.nsgPortsPerRuleSide,
  noun: 'ports or port ranges',
  limit: plannerAllows(' per NSG rule side'),
};
const NSG_ASGS = {
  max: MAX_NSG_ASGS_PER_RULE_SIDE,
  noun: 'application security groups',
  limit: azureAllows('per NSG rule side'),
};
const ADDRESS_SPACES = {
  max: PLANNER_LIMITS.addressSpacesPerVnet,
  noun: 'address spaces',
  limit: plannerAllows(' per VNet'),
};

const NsgRuleSchema = describe(
  z.object({
    name: describe(text(), 'Rule name.'),
    priority: describe(z.int(), '100–4096, unique per direction.'),
    direction: NsgDirectionSchema,
    access: NsgAccessSchema,
    protocol: withDefault(NsgProtocolSchema, 'Tcp'),
    sourceAddresses: describe(
      stringList(['*'], NSG_ADDRESSES),
      'CIDRs, IPs, `*` or service tags (VirtualNetwork, AzureLoadBalancer, ' +
        'Internet, Storage, Storage.<Region>, AzureActiveDirectory).',
    ),
    sourcePorts: describe(stringList(['*'], NSG_PORTS), 'Ports or ranges (`*`, `443`, `1000-2000`).'),
    destinationAddresses: stringList(['*'], NSG_ADDRESSES),
    destinationPorts: stringList(['*'], NSG_PORTS),
    sourceAsgs: describe(stringList([], NSG_ASGS), 'Application security groups (not supported: PGN-120).'),
    destinationAsgs: stringList([], NSG_ASGS),
    description: withDefault(text(), ''),
  }),
  'A network security group rule.',
);

const NsgSchema = z.object({
  name: describe(text(), 'NSG name.'),
  rules: withDefault(limited(NsgRuleSchema, MAX_NSG_RULES_PER_NSG, 'rules', azureAllows('per NSG')), []),
  existing: describe(
    withDefault(z.boolean(), false),
    'true = the NSG exists already: the exports associate the subnet with it and neither create it nor change its ' +
      'rules, which describe it for the checks; false = the exports create it with these rules.',
  ),
});

/**
 * A subnet of another VNet of the plan (referenced, never created). Its NSG, when given, is the one Azure already
 * associates with it: the exports never write it; the checker evaluates it for traffic to a private endpoint in the
 * subnet when the subnet's private endpoint network policies apply NSGs (PE §1.8, PGN-225).
 */
const PeeredSubnetSchema = z.object({
  ...SubnetSchema.shape,
  nsg: describe(
    z.optional(NsgSchema),
    "The subnet's existing NSG, for the checks of private endpoints in it (never deployed); absent = not described.",
  ),
});

/** Kinds of appliance that forward traffic between VNets: Azure Firewall, or a network virtual appliance. */
const APPLIANCE_KINDS = ['azureFirewall', 'nva'] as const;

export const ApplianceSchema = describe(
  z.object({
    kind: describe(z.enum(APPLIANCE_KINDS), 'azureFirewall or nva (a network virtual appliance).'),
    name: describe(text(), 'Name of the firewall or appliance.'),
    privateIp: describe(text(), 'The private IPv4 address that routes send traffic to (next hop).'),
  }),
  'A firewall or network virtual appliance in this VNet, which forwards traffic between peered VNets (PGN-141).',
);

const applianceField = () =>
  describe(withDefault(z.nullable(ApplianceSchema), null), 'A firewall or appliance in this VNet; null = none.');

export const VnetSchema = describe(
  z.object({
    name: describe(text(), 'VNet name.'),
    region: describe(region(), 'Azure region of the VNet.'),
    resourceGroup: withDefault(text(), ''),
    existing: describe(withDefault(z.boolean(), false), 'true = reference an existing VNet, false = create it.'),
    addressSpaces: stringList([], ADDRESS_SPACES),
    dns: withDefault(DnsSettingSchema, { kind: 'azure' }),
    subnets: describe(
      withDefault(
        // The delegated subnet is one of the VNet's subnets too.
        limited(SubnetSchema, MAX_SUBNETS_PER_VNET, 'subnets (the delegated one included)', azureAllows('per VNet'), 1),
        [],
      ),
      'Other subnets in the VNet (not the delegated one).',
    ),
    zoneLink: describe(withDefault(z.boolean(), true), 'Linked to the private DNS zone.'),
    appliance: applianceField(),
  }),
  'The server VNet.',
);

export const DelegatedSubnetSchema = describe(
  z.object({
    name: describe(text(), 'Delegated subnet name.'),
    prefix: describe(text(), 'IPv4 CIDR of the delegated subnet.'),
    existing: withDefault(z.boolean(), false),
    existingDelegation: describe(
      withDefault(z.nullable(text()), null),
      'For an existing subnet: the service it is delegated to, if any.',
    ),
    otherResourceTypes: describe(
      stringList([], {
        max: PLANNER_LIMITS.otherResourceTypes,
        noun: 'resource types',
        limit: plannerAllows(' per subnet'),
      }),
      'For an existing subnet: other resource types already in it (PGN-107).',
    ),
    nsg: withDefault(z.nullable(NsgSchema), null),
  }),
  'The subnet delegated to Microsoft.DBforPostgreSQL/flexibleServers.',
);

export const PrivateDnsZoneSchema = describe(
  z.object({
    name: describe(text(), 'Zone name, ending with .postgres.database.azure.com.'),
    existing: withDefault(z.boolean(), false),
    resourceGroup: withDefault(text(), ''),
    subscription: describe(
      withDefault(text(), ''),
      'Subscription ID (a GUID, PGN-012); empty = the server subscription.',
    ),
  }),
  'The private DNS zone. Links are the `zoneLink` flags of the VNets.',
);

export const PeeredVnetSchema = describe(
  z.object({
    name: describe(text(), 'VNet name.'),
    region: describe(region(), 'Azure region.'),
    resourceGroup: withDefault(text(), ''),
    subscription: describe(
      withDefault(text(), ''),
      'Subscription ID (a GUID, PGN-012); empty = the server subscription.',
    ),
    addressSpaces: stringList([], ADDRESS_SPACES),
    zoneLink: describe(withDefault(z.boolean(), false), 'Linked to the private DNS zone.'),
    dns: withDefault(DnsSettingSchema, { kind: 'azure' }),
    subnets: describe(
      withDefault(limited(PeeredSubnetSchema, MAX_SUBNETS_PER_VNET, 'subnets', azureAllows('per VNet')), []),
      'Subnets of this VNet that the plan refers to (clients, route tables, the appliance, private endpoints).',
    ),
    appliance: applianceField(),
  }),
  'Another VNet of the plan: a hub, a spoke, or a VNet to peer. `peerings` says how it is peered.',
);

/**
 * One VNet peering: a resource on the VNet `from` that points to the VNet `to`. Azure peers two VNets only when
 * both directions exist; each direction has its own flags.
 * Source: facts §2.4 (virtualNetworkPeerings, "one resource per direction").
 */
export const PeeringSchema = describe(
  z.object({
    from: describe(text(), 'The VNet that holds this peering resource (matched by name, in any case).'),
    to: describe(text(), 'The remote VNet.'),
    allowForwardedTraffic: describe(
      withDefault(z.boolean(), false),
      'Accept traffic that an appliance in the remote VNet forwards (it did not start there).',
    ),
    allowGatewayTransit: describe(
      withDefault(z.boolean(), false),
      "Let the remote VNet use this VNet's VPN or ExpressRoute gateway.",
    ),
    useRemoteGateways: describe(withDefault(z.boolean(), false), "Use the remote VNet's gateway (PGN-140)."),
  }),
  'A VNet peering, one direction.',
);

/** Azure's next-hop types of a user-defined route. Source: ARM schema Microsoft.Network routes (nextHopType). */
export const ROUTE_NEXT_HOPS = ['VirtualAppliance', 'VirtualNetworkGateway', 'VnetLocal', 'Internet', 'None'] as const;

const RouteSchema = describe(
  z.object({
    name: describe(text(), 'Route name.'),
    prefix: describe(text(), 'Destination: an IPv4 CIDR or a service tag (e.g. AzureActiveDirectory).'),
    nextHop: describe(z.enum(ROUTE_NEXT_HOPS), "Azure's next-hop type."),
    nextHopIp: describe(withDefault(text(), ''), "For VirtualAppliance: the appliance's private IPv4 address."),
  }),
  'A user-defined route.',
);

export const RouteTableSchema = describe(
  z.object({
    name: describe(text(), 'Route table name.'),
    vnet: describe(text(), 'The VNet whose subnets use it.'),
    existing: describe(
      withDefault(z.boolean(), false),
      'true = the table is deployed already: the exports associate the subnets with it and leave the table and its ' +
        'routes as they are (the routes describe it, for the checks); false = the exports create it with its routes.',
    ),
    subnets: describe(
      stringList([], { max: MAX_SUBNETS_PER_VNET, noun: 'subnets', limit: azureAllows('per VNet') }),
      "Names of the VNet's subnets that use this table (the delegated subnet too).",
    ),
    routes: withDefault(limited(RouteSchema, MAX_ROUTES_PER_ROUTE_TABLE, 'routes', azureAllows('per route table')), []),
  }),
  'A route table (user-defined routes) and the subnets it is associated with.',
);

export const OnPremConnectionSchema = z.enum(['vpn', 'expressRoute', 'none']);

export const OnPremisesSchema = describe(
  z.object({
    name: describe(text(), 'Site name.'),
    addressRanges: describe(
      stringList([], {
        max: PLANNER_LIMITS.addressRangesPerSite,
        noun: 'address ranges',
        limit: plannerAllows(' per site'),
      }),
      'IPv4 CIDRs of the site.',
    ),
    connection: withDefault(OnPremConnectionSchema, 'vpn'),
    gatewayVnet: describe(withDefault(text(), ''), 'The VNet holding the gateway (empty = the server VNet).'),
    dnsForwarder: describe(
      withDefault(z.boolean(), false),
      'On-premises DNS forwards the zone to a resolver inside Azure.',
    ),
    forwardedZone: describe(
      z.optional(text()),
      'The zone the on-premises forwarder sends to Azure; absent = the one the plan needs (with private endpoints ' +
        'postgres.database.azure.com, PGN-223).',
    ),
  }),
  'An on-premises network.',
);

export const FirewallRuleSchema = describe(
  z.object({
    name: describe(text(), 'Rule name (3–80 characters).'),
    startIp: describe(text(), 'Start IPv4 address.'),
    endIp: describe(text(), 'End IPv4 address.'),
  }),
  'A firewall rule.',
);

/** The firewall rules of a server (the planner's own limit: Azure documents none, facts §1.7). */
const firewallRuleList = () =>
  limited(FirewallRuleSchema, PLANNER_LIMITS.firewallRules, 'firewall rules', plannerAllows(' per server'));

/** A private endpoint that a plan in private access carries: reported by PGN-112, never deployed. */
export const PrivateEndpointSchema = z.object({ name: text(), subnet: withDefault(text(), '') });

/** How a private endpoint's connection to the server is approved. Source: PE §1.5. */
const PE_APPROVALS = ['automatic', 'manual'] as const;

/**
 * A private endpoint of a public-access server. It sits in a subnet of one of the plan's VNets and takes that
 * VNet's region and subscription (Azure requires both, PE §1.6); it targets the sub-resource `postgresqlServer`.
 */
export const ServerPrivateEndpointSchema = describe(
  z.object({
    name: describe(text(), 'Private endpoint name.'),
    server: describe(withDefault(text(), ''), 'The server it connects to (by name); "" = the first server.'),
    vnet: describe(text(), 'The VNet it sits in: one of peeredVnets.'),
    subnet: describe(text(), 'The subnet of that VNet it sits in (never one delegated to PostgreSQL, PGN-221).'),
    privateIp: describe(
      withDefault(text(), ''),
      'A static private IPv4 address in the subnet; "" = dynamic (Azure picks one). Fixed once created.',
    ),
    approval: describe(
      withDefault(z.enum(PE_APPROVALS), 'automatic'),
      'automatic: the deployer may approve its own connection; manual: the connection waits for the server owner.',
    ),
    resourceGroup: describe(withDefault(text(), ''), 'Resource group of the endpoint; "" = the deployment\'s.'),
  }),
  'A private endpoint of the server (Private Link, group postgresqlServer).',
);

const PrivateAccessSchema = describe(
  z.object({
    mode: z.literal('private'),
    vnet: VnetSchema,
    delegatedSubnet: DelegatedSubnetSchema,
    privateDnsZone: withDefault(z.nullable(PrivateDnsZoneSchema), null),
    peeredVnets: withDefault(
      limited(PeeredVnetSchema, MAX_PEERINGS_PER_VNET, 'other VNets', azureAllows('peerings per VNet')),
      [],
    ),
    peerings: describe(
      withDefault(limited(PeeringSchema, PLANNER_LIMITS.peerings, 'peerings', plannerAllows(' in a plan')), []),
      'VNet peerings between any two VNets of the plan, one entry per direction.',
    ),
    routeTables: withDefault(
      limited(RouteTableSchema, MAX_ROUTE_TABLES, 'route tables', azureAllows('per subscription')),
      [],
    ),
    onPremises: withDefault(
      limited(OnPremisesSchema, PLANNER_LIMITS.onPremisesSites, 'on-premises sites', plannerAllows('')),
      [],
    ),
    // A VNet-integrated server has no public endpoint and no Private Link (PGN-111, PGN-112).
    // The fields exist so that a plan carrying them (from a file, a link or another tool) is
    // reported with the rule instead of silently dropped.
    firewallRules: z.optional(firewallRuleList()),
    allowAzureServices: z.optional(z.boolean()),
    privateEndpoints: z.optional(
      limited(PrivateEndpointSchema, MAX_PRIVATE_ENDPOINTS_PER_VNET, 'private endpoints', azureAllows('per VNet')),
    ),
  }),
  'Private access (VNet integration).',
);

const PublicAccessSchema = describe(
  z.object({
    mode: z.literal('public'),
    firewallRules: withDefault(firewallRuleList(), []),
    allowAzureServices: withDefault(z.boolean(), false),
    publicNetworkAccess: describe(
      withDefault(z.boolean(), true),
      'Allow public access through the internet (network.publicNetworkAccess); false = private endpoints only, ' +
        'and the firewall rules do nothing (PGN-224).',
    ),
    peeredVnets: describe(
      withDefault(limited(PeeredVnetSchema, PLANNER_LIMITS.vnets, 'VNets', plannerAllows(' in a plan')), []),
      'The VNets of the plan (existing ones, referenced): where the private endpoints, clients and resolvers sit.',
    ),
    peerings: describe(
      withDefault(limited(PeeringSchema, PLANNER_LIMITS.peerings, 'peerings', plannerAllows(' in a plan')), []),
      'VNet peerings between any two VNets of the plan, one entry per direction.',
    ),
    onPremises: withDefault(
      limited(OnPremisesSchema, PLANNER_LIMITS.onPremisesSites, 'on-premises sites', plannerAllows('')),
      [],
    ),
    privateDnsZone: describe(
      withDefault(z.nullable(PrivateDnsZoneSchema), null),
      'The private DNS zone of the private endpoints (privatelink.postgres.database.azure.com, PGN-222); links ' +
        'are the zoneLink flags of the VNets. null = none.',
    ),
    privateEndpoints: describe(
      withDefault(
        limited(
          ServerPrivateEndpointSchema,
          PLANNER_LIMITS.privateEndpoints,
          'private endpoints',
          plannerAllows(' in a plan'),
        ),
        [],
      ),
      'Private endpoints of the server (the portal\'s "Public access (allowed IP addresses) and Private endpoint").',
    ),
  }),
  'Public access (allowed IP addresses), with private endpoints or without.',
);

const AccessSchema = z.discriminatedUnion('mode', [PrivateAccessSchema, PublicAccessSchema]);

/** What the plan expects of a client (PGN-008); a client without it must reach the server. */
const CLIENT_INTENTS = ['mustReach', 'mustNotReach'] as const;

const clientBase = {
  name: describe(text(), 'Client name.'),
  intent: describe(
    withDefault(z.enum(CLIENT_INTENTS), 'mustReach'),
    'mustReach (the default): the client must connect; mustNotReach: the plan must keep it out (PGN-008).',
  ),
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
        subnet: describe(withDefault(text(), ''), 'Name of a subnet of the server VNet.'),
        address: describe(withDefault(text(), ''), 'IPv4 address or CIDR (default: the subnet prefix).'),
      }),
      'A client in a subnet of the server VNet.',
    ),
    describe(
      z.object({
        kind: z.literal('vnet'),
        ...clientBase,
        vnet: describe(text(), 'Name of a VNet in peeredVnets.'),
        address: withDefault(text(), ''),
      }),
      'A client in another VNet (peered or not).',
    ),
    describe(
      z.object({
        kind: z.literal('onPremises'),
        ...clientBase,
        site: describe(text(), 'Name of an on-premises network.'),
        address: withDefault(text(), ''),
      }),
      'A client on premises.',
    ),
    describe(
      z.object({
        kind: z.literal('internet'),
        ...clientBase,
        address: describe(text(), 'Public IPv4 address.'),
        dynamicIp: withDefault(z.boolean(), false),
      }),
      'A client on the internet.',
    ),
    describe(
      z.object({
        kind: z.literal('azureService'),
        ...clientBase,
        tenant: withDefault(z.enum(['same', 'other']), 'same'),
        address: describe(withDefault(text(), ''), 'Fixed outbound IPv4, if it has one.'),
      }),
      'An Azure service (App Service, Functions, …) without VNet integration.',
    ),
  ]),
  'Something that must reach the server.',
);

export const PlanDocumentSchema = describe(
  z.object({
    formatVersion: z.literal(PLAN_FORMAT_VERSION),
    name: describe(withDefault(text(), 'Untitled plan'), 'Plan title.'),
    servers: limited(ServerSchema, PLANNER_LIMITS.servers, 'servers', plannerAllows(' in a plan')).check(
      z.minLength(1),
    ),
    access: AccessSchema,
    tls: withDefault(TlsSchema, { requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null }),
    clients: withDefault(limited(ClientSchema, PLANNER_LIMITS.clients, 'clients', plannerAllows(' in a plan')), []),
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
export type Peering = z.infer<typeof PeeringSchema>;
export type Appliance = z.infer<typeof ApplianceSchema>;
export type Route = z.infer<typeof RouteSchema>;
export type RouteTable = z.infer<typeof RouteTableSchema>;
export type RouteNextHop = Route['nextHop'];
export type OnPremises = z.infer<typeof OnPremisesSchema>;
export type FirewallRule = z.infer<typeof FirewallRuleSchema>;
export type PrivateAccess = z.infer<typeof PrivateAccessSchema>;
export type ServerPrivateEndpoint = z.infer<typeof ServerPrivateEndpointSchema>;
export type PublicAccess = z.infer<typeof PublicAccessSchema>;
export type Client = z.infer<typeof ClientSchema>;
export type ClientKind = Client['kind'];
