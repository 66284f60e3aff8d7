/**
 * What an undo or redo changed, said in words with the step it happened on, so a change on another step is not
 * silent: "Undid: firewall rule 3 removed, on the Firewall rules step".
 */
import { create } from 'zustand';
import type { Plan } from '../../domain/plan';
import { usePlanner, type StepId } from '../../store/store';
import { stepDef, stepForPath } from './steps';

export interface PlanChange {
  /** The dotted path of what changed (a list, when an item was added or removed). */
  path: string;
  kind: 'added' | 'removed' | 'changed';
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object';

/** The first place where `after` differs from `before`, or null when they are the same. */
export function firstChange(before: unknown, after: unknown, path = ''): PlanChange | null {
  if (Object.is(before, after)) return null;
  const at = (key: string | number) => (path === '' ? String(key) : `${path}.${key}`);
  if (Array.isArray(before) && Array.isArray(after)) {
    if (before.length !== after.length) return { path, kind: after.length > before.length ? 'added' : 'removed' };
    for (let i = 0; i < after.length; i += 1) {
      const change = firstChange(before[i], after[i], at(i));
      if (change) return change;
    }
    return null;
  }
  if (isObject(before) && isObject(after) && !Array.isArray(before) && !Array.isArray(after)) {
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      const change = firstChange(before[key], after[key], at(key));
      if (change) return change;
    }
    return null;
  }
  return { path, kind: 'changed' };
}

/** What one item of a plan list is called. */
const ITEM_NOUNS: Readonly<Record<string, string>> = {
  servers: 'server',
  firewallRules: 'firewall rule',
  peeredVnets: 'peered VNet',
  peerings: 'peering',
  routeTables: 'route table',
  routes: 'route',
  onPremises: 'on-premises site',
  clients: 'client',
  addressSpaces: 'address space',
  privateEndpoints: 'private endpoint',
  subnets: 'subnet',
  rules: 'NSG rule',
  dnsServers: 'DNS server',
  prefixes: 'address range',
};

/** `startIp` → `start IP`, `allowAzureServices` → `allow Azure services`. */
const words = (key: string): string =>
  key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/\b(ip|ips|dns|vnet|nsg|tls|ha|id)\b/g, (w) => (w === 'vnet' ? 'VNet' : w.toUpperCase()))
    .replace(/\bazure\b/g, 'Azure');

/** The change in a few words: "firewall rule 3 removed", "name of client 2 changed", "connectivity mode changed". */
export function describeChange(change: PlanChange): string {
  const parts = change.path === '' ? [] : change.path.split('.');
  const last = parts[parts.length - 1] ?? 'plan';
  if (change.kind !== 'changed') return `${ITEM_NOUNS[last] ?? words(last)} ${change.kind}`;
  const leaf = /^\d+$/.test(last) ? (ITEM_NOUNS[parts[parts.length - 2] ?? ''] ?? 'item') : words(last);
  // The nearest list item holding the field: "name of firewall rule 3".
  for (let i = parts.length - 2; i > 0; i -= 1) {
    const index = parts[i] ?? '';
    const noun = ITEM_NOUNS[parts[i - 1] ?? ''];
    if (/^\d+$/.test(index) && noun !== undefined) return `${leaf} of ${noun} ${Number(index) + 1} changed`;
  }
  if (change.path === 'name') return 'plan name changed';
  if (change.path === 'access.mode' || change.path === 'access') return 'connectivity method changed';
  return `${leaf} changed`;
}

export interface UndoNote {
  verb: 'Undid' | 'Redid';
  text: string;
  step: StepId;
  stepLabel: string;
  path: string;
  /** The plan the note describes; the note goes once the plan changes again. */
  plan: Plan;
}

export const useUndoNote = create<{ note: UndoNote | null }>()(() => ({ note: null }));

function withNote(verb: UndoNote['verb'], action: () => void): void {
  const before = usePlanner.getState().plan;
  action();
  const after = usePlanner.getState().plan;
  const change = firstChange(before, after);
  if (change === null) return;
  const step = stepForPath(change.path, after.access.mode);
  useUndoNote.setState({
    note: { verb, text: describeChange(change), step, stepLabel: stepDef(step).label, path: change.path, plan: after },
  });
}

export const undoWithNote = (): void => withNote('Undid', () => usePlanner.getState().undo());
export const redoWithNote = (): void => withNote('Redid', () => usePlanner.getState().redo());
