/**
 * Fit, zoom and pan of the diagram. The drawing sits in a scrolling box (the scroll position is the
 * pan) and is shown at a scale set with CSS on a wrapper: the `<svg>` itself keeps its natural width,
 * height and viewBox, so the exported file is always the whole drawing at 100 %.
 * Ctrl (or ⌘) + wheel and a trackpad pinch zoom around the pointer; a plain wheel scrolls as usual.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
} from 'react';
import {
  clampPan,
  clampScale,
  fitScale,
  MAX_SCALE,
  percent,
  revealRect,
  sameScale,
  zoomAt,
  ZOOM_STEP,
  type Point,
  type Rect,
  type Size,
  type ViewState,
} from './viewport';

/** How far a mouse moves before a press becomes a drag (a shorter move stays a click). */
const DRAG_THRESHOLD = 4;

interface Drag {
  id: number;
  x: number;
  y: number;
  left: number;
  top: number;
  moved: boolean;
}

function reducedMotion(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

/** The pointer's position in the box's scrolling area, from its top left corner inside the border. */
function inBox(canvas: HTMLElement, clientX: number, clientY: number): Point {
  const r = canvas.getBoundingClientRect();
  return { x: clientX - r.left - canvas.clientLeft, y: clientY - r.top - canvas.clientTop };
}

export function useZoom(drawing: Size) {
  const canvasRef = useRef<HTMLDivElement>(null);
  const stageRef = useRef<HTMLDivElement>(null);
  /** The room for the drawing: the box's width, and its largest height. Unknown until measured. */
  const [room, setRoom] = useState<Size | null>(null);
  const [wanted, setWanted] = useState<number | 'fit'>('fit');
  const [dragging, setDragging] = useState(false);

  const fit = room ? fitScale(drawing, room) : 1;
  const scale = wanted === 'fit' ? fit : clampScale(wanted, fit);

  const latest = useRef({ scale, fit, drawing });
  /** The view a zoom asked for, applied once the new scale is drawn. */
  const pending = useRef<ViewState | null>(null);
  const drag = useRef<Drag | null>(null);
  const touches = useRef(new Map<number, Point>());
  const pinch = useRef<{ distance: number; scale: number } | null>(null);
  const dragged = useRef(false);

  useLayoutEffect(() => {
    latest.current = { scale, fit, drawing };
  });

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const measure = () => {
      const max = Number.parseFloat(getComputedStyle(canvas).maxHeight);
      const height = Math.floor((Number.isFinite(max) ? max : window.innerHeight * 0.7) - 2 * canvas.clientTop);
      const width = Math.floor(canvas.offsetWidth - 2 * canvas.clientLeft);
      setRoom((prev) => (prev && prev.width === width && prev.height === height ? prev : { width, height }));
    };
    // The observer reports the box's size once laid out (and before it is painted), then on every change:
    // measuring here instead would force the page's layout in the middle of React's commit.
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    if (observer) observer.observe(canvas);
    else measure();
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, []);

  // The box keeps the height of the fitted drawing; the drawing is drawn at `scale`, then the pan a
  // zoom asked for is applied.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const stage = stageRef.current;
    if (!canvas || !stage || !room) return;
    canvas.style.height = `${Math.ceil(drawing.height * fit) + 2 * canvas.clientTop}px`;
    stage.style.width = `${drawing.width * scale}px`;
    stage.style.height = `${drawing.height * scale}px`;
    const target = pending.current;
    pending.current = null;
    if (target) {
      canvas.scrollLeft = target.scrollX;
      canvas.scrollTop = target.scrollY;
    }
  }, [room, fit, scale, drawing.width, drawing.height]);

  /** Zooms to `target` (clamped) keeping the drawing still under `point`, or under the box's centre. */
  const zoomTo = useCallback((target: number, point?: Point) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const now = latest.current;
    const from = pending.current ?? { scale: now.scale, scrollX: canvas.scrollLeft, scrollY: canvas.scrollTop };
    const next = clampScale(target, now.fit);
    if (sameScale(next, from.scale)) return;
    const viewport = { width: canvas.clientWidth, height: canvas.clientHeight };
    const at = point ?? { x: viewport.width / 2, y: viewport.height / 2 };
    pending.current = zoomAt(from, next, at, now.drawing, viewport);
    setWanted(sameScale(next, now.fit) ? 'fit' : next);
  }, []);

  const fitView = useCallback(() => {
    pending.current = { scale: latest.current.fit, scrollX: 0, scrollY: 0 };
    setWanted('fit');
  }, []);

  const zoomIn = useCallback(() => zoomTo(latest.current.scale * ZOOM_STEP), [zoomTo]);
  const zoomOut = useCallback(() => zoomTo(latest.current.scale / ZOOM_STEP), [zoomTo]);
  const actualSize = useCallback(() => zoomTo(1), [zoomTo]);

  // Ctrl/⌘ + wheel (a trackpad pinch arrives so too) zooms around the pointer; a plain wheel scrolls.
  // React's wheel listener is passive, so this one is added by hand to be able to cancel the page zoom.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const onWheel = (event: WheelEvent) => {
      if (!event.ctrlKey && !event.metaKey) return;
      event.preventDefault();
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? canvas.clientHeight : 1;
      const delta = Math.max(-60, Math.min(60, event.deltaY * unit));
      zoomTo(latest.current.scale * Math.exp(-delta * 0.005), inBox(canvas, event.clientX, event.clientY));
    };
    canvas.addEventListener('wheel', onWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', onWheel);
  }, [zoomTo]);

  /** `+`/`=` zoom in, `-` zooms out, `0` fits, while the focus is in the diagram. */
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === '+' || event.key === '=') zoomIn();
      else if (event.key === '-' || event.key === '_') zoomOut();
      else if (event.key === '0') fitView();
      else return;
      event.preventDefault();
    },
    [zoomIn, zoomOut, fitView],
  );

  const onPointerDown = useCallback((event: PointerEvent<HTMLElement>) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    dragged.current = false;
    if (event.pointerType === 'touch') {
      // One finger scrolls natively (touch-action); two fingers pinch.
      touches.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
      const [a, b] = [...touches.current.values()];
      if (touches.current.size === 2 && a && b)
        pinch.current = { distance: Math.hypot(a.x - b.x, a.y - b.y), scale: latest.current.scale };
      return;
    }
    if (event.button !== 0) return;
    if (canvas.scrollWidth <= canvas.clientWidth && canvas.scrollHeight <= canvas.clientHeight) return;
    drag.current = {
      id: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      left: canvas.scrollLeft,
      top: canvas.scrollTop,
      moved: false,
    };
  }, []);

  const onPointerMove = useCallback(
    (event: PointerEvent<HTMLElement>) => {
      const canvas = canvasRef.current;
      if (!canvas) return;
      if (event.pointerType === 'touch') {
        if (!touches.current.has(event.pointerId)) return;
        touches.current.set(event.pointerId, { x: event.clientX, y: event.clientY });
        const [a, b] = [...touches.current.values()];
        const start = pinch.current;
        if (!start || !a || !b || start.distance <= 0) return;
        const mid = inBox(canvas, (a.x + b.x) / 2, (a.y + b.y) / 2);
        zoomTo((start.scale * Math.hypot(a.x - b.x, a.y - b.y)) / start.distance, mid);
        return;
      }
      const d = drag.current;
      if (!d || d.id !== event.pointerId) return;
      const dx = event.clientX - d.x;
      const dy = event.clientY - d.y;
      if (!d.moved) {
        if (Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
        d.moved = true;
        canvas.setPointerCapture(event.pointerId);
        setDragging(true);
      }
      const to = clampPan(
        { x: d.left - dx, y: d.top - dy },
        { width: canvas.scrollWidth, height: canvas.scrollHeight },
        { width: canvas.clientWidth, height: canvas.clientHeight },
      );
      canvas.scrollLeft = to.x;
      canvas.scrollTop = to.y;
    },
    [zoomTo],
  );

  const onPointerEnd = useCallback((event: PointerEvent<HTMLElement>) => {
    touches.current.delete(event.pointerId);
    if (touches.current.size < 2) pinch.current = null;
    const d = drag.current;
    if (!d || d.id !== event.pointerId) return;
    drag.current = null;
    if (!d.moved) return;
    dragged.current = true;
    setDragging(false);
    const canvas = canvasRef.current;
    if (canvas?.hasPointerCapture(event.pointerId)) canvas.releasePointerCapture(event.pointerId);
  }, []);

  /** A drag ends without activating the element it started on. */
  const onClickCapture = useCallback((event: MouseEvent<HTMLElement>) => {
    if (!dragged.current) return;
    dragged.current = false;
    event.stopPropagation();
    event.preventDefault();
  }, []);

  /** Scrolls the box, as little as it can, to show `rect` (in the drawing's natural units). */
  const reveal = useCallback((rect: Rect) => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const view = { scale: latest.current.scale, scrollX: canvas.scrollLeft, scrollY: canvas.scrollTop };
    const viewport = { width: canvas.clientWidth, height: canvas.clientHeight };
    const to = revealRect(view, rect, latest.current.drawing, viewport);
    if (to.x === view.scrollX && to.y === view.scrollY) return;
    canvas.scrollTo({ left: to.x, top: to.y, behavior: reducedMotion() ? 'auto' : 'smooth' });
  }, []);

  const canvasClass = [
    'topo-canvas',
    scale > fit + 1e-4 ? 'topo-canvas--pannable' : '',
    dragging ? 'topo-canvas--dragging' : '',
  ]
    .filter(Boolean)
    .join(' ');

  return {
    canvasRef,
    stageRef,
    canvasClass,
    scale,
    fit,
    zoomIn,
    zoomOut,
    fitView,
    actualSize,
    reveal,
    canvasProps: {
      onKeyDown,
      onPointerDown,
      onPointerMove,
      onPointerUp: onPointerEnd,
      onPointerCancel: onPointerEnd,
      onClickCapture,
    },
  };
}

interface ZoomControlsProps {
  scale: number;
  fit: number;
  onZoomIn: () => void;
  onZoomOut: () => void;
  onFit: () => void;
  onActualSize: () => void;
}

/** The zoom buttons and the current zoom, announced politely. */
export function ZoomControls({ scale, fit, onZoomIn, onZoomOut, onFit, onActualSize }: ZoomControlsProps) {
  const min = Math.min(fit, MAX_SCALE);
  return (
    <div className="topo-zoom" role="group" aria-label="Zoom of the diagram">
      <button type="button" className="button" onClick={onZoomOut} disabled={sameScale(scale, min) || scale < min}>
        Zoom out
      </button>
      <button type="button" className="button" onClick={onZoomIn} disabled={sameScale(scale, MAX_SCALE)}>
        Zoom in
      </button>
      <button type="button" className="button" onClick={onFit} disabled={sameScale(scale, fit)}>
        Fit
      </button>
      <button type="button" className="button" onClick={onActualSize} disabled={sameScale(scale, clampScale(1, fit))}>
        100 %
      </button>
      <span className="topo-zoom__level" role="status" aria-live="polite">
        {percent(scale)}
      </span>
    </div>
  );
}
