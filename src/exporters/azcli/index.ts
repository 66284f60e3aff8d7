/**
 * Azure CLI export: `deploy.sh`, a bash script (`set -euo pipefail`) that creates the same
 * resources with `az`. Every value is single-quoted; the password comes from the environment.
 */
import { POSTGRES_DELEGATION_SERVICE, STORAGE_SERVICE_ENDPOINT } from '../../domain/azure';
import type { NsgRule, Plan } from '../../domain/plan';
import { shellQuote as q } from '../escape';
import { commentBlock, errorLines } from '../header';
import { buildModel, type Loc, type ModelPrivate, type SubRef, type VnetRef } from '../model';
import type { ExportFile, ExportOptions } from '../types';
import { SERVER_DEFAULTS } from '../versions';

const shellVar = (camel: string) => camel.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase();

/** `--subscription "$X"` for resources of another subscription; nothing for the current one. */
const subFlag = (sub: SubRef) => (sub.primary ? '' : ` --subscription "$${shellVar(sub.param)}"`);
const rg = (loc: Loc) => (loc.rg === '' ? '"$RESOURCE_GROUP"' : q(loc.rg));

function cmd(parts: readonly (string | false | null | undefined)[]): string {
  const words = parts.filter((p): p is string => typeof p === 'string' && p !== '');
  if (words.join(' ').length <= 100) return words.join(' ');
  return words.join(' \\\n  ');
}

function nsgRule(nsg: { name: string; loc: Loc }, r: NsgRule): string {
  const orStar = (v: readonly string[]) => (v.length === 0 ? ['*'] : v).map(q).join(' ');
  return cmd([
    'az network nsg rule create',
    `--resource-group ${rg(nsg.loc)}`,
    `--nsg-name ${q(nsg.name)}`,
    `--name ${q(r.name)}`,
    `--priority ${r.priority}`,
    `--direction ${q(r.direction)}`,
    `--access ${q(r.access)}`,
    `--protocol ${q(r.protocol)}`,
    `--source-address-prefixes ${orStar(r.sourceAddresses)}`,
    `--source-port-ranges ${orStar(r.sourcePorts)}`,
    `--destination-address-prefixes ${orStar(r.destinationAddresses)}`,
    `--destination-port-ranges ${orStar(r.destinationPorts)}`,
    r.description !== '' && `--description ${q(r.description)}`,
    '--output none',
  ]);
}

function privateSection(a: ModelPrivate, lines: string[]): void {
  const vnet = a.vnet;
  const idVar = (v: VnetRef) => (v.key === 'serverVnet' ? 'SERVER_VNET_ID' : `${shellVar(v.key)}_VNET_ID`);
  lines.push('', '# Network');
  if (a.nsg) {
    lines.push(
      cmd([
        'az network nsg create',
        `--resource-group ${rg(a.nsg.loc)}`,
        `--name ${q(a.nsg.name)}`,
        '--location "$LOCATION"',
        '--output none',
      ]),
    );
    for (const r of a.nsg.rules) lines.push(nsgRule(a.nsg, r));
  }
  if (!vnet.existing) {
    lines.push(
      cmd([
        'az network vnet create',
        `--resource-group ${rg(vnet.loc)}`,
        `--name ${q(vnet.name)}`,
        '--location "$LOCATION"',
        `--address-prefixes ${vnet.addressSpaces.map(q).join(' ')}`,
        vnet.dnsServers !== null && vnet.dnsServers.length > 0 && `--dns-servers ${vnet.dnsServers.map(q).join(' ')}`,
        '--output none',
      ]),
    );
  }
  lines.push(
    cmd([
      `az network vnet subnet ${a.subnet.existing ? 'update' : 'create'}`,
      `--resource-group ${rg(vnet.loc)}`,
      `--vnet-name ${q(vnet.name)}`,
      `--name ${q(a.subnet.name)}`,
      !a.subnet.existing && `--address-prefixes ${q(a.subnet.prefix)}`,
      `--delegations ${q(POSTGRES_DELEGATION_SERVICE)}`,
      `--service-endpoints ${q(STORAGE_SERVICE_ENDPOINT)}`,
      a.nsg && `--network-security-group ${q(a.nsg.name)}`,
      '--output none',
    ]),
  );
  for (const s of a.otherSubnets) {
    lines.push(
      cmd([
        'az network vnet subnet create',
        `--resource-group ${rg(vnet.loc)}`,
        `--vnet-name ${q(vnet.name)}`,
        `--name ${q(s.name)}`,
        `--address-prefixes ${q(s.prefix)}`,
        '--output none',
      ]),
    );
  }
  lines.push(
    `SUBNET_ID="$(${cmd(['az network vnet subnet show', `--resource-group ${rg(vnet.loc)}`, `--vnet-name ${q(vnet.name)}`, `--name ${q(a.subnet.name)}`, '--query id --output tsv'])})"`,
  );
  for (const v of [vnet, ...a.peeredVnets]) {
    lines.push(
      `${idVar(v)}="$(${cmd(['az network vnet show', `--resource-group ${rg(v.loc)}`, `--name ${q(v.name)}`, '--query id --output tsv' + subFlag(v.loc.sub)])})"`,
    );
  }
  for (const p of a.peerings) {
    lines.push(
      cmd([
        'az network vnet peering create',
        `--resource-group ${rg(p.local.loc)}`,
        `--vnet-name ${q(p.local.name)}`,
        `--name ${q(p.name)}`,
        `--remote-vnet "$${idVar(p.remote)}"`,
        '--allow-vnet-access true',
        `--allow-forwarded-traffic ${p.allowForwardedTraffic}`,
        `--allow-gateway-transit ${p.allowGatewayTransit}`,
        `--use-remote-gateways ${p.useRemoteGateways}`,
        `--output none${subFlag(p.local.loc.sub)}`,
      ]),
    );
  }
  lines.push('', '# Private DNS zone and its VNet links');
  const z = a.zone;
  if (!z.existing) {
    lines.push(
      cmd([
        'az network private-dns zone create',
        `--resource-group ${rg(z.loc)}`,
        `--name ${q(z.name)}`,
        `--output none${subFlag(z.loc.sub)}`,
      ]),
    );
  }
  for (const l of a.links) {
    lines.push(
      cmd([
        'az network private-dns link vnet create',
        `--resource-group ${rg(z.loc)}`,
        `--zone-name ${q(z.name)}`,
        `--name ${q(l.name)}`,
        `--virtual-network "$${idVar(l.vnet)}"`,
        '--registration-enabled false',
        `--output none${subFlag(z.loc.sub)}`,
      ]),
    );
  }
  lines.push(
    `ZONE_ID="$(${cmd(['az network private-dns zone show', `--resource-group ${rg(z.loc)}`, `--name ${q(z.name)}`, `--query id --output tsv${subFlag(z.loc.sub)}`])})"`,
  );
}

export function azcliFiles(plan: Plan, options: ExportOptions = {}): ExportFile[] {
  const model = buildModel(plan);
  const errors = errorLines(options.errors);
  const head = [
    ...errors,
    ...(errors.length > 0 ? [''] : []),
    `Plan "${plan.name}": Azure Database for PostgreSQL flexible server, ${model.access.mode === 'private' ? 'private access (VNet integration)' : 'public access (allowed IP addresses)'}.`,
    'Run: PGADMIN_PASSWORD=... bash deploy.sh   (resource groups must exist; az login first)',
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
  if (model.primary.value !== '') lines.push('', `az account set --subscription ${q(model.primary.value)}`);

  if (model.access.mode === 'private') privateSection(model.access, lines);

  lines.push('', '# Servers');
  for (const s of model.servers) {
    const network =
      model.access.mode === 'private'
        ? ['--subnet "$SUBNET_ID"', '--private-dns-zone "$ZONE_ID"']
        : ['--public-access Enabled'];
    lines.push(
      cmd([
        'az postgres flexible-server create',
        `--resource-group ${rg(s.loc)}`,
        `--name ${q(s.name)}`,
        '--location "$LOCATION"',
        `--version ${q(s.version)}`,
        '--tier "$SKU_TIER"',
        '--sku-name "$SKU_NAME"',
        '--storage-size "$STORAGE_SIZE_GB"',
        '--admin-user "$ADMIN_LOGIN"',
        '--admin-password "$PGADMIN_PASSWORD"',
        `--high-availability ${q(s.highAvailability)}`,
        ...network,
        '--yes --output none',
      ]),
    );
    for (const c of model.configurations) {
      lines.push(
        cmd([
          'az postgres flexible-server parameter set',
          `--resource-group ${rg(s.loc)}`,
          `--server-name ${q(s.name)}`,
          `--name ${q(c.name)}`,
          `--value ${q(c.value)}`,
          '--output none',
        ]),
      );
    }
    if (model.access.mode === 'public') {
      for (const r of model.access.firewallRules) {
        lines.push(
          cmd([
            'az postgres flexible-server firewall-rule create',
            `--resource-group ${rg(s.loc)}`,
            `--name ${q(s.name)}`,
            `--rule-name ${q(r.name)}`,
            `--start-ip-address ${q(r.startIp)}`,
            `--end-ip-address ${q(r.endIp)}`,
            '--output none',
          ]),
        );
      }
    }
    lines.push(
      `az postgres flexible-server show --resource-group ${rg(s.loc)} --name ${q(s.name)} --query '{fqdn: fullyQualifiedDomainName, id: id}' --output json`,
    );
  }
  return [{ path: 'deploy.sh', contents: `${lines.join('\n')}\n` }];
}
