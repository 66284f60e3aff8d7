import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FIRST_PAINT_WAIT_MS,
  GATE_ATTRIBUTE,
  paintGateScript,
  ROOT_ID,
  startAfterFirstPaint,
  type GatePreloads,
} from './first-paint';

const KEY = 'planner:state';
const ENTRY = './index-abc.js';

interface GateRun {
  /** What the gate set on `<html>`. */
  attributes: Record<string, string>;
  /** The modules it imported. */
  imported: string[];
  /** The addresses it asked the browser to preload (`<link rel="modulepreload">`), in order. */
  preloaded: string[];
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
  options: { readyState?: DocumentReadyState; importFails?: boolean; preloads?: GatePreloads } = {},
): GateRun {
  const attributes: Record<string, string> = {};
  const imported: string[] = [];
  const preloaded: string[] = [];
  const listeners: (() => void)[] = [];
  const html = {
    setAttribute: (name: string, value: string) => (attributes[name] = value),
    removeAttribute: (name: string) => delete attributes[name],
  };
  const document = {
    documentElement: html,
    readyState: options.readyState ?? 'loading',
    createElement: (tag: string) => ({ tag, rel: '', href: '' }),
    head: {
      appendChild: (link: { tag: string; rel: string; href: string }) => {
        if (link.tag === 'link' && link.rel === 'modulepreload') preloaded.push(link.href);
      },
    },
  };
  const window = { addEventListener: (_: string, fn: () => void) => listeners.push(fn) };
  const load = (url: string) => {
    imported.push(url);
    return options.importFails ? Promise.reject(new Error('failed to fetch')) : Promise.resolve({});
  };
  const source = paintGateScript(KEY, ENTRY, options.preloads).replace(/\bimport\(/g, 'load(');
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the gate is shipped as source text
  new Function('location', 'localStorage', 'document', 'window', 'load', source)(
    { hash },
    storage,
    document,
    window,
    load,
  );
  return { attributes, imported, preloaded, load: () => listeners.splice(0).forEach((fn) => fn()) };
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

  it("takes the skip link's #main for in-page navigation, not a link to open", () => {
    expect(runGate('#main', empty).attributes).toEqual({});
    expect(runGate('#main', saved).attributes).toEqual({ [GATE_ATTRIBUTE]: 'saved' });
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

  it('preloads the app behind the gate, and for a link its codec and review too; nothing on a first visit', () => {
    const preloads = { gated: ['./assets/start-1.js', './assets/rules-2.js'], link: ['./assets/link-3.js'] };
    expect(runGate('#p1.abc', empty, { preloads }).preloaded).toEqual([...preloads.gated, ...preloads.link]);
    expect(runGate('', saved, { preloads }).preloaded).toEqual(preloads.gated);
    const first = runGate('', empty, { preloads });
    first.load();
    expect(first.preloaded).toEqual([]);
    expect(first.imported).toEqual([ENTRY]);
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
  /** Fires the load event, a frame, the pending zero-delay tasks, the first-paint wait, or the paint report. */
  fire: (event: 'load' | 'frame' | 'task' | 'wait' | 'paint') => void;
}

/**
 * A page for `startAfterFirstPaint`: its root, gate mark, readiness and visibility, whether it reports paints
 * (and whether the first one has happened already), and its pending callbacks.
 */
function fakePage(options: {
  prerendered: boolean;
  gated?: boolean;
  readyState?: DocumentReadyState;
  visibility?: DocumentVisibilityState;
  paintTiming?: boolean;
  paintedAlready?: boolean;
}): FakePage {
  const pending = {
    load: [] as (() => void)[],
    frame: [] as (() => void)[],
    task: [] as (() => void)[],
    wait: [] as (() => void)[],
  };
  let painted = options.paintedAlready === true;
  const observers: ((entries: { getEntriesByName: (name: string) => unknown[] }) => void)[] = [];
  const report = () => {
    const entries = { getEntriesByName: (name: string) => (name === 'first-contentful-paint' ? [{}] : []) };
    observers.splice(0).forEach((callback) => callback(entries));
  };
  class FakeObserver {
    static supportedEntryTypes = options.paintTiming === false ? ['navigation'] : ['navigation', 'paint'];
    constructor(private readonly callback: (entries: { getEntriesByName: (name: string) => unknown[] }) => void) {}
    observe(init: { type: string; buffered?: boolean }) {
      expect(init).toEqual({ type: 'paint', buffered: true });
      observers.push(this.callback);
      if (painted) report();
    }
    disconnect() {
      const at = observers.indexOf(this.callback);
      if (at >= 0) observers.splice(at, 1);
    }
  }
  const root = { hasChildNodes: () => options.prerendered };
  vi.stubGlobal('document', {
    getElementById: (id: string) => (id === ROOT_ID ? root : null),
    documentElement: { hasAttribute: (name: string) => name === GATE_ATTRIBUTE && options.gated === true },
    readyState: options.readyState ?? 'interactive',
    visibilityState: options.visibility ?? 'visible',
  });
  vi.stubGlobal('window', { addEventListener: (_: string, fn: () => void) => pending.load.push(fn) });
  vi.stubGlobal('PerformanceObserver', FakeObserver);
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => pending.frame.push(fn));
  vi.stubGlobal('setTimeout', (fn: () => void, ms = 0) => {
    if (ms === 0) pending.task.push(fn);
    else if (ms === FIRST_PAINT_WAIT_MS) pending.wait.push(fn);
    else throw new Error(`Unexpected timer of ${ms} ms.`);
  });
  let count = 0;
  startAfterFirstPaint(() => (count += 1));
  return {
    started: () => count,
    fire: (event) => {
      if (event !== 'paint') pending[event].splice(0).forEach((fn) => fn());
      else {
        painted = true;
        report();
      }
    },
  };
}

describe('startAfterFirstPaint', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('starts at once without a prerendered root, behind the gate, or in a hidden page', () => {
    expect(fakePage({ prerendered: false }).started()).toBe(1);
    expect(fakePage({ prerendered: true, gated: true }).started()).toBe(1);
    expect(fakePage({ prerendered: true, visibility: 'hidden' }).started()).toBe(1);
  });

  it('otherwise waits for the load event and the first contentful paint, then a task', () => {
    const page = fakePage({ prerendered: true });
    page.fire('frame');
    page.fire('task');
    expect(page.started()).toBe(0);
    page.fire('load');
    page.fire('task');
    expect(page.started()).toBe(0);
    page.fire('paint');
    expect(page.started()).toBe(0);
    page.fire('task');
    expect(page.started()).toBe(1);
    page.fire('wait');
    page.fire('task');
    expect(page.started()).toBe(1);
  });

  it('takes a paint reported before the load event, and does not wait for a load event already past', () => {
    const page = fakePage({ prerendered: true, readyState: 'complete', paintedAlready: true });
    page.fire('task');
    expect(page.started()).toBe(1);
  });

  it('starts after a while when no paint is reported, and only once', () => {
    const page = fakePage({ prerendered: true, readyState: 'complete' });
    page.fire('task');
    expect(page.started()).toBe(0);
    page.fire('wait');
    page.fire('task');
    expect(page.started()).toBe(1);
    page.fire('paint');
    page.fire('task');
    expect(page.started()).toBe(1);
  });

  it('waits for a frame where the browser does not report paints', () => {
    const page = fakePage({ prerendered: true, paintTiming: false });
    page.fire('load');
    page.fire('task');
    expect(page.started()).toBe(0);
    page.fire('frame');
    page.fire('task');
    expect(page.started()).toBe(1);
  });
});
