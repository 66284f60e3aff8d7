/**
 * Plan format 2 in every export: peerings between any two VNets of the plan with their own flags, and route tables
 * with their routes and subnets. The plan is a hub with a firewall and two spokes, the server VNet being one of them:
 * each spoke is peered with the hub both ways (forwarded traffic accepted), the spokes not with each other, and a
 * route table on the delegated subnet and one on a subnet of the other spoke send each spoke's traffic for the other
 * to the firewall. The other spoke is in another region and subscription, so that its route table and association
 * are placed and addressed where that VNet is.
 */
import { parse } from '@cdktf/hcl2json';
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { dryRun } from '../deploy/index';
import { editArm } from '../deploy/testing/arm-edit';
import { armFiles } from './arm/index';
import { allResources, validateTemplate, type Resource } from './arm/testing/validate-template';
import { azcliFiles } from './azcli/index';
import { bicepFiles } from './bicep/index';
import { lexBicep } from './bicep-lex';
import { EXPORT_FORMATS } from './index';
import { buildModel } from './model';
import { terraformFiles } from './terraform/index';
import { checkArgs, fmtCheck, terraform, type Json } from './terraform/testing/provider-args';
import { fakeAzDir } from './testing/fake-az';
import { planOf } from './test-plans';
import type { ExportFile } from './types';

const SPOKE_2_SUBSCRIPTION = '2b6f0c1e-4d3a-4e8b-9f21-7a5c3d9e1b04';
const FIREWALL_IP = '10.0.1.4';

/** The hub-and-spoke plan through a firewall; `existing` makes the server VNet and its delegated subnet exist. */
function hubPlan(existing = false): Plan {
  return planOf({
    formatVersion: 2,
    name: 'Hub, firewall and two spokes',
    servers: [{ name: 'pg-spoke-1', region: 'westeurope', resourceGroup: 'rg-spoke-1-data', subscription: '' }],
    access: {
      mode: 'private',
      vnet: {
        name: 'vnet-spoke-1',
        region: 'westeurope',
        resourceGroup: 'rg-spoke-1',
        existing,
        addressSpaces: ['10.1.0.0/16'],
        subnets: [{ name: 'snet-tools', prefix: '10.1.1.0/24' }],
        zoneLink: true,
      },
      delegatedSubnet: { name: 'snet-postgres', prefix: '10.1.0.0/28', existing },
      privateDnsZone: {
        name: 'spokes.private.postgres.database.azure.com',
        existing: false,
        resourceGroup: 'rg-hub',
        subscription: '',
      },
      peeredVnets: [
        {
          name: 'vnet-hub',
          region: 'westeurope',
          resourceGroup: 'rg-hub',
          addressSpaces: ['10.0.0.0/16'],
          subnets: [{ name: 'AzureFirewallSubnet', prefix: '10.0.1.0/26' }],
          appliance: { kind: 'azureFirewall', name: 'afw-hub', privateIp: FIREWALL_IP },
          zoneLink: true,
        },
        {
          name: 'vnet-spoke-2',
          region: 'northeurope',
          resourceGroup: 'rg-spoke-2',
          subscription: SPOKE_2_SUBSCRIPTION,
          addressSpaces: ['10.2.0.0/16'],
          subnets: [{ name: 'snet-app', prefix: '10.2.1.0/24' }],
          zoneLink: true,
        },
      ],
      peerings: [
        { from: 'vnet-spoke-1', to: 'vnet-hub', allowForwardedTraffic: true },
        { from: 'vnet-hub', to: 'vnet-spoke-1', allowForwardedTraffic: true },
        // Spelled in another case than the VNets: Azure matches names in any case, and so does the export.
        { from: 'VNET-SPOKE-2', to: 'vnet-hub', allowForwardedTraffic: true },
        { from: 'vnet-hub', to: 'Vnet-Spoke-2', allowForwardedTraffic: true },
      ],
      routeTables: [
        {
          name: 'rt-spoke-1',
          vnet: 'vnet-spoke-1',
          // The server VNet's other subnet too: created with it, or updated in place when the VNet exists.
          subnets: ['snet-postgres', 'snet-tools'],
          routes: [{ name: 'to-spoke-2', prefix: '10.2.0.0/16', nextHop: 'VirtualAppliance', nextHopIp: FIREWALL_IP }],
        },
        {
          name: 'rt-spoke-2',
          vnet: 'vnet-spoke-2',
          subnets: ['snet-app'],
          routes: [
            { name: 'to-spoke-1', prefix: '10.1.0.0/16', nextHop: 'VirtualAppliance', nextHopIp: FIREWALL_IP },
            { name: 'no-internet', prefix: '0.0.0.0/0', nextHop: 'None' },
          ],
        },
      ],
    },
  });
}

const plan = hubPlan();
const contents = (files: readonly ExportFile[], path: string) => files.find((f) => f.path === path)?.contents ?? '';

describe('ARM', () => {
  const template = JSON.parse(contents(armFiles(plan), 'azuredeploy.json')) as Record<string, unknown> & {
    resources: Resource[];
  };
  const resources = allResources(template.resources);
  const named = (type: string, needle: string) =>
    resources.filter((r) => r.type === type && r.name.includes(`'${needle}'`));
  const deployment = (name: string) => template.resources.find((r) => r.name === name)!;

  it('validates against the ARM schemas', () => {
    expect(validateTemplate(template)).toEqual([]);
  });

  it('peers the other spoke with the hub both ways, with their flags, and the spokes not with each other', () => {
    const peerings = resources.filter((r) => r.type === 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings');
    expect(peerings.map((p) => p.name).sort()).toEqual(
      [
        "[format('{0}/{1}', 'vnet-hub', 'vnet-hub-to-vnet-spoke-1')]",
        "[format('{0}/{1}', 'vnet-hub', 'vnet-hub-to-vnet-spoke-2')]",
        "[format('{0}/{1}', 'vnet-spoke-1', 'vnet-spoke-1-to-vnet-hub')]",
        "[format('{0}/{1}', 'vnet-spoke-2', 'vnet-spoke-2-to-vnet-hub')]",
      ].sort(),
    );
    const flags = { allowForwardedTraffic: true, allowGatewayTransit: false, useRemoteGateways: false };
    const [fromSpoke] = named('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', 'vnet-spoke-2-to-vnet-hub');
    expect(fromSpoke!.properties).toMatchObject({
      ...flags,
      remoteVirtualNetwork: {
        id: "[resourceId(parameters('subscriptionId'), 'rg-hub', 'Microsoft.Network/virtualNetworks', 'vnet-hub')]",
      },
    });
    const [toSpoke] = named('Microsoft.Network/virtualNetworks/virtualNetworkPeerings', 'vnet-hub-to-vnet-spoke-2');
    expect(toSpoke!.properties).toMatchObject({
      ...flags,
      remoteVirtualNetwork: {
        id:
          "[resourceId(parameters('peeredVnet2SubscriptionId'), 'rg-spoke-2', 'Microsoft.Network/virtualNetworks', " +
          "'vnet-spoke-2')]",
      },
    });
    // The spoke's side is deployed to the spoke's subscription and group.
    const holder = template.resources.find((r) =>
      (r.properties?.template?.resources ?? []).some((x) => x.name.includes("'vnet-spoke-2-to-vnet-hub'")),
    ) as Resource & { subscriptionId: string; resourceGroup: string };
    expect([holder.subscriptionId, holder.resourceGroup]).toEqual([
      "[parameters('peeredVnet2SubscriptionId')]",
      'rg-spoke-2',
    ]);
  });

  it('writes each route table in its VNet’s group and region, with its routes', () => {
    const rt1 = resources.find((r) => r.type === 'Microsoft.Network/routeTables' && r.name === 'rt-spoke-1');
    expect(rt1).toMatchObject({
      location: "[parameters('location')]",
      properties: {
        routes: [
          {
            name: 'to-spoke-2',
            properties: {
              addressPrefix: '10.2.0.0/16',
              nextHopType: 'VirtualAppliance',
              nextHopIpAddress: FIREWALL_IP,
            },
          },
        ],
      },
    });
    const rt2 = resources.find((r) => r.type === 'Microsoft.Network/routeTables' && r.name === 'rt-spoke-2')!;
    expect(rt2.location).toBe('northeurope');
    // No next hop address but for a VirtualAppliance route.
    expect((rt2.properties as { routes: unknown[] }).routes).toEqual([
      {
        name: 'to-spoke-1',
        properties: { addressPrefix: '10.1.0.0/16', nextHopType: 'VirtualAppliance', nextHopIpAddress: FIREWALL_IP },
      },
      { name: 'no-internet', properties: { addressPrefix: '0.0.0.0/0', nextHopType: 'None' } },
    ]);
    const holder = deployment('pgflex-route-table-rt-spoke-2') as Resource & { resourceGroup: string };
    expect(holder.resourceGroup).toBe('rg-spoke-2');
  });

  it('puts the route table on the delegated subnet it creates, after the table', () => {
    const [subnet] = named('Microsoft.Network/virtualNetworks/subnets', 'snet-postgres');
    expect(subnet!.properties).toMatchObject({
      routeTable: {
        id: "[resourceId(parameters('subscriptionId'), 'rg-spoke-1', 'Microsoft.Network/routeTables', 'rt-spoke-1')]",
      },
    });
    expect(deployment('pgflex-vnet-spoke-1').dependsOn).toContain('pgflex-route-table-rt-spoke-1');
    // And on the other subnet it creates in the new VNet.
    const [tools] = named('Microsoft.Network/virtualNetworks/subnets', 'snet-tools');
    expect(tools!.properties).toEqual({
      addressPrefix: '10.1.1.0/24',
      routeTable: {
        id: "[resourceId(parameters('subscriptionId'), 'rg-spoke-1', 'Microsoft.Network/routeTables', 'rt-spoke-1')]",
      },
    });
  });

  it('associates the other spoke’s existing subnet in place: read, and written back with the table', () => {
    const d = deployment('pgflex-subnet-vnet-spoke-2-snet-app') as Resource & {
      subscriptionId: string;
      resourceGroup: string;
      properties: { parameters: Record<string, { value: unknown }> };
    };
    expect([d.subscriptionId, d.resourceGroup]).toEqual(["[parameters('peeredVnet2SubscriptionId')]", 'rg-spoke-2']);
    expect(d.properties.parameters.liveSubnetProperties).toEqual({
      value:
        "[reference(resourceId(parameters('peeredVnet2SubscriptionId'), 'rg-spoke-2', " +
        "'Microsoft.Network/virtualNetworks/subnets', 'vnet-spoke-2', 'snet-app'), '2025-07-01')]",
    });
    const [subnet] = d.properties.template!.resources;
    expect(subnet!.properties as unknown).toBe(
      "[union(parameters('liveSubnetProperties'), createObject('routeTable', createObject('id', " +
        "resourceId(parameters('peeredVnet2SubscriptionId'), 'rg-spoke-2', 'Microsoft.Network/routeTables', " +
        "'rt-spoke-2'))))]",
    );
    expect(d.dependsOn).toContain('pgflex-route-table-rt-spoke-2');
    // Nowhere else is that subnet written.
    expect(named('Microsoft.Network/virtualNetworks/subnets', 'snet-app')).toHaveLength(1);
  });

  it('the existing server VNet: the delegated subnet and another existing subnet keep what they have', () => {
    const existing = JSON.parse(contents(armFiles(hubPlan(true)), 'azuredeploy.json')) as Record<string, unknown> & {
      resources: Resource[];
    };
    expect(validateTemplate(existing)).toEqual([]);
    // The delegated subnet's update carries the table with its other changes, over the live properties.
    const delegated = allResources(existing.resources).find(
      (r) => r.type === 'Microsoft.Network/virtualNetworks/subnets' && r.name.includes("'snet-postgres'"),
    )!;
    expect(delegated.properties as unknown).toMatch(
      /^\[union\(parameters\('liveSubnetProperties'\), createObject\('delegations', .*, 'routeTable', createObject\('id', resourceId\(parameters\('subscriptionId'\), 'rg-spoke-1', 'Microsoft.Network\/routeTables', 'rt-spoke-1'\)\)\)\)\]$/,
    );
    const names = existing.resources.filter((r) => r.type === 'Microsoft.Resources/deployments').map((r) => r.name);
    expect(names).toContain('pgflex-subnet-vnet-spoke-1-snet-postgres');
    expect(names).toContain('pgflex-subnet-vnet-spoke-1-snet-tools');
  });
});

describe('Bicep', () => {
  const files = bicepFiles(plan);
  const all = files.map((f) => f.contents).join('\n');

  it('lexes, and writes the peerings, route tables and associations', () => {
    for (const f of files) expect(() => lexBicep(f.contents)).not.toThrow();
    const hubSide = files.find((f) => f.contents.includes("'vnet-hub', 'vnet-hub-to-vnet-spoke-2'"))!.contents;
    expect(hubSide).toMatch(/^\/\/ Module pgflex-[^ ]+ of the plan .*: deployed to resource group rg-hub\.$/m);
    const spokeSide = files.find((f) => f.contents.includes("'vnet-spoke-2', 'vnet-spoke-2-to-vnet-hub'"))!.contents;
    expect(spokeSide).toContain(
      '    allowForwardedTraffic: true\n    allowGatewayTransit: false\n    useRemoteGateways: false\n',
    );
    expect(all).not.toMatch(/vnet-spoke-1-to-vnet-spoke-2|vnet-spoke-2-to-vnet-spoke-1/);
    const rt2 = contents(files, 'modules/pgflex-route-table-rt-spoke-2.bicep');
    expect(rt2).toContain(
      "resource routeTable2 'Microsoft.Network/routeTables@2025-07-01' = {\n  name: 'rt-spoke-2'\n",
    );
    expect(rt2).toContain("  location: 'northeurope'\n");
    expect(rt2).toContain("nextHopIpAddress: '10.0.1.4'");
    expect(contents(files, 'modules/pgflex-vnet-spoke-1.bicep')).toContain(
      '    routeTable: {\n' +
        "      id: resourceId(subscriptionId, 'rg-spoke-1', 'Microsoft.Network/routeTables', 'rt-spoke-1')\n",
    );
    const main = contents(files, 'main.bicep');
    expect(main).toContain(
      "resource livePeered2Vnet 'Microsoft.Network/virtualNetworks@2025-07-01' existing = {\n" +
        "  name: 'vnet-spoke-2'\n  scope: resourceGroup(peeredVnet2SubscriptionId, 'rg-spoke-2')\n}",
    );
    expect(main).toContain('    liveSubnetProperties: liveRoutedSubnet1.properties\n');
    expect(contents(files, 'modules/pgflex-subnet-vnet-spoke-2-snet-app.bicep')).toContain(
      '  properties: union(liveSubnetProperties, {\n    routeTable: {\n      id: resourceId(' +
        "peeredVnet2SubscriptionId, 'rg-spoke-2', 'Microsoft.Network/routeTables', 'rt-spoke-2')\n",
    );
  });

  it('declares an existing VNet once however many of its subnets it reads', () => {
    const main = contents(bicepFiles(hubPlan(true)), 'main.bicep');
    expect(main.match(/^resource liveServerVnet /gm)).toHaveLength(1);
    expect(main).toContain("resource liveDelegatedSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-07-01'");
    expect(main).toMatch(
      /resource liveRoutedSubnet\d 'Microsoft.Network\/virtualNetworks\/subnets@2025-07-01' existing = \{\n {2}parent: liveServerVnet\n {2}name: 'snet-tools'/,
    );
  });
});

describe('Terraform', () => {
  type Main = {
    resource: Record<string, Record<string, Json[]>>;
    data: Record<string, Record<string, Json[]>>;
    import: Json[];
  };
  const mainOf = async (files: ExportFile[]) => (await parse('main.tf', contents(files, 'main.tf'))) as Main;

  it.each([5, 4] as const)('azurerm %s.x: passes the argument checks and terraform fmt', async (major) => {
    for (const p of [plan, hubPlan(true)]) {
      const files = terraformFiles(p, { providerMajor: major });
      expect(await checkArgs(files, major)).toEqual([]);
      if (terraform) expect(fmtCheck(files)).toBe('');
    }
  });

  it('writes the peerings, the route tables with their routes and each association', async () => {
    const main = await mainOf(terraformFiles(plan));
    const peerings = main.resource.azurerm_virtual_network_peering!;
    expect(Object.keys(peerings).sort()).toEqual(
      [
        'vnet_hub_to_vnet_spoke_1',
        'vnet_hub_to_vnet_spoke_2',
        'vnet_spoke_1_to_vnet_hub',
        'vnet_spoke_2_to_vnet_hub',
      ].sort(),
    );
    expect(peerings.vnet_spoke_2_to_vnet_hub![0]).toMatchObject({
      provider: '${azurerm.peered_vnet2}',
      virtual_network_name: 'vnet-spoke-2',
      remote_virtual_network_id: '${local.vnet_hub_id}',
      allow_forwarded_traffic: true,
      allow_gateway_transit: false,
      use_remote_gateways: false,
    });
    expect(peerings.vnet_hub_to_vnet_spoke_2![0]).toMatchObject({
      virtual_network_name: 'vnet-hub',
      remote_virtual_network_id: '${local.vnet_spoke_2_id}',
      allow_forwarded_traffic: true,
    });
    const tables = main.resource.azurerm_route_table!;
    expect(tables.rt_spoke_1![0]).toMatchObject({
      location: '${var.location}',
      route: [
        {
          name: 'to-spoke-2',
          address_prefix: '10.2.0.0/16',
          next_hop_type: 'VirtualAppliance',
          next_hop_in_ip_address: FIREWALL_IP,
        },
      ],
    });
    expect(tables.rt_spoke_2![0]).toMatchObject({
      provider: '${azurerm.peered_vnet2}',
      resource_group_name: 'rg-spoke-2',
      location: 'northeurope',
    });
    expect((tables.rt_spoke_2![0]!.route as Json[])[1]).toEqual({
      name: 'no-internet',
      address_prefix: '0.0.0.0/0',
      next_hop_type: 'None',
    });
    const associations = main.resource.azurerm_subnet_route_table_association!;
    expect(Object.keys(associations).sort()).toEqual(['postgres', 'snet_tools', 'vnet_spoke_2_snet_app']);
    expect(associations.snet_tools![0]).toEqual({
      subnet_id: '${azurerm_subnet.snet_tools.id}',
      route_table_id: '${azurerm_route_table.rt_spoke_1.id}',
    });
    expect(associations.postgres![0]).toEqual({
      subnet_id: '${azurerm_subnet.postgres.id}',
      route_table_id: '${azurerm_route_table.rt_spoke_1.id}',
    });
    expect(associations.vnet_spoke_2_snet_app![0]).toEqual({
      provider: '${azurerm.peered_vnet2}',
      subnet_id:
        '/subscriptions/${var.peered_vnet2_subscription_id}/resourceGroups/rg-spoke-2/providers/Microsoft.Network/' +
        'virtualNetworks/vnet-spoke-2/subnets/snet-app',
      route_table_id: '${azurerm_route_table.rt_spoke_2.id}',
    });
    // An association the live subnet has already is adopted, not created again.
    expect(main.data.azurerm_subnet!.vnet_spoke_2_snet_app_live![0]).toMatchObject({
      provider: '${azurerm.peered_vnet2}',
      name: 'snet-app',
      virtual_network_name: 'vnet-spoke-2',
    });
    expect(main.import.map((i) => i.to)).toEqual(['${azurerm_subnet_route_table_association.vnet_spoke_2_snet_app}']);
    // The server waits for its subnet's table.
    const server = Object.values(main.resource.azurerm_postgresql_flexible_server!)[0]![0]!;
    expect(server.depends_on).toContain('${azurerm_subnet_route_table_association.postgres}');
  });
});

describe('Azure CLI', () => {
  const az = fakeAzDir();
  afterAll(() => az.dispose());
  const script = contents(azcliFiles(plan), 'deploy.sh');

  it('passes bash -n and runs the route tables before the subnets that use them', () => {
    const run = az.runScript(script);
    expect(run.syntax).toEqual({ status: 0, stderr: '' });
    expect(run.run).toEqual({ status: 0, stderr: '' });
    const index = (command: string, option: string, value: string) =>
      run.calls.findIndex(
        (c) => c.command === command && c.options.some((o) => o.name === option && o.values.includes(value)),
      );
    const rt1 = index('network route-table create', '--name', 'rt-spoke-1');
    const rt2 = index('network route-table create', '--name', 'rt-spoke-2');
    const delegated = index('network vnet subnet create', '--name', 'snet-postgres');
    const spokeSubnet = index('network vnet subnet update', '--name', 'snet-app');
    expect(Math.min(rt1, rt2, delegated, spokeSubnet)).toBeGreaterThanOrEqual(0);
    expect(rt1).toBeLessThan(delegated);
    expect(rt2).toBeLessThan(spokeSubnet);
    const update = run.calls[spokeSubnet]!;
    expect(update.argv).toEqual([
      'network',
      'vnet',
      'subnet',
      'update',
      '--resource-group=rg-spoke-2',
      '--vnet-name=vnet-spoke-2',
      '--name=snet-app',
      '--route-table=rt-spoke-2',
      '--output=none',
      `--subscription=${SPOKE_2_SUBSCRIPTION}`,
    ]);
    expect(run.calls[delegated]!.argv).toContain('--route-table=rt-spoke-1');
    const tools = index('network vnet subnet create', '--name', 'snet-tools');
    expect(tools).toBeGreaterThan(rt1);
    expect(run.calls[tools]!.argv).toContain('--route-table=rt-spoke-1');
    expect(run.calls[rt2]!.argv).toEqual(
      expect.arrayContaining(['--location=northeurope', `--subscription=${SPOKE_2_SUBSCRIPTION}`]),
    );
    const routes = run.calls.filter((c) => c.command === 'network route-table route create');
    expect(routes.map((c) => c.options.find((o) => o.name === '--name')?.values[0])).toEqual([
      'to-spoke-2',
      'to-spoke-1',
      'no-internet',
    ]);
    expect(routes[0]!.argv).toContain(`--next-hop-ip-address=${FIREWALL_IP}`);
    expect(routes[2]!.argv.some((w) => w.startsWith('--next-hop-ip-address'))).toBe(false);
    const peerings = run.calls.filter((c) => c.command === 'network vnet peering create');
    const spokePeering = peerings.find((c) => c.argv.includes('--name=vnet-spoke-2-to-vnet-hub'))!;
    expect(spokePeering.argv).toEqual(
      expect.arrayContaining([
        '--vnet-name=vnet-spoke-2',
        '--allow-forwarded-traffic=true',
        '--allow-gateway-transit=false',
        '--use-remote-gateways=false',
        `--subscription=${SPOKE_2_SUBSCRIPTION}`,
      ]),
    );
    expect(peerings.some((c) => c.argv.includes('--name=vnet-hub-to-vnet-spoke-2'))).toBe(true);
    expect(peerings).toHaveLength(4);
  });

  it('a second run sets the tables on subnets that exist already', () => {
    const run = az.runScript(script, { existing: true });
    expect(run.run).toEqual({ status: 0, stderr: '' });
    const delegated = run.calls.find(
      (c) => c.command === 'network vnet subnet update' && c.argv.includes('--name=snet-postgres'),
    );
    expect(delegated?.argv).toContain('--route-table=rt-spoke-1');
    const tools = run.calls.find(
      (c) => c.command === 'network vnet subnet update' && c.argv.includes('--name=snet-tools'),
    );
    expect(tools?.argv).toContain('--route-table=rt-spoke-1');
    expect(run.calls.some((c) => c.command === 'network route-table create')).toBe(false);
  });
});

describe('the deployment dry run', () => {
  const ROUTE_TABLE = 'Microsoft.Network/routeTables';
  const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
  const PEERING = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';

  for (const existing of [false, true]) {
    for (const format of EXPORT_FORMATS) {
      it(`${format.label}${existing ? ', existing server VNet' : ''}: passes, with the new resources`, () => {
        const p = hubPlan(existing);
        const report = dryRun(p, format.id, format.files(p));
        expect(report.refusal, report.refusal?.reason).toBeNull();
        const writes = report.steps.filter((s) => s.action !== 'read');
        expect(
          writes
            .filter((s) => s.type === ROUTE_TABLE)
            .map((s) => s.name)
            .sort(),
        ).toEqual(['rt-spoke-1', 'rt-spoke-2']);
        expect(
          writes
            .filter((s) => s.type === PEERING)
            .map((s) => s.name)
            .filter((n) => n.includes('spoke-2'))
            .sort(),
        ).toEqual(['vnet-hub/vnet-hub-to-vnet-spoke-2', 'vnet-spoke-2/vnet-spoke-2-to-vnet-hub']);
        // The other spoke's subnet gets its table without being replaced.
        const spokeSubnet = writes.filter((s) => s.type === SUBNET && s.name === 'vnet-spoke-2/snet-app');
        expect(spokeSubnet).toHaveLength(1);
        expect(spokeSubnet[0]!.props.routeTable).toMatch(/\/routetables\/rt-spoke-2$/);
        // An association (Terraform) or in-place update (az) targets it; ARM and Bicep carry its live properties.
        const [step] = spokeSubnet;
        expect(step!.target !== undefined || (step!.action === 'update' && step!.props.preservesLiveProperties)).toBe(
          true,
        );
        const delegated = writes.filter(
          (s) => s.type === SUBNET && s.name === 'vnet-spoke-1/snet-postgres' && s.props.routeTable !== undefined,
        );
        expect(delegated.map((s) => s.props.routeTable)).toEqual([expect.stringMatching(/\/routetables\/rt-spoke-1$/)]);
      });
    }
  }

  it('refuses a subnet written before its route table exists', () => {
    const files = editArm(armFiles(plan), (t) => {
      const holder = t.resources.find((r) => r.name === 'pgflex-subnet-vnet-spoke-2-snet-app')!;
      holder.dependsOn = holder.dependsOn!.filter((d) => d !== 'pgflex-route-table-rt-spoke-2');
    });
    const report = dryRun(plan, 'arm', files);
    expect(report.refusal?.constraint.id).toBe('DRY-NSG-ROUTE-TABLE');
    expect(report.refusal?.step.name).toBe('vnet-spoke-2/snet-app');
  });
});

describe('the export model', () => {
  it('skips a peering of an unknown VNet, of a VNet with itself, and a second one of a pair (rules report it)', () => {
    const base = hubPlan();
    if (base.access.mode !== 'private') throw new Error('a private plan');
    const model = buildModel(
      planOf({
        ...base,
        access: {
          ...base.access,
          peerings: [
            ...base.access.peerings,
            { from: 'vnet-gone', to: 'vnet-hub' },
            { from: 'vnet-hub', to: 'VNET-HUB' },
            { from: 'Vnet-Hub', to: 'vnet-spoke-1', allowGatewayTransit: true },
          ],
          routeTables: [
            ...base.access.routeTables,
            { name: 'rt-gone', vnet: 'vnet-gone', subnets: ['snet-x'], routes: [] },
            // A subnet the VNet doesn't have, and one an earlier table has already.
            { name: 'rt-more', vnet: 'vnet-spoke-2', subnets: ['snet-none', 'SNET-APP'], routes: [] },
          ],
        },
      }),
    );
    if (model.access.mode !== 'private') throw new Error('a private model');
    expect(model.access.peerings.map((p) => [p.name, p.allowGatewayTransit])).toEqual([
      ['vnet-spoke-1-to-vnet-hub', false],
      ['vnet-hub-to-vnet-spoke-1', false],
      ['vnet-spoke-2-to-vnet-hub', false],
      ['vnet-hub-to-vnet-spoke-2', false],
    ]);
    expect(model.access.peerings.map((p) => p.onServerVnet)).toEqual([true, false, false, false]);
    expect(model.access.routeTables.map((t) => [t.name, t.vnet.name, t.region])).toEqual([
      ['rt-spoke-1', 'vnet-spoke-1', 'westeurope'],
      ['rt-spoke-2', 'vnet-spoke-2', 'northeurope'],
      ['rt-more', 'vnet-spoke-2', 'northeurope'],
    ]);
    expect(model.access.routeAssociations.map((r) => [r.table, r.vnet.name, r.subnet, r.kind])).toEqual([
      [0, 'vnet-spoke-1', 'snet-postgres', 'delegated'],
      [0, 'vnet-spoke-1', 'snet-tools', 'created'],
      [1, 'vnet-spoke-2', 'snet-app', 'existing'],
    ]);
  });
});
