import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../exporters/index';
import { decodePlanLink, encodePlanLink } from '../share/link';
import { parsePlanFile } from '../share/plan-file';
import { readSavedText, serializeSaved } from '../store/saved-state';
import { readPlanDocument } from './parse';
import type { Plan } from './plan';
import { AZURE_REGIONS, closestRegion, normalizeRegion, REGION_CATALOG, regionByName } from './regions';

const example = (file: string): string => readFileSync(join(import.meta.dirname, '..', '..', 'examples', file), 'utf8');

describe('the region catalog', () => {
  it('holds unique programmatic names, sorted, each its display name in lower case without spaces', () => {
    const names = REGION_CATALOG.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(names);
    for (const r of REGION_CATALOG) {
      expect(r.name).toMatch(/^[a-z]+[0-9]?$/);
      expect(r.displayName).toMatch(/^[A-Z][A-Za-z]*( [A-Z0-9][A-Za-z]*)*$/);
    }
    expect(AZURE_REGIONS).toEqual(names);
  });

  it('has the regions the docs and examples use, with their display names', () => {
    expect(regionByName('westeurope')?.displayName).toBe('West Europe');
    expect(regionByName('eastus2')?.displayName).toBe('East US 2');
    expect(regionByName('australiacentral2')?.displayName).toBe('Australia Central 2');
    expect(regionByName('uaenorth')?.displayName).toBe('UAE North');
    expect(regionByName('southeastasia')?.displayName).toBe('Southeast Asia');
    expect(regionByName('westcentralus')?.displayName).toBe('West Central US');
    expect(REGION_CATALOG.length).toBeGreaterThanOrEqual(55);
  });
});

describe('regionByName and normalizeRegion', () => {
  it.each([
    'West Europe',
    'westeurope',
    'WestEurope',
    'west europe',
    ' West  Europe ',
    'WESTEUROPE',
    '(Europe) West Europe',
  ])('%j names westeurope', (input) => {
    expect(regionByName(input)?.name).toBe('westeurope');
    expect(normalizeRegion(input)).toBe('westeurope');
  });

  it.each(['', 'west-europe', 'westeurop', 'Europe', 'West Europe 2', 'westeurope.', 'Storage.westeurope'])(
    '%j names no region and is returned unchanged',
    (input) => {
      expect(regionByName(input)).toBeUndefined();
      expect(normalizeRegion(input)).toBe(input);
    },
  );
});

describe('closestRegion', () => {
  it('suggests the catalog name for a near miss', () => {
    expect(closestRegion('westeurop')?.name).toBe('westeurope');
    expect(closestRegion('west-europe')?.name).toBe('westeurope');
    expect(closestRegion('Nort Europe')?.name).toBe('northeurope');
    expect(closestRegion('eastus-2')?.name).toBe('eastus2');
    expect(closestRegion('swedencentrl')?.name).toBe('swedencentral');
  });

  it('suggests nothing for text far from every region, empty or very long text', () => {
    expect(closestRegion('mars')).toBeUndefined();
    expect(closestRegion('eu-west-1')).toBeUndefined();
    expect(closestRegion('')).toBeUndefined();
    expect(closestRegion('westeurope'.repeat(10))).toBeUndefined();
  });
});

/** The hub-and-spoke example with display names in every region field. */
function withDisplayNames(): string {
  const doc = JSON.parse(example('hub-and-spoke.json')) as {
    servers: { region: string }[];
    access: { vnet: { region: string }; peeredVnets: { region: string }[] };
  };
  doc.servers[0]!.region = 'West Europe';
  doc.access.vnet.region = 'WestEurope';
  doc.access.peeredVnets[0]!.region = 'west europe';
  doc.access.peeredVnets[1]!.region = 'North Europe';
  return JSON.stringify(doc);
}

describe('a plan holding display names is read with programmatic names', () => {
  const expectProgrammatic = (read: { ok: true; plan: Plan } | { ok: false; error: { message: string } }) => {
    if (!read.ok) throw new Error(read.error.message);
    const { plan } = read;
    if (plan.access.mode !== 'private') throw new Error('expected a private plan');
    expect(plan.servers.map((s) => s.region)).toEqual(['westeurope']);
    expect(plan.access.vnet.region).toBe('westeurope');
    expect(plan.access.peeredVnets.map((v) => v.region)).toEqual(['westeurope', 'northeurope']);
  };

  it('a format-1 plan file with "region": "West Europe" opens as westeurope', () => {
    const text = withDisplayNames();
    expect(text).toContain('"region":"West Europe"');
    expectProgrammatic(parsePlanFile(text));
  });

  it('the plan reader of every boundary converts them (document, share link, autosave)', () => {
    const doc: unknown = JSON.parse(withDisplayNames());
    expectProgrammatic(readPlanDocument(doc));
    const saved = readSavedText(JSON.stringify({ state: { plan: doc, step: 'basics' }, version: 1 }));
    expect(saved.whole).toBe(false);
    const plan = saved.parts?.plan;
    if (plan === undefined) throw new Error('no plan read');
    expectProgrammatic({ ok: true, plan });
    const stored = serializeSaved({ plan, previousPlan: null, step: 'basics', stashedAccess: {} });
    expect(stored).toContain('"region":"westeurope"');
    expect(stored).not.toMatch(/"region":"[^"]*[ A-Z]/);
    // A link made before the catalog existed holds the display name as typed.
    const typed = { ...plan, servers: plan.servers.map((s) => ({ ...s, region: 'West Europe' })) };
    expectProgrammatic(decodePlanLink(encodePlanLink(typed)));
  });

  it('keeps a region that is not one of Azure’s as written (PGN-010 reports it)', () => {
    const doc = JSON.parse(example('public-office.json')) as { servers: { region: string }[] };
    doc.servers[0]!.region = 'West Europa';
    const read = readPlanDocument(doc);
    expect(read.ok && read.plan.servers[0]?.region).toBe('West Europa');
  });
});

describe('exports write the programmatic name', () => {
  it('even from a plan that still holds a display name (a field being typed)', () => {
    const read = parsePlanFile(example('hub-and-spoke.json'));
    if (!read.ok) throw new Error(read.error.message);
    const typed: Plan = { ...read.plan, servers: read.plan.servers.map((s) => ({ ...s, region: 'West Europe' })) };
    for (const format of EXPORT_FORMATS) {
      const text = format
        .files(typed)
        .map((f) => f.contents)
        .join('\n');
      expect(text, format.id).toContain('westeurope');
      expect(text, format.id).not.toContain('West Europe');
    }
    const script = EXPORT_FORMATS.find((f) => f.id === 'azcli')?.files(typed) ?? [];
    expect(script.map((f) => f.contents).join('\n')).toContain('LOCATION="${LOCATION:-westeurope}"');
  });
});
