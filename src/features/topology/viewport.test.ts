import { describe, expect, it } from 'vitest';
import {
  clampPan,
  clampScale,
  fitScale,
  MAX_SCALE,
  panLimit,
  percent,
  revealRect,
  sameScale,
  zoomAt,
  type Point,
  type Size,
  type ViewState,
} from './viewport';

const drawing: Size = { width: 1200, height: 800 };
const viewport: Size = { width: 600, height: 400 };

/** Where the drawing's point `p` (natural units) appears in the box, at `view`. */
function onScreen(view: ViewState, p: Point, box: Size): Point {
  const offX = Math.max(0, (box.width - drawing.width * view.scale) / 2);
  const offY = Math.max(0, (box.height - drawing.height * view.scale) / 2);
  return { x: p.x * view.scale + offX - view.scrollX, y: p.y * view.scale + offY - view.scrollY };
}

describe('fitScale', () => {
  it('shrinks a drawing wider than the box to the box width', () => {
    const scale = fitScale({ width: 1600, height: 400 }, { width: 400, height: 600 });
    expect(scale).toBe(0.25);
    expect(1600 * scale).toBeLessThanOrEqual(400);
  });

  it('shrinks a tall drawing to the box height when that is the tighter side', () => {
    expect(fitScale({ width: 500, height: 2000 }, { width: 1000, height: 500 })).toBe(0.25);
  });

  it('never enlarges a drawing smaller than the box', () => {
    expect(fitScale({ width: 300, height: 200 }, { width: 1000, height: 800 })).toBe(1);
  });

  it('rounds down, so the scaled drawing is never wider than the box', () => {
    const scale = fitScale({ width: 1234, height: 100 }, { width: 358, height: 500 });
    expect(1234 * scale).toBeLessThanOrEqual(358);
    expect(358 - 1234 * scale).toBeLessThan(0.5);
  });

  it('answers 1 for an empty box or drawing (before the box is measured)', () => {
    expect(fitScale({ width: 1200, height: 800 }, { width: 0, height: 0 })).toBe(1);
    expect(fitScale({ width: 0, height: 0 }, viewport)).toBe(1);
  });
});

describe('clampScale', () => {
  it('holds a scale between the fit scale and the largest zoom', () => {
    expect(clampScale(0.1, 0.5)).toBe(0.5);
    expect(clampScale(2, 0.5)).toBe(2);
    expect(clampScale(10, 0.5)).toBe(MAX_SCALE);
    expect(clampScale(Number.NaN, 0.5)).toBe(0.5);
  });

  it('compares and shows scales as whole percentages', () => {
    expect(sameScale(0.50001, 0.5)).toBe(true);
    expect(sameScale(0.51, 0.5)).toBe(false);
    expect(percent(1.2)).toBe('120 %');
    expect(percent(0.3333)).toBe('33 %');
  });
});

describe('pan limits', () => {
  it('scrolls from 0 to the overflow, and not at all when the content fits', () => {
    expect(panLimit(1000, 600)).toBe(400);
    expect(panLimit(500, 600)).toBe(0);
    const content = { width: 2400, height: 1600 };
    expect(clampPan({ x: -50, y: 5000 }, content, viewport)).toEqual({ x: 0, y: 1200 });
    expect(clampPan({ x: 300, y: 200 }, content, viewport)).toEqual({ x: 300, y: 200 });
    expect(clampPan({ x: 300, y: 200 }, { width: 500, height: 300 }, viewport)).toEqual({ x: 0, y: 0 });
  });
});

describe('zoomAt', () => {
  it('keeps the point under the pointer still when zooming in', () => {
    const view: ViewState = { scale: 1, scrollX: 200, scrollY: 100 };
    const pointer = { x: 150, y: 90 };
    const under = { x: (view.scrollX + pointer.x) / view.scale, y: (view.scrollY + pointer.y) / view.scale };
    const next = zoomAt(view, 2, pointer, drawing, viewport);
    expect(next.scale).toBe(2);
    const seen = onScreen(next, under, viewport);
    expect(seen.x).toBeCloseTo(pointer.x, 6);
    expect(seen.y).toBeCloseTo(pointer.y, 6);
  });

  it('keeps the point still when zooming out too, as long as the pan limits allow', () => {
    const view: ViewState = { scale: 3, scrollX: 1500, scrollY: 900 };
    const pointer = { x: 300, y: 200 };
    const under = { x: (1500 + 300) / 3, y: (900 + 200) / 3 };
    const next = zoomAt(view, 2, pointer, drawing, viewport);
    const seen = onScreen(next, under, viewport);
    expect(seen.x).toBeCloseTo(pointer.x, 6);
    expect(seen.y).toBeCloseTo(pointer.y, 6);
  });

  it('keeps a point still from the centred, fitted drawing into a zoomed one', () => {
    const box = { width: 1000, height: 400 };
    const fit = fitScale(drawing, box); // 0.5: the drawing is 600 wide, centred with 200 on each side
    const view: ViewState = { scale: fit, scrollX: 0, scrollY: 0 };
    const pointer = { x: 500, y: 200 };
    const under = { x: (500 - 200) / fit, y: 200 / fit };
    const next = zoomAt(view, 1, pointer, drawing, box);
    const seen = onScreen(next, under, box);
    expect(seen.x).toBeCloseTo(pointer.x, 6);
    expect(seen.y).toBeCloseTo(pointer.y, 6);
  });

  it('stops at the pan limits rather than showing space beyond the drawing', () => {
    const next = zoomAt({ scale: 1, scrollX: 0, scrollY: 0 }, 0.5, { x: 0, y: 0 }, drawing, viewport);
    expect(next).toEqual({ scale: 0.5, scrollX: 0, scrollY: 0 });
    const corner = zoomAt({ scale: 1, scrollX: 600, scrollY: 400 }, 0.6, { x: 600, y: 400 }, drawing, viewport);
    expect(corner.scrollX).toBe(panLimit(1200 * 0.6, 600));
    expect(corner.scrollY).toBe(panLimit(800 * 0.6, 400));
  });
});

describe('revealRect', () => {
  const view: ViewState = { scale: 2, scrollX: 0, scrollY: 0 };

  it('leaves the scroll alone when the element is already visible', () => {
    expect(revealRect(view, { x: 20, y: 20, w: 50, h: 30 }, drawing, viewport)).toEqual({ x: 0, y: 0 });
  });

  it('scrolls just enough to show an element beyond the right and bottom edges', () => {
    const p = revealRect(view, { x: 400, y: 300, w: 100, h: 50 }, drawing, viewport, 10);
    expect(p).toEqual({ x: (400 + 100) * 2 + 10 - 600, y: (300 + 50) * 2 + 10 - 400 });
  });

  it('scrolls back to an element before the left and top edges', () => {
    const far: ViewState = { scale: 2, scrollX: 1200, scrollY: 800 };
    expect(revealRect(far, { x: 100, y: 100, w: 50, h: 50 }, drawing, viewport, 10)).toEqual({ x: 190, y: 190 });
  });
});
