/** Every released link and file format still opens to the plan it held (see fixtures/README.md). */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT_VERSION } from '../domain/plan';
import { EXAMPLE_NAMES } from '../domain/testing/examples';
import { decodePlanLink } from './link';
import { parsePlanFile, serializePlanFile } from './plan-file';
import { V1_MIGRATED_PEERINGS } from './testing/v1-fixtures';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.plan.json'))
  .map((f) => f.replace(/\.plan\.json$/, ''))
  .sort();
const v1Names = names.filter((n) => n.startsWith('v1-'));
const v2Names = names.filter((n) => n.startsWith('v2-'));

type Doc = Record<string, unknown>;

/**
 * The plan a frozen format-1 file holds, in today's format: its JSON with the fields added to format 1 since then
 * at their defaults (a client's `intent`, default `mustReach`: PGN-008), and what the migration to format 2
 * changes: `formatVersion` 2; each other VNet's `peering` removed, and `subnets: []` and `appliance: null` added;
 * the server VNet's `appliance: null`; the access's `peerings` (written out in ./testing/v1-fixtures.ts) and
 * `routeTables: []`.
 */
function expectedFromV1(name: string, text: string): unknown {
  const json = JSON.parse(text) as Doc & { clients?: Doc[]; access: Doc };
  for (const c of json.clients ?? []) c.intent ??= 'mustReach';
  json.formatVersion = 2;
  const access = json.access;
  if (access.mode === 'private') {
    (access.vnet as Doc).appliance = null;
    access.peeredVnets = (access.peeredVnets as Doc[]).map(({ peering: _flags, ...vnet }) => ({
      ...vnet,
      subnets: [],
      appliance: null,
    }));
    const peerings = V1_MIGRATED_PEERINGS[name];
    if (peerings === undefined) throw new Error(`${name}: write down the peerings it migrates to`);
    access.peerings = peerings;
    access.routeTables = [];
    const nsg = (access.delegatedSubnet as Doc).nsg as Doc | null;
    if (nsg) nsg.existing = false;
  } else addPublicNetworkDefaults(access);
  return json;
}

/**
 * Public access's fields added with private endpoints, at their defaults (public network access on, no VNets, no
 * endpoints: what a public plan meant before them), in the order the plan reader writes them.
 */
function addPublicNetworkDefaults(access: Doc): void {
  access.publicNetworkAccess ??= true;
  access.peeredVnets ??= [];
  access.peerings ??= [];
  access.onPremises ??= [];
  access.privateDnsZone ??= null;
  access.privateEndpoints ??= [];
}

/**
 * The plan a frozen format-2 file holds, in today's format: its JSON with the fields added to format 2 since then at
 * their defaults (a route table's and the delegated subnet NSG's `existing`, default false: the exports create them,
 * as they did before; public access's network fields, added with private endpoints).
 */
function expectedFromV2(text: string): unknown {
  const json = JSON.parse(text) as Doc & { access: Doc };
  if (json.access.mode === 'private') {
    for (const t of json.access.routeTables as Doc[]) t.existing ??= false;
    const nsg = (json.access.delegatedSubnet as Doc).nsg as Doc | null;
    if (nsg) nsg.existing ??= false;
  } else addPublicNetworkDefaults(json.access);
  return json;
}

/** Whether the frozen file holds a field added to format 2 since (then its text is not what is written today). */
const hasAddedFields = (text: string): boolean => {
  const json = JSON.parse(text) as { access: Doc };
  if (json.access.mode !== 'private') return json.access.privateEndpoints === undefined;
  return (json.access.routeTables as Doc[]).length > 0 || (json.access.delegatedSubnet as Doc).nsg != null;
};

const fixture = (name: string, ext: 'plan.json' | 'link.txt') => readFileSync(join(dir, `${name}.${ext}`), 'utf8');

describe('frozen fixtures', () => {
  it('covers link and file formats 1 and 2 for each example, the typical plan and the every-field plan', () => {
    const v1Plans = ['eight-subnets', 'every-field', 'hub-and-spoke', 'public-office', 'typical'];
    expect(v1Names).toEqual(v1Plans.map((p) => `v1-${p}`));
    // Format 2 holds every example, the examples written since format 1 as well.
    const v2Plans = [...new Set([...EXAMPLE_NAMES, 'every-field', 'typical'])].sort();
    expect(v2Names).toEqual(v2Plans.map((p) => `v2-${p}`));
    expect(names).toEqual([...v1Names, ...v2Names]);
    for (const name of names) expect(readdirSync(dir)).toContain(`${name}.link.txt`);
  });

  it('the current plan format is 2: format-2 fixtures are the current format', () => {
    expect(PLAN_FORMAT_VERSION).toBe(2);
  });

  it.each(v1Names)('%s: the format-1 file opens as format 2, migrated', (name) => {
    const text = fixture(name, 'plan.json');
    const file = parsePlanFile(text);
    expect(file.ok, file.ok ? '' : file.error.message).toBe(true);
    if (file.ok) expect(file.plan).toEqual(expectedFromV1(name, text));
  });

  it.each(v2Names)('%s: the file opens to the plan it held; written again, it is the same file', (name) => {
    const text = fixture(name, 'plan.json');
    const file = parsePlanFile(text);
    expect(file.ok, file.ok ? '' : file.error.message).toBe(true);
    // The file's own text is the expected plan: compare with the JSON as written, not with a re-encoding.
    if (file.ok) {
      expect(file.plan).toEqual(expectedFromV2(text));
      const written = serializePlanFile(file.plan);
      // Byte for byte, unless the file predates a field added since (written out now, at its default).
      if (!hasAddedFields(text)) expect(written).toBe(text);
      const again = parsePlanFile(written);
      expect(again.ok && again.plan).toEqual(file.plan);
    }
  });

  it.each(names)('%s: the link opens to the same plan as the file', (name) => {
    const link = fixture(name, 'link.txt').trim();
    const file = parsePlanFile(fixture(name, 'plan.json'));
    const opened = decodePlanLink(link);
    expect(opened.ok, opened.ok ? '' : opened.error.message).toBe(true);
    expect(file.ok).toBe(true);
    if (opened.ok && file.ok) expect(JSON.stringify(opened.plan)).toBe(JSON.stringify(file.plan));
  });
});
