/**
 * A peering that uses the remote VNet's gateway (`useRemoteGateways`) is refused by Azure unless the remote's
 * reverse peering already exists with `allowGatewayTransit` (az CLI `network vnet peering create` help). In the
 * hub-and-spoke example the server VNet uses the hub's gateway: every format must create the hub's side first.
 */
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { armFiles } from './arm/index';
import { azcliFiles } from './azcli/index';
import { bicepFiles } from './bicep/index';
import { fakeAzDir } from './testing/fake-az';
import { examplePlan } from './test-plans';
import { terraformFiles } from './terraform/index';

const plan = examplePlan('hub-and-spoke');
const contents = (files: { path: string; contents: string }[], path: string) =>
  files.find((f) => f.path === path)!.contents;

interface ArmResource {
  type: string;
  name: string;
  dependsOn?: string[];
  properties?: {
    useRemoteGateways?: boolean;
    allowGatewayTransit?: boolean;
    template?: { resources: ArmResource[] };
  };
}

describe('the peering that uses the hub gateway comes after the hub side that offers transit', () => {
  it('ARM: its nested deployment depends on the one holding the hub side', () => {
    const template = JSON.parse(contents(armFiles(plan), 'azuredeploy.json')) as { resources: ArmResource[] };
    const deployments = template.resources.filter((r) => r.type === 'Microsoft.Resources/deployments');
    const holder = (pick: (p: ArmResource) => boolean) =>
      deployments.find((d) => d.properties?.template?.resources.some((r) => r.type.endsWith('Peerings') && pick(r)));
    const user = holder((p) => p.properties?.useRemoteGateways === true);
    const offer = holder((p) => p.properties?.allowGatewayTransit === true);
    expect(user).toBeDefined();
    expect(offer).toBeDefined();
    expect(user!.dependsOn).toContain(offer!.name);
    // and the server waits for it: nothing else runs on the server VNet meanwhile
    const server = template.resources.find((r) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers')!;
    expect(server.dependsOn).toContain(user!.name);
  });

  it('Bicep: its module depends on the module holding the hub side', () => {
    const files = bicepFiles(plan);
    const moduleOf = (needle: string) =>
      files
        .find((f) => f.path.startsWith('modules/') && f.contents.includes(needle))!
        .path.replace(/^modules\/|\.bicep$/g, '');
    const user = moduleOf('useRemoteGateways: true');
    const offer = moduleOf('allowGatewayTransit: true');
    const main = contents(files, 'main.bicep');
    const block = main.slice(main.indexOf(`name: '${user}'`));
    const dependsOn = block.slice(block.indexOf('dependsOn: ['), block.indexOf(']'));
    const offerSym = /module (\w+) '[^']+' = \{\n {2}name: '([^']+)'/g;
    const symbols = new Map([...main.matchAll(offerSym)].map((m) => [m[2]!, m[1]!]));
    expect(dependsOn).toContain(symbols.get(offer)!);
  });

  it('Terraform: it depends on the hub side', async () => {
    const hcl = (await parse('main.tf', contents(terraformFiles(plan), 'main.tf'))) as {
      resource: {
        azurerm_virtual_network_peering: Record<
          string,
          { use_remote_gateways: boolean; allow_gateway_transit: boolean; depends_on?: string[] }[]
        >;
      };
    };
    const peerings = Object.entries(hcl.resource.azurerm_virtual_network_peering).map(([label, [p]]) => ({
      label,
      ...p!,
    }));
    const user = peerings.find((p) => p.use_remote_gateways)!;
    const offer = peerings.find((p) => p.allow_gateway_transit)!;
    expect(user.depends_on).toEqual([`\${azurerm_virtual_network_peering.${offer.label}}`]);
  });

  it('Azure CLI: the hub side is created first', () => {
    const az = fakeAzDir();
    try {
      const run = az.runScript(contents(azcliFiles(plan), 'deploy.sh'));
      const peerings = run.calls.filter((c) => c.command === 'network vnet peering create');
      const value = (i: number, name: string) => peerings[i]!.argv.find((w) => w.startsWith(`${name}=`));
      const user = peerings.findIndex((_, i) => value(i, '--use-remote-gateways') === '--use-remote-gateways=true');
      const offer = peerings.findIndex(
        (_, i) => value(i, '--allow-gateway-transit') === '--allow-gateway-transit=true',
      );
      expect(user).toBeGreaterThanOrEqual(0);
      expect(offer).toBeGreaterThanOrEqual(0);
      expect(offer).toBeLessThan(user);
    } finally {
      az.dispose();
    }
  });
});
