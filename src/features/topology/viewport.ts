/**
 * The arithmetic of the diagram's viewport: the scale that fits the drawing in its box, the zoom
 * limits, zooming around a point and the limits of panning. Pure functions on plain numbers; the
 * figure applies them to a scrolling box (the scroll position is the pan).
 */

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A scale and the scroll position of the box, both in screen pixels. */
export interface ViewState {
  readonly scale: number;
  readonly scrollX: number;
  readonly scrollY: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** The largest zoom, as a multiple of the natural size. */
export const MAX_SCALE = 4;
/** One press of Zoom in (or Zoom out, dividing). */
export const ZOOM_STEP = 1.25;

/**
 * The scale at which the whole drawing fits in the box: never above 1 (a small drawing keeps its
 * natural size), rounded down so the scaled drawing is never a fraction of a pixel too big.
 */
export function fitScale(drawing: Size, box: Size): number {
  if (drawing.width <= 0 || drawing.height <= 0 || box.width <= 0 || box.height <= 0) return 1;
  const scale = Math.min(1, box.width / drawing.width, box.height / drawing.height);
  return Math.max(Math.floor(scale * 10_000) / 10_000, 0.0001);
}

/** `scale` held between the fit scale and `MAX_SCALE`. */
export function clampScale(scale: number, fit: number): number {
  const min = Math.min(fit, MAX_SCALE);
  if (!Number.isFinite(scale)) return min;
  return Math.min(MAX_SCALE, Math.max(min, scale));
}

/** Whether two scales are the same for the controls (a scale is shown as a whole percentage). */
export function sameScale(a: number, b: number): boolean {
  return Math.abs(a - b) < 1e-4;
}

/** The scale as the status shows it: "120 %". */
export function percent(scale: number): string {
  return `${Math.round(scale * 100)} %`;
}

/** How far the box can scroll along one axis: 0 up to the overflow of the content. */
export function panLimit(content: number, viewport: number): number {
  return Math.max(0, content - viewport);
}

/** A scroll position held within what the box can scroll. */
export function clampPan(scroll: Point, content: Size, viewport: Size): Point {
  const clamp = (v: number, max: number) => Math.min(max, Math.max(0, Number.isFinite(v) ? v : 0));
  return {
    x: clamp(scroll.x, panLimit(content.width, viewport.width)),
    y: clamp(scroll.y, panLimit(content.height, viewport.height)),
  };
}

/** Where a drawing narrower than the box starts: it is centred, so half of the room to spare. */
function centreOffset(content: number, viewport: number): number {
  return Math.max(0, (viewport - content) / 2);
}

/**
 * Zooms to `scale` keeping the drawing's point under `point` (in box coordinates, from its top left
 * corner) where it is, as far as the pan limits allow. `drawing` is the natural size, `viewport` the
 * visible part of the box.
 */
export function zoomAt(view: ViewState, scale: number, point: Point, drawing: Size, viewport: Size): ViewState {
  const before = { width: drawing.width * view.scale, height: drawing.height * view.scale };
  const after = { width: drawing.width * scale, height: drawing.height * scale };
  // The point of the drawing (natural units) under the pointer.
  const dx = (view.scrollX + point.x - centreOffset(before.width, viewport.width)) / view.scale;
  const dy = (view.scrollY + point.y - centreOffset(before.height, viewport.height)) / view.scale;
  const wanted = {
    x: dx * scale + centreOffset(after.width, viewport.width) - point.x,
    y: dy * scale + centreOffset(after.height, viewport.height) - point.y,
  };
  const scroll = clampPan(wanted, after, viewport);
  return { scale, scrollX: scroll.x, scrollY: scroll.y };
}

/**
 * The scroll position that brings `rect` (natural units) into view with `margin` pixels around it,
 * moving as little as possible; the current position when it is already visible.
 */
export function revealRect(view: ViewState, rect: Rect, drawing: Size, viewport: Size, margin = 16): Point {
  const content = { width: drawing.width * view.scale, height: drawing.height * view.scale };
  const axis = (scroll: number, start: number, length: number, size: number) => {
    const lo = start - margin;
    const hi = start + length + margin;
    if (lo >= scroll && hi <= scroll + size) return scroll;
    if (hi - lo > size || lo < scroll) return lo;
    return hi - size;
  };
  const x = axis(view.scrollX, rect.x * view.scale, rect.w * view.scale, viewport.width);
  const y = axis(view.scrollY, rect.y * view.scale, rect.h * view.scale, viewport.height);
  return clampPan({ x, y }, content, viewport);
}
