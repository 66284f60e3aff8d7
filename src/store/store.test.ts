import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { newPlan, newPublicAccess } from '../domain/new-plan';
import { PLAN_FORMAT_VERSION } from '../domain/plan';
import { MIGRATIONS, migrateWith, readAnyPlanDocument, type MigrationStep } from '../share/migrations';
import { parsePlanFile } from '../share/plan-file';
import { V1_MIGRATED_PEERINGS } from '../share/testing/v1-fixtures';
import { serializeSaved, type PlanReader } from './saved-state';
import { STORAGE_KEY, createPlanner, selectCanRedo, selectCanUndo, usePlanner } from './store';
import { MemoryStorage } from './testing/memory-storage';

const state = () => usePlanner.getState();

describe('planner store', () => {
  beforeEach(() => {
    usePlanner.setState({
      plan: newPlan(),
      history: { past: [], future: [], lastKey: null, lastAt: 0 },
      previousPlan: null,
      stashedAccess: {},
      incoming: null,
    });
  });
  it('edits a field and undoes / redoes it', () => {
    state().setField('servers.0.name', 'pg-one');
    expect(state().plan.servers[0]?.name).toBe('pg-one');
    const revision = state().revision;
    state().undo();
    expect(state().plan.servers[0]?.name).toBe('');
    expect(state().revision).toBe(revision + 1);
    state().redo();
    expect(state().plan.servers[0]?.name).toBe('pg-one');
  });
  it('keeps the other mode while switching, so nothing typed is lost', () => {
    state().setField('access.vnet.name', 'vnet-a');
    state().setMode('public');
    expect(state().plan.access.mode).toBe('public');
    state().setField('access.allowAzureServices', true);
    state().setMode('private');
    const access = state().plan.access;
    expect(access.mode === 'private' ? access.vnet.name : null).toBe('vnet-a');
    state().setMode('public');
    const publicAccess = state().plan.access;
    expect(publicAccess.mode === 'public' ? publicAccess.allowAzureServices : null).toBe(true);
  });
  it('public access with private endpoints: a first endpoint and the privatelink zone, one undo step', () => {
    state().setField('servers.0.name', 'pg-ledger');
    state().setMode('public', true);
    const access = state().plan.access;
    if (access.mode !== 'public') throw new Error('public access expected');
    expect(access.privateEndpoints).toEqual([
      {
        name: 'pe-pg-ledger',
        server: '',
        vnet: '',
        subnet: '',
        privateIp: '',
        approval: 'automatic',
        resourceGroup: '',
      },
    ]);
    expect(access.privateDnsZone?.name).toBe('privatelink.postgres.database.azure.com');
    // Chosen again: nothing changes, and nothing is recorded.
    const past = state().history.past.length;
    state().setMode('public', true);
    expect(state().plan.access).toBe(access);
    expect(state().history.past.length).toBe(past);
    // Without endpoints: they and their zone go; one undo brings both back.
    state().setMode('public', false);
    const without = state().plan.access;
    expect(without.mode === 'public' ? [without.privateEndpoints, without.privateDnsZone] : null).toEqual([[], null]);
    state().undo();
    expect(state().plan.access).toEqual(access);
    // Private access and back: the endpoints were kept with the public settings.
    state().setMode('private');
    state().setMode('public');
    expect(state().plan.access).toEqual(access);
  });
  it('replacing a plan keeps the previous one restorable', () => {
    state().setField('name', 'mine');
    state().replacePlan({ ...newPlan(), name: 'opened' });
    expect(state().plan.name).toBe('opened');
    expect(state().previousPlan?.name).toBe('mine');
    state().restorePrevious();
    expect(state().plan.name).toBe('mine');
    expect(state().previousPlan?.name).toBe('opened');
  });
  it('review mode: undo and redo change nothing while an opened plan is reviewed, and say so', () => {
    state().setField('name', 'one');
    state().setField('servers.0.name', 'two');
    state().undo();
    expect(selectCanUndo(state())).toBe(true);
    expect(selectCanRedo(state())).toBe(true);
    state().showIncoming({ ...newPlan(), name: 'From a link' }, 'link');
    expect(selectCanUndo(state())).toBe(false);
    expect(selectCanRedo(state())).toBe(false);
    const before = state().plan;
    state().undo();
    state().redo();
    expect(state().plan).toBe(before);
    state().dismissIncoming();
    expect(selectCanUndo(state())).toBe(true);
    state().undo();
    expect(state().plan.name).toBe('Untitled plan');
  });
});

const fixturesDir = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const shareFixture = (name: string) => {
  const read = parsePlanFile(readFileSync(join(fixturesDir, '../../share/fixtures', `${name}.plan.json`), 'utf8'));
  if (!read.ok) throw new Error(read.error.message);
  return read.plan;
};
const savedFixture = (name: string) => readFileSync(join(fixturesDir, `${name}.saved.txt`), 'utf8');

/** Opens a store on a storage holding `text`, as a page load does. */
function openSaved(text: string) {
  const storage = new MemoryStorage();
  storage.items.set(STORAGE_KEY, text);
  const { usePlanner: store, autosave } = createPlanner({ storage: storage.tab().storage });
  return { storage, state: store.getState(), autosave };
}

describe('frozen autosaves of store version 1 and plan format 1 (fixtures/README.md)', () => {
  it('covers the three saved states', () => {
    expect(readdirSync(fixturesDir).filter((f) => f.endsWith('.saved.txt'))).toEqual([
      'v1-every-field.saved.txt',
      'v1-public-office.saved.txt',
      'v1-typical.saved.txt',
    ]);
  });

  it('the typical plan opens through the migration chain: plan, previous plan, both stashes and the step', () => {
    const { state, storage, autosave } = openSaved(savedFixture('v1-typical'));
    expect(state.autosave).toEqual({ kept: [], saveError: null, conflict: null });
    expect(state.plan).toEqual(shareFixture('v1-typical'));
    expect(state.previousPlan?.name).toBe('Untitled plan');
    expect(state.step).toBe('security');
    expect(state.stashedAccess.private).toEqual(shareFixture('v1-typical').access);
    expect(state.stashedAccess.public).toEqual({ ...newPublicAccess(), allowAzureServices: true });
    // Opening writes nothing: the saved text stays as it was until the user changes something.
    autosave.flush();
    expect(storage.writes).toEqual([]);
  });

  it('the public-office plan opens with the private access that was tried kept for switching back', () => {
    const { state } = openSaved(savedFixture('v1-public-office'));
    expect(state.autosave.kept).toEqual([]);
    expect(state.plan).toEqual(shareFixture('v1-public-office'));
    expect(state.previousPlan).toBeNull();
    expect(state.step).toBe('firewall');
    expect(state.stashedAccess.private?.vnet.name).toBe('vnet-tried');
    expect(state.stashedAccess.public).toEqual(shareFixture('v1-public-office').access);
  });

  it('the every-field plan opens unchanged', () => {
    const { state } = openSaved(savedFixture('v1-every-field'));
    expect(state.autosave.kept).toEqual([]);
    expect(state.plan).toEqual(shareFixture('v1-every-field'));
    expect(state.step).toBe('review');
    expect(state.stashedAccess).toEqual({});
  });

  it('what the store writes now is what it wrote then, each plan migrated to format 2, new fields at defaults', () => {
    // A client's intent (PGN-008) is new in format 1, optional with the default mustReach; it follows the name.
    const withIntents = (text: string) =>
      text.replace(
        /("kind":"(?:serverVnet|vnet|onPremises|internet|azureService)","name":"(?:[^"\\]|\\.)*",)/g,
        '$1"intent":"mustReach",',
      );
    // Plan format 2: the version; the server VNet's appliance; each other VNet's `peering` gives way to its
    // subnets and appliance; the access's peerings (one list per private access, in the order of the text) and
    // route tables; the delegated subnet NSG's `existing` (added to format 2 later, default false).
    const migrated = (text: string, peerings: readonly (readonly unknown[])[]) => {
      let k = 0;
      return (
        withIntents(text)
          .replace(/\]\}\},"privateDnsZone"/g, '],"existing":false}},"privateDnsZone"')
          .replaceAll('"formatVersion":1,', '"formatVersion":2,')
          .replace(/("zoneLink":(?:true|false))\},"delegatedSubnet"/g, '$1,"appliance":null},"delegatedSubnet"')
          .replace(/"peering":\{[^{}]*\},/g, '')
          .replace(/("dns":\{[^{}]*\})\}/g, '$1,"subnets":[],"appliance":null}')
          .replace(
            /\],"onPremises":/g,
            () => `],"peerings":${JSON.stringify(peerings[k++])},"routeTables":[],"onPremises":`,
          )
          // Public access's fields added with private endpoints, at their defaults.
          .replace(
            /("mode":"public","firewallRules":\[(?:[^[\]{}]|\{[^{}]*\})*\],"allowAzureServices":(?:true|false))\}/g,
            '$1,"publicNetworkAccess":true,"peeredVnets":[],"peerings":[],"onPremises":[],"privateDnsZone":null,' +
              '"privateEndpoints":[]}',
          )
      );
    };
    const peeringsOf = (name: string) => {
      const peerings = V1_MIGRATED_PEERINGS[name];
      if (peerings === undefined) throw new Error(`no peerings written out for ${name}`);
      return peerings;
    };
    const cases: [string, (readonly unknown[])[]][] = [
      // The plan, the new plan kept as the previous one, and the private access kept for switching back.
      ['v1-typical', [peeringsOf('v1-typical'), [], peeringsOf('v1-typical')]],
      // The private access tried and abandoned.
      ['v1-public-office', [[]]],
      ['v1-every-field', [peeringsOf('v1-every-field')]],
    ];
    for (const [name, peerings] of cases) {
      const text = savedFixture(name);
      const { state } = openSaved(text);
      const { plan, previousPlan, step, stashedAccess } = state;
      const written = serializeSaved({ plan, previousPlan, step, stashedAccess });
      expect(written.match(/"intent":"mustReach"/g)?.length ?? 0).toBe(
        [plan, previousPlan].reduce((n, p) => n + (p?.clients.length ?? 0), 0),
      );
      // One list of peerings per private access (a public access's list follows its VNets).
      expect(written.match(/"peerings":(?!\[\],"onPremises":\[\],"privateDnsZone":null)/g)).toHaveLength(
        peerings.length,
      );
      expect(written).toBe(migrated(text, peerings));
    }
  });

  it('a saved plan opens after the next plan format bump: a step in the chain is all it takes', () => {
    // A stand-in step to a format 3 marks the plan; the store reads with the chain it is given.
    const readPlan: PlanReader = (doc) => {
      const step: MigrationStep = { from: 2, to: 3, summary: 'test', migrate: (d) => ({ ...d, name: 'migrated' }) };
      const migrated = migrateWith([...MIGRATIONS, step], doc, 3);
      return migrated.ok ? readAnyPlanDocument({ ...migrated.doc, formatVersion: PLAN_FORMAT_VERSION }) : migrated;
    };
    const storage = new MemoryStorage();
    storage.items.set(STORAGE_KEY, savedFixture('v1-typical'));
    const opened = createPlanner({ storage: storage.tab().storage, readPlan }).usePlanner.getState();
    expect(opened.autosave.kept).toEqual([]);
    expect(opened.plan).toEqual({ ...shareFixture('v1-typical'), name: 'migrated' });
    expect(opened.previousPlan?.name).toBe('migrated');
    expect(opened.stashedAccess.public?.allowAzureServices).toBe(true);
  });
});
