/**
 * Export of the diagram as a standalone SVG file (and, in the browser, as PNG), clean or with the findings'
 * markers. The on-screen SVG stays deterministic; the title block with the plan's name and the export date is
 * added here. Everything user-typed is escaped for XML: a name stays a name, never markup.
 */
import { FINDING_LEGEND } from '../../topology/legend';
import { saveBlob } from '../common/save-blob';

/**
 * Characters XML 1.0 does not allow anywhere in a document, not even as a character reference: the C0
 * controls but tab, newline and carriage return, U+FFFE, U+FFFF and unpaired surrogates (XML 1.0, "Char").
 * A parser stops at the first one ("Invalid character"), so the file would not open.
 */
const NOT_XML = new RegExp(
  [
    '[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\ufffe\\uffff]',
    '[\\ud800-\\udbff](?![\\udc00-\\udfff])',
    '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  ].join('|'),
  'g',
);

/** Text XML can hold: each character XML forbids becomes U+FFFD, the replacement character. */
function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '\ufffd');
}

/** Escapes text for XML text nodes and attribute values (characters XML forbids become U+FFFD). */
export function escapeXml(text: string): string {
  return xmlSafe(text).replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&apos;',
  );
}

export const TITLE_BLOCK_HEIGHT = 56;

/** What the title block of an exported file says: the plan's name and the export date (YYYY-MM-DD). */
export interface TitleBlock {
  planName: string;
  date: string;
}
const SVG_NS = 'http://www.w3.org/2000/svg';

/** "Contoso: hub & spoke" → "contoso-hub-spoke", for file names. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug === '' ? 'plan' : slug;
}

/** ISO date (YYYY-MM-DD) of `date` in local time. */
export function isoDate(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}`;
}

/**
 * Turns the serialised on-screen `<svg>` into a standalone SVG document: XML declaration, the SVG
 * namespace, no focus attributes, and a title block under the picture with the plan's name and date.
 * `rawMarkup` must be one `<svg …>…</svg>` element with numeric `width`, `height` and `viewBox`.
 */
export function standaloneSvg(rawMarkup: string, titleBlock: TitleBlock): string {
  // The browser's XMLSerializer writes text nodes as they are, control characters included (a name
  // typed or pasted with one, in a plan that validation refuses but the diagram still draws).
  const markup = xmlSafe(rawMarkup);
  const open = /^<svg\b[^>]*>/.exec(markup.trim());
  if (!open) throw new Error('The diagram could not be exported: it is not an <svg> element.');
  const tag = open[0];
  const width = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(tag)?.[1]);
  const height = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(tag)?.[1]);
  if (!Number.isFinite(width) || !Number.isFinite(height))
    throw new Error('The diagram could not be exported: it has no size.');
  const total = height + TITLE_BLOCK_HEIGHT;
  let newTag = tag
    .replace(/\sheight="[^"]*"/, ` height="${total}"`)
    .replace(/\sviewBox="[^"]*"/, ` viewBox="0 0 ${width} ${total}"`)
    .replace(/\stabindex="[^"]*"/g, '');
  if (!/\sxmlns="/.test(newTag)) newTag = newTag.replace(/^<svg/, `<svg xmlns="${SVG_NS}"`);
  const body = markup
    .trim()
    .slice(tag.length)
    .replace(/\stabindex="[^"]*"/g, '')
    .replace(/<\/svg>\s*$/, '');
  const y = height;
  const block =
    `<g class="topo-titleblock">` +
    `<rect x="0" y="${y}" width="${width}" height="${TITLE_BLOCK_HEIGHT}" fill="#eef1f5" stroke="#c9d0da"/>` +
    (`<text x="16" y="${y + 23}" font-size="15" font-weight="700" ` +
      `fill="#1b2430">${escapeXml(titleBlock.planName)}</text>`) +
    (`<text x="16" y="${y + 43}" font-size="12" fill="#4d5866">Network ` +
      `topology · exported ${escapeXml(titleBlock.date)}</text>`) +
    `</g>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${newTag}${body}${block}</svg>\n`;
}

/** The part of a pinned element's label that tells its findings (topology-svg.tsx `findingsLabel`). */
const FINDINGS_LABEL = ' Findings: ';

/**
 * A copy of the drawing without what the findings add to it: their markers, the focus rings of the lines that
 * carry findings, the "pinned" classes, the findings' words at the end of the elements' labels, and the legend's
 * entry that explains the markers (drawn, and in the legend's label). The drawing on screen is left as it is.
 */
export function withoutFindings(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  for (const el of copy.querySelectorAll('.topo-marker, .topo-edge--pinned > .topo-focus')) el.remove();
  for (const el of copy.querySelectorAll('.topo-key-finding')) (el.closest('.topo-key-entry') ?? el).remove();
  for (const el of copy.querySelectorAll('.topo-node--legend')) {
    const label = el.getAttribute('aria-label');
    if (label) el.setAttribute('aria-label', label.replace(` ${FINDING_LEGEND.text}.`, ''));
  }
  for (const el of copy.querySelectorAll('.topo-node--pinned, .topo-edge--pinned')) {
    el.classList.remove('topo-node--pinned', 'topo-edge--pinned');
    const label = el.getAttribute('aria-label');
    const cut = label?.lastIndexOf(FINDINGS_LABEL) ?? -1;
    if (label && cut >= 0) el.setAttribute('aria-label', label.slice(0, cut));
  }
  return copy;
}

/** The SVG file of the live diagram, clean or with the findings' markers. */
export function exportedSvg(svg: SVGSVGElement, titleBlock: TitleBlock, findings: boolean): string {
  const drawing = findings ? svg : withoutFindings(svg);
  return standaloneSvg(new XMLSerializer().serializeToString(drawing), titleBlock);
}

/** `contoso-topology.svg`, or `contoso-topology-findings.svg` with the findings' markers. */
const exportName = (planName: string, findings: boolean, ext: 'svg' | 'png'): string =>
  `${fileSlug(planName)}-topology${findings ? '-findings' : ''}.${ext}`;

const today = (planName: string): TitleBlock => ({ planName, date: isoDate(new Date()) });

/** Downloads the SVG file; returns its name. */
export function downloadSvg(svg: SVGSVGElement, planName: string, findings: boolean): string {
  const name = exportName(planName, findings, 'svg');
  saveBlob(new Blob([exportedSvg(svg, today(planName), findings)], { type: 'image/svg+xml' }), name);
  return name;
}

/**
 * Draws the exported SVG into a canvas (twice the size, within canvas limits) and downloads it as PNG; resolves
 * to the file's name.
 */
export function downloadPng(svg: SVGSVGElement, planName: string, findings: boolean): Promise<string> {
  const text = exportedSvg(svg, today(planName), findings);
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height')) + TITLE_BLOCK_HEIGHT;
  const scale = Math.min(2, 16_000 / Math.max(width, height, 1));
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(width * scale);
      canvas.height = Math.ceil(height * scale);
      const ctx = canvas.getContext('2d');
      if (!ctx) {
        URL.revokeObjectURL(url);
        reject(new Error('This browser cannot draw the PNG (no canvas).'));
        return;
      }
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, width, height);
      URL.revokeObjectURL(url);
      canvas.toBlob((blob) => {
        if (blob) {
          const name = exportName(planName, findings, 'png');
          saveBlob(blob, name);
          resolve(name);
        } else reject(new Error('The PNG could not be made (the picture may be too large).'));
      }, 'image/png');
    };
    img.onerror = () => {
      URL.revokeObjectURL(url);
      reject(new Error('The PNG could not be made: the browser could not draw the SVG.'));
    };
    img.src = url;
  });
}
