/**
 * What a typed value must not hold once it leaves the planner: control characters (they break the
 * exported files, the SVG and terminals) and the prefixes a command line reads as something other than
 * a value. Validation (PGN-009, PGN-125) and the exporters' last check share these functions, so the
 * two always agree on what is refused.
 */

/** C0 controls, DEL and C1 controls: U+0000–U+001F and U+007F–U+009F. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u001f\u007f-\u009f]/g;

/** `U+0001` for a character. */
export function codePointName(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export const hasControlCharacter = (text: string): boolean => CONTROL.test(text);

/** The distinct control characters of `text`, in order of first appearance. */
export function controlCharactersIn(text: string): string[] {
  if (!CONTROL.test(text)) return [];
  return [...new Set(text.match(CONTROL_ALL) ?? [])];
}

/** "the control character U+0001" / "the control characters U+0001, U+000B", or null. */
export function controlCharacterText(text: string): string | null {
  const found = controlCharactersIn(text);
  if (found.length === 0) return null;
  const names = found.map(codePointName).join(', ');
  return found.length === 1 ? `the control character ${names}` : `the control characters ${names}`;
}

/** The text with each control character written as `\u0001`, safe to quote in a message. */
export function visible(text: string): string {
  if (!CONTROL.test(text)) return text;
  return text.replace(CONTROL_ALL, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/**
 * Why a value cannot be handed to a command line as a value, or null. The exports pass values to the
 * Azure CLI, which is built on Python's argparse and its own argument expansion:
 * - a leading `-` is read as an option by argparse wherever a value stands on its own;
 * - a leading `@` makes the Azure CLI replace the value with the contents of that file, also after
 *   `--name=` (azure-cli `_expand_file_prefixed_files`);
 * - a leading `'` is quoting in the Azure CLI's shorthand syntax, and `??` asks it for help instead
 *   of running the command (azure-cli `aaz/_utils.py`, `AAZShortHandSyntaxParser`);
 * - a control character breaks the script (bash drops a NUL byte, a newline ends the command).
 */
export function commandLineProblem(text: string): string | null {
  const control = controlCharacterText(text);
  if (control !== null) return `it contains ${control}`;
  if (text.startsWith('-')) return 'it starts with "-", which a command line reads as an option';
  if (text.startsWith('@')) return 'it starts with "@", which the Azure CLI reads as a file to load';
  if (text.startsWith("'")) return 'it starts with a single quote, which the Azure CLI reads as quoting';
  if (text === '??') return 'it is "??", which the Azure CLI reads as a request for help';
  return null;
}
