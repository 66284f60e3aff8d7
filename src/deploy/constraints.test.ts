/**
 * One crafted ARM artefact per modelled constraint: the hub-and-spoke export (or a variant of its plan) edited the
 * way a broken exporter would write it, and the dry run refusing the step Azure would refuse, for that reason.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { setIn } from '../domain/paths';
import { PlanDocumentSchema, type Plan } from '../domain/plan';
import { exampleDocument, examplePlan } from '../domain/testing/examples';
import { armFiles } from '../exporters/arm/index';
import type { ExportFile } from '../exporters/types';
import { CONSTRAINTS, CONSTRAINT_LIST } from './constraints';
import { dryRun } from './index';
import { editArm, resource, type ArmTemplate } from './testing/arm-edit';

const hub = examplePlan('hub-and-spoke');
const hubWith = (...edits: [string, unknown][]): Plan => {
  let doc = exampleDocument('hub-and-spoke');
  for (const [path, value] of edits) doc = setIn(doc, path, value);
  return PlanDocumentSchema.parse(doc);
};
const run = (plan: Plan, files: ExportFile[]) => dryRun(plan, 'arm', files);
const edited = (plan: Plan, edit: (t: ArmTemplate) => void) => run(plan, editArm(armFiles(plan), edit));

const SERVER = 'Microsoft.DBforPostgreSQL/flexibleServers';
const PEERING = 'Microsoft.Network/virtualNetworks/virtualNetworkPeerings';
const SUBNET = 'Microsoft.Network/virtualNetworks/subnets';
const GUID_A = '11111111-2222-3333-4444-555555555555';

describe('the catalog', () => {
  it('has unique ids, one-sentence titles and a source for each constraint', () => {
    expect(new Set(CONSTRAINT_LIST.map((c) => c.id)).size).toBe(CONSTRAINT_LIST.length);
    for (const c of CONSTRAINT_LIST) {
      expect(c.title.trim().endsWith('.')).toBe(true);
      expect(c.title.slice(0, -1)).not.toMatch(/\.\s/);
      expect(c.source.length).toBeGreaterThan(10);
    }
  });

  it("today's hub-and-spoke export passes", () => {
    const report = run(hub, armFiles(hub));
    expect(report.refusal).toBeNull();
    expect(report.constraints).toBe(CONSTRAINT_LIST);
  });
});

describe('each constraint catches the artefact that breaks it', () => {
  it('gateway transit: the hub-and-spoke export before the ordering fix (commit f8e0e25) is refused', () => {
    // `git show f8e0e25~1:src/exporters/__golden__/hub-and-spoke/arm/azuredeploy.json`, reformatted by Prettier.
    const before = readFileSync(
      new URL('./__fixtures__/hub-and-spoke-before-transit-fix.azuredeploy.json', import.meta.url),
      'utf8',
    );
    const files = armFiles(hub).map((f) => (f.path === 'azuredeploy.json' ? { ...f, contents: before } : f));
    const report = run(hub, files);
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.gatewayTransit);
    expect(report.refusal?.step.name).toBe('vnet-orders-data/vnet-orders-data-to-vnet-hub');
    expect(report.refusal?.reason).toContain('vnet-hub/vnet-hub-to-vnet-orders-data');
    expect(report.refusal?.reason).toContain('may run after it');
  });

  it('gateway transit: without the dependency on the hub side, the two peerings race', () => {
    const report = edited(hub, (t) => {
      const holder = t.resources.find((r) => r.name === 'pgflex-peering-vnet-orders-data-to-vnet-hub')!;
      // The deployment holding the hub's peerings, the one that offers transit among them.
      holder.dependsOn = holder.dependsOn!.filter((d) => d !== 'pgflex-peerings-rg-hub-network');
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.gatewayTransit);
    expect(report.refusal?.step.props.useRemoteGateways).toBe(true);
  });

  it('one remote gateway: two peerings of the server VNet that both use a remote gateway', () => {
    // A second site behind a gateway in the other spoke, whose peerings with the server VNet offer and use it.
    const plan = hubWith(
      [
        'access.onPremises.1',
        { name: 'office-2', addressRanges: ['192.168.20.0/24'], connection: 'vpn', gatewayVnet: 'vnet-spoke-2' },
      ],
      ['access.peerings.2.useRemoteGateways', true],
      ['access.peerings.3.allowGatewayTransit', true],
    );
    expect(plan.access.mode === 'private' && plan.access.peerings[2]).toMatchObject({
      from: 'vnet-orders-data',
      to: 'vnet-spoke-2',
    });
    const report = run(plan, armFiles(plan));
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.oneRemoteGateway);
    expect(report.refusal?.reason).toMatch(/vnet-orders-data-to-vnet-(hub|spoke-2)/);
  });

  it('one remote gateway: none from a VNet that has a gateway of its own', () => {
    const plan = hubWith([
      'access.onPremises.1',
      { name: 'office-2', addressRanges: ['192.168.20.0/24'], connection: 'vpn', gatewayVnet: '' },
    ]);
    const report = run(plan, armFiles(plan));
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.oneRemoteGateway);
    expect(report.refusal?.reason).toContain('has a gateway of its own');
  });

  it('delegated subnet: a subnet without the delegation', () => {
    const report = edited(hub, (t) => {
      delete resource(t, SUBNET, 'snet-postgres').properties!.delegations;
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.delegatedSubnet);
    expect(report.refusal?.step.type).toBe(SERVER);
    expect(report.refusal?.reason).toContain('subnets vnet-orders-data/snet-postgres');
  });

  it('delegated subnet: a server that does not wait for its subnet', () => {
    const plan = hubWith(['access.vnet.resourceGroup', 'rg-orders-data']);
    const report = edited(plan, (t) => {
      const server = resource(t, SERVER, 'serverName');
      // Neither the subnet nor the peerings after it on the server VNet.
      server.dependsOn = server.dependsOn!.filter((d) => !d.includes("'vnet-orders-data', '"));
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.delegatedSubnet);
    expect(report.refusal?.reason).toContain('not order');
  });

  it('zone and link: a server that does not wait for the zone deployment', () => {
    const report = edited(hub, (t) => {
      const server = resource(t, SERVER, 'serverName');
      server.dependsOn = server.dependsOn!.filter((d) => d !== 'pgflex-dns-zone');
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.zoneAndLink);
    expect(report.refusal?.reason).toContain('privateDnsZones contoso-orders.private.postgres.database.azure.com');
  });

  it('zone and link: no link of the zone to the server VNet', () => {
    const report = edited(hub, (t) => {
      const dns = t.resources.find((r) => r.name === 'pgflex-dns-zone')!.properties!.template!;
      dns.resources = dns.resources.filter((r) => !String(r.name).includes('vnet-orders-data-link'));
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.zoneAndLink);
    expect(report.refusal?.reason).toContain('no link');
  });

  it('peering before DNS: the custom DNS server is in the hub and the server does not wait for the peerings', () => {
    const report = edited(hub, (t) => {
      const server = resource(t, SERVER, 'serverName');
      server.dependsOn = server.dependsOn!.filter((d) => !d.startsWith('pgflex-peering'));
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.peeringBeforeDns);
    expect(report.refusal?.reason).toContain('10.0.0.4');
    expect(report.refusal?.reason).toContain('virtualNetworks vnet-hub');
  });

  it('NSG and route table: a subnet that does not wait for its NSG', () => {
    const report = edited(hub, (t) => {
      const subnet = resource(t, SUBNET, 'snet-postgres');
      subnet.dependsOn = subnet.dependsOn!.filter((d) => !d.includes('networkSecurityGroups'));
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.nsgAndRouteTable);
    expect(report.refusal?.step.name).toBe('vnet-orders-data/snet-postgres');
  });

  it('NSG and route table: a route table nobody creates', () => {
    const report = edited(hub, (t) => {
      resource(t, SUBNET, 'snet-postgres').properties!.routeTable = {
        id: "[resourceId('Microsoft.Network/routeTables', 'rt-missing')]",
      };
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.nsgAndRouteTable);
    expect(report.refusal?.reason).toContain('routeTables rt-missing');
  });

  it('peering remote: the hub’s peering to the server VNet does not wait for that VNet', () => {
    const report = edited(hub, (t) => {
      const holder = t.resources.find((r) => r.name === 'pgflex-peerings-rg-hub-network')!;
      holder.dependsOn = holder.dependsOn!.filter((d) => d !== 'pgflex-vnet-orders-data');
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.peeringRemote);
    expect(report.refusal?.step.name).toBe('vnet-hub/vnet-hub-to-vnet-orders-data');
    expect(report.refusal?.reason).toContain('The remote VNet of vnet-hub/vnet-hub-to-vnet-orders-data');
    expect(report.refusal?.reason).toContain('virtualNetworks vnet-orders-data');
  });

  it('parent first: a server configuration that does not wait for its server', () => {
    const report = edited(hub, (t) => {
      delete resource(t, 'Microsoft.DBforPostgreSQL/flexibleServers/configurations', 'require_secure').dependsOn;
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.parentFirst);
    expect(report.refusal?.step.name).toBe('pg-contoso-orders/require_secure_transport');
  });

  it('read existing: a reference() to a VNet that does not exist', () => {
    const report = edited(hub, (t) => {
      resource(t, 'Microsoft.DBforPostgreSQL/flexibleServers/configurations', 'require_secure').properties!.value =
        "[reference(resourceId('rg-x', 'Microsoft.Network/virtualNetworks', 'vnet-missing')).dhcpOptions]";
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.readExisting);
    expect(report.refusal?.reason).toContain('virtualNetworks vnet-missing');
  });

  it('existing preserved: an existing delegated subnet PUT with only what the plan knows', () => {
    const plan = hubWith(['access.vnet.existing', true], ['access.delegatedSubnet.existing', true]);
    const report = edited(plan, (t) => {
      // What the export wrote before it carried the live subnet over: the plan's properties alone.
      const inner = t.resources.find((r) => r.name.startsWith('pgflex-subnet-'))!.properties!.template!;
      resource(inner, SUBNET, 'snet-postgres').properties = {
        addressPrefix: '10.20.0.0/28',
        delegations: [{ name: 'dlg', properties: { serviceName: 'Microsoft.DBforPostgreSQL/flexibleServers' } }],
      };
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.existingPreserved);
    expect(report.refusal?.step.name).toBe('vnet-orders-data/snet-postgres');
    expect(report.refusal?.step.action).toBe('update');
  });

  it('existing preserved: a zone the plan says exists is created again', () => {
    const plan = hubWith(['access.privateDnsZone.existing', true]);
    const report = edited(plan, (t) => {
      // The deployment that holds the zone's links (the zone itself exists).
      const dns = t.resources.find((r) => JSON.stringify(r).includes('virtualNetworkLinks'))!.properties!.template!;
      dns.resources.unshift({
        type: 'Microsoft.Network/privateDnsZones',
        apiVersion: '2024-06-01',
        name: 'contoso-orders.private.postgres.database.azure.com',
        location: 'global',
        properties: {},
      });
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.existingPreserved);
    expect(report.refusal?.reason).toContain('exists already and this PUT replaces its properties');
  });

  it('GUID subscription: a zone in a subscription given by name', () => {
    const plan = hubWith(['access.privateDnsZone.subscription', GUID_A]);
    // What the export wrote before PGN-012: the plan's subscription name as the zone subscription's value.
    const files = armFiles(plan).map((f) => ({ ...f, contents: f.contents.replaceAll(GUID_A, 'connectivity-sub') }));
    const report = run(plan, files);
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.guidSubscription);
    expect(report.refusal?.reason).toContain('"connectivity-sub"');
  });

  it('GUID subscription: the same plan with the GUID passes', () => {
    const plan = hubWith(['access.privateDnsZone.subscription', GUID_A]);
    expect(run(plan, armFiles(plan)).refusal).toBeNull();
  });

  it('region: a server deployed to another region than its plan object’s', () => {
    const report = edited(hub, (t) => {
      resource(t, SERVER, 'serverName').location = 'northeurope';
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.region);
    expect(report.refusal?.reason).toContain('westeurope');
  });

  it('every constraint of the catalog is caught by one of these artefacts', () => {
    // The ids used above, so that a constraint added to the catalog without a crafted artefact fails here.
    const covered = [
      CONSTRAINTS.gatewayTransit,
      CONSTRAINTS.oneRemoteGateway,
      CONSTRAINTS.delegatedSubnet,
      CONSTRAINTS.zoneAndLink,
      CONSTRAINTS.peeringBeforeDns,
      CONSTRAINTS.nsgAndRouteTable,
      CONSTRAINTS.parentFirst,
      CONSTRAINTS.peeringRemote,
      CONSTRAINTS.readExisting,
      CONSTRAINTS.existingPreserved,
      CONSTRAINTS.guidSubscription,
      CONSTRAINTS.region,
      // Crafted in private-endpoint.test.ts, from the private endpoint hub plan's export.
      CONSTRAINTS.endpointTarget,
      CONSTRAINTS.endpointZone,
      CONSTRAINTS.endpointSubnet,
      CONSTRAINTS.endpointRegion,
    ].map((c) => c.id);
    expect(new Set(covered)).toEqual(new Set(CONSTRAINT_LIST.map((c) => c.id)));
  });
});

describe('nested deployments', () => {
  it('an existing subnet re-PUT from the live subnet read in an outer deployment passes', () => {
    // Today's export: the live subnet is read with reference() in the outer scope and passed to an inner-scoped
    // deployment that PUTs it with the delegation merged in (union()).
    const plan = hubWith(['access.vnet.existing', true], ['access.delegatedSubnet.existing', true]);
    const report = run(plan, armFiles(plan));
    expect(report.refusal).toBeNull();
    const subnet = report.steps.find((st) => st.name === 'vnet-orders-data/snet-postgres' && st.action !== 'read')!;
    expect(subnet.action).toBe('update');
    expect(subnet.props.preservesLiveProperties).toBe(true);
    expect(subnet.props.delegations).toEqual(['Microsoft.DBforPostgreSQL/flexibleServers']);
  });
});

it('checks the peering that uses the gateway after the peering that offers transit', () => {
  const report = run(hub, armFiles(hub));
  const names = report.steps.filter((s) => s.type === PEERING).map((s) => s.name);
  expect(names.indexOf('vnet-hub/vnet-hub-to-vnet-orders-data')).toBeLessThan(
    names.indexOf('vnet-orders-data/vnet-orders-data-to-vnet-hub'),
  );
});
