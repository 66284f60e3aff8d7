/**
 * Export of the diagram as Mermaid flowchart text (`.mmd`): the boxes that hold others become subgraphs (nested as
 * drawn), the others nodes, the lines links with their labels, in the theme's colours; Mermaid lays it out anew.
 * Part of the diagram's on-demand chunk.
 *
 * Names are user text and land in Mermaid's syntax, so every label is a quoted string in which everything but
 * letters, digits, spaces and a few plain signs is written as an entity code (`#34;` for `"`), the escape
 * Mermaid's flowchart syntax documents: no quote, bracket, pipe, `%%` comment, `#…;` entity, backtick (Markdown
 * string), `$$` (maths) or `<…>` (HTML) of a name is read as syntax. Line breaks and control characters become
 * spaces. The title is a YAML string in the front matter.
 */
import type { TopologyLayout } from '../../topology/layout';
import type { TopoNodeKind, TopoTone } from '../../topology/model';
import type { Box, RoutedEdge } from '../../topology/placement';
import { saveBlob } from '../common/save-blob';
import { fileSlug, isoDate, type TitleBlock } from './export-svg';
import { boxParents, edgeEnds } from './export-tree';
import { boxPaint, DASH, linePaint } from './theme';

/** Characters written as they are in a label; every other ASCII character becomes an entity code. */
const PLAIN = /^[A-Za-z0-9 .,\-_/'+=!?*~@()]$/;
/**
 * Before parsing, Mermaid drops the last `;` of a line that holds "style" or "classDef", then ":", then "#" (its
 * `style` statements' colours): in such a label a colon is written as a code too, so no entity code loses its `;`.
 */
const STYLE_LIKE = /style|classDef/;
/** Line breaks, control characters, non-characters and unpaired surrogates, which a label or the title cannot hold. */
const UNPRINTABLE = new RegExp(
  [
    '[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029\\ufffe\\uffff]',
    '[\\ud800-\\udbff](?![\\udc00-\\udfff])',
    '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  ].join('|'),
  'g',
);
/**
 * Mermaid marks the entity codes it has read with these two characters ("ﬂ°…¶ß") before it draws a label, so
 * in a name they are written as codes too.
 */
const MARKERS = new Set(['\ufb02', '\u00b6']);

/** `text` as the inside of a quoted Mermaid label: inert, whatever it holds. */
function mermaidText(text: string): string {
  const colon = STYLE_LIKE.test(text);
  let out = '';
  for (const ch of text.replace(UNPRINTABLE, ' ')) {
    const code = ch.codePointAt(0) ?? 0;
    const plain = PLAIN.test(ch) || (ch === ':' && !colon) || (code >= 0x80 && !MARKERS.has(ch));
    out += plain ? ch : `#${code};`;
  }
  return out;
}

/** Text on one line: line breaks and control characters as spaces, no space around it. */
const oneLine = (text: string): string => text.replace(UNPRINTABLE, ' ').trim();

/**
 * The title as a YAML string: JSON's double-quoted string is one, on one line. Its `<` is written `\u003c` (an
 * escape both read): before anything else Mermaid rewrites `="…"` to `='…'` from any `<word` up to the next `>`,
 * across lines, so a title holding `<style=` would reach into the labels below it and change them.
 */
const yamlString = (text: string): string => JSON.stringify(oneLine(text)).replace(/</g, '\\u003c');

/** The shape of a node, around its quoted label. */
const SHAPES: Partial<Record<TopoNodeKind, readonly [string, string]>> = {
  server: ['[(', ')]'],
  standby: ['[(', ')]'],
  internet: ['([', '])'],
  azureServices: ['([', '])'],
  client: ['(', ')'],
};

/** A box's label: its title, then its lines, badges and footer, one per line. */
function label(box: Box): string {
  const { node } = box;
  const parts = [
    node.title,
    ...node.lines,
    ...node.badges.map((b) => b.text),
    ...(box.footer === null ? [] : [box.footer]),
  ];
  const text = parts.map((p) => mermaidText(p).trim()).filter((p) => p !== '');
  return text.length > 0 ? text.join('<br>') : mermaidText(node.role);
}

const ARROWS: Record<RoutedEdge['edge']['style'], Record<RoutedEdge['edge']['direction'], string>> = {
  solid: { forward: '-->', both: '<-->', none: '---' },
  dashed: { forward: '-.->', both: '<-.->', none: '-.-' },
  dotted: { forward: '-.->', both: '<-.->', none: '-.-' },
};

/** The class of a box: its kind, with its tone when that changes the paint ("subnetWarning"). */
const className = (kind: TopoNodeKind, tone: TopoTone): string =>
  tone === 'warning' || tone === 'muted' ? `${kind}${tone[0]?.toUpperCase() ?? ''}${tone.slice(1)}` : kind;

/**
 * The Mermaid flowchart of a laid-out diagram (the legend left out: Mermaid draws its own marks). Deterministic:
 * the same layout and title give the same text.
 */
export function layoutToMermaid(layout: TopologyLayout, title: TitleBlock): string {
  const parents = boxParents(layout);
  const boxes = layout.boxes.filter((b) => b.node.kind !== 'legend');
  const children = new Map<string | null, Box[]>();
  for (const b of boxes) {
    const p = parents.get(b.id)?.id ?? null;
    children.set(p, [...(children.get(p) ?? []), b]);
  }
  // Ids from the layout's ids (indices, never names), made Mermaid-safe and kept apart from its keywords.
  const ids = new Map<string, string>();
  const used = new Set<string>();
  for (const b of boxes) {
    const base = `n_${b.id.replace(/[^A-Za-z0-9]/g, '_')}`;
    let id = base;
    for (let i = 2; used.has(id); i += 1) id = `${base}_${i}`;
    used.add(id);
    ids.set(b.id, id);
  }

  const lines: string[] = [
    '---',
    `title: ${yamlString(`${oneLine(title.planName)} · network topology · exported ${title.date}`)}`,
  ];
  lines.push('---', 'flowchart LR');
  const classes = new Map<string, { paint: ReturnType<typeof boxPaint>; ids: string[] }>();
  const write = (parent: string | null, indent: string): void => {
    for (const b of children.get(parent) ?? []) {
      const id = ids.get(b.id) as string;
      const name = className(b.node.kind, b.node.tone);
      const cls = classes.get(name) ?? { paint: boxPaint(b.node.kind, b.node.tone), ids: [] };
      cls.ids.push(id);
      classes.set(name, cls);
      if (children.has(b.id)) {
        lines.push(`${indent}subgraph ${id}["${label(b)}"]`);
        write(b.id, `${indent}  `);
        lines.push(`${indent}end`);
      } else {
        const [open, close] = SHAPES[b.node.kind] ?? ['[', ']'];
        lines.push(`${indent}${id}${open}"${label(b)}"${close}`);
      }
    }
  };
  write(null, '  ');

  const ends = edgeEnds(layout);
  const linkStyles: string[] = [];
  for (const e of layout.edges) {
    const end = ends.get(e.id);
    const from = end?.source ? ids.get(end.source.id) : undefined;
    const to = end?.target ? ids.get(end.target.id) : undefined;
    if (from === undefined || to === undefined) continue;
    const arrow = ARROWS[e.edge.style][e.edge.direction];
    const text = mermaidText(e.edge.label).trim();
    lines.push(`  ${from} ${arrow}${text === '' ? '' : `|"${text}"|`} ${to}`);
    const paint = linePaint(e.edge.kind);
    const dash = DASH[e.edge.style];
    const dashes = dash === undefined ? '' : `,stroke-dasharray:${dash}`;
    linkStyles.push(`stroke:${paint.stroke},stroke-width:${paint.strokeWidth}px${dashes}`);
  }
  for (const [name, { paint }] of [...classes].sort(([a], [b]) => a.localeCompare(b))) {
    const dash = paint.dash === undefined ? '' : `,stroke-dasharray:${paint.dash}`;
    lines.push(
      `  classDef ${name} fill:${paint.fill},stroke:${paint.stroke},stroke-width:${paint.strokeWidth}px${dash}`,
    );
  }
  for (const [name, cls] of [...classes].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`  class ${cls.ids.join(',')} ${name}`);
  linkStyles.forEach((s, i) => lines.push(`  linkStyle ${i} ${s}`));
  return `${lines.join('\n')}\n`;
}

/** Downloads the Mermaid text of the diagram as laid out now (the pages and collections shown); returns its name. */
export function downloadMermaid(layout: TopologyLayout, planName: string): string {
  const name = `${fileSlug(planName)}-topology.mmd`;
  const text = layoutToMermaid(layout, { planName, date: isoDate(new Date()) });
  saveBlob(new Blob([text], { type: 'text/plain;charset=utf-8' }), name);
  return name;
}
