/**
 * A minimal HCL writer whose output is already `terraform fmt` clean: two-space indentation,
 * `=` aligned across consecutive attribute lines, blocks separated from attributes by a blank line.
 */
import { hclString } from '../escape';

export type HclItem =
  | { kind: 'attr'; name: string; value: string }
  | { kind: 'block'; type: string; labels: string[]; body: HclItem[] };

export const attr = (name: string, value: string): HclItem => ({ kind: 'attr', name, value });
export const block = (type: string, labels: string[], body: HclItem[]): HclItem => ({ kind: 'block', type, labels, body });

/** A quoted HCL string of user text. */
export const str = (text: string): string => hclString(text);
export const bool = (value: boolean): string => (value ? 'true' : 'false');
export const list = (values: readonly string[]): string => `[${values.join(', ')}]`;
export const strList = (values: readonly string[]): string => list(values.map(str));

/** A string template mixing literal text (escaped) and interpolated expressions (`{ expr }`). */
export function template(parts: readonly (string | { expr: string })[]): string {
  return `"${parts.map((p) => (typeof p === 'string' ? hclString(p).slice(1, -1) : `\${${p.expr}}`)).join('')}"`;
}

export function render(items: readonly HclItem[], depth = 0): string {
  const pad = '  '.repeat(depth);
  const out: string[] = [];
  let run: { name: string; value: string }[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const width = Math.max(...run.map((a) => a.name.length));
    for (const a of run) out.push(`${pad}${a.name.padEnd(width)} = ${a.value}`);
    run = [];
  };
  items.forEach((item, i) => {
    if (item.kind === 'attr') {
      if (i > 0 && items[i - 1]?.kind === 'block') out.push('');
      run.push(item);
      return;
    }
    flush();
    if (i > 0) out.push('');
    const head = [item.type, ...item.labels.map((l) => `"${l}"`)].join(' ');
    if (item.body.length === 0) out.push(`${pad}${head} {}`);
    else out.push(`${pad}${head} {`, render(item.body, depth + 1), `${pad}}`);
  });
  flush();
  return out.join('\n');
}

/** Top-level blocks separated by one blank line, newline at the end. */
export function renderFile(header: string, blocks: readonly HclItem[]): string {
  const body = blocks.map((b) => render([b])).join('\n\n');
  return `${header}${header !== '' && body !== '' ? '\n' : ''}${body}\n`;
}
