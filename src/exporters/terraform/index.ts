/**
 * Terraform export for the azurerm provider (5.x by default, 4.x on request): versions.tf,
 * variables.tf, main.tf, outputs.tf and terraform.tfvars.example. The argument names differ
 * between the majors for the DNS zone link and the subnet's service endpoint (facts §4.2).
 */
import {
  PRIVATE_LINK_GROUP_ID,
  PE_ZONE_GROUP,
  POSTGRES_DELEGATION_ACTION,
  POSTGRES_DELEGATION_SERVICE,
  STORAGE_SERVICE_ENDPOINT,
} from '../../domain/azure';
import { peIpConfigName } from '../../domain/resource-names';
import type { NsgRule, Plan } from '../../domain/plan';
import { identifier, NameAllocator } from '../escape';
import { commentBlock, errorLines } from '../header';
import {
  buildModel,
  locationDescription,
  type ExportModel,
  type Loc,
  type ModelPrivate,
  type SubRef,
  type VnetRef,
} from '../model';
import { DELEGATION_NAME } from '../template';
import type { ExportFile, ExportOptions, ProviderMajor } from '../types';
import { AZURERM_VERSION, DEFAULT_PROVIDER_MAJOR, SERVER_DEFAULTS, TERRAFORM_REQUIRED_VERSION } from '../versions';
import { attr, block, bool, list, renderFile, str, strList, template, type HclItem } from './hcl';

const snake = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

interface Ctx {
  model: ExportModel;
  major: ProviderMajor;
  labels: NameAllocator;
  usesDeploymentRg: boolean;
}

/** `var.x` for a subscription. */
const subVar = (sub: SubRef) => `var.${snake(sub.param)}`;
/** Provider alias for resources in another subscription. */
const providerFor = (sub: SubRef): HclItem[] =>
  sub.primary ? [] : [attr('provider', `azurerm.${snake(sub.param).replace(/_subscription_id$/, '')}`)];
const rgValue = (loc: Loc) => (loc.rg === '' ? 'var.resource_group_name' : str(loc.rg));
const rgPart = (loc: Loc): string | { expr: string } => (loc.rg === '' ? { expr: 'var.resource_group_name' } : loc.rg);

function armId(loc: Loc, provider: string, ...segments: string[]): string {
  const parts: (string | { expr: string })[] = [
    '/subscriptions/',
    { expr: subVar(loc.sub) },
    '/resourceGroups/',
    rgPart(loc),
    `/providers/${provider}`,
  ];
  for (const s of segments) parts.push('/', s);
  return template(parts);
}

function securityRule(rule: NsgRule): HclItem {
  const items: HclItem[] = [
    attr('name', str(rule.name)),
    attr('priority', String(rule.priority)),
    attr('direction', str(rule.direction)),
    attr('access', str(rule.access)),
    attr('protocol', str(rule.protocol)),
  ];
  const pair = (single: string, plural: string, values: readonly string[]) => {
    const v = values.length === 0 ? ['*'] : values;
    items.push(v.length === 1 ? attr(single, str(v[0] as string)) : attr(plural, strList(v)));
  };
  pair('source_port_range', 'source_port_ranges', rule.sourcePorts);
  pair('destination_port_range', 'destination_port_ranges', rule.destinationPorts);
  pair('source_address_prefix', 'source_address_prefixes', rule.sourceAddresses);
  pair('destination_address_prefix', 'destination_address_prefixes', rule.destinationAddresses);
  if (rule.description !== '') items.push(attr('description', str(rule.description)));
  return block('security_rule', [], items);
}

/** The (existing) VNets as locals of their IDs; what refers to one refers to its local. */
function vnetLocals(ctx: Ctx, vnets: readonly VnetRef[], locals: HclItem[]): (v: VnetRef) => string {
  const ids = new Map<VnetRef, string>();
  for (const p of vnets) {
    const local = ctx.labels.take(`${identifier(p.name, 'vnet')}_id`);
    locals.push(attr(local, armId(p.loc, 'Microsoft.Network/virtualNetworks', p.name)));
    ids.set(p, `local.${local}`);
  }
  return (v) => ids.get(v) as string;
}

interface PrivateRefs {
  subnetId: string;
  zoneId: string;
  serverDependsOn: string[];
}

function privateResources(ctx: Ctx, a: ModelPrivate, out: HclItem[], locals: HclItem[]): PrivateRefs {
  const { labels, major } = ctx;
  const vnetIds = new Map<string, string>();
  const vnetRef = (v: VnetRef): string => vnetIds.get(v.key) as string;
  const vnet = a.vnet;
  let vnetName: string;
  if (vnet.existing) {
    locals.push(attr('server_vnet_id', armId(vnet.loc, 'Microsoft.Network/virtualNetworks', vnet.name)));
    vnetIds.set('serverVnet', 'local.server_vnet_id');
    vnetName = str(vnet.name);
  } else {
    const body: HclItem[] = [
      attr('name', str(vnet.name)),
      attr('resource_group_name', rgValue(vnet.loc)),
      attr('location', 'var.location'),
      attr('address_space', strList(vnet.addressSpaces)),
    ];
    if (vnet.dnsServers !== null) body.push(attr('dns_servers', strList(vnet.dnsServers)));
    out.push(block('resource', ['azurerm_virtual_network', labels.take('server')], body));
    vnetIds.set('serverVnet', 'azurerm_virtual_network.server.id');
    vnetName = 'azurerm_virtual_network.server.name';
  }
  const peeredRef = vnetLocals(ctx, a.peeredVnets, locals);
  for (const p of a.peeredVnets) vnetIds.set(p.key, peeredRef(p));

  // An NSG deployed already is referenced by its ID: Terraform neither manages it nor changes its rules.
  const nsgId =
    a.nsg === null
      ? null
      : a.nsg.existing
        ? armId(a.nsg.loc, 'Microsoft.Network/networkSecurityGroups', a.nsg.name)
        : 'azurerm_network_security_group.postgres.id';
  if (a.nsg && !a.nsg.existing) {
    out.push(
      block(
        'resource',
        ['azurerm_network_security_group', 'postgres'],
        [
          attr('name', str(a.nsg.name)),
          attr('resource_group_name', rgValue(a.nsg.loc)),
          attr('location', 'var.location'),
          ...a.nsg.rules.map(securityRule),
        ],
      ),
    );
  }
  // Route tables with their routes inline (azurerm_route_table `route` blocks; never mixed with azurerm_route on one
  // table, azurerm-networking-args.json): the table holds exactly the plan's routes, `route = []` when it has none.
  const tableIds = a.routeTables.map((t) => {
    // A table deployed already is referenced by its ID: Terraform neither manages it nor changes its routes.
    if (t.existing) return armId(t.vnet.loc, 'Microsoft.Network/routeTables', t.name);
    const label = labels.take(identifier(t.name, 'route_table'));
    const routes = t.routes.map((r) =>
      block(
        'route',
        [],
        [
          attr('name', str(r.name)),
          attr('address_prefix', str(r.prefix)),
          attr('next_hop_type', str(r.nextHop)),
          ...(r.nextHopIp === '' ? [] : [attr('next_hop_in_ip_address', str(r.nextHopIp))]),
        ],
      ),
    );
    out.push(
      block(
        'resource',
        ['azurerm_route_table', label],
        [
          ...providerFor(t.vnet.loc.sub),
          attr('name', str(t.name)),
          attr('resource_group_name', rgValue(t.vnet.loc)),
          // The server VNet's table goes where the VNet does; another VNet's to that VNet's region.
          attr('location', t.onServerVnet ? 'var.location' : str(t.region)),
          ...(routes.length === 0 ? [attr('route', '[]')] : routes),
        ],
      ),
    );
    return `azurerm_route_table.${label}.id`;
  });
  const delegatedTable = a.routeAssociations.find((r) => r.kind === 'delegated')?.table ?? null;
  const subnetBody: HclItem[] = [
    attr('name', str(a.subnet.name)),
    attr('resource_group_name', rgValue(vnet.loc)),
    attr('virtual_network_name', vnetName),
    attr('address_prefixes', strList([a.subnet.prefix])),
  ];
  if (major === 4) subnetBody.push(attr('service_endpoints', strList([STORAGE_SERVICE_ENDPOINT])));
  subnetBody.push(
    block(
      'delegation',
      [],
      [
        attr('name', str(DELEGATION_NAME)),
        block(
          'service_delegation',
          [],
          [attr('name', str(POSTGRES_DELEGATION_SERVICE)), attr('actions', strList([POSTGRES_DELEGATION_ACTION]))],
        ),
      ],
    ),
  );
  if (major === 5) subnetBody.push(block('service_endpoint', [], [attr('service', str(STORAGE_SERVICE_ENDPOINT))]));
  if (a.subnet.existing) {
    const subnetId = armId(vnet.loc, 'Microsoft.Network/virtualNetworks', vnet.name, 'subnets', a.subnet.name);
    // The existing subnet is adopted (an import, Terraform >= 1.5), so that its delegation and service endpoint can
    // be set: without it `apply` fails with "already exists". Its route table and NAT gateway associations are
    // resources of their own in azurerm 4.x and 5.x (azurerm_subnet_route_table_association, …): the subnet
    // resource doesn't write them, so they stay as they are and need no ignore_changes.
    out.push(block('import', [], [attr('to', 'azurerm_subnet.postgres'), attr('id', subnetId)]));
    if (a.nsg || delegatedTable !== null) {
      // What the live subnet has now, read at plan time: the imports below adopt what exists already.
      out.push(
        block(
          'data',
          ['azurerm_subnet', 'postgres_live'],
          [
            attr('name', str(a.subnet.name)),
            attr('resource_group_name', rgValue(vnet.loc)),
            attr('virtual_network_name', str(vnet.name)),
          ],
        ),
      );
    }
    if (delegatedTable !== null) out.push(adoptRouteTableAssociation('postgres', 'postgres_live', subnetId));
    if (a.nsg) {
      const liveNsg = 'data.azurerm_subnet.postgres_live.network_security_group_id';
      // An NSG association exists as soon as the subnet has an NSG (azurerm reads the association's ID as the
      // subnet's): imported, or creating it fails with "already exists". `for_each` on an import needs
      // Terraform >= 1.7; compact() drops the empty or null ID of a subnet without an NSG.
      out.push(
        block(
          'import',
          [],
          [
            attr('for_each', `length(compact([${liveNsg}])) > 0 ? toset([${subnetId}]) : toset([])`),
            attr('to', 'azurerm_subnet_network_security_group_association.postgres'),
            attr('id', 'each.value'),
          ],
        ),
      );
      // The planned NSG may be the one the subnet has already: adopted too, then its rules are the plan's.
      if (!a.nsg.existing) {
        const plannedId = armId(a.nsg.loc, 'Microsoft.Network/networkSecurityGroups', a.nsg.name);
        out.push(
          block(
            'import',
            [],
            [
              attr(
                'for_each',
                `lower(coalesce(${liveNsg}, "-")) == lower(${plannedId}) ? toset([${plannedId}]) : toset([])`,
              ),
              attr('to', 'azurerm_network_security_group.postgres'),
              attr('id', 'each.value'),
            ],
          ),
        );
      }
    }
  }
  labels.take('postgres');
  out.push(block('resource', ['azurerm_subnet', 'postgres'], subnetBody));
  if (nsgId !== null) {
    out.push(
      block(
        'resource',
        ['azurerm_subnet_network_security_group_association', 'postgres'],
        [attr('subnet_id', 'azurerm_subnet.postgres.id'), attr('network_security_group_id', nsgId)],
      ),
    );
  }
  // A subnet's route table is an association resource of its own (azurerm_subnet writes none: in 5.x only a
  // write-only `route_table_id_wo`; facts §4.2).
  const routeTableAssociation = (label: string, sub: SubRef, subnetId: string, table: number): HclItem =>
    block(
      'resource',
      ['azurerm_subnet_route_table_association', label],
      [...providerFor(sub), attr('subnet_id', subnetId), attr('route_table_id', tableIds[table] as string)],
    );
  const routeDependsOn: string[] = [];
  if (delegatedTable !== null) {
    out.push(routeTableAssociation('postgres', vnet.loc.sub, 'azurerm_subnet.postgres.id', delegatedTable));
    routeDependsOn.push('azurerm_subnet_route_table_association.postgres');
  }
  const createdTables = new Map<string, number>();
  for (const r of a.routeAssociations) if (r.kind === 'created') createdTables.set(r.subnet, r.table);
  for (const s of a.otherSubnets) {
    const label = labels.take(identifier(s.name, 'subnet'));
    out.push(
      block(
        'resource',
        ['azurerm_subnet', label],
        [
          attr('name', str(s.name)),
          attr('resource_group_name', rgValue(vnet.loc)),
          attr('virtual_network_name', vnetName),
          attr('address_prefixes', strList([s.prefix])),
        ],
      ),
    );
    const table = createdTables.get(s.name);
    if (table !== undefined) out.push(routeTableAssociation(label, vnet.loc.sub, `azurerm_subnet.${label}.id`, table));
  }
  // A subnet the configuration doesn't create (of an existing server VNet, or of another VNet) gets its table through
  // the association alone; the association is adopted when the subnet has one already (creating it would fail with
  // "already exists": azurerm reads the association's ID as the subnet's), as the delegated subnet's NSG one is.
  for (const r of a.routeAssociations) {
    if (r.kind !== 'existing') continue;
    const label = labels.take(identifier(`${r.vnet.name}_${r.subnet}`, 'subnet'));
    const subnetId = armId(r.vnet.loc, 'Microsoft.Network/virtualNetworks', r.vnet.name, 'subnets', r.subnet);
    out.push(
      block(
        'data',
        ['azurerm_subnet', `${label}_live`],
        [
          ...providerFor(r.vnet.loc.sub),
          attr('name', str(r.subnet)),
          attr('resource_group_name', rgValue(r.vnet.loc)),
          attr('virtual_network_name', str(r.vnet.name)),
        ],
      ),
    );
    out.push(adoptRouteTableAssociation(label, `${label}_live`, subnetId));
    out.push(routeTableAssociation(label, r.vnet.loc.sub, subnetId, r.table));
  }

  const { zoneId, linkRefs, peeringLabels } = zoneAndPeerings(ctx, a, vnetRef, out, locals, vnetName);
  const serverDependsOn = [...linkRefs];
  // The server resolves names through custom DNS servers in a peered VNet from its first boot.
  for (const i of a.dnsPeerings) serverDependsOn.push(`azurerm_virtual_network_peering.${peeringLabels[i] as string}`);
  if (a.nsg) serverDependsOn.push('azurerm_subnet_network_security_group_association.postgres');
  serverDependsOn.push(...routeDependsOn);
  return { subnetId: 'azurerm_subnet.postgres.id', zoneId, serverDependsOn };
}

/**
 * The private DNS zone (unless it exists) and its VNet links, and the peerings between the plan's VNets (private
 * access: `vnetName` is the server VNet's name expression); a gateway-using peering after the reverse one.
 */
function zoneAndPeerings(
  ctx: Ctx,
  a: Pick<ModelPrivate, 'links' | 'peerings'> & { zone: ModelPrivate['zone'] | null },
  vnetRef: (v: VnetRef) => string,
  out: HclItem[],
  locals: HclItem[],
  vnetName = '',
): { zoneId: string; linkRefs: string[]; peeringLabels: string[] } {
  const { labels, major } = ctx;
  const zone = a.zone ?? { name: '', existing: true, loc: { sub: ctx.model.primary, rg: '' } };
  let zoneId: string;
  let zoneName = str(zone.name);
  if (zone.existing) {
    if (a.zone)
      locals.push(attr('private_dns_zone_id', armId(zone.loc, 'Microsoft.Network/privateDnsZones', zone.name)));
    zoneId = 'local.private_dns_zone_id';
  } else {
    out.push(
      block(
        'resource',
        ['azurerm_private_dns_zone', 'postgres'],
        [...providerFor(zone.loc.sub), attr('name', zoneName), attr('resource_group_name', rgValue(zone.loc))],
      ),
    );
    zoneId = 'azurerm_private_dns_zone.postgres.id';
    zoneName = 'azurerm_private_dns_zone.postgres.name';
  }
  const linkRefs: string[] = [];
  // Without a zone `links` is empty.
  for (const l of a.links) {
    const label = labels.take(`${identifier(l.vnet.name, 'vnet')}_link`);
    const body: HclItem[] = [...providerFor(zone.loc.sub), attr('name', str(l.name))];
    if (major === 5) body.push(attr('private_dns_zone_id', zoneId));
    else body.push(attr('private_dns_zone_name', zoneName), attr('resource_group_name', rgValue(zone.loc)));
    body.push(attr('virtual_network_id', vnetRef(l.vnet)), attr('registration_enabled', 'false'));
    // Destroy order: the link outlives the subnet's server (tf#23150).
    if (l.vnet.key === 'serverVnet') body.push(attr('depends_on', list(['azurerm_subnet.postgres'])));
    out.push(block('resource', ['azurerm_private_dns_zone_virtual_network_link', label], body));
    linkRefs.push(`azurerm_private_dns_zone_virtual_network_link.${label}`);
  }
  const peeringLabels = a.peerings.map((p) => labels.take(identifier(p.name, 'peering')));
  a.peerings.forEach((p, i) => {
    // The reverse peering a gateway-using one needs first (`after`): without this the two would race.
    const dependsOn =
      p.after !== null ? [attr('depends_on', list([`azurerm_virtual_network_peering.${peeringLabels[p.after]}`]))] : [];
    out.push(
      block(
        'resource',
        ['azurerm_virtual_network_peering', peeringLabels[i] as string],
        [
          ...providerFor(p.local.loc.sub),
          attr('name', str(p.name)),
          attr('resource_group_name', rgValue(p.local.loc)),
          attr('virtual_network_name', p.onServerVnet ? vnetName : str(p.local.name)),
          attr('remote_virtual_network_id', vnetRef(p.remote)),
          attr('allow_virtual_network_access', 'true'),
          attr('allow_forwarded_traffic', bool(p.allowForwardedTraffic)),
          attr('allow_gateway_transit', bool(p.allowGatewayTransit)),
          attr('use_remote_gateways', bool(p.useRemoteGateways)),
          ...dependsOn,
        ],
      ),
    );
  });
  return { zoneId, linkRefs, peeringLabels };
}

/**
 * Adopts the route table association of an existing subnet when the live subnet (the data source `live`) has a
 * route table: `for_each` on an import needs Terraform >= 1.7; compact() drops the empty or null ID of a subnet
 * without one. The association's import ID is the subnet's (azurerm docs, r/subnet_route_table_association, Import).
 */
function adoptRouteTableAssociation(label: string, live: string, subnetId: string): HclItem {
  const liveTable = `data.azurerm_subnet.${live}.route_table_id`;
  return block(
    'import',
    [],
    [
      attr('for_each', `length(compact([${liveTable}])) > 0 ? toset([${subnetId}]) : toset([])`),
      attr('to', `azurerm_subnet_route_table_association.${label}`),
      attr('id', 'each.value'),
    ],
  );
}

const serverVar = (index: number) => (index === 0 ? 'server_name' : `server_name_${index + 1}`);

function variable(name: string, description: string, type: string, defaultValue?: string, sensitive = false): HclItem {
  const body: HclItem[] = [attr('type', type), attr('description', str(description))];
  if (defaultValue !== undefined) body.push(attr('default', defaultValue));
  if (sensitive) body.push(attr('sensitive', 'true'));
  return block('variable', [name], body);
}

const ADOPTED_NSG = ', and so are its NSG association and the planned NSG when they exist';
const ADOPTED_ASSOCIATION = ', and so is its NSG association when it has one';

/** What the Terraform export adds to the model's notes. */
function terraformNotes(model: ExportModel): string[] {
  if (model.access.mode !== 'private' || !model.access.subnet.existing) return [];
  const name = model.access.subnet.name;
  const routed = model.access.routeAssociations.some((r) => r.kind === 'delegated');
  return [
    `The existing subnet ${name} is imported` +
      `${model.access.nsg === null ? '' : model.access.nsg.existing ? ADOPTED_ASSOCIATION : ADOPTED_NSG}` +
      `${routed ? ', and its route table association when it has one' : ''}: the first plan shows as ` +
      'changes whatever the live subnet has that this ' +
      'configuration does not write (other service endpoints, a private endpoint network policy, default outbound ' +
      'access); add those to azurerm_subnet.postgres before applying, or apply removes them.',
  ];
}

function header(plan: Plan, model: ExportModel, options: ExportOptions, what: string): string {
  const errors = errorLines(options.errors);
  const lines = [
    ...errors,
    ...(errors.length > 0 ? [''] : []),
    `${what} - plan "${plan.name}".`,
    ...[...model.notes, ...terraformNotes(model)].map((n) => `Note: ${n}`),
  ];
  return `${commentBlock('#', lines)}\n`;
}

/** The resource providers the exported resources belong to: the servers, and networking with private DNS. */
const RESOURCE_PROVIDERS = ['Microsoft.DBforPostgreSQL', 'Microsoft.Network'] as const;

export function terraformFiles(plan: Plan, options: ExportOptions = {}): ExportFile[] {
  const model = buildModel(plan);
  const major = options.providerMajor ?? DEFAULT_PROVIDER_MAJOR;
  // azurerm 5.x registers no resource provider unless told (resource_provider_registrations defaults to none;
  // 4.x registered its legacy set, which holds both): a fresh subscription would fail with
  // MissingSubscriptionRegistration. Every subscription the export uses registers what it needs, the zone's too
  // (facts §1.3: its subscription needs Microsoft.DBforPostgreSQL). Source: azurerm-networking-args.json, provider.
  const registrations =
    major >= 5 ? [attr('resource_providers_to_register', list(RESOURCE_PROVIDERS.map((p) => str(p))))] : [];
  const a = model.access;
  const usesDeploymentRg =
    model.primaryRg === '' ||
    [
      ...(a.mode === 'private' ? [a.vnet.loc] : a.endpoints.map((e) => e.loc)),
      ...(a.zone ? [a.zone.loc] : []),
      ...a.peeredVnets.map((p) => p.loc),
    ].some((l) => l.rg === '');
  const ctx: Ctx = { model, major, labels: new NameAllocator(), usesDeploymentRg };
  const resources: HclItem[] = [];
  const locals: HclItem[] = [];
  const refs = model.access.mode === 'private' ? privateResources(ctx, model.access, resources, locals) : null;
  const pub = model.access.mode === 'public' ? model.access : null;
  const zoneId = pub && zoneAndPeerings(ctx, pub, vnetLocals(ctx, pub.peeredVnets, locals), resources, locals).zoneId;
  /** The last operation on each server: its private endpoints wait for it. */
  const serverLast: string[] = [];

  const serverLabels: string[] = [];
  const outputs: HclItem[] = [];
  model.servers.forEach((s) => {
    const label = ctx.labels.take(identifier(s.name, 'server'));
    serverLabels.push(label);
    const body: HclItem[] = [
      attr('name', `var.${serverVar(s.index)}`),
      attr('resource_group_name', rgValue(s.loc)),
      // A public-access plan may place servers in several regions; each is created in its own.
      attr('location', s.location === model.location ? 'var.location' : str(s.location)),
      attr('version', str(s.version)),
      attr('sku_name', 'var.sku_name'),
      attr('storage_mb', 'var.storage_mb'),
      attr('administrator_login', 'var.administrator_login'),
      attr('administrator_password', 'var.administrator_password'),
    ];
    if (refs) {
      body.push(
        attr('delegated_subnet_id', refs.subnetId),
        attr('private_dns_zone_id', refs.zoneId),
        attr('public_network_access_enabled', 'false'),
      );
    } else body.push(attr('public_network_access_enabled', bool(pub?.publicNetworkAccess !== false)));
    if (s.zone !== '') body.push(attr('zone', str(s.zone)));
    const ha = s.highAvailability !== 'Disabled';
    if (ha) {
      const standby = s.standbyZone !== '' ? [attr('standby_availability_zone', str(s.standbyZone))] : [];
      body.push(block('high_availability', [], [attr('mode', str(s.highAvailability)), ...standby]));
    }
    // Azure picks a zone when the plan names none, and a failover swaps the server's and the standby's zones; the
    // provider doesn't compute `zone`, so without this every later plan would undo that ("zone can only be changed
    // when exchanged with the zone specified in high_availability.0.standby_availability_zone"). azurerm docs,
    // r/postgresql_flexible_server `zone`; hashicorp/terraform-provider-azurerm#25538, #16888.
    body.push(
      block(
        'lifecycle',
        [],
        [attr('ignore_changes', list(ha ? ['zone', 'high_availability[0].standby_availability_zone'] : ['zone']))],
      ),
    );
    const dependsOn = [...(refs?.serverDependsOn ?? [])];
    if (s.index > 0) dependsOn.push(`azurerm_postgresql_flexible_server.${serverLabels[s.index - 1] as string}`);
    if (dependsOn.length > 0) body.push(attr('depends_on', list(dependsOn)));
    resources.push(block('resource', ['azurerm_postgresql_flexible_server', label], body));
    let previous = `azurerm_postgresql_flexible_server.${label}`;
    for (const c of model.configurations) {
      const cl = ctx.labels.take(`${label}_${c.name}`);
      const cbody = [
        attr('name', str(c.name)),
        attr('server_id', `azurerm_postgresql_flexible_server.${label}.id`),
        attr('value', str(c.value)),
      ];
      // One operation at a time per server.
      if (previous !== `azurerm_postgresql_flexible_server.${label}`) cbody.push(attr('depends_on', list([previous])));
      resources.push(block('resource', ['azurerm_postgresql_flexible_server_configuration', cl], cbody));
      previous = `azurerm_postgresql_flexible_server_configuration.${cl}`;
    }
    if (model.access.mode === 'public') {
      for (const r of model.access.firewallRules) {
        const rl = ctx.labels.take(
          model.servers.length > 1 ? `${label}_${identifier(r.name, 'rule')}` : identifier(r.name, 'rule'),
        );
        resources.push(
          block(
            'resource',
            ['azurerm_postgresql_flexible_server_firewall_rule', rl],
            [
              attr('name', str(r.name)),
              attr('server_id', `azurerm_postgresql_flexible_server.${label}.id`),
              attr('start_ip_address', str(r.startIp)),
              attr('end_ip_address', str(r.endIp)),
              attr('depends_on', list([previous])),
            ],
          ),
        );
        previous = `azurerm_postgresql_flexible_server_firewall_rule.${rl}`;
      }
    }
    serverLast.push(previous);
    const prefix = s.index === 0 ? 'server' : `server_${s.index + 1}`;
    outputs.push(
      block(
        'output',
        [`${prefix}_fqdn`],
        [
          attr('description', str(`FQDN of ${s.name}; connect with it, never with an IP.`)),
          attr('value', `azurerm_postgresql_flexible_server.${label}.fqdn`),
        ],
      ),
      block(
        'output',
        [`${prefix}_id`],
        [
          attr('description', str(`Resource ID of ${s.name}.`)),
          attr('value', `azurerm_postgresql_flexible_server.${label}.id`),
        ],
      ),
    );
  });

  for (const e of pub?.endpoints ?? []) {
    const server = `azurerm_postgresql_flexible_server.${serverLabels[e.server] as string}`;
    const last = serverLast[e.server] as string;
    const manual = e.message !== '';
    resources.push(
      block(
        'resource',
        ['azurerm_private_endpoint', ctx.labels.take(identifier(e.name, 'endpoint'))],
        [
          ...providerFor(e.loc.sub),
          attr('name', str(e.name)),
          attr('resource_group_name', rgValue(e.loc)),
          // PE §1.6: in its VNet's region; the subnet is the existing VNet's, referenced.
          attr('location', str(e.region)),
          attr('subnet_id', armId(e.vnet.loc, 'Microsoft.Network/virtualNetworks', e.vnet.name, 'subnets', e.subnet)),
          // PE §2.2: the connection to the server's postgresqlServer sub-resource; a request message only if manual.
          block(
            'private_service_connection',
            [],
            [
              attr('name', str(e.name)),
              attr('is_manual_connection', bool(manual)),
              attr('private_connection_resource_id', `${server}.id`),
              attr('subresource_names', strList([PRIVATE_LINK_GROUP_ID])),
              ...(manual ? [attr('request_message', str(e.message))] : []),
            ],
          ),
          ...(zoneId
            ? [
                block(
                  'private_dns_zone_group',
                  [],
                  [attr('name', str(PE_ZONE_GROUP)), attr('private_dns_zone_ids', list([zoneId]))],
                ),
              ]
            : []),
          ...(e.privateIp !== ''
            ? [
                block(
                  'ip_configuration',
                  [],
                  [
                    attr('name', str(peIpConfigName(e.name))),
                    attr('private_ip_address', str(e.privateIp)),
                    attr('subresource_name', str(PRIVATE_LINK_GROUP_ID)),
                    attr('member_name', str(PRIVATE_LINK_GROUP_ID)),
                  ],
                ),
              ]
            : []),
          ...(last !== server ? [attr('depends_on', list([last]))] : []),
        ],
      ),
    );
  }

  // variables.tf
  const vars: HclItem[] = [
    variable('location', locationDescription(model), 'string', str(model.location)),
    variable(
      'subscription_id',
      `Subscription ID of ${model.primary.purpose}` +
        (model.primary.value ? ` (the plan says ${model.primary.value}).` : '.'),
      'string',
    ),
  ];
  for (const sub of model.subscriptions.filter((s) => !s.primary)) {
    vars.push(
      variable(
        snake(sub.param),
        `Subscription ID of ${sub.purpose} (the plan says ${sub.value}).`,
        'string',
        str(sub.value),
      ),
    );
  }
  if (usesDeploymentRg)
    vars.push(variable('resource_group_name', 'Resource group for what the plan gives no resource group.', 'string'));
  model.servers.forEach((s) =>
    vars.push(variable(serverVar(s.index), `Name of server ${s.index + 1} (globally unique).`, 'string', str(s.name))),
  );
  vars.push(
    variable(
      'sku_name',
      'Compute tier and size (high availability needs GP_ or MO_).',
      'string',
      str(SERVER_DEFAULTS.terraformSkuName),
    ),
    variable('storage_mb', 'Storage size in MiB.', 'number', String(SERVER_DEFAULTS.storageSizeGB * 1024)),
    variable('administrator_login', 'Administrator login name.', 'string', str(SERVER_DEFAULTS.administratorLogin)),
    variable(
      'administrator_password',
      'Administrator password; set TF_VAR_administrator_password, never commit it.',
      'string',
      undefined,
      true,
    ),
  );

  // versions.tf
  const providers: HclItem[] = [
    block(
      'terraform',
      [],
      [
        attr('required_version', str(TERRAFORM_REQUIRED_VERSION)),
        block(
          'required_providers',
          [],
          [
            attr(
              'azurerm',
              `{\n      source  = "hashicorp/azurerm"\n      version = ${str(AZURERM_VERSION[major])}\n    }`,
            ),
          ],
        ),
      ],
    ),
    block(
      'provider',
      ['azurerm'],
      [attr('subscription_id', 'var.subscription_id'), ...registrations, block('features', [], [])],
    ),
    ...model.subscriptions
      .filter((s) => !s.primary)
      .map((s) =>
        block(
          'provider',
          ['azurerm'],
          [
            attr('alias', str(snake(s.param).replace(/_subscription_id$/, ''))),
            attr('subscription_id', subVar(s)),
            ...registrations,
            block('features', [], []),
          ],
        ),
      ),
  ];

  const main = [...(locals.length > 0 ? [block('locals', [], locals)] : []), ...resources];
  const tfvars: string[] = [
    `location        = ${str(model.location)}`,
    `subscription_id = ${str(model.primary.value || '00000000-0000-0000-0000-000000000000')}`,
  ];
  const tfvarsHeader = header(
    plan,
    model,
    options,
    'Example variable values; copy to terraform.tfvars. The password comes from TF_VAR_administrator_password',
  );
  return [
    {
      path: 'versions.tf',
      contents: renderFile(header(plan, model, options, `Terraform and azurerm ${major}.x pinning`), providers),
    },
    { path: 'variables.tf', contents: renderFile(header(plan, model, options, 'Variables'), vars) },
    { path: 'main.tf', contents: renderFile(header(plan, model, options, 'Resources'), main) },
    { path: 'outputs.tf', contents: renderFile(header(plan, model, options, 'Outputs'), outputs) },
    { path: 'terraform.tfvars.example', contents: `${tfvarsHeader}${tfvars.join('\n')}\n` },
  ];
}
