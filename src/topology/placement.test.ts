import { describe, expect, it } from 'vitest';
import { overlappingBoxes, type Box } from './placement';

describe('overlappingBoxes', () => {
  it('reports overlapping siblings but not a parent and its child', () => {
    const mk = (id: string, x: number, y: number, w: number, h: number, parent: string | null = null): Box =>
      ({
        id,
        x,
        y,
        w,
        h,
        node: { id, parent },
        titleLines: [],
        lines: [],
        badges: [],
        container: false,
        depth: 0,
        extraPaths: [],
        footer: null,
      }) as unknown as Box;
    expect(overlappingBoxes([mk('p', 0, 0, 100, 100), mk('c', 10, 10, 20, 20, 'p'), mk('s', 90, 90, 20, 20)])).toEqual([
      ['p', 's'],
    ]);
    expect(overlappingBoxes([mk('a', 0, 0, 10, 10), mk('b', 10, 0, 10, 10)])).toEqual([]);
  });
});
