/**
 * The diagram's text and cards: text widths estimated from character counts, long labels wrapped (then shortened
 * with "…"), and cards — boxes measured from their text relative to their own corner, placed later by the layout,
 * with the client boxes and inner boxes some of them hold.
 */
import { BADGE_ICON_ROOM, badgeIcon, ICON_GAP, ICON_SIZE, NODE_ICON } from './icons';
import type { TopoBadge, TopoNode } from './model';

/** Font sizes in px: box titles and lines, line labels, the titles and lines of client boxes, finding markers. */
export const FONT = { title: 13, line: 12, edge: 11, chipTitle: 12, chipLine: 11, marker: 11 } as const;
/** Text metrics shared with the renderer, so that drawn text sits where it was measured. */
export const METRICS = { pad: 10, titleLH: 17, lineLH: 16, chipTitleLH: 16, chipLineLH: 14, badgeH: 20 } as const;
/** Height of a finding marker, and the room between it and the text beside it. */
export const MARKER = { h: 18, gap: 6 } as const;
/** Padding inside a box. */
export const PAD = METRICS.pad;
const TITLE_LH = METRICS.titleLH;
/** Height of a line of text in a box. */
export const LINE_LH = METRICS.lineLH;
const CHIP_TITLE_LH = METRICS.chipTitleLH;
const CHIP_LINE_LH = METRICS.chipLineLH;
const BADGE_H = METRICS.badgeH;
/** The room an icon takes left of a title (icon and gap); client boxes have none. */
const ICON_ROOM = ICON_SIZE + ICON_GAP;
/** Gap between the client boxes stacked in a box. */
export const CHIP_GAP = 6;
/** Client boxes drawn inside one container; the rest are counted in a "+n more" line. */
const MAX_CHIPS = 4;

// ---------------------------------------------------------------------------------------------
// Text measurement

/**
 * Estimated advance of one character, in em. Deliberately generous (close to DejaVu Sans, the widest
 * common fallback of `system-ui`), so that text fits its box in every font the page may get.
 */
function charEmSlow(code: number): number {
  if (code >= 0x2e80) return 1.05; // CJK, emoji, symbols drawn wide
  if (code >= 0x2000) return 0.9; // arrows, dashes, bullets, check marks
  const c = String.fromCharCode(code);
  if ("iljI.,:;|!'`".includes(c)) return 0.32;
  if ('frt()[]{}/- '.includes(c)) return 0.42;
  if ('mwMW@%'.includes(c)) return 0.95;
  if (c >= 'A' && c <= 'Z') return 0.74;
  if (c >= '0' && c <= '9') return 0.64;
  return 0.62;
}

/** The first 256 code points, looked up instead of computed (text measurement is the layout's hot loop). */
const LATIN = Float64Array.from({ length: 256 }, (_, code) => charEmSlow(code));

function charEm(code: number): number {
  return code < 256 ? (LATIN[code] as number) : charEmSlow(code);
}

const BOLD = 1.1;

/** Estimated width in pixels of `text` in the app's sans-serif font at `size` px. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charEm(ch.codePointAt(0) ?? 0);
  return Math.ceil(em * size * (bold ? BOLD : 1));
}

/** The width of a line's label: its text and 3 px either side. */
export const edgeLabelWidth = (text: string): number => textWidth(text, FONT.edge) + 6;

const BREAK_AFTER = new Set(['.', '-', '_', ' ', ',', '/', '·']);

/**
 * Wraps `text` into at most `maxLines` lines of at most `maxWidth` px, breaking after `.`, `-`,
 * spaces and the like where possible; the last line ends with "…" when the text does not fit.
 */
export function wrapText(text: string, maxWidth: number, size: number, bold = false, maxLines = 2): string[] {
  if (textWidth(text, size, bold) <= maxWidth) return [text];
  const chars = Array.from(text);
  const out: string[] = [];
  let start = 0;
  while (start < chars.length && out.length < maxLines) {
    const last = out.length === maxLines - 1;
    let width = 0;
    let end = start;
    let lastBreak = -1;
    while (end < chars.length) {
      const ch = chars[end] as string;
      const w = charEm(ch.codePointAt(0) ?? 0) * size * (bold ? BOLD : 1);
      if (width + w > maxWidth) break;
      width += w;
      if (BREAK_AFTER.has(ch)) lastBreak = end;
      end += 1;
    }
    if (end >= chars.length) {
      out.push(chars.slice(start).join(''));
      break;
    }
    if (last) {
      // Shorten: drop characters until "…" fits.
      const ellipsis = charEm(0x2026) * size * (bold ? BOLD : 1);
      let cut = end;
      while (cut > start && width + ellipsis > maxWidth) {
        cut -= 1;
        width -= charEm((chars[cut] as string).codePointAt(0) ?? 0) * size * (bold ? BOLD : 1);
      }
      out.push(`${chars.slice(start, cut).join('')}…`);
      break;
    }
    const stop = lastBreak >= start ? lastBreak + 1 : Math.max(end, start + 1);
    out.push(chars.slice(start, stop).join('').trimEnd());
    start = stop;
    while (chars[start] === ' ') start += 1;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Cards: boxes measured relative to their own corner, placed later

/** A node as the layout measures it: with the width of its finding marker when findings are pinned to it. */
export type MarkedNode = TopoNode & { readonly marker?: number };

/** A box measured from its text, with the boxes it holds at their offsets from its corner; placed later. */
export interface Card {
  node: TopoNode;
  w: number;
  h: number;
  titleLines: string[];
  lines: string[];
  badges: string[];
  children: { card: Card; dx: number; dy: number }[];
  extraPaths: string[];
  footer: string | null;
  chip: boolean;
  /** The width of its finding marker, drawn at the right of its first title line (0: none). */
  marker: number;
}

/** A rectangle: its top left corner, its width and its height. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/**
 * A piece of text or a mark the diagram draws, where it is drawn, and the box or line it belongs to (`owner`): a
 * box's `icon` and `title` lines, its other `lines` (a legend's entries), a `badge`, its `footer`; a line's label
 * (`edge`); the finding `marker` of either.
 */
export interface Label extends Rect {
  readonly owner: string;
  readonly kind: 'icon' | 'title' | 'lines' | 'badge' | 'footer' | 'edge' | 'marker';
}

/** The narrowest and widest a card may be. */
export interface Limits {
  minW: number;
  maxW: number;
}

/** The width limits of an ordinary box. */
export const LEAF: Limits = { minW: 140, maxW: 300 };
/** The width limits of a client box drawn inside a container. */
export const CHIP: Limits = { minW: 110, maxW: 230 };

/** The room left of a node's title for its icon (0: it has none). */
const iconRoom = (node: TopoNode, chip: boolean): number => (!chip && NODE_ICON[node.kind] ? ICON_ROOM : 0);

/** The width of a badge's padding and icon, around its text (8 px each side). */
const badgeRoom = (badge: TopoBadge | undefined): number => 16 + (badgeIcon(badge) ? BADGE_ICON_ROOM : 0);

/**
 * The wrapped title, lines and badges of a node within `limits`, and the width and height they take; the title
 * wraps short of the node's icon and finding marker, if any.
 */
export function textBlock(node: MarkedNode, limits: Limits, chip: boolean) {
  const titleSize = chip ? FONT.chipTitle : FONT.title;
  const lineSize = chip ? FONT.chipLine : FONT.line;
  const inner = limits.maxW - 2 * PAD;
  const marker = node.marker ?? 0;
  const room = (marker && marker + MARKER.gap) + iconRoom(node, chip);
  const titleLines = wrapText(node.title, inner - room, titleSize, true, 2);
  const lines = node.lines.flatMap((l) => wrapText(l, inner, lineSize, false, 2));
  const badges = node.badges.map((b) => wrapText(b.text, inner - badgeRoom(b), FONT.line, true, 1)[0] ?? '');
  const contentW = Math.max(
    ...titleLines.map((t) => textWidth(t, titleSize, true) + room),
    ...lines.map((t) => textWidth(t, lineSize)),
    ...badges.map((t, i) => textWidth(t, FONT.line, true) + badgeRoom(node.badges[i])),
    0,
  );
  const h =
    PAD +
    titleLines.length * (chip ? CHIP_TITLE_LH : TITLE_LH) +
    lines.length * (chip ? CHIP_LINE_LH : LINE_LH) +
    badges.length * (BADGE_H + 4) +
    PAD -
    (chip ? 4 : 0);
  return { titleLines, lines, badges, marker, w: Math.min(limits.maxW, Math.max(limits.minW, contentW + 2 * PAD)), h };
}

/** A card that holds no other box: the node's text within `limits` (a client box when `chip`). */
export function leafCard(node: MarkedNode, limits: Limits = LEAF, chip = false): Card {
  const { titleLines, lines, badges, marker, w, h } = textBlock(node, limits, chip);
  return { node, w, h, titleLines, lines, badges, children: [], extraPaths: [], footer: null, chip, marker };
}

/**
 * Where the text and marks of `card`, placed at `x`, `y`, are drawn: its icon at the top left, its title lines right
 * of it, its other lines (a legend's entries fill the rest of its box), its badges, its footer at the bottom and its
 * finding marker at the right of its first title line. The renderer draws them there.
 */
export function cardLabels(card: Card, x: number, y: number): Label[] {
  const { node, chip, w, marker } = card;
  const out: Label[] = [];
  let top = y + PAD;
  const add = (kind: Label['kind'], h: number, width: number, left = x + PAD): void => {
    if (h > 0) out.push({ owner: node.id, kind, x: left, y: top, w: width, h });
    top += h;
  };
  const widest = (texts: readonly string[], size: number, bold = false): number =>
    Math.max(0, ...texts.map((t) => textWidth(t, size, bold)));
  const titleLH = chip ? CHIP_TITLE_LH : TITLE_LH;
  const lineLH = chip ? CHIP_LINE_LH : LINE_LH;
  const icon = iconRoom(node, chip);
  if (icon > 0) out.push({ owner: node.id, kind: 'icon', x: x + PAD, y: top, w: ICON_SIZE, h: ICON_SIZE });
  const titleW = widest(card.titleLines, chip ? FONT.chipTitle : FONT.title, true);
  add('title', card.titleLines.length * titleLH, titleW, x + PAD + icon);
  if (node.legend) add('lines', y + card.h - PAD - top, w - 2 * PAD);
  else add('lines', card.lines.length * lineLH, widest(card.lines, chip ? FONT.chipLine : FONT.line));
  card.badges.forEach((b, i) => {
    top += 2;
    add('badge', BADGE_H, Math.min(w - 2 * PAD, textWidth(b, FONT.line, true) + badgeRoom(node.badges[i])));
    top += 2;
  });
  top = y + card.h - PAD - 12;
  if (card.footer !== null) add('footer', LINE_LH, textWidth(card.footer, FONT.line));
  top = y + PAD + titleLH - MARKER.h;
  if (marker > 0) add('marker', MARKER.h, marker, x + w - PAD - marker);
  return out;
}

/** Boxes drawn inside a card above its clients (an appliance, subnets), and how many more are only counted. */
interface Inner {
  readonly cards: readonly Card[];
  /** "+2 more subnets": the boxes left out, counted in the footer. */
  readonly hidden: number;
  readonly hiddenNoun: string;
  readonly hiddenPaths: readonly string[];
}

const NO_INNER: Inner = { cards: [], hidden: 0, hiddenNoun: '', hiddenPaths: [] };

const more = (n: number, noun: string): string => `+${n} more ${noun}${n === 1 ? '' : 's'}`;

/**
 * A card whose client boxes are stacked under its text, at most MAX_CHIPS of them; `inner` boxes (the
 * appliance and subnets of another VNet) come first, stretched to one width.
 */
export function cardWithChips(
  node: TopoNode,
  chips: readonly TopoNode[],
  limits: Limits = LEAF,
  inner = NO_INNER,
): Card {
  const card = leafCard(node, limits);
  if (chips.length === 0 && inner.cards.length === 0 && inner.hidden === 0) return card;
  const shown = chips.slice(0, MAX_CHIPS).map((c) => leafCard(c, CHIP, true));
  const hidden = chips.slice(MAX_CHIPS);
  let y = card.h - PAD + 4;
  let w = card.w;
  const innerW = maxW(inner.cards);
  for (const c of inner.cards) {
    card.children.push({ card: c, dx: PAD, dy: y });
    y += c.h + CHIP_GAP;
    w = Math.max(w, innerW + 2 * PAD);
  }
  for (const c of shown) {
    card.children.push({ card: c, dx: PAD, dy: y });
    y += c.h + CHIP_GAP;
    w = Math.max(w, c.w + 2 * PAD);
  }
  const footer = [
    ...(inner.hidden > 0 ? [more(inner.hidden, inner.hiddenNoun)] : []),
    ...(hidden.length > 0 ? [more(hidden.length, 'client')] : []),
  ];
  if (footer.length > 0) {
    card.footer = `${footer.join(', ')} (see the list)`;
    card.extraPaths = [...inner.hiddenPaths, ...hidden.flatMap((c) => c.paths)];
    w = Math.max(w, textWidth(card.footer, FONT.line) + 2 * PAD);
    // The "+n more" line is drawn under the chips: account for it below.
    y += LINE_LH;
  }
  w = Math.min(w, limits.maxW + 40);
  for (const c of card.children) c.card.w = Math.min(c.card.w, w - 2 * PAD);
  for (const c of inner.cards) c.w = w - 2 * PAD;
  card.w = Math.max(w, card.w);
  card.h = y - CHIP_GAP + PAD;
  return card;
}

/** The width of the widest card, or 0. */
export function maxW(cards: readonly Card[]): number {
  return cards.reduce((m, c) => Math.max(m, c.w), 0);
}
