import { afterEach, describe, expect, it, vi } from 'vitest';
import { GATE_ATTRIBUTE, paintGateScript, ROOT_ID, startAfterFirstPaint } from './first-paint';

const KEY = 'planner:state';

/** Runs the gate's source against a page address and a storage; returns what it set on `<html>`. */
function runGate(hash: string, storage: { getItem: (key: string) => string | null }): Record<string, string> {
  const attributes: Record<string, string> = {};
  const document = { documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } };
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the gate is shipped as source text
  new Function('location', 'localStorage', 'document', paintGateScript(KEY))({ hash }, storage, document);
  return attributes;
}

const saved = { getItem: (key: string) => (key === KEY ? '{"state":{}}' : null) };
const empty = { getItem: () => null };
const blocked = {
  getItem: () => {
    throw new Error('SecurityError: access to localStorage is denied');
  },
};

describe('the gate script', () => {
  it('marks a visit with a link fragment, before any storage is read', () => {
    expect(runGate('#p1.abc', saved)).toEqual({ [GATE_ATTRIBUTE]: 'link' });
    expect(runGate('#p1.abc', blocked)).toEqual({ [GATE_ATTRIBUTE]: 'link' });
  });

  it('marks a visit with a saved state under the store key', () => {
    expect(runGate('', saved)).toEqual({ [GATE_ATTRIBUTE]: 'saved' });
  });

  it('leaves a first visit, an empty fragment and unreadable storage unmarked', () => {
    expect(runGate('', empty)).toEqual({});
    expect(runGate('#', empty)).toEqual({});
    expect(runGate('', blocked)).toEqual({});
    expect(runGate('', { getItem: (key) => (key === 'another:key' ? 'x' : null) })).toEqual({});
  });

  it('is a function expression: it declares nothing on the page', () => {
    expect(paintGateScript(KEY).startsWith('(function () {')).toBe(true);
    expect(paintGateScript(KEY).trimEnd().endsWith('})();')).toBe(true);
  });
});

interface FakePage {
  started: () => number;
  fire: (event: 'load' | 'frame' | 'timer') => void;
}

/** A page for `startAfterFirstPaint`: its root, gate mark, readiness and visibility, and its pending callbacks. */
function fakePage(options: {
  prerendered: boolean;
  gated?: boolean;
  readyState?: DocumentReadyState;
  visibility?: DocumentVisibilityState;
}): FakePage {
  const pending = { load: [] as (() => void)[], frame: [] as (() => void)[], timer: [] as (() => void)[] };
  const root = { hasChildNodes: () => options.prerendered };
  vi.stubGlobal('document', {
    getElementById: (id: string) => (id === ROOT_ID ? root : null),
    documentElement: { hasAttribute: (name: string) => name === GATE_ATTRIBUTE && options.gated === true },
    readyState: options.readyState ?? 'interactive',
    visibilityState: options.visibility ?? 'visible',
  });
  vi.stubGlobal('window', { addEventListener: (_: string, fn: () => void) => pending.load.push(fn) });
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => pending.frame.push(fn));
  vi.stubGlobal('setTimeout', (fn: () => void) => pending.timer.push(fn));
  let count = 0;
  startAfterFirstPaint(() => (count += 1));
  return {
    started: () => count,
    fire: (event) => pending[event].splice(0).forEach((fn) => fn()),
  };
}

describe('startAfterFirstPaint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts at once without a prerendered root, behind the gate, or in a hidden page', () => {
    expect(fakePage({ prerendered: false }).started()).toBe(1);
    expect(fakePage({ prerendered: true, gated: true }).started()).toBe(1);
    expect(fakePage({ prerendered: true, visibility: 'hidden' }).started()).toBe(1);
  });

  it('otherwise waits for the load event, then a frame, then a task', () => {
    const page = fakePage({ prerendered: true });
    expect(page.started()).toBe(0);
    page.fire('frame');
    page.fire('timer');
    expect(page.started()).toBe(0);
    page.fire('load');
    expect(page.started()).toBe(0);
    page.fire('frame');
    expect(page.started()).toBe(0);
    page.fire('timer');
    expect(page.started()).toBe(1);
  });

  it('does not wait for a load event that has already happened', () => {
    const page = fakePage({ prerendered: true, readyState: 'complete' });
    page.fire('frame');
    page.fire('timer');
    expect(page.started()).toBe(1);
  });
});
