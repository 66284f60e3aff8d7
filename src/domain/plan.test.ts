import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newPlan } from './new-plan';
import { readPlanDocument } from './parse';
import { PlanDocumentSchema } from './plan';
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
    expect(message({ formatVersion: 2 })).toBe(
      'newer-version: formatVersion 2 is newer than this planner understands (1); update the planner to open it.',
    );
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
      formatVersion: 1,
      servers: [{ name: 'pg-a', region: 'westeurope' }],
      access: { mode: 'public' },
    });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.plan.tls).toEqual({ requireSecureTransport: true, minVersion: 'TLSv1.2', maxVersion: null });
      expect(r.plan.access).toEqual({ mode: 'public', firewallRules: [], allowAzureServices: false });
      expect(r.plan.servers[0]?.version).toBe('17');
    }
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
    expect(large.access.vnet.subnets).toHaveLength(500);
    expect(large.access.peeredVnets).toHaveLength(200);
    expect(large.access.firewallRules).toHaveLength(1000);
    expect(large.access.delegatedSubnet.nsg?.rules).toHaveLength(200);
    expect(large.clients).toHaveLength(100);
  });
  it('the new plan is a valid document', () => {
    expect(PlanDocumentSchema.safeParse(newPlan()).success).toBe(true);
  });
});
