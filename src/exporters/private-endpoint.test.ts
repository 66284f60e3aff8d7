/**
 * A public-access plan's private endpoint network in every format: the hub plan (static IP, automatic approval,
 * public network access off, new zone) and a variant (manual approval, dynamic IP, public network access on,
 * existing zone).
 */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { privateEndpointHubPlan } from '../domain/testing/private-endpoint-plans';
import { dryRun } from '../deploy/index';
import { armTemplate } from './arm/index';
import { allResources, validateTemplate, type Resource } from './arm/testing/validate-template';
import { scriptSteps } from './azcli/script-steps';
import { EXPORT_FORMATS } from './index';
import { terraformFiles } from './terraform/index';
import { checkArgs, parseAll, type Json } from './terraform/testing/provider-args';
import { planOf } from './test-plans';

const hub = privateEndpointHubPlan();
function variantPlan(): Plan {
  if (hub.access.mode !== 'public') throw new Error('a public-access plan');
  const a = hub.access;
  const zone = a.privateDnsZone ? { ...a.privateDnsZone, existing: true } : null;
  const endpoints = a.privateEndpoints.map((e) => ({ ...e, approval: 'manual' as const, privateIp: '' }));
  return planOf({
    ...hub,
    access: { ...a, publicNetworkAccess: true, privateDnsZone: zone, privateEndpoints: endpoints },
  });
}
const variant = variantPlan();
const PE = 'Microsoft.Network/privateEndpoints';

describe.each([
  ['the hub plan', hub, { manual: false, ip: '10.0.1.10', access: 'Disabled', zoneCreated: true }],
  ['the variant', variant, { manual: true, ip: '', access: 'Enabled', zoneCreated: false }],
] as const)('%s', (_name, plan, want) => {
  it('ARM: the endpoint, its connection, IP and zone group; the zone and link; valid against the schemas', () => {
    const template = armTemplate(plan);
    expect(validateTemplate(template)).toEqual([]);
    const all = allResources(template.resources as Resource[]);
    const pe = all.find((r) => r.type === PE);
    const props = pe?.properties as Record<string, unknown>;
    expect(pe?.location).toBe('westeurope');
    expect(JSON.stringify(props.subnet)).toContain("'vnet-hub', 'snet-private-endpoints')]");
    const connections = (
      want.manual ? props.manualPrivateLinkServiceConnections : props.privateLinkServiceConnections
    ) as { properties: Record<string, unknown> }[] | undefined;
    expect(connections?.[0]?.properties.groupIds).toEqual(['postgresqlServer']);
    expect(String(connections?.[0]?.properties.privateLinkServiceId)).toContain(
      'Microsoft.DBforPostgreSQL/flexibleServers',
    );
    const message = connections?.[0]?.properties.requestMessage as string | undefined;
    expect(message !== undefined).toBe(want.manual);
    if (message !== undefined) expect(message.length).toBeLessThanOrEqual(140);
    expect(
      props[want.manual ? 'privateLinkServiceConnections' : 'manualPrivateLinkServiceConnections'],
    ).toBeUndefined();
    const ip = props.ipConfigurations as { properties: Record<string, string> }[] | undefined;
    if (want.ip === '') expect(ip).toBeUndefined();
    else
      expect(ip?.[0]?.properties).toEqual({
        groupId: 'postgresqlServer',
        memberName: 'postgresqlServer',
        privateIPAddress: want.ip,
      });
    const group = all.find((r) => r.type === `${PE}/privateDnsZoneGroups`);
    expect(JSON.stringify(group?.properties)).toContain('privatelink.postgres.database.azure.com');
    expect(all.some((r) => r.type === 'Microsoft.Network/privateDnsZones')).toBe(want.zoneCreated);
    expect(all.filter((r) => r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks')).toHaveLength(1);
    expect(all.filter((r) => r.type.endsWith('/virtualNetworkPeerings'))).toHaveLength(2);
    // Existing VNets and subnets are referenced, never written.
    expect(
      all.some((r) => r.type.startsWith('Microsoft.Network/virtualNetworks') && !r.type.endsWith('Peerings')),
    ).toBe(false);
    const server = all.find((r) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers');
    expect((server?.properties as { network: unknown }).network).toEqual({ publicNetworkAccess: want.access });
  });

  it('Terraform: azurerm_private_endpoint with the arguments of azurerm 4.x and 5.x', async () => {
    for (const major of [4, 5] as const) {
      const files = terraformFiles(plan, { providerMajor: major });
      expect(await checkArgs(files, major)).toEqual([]);
      const main = (await parseAll(files))['main.tf'] as { resource: Record<string, Record<string, Json[]>> };
      const pe = main.resource.azurerm_private_endpoint?.pe_pg_contoso_ledger?.[0] as Record<string, Json[]>;
      const connection = pe.private_service_connection?.[0] as Json;
      expect(connection.is_manual_connection).toBe(want.manual);
      expect(connection.subresource_names).toEqual(['postgresqlServer']);
      expect(connection.request_message !== undefined).toBe(want.manual);
      expect(pe.private_dns_zone_group?.[0]?.name).toBe('default');
      expect(pe.ip_configuration?.[0]?.private_ip_address).toBe(want.ip || undefined);
      expect(main.resource.azurerm_private_dns_zone !== undefined).toBe(want.zoneCreated);
      const server = Object.values(main.resource.azurerm_postgresql_flexible_server ?? {})[0]?.[0];
      expect(server?.public_network_access_enabled).toBe(want.access === 'Enabled');
    }
  });

  it('Azure CLI: the endpoint with group postgresqlServer and its zone group, each created only when missing', () => {
    const steps = scriptSteps(plan);
    const pe = steps.find((s) => s.type === PE);
    expect(pe?.commands).toMatch(/if ! az network private-endpoint show/);
    expect(pe?.commands).toContain("--group-id='postgresqlServer'");
    expect(pe?.commands).not.toMatch(/--group-id='?sites/);
    expect(pe?.commands.includes('--manual-request=true')).toBe(want.manual);
    expect(pe?.commands.includes('--ip-config')).toBe(want.ip !== '');
    const group = steps.find((s) => s.type === `${PE}/privateDnsZoneGroups`);
    expect(group?.commands).toMatch(
      /az network private-endpoint dns-zone-group create[^]*--private-dns-zone="\$ZONE_ID"/,
    );
    expect(steps.some((s) => s.commands.includes('--public-access=Disabled'))).toBe(want.access === 'Disabled');
    expect(steps.some((s) => s.commands.startsWith('if ! az network private-dns zone show'))).toBe(want.zoneCreated);
  });

  it.each(EXPORT_FORMATS.map((f) => [f.label, f] as const))('passes the %s dry run', (_label, format) => {
    const report = dryRun(plan, format.id, format.files(plan));
    expect(report.refusal).toBeNull();
    expect(report.steps.some((s) => s.type === PE)).toBe(true);
  });
});
