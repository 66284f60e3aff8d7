/**
 * The legend's entries: a sample of each mark the picture draws (a line in its colour, dash and arrow; a box in
 * its fill, outline and dash, with its icon over it; a badge; a findings marker), then its words. The legend's box,
 * its title and its focus behave like any other box (topology-svg.tsx); this draws what is inside.
 */
import { FONT, METRICS } from '../../topology/labels';
import { LEGEND, legendColumns } from '../../topology/layout';
import { markIcon } from '../../topology/legend';
import type { LegendMark, TopoEdgeKind } from '../../topology/model';
import type { Box } from '../../topology/placement';
import { boxPaint, DASH, linePaint, SEVERITY_PAINT, TEXT } from './theme';
import { Icon } from './topology-icons';

/** The arrow marker of a kind of line, defined once per picture by the SVG. */
export const arrowRef = (prefix: string, kind: string): string => `url(#${prefix}-arrow-${kind})`;

/** The kinds of line whose sample in the legend has an arrow head (their markers must be defined). */
export function legendArrowKinds(box: Box | undefined): TopoEdgeKind[] {
  return (box?.node.legend ?? []).flatMap((e) => (e.mark.type === 'line' && e.mark.arrow ? [e.mark.kind] : []));
}

function Sample({ mark, x, y, prefix }: { mark: LegendMark; x: number; y: number; prefix: string }) {
  const w = LEGEND.sample;
  switch (mark.type) {
    case 'line': {
      const paint = linePaint(mark.kind);
      return (
        <path
          className={`topo-key-line topo-key-line--${mark.kind}`}
          d={`M${x} ${y} L${x + w - (mark.arrow ? 3 : 0)} ${y}`}
          fill="none"
          stroke={paint.stroke}
          strokeWidth={paint.strokeWidth}
          strokeDasharray={DASH[mark.style]}
          markerEnd={mark.arrow ? arrowRef(prefix, mark.kind) : undefined}
        />
      );
    }
    case 'box': {
      const paint = boxPaint(mark.kind, mark.tone);
      return (
        <rect
          className={`topo-key-box topo-key-box--${mark.kind} topo-key-tone--${mark.tone}`}
          x={x + 1}
          y={y - 6}
          width={w - 2}
          height={12}
          rx={Math.min(paint.radius / 2, 6)}
          fill={paint.fill}
          stroke={paint.stroke}
          strokeWidth={Math.min(paint.strokeWidth, 2)}
          strokeDasharray={paint.dash}
        />
      );
    }
    case 'badge':
      return (
        <rect
          className="topo-key-badge"
          x={x + 1}
          y={y - 6}
          width={w - 2}
          height={12}
          rx={6}
          fill={TEXT.badgeFill}
          stroke={TEXT.badgeStroke}
        />
      );
    case 'finding':
      return (
        <g className="topo-key-finding">
          <rect x={x + 1} y={y - 7} width={w - 2} height={14} rx={7} fill={SEVERITY_PAINT.error.fill} />
          <text
            x={x + w / 2}
            y={y + 4}
            fontSize={10}
            fontWeight={700}
            textAnchor="middle"
            fill={SEVERITY_PAINT.error.text}
          >
            ✖ 1
          </text>
        </g>
      );
  }
}

/** The entries of the legend `box`, column by column under its title; `top` is the first line's baseline. */
export function LegendEntries({ box, top, prefix }: { box: Box; top: number; prefix: string }) {
  const entries = box.node.legend ?? [];
  const { rows, x: columns } = legendColumns(box.lines);
  return (
    <g className="topo-key" aria-hidden="true">
      {entries.map((entry, i) => {
        const x = box.x + (columns[Math.floor(i / rows)] ?? METRICS.pad);
        const y = top + (i % rows) * METRICS.lineLH;
        return (
          <g key={i} className="topo-key-entry">
            <Sample mark={entry.mark} x={x} y={y - 4} prefix={prefix} />
            <Icon prefix={prefix} name={markIcon(entry.mark)} x={x + LEGEND.sample / 2 - 6} y={y - 10} size={12} />
            <text className="topo-text" x={x + LEGEND.sample + LEGEND.gap} y={y} fontSize={FONT.line} fill={TEXT.muted}>
              {box.lines[i] ?? entry.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}
