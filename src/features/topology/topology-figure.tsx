/**
 * The topology view: the plan drawn live, with findings pinned to what they concern, client
 * verdicts, paging for big estates, keyboard navigation, a text alternative and exports (SVG, PNG,
 * draw.io, Mermaid). `TopologyView.tsx` wraps it with its style sheet as the default export, loaded on demand.
 */
import { useCallback, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { sortFindings, type Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { layoutPins, pinFindings } from '../../topology/findings';
import { layoutTopology } from '../../topology/layout';
import { hubsOf, verdictsOf, type ClientRun } from '../../topology/model';
import { neighbour, type Direction } from '../../topology/navigation';
import type { LayoutView } from '../../topology/paging';
import { planToTopology } from '../../topology/plan-to-topology';
import { pathHighlight } from './client-paths';
import { TopologyDetails } from './topology-details';
import { TopologyExport } from './topology-export';
import { TopologyPagers } from './topology-pagers';
import { edgeAnchor, TopologySvg, type Focusable } from './topology-svg';
import { TopologyText } from './topology-text';
import { useZoom, ZoomControls } from './topology-zoom';

export interface TopologyViewProps {
  plan: Plan;
  findings: Finding[];
  /** The checker's run on each client: its verdict, and the hub whose appliance its path crosses (private access). */
  clientChecks?: readonly ClientRun[];
  onNavigate?: (path: string) => void;
  /** Whether the text alternative starts open (it is built only when open). */
  textAlternativeOpen?: boolean;
}

const KEY_DIRECTION: Record<string, Direction> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

export function TopologyFigure({
  plan,
  findings,
  clientChecks,
  onNavigate,
  textAlternativeOpen = false,
}: TopologyViewProps) {
  const prefix = `topo${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const svgRef = useRef<SVGSVGElement>(null);
  const [view, setView] = useState<LayoutView>({});
  const [focusId, setFocusId] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  /** The elements under the pointer and with the focus (`box:<id>` / `edge:<id>`): their clients' paths are traced. */
  const [pointed, setPointed] = useState<string | null>(null);
  const [focused, setFocused] = useState<string | null>(null);

  const topology = useMemo(
    () => planToTopology(plan, clientChecks && verdictsOf(clientChecks), clientChecks && hubsOf(clientChecks)),
    [plan, clientChecks],
  );
  // The findings are pinned to what the layout draws, then it is laid out again with room for their markers (the
  // draw.io and Mermaid files, which draw no markers, take the first).
  const plain = useMemo(() => layoutTopology(topology, view), [topology, view]);
  const sorted = useMemo(() => sortFindings(findings), [findings]);
  const pins = useMemo(() => layoutPins(plain, sorted), [plain, sorted]);
  const layout = useMemo(
    () => (pins.size > 0 ? layoutTopology(topology, view, pins) : plain),
    [topology, view, pins, plain],
  );
  // Tracing restyles the drawn elements; the topology and the layout stay as they are.
  const traced = pointed ?? focused;
  const highlight = useMemo(() => (traced === null ? null : pathHighlight(topology, traced)), [topology, traced]);
  const textPins = useMemo(
    () => pinFindings([...topology.nodes, ...topology.edges], sorted, 'title'),
    [topology, sorted],
  );
  const focusables = useMemo<Focusable[]>(
    () => [...layout.boxes, ...layout.edges.filter((e) => pins.has(e.id)).map(edgeAnchor)],
    [layout, pins],
  );
  const liveFocus = focusId !== null && focusables.some((f) => f.id === focusId) ? focusId : null;
  const zoom = useZoom({ width: layout.width, height: layout.height });
  const { reveal } = zoom;

  /** An element focused from the keyboard is scrolled into the visible part of the zoomed drawing. */
  const onFocusId = useCallback(
    (id: string) => {
      setFocusId(id);
      const rect = focusables.find((f) => f.id === id);
      const active = document.activeElement;
      if (rect && active instanceof Element && active.matches(':focus-visible')) reveal(rect);
    },
    [focusables, reveal],
  );

  const activate = useCallback(
    (id: string) => {
      setSelectedId(id);
      setFocusId(id);
      const first = pins.get(id)?.[0];
      if (first && onNavigate) onNavigate(first.path);
    },
    [pins, onNavigate],
  );

  const moveFocus = useCallback(
    (id: string) => {
      setFocusId(id);
      const el = svgRef.current?.querySelector<SVGGElement>(`[data-id="${id}"][tabindex]`);
      el?.focus();
      const rect = focusables.find((f) => f.id === id);
      if (rect) reveal(rect);
    },
    [focusables, reveal],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<SVGSVGElement>) => {
      const current = liveFocus ?? focusables[0]?.id;
      if (current === undefined) return;
      const direction = KEY_DIRECTION[event.key];
      let next: string | null;
      if (direction) next = neighbour(focusables, current, direction);
      else if (event.key === 'Home') next = focusables[0]?.id ?? null;
      else if (event.key === 'End') next = focusables[focusables.length - 1]?.id ?? null;
      else if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        activate(current);
        return;
      } else if (event.key === 'Escape') {
        setSelectedId(null);
        setPointed(null);
        setFocused(null);
        return;
      } else return;
      event.preventDefault();
      if (next !== null) moveFocus(next);
    },
    [liveFocus, focusables, activate, moveFocus],
  );

  const selectedBox = selectedId === null ? undefined : layout.boxes.find((b) => b.id === selectedId);
  const selectedEdge = selectedId === null ? undefined : layout.edges.find((e) => e.id === selectedId);
  return (
    <div className="topo">
      <div className="topo-toolbar">
        <TopologyPagers
          pagers={layout.pagers}
          onPage={(groupId, page) => setView((v) => ({ ...v, pages: { ...v.pages, [groupId]: page } }))}
          onExpand={(groupId, expanded) => setView((v) => ({ ...v, expanded: { ...v.expanded, [groupId]: expanded } }))}
        />
        <TopologyExport svgRef={svgRef} layout={plain} planName={plan.name} />
      </div>
      <ZoomControls
        scale={zoom.scale}
        fit={zoom.fit}
        onZoomIn={zoom.zoomIn}
        onZoomOut={zoom.zoomOut}
        onFit={zoom.fitView}
        onActualSize={zoom.actualSize}
      />
      <p className="topo-hint">
        Arrow keys move between the elements of the diagram; Enter shows an element&apos;s findings and jumps to the
        field. + and − zoom, 0 fits the diagram; Ctrl + wheel or a pinch zooms too, and dragging pans a zoomed diagram.
        Pointing at a client, or moving the focus to it, traces its path to the server; moving away or Escape clears it.
      </p>
      <div ref={zoom.canvasRef} className={zoom.canvasClass} {...zoom.canvasProps}>
        <div ref={zoom.stageRef} className="topo-stage">
          <TopologySvg
            layout={layout}
            pins={pins}
            prefix={prefix}
            title={`Network topology of ${plan.name}`}
            description={
              `${layout.boxes.length} boxes and ${layout.edges.length} lines. The same ` +
              `content is listed as text after the diagram.`
            }
            focusId={liveFocus}
            selectedId={selectedId}
            highlight={highlight}
            svgRef={svgRef}
            onActivate={activate}
            onFocusId={onFocusId}
            onKeyDown={onKeyDown}
            onPointerElement={setPointed}
            onFocusElement={setFocused}
          />
        </div>
      </div>
      <TopologyDetails
        box={selectedBox}
        edge={selectedEdge}
        findings={selectedId === null ? undefined : pins.get(selectedId)}
        {...(onNavigate ? { onNavigate } : {})}
      />
      <TopologyText topology={topology} pins={textPins} initiallyOpen={textAlternativeOpen} />
    </div>
  );
}
