import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { examplePlan, examplePlans } from '../domain/testing/examples';
import { bicepFiles } from '../exporters/bicep/index';
import type { SubRef } from '../exporters/model';
import type { ExportFile } from '../exporters/types';
import { DryRunReadError } from './read-error';
import { armIdOfSegments, readBicep } from './read-bicep';
import { armResourceId } from './resource-id';
import { expectedResources, predecessors } from './testing/expected-resources';
import { planArbitrary } from './testing/reader-plan-arbitrary';
import type { DeployStep } from './types';

/** How the Bicep export resolves a subscription: the deployment's own by default, others by their param default. */
const bicepSubscription = (sub: SubRef): string => (sub.primary ? '' : sub.value);

const key = (s: { id: string; type: string; action: string }) => `${s.action} ${s.type} ${s.id}`;

function checkAgainstPlan(plan: Plan, steps: DeployStep[]): void {
  expect(
    steps
      .filter((s) => s.action !== 'read')
      .map(key)
      .sort(),
  ).toEqual(expectedResources(plan, bicepSubscription).map(key).sort());
  const ids = new Set(steps.map((s) => s.id));
  expect(ids.size).toBe(steps.length);
  for (const s of steps) {
    for (const e of s.after) {
      expect(ids.has(e.step)).toBe(true);
      expect(e.why).toMatch(/dependsOn|refers to|parent/);
    }
  }
}

describe('readBicep on the examples', () => {
  for (const { name, plan } of examplePlans()) {
    it(`${name}: the steps are the resources the plan deploys`, () => {
      checkAgainstPlan(plan, readBicep(bicepFiles(plan), plan));
    });
  }

  it('hub-and-spoke: the spoke peering using remote gateways follows the hub peering offering transit', () => {
    const plan = examplePlan('hub-and-spoke');
    const steps = readBicep(bicepFiles(plan), plan);
    const spoke = steps.find((s) => s.props.useRemoteGateways === true);
    const hub = steps.find((s) => s.props.allowGatewayTransit === true);
    expect(spoke?.name).toBe('vnet-orders-data/vnet-orders-data-to-vnet-hub');
    expect(hub?.name).toBe('vnet-hub/vnet-hub-to-vnet-orders-data');
    expect(predecessors(steps, spoke?.id ?? '').has(hub?.id ?? '')).toBe(true);
  });

  it('without the module dependsOn, nothing orders the two peerings', () => {
    const plan = examplePlan('hub-and-spoke');
    const files = bicepFiles(plan);
    const main = files.find((f) => f.path === 'main.bicep') as ExportFile;
    // The module holding the gateway-using peering, and the module it waits for that holds the transit peering.
    const spokeModule = files.find(
      (f) => f.path.startsWith('modules/') && f.contents.includes('useRemoteGateways: true'),
    );
    const hubModule = files.find(
      (f) => f.path.startsWith('modules/') && f.contents.includes('allowGatewayTransit: true'),
    );
    const hubSym = new RegExp(`module (\\w+) '${hubModule?.path ?? ''}'`).exec(main.contents)?.[1] ?? '';
    const spokeDecl = main.contents.indexOf(`'${spokeModule?.path ?? ''}'`);
    expect(hubSym).not.toBe('');
    expect(spokeDecl).toBeGreaterThan(0);
    const end = main.contents.indexOf('\n}\n', spokeDecl);
    const edited =
      main.contents.slice(0, spokeDecl) + main.contents.slice(spokeDecl, end).replace(`\n    ${hubSym}`, '');
    expect(edited).not.toBe(main.contents.slice(0, end));
    const changed = files.map((f) => (f === main ? { ...f, contents: edited + main.contents.slice(end) } : f));
    const steps = readBicep(changed, plan);
    const spoke = steps.find((s) => s.props.useRemoteGateways === true);
    const hub = steps.find((s) => s.props.allowGatewayTransit === true);
    expect(predecessors(steps, spoke?.id ?? '').has(hub?.id ?? '')).toBe(false);
  });

  it('resolves module scopes, the deployment group, locations and the server properties', () => {
    const plan = examplePlan('hub-and-spoke');
    const steps = readBicep(bicepFiles(plan), plan);
    const server = steps.find((s) => s.type === 'Microsoft.DBforPostgreSQL/flexibleServers');
    // main.bicep deploys to the deployment's group (the plan's rg-orders-data), in its own subscription.
    expect(server?.scope).toEqual({ subscription: '', resourceGroup: '' });
    expect(server?.id).toBe(
      '/subscriptions//resourcegroups/rg-orders-data/providers/' +
        'microsoft.dbforpostgresql/flexibleservers/pg-contoso-orders',
    );
    expect(server?.location).toBe('westeurope');
    expect(server?.source).toEqual({ file: 'main.bicep', line: expect.any(Number) as number });
    const subnet = steps.find((s) => s.name === 'vnet-orders-data/snet-postgres');
    expect(subnet?.scope).toEqual({ subscription: '', resourceGroup: 'rg-orders-network' });
    expect(subnet?.source.file).toMatch(/^modules\/.*\.bicep$/);
    expect(server?.props).toMatchObject({
      publicNetworkAccess: 'Disabled',
      highAvailability: 'ZoneRedundant',
      delegatedSubnet: subnet?.id,
      privateDnsZone: steps.find((s) => s.type === 'Microsoft.Network/privateDnsZones')?.id,
    });
    expect(subnet?.props).toMatchObject({
      delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'],
      serviceEndpoints: ['Microsoft.Storage'],
      networkSecurityGroup: steps.find((s) => s.type === 'Microsoft.Network/networkSecurityGroups')?.id,
    });
  });
});

describe('readBicep on generated plans', () => {
  it('reads every export into the resources the plan deploys', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        checkAgainstPlan(plan, readBicep(bicepFiles(plan), plan));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('an existing subnet is an update, and says whether its live properties are kept', () => {
    fc.assert(
      fc.property(
        planArbitrary.filter((p) => p.access.mode === 'private' && p.access.delegatedSubnet.existing),
        (plan) => {
          const subnet = readBicep(bicepFiles(plan), plan).find(
            (s) => s.action === 'update' && s.type === 'Microsoft.Network/virtualNetworks/subnets',
          );
          expect(typeof subnet?.props.preservesLiveProperties).toBe('boolean');
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);
});

// --- Hand-written modules: forms the exporter may write. ----------------------------------------------------------

/** A private plan whose delegated subnet exists, to read hand-written modules against. */
function existingSubnetPlan(): Plan {
  const plan = examplePlan('hub-and-spoke');
  if (plan.access.mode !== 'private') throw new Error('fixture');
  plan.access.vnet.existing = true;
  plan.access.delegatedSubnet.existing = true;
  return plan;
}

const MAIN = `param subscriptionId string = subscription().subscriptionId

module subnetUpdate 'modules/subnet.bicep' = {
  name: 'pgflex-existing-subnet'
  scope: resourceGroup(subscriptionId, 'rg-orders-network')
  params: {
    subscriptionId: subscriptionId
  }
}

module consumer 'modules/consumer.bicep' = {
  name: 'pgflex-consumer'
  scope: resourceGroup('rg-orders-data')
  params: {
    subnetId: subnetUpdate.outputs.subnetId
  }
}
`;

const CONSUMER = `param subnetId string

resource zone 'Microsoft.Network/privateDnsZones@2024-06-01' = {
  name: 'x.private.postgres.database.azure.com'
  location: 'global'
  properties: {
    note: subnetId
  }
}
`;

const subnetModule = (properties: string) => `param subscriptionId string

resource vnet 'Microsoft.Network/virtualNetworks@2025-07-01' existing = {
  name: 'vnet-orders-data'
}

resource liveSubnet 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' existing = {
  parent: vnet
  name: 'snet-postgres'
}

resource subnet 'Microsoft.Network/virtualNetworks/subnets@2025-07-01' = {
  parent: vnet
  name: 'snet-postgres'
  properties: ${properties}
}

output subnetId string = resourceId(subscriptionId, 'rg-orders-network', \
'Microsoft.Network/virtualNetworks/subnets', 'vnet-orders-data', 'snet-postgres')
`;

const DELEGATION = `[
      {
        name: 'dlg'
        properties: {
          serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers'
        }
      }
    ]`;

const handWritten = (properties: string): ExportFile[] => [
  { path: 'main.bicep', contents: MAIN },
  { path: 'modules/subnet.bicep', contents: subnetModule(properties) },
  { path: 'modules/consumer.bicep', contents: CONSUMER },
];

const SUBNET_ID =
  '/subscriptions//resourcegroups/rg-orders-network/providers/' +
  'microsoft.network/virtualnetworks/vnet-orders-data/subnets/snet-postgres';

describe('readBicep on hand-written modules', () => {
  it('union(existing.properties, {…}) re-PUTs the live subnet with the delegation added', () => {
    const steps = readBicep(
      handWritten(`union(liveSubnet.properties, {\n    delegations: ${DELEGATION}\n  })`),
      existingSubnetPlan(),
    );
    const update = steps.find((s) => s.id === SUBNET_ID);
    expect(update?.action).toBe('update');
    expect(update?.props).toEqual({
      delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'],
      preservesLiveProperties: true,
    });
    // The existing subnet is read first: a step of its own, which the update follows (implicit dependency).
    const read = steps.find((s) => s.id === `${SUBNET_ID}#read`);
    expect(read?.action).toBe('read');
    expect(update?.after.map((e) => e.step)).toContain(`${SUBNET_ID}#read`);
    expect(update?.after.find((e) => e.step === `${SUBNET_ID}#read`)?.why).toContain('implicit dependency');
    // parent: is an edge, to the existing VNet's read step.
    const vnet = steps.find((s) => s.type === 'Microsoft.Network/virtualNetworks');
    expect(vnet?.action).toBe('read');
    expect(update?.after.find((e) => e.step === vnet?.id)?.why).toContain('has parent vnet');
  });

  it('a spread of the live properties keeps them too', () => {
    const steps = readBicep(
      handWritten(`{\n    ...liveSubnet.properties\n    delegations: ${DELEGATION}\n  }`),
      existingSubnetPlan(),
    );
    expect(steps.find((s) => s.id === SUBNET_ID)?.props.preservesLiveProperties).toBe(true);
  });

  it('a plain PUT of an existing subnet drops what the plan does not know about', () => {
    const steps = readBicep(
      handWritten(`{\n    addressPrefix: '10.20.0.0/28'\n    delegations: ${DELEGATION}\n  }`),
      existingSubnetPlan(),
    );
    const update = steps.find((s) => s.id === SUBNET_ID);
    expect(update?.action).toBe('update');
    expect(update?.props.preservesLiveProperties).toBe(false);
    expect(update?.after.map((e) => e.step)).not.toContain(`${SUBNET_ID}#read`);
  });

  it("a module's params referring to another module's outputs make its steps follow that module's steps", () => {
    const steps = readBicep(handWritten(`{\n    delegations: ${DELEGATION}\n  }`), existingSubnetPlan());
    const zone = steps.find((s) => s.type === 'Microsoft.Network/privateDnsZones');
    expect(zone?.scope).toEqual({ subscription: '', resourceGroup: 'rg-orders-data' });
    const fromSubnetModule = steps.filter((s) => s.source.file === 'modules/subnet.bicep').map((s) => s.id);
    expect(fromSubnetModule).toHaveLength(3);
    expect(zone?.after.map((e) => e.step).sort()).toEqual([...fromSubnetModule].sort());
    expect(zone?.after[0]?.why).toBe("main.bicep: module consumer's params refers to subnetUpdate");
  });

  it('a symbol two properties refer to is one edge, with the reason of the first of them', () => {
    const steps = readBicep(
      handWritten(`{\n    note: vnet.name\n    other: liveSubnet.id\n    delegations: ${DELEGATION}\n  }`),
      existingSubnetPlan(),
    );
    const update = steps.find((s) => s.id === SUBNET_ID);
    const vnet = steps.find((s) => s.type === 'Microsoft.Network/virtualNetworks');
    expect(update?.after).toEqual([
      { step: vnet?.id, why: 'modules/subnet.bicep: subnet has parent vnet' },
      {
        step: `${SUBNET_ID}#read`,
        why: 'modules/subnet.bicep: subnet.properties refers to liveSubnet (implicit dependency)',
      },
    ]);
  });
});

describe('armIdOfSegments', () => {
  const segment = fc.string({ unit: fc.constantFrom('a', 'B', '.', '-', '_', 'Σ', 'İ', '1'), maxLength: 6 });
  it("writes armResourceId's text for a type split at its slashes", () => {
    fc.assert(
      fc.property(
        segment,
        segment,
        segment,
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.array(segment, { maxLength: 4 }),
        (subscription, resourceGroup, targetGroup, segments, names) => {
          const type = segments.join('/');
          expect(armIdOfSegments({ subscription, resourceGroup }, targetGroup, type.split('/'), names)).toBe(
            armResourceId({ subscription, resourceGroup }, targetGroup, type, names),
          );
        },
      ),
    );
  });
});

// --- Input outside the subset: an error naming file and line. -------------------------------------------------------

describe('readBicep refuses what it cannot read', () => {
  const plan = examplePlan('hub-and-spoke');
  const files = bicepFiles(plan);
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
  const edit = (path: string, from: string, to: string): ExportFile[] =>
    files.map((f) => {
      if (f.path !== path) return f;
      expect(f.contents).toContain(from);
      return { ...f, contents: f.contents.replace(from, to) };
    });
  const network = files.find((f) => f.path.startsWith('modules/') && f.contents.includes('serverVnet'))?.path ?? '';

  const cases: { what: string; path: string; from: string; to: string; needle: string; message: RegExp }[] = [
    {
      what: 'an operator',
      path: 'main.bicep',
      from: 'param storageSizeGB int = 32',
      to: 'param storageSizeGB int = 16 * 2',
      needle: 'param storageSizeGB',
      message: /operator "\*"/,
    },
    {
      what: 'a conditional resource',
      path: 'main.bicep',
      from: "resource server1 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = {",
      to: "resource server1 'Microsoft.DBforPostgreSQL/flexibleServers@2025-08-01' = if (true) {",
      needle: 'resource server1',
      message: /conditional or loop resource/,
    },
    {
      what: 'an unknown function',
      path: network,
      from: "name: 'vnet-orders-data'",
      to: "name: take('vnet-orders-data', 10)",
      needle: 'name: take(',
      message: /function take\(\)/,
    },
    {
      what: 'an undeclared symbol',
      path: network,
      from: '    serverVnet\n    nsg\n',
      to: '    serverVnet\n    nsgMissing\n',
      needle: 'nsgMissing',
      message: /nsgMissing is not declared/,
    },
    {
      what: 'an unterminated string',
      path: 'main.bicep',
      from: "param skuName string = 'Standard_D2ds_v5'",
      to: "param skuName string = 'Standard_D2ds_v5",
      needle: 'param skuName',
      message: /unterminated string/,
    },
    {
      what: "a literal in a module's dependsOn, at its own line",
      path: 'main.bicep',
      from: '  dependsOn: [\n    deployVnetOrdersData\n  ]',
      to: "  dependsOn: [\n    'deployVnetOrdersData'\n  ]",
      needle: "    'deployVnetOrdersData'",
      message: /dependsOn holds something not a symbol/,
    },
    {
      what: 'a module file missing from the export',
      path: 'main.bicep',
      from: "'modules/pgflex-dns-zone.bicep'",
      to: "'modules/nowhere.bicep'",
      needle: "'modules/nowhere.bicep'",
      message: /deploys modules\/nowhere\.bicep, which is not in the export/,
    },
  ];
  for (const c of cases) {
    it(`${c.what}: the error names ${c.path || 'the module'} and the line`, () => {
      const changed = edit(c.path, c.from, c.to);
      const text = changed.find((f) => f.path === c.path)?.contents ?? '';
      let error: unknown;
      try {
        readBicep(changed, plan);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DryRunReadError);
      expect((error as DryRunReadError).file).toBe(c.path);
      expect((error as Error).message.startsWith(`${c.path}: line ${lineOf(text, c.needle)}: `)).toBe(true);
      expect((error as Error).message).toMatch(c.message);
    });
  }

  const dnsModule = 'modules/pgflex-dns-zone.bicep';
  const link = "format('{0}/{1}', 'contoso-orders.private.postgres.database.azure.com', 'vnet-hub-link')";
  for (const [to, message] of [
    ["format('{0}/{x}', 'a', 'b')", /: format\(\) with a placeholder other than \{n\}$/],
    ["format('{0}/{}', 'a', 'b')", /: format\(\) with a placeholder other than \{n\}$/],
    ["format('{0}/{1', 'a', 'b')", /: format\(\) with a placeholder other than \{n\}$/],
    ["format('{0}/{02}', 'a', 'b')", /: format\(\) has no usable argument \{02\}$/],
  ] as const) {
    it(`${to}: the error names the module and the line`, () => {
      const changed = edit(dnsModule, link, to);
      const text = changed.find((f) => f.path === dnsModule)?.contents ?? '';
      expect(() => readBicep(changed, plan)).toThrow(`${dnsModule}: line ${lineOf(text, to)}: format()`);
      expect(() => readBicep(changed, plan)).toThrow(message);
    });
  }

  it("format('{01}/{1}', …) reads {01} as {1}", () => {
    const changed = edit(dnsModule, link, "format('{01}/{1}', 'a', 'b')");
    expect(readBicep(changed, plan).map((s) => s.name)).toContain('b/b');
  });

  it('a .bicepparam value for a param main.bicep does not declare', () => {
    const changed = edit('main.bicepparam', "param skuName = 'Standard_D2ds_v5'", "param skuNmae = 'Standard_D2ds_v5'");
    expect(() => readBicep(changed, plan)).toThrow(
      /^main\.bicepparam: line \d+: skuNmae is not a param of main\.bicep/,
    );
  });
});
