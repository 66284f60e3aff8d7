/**
 * The diagram itself: a dumb SVG drawing of a layout. Containers first, then the lines, then the
 * boxes on top, so a line that passes a box goes "through" it. Every box (and every line that carries
 * findings) is focusable with a roving tabindex; arrow keys move between them, Enter activates.
 * All user-typed text is a React text node or attribute (escaped), never markup.
 */
import { memo, type FocusEvent, type KeyboardEvent, type PointerEvent, type Ref } from 'react';
import type { Finding } from '../../domain/finding';
import { findingMarker, SEVERITIES, SEVERITY_WORD } from '../../topology/findings';
import { BADGE_ICON_ROOM, BADGE_ICON_SIZE, badgeIcon, NODE_ICON } from '../../topology/icons';
import { FONT, METRICS, type Rect } from '../../topology/labels';
import type { TopologyLayout } from '../../topology/layout';
import { edgeLabel, type Box, type RoutedEdge } from '../../topology/placement';
import type { PathHighlight } from './client-paths';
import { Icon, IconSymbols } from './topology-icons';
import { arrowRef, legendArrowKinds, LegendEntries } from './topology-legend';
import { boxPaint, DASH, FONT_FAMILY, linePaint, SEVERITY_PAINT, TEXT } from './theme';

export interface Focusable {
  readonly id: string;
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export function findingsLabel(findings: readonly Finding[] | undefined): string {
  if (!findings || findings.length === 0) return '';
  const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${SEVERITY_WORD[s][n === 1 ? 0 : 1]}`);
  return ` Findings: ${counts.join(', ')}; press Enter to show them.`;
}

/** The marker of an element's findings, where the layout put it (`at`). */
function Marker({ findings, at }: { findings: readonly Finding[] | undefined; at: Rect | null | undefined }) {
  if (!findings || !at) return null;
  const { text, worst } = findingMarker(findings);
  const paint = SEVERITY_PAINT[worst];
  return (
    <g className={`topo-marker topo-marker--${worst}`} aria-hidden="true">
      <rect x={at.x} y={at.y} width={at.w} height={at.h} rx={9} fill={paint.fill} />
      <text
        x={at.x + at.w / 2}
        y={at.y + 13}
        fontSize={FONT.marker}
        fontWeight={700}
        textAnchor="middle"
        fill={paint.text}
      >
        {text}
      </text>
    </g>
  );
}

interface NodeProps {
  box: Box;
  findings: readonly Finding[] | undefined;
  tabIndex: number;
  selected: boolean;
  /** On the traced path of a client (hover or focus). */
  traced: boolean;
  domId: string;
  prefix: string;
  onActivate: (id: string) => void;
  onFocusId: (id: string) => void;
}

const NodeBox = memo(function NodeBox({
  box,
  findings,
  tabIndex,
  selected,
  traced,
  domId,
  prefix,
  onActivate,
  onFocusId,
}: NodeProps) {
  const { node } = box;
  const chip = node.kind === 'client';
  const paint = boxPaint(node.kind, node.tone);
  const titleSize = chip ? FONT.chipTitle : FONT.title;
  const lineSize = chip ? FONT.chipLine : FONT.line;
  const titleLH = chip ? METRICS.chipTitleLH : METRICS.titleLH;
  const lineLH = chip ? METRICS.chipLineLH : METRICS.lineLH;
  // The text and marks go where the layout put them (labels.ts `cardLabels`).
  const at = (kind: string) => box.labels.filter((l) => l.kind === kind);
  const title = at('title')[0] as Rect;
  const x = box.x + METRICS.pad;
  const top = title.y + title.h + lineSize;
  const [footer] = at('footer');
  const [icon] = at('icon');
  const label =
    `${node.role}: ${node.title}. ` +
    `${node.lines.join('. ')}${box.footer ? `. ${box.footer}` : ''}.` +
    `${node.tooltip ? ` ${node.tooltip}` : ''}${findingsLabel(findings)}`;
  const classes = [
    `topo-node`,
    `topo-node--${node.kind}`,
    `topo-tone--${node.tone}`,
    selected ? 'topo-node--selected' : '',
    findings ? 'topo-node--pinned' : '',
    traced ? 'topo-node--traced' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      id={domId}
      className={classes}
      role="button"
      tabIndex={tabIndex}
      aria-label={label}
      data-id={box.id}
      onClick={() => onActivate(box.id)}
      onFocus={() => onFocusId(box.id)}
    >
      {node.tooltip ? <title>{node.tooltip}</title> : null}
      <rect
        className="topo-box"
        x={box.x}
        y={box.y}
        width={box.w}
        height={box.h}
        rx={paint.radius}
        fill={paint.fill}
        stroke={paint.stroke}
        strokeWidth={paint.strokeWidth}
        strokeDasharray={paint.dash}
      />
      {icon ? <Icon prefix={prefix} name={NODE_ICON[node.kind]} x={icon.x} y={icon.y} size={icon.w} /> : null}
      {box.titleLines.map((t, i) => (
        <text
          key={`t${i}`}
          className="topo-title"
          x={title.x}
          y={title.y + titleSize - 1 + i * titleLH}
          fontSize={titleSize}
          fontWeight={700}
          fill={TEXT.main}
        >
          {t}
        </text>
      ))}
      {node.legend ? (
        <LegendEntries box={box} top={top} prefix={prefix} />
      ) : (
        box.lines.map((t, i) => (
          <text key={`l${i}`} className="topo-text" x={x} y={top + i * lineLH} fontSize={lineSize} fill={TEXT.muted}>
            {t}
          </text>
        ))
      )}
      {at('badge').map((r, i) => (
        <g key={`b${i}`} className="topo-badge">
          <rect x={r.x} y={r.y} width={r.w} height={r.h} rx={10} fill={TEXT.badgeFill} stroke={TEXT.badgeStroke} />
          <Icon prefix={prefix} name={badgeIcon(box.node.badges[i])} x={r.x + 8} y={r.y + 4} size={BADGE_ICON_SIZE} />
          <text
            x={r.x + 8 + (badgeIcon(box.node.badges[i]) ? BADGE_ICON_ROOM : 0)}
            y={r.y + 14}
            fontSize={FONT.line}
            fontWeight={600}
            fill={TEXT.main}
          >
            {box.badges[i]}
          </text>
        </g>
      ))}
      {footer ? (
        <text className="topo-text" x={footer.x} y={footer.y + 12} fontSize={FONT.line} fill={TEXT.muted}>
          {box.footer}
        </text>
      ) : null}
      <Marker findings={findings} at={at('marker')[0]} />
    </g>
  );
});

interface EdgeProps {
  routed: RoutedEdge;
  findings: readonly Finding[] | undefined;
  prefix: string;
  tabIndex: number;
  selected: boolean;
  traced: boolean;
  onActivate: (id: string) => void;
  onFocusId: (id: string) => void;
}

/** Where a line with findings takes the focus (its ring, where the view scrolls to): the marker the layout placed. */
export function edgeAnchor(routed: RoutedEdge): Focusable {
  const { x, y, w, h } = routed.marker ?? edgeLabel(routed) ?? { x: 0, y: 0, w: 0, h: 0 };
  return { id: routed.id, x, y, w, h };
}

const EdgeLine = memo(function EdgeLine({
  routed,
  findings,
  prefix,
  tabIndex,
  selected,
  traced,
  onActivate,
  onFocusId,
}: EdgeProps) {
  const { edge } = routed;
  const paint = linePaint(edge.kind);
  const d = routed.points.map(([px, py], i) => `${i === 0 ? 'M' : 'L'}${px} ${py}`).join(' ');
  const arrow = edge.direction === 'forward' ? arrowRef(prefix, edge.kind) : undefined;
  const classes =
    `topo-edge topo-edge--${edge.kind} topo-edge--${edge.style}${selected ? ' topo-edge--selected' : ''}` +
    (traced ? ' topo-edge--traced' : '');
  const anchor = edgeAnchor(routed);
  const box = edgeLabel(routed);
  const body = (
    <>
      <title>{edge.description}</title>
      <path
        className="topo-line"
        d={d}
        fill="none"
        stroke={paint.stroke}
        strokeWidth={paint.strokeWidth}
        strokeDasharray={DASH[edge.style]}
        markerEnd={arrow}
      />
      {routed.label && box ? (
        <g className="topo-edge-label">
          <rect x={box.x} y={box.y} width={box.w} height={box.h} rx={3} fill="#ffffff" />
          <text x={routed.label.x} y={routed.label.y} fontSize={FONT.edge} textAnchor="middle" fill={TEXT.main}>
            {routed.label.text}
          </text>
        </g>
      ) : null}
    </>
  );
  if (!findings) {
    return (
      <g className={classes} data-id={routed.id}>
        {body}
      </g>
    );
  }
  return (
    <g
      className={`${classes} topo-edge--pinned`}
      data-id={routed.id}
      role="button"
      tabIndex={tabIndex}
      aria-label={`${edge.description}${findingsLabel(findings)}`}
      onClick={() => onActivate(routed.id)}
      onFocus={() => onFocusId(routed.id)}
    >
      {body}
      <rect
        className="topo-focus"
        x={anchor.x - 4}
        y={anchor.y - 4}
        width={anchor.w + 8}
        height={anchor.h + 8}
        rx={4}
        fill="none"
      />
      <Marker findings={findings} at={routed.marker} />
    </g>
  );
});

/** `box:<id>` or `edge:<id>`: the element of the drawing that `target` is in, or null (the background). */
function elementKey(target: EventTarget | null): string | null {
  const el = target instanceof Element ? target.closest('[data-id]') : null;
  const id = el?.getAttribute('data-id');
  if (!el || id == null) return null;
  return `${el.classList.contains('topo-edge') ? 'edge' : 'box'}:${id}`;
}

export interface TopologySvgProps {
  layout: TopologyLayout;
  pins: ReadonlyMap<string, Finding[]>;
  prefix: string;
  title: string;
  description: string;
  focusId: string | null;
  selectedId: string | null;
  /** The path traced for the element under the pointer or the focus: drawn thicker, the rest faded. */
  highlight: PathHighlight | null;
  svgRef?: Ref<SVGSVGElement>;
  onActivate: (id: string) => void;
  onFocusId: (id: string) => void;
  onKeyDown: (event: KeyboardEvent<SVGSVGElement>) => void;
  /** The element under the pointer (`box:<id>` / `edge:<id>`), or null when it leaves them. */
  onPointerElement: (key: string | null) => void;
  /** The element that has the focus, or null when the focus leaves the drawing. */
  onFocusElement: (key: string | null) => void;
}

export function TopologySvg(props: TopologySvgProps) {
  const { layout, pins, prefix, focusId, selectedId, highlight, onActivate, onFocusId } = props;
  const { onPointerElement, onFocusElement } = props;
  const containers = layout.boxes.filter((b) => b.container).sort((a, b) => a.depth - b.depth);
  const leaves = layout.boxes.filter((b) => !b.container);
  const firstId = layout.boxes[0]?.id ?? null;
  // Arrow heads only for the kinds of line that have one in this picture (or in its legend), in a fixed order.
  const arrowKinds = [
    ...new Set([
      ...layout.edges.filter((e) => e.edge.direction === 'forward').map((e) => e.edge.kind),
      ...legendArrowKinds(layout.boxes.find((b) => b.node.kind === 'legend')),
    ]),
  ].sort();
  const tab = (id: string) => (id === (focusId ?? firstId) ? 0 : -1);
  const node = (b: Box) => (
    <NodeBox
      key={b.id}
      box={b}
      findings={pins.get(b.id)}
      tabIndex={tab(b.id)}
      selected={selectedId === b.id}
      traced={highlight?.boxes.has(b.id) === true}
      domId={`${prefix}-n-${b.id}`}
      prefix={prefix}
      onActivate={onActivate}
      onFocusId={onFocusId}
    />
  );
  return (
    <svg
      ref={props.svgRef}
      xmlns="http://www.w3.org/2000/svg"
      className={highlight ? 'topo-svg topo-svg--tracing' : 'topo-svg'}
      role="group"
      aria-labelledby={`${prefix}-title ${prefix}-desc`}
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      fontFamily={FONT_FAMILY}
      onKeyDown={props.onKeyDown}
      onPointerOver={(e: PointerEvent) => onPointerElement(elementKey(e.target))}
      onPointerLeave={() => onPointerElement(null)}
      onFocus={(e: FocusEvent) => onFocusElement(elementKey(e.target))}
      onBlur={(e: FocusEvent) => {
        if (!(e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget))) onFocusElement(null);
      }}
    >
      <title id={`${prefix}-title`}>{props.title}</title>
      <desc id={`${prefix}-desc`}>{props.description}</desc>
      <defs>
        <IconSymbols prefix={prefix} />
        {arrowKinds.map((k) => (
          <marker
            key={k}
            id={`${prefix}-arrow-${k}`}
            viewBox="0 0 10 10"
            refX={9}
            refY={5}
            markerWidth={7}
            markerHeight={7}
            orient="auto-start-reverse"
          >
            <path className={`topo-arrow topo-arrow--${k}`} d="M0 0 L10 5 L0 10 z" fill={linePaint(k).stroke} />
          </marker>
        ))}
      </defs>
      <rect className="topo-bg" x={0} y={0} width={layout.width} height={layout.height} fill="#ffffff" />
      <g className="topo-layer-containers">{containers.map(node)}</g>
      <g className="topo-layer-edges">
        {layout.edges.map((e) => (
          <EdgeLine
            key={e.id}
            routed={e}
            findings={pins.get(e.id)}
            prefix={prefix}
            tabIndex={tab(e.id)}
            selected={selectedId === e.id}
            traced={highlight?.edges.has(e.id) === true}
            onActivate={onActivate}
            onFocusId={onFocusId}
          />
        ))}
      </g>
      <g className="topo-layer-boxes">{leaves.map(node)}</g>
    </svg>
  );
}
