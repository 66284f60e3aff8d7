import { beforeEach, describe, expect, it } from 'vitest';
import { newPlan } from '../domain/new-plan';
import { rehydrate, usePlanner } from './store';

const state = () => usePlanner.getState();

describe('planner store', () => {
  beforeEach(() => {
    usePlanner.setState({
      plan: newPlan(),
      history: { past: [], future: [], lastKey: null, lastAt: 0 },
      previousPlan: null,
      stashedAccess: {},
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
  it('replacing a plan keeps the previous one restorable', () => {
    state().setField('name', 'mine');
    state().replacePlan({ ...newPlan(), name: 'opened' });
    expect(state().plan.name).toBe('opened');
    expect(state().previousPlan?.name).toBe('mine');
    state().restorePrevious();
    expect(state().plan.name).toBe('mine');
    expect(state().previousPlan?.name).toBe('opened');
  });
  it('rehydrates a saved plan and keeps an unreadable one as text', () => {
    const current = state();
    const ok = rehydrate({ plan: { ...newPlan(), name: 'saved' }, step: 'security' }, current);
    expect(ok.plan.name).toBe('saved');
    expect(ok.step).toBe('security');
    const bad = rehydrate({ plan: { formatVersion: 1, servers: 'nope' } }, current);
    expect(bad.plan).toBe(current.plan);
    expect(bad.unreadableSaved).toContain('nope');
  });
});
