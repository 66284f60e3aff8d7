import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_PEERINGS_PER_VNET, MAX_ROUTES_PER_ROUTE_TABLE } from './azure';
import { AZURE_MAXIMUM_SIZE, LIMIT_SHAPES, fractionOfMaximum, limitPlan } from './limit-samples';
import { newPlan } from './new-plan';
import { planIndex } from './plan-index';
import { readPlanDocument } from './parse';
import { PLAN_FORMAT_VERSION, PlanDocumentSchema, type Plan } from './plan';
import { largePlan, typicalPlan } from './samples';

const examplesDir = join(import.meta.dirname, '..', '..', 'examples');
const exampleFiles = readdirSync(examplesDir).filter((f) => f.endsWith('.json'));

describe('example plans', () => {
  it('there are the three documented examples at least', () => {
    expect(exampleFiles).toEqual(
      expect.arrayContaining(['hub-and-spoke.json', 'public-office.json', 'eight-subnets.json']),
    );
  });
  for (const file of exampleFiles) {
    it(`${file} parses as a plan document`, () => {
      const read = readPlanDocument(JSON.parse(readFileSync(join(examplesDir, file), 'utf8')));
      expect(read.ok ? 'ok' : read.error.message).toBe('ok');
    });
  }
  it('the hub-and-spoke example has two peered VNets, custom DNS and three zone links', () => {
    const read = readPlanDocument(JSON.parse(readFileSync(join(examplesDir, 'hub-and-spoke.json'), 'utf8')));
    if (!read.ok || read.plan.access.mode !== 'private') throw new Error('expected a private plan');
    const access = read.plan.access;
    expect(access.peeredVnets).toHaveLength(2);
    expect(access.vnet.dns.kind).toBe('custom');
    expect([access.vnet.zoneLink, ...access.peeredVnets.map((p) => p.zoneLink)].filter(Boolean)).toHaveLength(3);
    // Both other VNets peered with the server VNet both ways; the hub holds the office's gateway, which the server
    // VNet uses.
    const index = planIndex(read.plan);
    expect(index.peered('vnet-orders-data', 'vnet-hub')).toBe(true);
    expect(index.peered('vnet-orders-data', 'vnet-spoke-2')).toBe(true);
    expect(index.peering('vnet-orders-data', 'vnet-hub')?.peering).toMatchObject({ useRemoteGateways: true });
    expect(index.peering('vnet-hub', 'vnet-orders-data')?.peering).toMatchObject({ allowGatewayTransit: true });
  });
});

describe('readPlanDocument', () => {
  it('refuses non-objects, missing versions and newer versions with one clear line', () => {
    const message = (input: unknown) => {
      const r = readPlanDocument(input);
      return r.ok ? 'ok' : `${r.error.kind}: ${r.error.message}`;
    };
    expect(message([])).toMatch(/^not-object/);
    expect(message('plan')).toMatch(/^not-object/);
    expect(message({})).toMatch(/^no-version: formatVersion/);
    expect(message({ formatVersion: PLAN_FORMAT_VERSION + 1 })).toBe(
      `newer-version: formatVersion ${PLAN_FORMAT_VERSION + 1} is newer than this planner understands ` +
        `(${PLAN_FORMAT_VERSION}); update the planner to open it.`,
    );
  });
  it('reads the current format only: an older one is migrated before (src/share), not read here', () => {
    const r = readPlanDocument({ ...newPlan(), formatVersion: 1 });
    expect(r.ok ? 'ok' : r.error.message).toMatch(/^formatVersion: /);
  });
  it('says where the shape is wrong', () => {
    const r = readPlanDocument({ ...newPlan(), servers: [{ name: 7 }] });
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.kind === 'shape') {
      expect(r.error.path).toBe('servers.0.name');
      expect(r.error.message).toMatch(/^servers\.0\.name: /);
    }
  });
  it('fills defaults so short documents stay valid', () => {
    const r = readPlanDocument({
      formatVersion: PLAN_FORMAT_VERSION,
      servers: [{ name: 'pg-a', region: 'westeurope' }],
      access: { mode: 'public' },
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.plan.tls).toEqual({ requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null });
      expect(r.plan.access).toEqual({
        mode: 'public',
        firewallRules: [],
        allowAzureServices: false,
        publicNetworkAccess: true,
        peeredVnets: [],
        peerings: [],
        onPremises: [],
        privateDnsZone: null,
        privateEndpoints: [],
      });
      expect(r.plan.servers[0]?.version).toBe('17');
    }
    const p = readPlanDocument({
      formatVersion: PLAN_FORMAT_VERSION,
      servers: [{ name: 'pg-a', region: 'westeurope' }],
      access: {
        mode: 'private',
        vnet: { name: 'vnet-a', region: 'westeurope' },
        delegatedSubnet: { name: 'snet-pg', prefix: '10.0.0.0/28' },
        peeredVnets: [{ name: 'vnet-b', region: 'westeurope' }],
        peerings: [{ from: 'vnet-a', to: 'vnet-b' }],
        routeTables: [{ name: 'rt', vnet: 'vnet-a', routes: [{ name: 'r', prefix: '0.0.0.0/0', nextHop: 'None' }] }],
      },
    });
    if (!p.ok || p.plan.access.mode !== 'private') throw new Error(p.ok ? 'expected private access' : p.error.message);
    expect(p.plan.access.vnet.appliance).toBeNull();
    expect(p.plan.access.peeredVnets[0]).toMatchObject({ subnets: [], appliance: null });
    expect(p.plan.access.peerings).toEqual([
      {
        from: 'vnet-a',
        to: 'vnet-b',
        allowForwardedTraffic: false,
        allowGatewayTransit: false,
        useRemoteGateways: false,
      },
    ]);
    expect(p.plan.access.routeTables).toEqual([
      {
        name: 'rt',
        vnet: 'vnet-a',
        existing: false,
        subnets: [],
        routes: [{ name: 'r', prefix: '0.0.0.0/0', nextHop: 'None', nextHopIp: '' }],
      },
    ]);
  });
  it('names the route table whose list is too long', () => {
    const route = { name: 'r', prefix: '0.0.0.0/0', nextHop: 'None' };
    const r = readPlanDocument({
      ...newPlan(),
      access: {
        ...newPlan().access,
        routeTables: [{ name: 'rt-spokes', vnet: 'vnet-a', routes: Array.from({ length: 401 }, () => route) }],
      },
    });
    expect(r.ok ? 'ok' : r.error.message).toBe(
      `access.routeTables.0.routes: route table "rt-spokes" has 401 routes; ` +
        `Azure allows at most ${MAX_ROUTES_PER_ROUTE_TABLE} per route table.`,
    );
  });
  it('the access mode is a discriminated union', () => {
    expect(PlanDocumentSchema.safeParse({ ...newPlan(), access: { mode: 'hybrid' } }).success).toBe(false);
  });
});

describe('generated plans', () => {
  it('the typical and large plans are valid documents of the budget sizes', () => {
    const typical = PlanDocumentSchema.parse(typicalPlan());
    const large = PlanDocumentSchema.parse(largePlan());
    if (typical.access.mode !== 'private' || large.access.mode !== 'private') throw new Error('expected private plans');
    expect(typical.access.vnet.subnets).toHaveLength(4);
    expect(typical.access.peeredVnets).toHaveLength(3);
    expect(typical.access.firewallRules).toHaveLength(10);
    expect(typical.access.delegatedSubnet.nsg?.rules).toHaveLength(8);
    // Each VNet peered both ways with the server VNet (every tenth one way only).
    expect(typical.access.peerings).toHaveLength(6);
    expect(large.access.peerings).toHaveLength(200 * 2 - 20);
    expect(large.access.vnet.subnets).toHaveLength(500);
    expect(large.access.peeredVnets).toHaveLength(200);
    expect(large.access.firewallRules).toHaveLength(1000);
    expect(large.access.delegatedSubnet.nsg?.rules).toHaveLength(200);
    expect(large.clients).toHaveLength(100);
  });
  it('the new plan is a valid document', () => {
    expect(PlanDocumentSchema.safeParse(newPlan()).success).toBe(true);
  });
  it('the largest plan Azure accepts has 500 peerings on the server VNet and on the hub, and no VNet has more', () => {
    const perVnet = (plan: Plan) => {
      const counts = new Map<string, number>();
      if (plan.access.mode === 'private')
        for (const p of plan.access.peerings)
          counts.set(p.from.toLowerCase(), (counts.get(p.from.toLowerCase()) ?? 0) + 1);
      return counts;
    };
    for (const shape of LIMIT_SHAPES.filter((s) => s !== 'identical')) {
      const counts = perVnet(limitPlan(AZURE_MAXIMUM_SIZE, shape));
      expect([shape, counts.get('vnet-limits'), counts.get('vnet-spoke-0')]).toEqual([
        shape,
        MAX_PEERINGS_PER_VNET,
        MAX_PEERINGS_PER_VNET,
      ]);
      expect(Math.max(...counts.values())).toBe(MAX_PEERINGS_PER_VNET);
    }
    // A hundredth of it keeps the shape: the server VNet and the hub peer with every other VNet.
    const small = perVnet(limitPlan(fractionOfMaximum(100), 'spread'));
    expect([small.get('vnet-limits'), small.get('vnet-spoke-0')]).toEqual([5, 5]);
  });
});
