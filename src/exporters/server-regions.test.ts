/**
 * A public-access plan may place its servers in several regions. Each server is created in its own region in
 * every format (the deployment's `location` is the first server's, which the network resources also use).
 */
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { armFiles } from './arm/index';
import { azcliFiles } from './azcli/index';
import { bicepFiles } from './bicep/index';
import { terraformFiles } from './terraform/index';
import { examplePlan, planOf } from './test-plans';

function twoRegionPlan() {
  const pub = examplePlan('public-office');
  const first = pub.servers[0]!;
  return planOf({
    ...pub,
    servers: [first, { ...first, name: 'pg-fabrikam-replica', region: 'swedencentral' }],
  });
}

const contents = (files: { path: string; contents: string }[], path: string) => {
  const file = files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return file.contents;
};

describe('every server is created in its own region', () => {
  const plan = twoRegionPlan();

  it('ARM: the second server has its region, the first the location parameter', () => {
    const template = JSON.parse(contents(armFiles(plan), 'azuredeploy.json')) as {
      resources: { type: string; location?: string; properties?: { template?: { resources: unknown[] } } }[];
    };
    const all = JSON.stringify(template);
    const servers = [...all.matchAll(/"type":"Microsoft\.DBforPostgreSQL\/flexibleServers","apiVersion":"[^"]+"/g)];
    expect(servers.length).toBeGreaterThanOrEqual(2);
    const locations = [
      ...all.matchAll(/"type":"Microsoft\.DBforPostgreSQL\/flexibleServers"[^{]*?"location":"([^"]+)"/g),
    ].map((m) => m[1]);
    expect(locations).toEqual(["[parameters('location')]", 'swedencentral']);
  });

  it('Bicep: the second server has its region', () => {
    const bicep = contents(bicepFiles(plan), 'main.bicep');
    const locations = [
      ...bicep.matchAll(/Microsoft\.DBforPostgreSQL\/flexibleServers@[^']+' = \{[^]*?location: ([^\n]+)/g),
    ].map((m) => m[1]);
    expect(locations).toEqual(['location', "'swedencentral'"]);
  });

  it('Terraform: the second server has its region', async () => {
    const hcl = (await parse('main.tf', contents(terraformFiles(plan), 'main.tf'))) as {
      resource: { azurerm_postgresql_flexible_server: Record<string, { location: string }[]> };
    };
    const servers = hcl.resource.azurerm_postgresql_flexible_server;
    expect(Object.keys(servers)).toHaveLength(2);
    const locationOf = (label: string) => servers[label]?.[0]?.location;
    expect(locationOf('pg_fabrikam_reporting')).toBe('${var.location}');
    expect(locationOf('pg_fabrikam_replica')).toBe('swedencentral');
  });

  it('Azure CLI: the second server is created with its region', () => {
    const script = contents(azcliFiles(plan), 'deploy.sh');
    // Each command spans several lines joined by a trailing backslash.
    const commands = script.replace(/\\\n\s*/g, ' ').split('\n');
    const creates = commands.filter((l) => l.includes('| az postgres flexible-server create'));
    expect(creates).toHaveLength(2);
    expect(creates[0]).toContain('--location="$LOCATION"');
    expect(creates[1]).toContain("--location='swedencentral'");
  });

  it('the location parameter says which servers it places', () => {
    const template = JSON.parse(contents(armFiles(plan), 'azuredeploy.json')) as {
      parameters: { location: { metadata: { description: string } } };
    };
    expect(template.parameters.location.metadata.description).toContain('servers in other regions have their own');
  });
});
