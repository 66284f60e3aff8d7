/**
 * What `deploy.sh` does, one resource operation at a time: the step list the script is written from, and the list
 * the deployment dry run reads it by (`src/deploy/read-azcli.ts`). Each step carries the resource's ARM ID, type,
 * scope, action and the properties Azure checks, and the shell text that performs it.
 *
 * IDs are built from the step's scope as the script resolves it: `/subscriptions/<subscription>/resourcegroups/
 * <group>/providers/…`, lower-cased, where an empty subscription is the current one (set by `az account set`)
 * and an empty group is `$RESOURCE_GROUP`. A step that reads a resource an earlier step creates, or updates one
 * that exists already (the delegated subnet; a subnet the script gives a route table without creating it), has that
 * resource's ID plus `#read`, `#update` or `#route-table`, which keeps IDs unique; a read of a resource the script
 * doesn't create (a peered VNet, an existing VNet or zone) has its plain ID.
 * Locations are the defaults the script's variables hold (`$LOCATION` can be overridden when it runs).
 */
import {
  PRIVATE_LINK_GROUP_ID,
  PE_ZONE_GROUP,
  POSTGRES_DELEGATION_SERVICE,
  STORAGE_SERVICE_ENDPOINT,
} from '../../domain/azure';
import { peIpConfigName, zoneConfigName } from '../../domain/resource-names';
import type { NsgRule, Plan } from '../../domain/plan';
import {
  planModel,
  type ExportModel,
  type Loc,
  type ModelPeering,
  type ModelPrivate,
  type ModelPublic,
  type ModelRouteTable,
  type VnetRef,
} from '../model';
import type { ScriptStep, StepProps, StepScope } from '../steps';
import { shellQuote as q } from '../escape';
import { FIREWALL_RULE_FLAG, FIREWALL_SERVER_FLAG, HA_FLAGS } from './cli-versions';
import { cmd, opt, optList, rg, shellVar, subFlag, unlessExists } from './shell';

/** The steps of one part of the script, under its comment heading. */
export interface ScriptSection {
  title: string;
  steps: ScriptStep[];
}

const NETWORK = 'Microsoft.Network';
const POSTGRES = 'Microsoft.DBforPostgreSQL/flexibleServers';

const scopeOf = (loc: Loc): StepScope => ({
  subscription: loc.sub.primary ? '' : loc.sub.value,
  resourceGroup: loc.rg,
});

/** `/subscriptions/…/resourcegroups/…/providers/<path>`, lower-cased. */
const armId = (scope: StepScope, path: string) =>
  `/subscriptions/${scope.subscription}/resourcegroups/${scope.resourceGroup}/providers/${path}`.toLowerCase();

/** The region `$LOCATION` defaults to: the deployment's, letters and digits only. */
const defaultLocation = (model: ExportModel) => model.location.replace(/[^A-Za-z0-9]/g, '');

function step(
  loc: Loc,
  type: string,
  names: readonly string[],
  action: ScriptStep['action'],
  commands: string,
  props: StepProps = {},
  location?: string,
): ScriptStep {
  const scope = scopeOf(loc);
  // `Provider/type/child` and `a/b` → `Provider/type/a/child/b`.
  const types = type.split('/');
  let path = `${types[0]}/${types[1]}/${names[0]}`;
  for (let i = 2; i < types.length; i++) path += `/${types[i]}/${names[i - 1]}`;
  const s: ScriptStep = { id: armId(scope, path), type, name: names.join('/'), action, scope, props, commands };
  if (location !== undefined) s.location = location;
  return s;
}

/** A step on a resource another step handles too: its ID gets a `#suffix`. */
const suffixed = (s: ScriptStep, suffix: string): ScriptStep => ({ ...s, id: `${s.id}#${suffix}` });

/** The shell variable holding a VNet's ID, read by `vnetReads`. */
const idVar = (v: VnetRef) => (v.key === 'serverVnet' ? 'SERVER_VNET_ID' : `${shellVar(v.key)}_VNET_ID`);

const vnetId = (v: VnetRef) => armId(scopeOf(v.loc), `${NETWORK}/virtualNetworks/${v.name}`);

function nsgRule(nsg: { name: string; loc: Loc }, r: NsgRule): ScriptStep {
  const orStar = (name: string, v: readonly string[]) => optList(name, v.length === 0 ? ['*'] : v);
  const commands = cmd([
    'az network nsg rule create',
    rg(nsg.loc),
    opt('nsg-name', nsg.name),
    opt('name', r.name),
    `--priority=${r.priority}`,
    opt('direction', r.direction),
    opt('access', r.access),
    opt('protocol', r.protocol),
    orStar('source-address-prefixes', r.sourceAddresses),
    orStar('source-port-ranges', r.sourcePorts),
    orStar('destination-address-prefixes', r.destinationAddresses),
    orStar('destination-port-ranges', r.destinationPorts),
    r.description !== '' && opt('description', r.description),
    '--output=none',
  ]);
  return step(nsg.loc, `${NETWORK}/networkSecurityGroups/securityRules`, [nsg.name, r.name], 'create', commands);
}

function networkSteps(model: ExportModel, a: ModelPrivate): ScriptStep[] {
  const steps: ScriptStep[] = [];
  const vnet = a.vnet;
  const location = defaultLocation(model);
  let nsgId: string | undefined;
  // An NSG deployed already is only named by the subnet update below: the script doesn't touch it or its rules.
  if (a.nsg?.existing) nsgId = armId(scopeOf(a.nsg.loc), `${NETWORK}/networkSecurityGroups/${a.nsg.name}`);
  else if (a.nsg) {
    const nsg = step(
      a.nsg.loc,
      `${NETWORK}/networkSecurityGroups`,
      [a.nsg.name],
      'create',
      unlessExists(
        ['az network nsg show', rg(a.nsg.loc), opt('name', a.nsg.name)],
        cmd([
          'az network nsg create',
          rg(a.nsg.loc),
          opt('name', a.nsg.name),
          '--location="$LOCATION"',
          '--output=none',
        ]),
      ),
      {},
      location,
    );
    nsgId = nsg.id;
    steps.push(nsg);
    for (const r of a.nsg.rules) steps.push(nsgRule(a.nsg, r));
  }
  // Route tables: created only when missing (a create PUTs the table without its routes), then each route is a
  // create-or-update that sets what the plan says.
  const tableIds = a.routeTables.map((t) => {
    // A table deployed already is only named by the subnet updates below: the script doesn't touch it or its routes.
    if (t.existing) return armId(scopeOf(t.vnet.loc), `${NETWORK}/routeTables/${t.name}`);
    const where = [rg(t.vnet.loc), opt('name', t.name)];
    const table = step(
      t.vnet.loc,
      `${NETWORK}/routeTables`,
      [t.name],
      'create',
      unlessExists(
        ['az network route-table show', ...where, subFlag(t.vnet.loc.sub).trim()],
        cmd([
          'az network route-table create',
          ...where,
          // The server VNet's table goes where the VNet does; another VNet's to that VNet's region.
          t.onServerVnet ? '--location="$LOCATION"' : opt('location', t.region),
          `--output=none${subFlag(t.vnet.loc.sub)}`,
        ]),
      ),
      {},
      t.onServerVnet ? location : t.region,
    );
    steps.push(table);
    for (const r of t.routes) {
      const commands = cmd([
        'az network route-table route create',
        rg(t.vnet.loc),
        opt('route-table-name', t.name),
        opt('name', r.name),
        opt('address-prefix', r.prefix),
        opt('next-hop-type', r.nextHop),
        r.nextHopIp !== '' && opt('next-hop-ip-address', r.nextHopIp),
        `--output=none${subFlag(t.vnet.loc.sub)}`,
      ]);
      steps.push(step(t.vnet.loc, `${NETWORK}/routeTables/routes`, [t.name, r.name], 'create', commands));
    }
    return table.id;
  });
  const delegatedTable = a.routeAssociations.find((r) => r.kind === 'delegated')?.table ?? null;
  const createdTables = new Map<string, number>();
  for (const r of a.routeAssociations) if (r.kind === 'created') createdTables.set(r.subnet, r.table);
  if (!vnet.existing) {
    const dnsServers = vnet.dnsServers !== null && vnet.dnsServers.length > 0 ? vnet.dnsServers : null;
    steps.push(
      step(
        vnet.loc,
        `${NETWORK}/virtualNetworks`,
        [vnet.name],
        'create',
        unlessExists(
          ['az network vnet show', rg(vnet.loc), opt('name', vnet.name)],
          cmd([
            'az network vnet create',
            rg(vnet.loc),
            opt('name', vnet.name),
            '--location="$LOCATION"',
            optList('address-prefixes', vnet.addressSpaces),
            dnsServers !== null && optList('dns-servers', dnsServers),
            '--output=none',
          ]),
        ),
        { addressPrefixes: [...vnet.addressSpaces], ...(dnsServers === null ? {} : { dnsServers: [...dnsServers] }) },
        location,
      ),
    );
  }
  const subnetAt = [rg(vnet.loc), opt('vnet-name', vnet.name), opt('name', a.subnet.name)];
  const delegation = [
    optList('delegations', [POSTGRES_DELEGATION_SERVICE]),
    optList('service-endpoints', [STORAGE_SERVICE_ENDPOINT]),
    a.nsg && opt('network-security-group', a.nsg.name),
    // By name: the table is in the subnet's resource group and subscription.
    delegatedTable !== null && opt('route-table', (a.routeTables[delegatedTable] as ModelRouteTable).name),
    '--output=none',
  ];
  const delegationProps: StepProps = {
    delegations: [POSTGRES_DELEGATION_SERVICE],
    serviceEndpoints: [STORAGE_SERVICE_ENDPOINT],
    ...(nsgId === undefined ? {} : { networkSecurityGroup: nsgId }),
    ...(delegatedTable === null ? {} : { routeTable: tableIds[delegatedTable] }),
  };
  const subnetType = `${NETWORK}/virtualNetworks/subnets`;
  const subnetNames = [vnet.name, a.subnet.name];
  // `subnet update` reads the subnet and writes it back with these properties changed, keeping the rest (a route
  // table, a NAT gateway); `create` writes the whole subnet, so it runs only when there is none yet.
  const update = cmd(['az network vnet subnet update', ...subnetAt, ...delegation]);
  if (a.subnet.existing) {
    const props = { ...delegationProps, preservesLiveProperties: true };
    steps.push(suffixed(step(vnet.loc, subnetType, subnetNames, 'update', update, props), 'update'));
  } else {
    const create = cmd([
      'az network vnet subnet create',
      ...subnetAt,
      optList('address-prefixes', [a.subnet.prefix]),
      ...delegation,
    ]);
    const commands =
      `if ${cmd(['az network vnet subnet show', ...subnetAt, '--output=none'])} 2>/dev/null; then\n` +
      `  ${update.replace(/\n/g, '\n  ')}\nelse\n  ${create.replace(/\n/g, '\n  ')}\nfi`;
    const props = { addressPrefix: a.subnet.prefix, ...delegationProps };
    steps.push(step(vnet.loc, subnetType, subnetNames, 'create', commands, props));
  }
  for (const s of a.otherSubnets) {
    const where = [rg(vnet.loc), opt('vnet-name', vnet.name), opt('name', s.name)];
    const table = createdTables.get(s.name);
    if (table === undefined) {
      const commands = unlessExists(
        ['az network vnet subnet show', ...where],
        cmd(['az network vnet subnet create', ...where, optList('address-prefixes', [s.prefix]), '--output=none']),
      );
      steps.push(step(vnet.loc, subnetType, [vnet.name, s.name], 'create', commands, { addressPrefix: s.prefix }));
      continue;
    }
    // With a route table, as the delegated subnet: an existing subnet gets the table set again, keeping the rest.
    const routeTable = [opt('route-table', (a.routeTables[table] as ModelRouteTable).name), '--output=none'];
    const update = cmd(['az network vnet subnet update', ...where, ...routeTable]);
    const create = cmd([
      'az network vnet subnet create',
      ...where,
      optList('address-prefixes', [s.prefix]),
      ...routeTable,
    ]);
    const commands =
      `if ${cmd(['az network vnet subnet show', ...where, '--output=none'])} 2>/dev/null; then\n` +
      `  ${update.replace(/\n/g, '\n  ')}\nelse\n  ${create.replace(/\n/g, '\n  ')}\nfi`;
    const props = { addressPrefix: s.prefix, routeTable: tableIds[table] as string };
    steps.push(step(vnet.loc, subnetType, [vnet.name, s.name], 'create', commands, props));
  }
  // Subnets the script doesn't create (of an existing server VNet, or of another VNet) get their table by an update,
  // which reads the subnet and writes it back with the table set, keeping everything else it has.
  for (const r of a.routeAssociations) {
    if (r.kind !== 'existing') continue;
    const commands = cmd([
      'az network vnet subnet update',
      rg(r.vnet.loc),
      opt('vnet-name', r.vnet.name),
      opt('name', r.subnet),
      opt('route-table', (a.routeTables[r.table] as ModelRouteTable).name),
      `--output=none${subFlag(r.vnet.loc.sub)}`,
    ]);
    const props = { routeTable: tableIds[r.table] as string, preservesLiveProperties: true };
    steps.push(
      suffixed(step(r.vnet.loc, subnetType, [r.vnet.name, r.subnet], 'update', commands, props), 'route-table'),
    );
  }
  const subnetShow = `SUBNET_ID="$(${cmd([
    'az network vnet subnet show',
    rg(vnet.loc),
    opt('vnet-name', vnet.name),
    opt('name', a.subnet.name),
    '--query=id --output=tsv',
  ])})"`;
  steps.push(suffixed(step(vnet.loc, subnetType, subnetNames, 'read', subnetShow), 'read'));
  steps.push(...vnetPeeringSteps([vnet, ...a.peeredVnets], a.peerings, vnet.existing ? null : vnet));
  return steps;
}

/**
 * Reads the VNets' IDs into their variables (`created`: the VNet the script creates, whose create is a step already),
 * then creates the peerings between them.
 */
function vnetPeeringSteps(vnets: readonly VnetRef[], peerings: readonly ModelPeering[], created: VnetRef | null) {
  const steps: ScriptStep[] = [];
  for (const v of vnets) {
    const show = `${idVar(v)}="$(${cmd([
      'az network vnet show',
      rg(v.loc),
      opt('name', v.name),
      `--query=id --output=tsv${subFlag(v.loc.sub)}`,
    ])})"`;
    const read = step(v.loc, `${NETWORK}/virtualNetworks`, [v.name], 'read', show);
    // The server VNet, when the script creates it, has a step of its own already.
    steps.push(v === created ? suffixed(read, 'read') : read);
  }
  // A peering that uses the remote gateway is refused until the remote's reverse peering exists with gateway
  // transit allowed (az CLI `network vnet peering create` help): those that offer transit go first, those that use it
  // last.
  const rank = (p: ModelPeering) => (p.allowGatewayTransit ? 0 : p.useRemoteGateways ? 2 : 1);
  for (const p of [...peerings].sort((x, y) => rank(x) - rank(y))) {
    const commands = cmd([
      'az network vnet peering create',
      rg(p.local.loc),
      opt('vnet-name', p.local.name),
      opt('name', p.name),
      `--remote-vnet="$${idVar(p.remote)}"`,
      '--allow-vnet-access=true',
      `--allow-forwarded-traffic=${p.allowForwardedTraffic}`,
      `--allow-gateway-transit=${p.allowGatewayTransit}`,
      `--use-remote-gateways=${p.useRemoteGateways}`,
      `--output=none${subFlag(p.local.loc.sub)}`,
    ]);
    steps.push(
      step(
        p.local.loc,
        `${NETWORK}/virtualNetworks/virtualNetworkPeerings`,
        [p.local.name, p.name],
        'create',
        commands,
        {
          remoteVirtualNetwork: vnetId(p.remote),
          allowForwardedTraffic: p.allowForwardedTraffic,
          allowGatewayTransit: p.allowGatewayTransit,
          useRemoteGateways: p.useRemoteGateways,
        },
      ),
    );
  }
  return steps;
}

function zoneSteps(a: Pick<ModelPrivate, 'zone' | 'links'>): ScriptStep[] {
  const steps: ScriptStep[] = [];
  const z = a.zone;
  const zoneType = `${NETWORK}/privateDnsZones`;
  if (!z.existing) {
    const commands = unlessExists(
      ['az network private-dns zone show', rg(z.loc), opt('name', z.name), subFlag(z.loc.sub).trim()],
      cmd(['az network private-dns zone create', rg(z.loc), opt('name', z.name), `--output=none${subFlag(z.loc.sub)}`]),
    );
    steps.push(step(z.loc, zoneType, [z.name], 'create', commands));
  }
  for (const l of a.links) {
    const where = [rg(z.loc), opt('zone-name', z.name), opt('name', l.name)];
    const commands = unlessExists(
      ['az network private-dns link vnet show', ...where, subFlag(z.loc.sub).trim()],
      cmd([
        'az network private-dns link vnet create',
        ...where,
        `--virtual-network="$${idVar(l.vnet)}"`,
        '--registration-enabled=false',
        `--output=none${subFlag(z.loc.sub)}`,
      ]),
    );
    steps.push(
      step(z.loc, `${zoneType}/virtualNetworkLinks`, [z.name, l.name], 'create', commands, {
        virtualNetwork: vnetId(l.vnet),
      }),
    );
  }
  const show = `ZONE_ID="$(${cmd([
    'az network private-dns zone show',
    rg(z.loc),
    opt('name', z.name),
    `--query=id --output=tsv${subFlag(z.loc.sub)}`,
  ])})"`;
  const read = step(z.loc, zoneType, [z.name], 'read', show);
  steps.push(z.existing ? read : suffixed(read, 'read'));
  return steps;
}

function serverSteps(model: ExportModel): ScriptStep[] {
  const steps: ScriptStep[] = [];
  const a = model.access;
  for (const s of model.servers) {
    const network =
      a.mode === 'private' ? ['--subnet="$SUBNET_ID"', '--private-dns-zone="$ZONE_ID"'] : ['--public-access=Enabled'];
    const standby = s.highAvailability === 'ZoneRedundant' && s.standbyZone !== '' ? s.standbyZone : '';
    const create = step(
      s.loc,
      POSTGRES,
      [s.name],
      'create',
      unlessExists(
        ['az postgres flexible-server show', rg(s.loc), opt('name', s.name)],
        cmd([
          `printf '%s' "$PGADMIN_PASSWORD" | az postgres flexible-server create`,
          rg(s.loc),
          opt('name', s.name),
          // A public-access plan may place servers in several regions; each is created in its own.
          s.location === model.location ? '--location="$LOCATION"' : opt('location', s.location),
          opt('version', s.version),
          '--tier="$SKU_TIER"',
          '--sku-name="$SKU_NAME"',
          '--storage-size="$STORAGE_SIZE_GB"',
          '--admin-user="$ADMIN_LOGIN"',
          '--admin-password=@-',
          // The flag the installed CLI takes for this mode, chosen at the top of the script.
          `"$\{${HA_FLAGS[s.highAvailability]}[@]}"`,
          s.zone !== '' && opt('zone', s.zone),
          standby !== '' && opt('standby-zone', standby),
          ...network,
          '--yes --output=none',
        ]),
      ),
      {
        ...(a.mode === 'private'
          ? {
              delegatedSubnet: armId(
                scopeOf(a.vnet.loc),
                `${NETWORK}/virtualNetworks/${a.vnet.name}/subnets/${a.subnet.name}`,
              ),
              privateDnsZone: armId(scopeOf(a.zone.loc), `${NETWORK}/privateDnsZones/${a.zone.name}`),
            }
          : { publicNetworkAccess: 'Enabled' as const }),
        highAvailability: s.highAvailability,
        ...(s.zone === '' ? {} : { availabilityZone: s.zone }),
        ...(standby === '' ? {} : { standbyAvailabilityZone: standby }),
      },
      s.location === model.location ? defaultLocation(model) : s.location,
    );
    steps.push(create);
    for (const c of model.configurations) {
      const commands = cmd([
        'az postgres flexible-server parameter set',
        rg(s.loc),
        opt('server-name', s.name),
        opt('name', c.name),
        opt('value', c.value),
        '--output=none',
      ]);
      steps.push(step(s.loc, `${POSTGRES}/configurations`, [s.name, c.name], 'create', commands));
    }
    if (a.mode === 'public') {
      for (const r of a.firewallRules) {
        const commands = cmd([
          'az postgres flexible-server firewall-rule create',
          rg(s.loc),
          // --name and --rule-name, or --server-name and --name: chosen at the top of the script.
          `"$${FIREWALL_SERVER_FLAG}"=${q(s.name)}`,
          `"$${FIREWALL_RULE_FLAG}"=${q(r.name)}`,
          opt('start-ip-address', r.startIp),
          opt('end-ip-address', r.endIp),
          '--output=none',
        ]);
        steps.push(step(s.loc, `${POSTGRES}/firewallRules`, [s.name, r.name], 'create', commands));
      }
    }
    if (a.mode === 'public' && !a.publicNetworkAccess) {
      // PE §1.4: `update --public-access` switches it off (created Enabled, with no rule yet nothing gets in).
      const off = cmd([
        'az postgres flexible-server update',
        rg(s.loc),
        opt('name', s.name),
        '--public-access=Disabled --output=none',
      ]);
      const props = { publicNetworkAccess: 'Disabled' as const };
      steps.push(suffixed(step(s.loc, POSTGRES, [s.name], 'update', off, props), 'public-access'));
    }
    const show =
      `az postgres flexible-server show ${rg(s.loc)} ${opt('name', s.name)} ` +
      `--query='{fqdn: fullyQualifiedDomainName, id: id}' --output=json`;
    steps.push(suffixed(step(s.loc, POSTGRES, [s.name], 'read', show), 'read'));
  }
  return steps;
}

/**
 * Each private endpoint (PE §2.3: group postgresqlServer, never the docs' `sites`), in its VNet's region and
 * subscription, in the existing subnet, connected to its server, and its DNS zone group when the plan has a zone.
 */
function endpointSteps(model: ExportModel, a: ModelPublic): ScriptStep[] {
  const steps: ScriptStep[] = [];
  for (const e of a.endpoints) {
    const server = model.servers[e.server] as ExportModel['servers'][number];
    const sub = subFlag(e.loc.sub);
    const where = [rg(e.loc), opt('name', e.name)];
    // The server's ID, as the server's show reads it (in the server's subscription, the current one).
    const show = [
      'az postgres flexible-server show',
      rg(server.loc),
      opt('name', server.name),
      '--query=id --output=tsv',
    ];
    const serverId = `SERVER_ID="$(${cmd(show)})"`;
    const ipConfig = [peIpConfigName(e.name), PRIVATE_LINK_GROUP_ID, PRIVATE_LINK_GROUP_ID, e.privateIp].map((v, i) =>
      q(`${['name', 'group-id', 'member-name', 'private-ip-address'][i] as string}=${v}`),
    );
    const commands = `${serverId}\n${unlessExists(
      ['az network private-endpoint show', ...where, sub.trim()],
      cmd([
        'az network private-endpoint create',
        ...where,
        opt('location', e.region),
        `--subnet="$${idVar(e.vnet)}"/subnets/${q(e.subnet)}`,
        '--private-connection-resource-id="$SERVER_ID"',
        opt('group-id', PRIVATE_LINK_GROUP_ID),
        opt('connection-name', e.name),
        e.message !== '' && `--manual-request=true ${opt('request-message', e.message)}`,
        e.privateIp !== '' && `--ip-config ${ipConfig.join(' ')}`,
        `--output=none${sub}`,
      ]),
    )}`;
    const subnet = armId(scopeOf(e.vnet.loc), `${NETWORK}/virtualNetworks/${e.vnet.name}/subnets/${e.subnet}`);
    const privateLinkServiceId = armId(scopeOf(server.loc), `${POSTGRES}/${server.name}`);
    steps.push(
      step(
        e.loc,
        `${NETWORK}/privateEndpoints`,
        [e.name],
        'create',
        commands,
        { subnet, privateLinkServiceId },
        e.region,
      ),
    );
    if (!a.zone) continue;
    const group = [rg(e.loc), opt('endpoint-name', e.name), opt('name', PE_ZONE_GROUP)];
    const zoneGroup = unlessExists(
      ['az network private-endpoint dns-zone-group show', ...group, sub.trim()],
      cmd([
        'az network private-endpoint dns-zone-group create',
        ...group,
        '--private-dns-zone="$ZONE_ID"',
        opt('zone-name', zoneConfigName(a.zone.name)),
        `--output=none${sub}`,
      ]),
    );
    const privateDnsZone = armId(scopeOf(a.zone.loc), `${NETWORK}/privateDnsZones/${a.zone.name}`);
    steps.push(
      step(e.loc, `${NETWORK}/privateEndpoints/privateDnsZoneGroups`, [e.name, PE_ZONE_GROUP], 'create', zoneGroup, {
        privateDnsZone,
      }),
    );
  }
  return steps;
}

/** The script's sections in order, from the export model (built once by the caller). */
function scriptSections(model: ExportModel): ScriptSection[] {
  const sections: ScriptSection[] = [];
  if (model.access.mode === 'private') {
    sections.push({ title: 'Network', steps: networkSteps(model, model.access) });
    sections.push({ title: 'Private DNS zone and its VNet links', steps: zoneSteps(model.access) });
  }
  const a = model.access;
  if (a.mode === 'public' && a.peeredVnets.length > 0) {
    const steps = vnetPeeringSteps(a.peeredVnets, a.peerings, null);
    sections.push({
      title: 'Network',
      steps: a.zone ? [...steps, ...zoneSteps({ zone: a.zone, links: a.links })] : steps,
    });
  }
  sections.push({ title: 'Servers', steps: serverSteps(model) });
  if (a.mode === 'public' && a.endpoints.length > 0) {
    sections.push({ title: 'Private endpoints', steps: endpointSteps(model, a) });
  }
  return sections;
}

/** The sections of each plan (plans are never changed in place: an edit makes a new plan). */
const SECTIONS = new WeakMap<Plan, readonly ScriptSection[]>();

/**
 * The script's sections of a plan, written once: the exporter writes `deploy.sh` from them and the dry run reads the
 * script with them, so an export followed by its dry run builds them once. Shared: nothing may change them.
 * Throws `ExportRefusedError` when a value of the plan cannot be written safely.
 */
export function planScriptSections(plan: Plan): readonly ScriptSection[] {
  let sections = SECTIONS.get(plan);
  if (sections === undefined) {
    sections = scriptSections(planModel(plan));
    SECTIONS.set(plan, sections);
  }
  return sections;
}

/**
 * Every resource operation of the plan's `deploy.sh`, in the script's order. Throws `ExportRefusedError` when a
 * value of the plan cannot be written safely, as the exporter does.
 */
export function scriptSteps(plan: Plan): ScriptStep[] {
  return planScriptSections(plan).flatMap((s) => s.steps);
}
