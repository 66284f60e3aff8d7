import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { newPublicAccess } from '../domain/new-plan';
import { importDeployed, importDeployedValue } from './import';
import { inventoryProblems, inventoryScript } from './inventory-script';
import { hubSpokeBundle, SUBSCRIPTION } from './testing/bundles';
import { INVENTORY_FORMAT, INVENTORY_VERSION, type ArmResource, type InventoryBundle } from './types';

/** Each run starts node once per az call: slow on a busy machine. */
const RUN_TIMEOUT = 60_000;
const FAKE_AZ = fileURLToPath(new URL('./testing/fake-az.mjs', import.meta.url));
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/**
 * Runs the bash script with a fake `az` first on PATH (written to a scratch folder) that serves `resources` and
 * records every call; `env` sets the fake's switches (see fake-az.mjs).
 */
function runWithFakeAz(script: string, resources: readonly unknown[], env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pgflex-inventory-'));
  folders.push(dir);
  writeFileSync(join(dir, 'az'), `#!/bin/sh\nexec "${process.execPath}" "${FAKE_AZ}" "$@"\n`);
  chmodSync(join(dir, 'az'), 0o755);
  writeFileSync(join(dir, 'resources.json'), JSON.stringify(resources));
  writeFileSync(join(dir, 'inventory.sh'), script);
  const run = spawnSync('bash', [join(dir, 'inventory.sh')], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      TMPDIR: dir,
      AZ_LOG: join(dir, 'calls.log'),
      AZ_RESOURCES: join(dir, 'resources.json'),
      AZ_DEFAULT_SUBSCRIPTION: SUBSCRIPTION,
      ...env,
    },
  });
  const log = existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8') : '';
  const calls = log
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as string[]);
  return { run, calls, dir };
}

/** The command words of a call: those before its first option (`resource show`, `network vpn-connection list`). */
function commandOf(call: readonly string[]): string[] {
  const i = call.findIndex((a) => a.startsWith('-'));
  return call.slice(0, i < 0 ? call.length : i);
}

/** Every Azure CLI command the scripts run: each ends with show or list. */
const COMMANDS = [
  'account show',
  'resource show',
  'resource list',
  'postgres flexible-server firewall-rule list',
  'postgres flexible-server parameter list',
  'network private-endpoint dns-zone-group list',
  'network vpn-connection list',
  'extension show',
  'dns-resolver inbound-endpoint list',
  'network private-dns link vnet list',
  'network private-dns record-set a list',
];

/**
 * Every call reads: it is one of COMMANDS, no word of it writes, and it asks for JSON. Every resource comes from az
 * resource show; the other commands are asked for an ID or a name only.
 */
function expectOnlyReads(calls: readonly string[][]) {
  expect(calls.length).toBeGreaterThan(0);
  for (const call of calls) {
    for (const word of call) expect(['create', 'update', 'delete', 'set', 'add', 'remove']).not.toContain(word);
    expect(COMMANDS).toContain(commandOf(call).join(' '));
    if (commandOf(call).join(' ') === 'resource show') expect(call.slice(-2)).toEqual(['--output', 'json']);
    else expect(call.join(' ')).toMatch(/ --query (\[\]\.id|id|name) --output json$/);
  }
}

/** The az commands a script's text can run (its messages and comments aside), as command words. */
function commandsIn(script: string): Set<string> {
  const code = script
    .split('\n')
    .filter((l) => !/^\s*#|\bsay |\bSay |Stop-Inventory ['"]/.test(l))
    .join('\n');
  return new Set([
    ...[...code.matchAll(/\baz ([a-z][a-z -]*?) (?=--)/g)].map((m) => m[1] ?? ''),
    ...[...code.matchAll(/Get-ListIds @\(((?:'[a-z-]+'(?:, )?)+)\)/g)].map((m) => (m[1] ?? '').replace(/'|,/g, '')),
  ]);
}

const idsOf = (bundle: { resources: unknown[] }) => bundle.resources.map((r) => (r as ArmResource).id).sort();

/** The hub-and-spoke deployment as Azure holds it: the fixture, and the DNS resolver of its inbound endpoint. */
function hubSpokeResources(options: Parameters<typeof hubSpokeBundle>[0] = {}): ArmResource[] {
  const resources: ArmResource[] = hubSpokeBundle(options).resources.flat();
  const inbound = resources.find((r) => r.type === 'Microsoft.Network/dnsResolvers/inboundEndpoints');
  const hub = resources.find((r) => r.name === 'vnet-hub');
  if (inbound === undefined || hub === undefined) throw new Error('the fixture changed');
  const resolverId = inbound.id.replace(/\/inboundEndpoints\/[^/]+$/, '');
  resources.push({
    id: resolverId,
    name: resolverId.split('/').at(-1) ?? '',
    type: 'Microsoft.Network/dnsResolvers',
    location: 'westeurope',
    properties: { dnsResolverState: 'Connected', provisioningState: 'Succeeded', virtualNetwork: { id: hub.id } },
  });
  return resources;
}

// A server with public access and a private endpoint, in the shapes of Microsoft's GET examples (reference
// rest-examples: ServersGetWithPrivateEndpoints, FirewallRulesListByServer, ConfigurationsGet, PrivateEndpointGet,
// PrivateEndpointDnsZoneGroupGet, PrivateZoneGet, VirtualNetworkLinkGet, RecordSetAGet, VirtualNetworkGet).
const rg = (name: string) => `/subscriptions/${SUBSCRIPTION}/resourceGroups/${name}/providers`;
const PUBLIC_SERVER = `${rg('rg-public')}/Microsoft.DBforPostgreSQL/flexibleServers/pg-public`;
const PE = `${rg('rg-app')}/Microsoft.Network/privateEndpoints/pe-pg-public`;
const PE_VNET = `${rg('rg-app')}/Microsoft.Network/virtualNetworks/vnet-pe`;
const PL_ZONE = `${rg('rg-dns')}/Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com`;

function publicServerResources(): ArmResource[] {
  const rule = (name: string, start: string, end: string): ArmResource => ({
    name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules',
    id: `${PUBLIC_SERVER}/firewallRules/${name}`,
    properties: { endIpAddress: end, startIpAddress: start },
  });
  const configuration = (name: string, value: string): ArmResource => ({
    name,
    type: 'Microsoft.DBforPostgreSQL/flexibleServers/configurations',
    id: `${PUBLIC_SERVER}/configurations/${name}`,
    properties: { value, source: 'user-override', isReadOnly: false, dataType: 'Enumeration' },
  });
  const record = (name: string, ip: string): ArmResource => ({
    name,
    type: 'Microsoft.Network/privateDnsZones/A',
    etag: '00000000-0000-0000-0000-000000000000',
    id: `${PL_ZONE}/A/${name}`,
    properties: { aRecords: [{ ipv4Address: ip }], fqdn: `${name}.privatelink.postgres.database.azure.com.`, ttl: 10 },
  });
  const connection = `${PUBLIC_SERVER}/privateEndpointConnections/pe-pg-public.1a2b3c4d-0000-4000-8000-000000000001`;
  return [
    {
      name: 'pg-public',
      type: 'Microsoft.DBforPostgreSQL/flexibleServers',
      id: PUBLIC_SERVER,
      location: 'westeurope',
      properties: {
        availabilityZone: '1',
        fullyQualifiedDomainName: 'pg-public.postgres.database.azure.com',
        highAvailability: { mode: 'Disabled', state: 'NotEnabled' },
        network: { publicNetworkAccess: 'Enabled' },
        privateEndpointConnections: [
          {
            name: connection.split('/').at(-1),
            type: 'Microsoft.DBforPostgreSQL/flexibleServers/privateEndpointConnections',
            id: connection,
            properties: {
              groupIds: ['postgresqlServer'],
              privateEndpoint: { id: PE },
              privateLinkServiceConnectionState: {
                description: 'Auto-Approved',
                actionsRequired: 'None',
                status: 'Approved',
              },
              provisioningState: 'Succeeded',
            },
          },
        ],
        state: 'Ready',
        version: '17',
      },
      sku: { name: 'Standard_D4ds_v5', tier: 'GeneralPurpose' },
    },
    rule('AllowAllAzureServicesAndResourcesWithinAzureIps', '0.0.0.0', '0.0.0.0'),
    rule('office', '203.0.113.0', '203.0.113.255'),
    configuration('require_secure_transport', 'on'),
    configuration('ssl_min_protocol_version', 'TLSv1.3'),
    configuration('array_nulls', 'on'),
    {
      name: 'pe-pg-public',
      type: 'Microsoft.Network/privateEndpoints',
      id: PE,
      location: 'westeurope',
      properties: {
        customDnsConfigs: [],
        ipConfigurations: [],
        manualPrivateLinkServiceConnections: [],
        networkInterfaces: [{ id: `${rg('rg-app')}/Microsoft.Network/networkInterfaces/pe-pg-public.nic.0001` }],
        privateLinkServiceConnections: [
          {
            id: `${PE}/privateLinkServiceConnections/pe-pg-public`,
            name: 'pe-pg-public',
            properties: {
              groupIds: ['postgresqlServer'],
              privateLinkServiceConnectionState: {
                description: 'Auto-Approved',
                actionsRequired: 'None',
                status: 'Approved',
              },
              privateLinkServiceId: PUBLIC_SERVER,
            },
          },
        ],
        provisioningState: 'Succeeded',
        subnet: { id: `${PE_VNET}/subnets/snet-pe` },
      },
    },
    {
      name: 'default',
      type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
      id: `${PE}/privateDnsZoneGroups/default`,
      properties: {
        privateDnsZoneConfigs: [
          {
            name: 'privatelink-postgres',
            properties: {
              privateDnsZoneId: PL_ZONE,
              recordSets: [
                {
                  fqdn: 'pg-public.privatelink.postgres.database.azure.com',
                  ipAddresses: ['10.40.1.4'],
                  recordSetName: 'pg-public',
                  recordType: 'A',
                },
              ],
            },
          },
        ],
        provisioningState: 'Succeeded',
      },
    },
    {
      name: 'vnet-pe',
      type: 'Microsoft.Network/virtualNetworks',
      id: PE_VNET,
      location: 'westeurope',
      properties: {
        addressSpace: { addressPrefixes: ['10.40.0.0/16'] },
        provisioningState: 'Succeeded',
        subnets: [
          {
            name: 'snet-pe',
            id: `${PE_VNET}/subnets/snet-pe`,
            properties: { addressPrefix: '10.40.1.0/24', provisioningState: 'Succeeded' },
          },
        ],
        virtualNetworkPeerings: [],
      },
    },
    {
      id: PL_ZONE,
      name: 'privatelink.postgres.database.azure.com',
      type: 'Microsoft.Network/privateDnsZones',
      location: 'global',
      properties: { numberOfRecordSets: 3, numberOfVirtualNetworkLinks: 1, provisioningState: 'Succeeded' },
    },
    {
      id: `${PL_ZONE}/virtualNetworkLinks/vnet-pe-link`,
      name: 'vnet-pe-link',
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      location: 'global',
      properties: { virtualNetwork: { id: PE_VNET }, registrationEnabled: false, provisioningState: 'Succeeded' },
    },
    record('pg-public', '10.40.1.4'),
    record('pg-other', '10.40.1.5'),
  ];
}

const options = { server: 'pg-orders', resourceGroup: 'rg-orders-data', subscription: SUBSCRIPTION } as const;
const publicOptions = { server: 'pg-public', resourceGroup: 'rg-public' } as const;

describe('the inventory script (bash)', () => {
  const script = inventoryScript({ ...options, shell: 'bash' });

  it('says at its top that it is read-only, and bash -n accepts it', () => {
    expect(script.split('\n').slice(0, 3).join('\n')).toContain('READ-ONLY. It changes nothing.');
    expect(commandsIn(script)).toEqual(new Set(COMMANDS));
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('passes shellcheck (when shellcheck is on PATH)', () => {
    if (spawnSync('shellcheck', ['--version']).status !== 0) {
      console.log('shellcheck not on PATH: the shellcheck check skipped');
      return;
    }
    const check = spawnSync('shellcheck', ['--shell=bash', '-'], { input: script, encoding: 'utf8' });
    expect(check.stdout).toBe('');
    expect(check.status).toBe(0);
  });

  it(
    'collects a hub and spoke into a bundle that imports into the same plan as the deployment, and only reads',
    () => {
      const resources = hubSpokeResources();
      const { run, calls, dir } = runWithFakeAz(script, resources);
      expect(run.stderr).not.toContain('Not read');
      expect(run.status).toBe(0);
      const bundle = JSON.parse(run.stdout) as InventoryBundle & { resources: unknown[] };
      expect(bundle.format).toBe(INVENTORY_FORMAT);
      expect(bundle.version).toBe(INVENTORY_VERSION);
      expect(Number.isNaN(Date.parse(bundle.collectedAt))).toBe(false);
      expect(bundle.scope).toEqual({
        subscription: SUBSCRIPTION,
        resourceGroup: 'rg-orders-data',
        server: 'pg-orders',
        peeringDepth: 2,
      });
      // Every resource read, each once and as Azure returned it; the resolver was listed for its endpoint, the NAT
      // gateway (not part of what the script collects) was not read.
      const expected = resources.filter((r) => !/\/(natGateways|dnsResolvers)\/[^/]+$/.test(r.id));
      expect(idsOf(bundle)).toEqual(expected.map((r) => r.id).sort());
      for (const r of expected) expect(bundle.resources).toContainEqual(r);
      const imported = importDeployed(run.stdout);
      const direct = importDeployedValue(hubSpokeBundle());
      if (!imported.ok || !direct.ok) throw new Error('import failed');
      expect(imported.source).toBe('bundle');
      expect(imported.plan).toEqual(direct.plan);
      expect(imported.warnings).toEqual(direct.warnings);
      expect(imported.skipped).toEqual([]);
      expectOnlyReads(calls);
      // Its temporary files are gone.
      expect(readdirSync(dir).filter((f) => f.startsWith('tmp'))).toEqual([]);
    },
    RUN_TIMEOUT,
  );

  it(
    'follows the peerings only as deep as asked',
    () => {
      const shallow = inventoryScript({ ...options, peeringDepth: 0, shell: 'bash' });
      const { run } = runWithFakeAz(shallow, hubSpokeResources());
      expect(run.status).toBe(0);
      const bundle = JSON.parse(run.stdout) as { resources: unknown[] };
      expect(idsOf(bundle).filter((id) => id.includes('/virtualNetworks/'))).toEqual([
        expect.stringMatching(/\/vnet-orders-data$/),
      ]);
      const imported = importDeployed(run.stdout);
      if (!imported.ok) throw new Error(imported.message);
      // The hub is named by the server VNet's peering, but not read: its address spaces are unknown.
      expect(imported.plan.access.mode === 'private' && imported.plan.access.peeredVnets).toEqual([
        expect.objectContaining({ name: 'vnet-hub', addressSpaces: [] }),
      ]);
    },
    RUN_TIMEOUT,
  );

  it(
    'collects a public server: its firewall rules, its TLS parameters, its private endpoint and that zone',
    () => {
      const resources = publicServerResources();
      for (const [env, form] of [
        [{}, '--server-name'],
        [{ AZ_VERSION_OLD: '1' }, '--name'],
      ] as const) {
        const { run, calls } = runWithFakeAz(inventoryScript({ ...publicOptions, shell: 'bash' }), resources, env);
        expect(run.status).toBe(0);
        const bundle = JSON.parse(run.stdout) as { scope: unknown; resources: unknown[] };
        expect(bundle.scope).toEqual({
          subscription: SUBSCRIPTION,
          resourceGroup: 'rg-public',
          server: 'pg-public',
          peeringDepth: 2,
        });
        // All but the parameter that isn't about TLS, and the record of another server in the shared zone.
        expect(idsOf(bundle)).toEqual(
          resources
            .map((r) => r.id)
            .filter((id) => !/\/(array_nulls|pg-other)$/.test(id))
            .sort(),
        );
        const firewallCalls = calls.filter((c) => c.includes('firewall-rule'));
        expect(firewallCalls.at(-1)).toContain(form);
        const imported = importDeployed(run.stdout);
        if (!imported.ok) throw new Error(imported.message);
        expect(imported.plan.access).toEqual({
          ...newPublicAccess(),
          firewallRules: [{ name: 'office', startIp: '203.0.113.0', endIp: '203.0.113.255' }],
          allowAzureServices: true,
          peeredVnets: [
            {
              name: 'vnet-pe',
              region: 'westeurope',
              resourceGroup: 'rg-app',
              subscription: SUBSCRIPTION,
              addressSpaces: ['10.40.0.0/16'],
              zoneLink: true,
              dns: { kind: 'azure' },
              subnets: [{ name: 'snet-pe', prefix: '10.40.1.0/24' }],
              appliance: null,
            },
          ],
          privateDnsZone: {
            name: 'privatelink.postgres.database.azure.com',
            existing: true,
            resourceGroup: 'rg-dns',
            subscription: SUBSCRIPTION,
          },
          // No IP configuration: a dynamic address (the one Azure picked, in the zone group's record, is not static).
          privateEndpoints: [
            {
              name: 'pe-pg-public',
              server: '',
              vnet: 'vnet-pe',
              subnet: 'snet-pe',
              privateIp: '',
              approval: 'automatic',
              resourceGroup: 'rg-app',
            },
          ],
        });
        expect(imported.plan.tls).toEqual({ requireSecureTransport: true, minVersion: 'TLSv1.3', maxVersion: null });
        expect(imported.resourceIds['access.privateEndpoints.0']).toBe(PE);
        expect(imported.notModelled.map((n) => n.resourceId)).not.toContain(PE);
        expectOnlyReads(calls);
      }
    },
    RUN_TIMEOUT * 2,
  );

  it(
    'stops with what to do when az is not signed in or the server is not there',
    () => {
      const signedOut = runWithFakeAz(script, hubSpokeResources(), { AZ_SIGNED_OUT: '1' });
      expect(signedOut.run.status).toBe(2);
      expect(signedOut.run.stdout).toBe('');
      expect(signedOut.run.stderr).toContain("Please run 'az login'");
      expect(signedOut.run.stderr).toContain('Sign in with az login');
      const missing = runWithFakeAz(inventoryScript({ ...options, server: 'pg-missing', shell: 'bash' }), [
        ...hubSpokeResources(),
      ]);
      expect(missing.run.status).toBe(2);
      expect(missing.run.stdout).toBe('');
      expect(missing.run.stderr).toContain('Not read: /subscriptions/');
      expect(missing.run.stderr).toContain('Stopped: the server could not be read.');
      expectOnlyReads(missing.calls);
    },
    RUN_TIMEOUT,
  );

  it(
    'goes on past a resource it cannot read, and says what it could not list',
    () => {
      // The hub can't be read (another team's subscription), and az has no dns-resolver extension.
      const resources = hubSpokeResources().filter((r) => r.name !== 'vnet-hub');
      const { run, calls } = runWithFakeAz(script, resources, { AZ_NO_DNS_RESOLVER: '1' });
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/Not read: \/subscriptions\/[^ ]+\/vnet-hub \(ERROR: \(ResourceNotFound\)/);
      expect(run.stderr).toContain('az extension add --name dns-resolver');
      const bundle = JSON.parse(run.stdout) as { resources: unknown[] };
      expect(idsOf(bundle).some((id) => id.includes('/dnsResolvers/'))).toBe(false);
      const imported = importDeployed(run.stdout);
      if (!imported.ok) throw new Error(imported.message);
      expect(imported.plan.access.mode === 'private' && imported.plan.access.vnet.name).toBe('vnet-orders-data');
      expectOnlyReads(calls);
    },
    RUN_TIMEOUT,
  );

  it('refuses values az would misread or no Azure resource can have, saying why', () => {
    const refused: [Partial<Record<'server' | 'resourceGroup' | 'subscription', string>>, RegExp][] = [
      [{ server: '-rf' }, /server name "-rf" is refused: it starts with "-", which a command line reads as an option/],
      [{ server: '$(touch pwned)' }, /server name "\$\(touch pwned\)" can't be one in Azure: a server name is 3–63/],
      [{ server: "pg'; touch pwned; echo '" }, /can't be one in Azure/],
      [{ server: 'pg\nrm -rf /' }, /"pg\\u000arm -rf \/" is refused: it contains the control character U\+000A/],
      [{ resourceGroup: '@/etc/passwd' }, /resource group "@\/etc\/passwd" is refused: it starts with "@"/],
      [
        { resourceGroup: 'rg"`$(touch pwned)`' },
        /resource group .* can't be one in Azure: it contains """, "`", "\$", a space/,
      ],
      [{ resourceGroup: "rg-'x'" }, /can't be one in Azure: it contains "'"/],
      [{ subscription: 'My subscription' }, /subscription "My subscription" is refused: give its ID, a GUID/],
      [{ subscription: `${SUBSCRIPTION}; rm -rf /` }, /give its ID/],
    ];
    for (const [bad, message] of refused)
      for (const shell of ['bash', 'powershell'] as const)
        expect(() => inventoryScript({ ...options, ...bad, shell })).toThrow(message);
    expect(() => inventoryScript({ ...options, peeringDepth: 9, shell: 'bash' })).toThrow(/0 to 5; got 9/);
    expect(() => inventoryScript({ ...options, peeringDepth: 1.5, shell: 'bash' })).toThrow(/whole number/);
  });

  it('names every value that is wrong, each with its option (the page shows each at its field)', () => {
    expect(inventoryProblems(options)).toEqual([]);
    const problems = inventoryProblems({
      server: '-x',
      resourceGroup: 'rg ok?',
      subscription: 'prod',
      peeringDepth: 7,
    });
    expect(problems.map((p) => p.option)).toEqual(['server', 'resourceGroup', 'subscription', 'peeringDepth']);
    expect(problems[2]?.message).toMatch(/subscription "prod" is refused/);
    expect(inventoryProblems({ ...options, subscription: '' })).toEqual([]);
  });

  it(
    'passes the names Azure allows as they are: parentheses, dots and letters of any script stay inert',
    () => {
      const group = 'rg-(prod).données';
      const { run, calls, dir } = runWithFakeAz(
        inventoryScript({ ...options, resourceGroup: group, shell: 'bash' }),
        hubSpokeResources(),
      );
      // No such server in that group: the script stops, having passed the name to az as one word, unchanged.
      expect(run.status).toBe(2);
      expect(calls.find((c) => commandOf(c).join(' ') === 'resource show')).toEqual([
        'resource',
        'show',
        '--ids',
        `/subscriptions/${SUBSCRIPTION}/resourceGroups/${group}/providers/Microsoft.DBforPostgreSQL/` +
          'flexibleServers/pg-orders',
        '--output',
        'json',
      ]);
      expect(readdirSync(dir).sort()).toEqual(['az', 'calls.log', 'inventory.sh', 'resources.json']);
      expect(inventoryScript({ ...options, resourceGroup: group, shell: 'powershell' })).toContain(
        `$ResourceGroup = '${group}'`,
      );
    },
    RUN_TIMEOUT,
  );
});

describe('the inventory script (PowerShell)', () => {
  const script = inventoryScript({ ...options, shell: 'powershell' });

  it('says at its top that it is read-only, and runs the commands the bash version runs, nothing else', () => {
    expect(script.split('\n')[0]).toContain('READ-ONLY. It changes nothing.');
    expect(script).toContain(`$Subscription = '${SUBSCRIPTION}'`);
    expect(script).toContain('$Depth = 2');
    // The same commands as the bash version (whose runs are checked above), each as a call or as its words.
    expect(commandsIn(script)).toEqual(new Set(COMMANDS));
    expect(script).not.toMatch(/'(create|update|delete|set|add|remove)'|\baz [^\n]*\b(create|update|delete|set)\b/);
  });

  it('parses (when pwsh is on PATH)', () => {
    if (spawnSync('pwsh', ['-Version']).status !== 0) {
      console.log('pwsh not on PATH: the PowerShell parse check skipped');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'pgflex-inventory-ps-'));
    folders.push(dir);
    writeFileSync(join(dir, 'inventory.ps1'), script);
    const parse = spawnSync(
      'pwsh',
      [
        '-NoProfile',
        '-Command',
        '$e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile(' +
          `'${join(dir, 'inventory.ps1')}', ` +
          '[ref]$null, [ref]$e); if ($e.Count -gt 0) { $e | ForEach-Object { $_.Message }; exit 1 }',
      ],
      { encoding: 'utf8' },
    );
    expect(parse.stdout).toBe('');
    expect(parse.status).toBe(0);
  });
});
