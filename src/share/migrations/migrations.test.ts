import { describe, expect, it } from 'vitest';
import { PLAN_FORMAT_VERSION } from '../../domain/plan';
import { typicalPlan } from '../../domain/samples';
import {
  FIRST_FORMAT_VERSION,
  MIGRATIONS,
  chainProblems,
  migrate,
  migrateWith,
  readAnyPlanDocument,
  type MigrationStep,
} from './index';

describe('the real migration chain', () => {
  it('has one step from every released format below the current one to the next', () => {
    expect(chainProblems(MIGRATIONS, FIRST_FORMAT_VERSION, PLAN_FORMAT_VERSION)).toEqual([]);
  });

  it('passes a current-format document through unchanged', () => {
    const plan = typicalPlan();
    expect(migrate(plan)).toEqual({ ok: true, doc: plan, from: PLAN_FORMAT_VERSION });
  });

  it('refuses newer formats and says so', () => {
    const r = migrate({ ...typicalPlan(), formatVersion: PLAN_FORMAT_VERSION + 1 });
    expect(r).toMatchObject({
      ok: false,
      error: {
        kind: 'newer-version',
        message: expect.stringContaining(`formatVersion ${PLAN_FORMAT_VERSION + 1} is newer`),
      },
    });
  });

  it('refuses documents without a version, versions never released, and non-objects', () => {
    expect(migrate({ name: 'x' })).toMatchObject({ ok: false, error: { kind: 'invalid-plan', path: 'formatVersion' } });
    expect(migrate({ formatVersion: '1' })).toMatchObject({ ok: false, error: { kind: 'invalid-plan' } });
    expect(migrate({ formatVersion: 0 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-plan', message: expect.stringContaining('never released') },
    });
    expect(migrate([1])).toMatchObject({ ok: false, error: { kind: 'invalid-plan' } });
  });

  it('readAnyPlanDocument migrates then checks the shape, saying where', () => {
    expect(readAnyPlanDocument(typicalPlan())).toMatchObject({ ok: true });
    const bad = { ...typicalPlan(), servers: [] };
    expect(readAnyPlanDocument(bad)).toMatchObject({ ok: false, error: { kind: 'invalid-plan', path: 'servers' } });
  });
});

describe('the chain mechanism', () => {
  // Steps written for this test only, to exercise ordering and error handling of migrateWith.
  const rename: MigrationStep = {
    from: 1,
    to: 2,
    summary: 'title → name',
    migrate: ({ title, ...rest }) => ({ ...rest, name: title }),
  };
  const wrap: MigrationStep = {
    from: 2,
    to: 3,
    summary: 'servers → [server]',
    migrate: ({ server, ...rest }) => ({ ...rest, servers: [server] }),
  };

  it('applies the steps in order from the document’s version and stamps each new version', () => {
    const r = migrateWith([rename, wrap], { formatVersion: 1, title: 'T', server: { name: 's' } }, 3);
    expect(r).toEqual({ ok: true, from: 1, doc: { formatVersion: 3, name: 'T', servers: [{ name: 's' }] } });
    const fromTwo = migrateWith([rename, wrap], { formatVersion: 2, name: 'N', server: 1 }, 3);
    expect(fromTwo).toEqual({ ok: true, from: 2, doc: { formatVersion: 3, name: 'N', servers: [1] } });
  });

  it('reports a missing step and a failing step', () => {
    expect(migrateWith([wrap], { formatVersion: 1 }, 3)).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('No migration from plan format 1 to 2') },
    });
    const broken: MigrationStep = {
      from: 1,
      to: 2,
      summary: 'throws',
      migrate: () => {
        throw new Error('boom');
      },
    };
    expect(migrateWith([broken], { formatVersion: 1 }, 2)).toMatchObject({
      ok: false,
      error: { kind: 'invalid-plan', message: expect.stringContaining('boom') },
    });
  });

  it('finds gaps and jumps in a chain', () => {
    expect(chainProblems([wrap], 1, 3)).not.toEqual([]);
    expect(chainProblems([{ ...rename, to: 3 }], 1, 2).join(' ')).toContain('exactly one');
    expect(chainProblems([rename], 1, 3).join(' ')).toContain('reaches version 2');
  });
});
