/**
 * Availability zones: the plan's zone and standby zone reach every format, and Terraform leaves the zones to Azure
 * after creation (a failover swaps them; Azure picks one when the plan doesn't), so a second plan stays empty.
 */
import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema, type Plan, type Server } from '../domain/plan';
import { armFiles } from './arm/index';
import { azcliFiles } from './azcli/index';
import { bicepFiles } from './bicep/index';
import { terraformFiles } from './terraform/index';
import { examplePlan, planOf } from './test-plans';

function withServer(over: Partial<Server>): Plan {
  const pub = examplePlan('public-office');
  return planOf({ ...pub, servers: [{ ...pub.servers[0]!, ...over }] });
}

const file = (files: { path: string; contents: string }[], path: string) =>
  files.find((f) => f.path === path)!.contents;

interface ArmServer {
  type: string;
  properties: { availabilityZone?: string; highAvailability: { mode: string; standbyAvailabilityZone?: string } };
}
const armServer = (plan: Plan): ArmServer['properties'] => {
  const t = JSON.parse(file(armFiles(plan), 'azuredeploy.json')) as { resources: ArmServer[] };
  return t.resources.find((r) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers')!.properties;
};

type TfServer = {
  zone?: string;
  high_availability?: { mode: string; standby_availability_zone?: string }[];
  lifecycle: { ignore_changes: string[] }[];
};
async function tfServer(plan: Plan): Promise<TfServer> {
  const hcl = (await parse('main.tf', file(terraformFiles(plan), 'main.tf'))) as {
    resource: { azurerm_postgresql_flexible_server: Record<string, TfServer[]> };
  };
  return Object.values(hcl.resource.azurerm_postgresql_flexible_server)[0]![0]!;
}

const createCommand = (plan: Plan) =>
  file(azcliFiles(plan), 'deploy.sh')
    .replace(/\s*\\\n\s*/g, ' ')
    .split('\n')
    .find((l) => l.includes('az postgres flexible-server create'))!;

describe('a zone-redundant server in zone 1 with its standby in zone 2', () => {
  const plan = withServer({ highAvailability: 'ZoneRedundant', availabilityZone: '1', standbyAvailabilityZone: '2' });

  it('ARM and Bicep', () => {
    expect(armServer(plan)).toMatchObject({
      availabilityZone: '1',
      highAvailability: { mode: 'ZoneRedundant', standbyAvailabilityZone: '2' },
    });
    const bicep = file(bicepFiles(plan), 'main.bicep');
    expect(bicep).toContain("availabilityZone: '1'");
    expect(bicep).toContain("standbyAvailabilityZone: '2'");
  });

  it('Terraform sets both and ignores later changes of both', async () => {
    const s = await tfServer(plan);
    expect(s.zone).toBe('1');
    expect(s.high_availability?.[0]).toEqual({ mode: 'ZoneRedundant', standby_availability_zone: '2' });
    expect(s.lifecycle[0]!.ignore_changes).toEqual(['${zone}', '${high_availability[0].standby_availability_zone}']);
  });

  it('Azure CLI', () => {
    expect(createCommand(plan)).toContain("--zone='1' --standby-zone='2'");
  });
});

describe('same-zone HA puts the standby in the server zone', () => {
  const plan = withServer({ highAvailability: 'SameZone', availabilityZone: '3' });
  it('in ARM and Terraform', async () => {
    expect(armServer(plan).highAvailability).toEqual({ mode: 'SameZone', standbyAvailabilityZone: '3' });
    expect((await tfServer(plan)).high_availability?.[0]?.standby_availability_zone).toBe('3');
    expect(createCommand(plan)).not.toContain('--standby-zone');
  });
});

describe('no zone in the plan: Azure chooses', () => {
  const plan = withServer({ highAvailability: 'Disabled' });
  it('no zone is written, and Terraform ignores the zone Azure reports', async () => {
    expect(armServer(plan).availabilityZone).toBeUndefined();
    const s = await tfServer(plan);
    expect(s.zone).toBeUndefined();
    expect(s.lifecycle[0]!.ignore_changes).toEqual(['${zone}']);
    expect(createCommand(plan)).not.toContain('--zone');
  });
});

describe('the plan refuses standby zones that cannot be', () => {
  const server = examplePlan('public-office').servers[0]!;
  const issues = (over: Partial<Server>) => {
    const r = PlanDocumentSchema.safeParse({ ...examplePlan('public-office'), servers: [{ ...server, ...over }] });
    return r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
  };
  it('a zone-redundant standby in the server zone', () => {
    const found = issues({ highAvailability: 'ZoneRedundant', availabilityZone: '2', standbyAvailabilityZone: '2' });
    expect(found).toEqual([['servers.0.standbyAvailabilityZone', expect.stringContaining('another zone')]]);
  });
  it('a standby zone without zone-redundant HA', () => {
    const found = issues({ highAvailability: 'Disabled', standbyAvailabilityZone: '2' });
    expect(found).toEqual([['servers.0.standbyAvailabilityZone', expect.stringContaining('Only a zone-redundant')]]);
  });
  it('a zone that is not 1, 2 or 3', () => {
    expect(issues({ availabilityZone: '4' as Server['availabilityZone'] }).map(([p]) => p)).toEqual([
      'servers.0.availabilityZone',
    ]);
  });
});
