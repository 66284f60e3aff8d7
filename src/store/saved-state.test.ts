import { describe, expect, it } from 'vitest';
import { newPlan, newPrivateAccess, newPublicAccess } from '../domain/new-plan';
import { readPlanDocument } from '../domain/parse';
import { PLAN_FORMAT_VERSION } from '../domain/plan';
import { typicalPlan } from '../domain/samples';
import { MIGRATIONS, migrateWith, type MigrationStep } from '../share/migrations';
import { STORE_VERSION, readSavedText, serializeSaved, type PlanReader, type SavedParts } from './saved-state';

const envelope = (state: unknown, version: number = STORE_VERSION) => JSON.stringify({ state, version });

const saved = (over: Partial<SavedParts> = {}): SavedParts => ({
  plan: typicalPlan(),
  previousPlan: null,
  step: 'dns',
  stashedAccess: {},
  ...over,
});

describe('reading a saved state', () => {
  it('reads every part of a state it wrote', () => {
    const parts = saved({
      previousPlan: { ...newPlan(), name: 'before' },
      stashedAccess: { public: { ...newPublicAccess(), allowAzureServices: true } },
    });
    expect(readSavedText(serializeSaved(parts))).toEqual({ parts, problems: [], whole: false });
  });

  it('parses a stashed access by its schema: a broken one is left out and named, the plan is kept', () => {
    const text = envelope({
      ...saved(),
      stashedAccess: { public: { mode: 'public', firewallRules: 'not-a-list' }, private: newPrivateAccess('x') },
    });
    const read = readSavedText(text);
    expect(read.whole).toBe(false);
    expect(read.parts.plan).toEqual(typicalPlan());
    expect(read.parts.stashedAccess).toEqual({ private: newPrivateAccess('x') });
    expect(read.problems).toEqual([
      expect.stringMatching(/^the public-access settings kept for switching back \(access\.firewallRules: /),
    ]);
  });

  it('refuses a stash filed under the wrong mode, and a stash that is not an object', () => {
    const wrongMode = readSavedText(envelope({ ...saved(), stashedAccess: { private: newPublicAccess() } }));
    expect(wrongMode.parts.stashedAccess).toEqual({});
    expect(wrongMode.problems).toEqual(['the private-access settings kept for switching back (another mode)']);
    const notObject = readSavedText(envelope({ ...saved(), stashedAccess: 'x' }));
    expect(notObject.parts.stashedAccess).toEqual({});
    expect(notObject.problems).toEqual(['the settings kept for the other access mode']);
  });

  it('leaves out an unreadable previous plan and an unknown step, keeping the plan', () => {
    const read = readSavedText(envelope({ ...saved(), previousPlan: { formatVersion: 1, servers: [] }, step: 'nope' }));
    expect(read.whole).toBe(false);
    expect(read.parts).toMatchObject({ plan: typicalPlan(), previousPlan: null, step: 'basics' });
    expect(read.problems).toEqual([
      expect.stringMatching(/^the previous plan kept for “Restore previous plan” \(/),
      'the wizard step ("nope" is not a step)',
    ]);
  });

  it('quotes at most 40 characters of a stored value it names', () => {
    const read = readSavedText(envelope({ ...saved(), step: 'x'.repeat(100_000) }));
    expect(read.problems).toEqual([`the wizard step ("${'x'.repeat(39)} is not a step)`]);
  });

  it.each([
    ['not JSON', '{"state":{"plan":', 'it is not valid JSON'],
    ['null', 'null', 'it is not a saved planner state'],
    ['an array', '[1]', 'it is not a saved planner state'],
    ['no version', JSON.stringify({ state: saved() }), 'it is not a saved planner state'],
    ['a version that is text', JSON.stringify({ state: saved(), version: '1' }), 'it is not a saved planner state'],
    ['no state', JSON.stringify({ version: 1 }), 'it is not a saved planner state'],
    ['no plan', envelope({ step: 'dns' }), 'it holds no plan'],
  ])('refuses as a whole: %s', (_name, text, reason) => {
    expect(readSavedText(text)).toEqual({ parts: {}, problems: [reason], whole: true });
  });

  it('refuses a plan that fails its schema, or comes from a newer plan format, saying where', () => {
    const bad = readSavedText(envelope({ ...saved(), plan: { ...typicalPlan(), servers: 'nope' } }));
    expect(bad).toMatchObject({
      whole: true,
      problems: [expect.stringMatching(/^its plan could not be read \(servers/)],
    });
    const newer = readSavedText(
      envelope({ ...saved(), plan: { ...typicalPlan(), formatVersion: PLAN_FORMAT_VERSION + 1 } }),
    );
    expect(newer).toMatchObject({ whole: true, problems: [expect.stringContaining('is newer than this planner')] });
  });

  it('refuses a store version from the future, or one never released, naming both versions', () => {
    expect(readSavedText(envelope(saved(), STORE_VERSION + 1))).toEqual({
      parts: {},
      problems: [
        `it was saved by a newer version of the planner (saved state version ${STORE_VERSION + 1}; ` +
          `this one reads ${STORE_VERSION})`,
      ],
      whole: true,
    });
    expect(readSavedText(envelope(saved(), 0)).problems).toEqual([
      `saved state version 0 is unknown (this planner reads ${STORE_VERSION})`,
    ]);
  });

  it('takes every stored plan through the plan migration chain: plan, previous plan and both stashes', () => {
    // A stand-in for the next plan format: its step renames every VNet it finds. The reader below is
    // the one a format bump gives the store (migrate with the chain, then check the shape).
    const step: MigrationStep = {
      from: PLAN_FORMAT_VERSION,
      to: PLAN_FORMAT_VERSION + 1,
      summary: 'test step',
      migrate: (doc) => {
        const access = doc.access as { mode: string; vnet?: { name: string } };
        const vnet = access.vnet ? { ...access.vnet, name: `${access.vnet.name}-v2` } : undefined;
        return { ...doc, name: `${String(doc.name)} (v2)`, access: vnet ? { ...access, vnet } : access };
      },
    };
    const readPlan: PlanReader = (doc) => {
      const migrated = migrateWith([...MIGRATIONS, step], doc, PLAN_FORMAT_VERSION + 1);
      if (!migrated.ok) return migrated;
      const read = readPlanDocument({ ...migrated.doc, formatVersion: PLAN_FORMAT_VERSION });
      return read.ok ? read : { ok: false, error: { kind: 'invalid-plan', message: read.error.message } };
    };
    const privateAccess = { ...newPrivateAccess(), vnet: { ...newPrivateAccess().vnet, name: 'vnet-a' } };
    const text = serializeSaved(
      saved({
        plan: { ...newPlan(), name: 'P', access: privateAccess },
        previousPlan: { ...newPlan(), name: 'Q' },
        stashedAccess: { private: privateAccess, public: newPublicAccess() },
      }),
    );
    const read = readSavedText(text, readPlan);
    expect(read.problems).toEqual([]);
    expect(read.parts.plan?.name).toBe('P (v2)');
    expect(read.parts.plan?.access).toMatchObject({ vnet: { name: 'vnet-a-v2' } });
    expect(read.parts.previousPlan?.name).toBe('Q (v2)');
    expect(read.parts.stashedAccess?.private?.vnet.name).toBe('vnet-a-v2');
    expect(read.parts.stashedAccess?.public).toEqual(newPublicAccess());
    // A document of a format after the stand-in one is refused by the same chain.
    const after = PLAN_FORMAT_VERSION + 2;
    expect(
      readSavedText(envelope({ ...saved(), plan: { ...typicalPlan(), formatVersion: after } }), readPlan),
    ).toMatchObject({ whole: true, problems: [expect.stringContaining(`formatVersion ${after} is newer`)] });
  });
});
