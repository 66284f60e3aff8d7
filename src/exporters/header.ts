/** The warning every file of an export carries when the plan has error findings. */
import type { Finding } from '../domain/finding';
import { commentText } from './escape';

/** One line per error finding, safe to put into a comment of any language. */
export function errorLines(errors: readonly Finding[] | undefined): string[] {
  const list = (errors ?? []).filter((f) => f.severity === 'error');
  if (list.length === 0) return [];
  return [
    `WARNING: exported although the plan has ${list.length} error ` +
      `finding${list.length === 1 ? '' : 's'}; Azure is expected to reject it:`,
    ...list.map((f) => commentText(`${f.ruleId} ${f.path || '(plan)'}: ${f.message}`)),
  ];
}

/** Prefixes lines with a line-comment marker (`#` or `//`). */
export function commentBlock(marker: string, lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? marker : `${marker} ${commentText(l)}`)).join('\n');
}
