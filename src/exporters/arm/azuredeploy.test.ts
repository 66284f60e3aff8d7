import { describe, expect, it } from 'vitest';
import { API_VERSIONS, ARM_TEMPLATE_SCHEMA, DEPLOYMENTS_API_VERSION } from '../../domain/azure';
import { largePlan } from '../../domain/samples';
import { examplePlan, examplePlans, planOf } from '../test-plans';
import { armFiles, armTemplate } from './index';
import { allResources, validateTemplate, type Resource } from './testing/validate-template';

describe('ARM export', () => {
  it.each(examplePlans().map((e) => [e.name, e.plan] as const))(
    '%s validates against the official schemas',
    (_name, plan) => {
      const template = armTemplate(plan);
      expect(template.$schema).toBe(ARM_TEMPLATE_SCHEMA);
      expect(validateTemplate(template)).toEqual([]);
    },
  );

  it('an existing server VNet and subnet (its live properties merged in a nested deployment) validate too', () => {
    const base = examplePlan('hub-and-spoke');
    if (base.access.mode !== 'private') throw new Error('a private example');
    const a = base.access;
    const plan = planOf({
      ...base,
      access: { ...a, vnet: { ...a.vnet, existing: true }, delegatedSubnet: { ...a.delegatedSubnet, existing: true } },
    });
    const template = armTemplate(plan);
    expect(JSON.stringify(template)).toContain("union(parameters('liveSubnetProperties')");
    expect(validateTemplate(template)).toEqual([]);
  });

  it('the large plan validates too', () => {
    expect(validateTemplate(armTemplate(largePlan(1)))).toEqual([]);
  });

  it('the schema check catches a broken resource', () => {
    const template = armTemplate(examplePlan('public-office'));
    const rule = (template.resources as Resource[]).find((r) => r.type.endsWith('/firewallRules'))!;
    (rule.properties as Record<string, unknown>).startIpAddress = '2001:db8::1';
    expect(validateTemplate(template).join('\n')).toMatch(/firewallRules/);
  });

  it('uses the pinned API versions', () => {
    const resources = allResources(armTemplate(examplePlan('hub-and-spoke')).resources as Resource[]);
    for (const r of resources) {
      const expected = r.type.startsWith('Microsoft.DBforPostgreSQL')
        ? API_VERSIONS.postgres
        : r.type.startsWith('Microsoft.Network/privateDnsZones')
          ? API_VERSIONS.privateDns
          : r.type === 'Microsoft.Resources/deployments'
            ? DEPLOYMENTS_API_VERSION
            : API_VERSIONS.network;
      expect(r.apiVersion, r.type).toBe(expected);
    }
  });

  it('private access: subnet and zone set together, public access disabled, server depends on links and subnet', () => {
    const template = armTemplate(examplePlan('eight-subnets'));
    const resources = template.resources as Resource[];
    const server = resources.find((r) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers')!;
    const network = (server.properties as { network: Record<string, string> }).network;
    expect(network.delegatedSubnetResourceId).toContain(
      "'Microsoft.Network/virtualNetworks/subnets', 'vnet-platform', 'postgres'",
    );
    expect(network.privateDnsZoneArmResourceId).toContain("'pg-platform.private.postgres.database.azure.com'");
    expect(network.publicNetworkAccess).toBe('Disabled');
    expect(
      server.dependsOn!.some((d) =>
        d.includes("'Microsoft.Network/virtualNetworks/subnets', 'vnet-platform', 'postgres'"),
      ),
    ).toBe(true);
    expect(server.dependsOn!.some((d) => d.includes("'Microsoft.Network/privateDnsZones/virtualNetworkLinks'"))).toBe(
      true,
    );
    const subnet = resources.find(
      (r) => r.type === 'Microsoft.Network/virtualNetworks/subnets' && r.name.includes("'postgres'"),
    )!;
    expect(subnet.properties).toMatchObject({
      delegations: [{ properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }],
      serviceEndpoints: [{ service: 'Microsoft.Storage' }],
    });
    // The other subnets of the new VNet are created too, one after the other.
    const subnets = resources.filter((r) => r.type === 'Microsoft.Network/virtualNetworks/subnets');
    expect(subnets).toHaveLength(8);
    const link = resources.find((r) => r.type === 'Microsoft.Network/privateDnsZones/virtualNetworkLinks')!;
    expect(link.properties).toMatchObject({ registrationEnabled: false });
  });

  it(
    'hub and spoke: resources of other resource groups go into nested ' + 'deployments, links for every zoneLink VNet',
    () => {
      const template = armTemplate(examplePlan('hub-and-spoke'));
      const top = template.resources as Resource[];
      const deployments = top.filter((r) => r.type === 'Microsoft.Resources/deployments');
      expect(deployments.map((d) => [d.name, d.resourceGroup])).toEqual([
        ['pgflex-vnet-orders-data', 'rg-orders-network'],
        ['pgflex-dns-zone', 'rg-hub-dns'],
        // the hub's peerings (to the server VNet, then the other spoke), the other spoke's (to each of them)
        ['pgflex-peerings-rg-hub-network', 'rg-hub-network'],
        ['pgflex-peerings-rg-spoke-2', 'rg-spoke-2'],
        // the server VNet's peering that uses the hub's gateway, after the hub's side
        ['pgflex-peering-vnet-orders-data-to-vnet-hub', 'rg-orders-network'],
      ]);
      const links = allResources(top).filter((r) => r.type.endsWith('virtualNetworkLinks'));
      expect(links.map((l) => l.name)).toEqual([
        "[format('{0}/{1}', 'contoso-orders.private.postgres.database.azure.com', 'vnet-orders-data-link')]",
        "[format('{0}/{1}', 'contoso-orders.private.postgres.database.azure.com', 'vnet-hub-link')]",
        "[format('{0}/{1}', 'contoso-orders.private.postgres.database.azure.com', 'vnet-spoke-2-link')]",
      ]);
      const peerings = allResources(top).filter((r) => r.type.endsWith('virtualNetworkPeerings'));
      expect(peerings).toHaveLength(6);
      const toHub = peerings.find((p) => p.name.includes("'vnet-orders-data-to-vnet-hub'"))!;
      expect(toHub.properties).toMatchObject({ useRemoteGateways: true, allowForwardedTraffic: true });
      const fromHub = peerings.find((p) => p.name.includes("'vnet-hub-to-vnet-orders-data'"))!;
      expect(fromHub.properties).toMatchObject({ allowGatewayTransit: true, useRemoteGateways: false });
      const server = top.find((r) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers')!;
      expect(server.dependsOn).toEqual(
        expect.arrayContaining([
          'pgflex-vnet-orders-data',
          'pgflex-dns-zone',
          'pgflex-peering-vnet-orders-data-to-vnet-hub',
        ]),
      );
      expect(template.outputs).toMatchObject({
        serverFqdn: { type: 'string', value: expect.stringContaining('fullyQualifiedDomainName') as unknown },
        serverResourceId: { type: 'string' },
      });
    },
  );

  it(
    'public access: firewall rules kept by name, Azure services as 0.0.0.0, ' + 'public access enabled, no other rule',
    () => {
      const base = examplePlan('public-office');
      const plan = planOf({ ...base, access: { ...base.access, allowAzureServices: true } });
      const resources = armTemplate(plan).resources as Resource[];
      const rules = resources.filter((r) => r.type.endsWith('/firewallRules'));
      expect(rules.map((r) => [r.name, r.properties])).toEqual([
        [
          "[format('{0}/{1}', parameters('serverName'), 'office-dublin')]",
          { startIpAddress: '203.0.113.0', endIpAddress: '203.0.113.15' },
        ],
        [
          "[format('{0}/{1}', parameters('serverName'), 'office-cork')]",
          { startIpAddress: '198.51.100.7', endIpAddress: '198.51.100.7' },
        ],
        [
          "[format('{0}/{1}', parameters('serverName'), 'ci-runners')]",
          { startIpAddress: '192.0.2.32', endIpAddress: '192.0.2.63' },
        ],
        [
          "[format('{0}/{1}', parameters('serverName'), 'AllowAllAzureServicesAndResourcesWithinAzureIps')]",
          { startIpAddress: '0.0.0.0', endIpAddress: '0.0.0.0' },
        ],
      ]);
      const server = resources.find((r) => r.type === 'Microsoft.DBforPostgreSQL/flexibleServers')!;
      expect((server.properties as { network: unknown }).network).toEqual({ publicNetworkAccess: 'Enabled' });
      expect(resources.some((r) => r.type.startsWith('Microsoft.Network'))).toBe(false);
    },
  );

  it('the password is a secure parameter and never a literal', () => {
    const [template, parameters] = armFiles(examplePlan('public-office'));
    const t = JSON.parse(template!.contents) as {
      parameters: Record<string, { type: string; defaultValue?: unknown }>;
    };
    expect(t.parameters.administratorLoginPassword).toEqual({
      type: 'securestring',
      metadata: expect.anything() as unknown,
    });
    expect(parameters!.contents).not.toContain('administratorLoginPassword');
  });

  it('TLS parameters: max version only when set', () => {
    const base = examplePlan('public-office');
    const names = (plan: typeof base) =>
      (armTemplate(plan).resources as Resource[]).filter((r) => r.type.endsWith('/configurations')).map((r) => r.name);
    expect(names(base)).toHaveLength(2);
    const withMax = planOf({
      ...base,
      tls: { requireSecureTransport: false, minVersion: 'TLSv1.3', maxVersion: 'TLSv1.3' },
    });
    expect(names(withMax)).toEqual([
      "[format('{0}/{1}', parameters('serverName'), 'require_secure_transport')]",
      "[format('{0}/{1}', parameters('serverName'), 'ssl_min_protocol_version')]",
      "[format('{0}/{1}', parameters('serverName'), 'ssl_max_protocol_version')]",
    ]);
  });

  it('error findings go into the metadata', () => {
    const template = armTemplate(examplePlan('public-office'), {
      errors: [{ ruleId: 'PGN-001', severity: 'error', message: 'Bad\nname', path: 'servers.0.name', docs: '' }],
    });
    expect((template.metadata as { errors: string[] }).errors).toEqual([
      'WARNING: exported although the plan has 1 error finding; Azure is expected to reject it:',
      'PGN-001 servers.0.name: Bad name',
    ]);
  });

  it('is deterministic', () => {
    const plan = examplePlan('hub-and-spoke');
    expect(armFiles(plan)).toEqual(armFiles(structuredClone(plan)));
  });
});
