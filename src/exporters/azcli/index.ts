/**
 * Azure CLI export: `deploy.sh`, a bash script (`set -euo pipefail`) that creates the same
 * resources with `az`. Every value is single-quoted and passed as `--name=value`, the form argparse
 * (on which the Azure CLI is built) always reads as that option's value; list options take their
 * items as separate words, which `assertExportable` has checked can't be read as options. The
 * password comes from the environment and reaches `az` on its standard input (`--admin-password=@-`: the Azure CLI
 * reads an argument written `@-` from stdin, `_expand_file_prefixed_files` in azure-cli's
 * `azure/cli/core/commands/__init__.py`), so it never shows in the process list; `printf` is a bash builtin.
 */
import { POSTGRES_DELEGATION_SERVICE, STORAGE_SERVICE_ENDPOINT } from '../../domain/azure';
import type { NsgRule, Plan } from '../../domain/plan';
import { shellQuote as q } from '../escape';
import { commentBlock, errorLines } from '../header';
import { buildModel, type Loc, type ModelPrivate, type SubRef, type VnetRef } from '../model';
import type { ExportFile, ExportOptions } from '../types';
import { SERVER_DEFAULTS } from '../versions';

const shellVar = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** `--name='value'`: one shell word, `--name=value`, whatever the value starts with. */
const opt = (name: string, value: string) => `--${name}=${q(value)}`;
/** A list option: one item as `--name='a'`, several as `--name 'a' 'b'` (argparse takes `=` for one value only). */
const optList = (name: string, values: readonly string[]) =>
  values.length === 1 ? opt(name, values[0] as string) : [`--${name}`, ...values.map(q)].join(' ');

/** `--subscription="$X"` for resources of another subscription; nothing for the current one. */
const subFlag = (sub: SubRef) => (sub.primary ? '' : ` --subscription="$${shellVar(sub.param)}"`);
const rg = (loc: Loc) => (loc.rg === '' ? '--resource-group="$RESOURCE_GROUP"' : opt('resource-group', loc.rg));

function cmd(parts: readonly (string | false | null | undefined)[]): string {
  const words = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  if (words.join(' ').length <= 100) return words.join(' ');
  return words.join(' \\\n  ');
}

/**
 * Runs `create` only when `show` finds nothing, so that a second run of the script leaves what exists alone. Used
 * for the resources whose create would fail on an existing one (the server, the zone and its links) or would
 * replace it with less than it holds (a VNet created again without its subnets, an NSG without its rules, a
 * subnet without its NSG or route table). Everything else is a create-or-update that sets what the plan says.
 */
function unlessExists(show: readonly (string | false | null | undefined)[], create: string): string {
  return `if ! ${cmd([...show, '--output=none'])} 2>/dev/null; then\n  ${create.replace(/\n/g, '\n  ')}\nfi`;
}

function nsgRule(nsg: { name: string; loc: Loc }, r: NsgRule): string {
  const orStar = (name: string, v: readonly string[]) => optList(name, v.length === 0 ? ['*'] : v);
  return cmd([
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
}

function privateSection(a: ModelPrivate, lines: string[]): void {
  const vnet = a.vnet;
  const idVar = (v: VnetRef) => (v.key === 'serverVnet' ? 'SERVER_VNET_ID' : `${shellVar(v.key)}_VNET_ID`);
  lines.push('', '# Network');
  if (a.nsg) {
    lines.push(
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
    );
    for (const r of a.nsg.rules) lines.push(nsgRule(a.nsg, r));
  }
  if (!vnet.existing) {
    lines.push(
      unlessExists(
        ['az network vnet show', rg(vnet.loc), opt('name', vnet.name)],
        cmd([
          'az network vnet create',
          rg(vnet.loc),
          opt('name', vnet.name),
          '--location="$LOCATION"',
          optList('address-prefixes', vnet.addressSpaces),
          vnet.dnsServers !== null && vnet.dnsServers.length > 0 && optList('dns-servers', vnet.dnsServers),
          '--output=none',
        ]),
      ),
    );
  }
  const subnetAt = [rg(vnet.loc), opt('vnet-name', vnet.name), opt('name', a.subnet.name)];
  const delegation = [
    optList('delegations', [POSTGRES_DELEGATION_SERVICE]),
    optList('service-endpoints', [STORAGE_SERVICE_ENDPOINT]),
    a.nsg && opt('network-security-group', a.nsg.name),
    '--output=none',
  ];
  // `subnet update` reads the subnet and writes it back with these properties changed, keeping the rest (a route
  // table, a NAT gateway); `create` writes the whole subnet, so it runs only when there is none yet.
  const update = cmd(['az network vnet subnet update', ...subnetAt, ...delegation]);
  if (a.subnet.existing) lines.push(update);
  else {
    const create = cmd([
      'az network vnet subnet create',
      ...subnetAt,
      optList('address-prefixes', [a.subnet.prefix]),
      ...delegation,
    ]);
    lines.push(
      `if ${cmd(['az network vnet subnet show', ...subnetAt, '--output=none'])} 2>/dev/null; then\n` +
        `  ${update.replace(/\n/g, '\n  ')}\nelse\n  ${create.replace(/\n/g, '\n  ')}\nfi`,
    );
  }
  for (const s of a.otherSubnets) {
    const where = [rg(vnet.loc), opt('vnet-name', vnet.name), opt('name', s.name)];
    lines.push(
      unlessExists(
        ['az network vnet subnet show', ...where],
        cmd(['az network vnet subnet create', ...where, optList('address-prefixes', [s.prefix]), '--output=none']),
      ),
    );
  }
  lines.push(
    `SUBNET_ID="$(${cmd([
      'az network vnet subnet show',
      rg(vnet.loc),
      opt('vnet-name', vnet.name),
      opt('name', a.subnet.name),
      '--query=id --output=tsv',
    ])})"`,
  );
  for (const v of [vnet, ...a.peeredVnets]) {
    lines.push(
      `${idVar(v)}="$(${cmd([
        'az network vnet show',
        rg(v.loc),
        opt('name', v.name),
        `--query=id --output=tsv${subFlag(v.loc.sub)}`,
      ])})"`,
    );
  }
  // A peering that uses the remote gateway is refused until the remote's reverse peering exists with gateway
  // transit allowed (az CLI `network vnet peering create` help): those that offer transit go first, those that use it
  // last.
  const rank = (p: (typeof a.peerings)[number]) => (p.allowGatewayTransit ? 0 : p.useRemoteGateways ? 2 : 1);
  for (const p of [...a.peerings].sort((x, y) => rank(x) - rank(y))) {
    lines.push(
      cmd([
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
      ]),
    );
  }
  lines.push('', '# Private DNS zone and its VNet links');
  const z = a.zone;
  if (!z.existing) {
    lines.push(
      unlessExists(
        ['az network private-dns zone show', rg(z.loc), opt('name', z.name), subFlag(z.loc.sub).trim()],
        cmd([
          'az network private-dns zone create',
          rg(z.loc),
          opt('name', z.name),
          `--output=none${subFlag(z.loc.sub)}`,
        ]),
      ),
    );
  }
  for (const l of a.links) {
    const where = [rg(z.loc), opt('zone-name', z.name), opt('name', l.name)];
    lines.push(
      unlessExists(
        ['az network private-dns link vnet show', ...where, subFlag(z.loc.sub).trim()],
        cmd([
          'az network private-dns link vnet create',
          ...where,
          `--virtual-network="$${idVar(l.vnet)}"`,
          '--registration-enabled=false',
          `--output=none${subFlag(z.loc.sub)}`,
        ]),
      ),
    );
  }
  lines.push(
    `ZONE_ID="$(${cmd([
      'az network private-dns zone show',
      rg(z.loc),
      opt('name', z.name),
      `--query=id --output=tsv${subFlag(z.loc.sub)}`,
    ])})"`,
  );
}

export function azcliFiles(plan: Plan, options: ExportOptions = {}): ExportFile[] {
  const model = buildModel(plan);
  const errors = errorLines(options.errors);
  const head = [
    ...errors,
    ...(errors.length > 0 ? [''] : []),
    `Plan "${plan.name}": Azure Database for PostgreSQL flexible server, ` +
      (model.access.mode === 'private'
        ? 'private access (VNet integration).'
        : 'public access (allowed IP addresses).'),
    'Run: PGADMIN_PASSWORD=... bash deploy.sh   (resource groups must exist; az login first)',
    'It can be run again: what exists is kept, and the settings the plan owns are set again.',
    ...model.notes.map((n) => `Note: ${n}`),
  ];
  const lines: string[] = ['#!/usr/bin/env bash', commentBlock('#', head), 'set -euo pipefail', ''];
  lines.push(`LOCATION="\${LOCATION:-${model.location.replace(/[^A-Za-z0-9]/g, '')}}"`);
  lines.push(
    `SKU_TIER="\${SKU_TIER:-${SERVER_DEFAULTS.skuTier}}"`,
    `SKU_NAME="\${SKU_NAME:-${SERVER_DEFAULTS.skuName}}"`,
  );
  lines.push(`STORAGE_SIZE_GB="\${STORAGE_SIZE_GB:-${SERVER_DEFAULTS.storageSizeGB}}"`);
  lines.push(`ADMIN_LOGIN="\${ADMIN_LOGIN:-${SERVER_DEFAULTS.administratorLogin}}"`);
  lines.push(': "${PGADMIN_PASSWORD:?Set PGADMIN_PASSWORD to the administrator password}"');
  for (const sub of model.subscriptions.filter((s) => !s.primary)) {
    lines.push(`${shellVar(sub.param)}=${q(sub.value)}`);
  }
  const needsRg =
    model.primaryRg === '' ||
    (model.access.mode === 'private' && [model.access.vnet.loc, model.access.zone.loc].some((l) => l.rg === ''));
  if (needsRg)
    lines.push(': "${RESOURCE_GROUP:?Set RESOURCE_GROUP: the plan names no resource group for some resources}"');
  if (model.primary.value !== '') lines.push('', `az account set ${opt('subscription', model.primary.value)}`);

  if (model.access.mode === 'private') privateSection(model.access, lines);

  lines.push('', '# Servers');
  for (const s of model.servers) {
    const network =
      model.access.mode === 'private'
        ? ['--subnet="$SUBNET_ID"', '--private-dns-zone="$ZONE_ID"']
        : ['--public-access=Enabled'];
    lines.push(
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
          opt('high-availability', s.highAvailability),
          s.zone !== '' && opt('zone', s.zone),
          s.highAvailability === 'ZoneRedundant' && s.standbyZone !== '' && opt('standby-zone', s.standbyZone),
          ...network,
          '--yes --output=none',
        ]),
      ),
    );
    for (const c of model.configurations) {
      lines.push(
        cmd([
          'az postgres flexible-server parameter set',
          rg(s.loc),
          opt('server-name', s.name),
          opt('name', c.name),
          opt('value', c.value),
          '--output=none',
        ]),
      );
    }
    if (model.access.mode === 'public') {
      for (const r of model.access.firewallRules) {
        lines.push(
          cmd([
            'az postgres flexible-server firewall-rule create',
            rg(s.loc),
            opt('name', s.name),
            opt('rule-name', r.name),
            opt('start-ip-address', r.startIp),
            opt('end-ip-address', r.endIp),
            '--output=none',
          ]),
        );
      }
    }
    lines.push(
      `az postgres flexible-server show ${rg(s.loc)} ${opt('name', s.name)} ` +
        `--query='{fqdn: fullyQualifiedDomainName, id: id}' --output=json`,
    );
  }
  return [{ path: 'deploy.sh', contents: `${lines.join('\n')}\n` }];
}
