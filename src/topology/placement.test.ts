import { describe, expect, it } from 'vitest';
import type { Label } from './labels';
import { overlappingBoxes, overlappingLabels, type Box, type RoutedEdge } from './placement';

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
    labels: [],
  }) as unknown as Box;

describe('overlappingBoxes', () => {
  it('reports overlapping siblings but not a parent and its child', () => {
    expect(overlappingBoxes([mk('p', 0, 0, 100, 100), mk('c', 10, 10, 20, 20, 'p'), mk('s', 90, 90, 20, 20)])).toEqual([
      ['p', 's'],
    ]);
    expect(overlappingBoxes([mk('a', 0, 0, 10, 10), mk('b', 10, 0, 10, 10)])).toEqual([]);
  });
});

describe('overlappingLabels', () => {
  const label = (owner: string, kind: Label['kind'], x: number, y: number, w: number, h: number): Label => ({
    owner,
    kind,
    x,
    y,
    w,
    h,
  });
  /** A line whose label's box is `x`, `y`, `w` × 14 (its text centred, its baseline 11 px down). */
  const line = (id: string, x: number, y: number, w: number, marker: Label | null = null): RoutedEdge => ({
    id,
    edge: { id } as RoutedEdge['edge'],
    points: [],
    label: { text: id, x: x + w / 2, y: y + 11, w },
    marker,
  });
  /** A VNet holding a subnet, a box beside it; each with its title, the subnet with a marker in its title row. */
  const boxes = (): Box[] => [
    { ...mk('vnet', 0, 0, 300, 200), container: true, labels: [label('vnet', 'title', 10, 10, 120, 17)] },
    {
      ...mk('subnet', 20, 50, 200, 60, 'vnet'),
      labels: [label('subnet', 'title', 30, 60, 80, 17), label('subnet', 'marker', 140, 59, 70, 18)],
    },
    { ...mk('site', 400, 0, 100, 60), labels: [label('site', 'title', 410, 10, 60, 17)] },
  ];

  it('finds nothing when each label sits in its own box or in the free space of a box that holds others', () => {
    expect(overlappingLabels(boxes(), [line('free', 150, 150, 40), line('gap', 320, 20, 40)])).toEqual([]);
    // Touching is not covering.
    expect(overlappingLabels(boxes(), [line('touch', 130, 10, 10)])).toEqual([]);
  });

  it('reports a label over another label or marker, over a box it is not in, across a border', () => {
    const lines = [
      line('over-title', 100, 20, 40),
      line('over-marker', 190, 70, 40),
      line('in-subnet', 40, 90, 30),
      line('across', 280, 100, 40),
      line('gap', 320, 20, 40, label('gap', 'marker', 370, 20, 50, 18)),
    ];
    // In the order of the sweep, left to right: [the label, what it covers].
    expect(overlappingLabels(boxes(), lines)).toEqual([
      ['in-subnet:edge', 'subnet'],
      ['vnet:title', 'over-title:edge'],
      ['over-marker:edge', 'subnet'],
      ['subnet:marker', 'over-marker:edge'],
      ['across:edge', 'vnet'],
      ['gap:marker', 'site'],
      ['gap:marker', 'site:title'],
    ]);
  });
});
