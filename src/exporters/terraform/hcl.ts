/**
 * A minimal HCL writer whose output is already `terraform fmt` clean: two-space indentation,
 * `=` aligned across consecutive attribute lines, blocks separated from attributes by a blank line.
 */
import { hclString } from '../escape';

export type HclItem =
  { kind: 'attr'; name: string; value: string } | { kind: 'block'; type: string; labels: string[]; body: HclItem[] };

export const attr = (name: string, value: string): HclItem => ({ kind: 'attr', name, value });
export const block = (type: string, labels: string[], body: HclItem[]): HclItem => ({
  kind: 'block',
  type,
  labels,
  body,
});

/** A quoted HCL string of user text. */
export const str = (text: string): string => hclString(text);
export const bool = (value: boolean): string => (value ? 'true' : 'false');
export const list = (values: readonly string[]): string => `[${values.join(', ')}]`;
export const strList = (values: readonly string[]): string => list(values.map(str));

/** A string template mixing literal text (escaped) and interpolated expressions (`{ expr }`). */
export function template(parts: readonly (string | { expr: string })[]): string {
  return `"${parts.map((p) => (typeof p === 'string' ? hclString(p).slice(1, -1) : `\${${p.expr}}`)).join('')}"`;
}

/** Indentation strings by depth (two spaces per level). */
const PADS: string[] = [''];
const padOf = (depth: number): string => {
  let p = PADS[depth];
  if (p === undefined) {
    p = '  '.repeat(depth);
    PADS[depth] = p;
  }
  return p;
};

/** Lines joined with `\n`, built by appending. */
class Lines {
  text = '';
  private empty = true;
  push(line: string): void {
    if (this.empty) {
      this.text = line;
      this.empty = false;
    } else this.text += `\n${line}`;
  }
}

function render(items: readonly HclItem[], depth = 0): string {
  const pad = padOf(depth);
  const out = new Lines();
  // The pending run of consecutive attributes: items[runStart..runEnd), `=` aligned to the longest name.
  let runStart = 0;
  let runEnd = 0;
  let width = 0;
  const flush = () => {
    for (let j = runStart; j < runEnd; j += 1) {
      const a = items[j] as HclItem & { kind: 'attr' };
      out.push(`${pad}${a.name.padEnd(width)} = ${a.value}`);
    }
    runStart = runEnd;
    width = 0;
  };
  for (let i = 0; i < items.length; i += 1) {
    const item = items[i] as HclItem;
    if (item.kind === 'attr') {
      if (i > 0 && items[i - 1]?.kind === 'block') {
        out.push('');
        runStart = i;
      }
      runEnd = i + 1;
      if (item.name.length > width) width = item.name.length;
      continue;
    }
    flush();
    runStart = runEnd = i + 1;
    if (i > 0) out.push('');
    let head = item.type;
    for (const l of item.labels) head += ` "${l}"`;
    if (item.body.length === 0) out.push(`${pad}${head} {}`);
    else {
      out.push(`${pad}${head} {`);
      out.push(render(item.body, depth + 1));
      out.push(`${pad}}`);
    }
  }
  flush();
  return out.text;
}

/** Top-level blocks separated by one blank line, newline at the end. */
export function renderFile(header: string, blocks: readonly HclItem[]): string {
  const body = blocks.map((b) => render([b])).join('\n\n');
  return `${header}${header !== '' && body !== '' ? '\n' : ''}${body}\n`;
}
