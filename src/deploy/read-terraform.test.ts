import { parse } from '@cdktf/hcl2json';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Plan } from '../domain/plan';
import { examplePlan, examplePlans } from '../domain/testing/examples';
import { buildModel, type SubRef } from '../exporters/model';
import { terraformFiles } from '../exporters/terraform/index';
import type { ExportFile, ProviderMajor } from '../exporters/types';
import { parseHcl, type HclExpr, type HclItem } from './hcl-parse';
import { DryRunReadError } from './read-error';
import { readTerraform } from './read-terraform';
import { armResourceId } from './resource-id';
import { expectedResources, predecessors } from './testing/expected-resources';
import { planArbitrary } from './testing/reader-plan-arbitrary';
import type { DeployStep } from './types';

/** How the Terraform export resolves a subscription: the primary from terraform.tfvars.example, others by default. */
const PLACEHOLDER = '00000000-0000-0000-0000-000000000000';
const tfSubscription = (sub: SubRef): string =>
  sub.primary && (sub.value === '' || sub.value === PLACEHOLDER) ? '' : sub.value;

const key = (s: { id: string; type: string; action: string }) => `${s.action} ${s.type} ${s.id}`;

function checkAgainstPlan(plan: Plan, steps: DeployStep[]): void {
  const a = plan.access;
  const model = buildModel(plan);
  const associated = model.access.mode === 'private' ? model.access.routeAssociations : [];
  // The live read of an existing delegated subnet (`data "azurerm_subnet" "postgres_live"`, `#read`) is checked
  // on its own: the configuration both reads and writes that subnet.
  const liveReads = steps.filter((s) => s.id.endsWith('#read'));
  // Written only where the plan puts an NSG or a route table on the existing subnet (their associations are imported
  // from it).
  const existingSubnet =
    a.mode === 'private' &&
    a.delegatedSubnet.existing &&
    (a.delegatedSubnet.nsg !== null || associated.some((r) => r.kind === 'delegated'));
  expect(liveReads.map((s) => `${s.action} ${s.type}`)).toEqual(
    existingSubnet ? ['read Microsoft.Network/virtualNetworks/subnets'] : [],
  );
  // The other reads: each subnet the configuration gives a route table without writing it, read to adopt an
  // association it has already.
  const otherReads = steps.filter((s) => s.action === 'read' && !s.id.endsWith('#read'));
  const subnetOf = (r: (typeof associated)[number]) =>
    armResourceId(
      { subscription: tfSubscription(r.vnet.loc.sub), resourceGroup: r.vnet.loc.rg },
      '',
      'Microsoft.Network/virtualNetworks/subnets',
      [r.vnet.name, r.subnet],
    );
  const existingAssociated = associated.filter((r) => r.kind === 'existing');
  expect(otherReads.map((s) => s.id).sort()).toEqual(existingAssociated.map(subnetOf).sort());
  const resources = steps.filter((s) => s.target === undefined && s.action !== 'read');
  expect(resources.map(key).sort()).toEqual(
    expectedResources(plan, tfSubscription, { inPlaceSubnets: false, zoneGroups: false }).map(key).sort(),
  );
  const associations = steps.filter((s) => s.target !== undefined);
  const nsgAssociations = associations.filter((s) => s.id.endsWith('#nsg-association'));
  if (a.mode === 'private' && a.delegatedSubnet.nsg && model.access.mode === 'private' && model.access.nsg) {
    const subnet = resources.find((s) => s.type.endsWith('/subnets') && s.name.endsWith(`/${a.delegatedSubnet.name}`));
    const planned = model.access.nsg;
    const nsgId = planned.existing
      ? // An existing NSG is named by its ID, not written: the association waits only for the subnet.
        armResourceId(
          { subscription: tfSubscription(planned.loc.sub), resourceGroup: planned.loc.rg },
          '',
          'Microsoft.Network/networkSecurityGroups',
          [planned.name],
        )
      : resources.find((s) => s.type === 'Microsoft.Network/networkSecurityGroups')?.id;
    expect(nsgAssociations).toHaveLength(1);
    expect(nsgAssociations[0]?.target).toBe(subnet?.id);
    expect(nsgAssociations[0]?.id).toBe(`${subnet?.id}#nsg-association`);
    expect(nsgAssociations[0]?.props.networkSecurityGroup).toBe(nsgId);
    // The association follows the subnet, and the NSG when the configuration writes it.
    expect(nsgAssociations[0]?.after.map((e) => e.step).sort()).toEqual(
      (planned.existing ? [subnet?.id] : [nsgId, subnet?.id]).sort(),
    );
  } else expect(nsgAssociations).toEqual([]);
  // One route table association per subnet that uses a table, pointing at the table the plan gives it.
  const routeAssociations = associations.filter((s) => s.id.endsWith('#route-table-association'));
  expect(routeAssociations).toHaveLength(associated.length);
  expect(associations).toHaveLength(nsgAssociations.length + routeAssociations.length);
  if (model.access.mode === 'private') {
    const tables = model.access.routeTables;
    for (const r of associated) {
      const step = routeAssociations.find((s) => s.target === subnetOf(r));
      const planned = tables[r.table] as (typeof tables)[number];
      if (planned.existing) {
        // An existing table is named by its ID, not written: the association waits for nothing of it.
        const id = armResourceId(
          { subscription: tfSubscription(planned.vnet.loc.sub), resourceGroup: planned.vnet.loc.rg },
          '',
          'Microsoft.Network/routeTables',
          [planned.name],
        );
        expect(step?.props.routeTable).toBe(id);
        expect(resources.some((s) => s.id === id)).toBe(false);
        continue;
      }
      const table = resources.find((s) => s.type === 'Microsoft.Network/routeTables' && s.name === planned.name);
      expect(step?.props.routeTable).toBe(table?.id);
      expect(step?.after.map((e) => e.step)).toContain(table?.id);
    }
  }
  // Every edge points at a step of the artefact and says why.
  const ids = new Set(steps.map((s) => s.id));
  for (const s of steps) {
    for (const e of s.after) {
      expect(ids.has(e.step)).toBe(true);
      expect(e.why).toMatch(/refers to|depends_on/);
    }
  }
}

describe('readTerraform on the examples', () => {
  for (const { name, plan } of examplePlans()) {
    for (const major of [4, 5] as ProviderMajor[]) {
      it(`${name} (azurerm ${major}.x): the steps are the resources the plan deploys`, () => {
        checkAgainstPlan(plan, readTerraform(terraformFiles(plan, { providerMajor: major }), plan));
      });
    }
  }

  it('hub-and-spoke: the spoke peering using remote gateways follows the hub peering offering transit', () => {
    const plan = examplePlan('hub-and-spoke');
    const steps = readTerraform(terraformFiles(plan), plan);
    const spoke = steps.find((s) => s.props.useRemoteGateways === true);
    const hub = steps.find((s) => s.props.allowGatewayTransit === true);
    expect(spoke?.name).toBe('vnet-orders-data/vnet-orders-data-to-vnet-hub');
    expect(hub?.name).toBe('vnet-hub/vnet-hub-to-vnet-orders-data');
    expect(predecessors(steps, spoke?.id ?? '').has(hub?.id ?? '')).toBe(true);
    expect(spoke?.after.find((e) => e.step === hub?.id)?.why).toContain('depends_on');
  });

  it('without the depends_on, nothing orders the two peerings (Terraform would run them in parallel)', () => {
    const plan = examplePlan('hub-and-spoke');
    const files = terraformFiles(plan).map((f) =>
      f.path === 'main.tf'
        ? {
            ...f,
            contents: f.contents.replace(/\n *depends_on *= \[azurerm_virtual_network_peering\.[a-z_0-9]+\]/, ''),
          }
        : f,
    );
    expect(files.find((f) => f.path === 'main.tf')?.contents).not.toEqual(
      terraformFiles(plan).find((f) => f.path === 'main.tf')?.contents,
    );
    const steps = readTerraform(files, plan);
    const spoke = steps.find((s) => s.props.useRemoteGateways === true);
    const hub = steps.find((s) => s.props.allowGatewayTransit === true);
    expect(predecessors(steps, spoke?.id ?? '').has(hub?.id ?? '')).toBe(false);
    expect(predecessors(steps, hub?.id ?? '').has(spoke?.id ?? '')).toBe(false);
  });

  it('reads scope, location and the server properties', () => {
    const plan = examplePlan('hub-and-spoke');
    const steps = readTerraform(terraformFiles(plan), plan);
    const server = steps.find((s) => s.type === 'Microsoft.DBforPostgreSQL/flexibleServers');
    expect(server?.scope).toEqual({
      subscription: '00000000-0000-0000-0000-0000000000a1',
      resourceGroup: 'rg-orders-data',
    });
    expect(server?.location).toBe('westeurope');
    expect(server?.props).toMatchObject({
      publicNetworkAccess: 'Disabled',
      highAvailability: 'ZoneRedundant',
      delegatedSubnet: steps.find((s) => s.name === 'vnet-orders-data/snet-postgres')?.id,
      privateDnsZone: steps.find((s) => s.type === 'Microsoft.Network/privateDnsZones')?.id,
    });
    const subnet = steps.find((s) => s.name === 'vnet-orders-data/snet-postgres');
    expect(subnet?.props.delegations).toEqual(['Microsoft.DBforPostgreSQL/flexibleServers']);
    expect(subnet?.props.serviceEndpoints).toEqual(['Microsoft.Storage']);
    expect(subnet?.location).toBeUndefined();
    // A local built only from variables (the hub VNet's ID) is no ordering edge.
    const hubLink = steps.find((s) => s.name.endsWith('/vnet-hub-link'));
    expect(hubLink?.after.map((e) => e.step)).toEqual([steps.find((s) => s.type.endsWith('privateDnsZones'))?.id]);
  });
});

describe('readTerraform on generated plans', () => {
  it('reads every export into the resources the plan deploys (both provider majors)', () => {
    fc.assert(
      fc.property(planArbitrary, fc.constantFrom<ProviderMajor>(4, 5), (plan, major) => {
        checkAgainstPlan(plan, readTerraform(terraformFiles(plan, { providerMajor: major }), plan));
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('an imported existing subnet is an update that keeps its live properties', () => {
    fc.assert(
      fc.property(
        planArbitrary.filter((p) => p.access.mode === 'private' && p.access.delegatedSubnet.existing),
        (plan) => {
          const steps = readTerraform(terraformFiles(plan), plan);
          const subnet = steps.find((s) => s.action === 'update');
          expect(subnet?.type).toBe('Microsoft.Network/virtualNetworks/subnets');
          expect(subnet?.props.preservesLiveProperties).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  }, 60_000);

  it('a resource in another subscription takes its provider alias subscription', () => {
    const plan = examplePlan('hub-and-spoke');
    if (plan.access.mode !== 'private' || !plan.access.privateDnsZone) throw new Error('fixture');
    plan.access.privateDnsZone.subscription = '11111111-2222-3333-4444-555555555555';
    const steps = readTerraform(terraformFiles(plan), plan);
    const zone = steps.find((s) => s.type === 'Microsoft.Network/privateDnsZones');
    expect(zone?.scope.subscription).toBe('11111111-2222-3333-4444-555555555555');
    expect(zone?.id).toMatch(/^\/subscriptions\/11111111-2222-3333-4444-555555555555\/resourcegroups\/rg-hub-dns\//);
  });
});

// --- Hand-written configurations: forms the exporter may write. -----------------------------------------------------

const HAND_WRITTEN = `variable "subscription_id" {
  type = string
}

provider "azurerm" {
  subscription_id = var.subscription_id

  features {}
}

locals {
  subnet_id = azurerm_subnet.postgres.id
}

data "azurerm_virtual_network" "server" {
  name                = "vnet-a"
  resource_group_name = "rg-net"
}

data "azurerm_subnet" "live" {
  name                 = "snet-postgres"
  virtual_network_name = data.azurerm_virtual_network.server.name
  resource_group_name  = "rg-net"
}

import {
  to = azurerm_subnet.postgres
  id = "/subscriptions/\${var.subscription_id}/resourceGroups/rg-net/providers/\
Microsoft.Network/virtualNetworks/vnet-a/subnets/snet-postgres"
}

resource "azurerm_subnet" "postgres" {
  name                 = "snet-postgres"
  resource_group_name  = "rg-net"
  virtual_network_name = data.azurerm_virtual_network.server.name
  address_prefixes     = data.azurerm_subnet.live.address_prefixes

  delegation {
    name = "dlg"

    service_delegation {
      name = "Microsoft.DBforPostgreSQL/flexibleServers"
    }
  }
}

resource "azurerm_route_table" "rt" {
  name                = "rt-a"
  resource_group_name = "rg-net"
  location            = "northeurope"
}

resource "azurerm_subnet_route_table_association" "postgres" {
  subnet_id      = local.subnet_id
  route_table_id = azurerm_route_table.rt.id
}
`;

describe('readTerraform on a hand-written configuration', () => {
  const plan = examplePlan('hub-and-spoke');
  const files: ExportFile[] = [
    { path: 'main.tf', contents: HAND_WRITTEN },
    { path: 'terraform.tfvars.example', contents: 'subscription_id = "00000000-0000-0000-0000-000000000000"\n' },
  ];
  const steps = readTerraform(files, plan);
  const subnetId =
    '/subscriptions//resourcegroups/rg-net/providers/microsoft.network/virtualnetworks/vnet-a/subnets/snet-postgres';
  const vnetId = '/subscriptions//resourcegroups/rg-net/providers/microsoft.network/virtualnetworks/vnet-a';

  it('data sources are reads; a read of a resource the configuration also writes gets its own step ID', () => {
    expect(steps.map((s) => [s.id, s.action])).toEqual([
      [vnetId, 'read'],
      [`${subnetId}#read`, 'read'],
      [subnetId, 'update'],
      ['/subscriptions//resourcegroups/rg-net/providers/microsoft.network/routetables/rt-a', 'create'],
      [`${subnetId}#route-table-association`, 'create'],
    ]);
  });

  it("the placeholder subscription of the tfvars example is the deployment's own", () => {
    expect(steps.every((s) => s.scope.subscription === '')).toBe(true);
  });

  it('a reference to a data source orders after the read; a reference through a local after the resource', () => {
    const subnet = steps.find((s) => s.id === subnetId);
    expect(subnet?.after.map((e) => e.step).sort()).toEqual([vnetId, `${subnetId}#read`].sort());
    expect(subnet?.props).toEqual({
      delegations: ['Microsoft.DBforPostgreSQL/flexibleServers'],
      serviceEndpoints: [],
      preservesLiveProperties: true,
    });
    const association = steps.find((s) => s.target === subnetId);
    expect(association?.props.routeTable).toBe(
      '/subscriptions//resourcegroups/rg-net/providers/microsoft.network/routetables/rt-a',
    );
    expect(association?.after.find((e) => e.step === subnetId)?.why).toBe(
      'azurerm_subnet_route_table_association.postgres.subnet_id (through local.subnet_id) ' +
        'refers to azurerm_subnet.postgres',
    );
  });

  it('the region of a resource is its location argument', () => {
    expect(steps.find((s) => s.type === 'Microsoft.Network/routeTables')?.location).toBe('northeurope');
  });
});

describe('readTerraform builds IDs as armResourceId does', () => {
  // The reader lower-cases each part of an ID on its own; lower-casing looks at a letter's neighbours (a final
  // sigma), so names that start or end with one, and a subscription and group in capitals, pin that the result is
  // still the whole ID lower-cased.
  const names: [string, string, string][] = [
    ['ΟΔΟΣ', 'Σ-net', 'rg-ΑΣ'],
    ['vnet-ΣΑΣ', 'snet-İx', 'RG-Net'],
    ['A', 'ß', 'ΣΣ'],
  ];
  for (const [vnet, subnet, group] of names) {
    it(`${vnet}, ${subnet} in ${group}`, () => {
      const sub = 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE';
      const main = `resource "azurerm_subnet" "s" {
  name                 = "${subnet}"
  resource_group_name  = "${group}"
  virtual_network_name = "${vnet}"
  address_prefixes     = ["10.0.0.0/24"]
}
`;
      const files: ExportFile[] = [
        { path: 'main.tf', contents: `${main}\nprovider "azurerm" {\n  subscription_id = "${sub}"\n}\n` },
      ];
      const [step] = readTerraform(files, examplePlan('hub-and-spoke'));
      const scope = { subscription: sub, resourceGroup: group };
      expect(step?.id).toBe(armResourceId(scope, '', 'Microsoft.Network/virtualNetworks/subnets', [vnet, subnet]));
    });
  }
});

const EDGES = `locals {
  hub_id = azurerm_virtual_network.hub.id
}

resource "azurerm_virtual_network" "hub" {
  name                = "vnet-hub"
  resource_group_name = "rg"
  location            = "westeurope"
  address_space       = ["10.0.0.0/16"]
}

resource "azurerm_network_security_group" "nsg" {
  name                = "nsg-a"
  resource_group_name = "rg"
  location            = "westeurope"
}

resource "azurerm_virtual_network_peering" "a" {
  name                      = "hub-to-b"
  resource_group_name       = "rg"
  virtual_network_name      = azurerm_virtual_network.hub.name
  remote_virtual_network_id = local.hub_id
  allow_forwarded_traffic   = azurerm_virtual_network_peering.a.allow_gateway_transit
  depends_on                = [azurerm_network_security_group.nsg, azurerm_virtual_network.hub]
}

resource "azurerm_virtual_network_peering" "b" {
  name                      = "hub-to-c"
  resource_group_name       = "rg"
  remote_virtual_network_id = local.hub_id
  virtual_network_name      = azurerm_virtual_network.hub.name

  lifecycle {
    ignore_changes = [azurerm_network_security_group.nsg]
  }
}

resource "azurerm_subnet" "s" {
  name                 = "snet"
  resource_group_name  = "rg"
  virtual_network_name = "vnet-hub"
  address_prefixes     = ["10.0.0.0/24"]

  delegation {
    name = azurerm_network_security_group.nsg.name

    service_delegation {
      name = "Microsoft.DBforPostgreSQL/flexibleServers"
    }
  }

  service_endpoints = [azurerm_virtual_network.hub.name]
}
`;

describe('readTerraform: the ordering edges of a block', () => {
  const steps = readTerraform([{ path: 'main.tf', contents: EDGES }], examplePlan('hub-and-spoke'));
  const group = '/subscriptions//resourcegroups/rg/providers/microsoft.network';
  const after = (name: string) => steps.find((s) => s.name === name)?.after;

  it('one edge per step referred to, in the order written, saying the first argument that refers to it', () => {
    // The peering refers to the hub twice (directly, then through a local) and to itself (no edge); depends_on
    // adds the NSG and names the hub again.
    expect(after('vnet-hub/hub-to-b')).toEqual([
      {
        step: `${group}/virtualnetworks/vnet-hub`,
        why: 'azurerm_virtual_network_peering.a.virtual_network_name refers to azurerm_virtual_network.hub',
      },
      {
        step: `${group}/networksecuritygroups/nsg-a`,
        why: 'azurerm_virtual_network_peering.a has depends_on azurerm_network_security_group.nsg',
      },
    ]);
  });

  it('a reference through a local says so; lifecycle is no reference', () => {
    expect(after('vnet-hub/hub-to-c')).toEqual([
      {
        step: `${group}/virtualnetworks/vnet-hub`,
        why:
          'azurerm_virtual_network_peering.b.remote_virtual_network_id (through local.hub_id) ' +
          'refers to azurerm_virtual_network.hub',
      },
    ]);
  });

  it('a reference inside a nested block names the block path', () => {
    expect(after('vnet-hub/snet')).toEqual([
      {
        step: `${group}/networksecuritygroups/nsg-a`,
        why: 'azurerm_subnet.s.delegation.name refers to azurerm_network_security_group.nsg',
      },
      {
        step: `${group}/virtualnetworks/vnet-hub`,
        why: 'azurerm_subnet.s.service_endpoints refers to azurerm_virtual_network.hub',
      },
    ]);
    expect(after('vnet-hub')).toEqual([]);
  });
});

// --- The cross-check with hcl2json: the reader's parser sees the same blocks and attributes. ---------------------

function renderExpr(e: HclExpr): string {
  switch (e.k) {
    case 'ref':
      return e.root + e.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('');
    case 'call':
      return `${e.fn}(${e.args.map(renderExpr).join(', ')})`;
    // A conditional import's for_each: hcl2json keeps the expression's source text, written as the exporter does.
    case 'list':
      return `[${e.items.map(renderExpr).join(', ')}]`;
    case 'str':
      return `"${e.parts.map((p) => (typeof p === 'string' ? p : `\${${renderExpr(p)}}`)).join('')}"`;
    case 'num':
      return String(e.value);
    case 'compare':
      return `${renderExpr(e.left)} ${e.op} ${renderExpr(e.right)}`;
    case 'cond':
      return `${renderExpr(e.cond)} ? ${renderExpr(e.then)} : ${renderExpr(e.else)}`;
    default:
      throw new Error(`not rendered inside an interpolation: ${e.k}`);
  }
}

/** The reader's parse of a file, in hcl2json's JSON shape. */
function asHcl2Json(items: readonly HclItem[]): Record<string, unknown> {
  const value = (e: HclExpr): unknown => {
    switch (e.k) {
      case 'str':
        return (
          e.parts
            // hcl2json keeps the `$${` and `%%{` escapes as written.
            .map((p) => (typeof p === 'string' ? p.replace(/([$%])\{/g, '$1$1{') : `\${${renderExpr(p)}}`))
            .join('')
        );
      case 'num':
      case 'bool':
        return e.value;
      case 'null':
        return null;
      case 'list':
        return e.items.map(value);
      case 'obj':
        return Object.fromEntries(e.entries.map((x) => [x.key, value(x.value)]));
      default:
        return `\${${renderExpr(e)}}`;
    }
  };
  const out: Record<string, unknown> = {};
  for (const i of items) {
    if (i.kind === 'attr') {
      out[i.name] = value(i.value);
      continue;
    }
    let holder = out;
    const path = [i.type, ...i.labels];
    path.slice(0, -1).forEach((p) => {
      holder[p] ??= {};
      holder = holder[p] as Record<string, unknown>;
    });
    const last = path[path.length - 1] as string;
    holder[last] ??= [];
    (holder[last] as unknown[]).push(asHcl2Json(i.body));
  }
  return out;
}

async function crossCheck(files: readonly ExportFile[]): Promise<void> {
  for (const f of files.filter((x) => x.path.endsWith('.tf'))) {
    expect(asHcl2Json(parseHcl(f.path, f.contents)), f.path).toEqual(await parse(f.path, f.contents));
  }
}

describe('the HCL parser reads what hcl2json reads', () => {
  it('on every example (azurerm 4.x and 5.x)', async () => {
    for (const { plan } of examplePlans()) {
      for (const major of [4, 5] as ProviderMajor[]) await crossCheck(terraformFiles(plan, { providerMajor: major }));
    }
  }, 60_000);

  it('on text that needs escaping (an NSG rule description)', async () => {
    const plan = examplePlan('hub-and-spoke');
    if (plan.access.mode !== 'private' || !plan.access.delegatedSubnet.nsg) throw new Error('fixture');
    const rule = plan.access.delegatedSubnet.nsg.rules[0];
    if (!rule) throw new Error('fixture');
    rule.description = 'a ${var.x} b %{ if y } "q" \\ c $${d} \u00e9';
    const files = terraformFiles(plan);
    expect(files.find((f) => f.path === 'main.tf')?.contents).toContain('$${var.x}');
    await crossCheck(files);
  }, 60_000);

  it('on generated plans', async () => {
    // hcl2json takes tens of milliseconds a file: fewer runs than the reader checks.
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => crossCheck(terraformFiles(plan))),
      { numRuns: 25 },
    );
  }, 60_000);
});

// --- Input outside the subset: an error naming file and line. -------------------------------------------------------

describe('readTerraform refuses what it cannot read', () => {
  const plan = examplePlan('hub-and-spoke');
  const withMain = (edit: (main: string) => string): ExportFile[] =>
    terraformFiles(plan).map((f) => (f.path === 'main.tf' ? { ...f, contents: edit(f.contents) } : f));
  const lineOf = (text: string, needle: string) => text.slice(0, text.indexOf(needle)).split('\n').length;
  const main = terraformFiles(plan).find((f) => f.path === 'main.tf')?.contents ?? '';

  const cases: { what: string; edit: (m: string) => string; needle: string; message: RegExp }[] = [
    {
      what: 'an operator',
      edit: (m) => m.replace('storage_mb                    = var.storage_mb', 'storage_mb = var.storage_mb * 2'),
      needle: 'storage_mb = var.storage_mb * 2',
      message: /operator "\*"/,
    },
    {
      what: 'a conditional',
      edit: (m) => m.replace('version                       = "17"', 'version = var.x ? "16" : "17"'),
      needle: 'version = var.x',
      message: /a condition outside an import block's for_each/,
    },
    {
      what: 'a heredoc',
      edit: (m) => m.replace('version                       = "17"', 'version = <<EOT\n17\nEOT'),
      needle: 'version = <<EOT',
      message: /heredoc/,
    },
    {
      what: 'a function call',
      edit: (m) => m.replace('version                       = "17"', 'version = lower("17")'),
      needle: 'version = lower',
      message: /function lower\(\)/,
    },
    {
      what: 'a resource type the dry run does not model',
      edit: (m) => `${m}\nresource "azurerm_nat_gateway" "x" {\n  name = "n"\n}\n`,
      needle: 'resource "azurerm_nat_gateway"',
      message: /azurerm_nat_gateway is not one the dry run models/,
    },
    {
      what: 'a resource type named after a built-in of JavaScript objects',
      edit: (m) => `${m}\nresource "constructor" "x" {\n  name = "n"\n}\n`,
      needle: 'resource "constructor"',
      message: /constructor is not one the dry run models/,
    },
    {
      what: 'a \\U escape past the last Unicode character',
      edit: (m) => m.replace('version                       = "17"', 'version = "\\U00110000"'),
      needle: 'version = "\\U',
      message: /bad \\U escape \(\\U00110000 is past U\+10FFFF\)/,
    },
    {
      what: 'a reference to an undeclared resource',
      edit: (m) => m.replace('azurerm_subnet.postgres.id\n', 'azurerm_subnet.missing.id\n'),
      needle: 'azurerm_subnet.missing.id',
      message: /azurerm_subnet\.missing, which is not declared/,
    },
    {
      what: 'depends_on naming an undeclared resource',
      edit: (m) => m.replace('[azurerm_subnet.postgres]', '[azurerm_subnet.gone]'),
      needle: '[azurerm_subnet.gone]',
      message: /depends_on names azurerm_subnet\.gone/,
    },
    {
      what: 'a block that is not closed',
      edit: (m) => `${m}\nresource "azurerm_subnet" "open" {\n  name = "x"\n`,
      needle: '\n',
      message: /not closed/,
    },
    {
      what: 'an unterminated string',
      edit: (m) => m.replace('version                       = "17"', 'version = "17'),
      needle: 'version = "17',
      message: /unterminated string/,
    },
  ];
  for (const c of cases) {
    it(`${c.what}: the error names main.tf and the line`, () => {
      const files = withMain(c.edit);
      const edited = files.find((f) => f.path === 'main.tf')?.contents ?? '';
      expect(edited).not.toBe(main);
      const line = c.what === 'a block that is not closed' ? edited.split('\n').length : lineOf(edited, c.needle);
      let error: unknown;
      try {
        readTerraform(files, plan);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DryRunReadError);
      expect((error as DryRunReadError).file).toBe('main.tf');
      expect((error as Error).message).toMatch(new RegExp(`^main\\.tf: line ${line}: `));
      expect((error as Error).message).toMatch(c.message);
    });
  }

  it('a variable used but not declared names variables and its line', () => {
    const files = withMain((m) => m.replace('location            = var.location', 'location = var.nowhere'));
    expect(() => readTerraform(files, plan)).toThrow(/^main\.tf: line \d+: var\.nowhere is not a declared variable/);
  });
});
