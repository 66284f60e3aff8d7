import { afterEach, describe, expect, it, vi } from 'vitest';
import { GATE_ATTRIBUTE, paintGateScript, ROOT_ID, startAfterFirstPaint } from './first-paint';

const KEY = 'planner:state';
const ENTRY = './index-abc.js';

interface GateRun {
  /** What the gate set on `<html>`. */
  attributes: Record<string, string>;
  /** The modules it imported. */
  imported: string[];
  /** Fires the page's load event. */
  load: () => void;
}

/**
 * Runs the gate's source against a page address, a storage and a document state. Its `import(…)` is the one
 * thing rewritten, to a recording stand-in (the test cannot load the page's modules).
 */
function runGate(
  hash: string,
  storage: { getItem: (key: string) => string | null },
  options: { readyState?: DocumentReadyState; importFails?: boolean } = {},
): GateRun {
  const attributes: Record<string, string> = {};
  const imported: string[] = [];
  const listeners: (() => void)[] = [];
  const html = {
    setAttribute: (name: string, value: string) => (attributes[name] = value),
    removeAttribute: (name: string) => delete attributes[name],
  };
  const document = { documentElement: html, readyState: options.readyState ?? 'loading' };
  const window = { addEventListener: (_: string, fn: () => void) => listeners.push(fn) };
  const load = (url: string) => {
    imported.push(url);
    return options.importFails ? Promise.reject(new Error('failed to fetch')) : Promise.resolve({});
  };
  const source = paintGateScript(KEY, ENTRY).replace(/\bimport\(/g, 'load(');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the gate is shipped as source text
  new Function('location', 'localStorage', 'document', 'window', 'load', source)(
    { hash },
    storage,
    document,
    window,
    load,
  );
  return { attributes, imported, load: () => listeners.splice(0).forEach((fn) => fn()) };
}

const saved = { getItem: (key: string) => (key === KEY ? '{"state":{}}' : null) };
const empty = { getItem: () => null };
const blocked = {
  getItem: () => {
    throw new Error('SecurityError: access to localStorage is denied');
  },
};

describe('the gate script', () => {
  afterEach(() => vi.restoreAllMocks());

  it('marks a visit with a link fragment, before any storage is read, and loads the entry at once', () => {
    for (const storage of [saved, blocked]) {
      const run = runGate('#p1.abc', storage);
      expect(run.attributes).toEqual({ [GATE_ATTRIBUTE]: 'link' });
      expect(run.imported).toEqual([ENTRY]);
    }
  });

  it('marks a visit with a saved state under the store key, and loads the entry at once', () => {
    const run = runGate('', saved);
    expect(run.attributes).toEqual({ [GATE_ATTRIBUTE]: 'saved' });
    expect(run.imported).toEqual([ENTRY]);
  });

  it('leaves a first visit unmarked and loads the entry after the load event', () => {
    for (const [hash, storage] of [
      ['', empty],
      ['#', empty],
      ['', blocked],
      ['', { getItem: (key: string) => (key === 'another:key' ? 'x' : null) }],
    ] as const) {
      const run = runGate(hash, storage);
      expect(run.attributes).toEqual({});
      expect(run.imported).toEqual([]);
      run.load();
      expect(run.imported).toEqual([ENTRY]);
    }
    expect(runGate('', empty, { readyState: 'complete' }).imported).toEqual([ENTRY]);
  });

  it('lifts the mark and logs when the entry cannot be loaded', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const run = runGate('', saved, { importFails: true });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(run.attributes).toEqual({});
    expect(logged).toHaveBeenCalledWith(new Error('failed to fetch'));
  });

  it('is a function expression: it declares nothing on the page', () => {
    const source = paintGateScript(KEY, ENTRY);
    expect(source.startsWith('(function () {')).toBe(true);
    expect(source.trimEnd().endsWith('})();')).toBe(true);
    expect(source).toContain(`import(${JSON.stringify(ENTRY)})`);
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
