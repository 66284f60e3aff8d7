/**
 * A model of the azurerm provider's schema for the resources the Terraform export writes: per attribute, the
 * flags that decide what a second `terraform plan` shows (Required/Optional, Computed, ForceNew, Default,
 * DiffSuppressFunc, StateFunc), how the provider's Read turns Azure's answer into state, and, for an attribute
 * that is Optional, not Computed and without a Default, what state holds after Azure created the resource with
 * the configuration leaving it unset. The provider can't be downloaded here, so this is read from its source:
 * hashicorp/terraform-provider-azurerm at tag v5.2.0 (8d8282ef) for the 5.x export and v4.81.0 (5782a754) for
 * the 4.x one (the vendored `azurerm-networking-args.json` cites 69697b7f, 14 commits past v5.2.0; of the files
 * read here only `virtual_network_resource.go` differs between the two, in how it sends subnet prefixes).
 *
 * The SDK rules the model relies on are those of terraform-plugin-sdk v2.40.1 (vendored in the provider),
 * `helper/schema/schema.go` `diffString`: an unset Optional attribute is compared as the zero value of its type,
 * so only a non-zero value in state gives a change; a Default stands in for an unset value; a Computed attribute
 * left unset never gives a change; a StateFunc is applied to the configured value before the comparison. An
 * attribute with a Default is sent with it when unset, and Azure is taken to return what it was sent.
 *
 * Left out, with why: write-only and restore arguments the export never writes and the Read copies from the
 * configuration (`administrator_password_wo(_version)`, `point_in_time_restore_time_in_utc`, `source_server_id`);
 * Computed-only attributes nothing reads (`guid`, record-set counts, the zone's `soa_record` contents); the
 * `timeouts` block (never in state comparisons). Their absence makes the simulation fail loudly ("not modelled")
 * if the export ever writes one of them.
 */
import type { ProviderMajor } from '../types';

/** What kind of value: primitives, collections of strings, nested blocks (lists or sets of objects). */
type AttributeType = 'string' | 'bool' | 'number' | 'list' | 'set' | 'map' | 'block-list' | 'block-set';

/**
 * How Read fills state from Azure's answer:
 * - `as-sent`: Azure returns what the provider sent (for the values the export writes: an assumption, see the test);
 * - `config`: Read copies the configuration (Azure doesn't return the value);
 * - `id-segment`: Read sets it from the resource's own ID (so an imported resource takes the import ID's spelling);
 * - `canonical-id`: Read parses the returned ID (case-insensitively) and rebuilds it in the canonical form `idForm`;
 * - `nsg-protocol`: Read maps the protocol to its canonical case (Tcp, Udp, Icmp, Esp, Ah, *).
 */
type ReadBack = 'as-sent' | 'config' | 'id-segment' | 'canonical-id' | 'nsg-protocol';

export interface AttributeModel {
  type: AttributeType;
  /** Required; otherwise Optional (or, with `computed` alone, Computed-only). */
  required?: true;
  optional?: true;
  computed?: true;
  forceNew?: true;
  /** The schema's Default: what the provider sends, and compares with, when the configuration leaves it unset. */
  default?: string | number | boolean;
  /** A DiffSuppressFunc: `case-difference` (suppress.CaseDifference), `location` (location.DiffSuppressFunc). */
  diffSuppress?: 'case-difference' | 'location';
  /** A StateFunc applied to the configured value: `location` (location.StateFunc, lower case without spaces). */
  stateFunc?: 'location';
  readBack?: ReadBack;
  /** For `canonical-id`: the ID's canonical form, `{}` for each name segment. */
  idForm?: string;
  /**
   * What state holds after a create when the configuration leaves the attribute unset: Azure picks one of
   * `values` (one value when Azure's answer is fixed). Required for Optional attributes without Computed or Default.
   */
  afterCreate?: { values: readonly unknown[]; source: string };
  /** The nested schema of a block. */
  block?: Record<string, AttributeModel>;
  /** Schema line of the attribute in `ResourceModel.file`, per provider major that has it. */
  line: Partial<Record<ProviderMajor, number>>;
  /** Why the model says what it says, where that isn't the schema line itself. */
  note?: string;
}

export interface ResourceModel {
  /** The provider source file, relative to the repository root. */
  file: string;
  /** How the provider builds the resource ID; `{subscription}` is the provider block's subscription. */
  id: string;
  /** The resource's CustomizeDiff, and why it adds no change to a second plan of the exported configuration. */
  customizeDiff: string;
  attributes: Record<string, AttributeModel>;
}

/** The provider release each major's model was read from. */
const PROVIDER_SOURCE: Record<ProviderMajor, { tag: string; commit: string }> = {
  5: { tag: 'v5.2.0', commit: '8d8282ef5bee6861b43a9532e948498e3355c0cb' },
  4: { tag: 'v4.81.0', commit: '5782a75422c68a0d0804ac16d97dcaf3df5ee2fa' },
};

/** `file:line @ tag (commit)` of an attribute. */
export function citation(resource: ResourceModel, attribute: AttributeModel, major: ProviderMajor): string {
  const { tag, commit } = PROVIDER_SOURCE[major];
  const line = attribute.line[major];
  if (line === undefined) throw new Error(`${resource.file}: the attribute has no schema line in ${tag}`);
  return `${resource.file}:${line} @ ${tag} (${commit.slice(0, 8)})`;
}

const both = (v5: number, v4: number): Partial<Record<ProviderMajor, number>> => ({ 5: v5, 4: v4 });

const AZURE_ID_SEGMENTS = '/subscriptions/{}/resourceGroups/{}/providers';
/** The start of a resource ID as the provider builds it from the provider's subscription and the resource group. */
const ID_PREFIX = '/subscriptions/{subscription}/resourceGroups/{resource_group_name}/providers';
const ZONES = ['1', '2', '3'] as const;
/** What the provider's docs say Azure does with an unset zone (r/postgresql_flexible_server, `zone` note). */
const AZURE_PICKS_ZONE =
  'website/docs/r/postgresql_flexible_server.html.markdown @ v5.2.0, `zone` and `standby_availability_zone` notes: ' +
  '"Azure will automatically assign an Availability Zone if one is not specified"; a failover swaps the zones. ' +
  'ARM: properties.availabilityZone, highAvailability.standbyAvailabilityZone (azure-facts.md §2.2)';
const EMPTY = (source: string) => ({ values: [[]], source });
const BLANK = (source: string) => ({ values: [''], source });
const NO_TAGS = { values: [{}], source: 'Azure returns no tags on a resource created without them' };

const POSTGRES = 'internal/services/postgres/';
const NETWORK = 'internal/services/network/';
const PRIVATE_DNS = 'internal/services/privatedns/';

const server: ResourceModel = {
  file: `${POSTGRES}postgresql_flexible_server_resource.go`,
  id: `${ID_PREFIX}/Microsoft.DBforPostgreSQL/flexibleServers/{name}`,
  customizeDiff:
    'CustomDiffWithAll (line 388 @ v5.2.0, 389 @ v4.81.0): ForceNew on a version downgrade, on a changed ' +
    'administrator_login, on a smaller storage_mb; keeps state storage_tier when it is valid for storage_mb (P4 ' +
    'for 32768 MiB, the docs table "storage_tier defaults based on storage_mb"); identity and cluster checks; ' +
    'validates a sku_name change. Each acts only on a change, so none adds one when configuration and state agree.',
  attributes: {
    name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(65, 66) },
    resource_group_name: {
      type: 'string',
      required: true,
      forceNew: true,
      readBack: 'id-segment',
      line: both(72, 73),
      note: 'commonschema.ResourceGroupName(): no DiffSuppressFunc',
    },
    location: {
      type: 'string',
      required: true,
      forceNew: true,
      stateFunc: 'location',
      diffSuppress: 'location',
      line: both(74, 75),
      note: 'commonschema.Location(); Read: location.Normalize(model.Location)',
    },
    administrator_login: { type: 'string', optional: true, computed: true, line: both(76, 77) },
    administrator_password: {
      type: 'string',
      optional: true,
      readBack: 'config',
      line: both(83, 84),
      note: 'Sensitive; Azure never returns it and Read leaves it as configured',
      afterCreate: BLANK('Read never sets administrator_password, so state keeps the configuration'),
    },
    sku_name: { type: 'string', optional: true, computed: true, line: both(135, 136) },
    auto_grow_enabled: {
      type: 'bool',
      optional: true,
      default: false,
      line: both(142, 143),
      note: 'expandArmServerStorage sends Disabled; Read sets it from storage.autoGrow',
    },
    storage_mb: { type: 'number', optional: true, computed: true, line: both(148, 149) },
    storage_tier: { type: 'string', optional: true, computed: true, line: both(155, 156) },
    version: { type: 'string', optional: true, computed: true, line: both(174, 175) },
    zone: {
      type: 'string',
      optional: true,
      line: both(190, 191),
      note: 'commonschema.ZoneSingleOptional(): Optional, not Computed; Read: d.Set("zone", props.AvailabilityZone)',
      afterCreate: { values: ZONES, source: AZURE_PICKS_ZONE },
    },
    create_mode: {
      type: 'string',
      optional: true,
      readBack: 'config',
      line: both(192, 193),
      note: 'Read never sets it',
      afterCreate: BLANK('Read never sets create_mode, so state keeps the (unset) configuration'),
    },
    delegated_subnet_id: {
      type: 'string',
      optional: true,
      forceNew: true,
      line: both(205, 206),
      note: 'no DiffSuppressFunc: Read stores network.delegatedSubnetResourceId as Azure returns it',
      afterCreate: BLANK('a public-access server has no network.delegatedSubnetResourceId'),
    },
    private_dns_zone_id: {
      type: 'string',
      optional: true,
      computed: true,
      diffSuppress: 'case-difference',
      line: both(212, 213),
    },
    maintenance_window: {
      type: 'block-list',
      optional: true,
      block: {},
      line: both(238, 239),
      afterCreate: EMPTY(
        'Azure uses the system-managed schedule (customWindow Disabled) when none is given (provider docs, ' +
          '`maintenance_window` note); flattenArmServerMaintenanceWindow returns [] for it',
      ),
    },
    backup_retention_days: { type: 'number', optional: true, computed: true, line: both(268, 269) },
    geo_redundant_backup_enabled: {
      type: 'bool',
      optional: true,
      default: false,
      forceNew: true,
      line: both(275, 276),
    },
    high_availability: {
      type: 'block-list',
      optional: true,
      line: both(282, 283),
      afterCreate: EMPTY('flattenFlexibleServerHighAvailability returns [] for mode Disabled (sent when unset)'),
      block: {
        mode: { type: 'string', required: true, line: both(288, 289) },
        standby_availability_zone: {
          type: 'string',
          optional: true,
          line: both(297, 298),
          note: 'commonschema.ZoneSingleOptional(); only sent at create (expandFlexibleServerHighAvailability)',
          afterCreate: { values: ZONES, source: AZURE_PICKS_ZONE },
        },
      },
    },
    fqdn: { type: 'string', computed: true, line: both(302, 303) },
    public_network_access_enabled: {
      type: 'bool',
      optional: true,
      default: true,
      line: both(307, 308),
      note: 'Read: network.publicNetworkAccess == Enabled',
    },
    replication_role: {
      type: 'string',
      optional: true,
      readBack: 'config',
      line: both(313, 314),
      afterCreate: BLANK('Read copies replication_role from the configuration'),
    },
    authentication: { type: 'block-list', optional: true, computed: true, block: {}, line: both(106, 107) },
    identity: {
      type: 'block-list',
      optional: true,
      block: {},
      line: both(321, 322),
      afterCreate: EMPTY('a server created without identity has type None, which the flatten turns into []'),
    },
    customer_managed_key: {
      type: 'block-list',
      optional: true,
      forceNew: true,
      block: {},
      line: both(323, 324),
      afterCreate: EMPTY('flattenFlexibleServerDataEncryption returns [] unless the type is AzureKeyVault'),
    },
    cluster: {
      type: 'block-list',
      optional: true,
      forceNew: true,
      block: {},
      line: both(362, 363),
      afterCreate: EMPTY(
        'flattenFlexibleServerCluster returns [] when Azure returns no cluster object; that a single server ' +
          'comes back without one is an assumption, not read from Azure',
      ),
    },
    tags: { type: 'map', optional: true, line: both(385, 386), afterCreate: NO_TAGS },
  },
};

const vnet: ResourceModel = {
  file: `${NETWORK}virtual_network_resource.go`,
  id: `${ID_PREFIX}/Microsoft.Network/virtualNetworks/{name}`,
  customizeDiff: 'none',
  attributes: {
    name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(71, 70) },
    resource_group_name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(78, 77) },
    location: {
      type: 'string',
      required: true,
      forceNew: true,
      stateFunc: 'location',
      diffSuppress: 'location',
      line: both(80, 79),
    },
    address_space: {
      type: 'set',
      optional: true,
      line: both(82, 81),
      note: 'its DiffSuppressFunc only applies when ip_address_pool is configured',
      afterCreate: EMPTY('address_space is always configured by the export (ExactlyOneOf with ip_address_pool)'),
    },
    bgp_community: {
      type: 'string',
      optional: true,
      line: both(104, 103),
      afterCreate: BLANK('Azure sets no BGP community unless asked; Read sets ""'),
    },
    ddos_protection_plan: {
      type: 'block-list',
      optional: true,
      block: {},
      line: both(110, 109),
      afterCreate: EMPTY('no DDoS plan unless asked; flattenVirtualNetworkDDoSProtectionPlan returns []'),
    },
    encryption: {
      type: 'block-list',
      optional: true,
      block: {},
      line: both(130, 129),
      afterCreate: EMPTY('encryption is off unless asked; flattenVirtualNetworkEncryption returns []'),
    },
    dns_servers: { type: 'list', optional: true, computed: true, line: both(148, 147) },
    edge_zone: {
      type: 'string',
      optional: true,
      forceNew: true,
      line: both(158, 157),
      afterCreate: BLANK('no extended location unless asked'),
    },
    flow_timeout_in_minutes: {
      type: 'number',
      optional: true,
      line: both(160, 159),
      afterCreate: { values: [0], source: 'Azure sets no flow timeout unless asked; Read sets the nil value (0)' },
    },
    ip_address_pool: {
      type: 'block-list',
      optional: true,
      block: {},
      line: both(166, 165),
      afterCreate: EMPTY('no IPAM pool allocation unless asked'),
    },
    subnet: { type: 'block-set', optional: true, computed: true, block: {}, line: both(204, 203) },
    private_endpoint_vnet_policies: { type: 'string', optional: true, default: 'Disabled', line: both(338, 326) },
    tags: { type: 'map', optional: true, line: both(345, 333), afterCreate: NO_TAGS },
  },
};

/** The one action Azure sets on a delegation to Microsoft.DBforPostgreSQL/flexibleServers (facts §4.1). */
const POSTGRES_DELEGATION_ACTIONS = {
  values: [['Microsoft.Network/virtualNetworks/subnets/join/action']],
  source:
    'azure-facts.md §4.1 (the provider docs example delegates to Microsoft.DBforPostgreSQL/flexibleServers with ' +
    'the action Microsoft.Network/virtualNetworks/subnets/join/action); Read stores the actions Azure returns',
};

const delegation: AttributeModel = {
  type: 'block-list',
  optional: true,
  line: both(216, 198),
  afterCreate: EMPTY('no delegation unless asked'),
  block: {
    name: { type: 'string', required: true, line: both(221, 203) },
    service_delegation: {
      type: 'block-list',
      required: true,
      line: both(225, 207),
      block: {
        name: { type: 'string', required: true, line: both(231, 213) },
        actions: { type: 'set', optional: true, line: both(237, 219), afterCreate: POSTGRES_DELEGATION_ACTIONS },
      },
    },
  },
};

const subnetAttributes: Record<string, AttributeModel> = {
  name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(145, 139) },
  resource_group_name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(151, 145) },
  virtual_network_name: {
    type: 'string',
    required: true,
    forceNew: true,
    readBack: 'id-segment',
    line: both(153, 147),
  },
  address_prefixes: {
    type: 'list',
    optional: true,
    line: both(159, 153),
    afterCreate: EMPTY('address_prefixes is always configured by the export (ExactlyOneOf with ip_address_pool)'),
  },
  service_endpoint_policy_ids: {
    type: 'set',
    optional: true,
    line: both(200, 182),
    afterCreate: EMPTY('no service endpoint policy unless asked'),
  },
  sharing_scope: {
    type: 'string',
    optional: true,
    line: both(209, 191),
    afterCreate: BLANK('no sharing scope unless asked'),
  },
  delegation,
  ip_address_pool: {
    type: 'block-list',
    optional: true,
    block: {},
    line: both(261, 243),
    afterCreate: EMPTY('no IPAM pool allocation unless asked'),
  },
  default_outbound_access_enabled: { type: 'bool', optional: true, default: true, line: both(294, 276) },
  private_endpoint_network_policies: { type: 'string', optional: true, default: 'Disabled', line: both(300, 282) },
  private_link_service_network_policies_enabled: {
    type: 'bool',
    optional: true,
    default: true,
    line: both(307, 289),
  },
};

const subnetId =
  '/subscriptions/{subscription}/resourceGroups/{resource_group_name}/providers/Microsoft.Network/virtualNetworks/' +
  '{virtual_network_name}/subnets/{name}';

const subnet5: ResourceModel = {
  file: `${NETWORK}subnet_resource.go`,
  id: subnetId,
  customizeDiff:
    'line 123 @ v5.2.0 (117 @ v4.81.0): refuses sharing_scope with default_outbound_access_enabled; adds no change',
  attributes: {
    ...subnetAttributes,
    service_endpoint: {
      type: 'block-list',
      optional: true,
      line: { 5: 181 },
      afterCreate: EMPTY('no service endpoint unless asked'),
      block: {
        service: { type: 'string', required: true, line: { 5: 186 } },
        network_identifier: {
          type: 'string',
          optional: true,
          line: { 5: 191 },
          afterCreate: BLANK('flattenSubnetServiceEndpoint sets it only when Azure returns a network identifier'),
        },
      },
    },
    network_security_group_id: { type: 'string', computed: true, line: { 5: 328 } },
    route_table_id: { type: 'string', computed: true, line: { 5: 348 } },
  },
};

const subnet4: ResourceModel = {
  ...subnet5,
  attributes: {
    ...subnetAttributes,
    service_endpoints: {
      type: 'set',
      optional: true,
      line: { 4: 175 },
      afterCreate: EMPTY('no service endpoint unless asked'),
    },
  },
};

const nsgRuleStrings = (entries: [string, number, number][]): Record<string, AttributeModel> =>
  Object.fromEntries(
    entries.map(([name, v5, v4]): [string, AttributeModel] => [
      name,
      {
        type: name.endsWith('s') || name.endsWith('_ids') ? 'set' : 'string',
        optional: true,
        line: both(v5, v4),
        afterCreate: name.endsWith('s') || name.endsWith('_ids') ? EMPTY('not set unless asked') : BLANK('not set'),
      },
    ]),
  );

const nsg: ResourceModel = {
  file: `${NETWORK}network_security_group_resource.go`,
  id: `${ID_PREFIX}/Microsoft.Network/networkSecurityGroups/{name}`,
  customizeDiff: 'none',
  attributes: {
    name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(57, 58) },
    location: {
      type: 'string',
      required: true,
      forceNew: true,
      stateFunc: 'location',
      diffSuppress: 'location',
      line: both(63, 64),
    },
    resource_group_name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(65, 66) },
    security_rule: {
      type: 'block-set',
      optional: true,
      computed: true,
      line: both(67, 68),
      note: 'ConfigModeAttr; the set hash (hashNetworkSecurityRule) covers every field',
      block: {
        name: { type: 'string', required: true, line: both(75, 76) },
        protocol: {
          type: 'string',
          required: true,
          readBack: 'nsg-protocol',
          line: both(86, 87),
          note: 'flattenNetworkSecurityRules maps the protocol to its canonical case (azurerm#16092)',
        },
        ...nsgRuleStrings([
          ['description', 80, 81],
          ['source_port_range', 99, 100],
          ['source_port_ranges', 104, 105],
          ['destination_port_range', 111, 112],
          ['destination_port_ranges', 116, 117],
          ['source_address_prefix', 123, 124],
          ['source_address_prefixes', 128, 129],
          ['destination_address_prefix', 135, 136],
          ['destination_address_prefixes', 140, 141],
          ['destination_application_security_group_ids', 147, 148],
          ['source_application_security_group_ids', 157, 158],
        ]),
        access: { type: 'string', required: true, line: both(167, 168) },
        priority: { type: 'number', required: true, line: both(176, 177) },
        direction: { type: 'string', required: true, line: both(182, 183) },
      },
    },
    tags: { type: 'map', optional: true, line: both(194, 195), afterCreate: NO_TAGS },
  },
};

const nsgAssociation: ResourceModel = {
  file: `${NETWORK}subnet_network_security_group_association_resource.go`,
  id: '{subnet_id}',
  customizeDiff: 'none',
  attributes: {
    subnet_id: { type: 'string', required: true, forceNew: true, line: both(43, 42) },
    network_security_group_id: { type: 'string', required: true, forceNew: true, line: both(50, 49) },
  },
};

const routeTable: ResourceModel = {
  file: `${NETWORK}route_table_resource.go`,
  id: `${ID_PREFIX}/Microsoft.Network/routeTables/{name}`,
  customizeDiff: 'none',
  attributes: {
    name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(52, 51) },
    location: {
      type: 'string',
      required: true,
      forceNew: true,
      stateFunc: 'location',
      diffSuppress: 'location',
      line: both(59, 58),
    },
    resource_group_name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(61, 60) },
    route: {
      type: 'block-set',
      optional: true,
      computed: true,
      line: both(63, 62),
      note: 'ConfigModeAttr (`route = []` sets no route); flattenRouteTableRoutes reads back every field',
      block: {
        name: { type: 'string', required: true, line: both(70, 69) },
        address_prefix: { type: 'string', required: true, line: both(76, 75) },
        next_hop_type: { type: 'string', required: true, line: both(82, 81) },
        next_hop_in_ip_address: {
          type: 'string',
          optional: true,
          line: both(94, 93),
          afterCreate: BLANK('flattenRouteTableRoutes sets it only when Azure returns an address'),
        },
      },
    },
    bgp_route_propagation_enabled: { type: 'bool', optional: true, default: true, line: both(103, 102) },
    tags: { type: 'map', optional: true, line: both(116, 115), afterCreate: NO_TAGS },
  },
};

const routeTableAssociation: ResourceModel = {
  file: `${NETWORK}subnet_route_table_association_resource.go`,
  id: '{subnet_id}',
  customizeDiff: 'none',
  attributes: {
    subnet_id: { type: 'string', required: true, forceNew: true, line: both(43, 42) },
    route_table_id: { type: 'string', required: true, forceNew: true, line: both(50, 49) },
  },
};

const dnsZone: ResourceModel = {
  file: `${PRIVATE_DNS}private_dns_zone_resource.go`,
  id: `${ID_PREFIX}/Microsoft.Network/privateDnsZones/{name}`,
  customizeDiff: 'none',
  attributes: {
    name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(54, 54) },
    resource_group_name: {
      type: 'string',
      required: true,
      forceNew: true,
      diffSuppress: 'case-difference',
      readBack: 'id-segment',
      line: both(61, 61),
      note: 'azure.SchemaResourceGroupNameDiffSuppress() (helpers/azure/deprecated_soon.go)',
    },
    soa_record: { type: 'block-list', optional: true, computed: true, forceNew: true, block: {}, line: both(83, 83) },
    tags: { type: 'map', optional: true, line: both(132, 132), afterCreate: NO_TAGS },
  },
};

const ZONE_ID_FORM = `${AZURE_ID_SEGMENTS}/Microsoft.Network/privateDnsZones/{}`;
const VNET_ID_FORM = `${AZURE_ID_SEGMENTS}/Microsoft.Network/virtualNetworks/{}`;
const SERVER_ID_FORM = `${AZURE_ID_SEGMENTS}/Microsoft.DBforPostgreSQL/flexibleServers/{}`;

const linkCommon: Record<string, AttributeModel> = {
  virtual_network_id: {
    type: 'string',
    required: true,
    forceNew: true,
    line: both(62, 70),
    note: 'no DiffSuppressFunc: Read stores virtualNetwork.id as Azure returns it',
  },
  registration_enabled: { type: 'bool', optional: true, default: false, line: both(69, 77) },
  resolution_policy: {
    type: 'string',
    optional: true,
    computed: true,
    line: both(75, 83),
    note: 'Computed: Azure sets Default unless asked',
  },
  tags: { type: 'map', optional: true, line: both(82, 90), afterCreate: NO_TAGS },
};

const link5: ResourceModel = {
  file: `${PRIVATE_DNS}private_dns_zone_virtual_network_link_resource.go`,
  id: '{private_dns_zone_id}/virtualNetworkLinks/{name}',
  customizeDiff: 'none',
  attributes: {
    name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: { 5: 49 } },
    private_dns_zone_id: {
      type: 'string',
      required: true,
      forceNew: true,
      readBack: 'canonical-id',
      idForm: ZONE_ID_FORM,
      line: { 5: 55 },
      note: 'Read rebuilds it from the link ID: privatezones.NewPrivateDnsZoneID(…).ID()',
    },
    ...linkCommon,
  },
};

const link4: ResourceModel = {
  file: link5.file,
  id:
    '/subscriptions/{subscription}/resourceGroups/{resource_group_name}/providers/Microsoft.Network/privateDnsZones/' +
    '{private_dns_zone_name}/virtualNetworkLinks/{name}',
  customizeDiff: 'none',
  attributes: {
    name: {
      type: 'string',
      required: true,
      forceNew: true,
      diffSuppress: 'case-difference',
      readBack: 'id-segment',
      line: { 4: 51 },
    },
    private_dns_zone_name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: { 4: 60 } },
    resource_group_name: {
      type: 'string',
      required: true,
      forceNew: true,
      diffSuppress: 'case-difference',
      readBack: 'id-segment',
      line: { 4: 68 },
    },
    ...linkCommon,
  },
};

const peering: ResourceModel = {
  file: `${NETWORK}virtual_network_peering_resource.go`,
  id:
    '/subscriptions/{subscription}/resourceGroups/{resource_group_name}/providers/Microsoft.Network/virtualNetworks/' +
    '{virtual_network_name}/virtualNetworkPeerings/{name}',
  customizeDiff: 'none',
  attributes: {
    name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(49, 50) },
    resource_group_name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(55, 56) },
    virtual_network_name: {
      type: 'string',
      required: true,
      forceNew: true,
      readBack: 'id-segment',
      line: both(57, 58),
    },
    remote_virtual_network_id: {
      type: 'string',
      required: true,
      forceNew: true,
      readBack: 'canonical-id',
      idForm: VNET_ID_FORM,
      line: both(63, 64),
      note: 'Read: commonids.ParseVirtualNetworkIDInsensitively(remoteVirtualNetwork.id).ID()',
    },
    allow_virtual_network_access: { type: 'bool', optional: true, default: true, line: both(70, 71) },
    allow_forwarded_traffic: { type: 'bool', optional: true, default: false, line: both(76, 77) },
    allow_gateway_transit: { type: 'bool', optional: true, default: false, line: both(82, 83) },
    local_subnet_names: {
      type: 'list',
      optional: true,
      line: both(88, 89),
      afterCreate: EMPTY('a whole-VNet peering (peer_complete_virtual_networks_enabled) names no subnets'),
    },
    only_ipv6_peering_enabled: {
      type: 'bool',
      optional: true,
      forceNew: true,
      line: both(97, 98),
      afterCreate: { values: [false], source: 'Read: pointer.From(enableOnlyIPv6Peering), false when not returned' },
    },
    peer_complete_virtual_networks_enabled: {
      type: 'bool',
      optional: true,
      default: true,
      forceNew: true,
      line: both(103, 104),
    },
    remote_subnet_names: {
      type: 'list',
      optional: true,
      line: both(110, 111),
      afterCreate: EMPTY('a whole-VNet peering names no subnets'),
    },
    use_remote_gateways: { type: 'bool', optional: true, default: false, line: both(119, 120) },
    triggers: {
      type: 'map',
      optional: true,
      readBack: 'config',
      line: both(125, 126),
      afterCreate: { values: [{}], source: 'Read never sets triggers' },
    },
  },
};

const childOfServer = (file: string, children: string, lines: [number, number][]): ResourceModel => ({
  file: `${POSTGRES}${file}`,
  id: `{server_id}/${children}/{name}`,
  customizeDiff: 'none',
  attributes: {
    name: { type: 'string', required: true, forceNew: true, readBack: 'id-segment', line: both(...lines[0]!) },
    server_id: {
      type: 'string',
      required: true,
      forceNew: true,
      readBack: 'canonical-id',
      idForm: SERVER_ID_FORM,
      line: both(...lines[1]!),
      note: 'Read rebuilds it from the resource ID with the provider subscription',
    },
  },
});

const configuration = childOfServer('postgresql_flexible_server_configuration_resource.go', 'configurations', [
  [43, 43],
  [50, 50],
]);
configuration.attributes.value = {
  type: 'string',
  required: true,
  line: both(57, 57),
  note: 'Read: properties.value',
};

const firewallRule = childOfServer('postgresql_flexible_server_firewall_rule_resource.go', 'firewallRules', [
  [47, 47],
  [54, 54],
]);
firewallRule.attributes.end_ip_address = { type: 'string', required: true, line: both(61, 61) };
firewallRule.attributes.start_ip_address = { type: 'string', required: true, line: both(67, 67) };

const common: Record<string, ResourceModel> = {
  azurerm_postgresql_flexible_server: server,
  azurerm_postgresql_flexible_server_configuration: configuration,
  azurerm_postgresql_flexible_server_firewall_rule: firewallRule,
  azurerm_virtual_network: vnet,
  azurerm_network_security_group: nsg,
  azurerm_subnet_network_security_group_association: nsgAssociation,
  azurerm_route_table: routeTable,
  azurerm_subnet_route_table_association: routeTableAssociation,
  azurerm_private_dns_zone: dnsZone,
  azurerm_virtual_network_peering: peering,
};

/** The model per provider major: every resource type the Terraform export writes. */
export const PROVIDER_MODEL: Record<ProviderMajor, Record<string, ResourceModel>> = {
  5: { ...common, azurerm_subnet: subnet5, azurerm_private_dns_zone_virtual_network_link: link5 },
  4: { ...common, azurerm_subnet: subnet4, azurerm_private_dns_zone_virtual_network_link: link4 },
};
