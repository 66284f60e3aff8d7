/**
 * Export of the diagram as a draw.io file (`.drawio`, uncompressed mxGraph XML) that opens as an editable
 * drawing: the same boxes, lines and labels as the SVG, at the same places, with the plan's name and the export
 * date in a title block on top. Part of the diagram's on-demand chunk.
 *
 * How mxGraph stores a drawing: the cells are listed flat under `<root>`, the root cell "0" first, then the
 * default layer "1"; every other cell names its `parent`. A box drawn inside another (a subnet in a VNet) is a
 * child of that box's cell (`container=1`), and its geometry is relative to its parent's top-left corner. Lines
 * are children of the layer, with absolute points; they name the boxes they join (`source`, `target`), and where
 * on the box they leave and arrive (`exitX`/`exitY`, `entryX`/`entryY`), so that draw.io draws them as they are
 * drawn here. Labels are HTML (`html=1`): every user-typed text is escaped for HTML, then for XML. An icon is an image
 * cell (an SVG data URI) inside its box, which can be moved, resized, swapped or deleted like any other cell.
 */
import {
  BADGE_ICON_ROOM,
  BADGE_ICON_SIZE,
  badgeIcon,
  ICON_GAP,
  ICON_SIZE,
  iconSvg,
  NODE_ICON,
  type IconName,
} from '../../topology/icons';
import { FONT, METRICS, textWidth } from '../../topology/labels';
import { LEGEND, legendColumns, type TopologyLayout } from '../../topology/layout';
import { markIcon } from '../../topology/legend';
import type { LegendMark } from '../../topology/model';
import type { Box, RoutedEdge } from '../../topology/placement';
import { saveBlob } from '../common/save-blob';
import { escapeXml, fileSlug, isoDate, TITLE_BLOCK_HEIGHT, type TitleBlock } from './export-svg';
import { boxParents, edgeEnds, type EdgeEnds } from './export-tree';
import { boxPaint, DASH, linePaint, TEXT } from './theme';

type Point = readonly [number, number];

/** Coordinates with at most two decimals, without a trailing ".0". */
const num = (n: number): string => String(Math.round(n * 100) / 100 + 0);
/** Fractions (where on a box a line ends, where along a line its label sits) with four decimals: 0.1 px on 1,000 px. */
const ratio = (n: number): string => String(Math.round(n * 10_000) / 10_000 + 0);

/** An XML attribute value: the XML escapes, and tabs and line breaks kept as references (a parser would fold them). */
const attr = (text: string): string =>
  escapeXml(text).replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');

/** User-typed text inside an HTML label: the HTML specials escaped, line breaks as `<br>`. */
const html = (text: string): string =>
  text
    .replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    .replace(/\r\n|\r|\n/g, '<br>');

type StyleValue = string | number | undefined;

/** An mxGraph style string (`key=value;` pairs); undefined values are left out. */
function style(entries: Record<string, StyleValue>): string {
  return Object.entries(entries)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => `${k}=${typeof v === 'number' ? num(v) : v};`)
    .join('');
}

const dashed = (dash: string | undefined): Record<string, StyleValue> =>
  dash === undefined ? {} : { dashed: 1, dashPattern: dash, fixDash: 1 };

interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

function vertex(id: string, parent: string, value: string, css: string, r: Rect): string {
  return (
    `<mxCell id="${attr(id)}" value="${attr(value)}" style="${attr(css)}" vertex="1" parent="${attr(parent)}">` +
    `<mxGeometry x="${num(r.x)}" y="${num(r.y)}" width="${num(r.w)}" height="${num(r.h)}" as="geometry"/></mxCell>`
  );
}

const point = ([x, y]: Point, as?: string): string =>
  `<mxPoint x="${num(x)}" y="${num(y)}"${as === undefined ? '' : ` as="${as}"`}/>`;

/**
 * The HTML label of a box: its title lines in bold (right of its icon, if any), then its lines (as drawn: wrapped,
 * shortened with "…").
 */
function boxValue(box: Box, icon: boolean): string {
  const title = `<b>${box.titleLines.map(html).join('<br>')}</b>`;
  // Right of the icon, the title is a block (the lines follow under it); else a line of its own.
  const head = icon ? `<div style="padding-left: ${ICON_SIZE + ICON_GAP}px;">${title}</div>` : title;
  if (box.node.legend || box.lines.length === 0) return head;
  return `${head}${icon ? '' : '<br>'}<font color="${TEXT.muted}">${box.lines.map(html).join('<br>')}</font>`;
}

/** An icon: an image cell, `size` px at `x`, `y` in `parent` (SVG as a data URI, base64 after the comma). */
const iconCell = (id: string, parent: string, name: IconName, x: number, y: number, size: number): string =>
  vertex(id, parent, '', `shape=image;image=data:image/svg+xml,${btoa(iconSvg(name))};`, { x, y, w: size, h: size });

const TEXT_CELL = { html: 1, strokeColor: 'none', fillColor: 'none', whiteSpace: 'wrap' } as const;

/** Text metrics of a box, as topology-svg.tsx draws it. */
function metrics(box: Box) {
  const chip = box.node.kind === 'client';
  return {
    chip,
    titleSize: chip ? FONT.chipTitle : FONT.title,
    lineSize: chip ? FONT.chipLine : FONT.line,
    titleLH: chip ? METRICS.chipTitleLH : METRICS.titleLH,
    lineLH: chip ? METRICS.chipLineLH : METRICS.lineLH,
  };
}

/** The sample of a legend entry, as topology-legend.tsx draws it; `x`, `y` relative to the legend's box. */
function legendSample(id: string, parent: string, mark: LegendMark, x: number, y: number): string | null {
  const w = LEGEND.sample;
  switch (mark.type) {
    case 'line': {
      const paint = linePaint(mark.kind);
      const css = style({
        html: 1,
        endArrow: mark.arrow ? 'block' : 'none',
        endFill: mark.arrow ? 1 : undefined,
        endSize: mark.arrow ? 4 : undefined,
        startArrow: 'none',
        strokeColor: paint.stroke,
        strokeWidth: paint.strokeWidth,
        ...dashed(DASH[mark.style]),
      });
      return (
        `<mxCell id="${attr(id)}" value="" style="${attr(css)}" edge="1" parent="${attr(parent)}">` +
        `<mxGeometry relative="1" as="geometry">${point([x, y], 'sourcePoint')}` +
        `${point([x + w - (mark.arrow ? 3 : 0), y], 'targetPoint')}</mxGeometry></mxCell>`
      );
    }
    case 'box': {
      const paint = boxPaint(mark.kind, mark.tone);
      const css = style({
        rounded: 1,
        absoluteArcSize: 1,
        arcSize: 2 * Math.min(paint.radius / 2, 6),
        html: 1,
        fillColor: paint.fill,
        strokeColor: paint.stroke,
        strokeWidth: Math.min(paint.strokeWidth, 2),
        ...dashed(paint.dash),
      });
      return vertex(id, parent, '', css, { x: x + 1, y: y - 6, w: w - 2, h: 12 });
    }
    case 'badge': {
      const css = style({
        rounded: 1,
        absoluteArcSize: 1,
        arcSize: 12,
        html: 1,
        fillColor: TEXT.badgeFill,
        strokeColor: TEXT.badgeStroke,
      });
      return vertex(id, parent, '', css, { x: x + 1, y: y - 6, w: w - 2, h: 12 });
    }
    case 'finding':
      // The file has no findings markers to explain.
      return null;
  }
}

/** The cells drawn inside a box besides the boxes it holds: its icon, badges, footer, a legend's entries. */
function innerCells(box: Box, id: string, icon: Rect | undefined): string[] {
  const m = metrics(box);
  const name = NODE_ICON[box.node.kind];
  const out = icon && name ? [iconCell(`${id}-icon`, id, name, icon.x - box.x, icon.y - box.y, ICON_SIZE)] : [];
  const y = METRICS.pad + m.titleSize - 1 + box.titleLines.length * m.titleLH;
  const legend = box.node.legend;
  if (legend) {
    const { rows, x: columns } = legendColumns(box.lines);
    legend.forEach((entry, i) => {
      const x = columns[Math.floor(i / rows)] ?? METRICS.pad;
      const ly = y + (i % rows) * METRICS.lineLH;
      const sample = legendSample(`${id}-key-${i}`, id, entry.mark, x, ly - 4);
      if (sample === null) return;
      out.push(sample);
      const icon = markIcon(entry.mark);
      if (icon) out.push(iconCell(`${id}-key-${i}-icon`, id, icon, x + LEGEND.sample / 2 - 6, ly - 10, 12));
      const text = box.lines[i] ?? entry.text;
      const css = style({
        ...TEXT_CELL,
        align: 'left',
        verticalAlign: 'middle',
        spacing: 0,
        fontSize: FONT.line,
        fontColor: TEXT.muted,
      });
      const tx = x + LEGEND.sample + LEGEND.gap;
      out.push(
        vertex(`${id}-key-${i}-text`, id, html(text), css, {
          x: tx,
          y: ly - 12,
          w: textWidth(text, FONT.line) + 4,
          h: 16,
        }),
      );
    });
  }
  // The badges where the layout put them (labels.ts `cardLabels`), relative to the box.
  const badges = box.labels.filter((l) => l.kind === 'badge');
  badges.forEach((badge, i) => {
    const icon = badgeIcon(box.node.badges[i]);
    const css = style({
      rounded: 1,
      absoluteArcSize: 1,
      arcSize: METRICS.badgeH,
      whiteSpace: 'wrap',
      html: 1,
      fillColor: TEXT.badgeFill,
      strokeColor: TEXT.badgeStroke,
      fontColor: TEXT.main,
      fontSize: FONT.line,
      fontStyle: 1,
      align: 'left',
      verticalAlign: 'middle',
      spacing: 0,
      spacingLeft: 8 + (icon ? BADGE_ICON_ROOM : 0),
    });
    const at = { ...badge, x: badge.x - box.x, y: badge.y - box.y };
    out.push(vertex(`${id}-badge-${i}`, id, html(box.badges[i] ?? ''), css, at));
    if (icon) out.push(iconCell(`${id}-badge-${i}-icon`, id, icon, at.x + 8, at.y + 4, BADGE_ICON_SIZE));
  });
  if (box.footer !== null) {
    const css = style({
      ...TEXT_CELL,
      align: 'left',
      verticalAlign: 'bottom',
      spacing: 0,
      fontSize: FONT.line,
      fontColor: TEXT.muted,
    });
    const r = { x: METRICS.pad, y: box.h - METRICS.pad - 13, w: box.w - 2 * METRICS.pad, h: 16 };
    out.push(vertex(`${id}-footer`, id, html(box.footer), css, r));
  }
  return out;
}

function boxCell(box: Box, id: string, parent: string, at: Rect, holds: boolean, icon: boolean): string {
  const paint = boxPaint(box.node.kind, box.node.tone);
  const m = metrics(box);
  const css = style({
    rounded: 1,
    absoluteArcSize: 1,
    arcSize: 2 * paint.radius,
    whiteSpace: 'wrap',
    html: 1,
    fillColor: paint.fill,
    strokeColor: paint.stroke,
    strokeWidth: paint.strokeWidth,
    ...dashed(paint.dash),
    fontColor: TEXT.main,
    fontSize: m.lineSize,
    align: 'left',
    verticalAlign: 'top',
    spacing: 0,
    spacingLeft: METRICS.pad,
    spacingRight: METRICS.pad,
    spacingTop: METRICS.pad - 3,
    container: holds ? 1 : undefined,
    collapsible: holds ? 0 : undefined,
  });
  return vertex(id, parent, boxValue(box, icon), css, at);
}

/** Where along `points` (0 … 1 of its length) the point nearest to `c` lies, and that point. */
function nearestOnLine(points: readonly Point[], c: Point): { t: number; at: Point } {
  let total = 0;
  let best = { d: Infinity, s: 0, at: points[0] ?? c };
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [ax, ay] = points[i] as Point;
    const [bx, by] = points[i + 1] as Point;
    const len = Math.hypot(bx - ax, by - ay);
    const u =
      len === 0 ? 0 : Math.max(0, Math.min(1, ((c[0] - ax) * (bx - ax) + (c[1] - ay) * (by - ay)) / (len * len)));
    const at: Point = [ax + u * (bx - ax), ay + u * (by - ay)];
    const d = Math.hypot(c[0] - at[0], c[1] - at[1]);
    if (d < best.d) best = { d, s: total + u * len, at };
    total += len;
  }
  return { t: total === 0 ? 0.5 : best.s / total, at: best.at };
}

/** Where a line's end lies on its box, 0 … 1 across and down (the box's top-left is 0, 0). */
const relative = (b: Box, [x, y]: Point): [number, number] => [
  Math.max(0, Math.min(1, (x - b.x) / b.w)),
  Math.max(0, Math.min(1, (y - b.y) / b.h)),
];

function edgeCell(routed: RoutedEdge, ends: EdgeEnds, ids: ReadonlyMap<string, string>, dy: number): string {
  const { edge } = routed;
  const pts = routed.points.map(([x, y]): Point => [x, y + dy]);
  const first = pts[0];
  const last = pts[pts.length - 1];
  if (first === undefined || last === undefined) return '';
  const paint = linePaint(edge.kind);
  const arrow = edge.direction === 'forward';
  const exit = ends.source ? relative(ends.source, routed.points[0] as Point) : null;
  const entry = ends.target ? relative(ends.target, routed.points[routed.points.length - 1] as Point) : null;
  const css = style({
    edgeStyle: 'orthogonalEdgeStyle',
    rounded: 0,
    html: 1,
    endArrow: arrow ? 'block' : 'none',
    endFill: arrow ? 1 : undefined,
    startArrow: 'none',
    strokeColor: paint.stroke,
    strokeWidth: paint.strokeWidth,
    ...dashed(DASH[edge.style]),
    fontSize: FONT.edge,
    fontColor: TEXT.main,
    labelBackgroundColor: '#ffffff',
    exitX: exit ? ratio(exit[0]) : undefined,
    exitY: exit ? ratio(exit[1]) : undefined,
    exitPerimeter: exit ? 0 : undefined,
    entryX: entry ? ratio(entry[0]) : undefined,
    entryY: entry ? ratio(entry[1]) : undefined,
    entryPerimeter: entry ? 0 : undefined,
  });
  // mxGraph's orthogonal style reads the waypoints as the segments' places: each corner fixes the next segment.
  // A straight line gets its middle as a waypoint, so that draw.io does not reroute it.
  const inner = pts.length > 2 ? pts.slice(1, -1) : [[(first[0] + last[0]) / 2, (first[1] + last[1]) / 2] as Point];
  let labelGeometry = '';
  let offset = '';
  if (routed.label) {
    // The label's centre (the SVG's text baseline sits 4 px under it), as a place along the line plus an offset.
    const c: Point = [routed.label.x, routed.label.y + dy - 4];
    const near = nearestOnLine(pts, c);
    labelGeometry = ` x="${ratio(2 * near.t - 1)}"`;
    offset = point([c[0] - near.at[0], c[1] - near.at[1]], 'offset');
  }
  const source = ends.source ? ` source="${attr(ids.get(ends.source.id) ?? '')}"` : '';
  const target = ends.target ? ` target="${attr(ids.get(ends.target.id) ?? '')}"` : '';
  return (
    `<mxCell id="${attr(`e-${routed.id}`)}" value="${attr(routed.label ? html(routed.label.text) : '')}" ` +
    `style="${attr(css)}" edge="1" parent="1"${source}${target}>` +
    `<mxGeometry${labelGeometry} relative="1" as="geometry">` +
    `${point(first, 'sourcePoint')}${point(last, 'targetPoint')}` +
    `<Array as="points">${inner.map((p) => point(p)).join('')}</Array>${offset}</mxGeometry></mxCell>`
  );
}

/** The title block over the drawing: the plan's name, then "Network topology · exported <date>". */
function titleBlockCell(width: number, title: TitleBlock): string {
  const css = style({
    rounded: 0,
    whiteSpace: 'wrap',
    html: 1,
    fillColor: '#eef1f5',
    strokeColor: '#c9d0da',
    fontColor: TEXT.muted,
    fontSize: 12,
    align: 'left',
    verticalAlign: 'middle',
    spacing: 0,
    spacingLeft: 16,
  });
  const value =
    `<font style="font-size: 15px;" color="${TEXT.main}"><b>${html(title.planName)}</b></font>` +
    `<br>Network topology · exported ${html(title.date)}`;
  return vertex('title-block', '1', value, css, { x: 0, y: 0, w: width, h: TITLE_BLOCK_HEIGHT });
}

/**
 * The draw.io file of a laid-out diagram: the title block on top, then every box (a box inside another is that
 * box's child, placed relative to it), then every line. Deterministic: the same layout and title give the same file.
 */
export function layoutToDrawio(layout: TopologyLayout, title: TitleBlock): string {
  const parents = boxParents(layout);
  const ends = edgeEnds(layout);
  const ids = new Map(layout.boxes.map((b) => [b.id, `n-${b.id}`]));
  const holders = new Set<string>();
  for (const p of parents.values()) if (p !== null) holders.add(p.id);
  const dy = TITLE_BLOCK_HEIGHT;
  const cells: string[] = ['<mxCell id="0"/>', '<mxCell id="1" parent="0"/>', titleBlockCell(layout.width, title)];
  for (const box of layout.boxes) {
    const id = ids.get(box.id) as string;
    const parent = parents.get(box.id) ?? null;
    const at = parent
      ? { x: box.x - parent.x, y: box.y - parent.y, w: box.w, h: box.h }
      : { x: box.x, y: box.y + dy, w: box.w, h: box.h };
    const icon = box.labels.find((l) => l.kind === 'icon');
    const inner = innerCells(box, id, icon);
    const holds = holders.has(box.id) || inner.length > 0;
    cells.push(boxCell(box, id, parent ? (ids.get(parent.id) as string) : '1', at, holds, icon !== undefined));
    cells.push(...inner);
  }
  for (const e of layout.edges) {
    const cell = edgeCell(e, ends.get(e.id) ?? { source: null, target: null }, ids, dy);
    if (cell !== '') cells.push(cell);
  }
  const height = layout.height + dy;
  const name = title.planName.replace(/\s+/g, ' ').trim() || 'Network topology';
  return (
    `<mxfile host="pgflex-netplan">\n` +
    `  <diagram id="topology" name="${attr(name)}">\n` +
    `    <mxGraphModel dx="0" dy="0" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" ` +
    `fold="1" page="1" pageScale="1" pageWidth="${num(layout.width)}" pageHeight="${num(height)}" ` +
    `math="0" shadow="0">\n` +
    `      <root>\n${cells.map((c) => `        ${c}`).join('\n')}\n      </root>\n` +
    `    </mxGraphModel>\n  </diagram>\n</mxfile>\n`
  );
}

/** Downloads the draw.io file of the diagram as laid out now (the pages and collections shown); returns its name. */
export function downloadDrawio(layout: TopologyLayout, planName: string): string {
  const name = `${fileSlug(planName)}-topology.drawio`;
  const text = layoutToDrawio(layout, { planName, date: isoDate(new Date()) });
  saveBlob(new Blob([text], { type: 'application/vnd.jgraph.mxfile' }), name);
  return name;
}
