import { parse } from '@cdktf/hcl2json';
import { describe, expect, it } from 'vitest';
import { largePlan } from '../../domain/samples';
import { examplePlan, examplePlans, planOf } from '../test-plans';
import type { ExportFile } from '../types';
import { terraformFiles } from './index';
import { checkArgs, fmtCheck, parseAll, terraform, type Json } from './testing/provider-args';

const cases = examplePlans().flatMap((e) => ([5, 4] as const).map((major) => [e.name, major, e.plan] as const));

describe('Terraform export', () => {
  it.each(cases)(
    '%s (azurerm %s): every resource and argument exists in the provider reference, and it parses',
    async (_name, major, plan) => {
      const files = terraformFiles(plan, { providerMajor: major });
      expect(files.map((f) => f.path)).toEqual([
        'versions.tf',
        'variables.tf',
        'main.tf',
        'outputs.tf',
        'terraform.tfvars.example',
      ]);
      expect(await checkArgs(files, major)).toEqual([]);
    },
  );

  it.each(cases)(
    '%s (azurerm %s): every provider block registers what 5.x no longer registers',
    async (_n, major, plan) => {
      const versions = (await parse('versions.tf', terraformFiles(plan, { providerMajor: major })[0]!.contents)) as {
        provider: { azurerm: { resource_providers_to_register?: string[] }[] };
      };
      for (const p of versions.provider.azurerm) {
        // 4.x registers its legacy set itself, which holds both.
        if (major === 4) expect(p.resource_providers_to_register).toBeUndefined();
        else expect(p.resource_providers_to_register).toEqual(['Microsoft.DBforPostgreSQL', 'Microsoft.Network']);
      }
    },
  );

  it('the argument check catches an argument the provider does not have', async () => {
    const files = terraformFiles(examplePlan('eight-subnets'), { providerMajor: 5 });
    const main = files.find((f) => f.path === 'main.tf')!;
    main.contents = main.contents.replace('registration_enabled', 'registration_enabld');
    expect((await checkArgs(files, 5)).join('\n')).toContain('registration_enabld');
    // and v4 arguments are not valid for v5
    expect(await checkArgs(terraformFiles(examplePlan('eight-subnets'), { providerMajor: 4 }), 5)).not.toEqual([]);
  });

  it.each(cases)('%s (azurerm %s) is terraform fmt clean', (_name, major, plan) => {
    if (!terraform) {
      console.log('terraform binary not on PATH: terraform fmt -check skipped');
      return;
    }
    expect(fmtCheck(terraformFiles(plan, { providerMajor: major }))).toBe('');
  });

  it('the large plan parses and is fmt clean', async () => {
    const files = terraformFiles(largePlan(1));
    expect(await checkArgs(files, 5)).toEqual([]);
    if (terraform) expect(fmtCheck(files)).toBe('');
    else console.log('terraform binary not on PATH: terraform fmt -check skipped');
  }, 120_000);

  it('provider pinned per major; link and service endpoint arguments differ', () => {
    const v5 = terraformFiles(examplePlan('eight-subnets'));
    const v4 = terraformFiles(examplePlan('eight-subnets'), { providerMajor: 4 });
    const file = (files: ExportFile[], path: string) => files.find((f) => f.path === path)!.contents;
    expect(file(v5, 'versions.tf')).toContain('version = "~> 5.2"');
    expect(file(v4, 'versions.tf')).toContain('version = "~> 4.81"');
    expect(file(v5, 'main.tf')).toContain('private_dns_zone_id  = azurerm_private_dns_zone.postgres.id');
    expect(file(v5, 'main.tf')).toMatch(/service_endpoint \{\n\s+service = "Microsoft.Storage"/);
    expect(file(v4, 'main.tf')).toContain('private_dns_zone_name = azurerm_private_dns_zone.postgres.name');
    expect(file(v4, 'main.tf')).toContain('service_endpoints    = ["Microsoft.Storage"]');
  });

  it('public network access: false with a delegated subnet; with public access, as the plan says', async () => {
    for (const { plan } of examplePlans()) {
      const parsed = await parseAll(terraformFiles(plan));
      const servers = (parsed['main.tf']!.resource as Record<string, Record<string, Json[]>>)
        .azurerm_postgresql_flexible_server!;
      const open = plan.access.mode === 'public' && plan.access.publicNetworkAccess;
      for (const [body] of Object.values(servers)) {
        expect('delegated_subnet_id' in body!).toBe(plan.access.mode === 'private');
        expect(body!.public_network_access_enabled).toBe(open);
      }
    }
  });

  it('public access: no firewall rule the user did not ask for; Azure services as 0.0.0.0', async () => {
    const base = examplePlan('public-office');
    const count = async (plan: typeof base) => {
      const parsed = await parseAll(terraformFiles(plan));
      const rules = (parsed['main.tf']!.resource as Record<string, Record<string, Json[]>>)
        .azurerm_postgresql_flexible_server_firewall_rule!;
      // hcl2json orders resources by label
      return Object.values(rules).map(([b]) => [b!.name, b!.start_ip_address, b!.end_ip_address]);
    };
    expect(await count(base)).toEqual([
      ['ci-runners', '192.0.2.32', '192.0.2.63'],
      ['office-cork', '198.51.100.7', '198.51.100.7'],
      ['office-dublin', '203.0.113.0', '203.0.113.15'],
    ]);
    const withAzure = planOf({ ...base, access: { mode: 'public', firewallRules: [], allowAzureServices: true } });
    expect(await count(withAzure)).toEqual([['AllowAllAzureServicesAndResourcesWithinAzureIps', '0.0.0.0', '0.0.0.0']]);
  });

  it('the password is a sensitive variable without a default', async () => {
    const parsed = await parseAll(terraformFiles(examplePlan('hub-and-spoke')));
    const vars = parsed['variables.tf']!.variable as Record<string, Json[]>;
    expect(vars.administrator_password![0]).toMatchObject({ sensitive: true });
    expect(vars.administrator_password![0]).not.toHaveProperty('default');
  });

  it('cross-subscription zone and peered VNets use provider aliases; an existing subnet is imported', async () => {
    const base = examplePlan('hub-and-spoke');
    if (base.access.mode !== 'private') throw new Error('private example expected');
    const plan = planOf({
      ...base,
      access: {
        ...base.access,
        vnet: { ...base.access.vnet, existing: true },
        delegatedSubnet: { ...base.access.delegatedSubnet, existing: true },
        privateDnsZone: {
          ...base.access.privateDnsZone!,
          existing: true,
          subscription: '11111111-2222-3333-4444-555555555555',
        },
      },
    });
    const files = terraformFiles(plan);
    expect(await checkArgs(files, 5)).toEqual([]);
    const main = files.find((f) => f.path === 'main.tf')!.contents;
    expect(main).toContain('provider             = azurerm.private_dns_zone');
    expect(main).toContain('import {\n  to = azurerm_subnet.postgres');
    expect(main).toContain(
      'private_dns_zone_id = "/subscriptions/${var.private_dns_zone_subscription_id}/resourceGroups/rg-hub-dns/',
    );
    expect(files.find((f) => f.path === 'versions.tf')!.contents).toMatch(/alias += "private_dns_zone"/);
    if (terraform) expect(fmtCheck(files)).toBe('');
  });

  it('hcl2json sees the same resource count as written', async () => {
    const files = terraformFiles(examplePlan('hub-and-spoke'));
    const main = files.find((f) => f.path === 'main.tf')!.contents;
    const written = (main.match(/^resource "/gm) ?? []).length;
    const parsed = await parseAll(files);
    const counted = Object.values(parsed['main.tf']!.resource as Record<string, Record<string, unknown>>).reduce(
      (n, byName) => n + Object.keys(byName).length,
      0,
    );
    expect(counted).toBe(written);
    expect(written).toBeGreaterThan(10);
  });
});
