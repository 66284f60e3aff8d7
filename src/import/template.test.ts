import { describe, expect, it } from 'vitest';
import { isArmTemplate, templateResources } from './template';

const SCHEMA = 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#';

/** The template's resources, and what was left out, for `resources` with these parameters and variables. */
const read = (resources: unknown[], parameters: object = {}, variables: object = {}) =>
  templateResources({ $schema: SCHEMA, parameters, variables, resources });

describe('templateResources', () => {
  it('recognises a deployment template by its $schema and resources', () => {
    expect(isArmTemplate({ $schema: SCHEMA, resources: [] })).toBe(true);
    expect(isArmTemplate({ $schema: SCHEMA })).toBe(false);
    expect(isArmTemplate({ $schema: 'https://json-schema.org/draft-07/schema', resources: [] })).toBe(false);
  });

  it('evaluates parameters, variables (through each other), concat, format, toLower and escaped brackets', () => {
    const { resources, skipped } = read(
      [
        {
          type: 'Microsoft.Network/virtualNetworks',
          name: "[toLower(variables('vnet'))]",
          location: "[parameters('location')]",
          properties: {
            addressSpace: { addressPrefixes: ["[format('{0}.0.0/16', parameters('base'))]"] },
            dhcpOptions: { dnsServers: ["[concat(parameters('base'), '.0.4')]"] },
            literal: '[[not an expression]',
          },
        },
      ],
      {
        location: { type: 'String', defaultValue: 'eastus' },
        base: { type: 'String', defaultValue: '10.9' },
        name: { type: 'String', defaultValue: 'VNET-X' },
      },
      { vnet: "[parameters('name')]" },
    );
    expect(skipped).toEqual([]);
    expect(resources).toEqual([
      {
        id: '/subscriptions//resourceGroups//providers/Microsoft.Network/virtualNetworks/vnet-x',
        name: 'vnet-x',
        type: 'Microsoft.Network/virtualNetworks',
        location: 'eastus',
        properties: {
          addressSpace: { addressPrefixes: ['10.9.0.0/16'] },
          dhcpOptions: { dnsServers: ['10.9.0.4'] },
          literal: '[not an expression]',
        },
      },
    ]);
  });

  it('names children declared inside their parent, and builds resourceId() with a subscription and group', () => {
    const { resources } = read([
      {
        type: 'Microsoft.Network/virtualNetworks',
        name: 'vnet-a',
        properties: {
          subnets: [
            {
              name: 'snet-b',
              properties: {
                routeTable: {
                  id: "[resourceId('sub-1', 'rg-2', 'Microsoft.Network/routeTables', 'rt-c')]",
                },
              },
            },
          ],
        },
        resources: [{ type: 'virtualNetworkPeerings', name: 'to-hub', properties: {} }],
      },
    ]);
    const vnet = '/subscriptions//resourceGroups//providers/Microsoft.Network/virtualNetworks/vnet-a';
    expect(resources.map((r) => [r.type, r.id])).toEqual([
      ['Microsoft.Network/virtualNetworks', vnet],
      ['Microsoft.Network/virtualNetworks/virtualNetworkPeerings', `${vnet}/virtualNetworkPeerings/to-hub`],
    ]);
    expect(resources[0]?.properties).toEqual({
      subnets: [
        {
          name: 'snet-b',
          properties: {
            routeTable: { id: '/subscriptions/sub-1/resourceGroups/rg-2/providers/Microsoft.Network/routeTables/rt-c' },
          },
        },
      ],
    });
  });

  it('leaves out what it cannot evaluate, and says which expression, where and why', () => {
    const { resources, skipped } = read(
      [
        {
          type: 'Microsoft.Network/virtualNetworks',
          name: 'vnet-a',
          properties: { addressSpace: { addressPrefixes: ['10.0.0.0/16', "[variables('loop')]"] } },
        },
        { type: "[parameters('missing')]", name: 'x' },
      ],
      {},
      { loop: "[variables('loop')]" },
    );
    expect(resources[0]?.properties).toEqual({ addressSpace: { addressPrefixes: ['10.0.0.0/16'] } });
    expect(skipped).toEqual([
      {
        resourceId: '/subscriptions//resourceGroups//providers/Microsoft.Network/virtualNetworks/vnet-a',
        reason:
          "Its properties.addressSpace.addressPrefixes[1] is the template expression [variables('loop')], which the " +
          "planner can't evaluate (its parameters or variables refer to each other); " +
          'properties.addressSpace.addressPrefixes[1] was left out.',
      },
      {
        resourceId: "resource 2 of the template ([parameters('missing')])",
        reason:
          "Its type is the template expression [parameters('missing')], which the planner can't evaluate (the " +
          'parameter missing has no default value), so it was left out.',
      },
    ]);
  });
});
