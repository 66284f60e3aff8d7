import { describe, expect, it } from 'vitest';
import { clearLineLabels, crossedBy, linesAcrossLabels } from './line-clearance';
import type { TopoEdge } from './model';
import { overlappingLabels, type Box, type Point, type RoutedEdge } from './placement';

/** A line along `points` with its label `w` px wide centred at `at` (null: none). */
function line(id: string, points: Point[], at: { x: number; y: number } | null, w = 40): RoutedEdge {
  const edge = { id, kind: 'peering', from: 'a', to: 'b', label: id, via: [], paths: [] } as unknown as TopoEdge;
  return { id, edge, points, label: at && { text: id, x: at.x, y: at.y, w }, marker: null };
}

describe('lines and the labels of other lines', () => {
  // A horizontal line labelled in its middle, and a vertical one through that label.
  const flat = line(
    'flat',
    [
      [0, 100],
      [300, 100],
    ],
    { x: 150, y: 95 },
  );
  const upright = line(
    'upright',
    [
      [150, 20],
      [150, 180],
    ],
    null,
  );

  it('finds a label that another line runs through, and not one that a line only touches or its own line holds', () => {
    expect(linesAcrossLabels([flat, upright])).toEqual([['flat:edge', 'upright']]);
    // The label spans x 130..170 and y 84..98: a line along its edge does not run through it.
    expect(
      linesAcrossLabels([
        flat,
        line(
          'edge',
          [
            [170, 20],
            [170, 180],
          ],
          null,
        ),
      ]),
    ).toEqual([]);
    expect(crossedBy({ x: 130, y: 84, w: 40, h: 14 }, 'flat', [flat])).toBe(false);
  });

  it('moves a crossed label along its own line to a place no line runs through', () => {
    const [moved, other] = clearLineLabels([flat, upright], []);
    expect(linesAcrossLabels([moved as RoutedEdge, other as RoutedEdge])).toEqual([]);
    // Still on its line (5 px above it, as every label of a horizontal stretch), just off the middle.
    expect(moved?.label?.y).toBe(95);
    expect(moved?.label?.x).not.toBe(150);
    expect(other).toBe(upright);
  });

  it('moves a label that covers a box, with no line through it, to a place on its line clear of the box', () => {
    const box = { id: 'box', x: 120, y: 60, w: 60, h: 30, container: false, labels: [] } as unknown as Box;
    const [moved] = clearLineLabels([flat], [box]);
    // Over x 130..170 and y 84..98 it covered the box's bottom (y 60..90); on its line it now lies clear of it.
    expect(moved?.label?.y).toBe(95);
    expect(overlappingLabels([box], [moved as RoutedEdge])).toEqual([]);
    // A label over nothing stays where it is.
    expect(clearLineLabels([flat], [])[0]).toBe(flat);
  });

  it('leaves a label where it is when every place on its line is crossed', () => {
    const fence = [20, 60, 100, 150, 200, 240, 280].map((x, i) =>
      line(
        `v${i}`,
        [
          [x, 20],
          [x, 180],
        ],
        null,
      ),
    );
    const [kept] = clearLineLabels([flat, ...fence], []);
    expect(kept).toBe(flat);
  });
});
