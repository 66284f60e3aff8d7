import { describe, expect, it } from 'vitest';
import { firstScreenChunk, staticClosure } from './first-screen-chunk';

/** main → first-paint; start → app → (react, first-paint); app ⇢ lazy step (dynamic) → plan; plan shared. */
const EDGES: Record<string, string[]> = {
  main: ['first-paint'],
  'first-paint': [],
  start: ['app', 'first-paint'],
  app: ['react', 'plan'],
  react: [],
  plan: [],
  step: ['plan', 'step-only'],
  'step-only': [],
};

function graph(edges: Record<string, string[]>) {
  const infos = new Map(Object.entries(edges).map(([id, importedIds]) => [id, { importedIds }]));
  return { getModuleInfo: (id: string) => infos.get(id) ?? null };
}

describe('staticClosure', () => {
  it('follows static imports only, and each module once', () => {
    expect([...staticClosure(graph(EDGES), 'start')].sort()).toEqual(['app', 'first-paint', 'plan', 'react', 'start']);
    expect([...staticClosure(graph({ a: ['b'], b: ['a'] }), 'a')].sort()).toEqual(['a', 'b']);
  });
});

describe('firstScreenChunk', () => {
  it('names what the start reaches and the entry does not; leaves the rest to the bundler', () => {
    const name = firstScreenChunk('start', 'start', 'main');
    const g = graph(EDGES);
    const named = Object.keys(EDGES).filter((id) => name(id, g) === 'start');
    expect(named.sort()).toEqual(['app', 'plan', 'react', 'start']);
  });

  it('recomputes for a new module graph (a rebuild)', () => {
    const name = firstScreenChunk('start', 'start', 'main');
    expect(name('react', graph(EDGES))).toBe('start');
    expect(name('react', graph({ ...EDGES, app: ['plan'] }))).toBeNull();
  });

  it('fails when the start module is not in the build', () => {
    expect(() => firstScreenChunk('start', 'missing', 'main')('app', graph(EDGES))).toThrow('no module missing');
  });
});
