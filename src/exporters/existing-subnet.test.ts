/**
 * Issue 13, defect 6: an existing delegated subnet keeps everything the plan doesn't own, and ARM and Bicep deploy
 * into another resource group than the plan names.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { armTemplate } from './arm/index';
import { bicepFiles } from './bicep/index';
import { terraformFiles } from './terraform/index';
import { examplePlan, planOf } from './test-plans';
import type { ExportFile } from './types';

/** Hub and spoke with the server VNet and its delegated subnet existing already (the subnet has an NSG planned). */
function existingSubnetPlan(nsg = true): Plan {
  const base = examplePlan('hub-and-spoke');
  if (base.access.mode !== 'private') throw new Error('a private example');
  const a = base.access;
  return planOf({
    ...base,
    access: {
      ...a,
      vnet: { ...a.vnet, existing: true },
      delegatedSubnet: { ...a.delegatedSubnet, existing: true, nsg: nsg ? a.delegatedSubnet.nsg : null },
    },
  });
}

interface Resource {
  type: string;
  name: string;
  resourceGroup?: string;
  dependsOn?: string[];
  properties: {
    expressionEvaluationOptions?: { scope: string };
    parameters?: Record<string, { value: unknown }>;
    template?: { parameters: Record<string, { type: string }>; resources: Resource[] };
  } & Record<string, unknown>;
}

const contents = (files: ExportFile[], path: string) => files.find((f) => f.path === path)?.contents ?? '';
const SUBNET_ID =
  "resourceId(parameters('subscriptionId'), 'rg-orders-network', 'Microsoft.Network/virtualNetworks/subnets', " +
  "'vnet-orders-data', 'snet-postgres')";

describe('an existing delegated subnet keeps what the plan does not own (issue 13, defect 6)', () => {
  it('ARM: an inner-scoped deployment reads the live subnet and re-PUTs its properties with the changes merged', () => {
    const top = armTemplate(existingSubnetPlan()).resources as Resource[];
    const deployment = top.find((r) => r.name === 'pgflex-subnet-vnet-orders-data-snet-postgres');
    expect(deployment?.resourceGroup).toBe('rg-orders-network');
    expect(deployment?.properties.expressionEvaluationOptions).toEqual({ scope: 'inner' });
    // Read in the outer scope, where the template's parameters resolve.
    expect(deployment?.properties.parameters?.liveSubnetProperties).toEqual({
      value: `[reference(${SUBNET_ID}, '2025-07-01')]`,
    });
    expect(deployment?.properties.template?.parameters.liveSubnetProperties).toMatchObject({ type: 'object' });
    const subnets = (deployment?.properties.template?.resources ?? []).filter((r) => r.type.endsWith('/subnets'));
    expect(subnets).toHaveLength(1);
    const properties = subnets[0]!.properties as unknown as string;
    // The live properties first, the plan's changes over them: nothing else is replaced.
    expect(properties.startsWith("[union(parameters('liveSubnetProperties'), createObject('delegations', ")).toBe(true);
    // The delegation only when the subnet has none; Microsoft.Storage added to the live endpoints when missing.
    expect(properties).toContain(
      "if(empty(if(contains(parameters('liveSubnetProperties'), 'delegations'), " +
        "parameters('liveSubnetProperties').delegations, createArray())), createArray(createObject('name', " +
        "'dlg-Microsoft.DBforPostgreSQL-flexibleServers'",
    );
    expect(properties).toContain(
      "lambda('e', equals(toLower(lambdaVariables('e').service), 'microsoft.storage')))), concat(" +
        "if(contains(parameters('liveSubnetProperties'), 'serviceEndpoints'), " +
        "parameters('liveSubnetProperties').serviceEndpoints, createArray()), " +
        "createArray(createObject('service', 'Microsoft.Storage')))",
    );
    // The plan's NSG replaces the live one; no address prefix is written (the live one stays).
    expect(properties).toContain("'networkSecurityGroup', createObject('id', resourceId(");
    expect(properties).not.toContain('addressPrefix');
    // Nowhere else is the subnet PUT.
    const all = JSON.stringify(top);
    expect(all.match(/"type":"Microsoft\.Network\/virtualNetworks\/subnets"/g)).toHaveLength(1);
  });

  it('ARM: without a planned NSG the live one stays (the changes name no NSG)', () => {
    const top = armTemplate(existingSubnetPlan(false)).resources as Resource[];
    const deployment = top.find((r) => r.name === 'pgflex-subnet-vnet-orders-data-snet-postgres')!;
    const subnet = deployment.properties.template!.resources.find((r) => r.type.endsWith('/subnets'))!;
    expect(subnet.properties as unknown as string).not.toContain('networkSecurityGroup');
  });

  it('Bicep: an existing subnet resource, and a module that writes its properties back with the changes', () => {
    const files = bicepFiles(existingSubnetPlan());
    const main = contents(files, 'main.bicep');
    expect(main).toContain(
      "resource liveServerVnet 'Microsoft.Network/virtualNetworks@2025-07-01' existing = {\n" +
        "  name: 'vnet-orders-data'\n  scope: resourceGroup(subscriptionId, 'rg-orders-network')\n}",
    );
    expect(main).toContain(
      "resource liveDelegatedSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' existing = {\n" +
        "  parent: liveServerVnet\n  name: 'snet-postgres'\n}",
    );
    expect(main).toContain('    liveSubnetProperties: liveDelegatedSubnet.properties\n');
    const module = contents(files, 'modules/pgflex-subnet-vnet-orders-data-snet-postgres.bicep');
    expect(module).toContain('param liveSubnetProperties object');
    expect(module).toContain('  properties: union(liveSubnetProperties, {\n');
    expect(module).toContain("e => toLower(e.service) == 'microsoft.storage'");
    expect(module).not.toContain('addressPrefix');
  });

  it('Terraform: imports the subnet, its NSG association and NSG only when they exist (Terraform 1.7)', async () => {
    const files = terraformFiles(existingSubnetPlan());
    const main = (await parse('main.tf', contents(files, 'main.tf'))) as {
      import: { to: string; id: string; for_each?: string }[];
      data: { azurerm_subnet: Record<string, unknown> };
    };
    expect(main.import.map((i) => i.to)).toEqual([
      '${azurerm_subnet.postgres}',
      '${azurerm_subnet_network_security_group_association.postgres}',
      '${azurerm_network_security_group.postgres}',
    ]);
    expect(main.import[1]?.for_each).toBe(
      '${length(compact([data.azurerm_subnet.postgres_live.network_security_group_id])) > 0 ? toset(["/subscriptions/' +
        '${var.subscription_id}/resourceGroups/rg-orders-network/providers/Microsoft.Network/virtualNetworks/' +
        'vnet-orders-data/subnets/snet-postgres"]) : toset([])}',
    );
    expect(Object.keys(main.data.azurerm_subnet)).toEqual(['postgres_live']);
    expect(contents(files, 'versions.tf')).toContain('required_version = ">= 1.7"');
    expect(contents(files, 'main.tf')).toContain(
      'the first plan shows as changes whatever the live subnet has that this configuration does not write',
    );
  });

  it('Terraform: the configuration with its imports is terraform fmt clean (when terraform is on PATH)', () => {
    if (spawnSync('terraform', ['version']).status !== 0) {
      console.log('terraform binary not on PATH: terraform fmt -check skipped');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'pgflex-existing-subnet-'));
    try {
      for (const f of terraformFiles(existingSubnetPlan())) writeFileSync(join(dir, f.path), f.contents);
      const run = spawnSync('terraform', ['fmt', '-check', '-diff', dir], { encoding: 'utf8' });
      expect(run.stdout).toBe('');
      expect(run.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Terraform: a new subnet imports nothing', () => {
    expect(contents(terraformFiles(examplePlan('hub-and-spoke')), 'main.tf')).not.toContain('import {');
  });
});

describe('ARM and Bicep deploy into another resource group than the plan names (issue 13, defect 6)', () => {
  // Every resource of this example is in rg-platform, the deployment's group.
  const plan = examplePlan('eight-subnets');

  it("ARM: no dependsOn, property or output names the plan's group; the parameter defaults to the deployment's", () => {
    const template = armTemplate(plan);
    const expressions = JSON.stringify({ resources: template.resources, outputs: template.outputs });
    expect(expressions).not.toContain("'rg-platform'");
    expect(expressions).toContain("resourceId(parameters('subscriptionId'), parameters('resourceGroupName'), ");
    expect((template.parameters as Record<string, { defaultValue: string }>).resourceGroupName?.defaultValue).toBe(
      '[resourceGroup().name]',
    );
  });

  it("Bicep: neither; the plan's group is only metadata and the deploy command", () => {
    const main = contents(bicepFiles(plan), 'main.bicep');
    expect(main.split('\n').filter((l) => l.includes('rg-platform'))).toEqual([
      expect.stringMatching(/^\/\/ Deploy: az deployment group create --resource-group 'rg-platform' /) as unknown,
      "metadata resourceGroup = 'rg-platform'",
      "@description('Resource group the deployment targets, for the resources the plan puts in rg-platform " +
        "(default: the deployment\\'s).')",
    ]);
    expect(main).toContain('param resourceGroupName string = resourceGroup().name');
  });
});
