import { describe, expect, it, vi } from 'vitest';
import { newPlan } from '../domain/new-plan';
import type { Plan } from '../domain/plan';
import { IMPORT_REPORT_KEY, type ImportReport } from './import-report';
import { createPlanner } from './store';
import { MemoryStorage } from './testing/memory-storage';

const imported: Plan = { ...newPlan(), servers: newPlan().servers.map((s) => ({ ...s, name: 'pg-orders' })) };

const report: ImportReport = {
  fileName: 'bundle.json',
  source: 'bundle',
  server: 'pg-orders',
  notModelled: [
    { resourceId: '/subscriptions/s/x', type: 'Microsoft.Network/natGateways', what: 'resource', why: 'w' },
  ],
  skipped: [],
  warnings: ['check the gateway'],
  resourceIds: { 'servers.0': '/subscriptions/s/pg-orders' },
  readOnly: { 'servers.0.region': { reason: 'stays', owner: 'servers.0', name: 'pg-orders' } },
};

describe('the import report in the store', () => {
  it('comes with the imported plan taken for editing; another plan taken keeps it, a new plan drops it', () => {
    const store = createPlanner({ storage: null }).usePlanner;
    store.getState().showIncoming(imported, 'deployment', report);
    expect(store.getState().importReport).toBeNull();
    store.getState().acceptIncoming();
    expect(store.getState().importReport).toBe(report);
    // A plan file taken: the report stays aside (it applies only to a plan with its server).
    store.getState().showIncoming({ ...newPlan(), name: 'other' }, 'file');
    store.getState().acceptIncoming();
    expect(store.getState().importReport).toBe(report);
    store.getState().restorePrevious();
    expect(store.getState().plan.servers[0]?.name).toBe('pg-orders');
    expect(store.getState().importReport).toBe(report);
    store.getState().replacePlan(newPlan());
    expect(store.getState().importReport).toBeNull();
  });

  it('is saved under its own key, read back by the next page, and removed with it', async () => {
    const storage = new MemoryStorage();
    const first = createPlanner({ storage: storage.tab().storage }).usePlanner;
    first.getState().showIncoming(imported, 'deployment', report);
    first.getState().acceptIncoming();
    expect(JSON.parse(storage.items.get(IMPORT_REPORT_KEY) ?? 'null')).toEqual(report);

    const second = createPlanner({ storage: storage.tab().storage }).usePlanner;
    await vi.waitFor(() => expect(second.getState().importReport).toEqual(report));
    second.getState().replacePlan(newPlan());
    expect(storage.items.has(IMPORT_REPORT_KEY)).toBe(false);
  });

  it('drops a saved report it cannot read', async () => {
    const storage = new MemoryStorage();
    storage.items.set(IMPORT_REPORT_KEY, JSON.stringify({ ...report, server: 42 }));
    const store = createPlanner({ storage: storage.tab().storage }).usePlanner;
    await vi.waitFor(() => expect(storage.items.has(IMPORT_REPORT_KEY)).toBe(false));
    expect(store.getState().importReport).toBeNull();
  });
});
