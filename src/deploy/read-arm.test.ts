/** The ARM reader: expressions, parameters, nested deployments' scopes and order, and what it refuses to guess. */
import { describe, expect, it } from 'vitest';
import { examplePlan } from '../domain/testing/examples';
import { armFiles } from '../exporters/arm/index';
import type { ExportFile } from '../exporters/types';
import { privatePlan } from '../rules/fixtures';
import { readArm } from './read-arm';
import { DryRunReadError } from './read-error';
import { OWN_SUBSCRIPTION } from './world';

const plan = privatePlan();
const GUID = '0f0f0f0f-1111-2222-3333-444444444444';

const files = (template: unknown, parameters?: unknown): ExportFile[] => [
  { path: 'azuredeploy.json', contents: JSON.stringify(template) },
  ...(parameters === undefined
    ? []
    : [{ path: 'azuredeploy.parameters.json', contents: JSON.stringify({ parameters }) }]),
];

const nsg = (name: string, extra: Record<string, unknown> = {}) => ({
  type: 'Microsoft.Network/networkSecurityGroups',
  apiVersion: '2025-07-01',
  name,
  location: 'westeurope',
  properties: {},
  ...extra,
});

describe('expressions', () => {
  it('reads parameters (file value over default), variables, format, concat and toLower', () => {
    const steps = readArm(
      files(
        {
          parameters: { prefix: { type: 'string', defaultValue: 'default' }, location: { type: 'string' } },
          variables: { suffix: "[toLower('NSG')]" },
          resources: [
            nsg("[format('{0}-{1}', parameters('prefix'), variables('suffix'))]", {
              location: "[concat(parameters('location'), '')]",
            }),
          ],
        },
        { prefix: { value: 'given' }, location: { value: 'northeurope' } },
      ),
      plan,
    );
    expect(steps.map((s) => [s.name, s.location])).toEqual([['given-nsg', 'northeurope']]);
  });

  it('reads [[ as a literal [', () => {
    const steps = readArm(files({ resources: [nsg('[[literal]')] }), plan);
    expect(steps[0]?.name).toBe('[literal]');
  });

  it('resolves resourceId() with and without subscription and group', () => {
    const link = (vnetId: string) => ({
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      apiVersion: '2024-06-01',
      name: `zone.postgres.database.azure.com/${vnetId.length}`,
      location: 'global',
      properties: { virtualNetwork: { id: vnetId } },
    });
    const steps = readArm(
      files({
        resources: [
          link("[resourceId('Microsoft.Network/virtualNetworks', 'v1')]"),
          link("[resourceId('rg-b', 'Microsoft.Network/virtualNetworks', 'v2')]"),
          link(`[resourceId('${GUID}', 'rg-c', 'Microsoft.Network/virtualNetworks', 'v3')]`),
          link(
            '[resourceId(subscription().subscriptionId, resourceGroup().name, ' +
              "'Microsoft.Network/virtualNetworks', 'v4')]",
          ),
        ],
      }),
      plan,
    );
    const vnetId = (sub: string, group: string, name: string) =>
      `/subscriptions/${sub}/resourcegroups/${group}/providers/microsoft.network/virtualnetworks/${name}`;
    expect(steps.map((s) => s.props.virtualNetwork)).toEqual([
      vnetId(OWN_SUBSCRIPTION, '(deployment-group)', 'v1'),
      vnetId(OWN_SUBSCRIPTION, 'rg-b', 'v2'),
      vnetId(GUID, 'rg-c', 'v3'),
      vnetId(OWN_SUBSCRIPTION, '(deployment-group)', 'v4'),
    ]);
  });

  it('refuses a function it does not evaluate, naming the file and the JSON path', () => {
    const read = () => readArm(files({ resources: [nsg("[uniqueString('x')]")] }), plan);
    expect(read).toThrow(DryRunReadError);
    expect(read).toThrow(
      'azuredeploy.json: $.resources[0].name: the template function uniquestring() is not evaluated',
    );
  });

  it('refuses a syntax error, an unknown parameter, a parameter without value and a copy loop', () => {
    expect(() => readArm(files({ resources: [nsg("[format('a']")] }), plan)).toThrow(/can't be read/);
    expect(() => readArm(files({ resources: [nsg('[format()]')] }), plan)).toThrow(
      'azuredeploy.json: $.resources[0].name: format() has no format string.',
    );
    expect(() => readArm(files({ resources: [nsg("[parameters('nope')]")] }), plan)).toThrow(
      /parameters\('nope'\) is not a parameter/,
    );
    expect(() => readArm(files({ parameters: { p: { type: 'string' } }, resources: [] }), plan)).toThrow(
      /parameter p has no value/,
    );
    expect(() => readArm(files({ resources: [nsg('n', { copy: { name: 'c', count: 2 } })] }), plan)).toThrow(
      /\$\.resources\[0\]\.copy: copy loops/,
    );
    expect(() => readArm([{ path: 'azuredeploy.json', contents: '{' }], plan)).toThrow(/azuredeploy.json: not JSON/);
    expect(() => readArm([], plan)).toThrow(/has no such file/);
  });

  it('leaves out a resource whose condition is false', () => {
    const steps = readArm(files({ resources: [nsg('a', { condition: "[equals('x', 'y')]" }), nsg('b')] }), plan);
    expect(steps.map((s) => s.name)).toEqual(['b']);
  });
});

describe('order', () => {
  it('dependsOn by name and by resource ID; an unknown dependency is an error', () => {
    const steps = readArm(
      files({
        resources: [
          nsg('a', { dependsOn: ['b', "[resourceId('Microsoft.Network/networkSecurityGroups', 'c')]"] }),
          nsg('b'),
          nsg('c'),
        ],
      }),
      plan,
    );
    expect(steps.find((s) => s.name === 'a')?.after.map((a) => a.why)).toEqual(['dependsOn b', 'dependsOn c']);
    expect(() => readArm(files({ resources: [nsg('a', { dependsOn: ['zzz'] })] }), plan)).toThrow(
      /dependsOn "zzz" names no resource of this template/,
    );
  });

  it('a nested deployment: its scope, inner parameters, and its steps after what it depends on', () => {
    const steps = readArm(
      files({
        parameters: { sub: { type: 'string', defaultValue: GUID } },
        resources: [
          nsg('first'),
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: 'inner-one',
            subscriptionId: "[parameters('sub')]",
            resourceGroup: 'rg-inner',
            dependsOn: ['first'],
            properties: {
              expressionEvaluationOptions: { scope: 'inner' },
              mode: 'Incremental',
              parameters: { n: { value: 'from-outer' } },
              template: {
                parameters: { n: { type: 'string' } },
                resources: [nsg("[format('{0}-{1}', parameters('n'), resourceGroup().name)]")],
                outputs: { out: { type: 'string', value: '[subscription().subscriptionId]' } },
              },
            },
          },
          nsg('last', { location: "[reference('inner-one').outputs.out.value]" }),
        ],
      }),
      plan,
    );
    const inner = steps.find((s) => s.name === 'from-outer-rg-inner')!;
    expect(inner.scope).toEqual({ subscription: GUID, resourceGroup: 'rg-inner' });
    expect(inner.after.map((a) => a.step)).toEqual([steps.find((s) => s.name === 'first')!.id]);
    expect(inner.after[0]?.why).toBe('in nested deployment inner-one, which waits: dependsOn first');
    // reference('inner-one') is an implicit dependency on every step inside it.
    const last = steps.find((s) => s.name === 'last')!;
    expect(last.location).toBe(GUID);
    expect(last.after).toEqual([{ step: inner.id, why: 'reference() of inner-one' }]);
  });

  it('outer evaluation: the parent’s parameters and scope functions, the deployment’s scope for resources', () => {
    const steps = readArm(
      files({
        parameters: { n: { type: 'string', defaultValue: 'outer-param' } },
        resources: [
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: 'outer-one',
            resourceGroup: 'rg-elsewhere',
            properties: {
              mode: 'Incremental',
              template: { resources: [nsg("[format('{0}-{1}', parameters('n'), resourceGroup().name)]")] },
            },
          },
        ],
      }),
      plan,
    );
    // resourceGroup() is the parent's (the fixture's server has no resource group: the deployment's target).
    expect(steps[0]?.name).toBe('outer-param-(deployment-group)');
    expect(steps[0]?.scope.resourceGroup).toBe('rg-elsewhere');
  });
});

describe('values computed once, paths written when failing', () => {
  const deployment = (name: string, n: string, resources: unknown[]) => ({
    type: 'Microsoft.Resources/deployments',
    apiVersion: '2022-09-01',
    name,
    resourceGroup: `rg-${name}`,
    properties: {
      expressionEvaluationOptions: { scope: 'inner' },
      mode: 'Incremental',
      parameters: { n: { value: n } },
      template: {
        parameters: { n: { type: 'string' } },
        resources,
        outputs: { out: { type: 'string', value: "[parameters('n')]" } },
      },
    },
  });

  it('the same expression text has each template’s own value, and every reference() of it counts', () => {
    const steps = readArm(
      files({
        parameters: { n: { type: 'string', defaultValue: 'top' } },
        resources: [
          nsg("[parameters('n')]"),
          deployment('one', 'first', [nsg("[parameters('n')]")]),
          deployment('two', 'second', [nsg("[parameters('n')]")]),
          nsg('a', { location: "[reference('one').outputs.out.value]" }),
          nsg('b', { location: "[reference('one').outputs.out.value]" }),
        ],
      }),
      plan,
    );
    expect(steps.map((s) => [s.name, s.scope.resourceGroup])).toEqual([
      ['top', ''],
      ['first', 'rg-one'],
      ['second', 'rg-two'],
      ['a', ''],
      ['b', ''],
    ]);
    const first = steps[1]!.id;
    for (const s of steps.slice(3)) {
      expect(s.location).toBe('first');
      expect(s.after).toEqual([{ step: first, why: 'reference() of one' }]);
    }
  });

  it('a variable holding a reference() makes every resource that uses it wait, not only the first', () => {
    const steps = readArm(
      files({
        variables: { where: "[reference('one').outputs.out.value]" },
        resources: [
          deployment('one', 'first', [nsg('inner')]),
          nsg('a', { location: "[variables('where')]" }),
          nsg('b', { location: "[variables('where')]" }),
          nsg('c', { location: "[toLower(variables('where'))]" }),
        ],
      }),
      plan,
    );
    const inner = steps[0]!.id;
    expect(steps.slice(1).map((s) => [s.name, s.location])).toEqual([
      ['a', 'first'],
      ['b', 'first'],
      ['c', 'first'],
    ]);
    for (const s of steps.slice(1)) expect(s.after).toEqual([{ step: inner, why: 'reference() of one' }]);
  });

  it('a dependsOn text names the resource of its own template (outer evaluation, another group)', () => {
    const steps = readArm(
      files({
        resources: [
          nsg('b'),
          {
            type: 'Microsoft.Resources/deployments',
            apiVersion: '2022-09-01',
            name: 'elsewhere',
            resourceGroup: 'rg-elsewhere',
            properties: { mode: 'Incremental', template: { resources: [nsg('b'), nsg('c', { dependsOn: ['b'] })] } },
          },
          nsg('d', { dependsOn: ['b'] }),
        ],
      }),
      plan,
    );
    const [top, inner, c, d] = steps;
    expect(inner!.id).toContain('/resourcegroups/rg-elsewhere/');
    expect(c!.after).toEqual([{ step: inner!.id, why: 'dependsOn b' }]);
    expect(d!.after).toEqual([{ step: top!.id, why: 'dependsOn b' }]);
  });

  it('reads what the one-pass evaluation leaves to the full one, with the same values', () => {
    const steps = readArm(
      files({
        parameters: { p: { type: 'object', defaultValue: { Inner: 'from-object' } } },
        resources: [
          nsg("[if(equals(parameters('p').inner, 'from-object'), concat('it''s', '-', 'x'), 'no')]"),
          nsg("[createArray('a', toUpper('b'))[1]]"),
          nsg("[ toLower ( concat ( 'N', string(1) ) ) ]"),
        ],
      }),
      plan,
    );
    expect(steps.map((s) => s.name)).toEqual(["it's-x", 'B', 'n1']);
  });

  it('names the whole JSON path of a failure deep in a value, a variable, a nested template or a dependsOn', () => {
    const bad = "[uniqueString('x')]";
    const read = (template: unknown) => () => readArm(files(template), plan);
    expect(read({ resources: [nsg('a', { properties: { rules: ['x', { deep: bad }] } })] })).toThrow(
      'azuredeploy.json: $.resources[0].properties.rules[1].deep: the template function uniquestring() is not',
    );
    expect(read({ variables: { v: { w: [bad] } }, resources: [nsg("[variables('v').w[0]]")] })).toThrow(
      'azuredeploy.json: $.variables.v.w[0]: the template function uniquestring()',
    );
    expect(read({ resources: [deployment('one', 'n', [nsg('ok'), nsg(bad)])] })).toThrow(
      'azuredeploy.json: $.resources[0].properties.template.resources[1].name: the template function uniquestring()',
    );
    expect(read({ resources: [nsg('b'), nsg('a', { dependsOn: ['b', "[format('{0:x}', 'y')]"] })] })).toThrow(
      'azuredeploy.json: $.resources[1].dependsOn[1]: format() with a format specifier ({0:x}) is not evaluated.',
    );
    expect(read({ resources: [nsg("[resourceId('Microsoft.Network/virtualNetworks/subnets', 'only-one')]")] })).toThrow(
      'azuredeploy.json: $.resources[0].name: resourceId() for Microsoft.Network/virtualNetworks/subnets needs 2 ' +
        'name(s), got 1.',
    );
  });
});

describe('exports', () => {
  it('reads every step of the hub-and-spoke export with its scope, action and properties', () => {
    const hub = examplePlan('hub-and-spoke');
    const steps = readArm(armFiles(hub), hub);
    const byName = new Map(steps.map((s) => [s.name, s]));
    // VNet, NSG, 2 subnets, zone, 3 links, 6 peerings, server and its 2 settings, less nothing read.
    expect(steps).toHaveLength(17);
    const peering = byName.get('vnet-orders-data/vnet-orders-data-to-vnet-hub')!;
    expect(peering.scope).toEqual({ subscription: '', resourceGroup: 'rg-orders-network' });
    expect(peering.props).toEqual({
      remoteVirtualNetwork: expect.stringContaining('/resourcegroups/rg-hub-network/') as string,
      allowForwardedTraffic: true,
      allowGatewayTransit: false,
      useRemoteGateways: true,
    });
    const subnet = byName.get('vnet-orders-data/snet-postgres')!;
    expect(subnet.props.delegations).toEqual(['Microsoft.DBforPostgreSQL/flexibleServers']);
    expect(subnet.props.preservesLiveProperties).toBe(false);
    const server = byName.get('pg-contoso-orders')!;
    expect(server.scope).toEqual({ subscription: '', resourceGroup: '' });
    expect(server.location).toBe('westeurope');
    expect(server.props.privateDnsZone).toContain('/resourcegroups/rg-hub-dns/');
    expect(steps.every((s) => s.action === 'create')).toBe(true);
  });
});
