/**
 * What a typed value must not hold once it leaves the planner: control characters (they break the
 * exported files, the SVG and terminals), unpaired UTF-16 surrogates (no file can store them: writing
 * one turns it into U+FFFD, so the value would change on the way) and the prefixes a command line reads
 * as something other than a value. Validation (PGN-009, PGN-125) and the exporters' last check share
 * these functions, so the two always agree on what is refused.
 */

/** C0 controls, DEL and C1 controls (U+0000–U+001F, U+007F–U+009F), and unpaired surrogates. */
const UNSAFE_SOURCE = [
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u001f\u007f-\u009f]/.source,
  /[\ud800-\udbff](?![\udc00-\udfff])/.source,
  /(?<![\ud800-\udbff])[\udc00-\udfff]/.source,
].join('|');
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_ALL = new RegExp(UNSAFE_SOURCE, 'g');
/** A cheap first test: controls, or any surrogate (paired ones are rare: emoji and the like). */
// eslint-disable-next-line no-control-regex
const MAYBE_UNSAFE = /[\u0000-\u001f\u007f-\u009f\ud800-\udfff]/;
// eslint-disable-next-line no-control-regex
const CONTROL = /^[\u0000-\u001f\u007f-\u009f]$/;

/** `U+0001` for a character. */
export function codePointName(c: string): string {
  return `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Whether the text holds a control character or an unpaired surrogate. */
export const hasUnsafeCharacter = (text: string): boolean => MAYBE_UNSAFE.test(text) && UNSAFE.test(text);

/** "the control character U+0001" or "the unpaired surrogate U+D800", for one unsafe character. */
export function describeUnsafeCharacter(c: string): string {
  return `${CONTROL.test(c) ? 'the control character' : 'the unpaired surrogate'} ${codePointName(c)}`;
}

/** The distinct unsafe characters of `text`, in order of first appearance. */
export function unsafeCharactersIn(text: string): string[] {
  if (!hasUnsafeCharacter(text)) return [];
  return [...new Set(text.match(UNSAFE_ALL) ?? [])];
}

/**
 * "the control character U+0001", "the control characters U+0001, U+000B", "the unpaired surrogate
 * U+D800", … for the unsafe characters of `text`; null when there are none.
 */
export function unsafeCharacterText(text: string): string | null {
  const found = unsafeCharactersIn(text);
  if (found.length === 0) return null;
  const controls = found.filter((c) => CONTROL.test(c)).map(codePointName);
  const surrogates = found.filter((c) => !CONTROL.test(c)).map(codePointName);
  const parts: string[] = [];
  if (controls.length > 0)
    parts.push(`the control character${controls.length === 1 ? '' : 's'} ${controls.join(', ')}`);
  if (surrogates.length > 0)
    parts.push(`the unpaired surrogate${surrogates.length === 1 ? '' : 's'} ${surrogates.join(', ')}`);
  return parts.join(' and ');
}

/** The text with each unsafe character written as `\u0001`, safe to quote in a message. */
export function visible(text: string): string {
  if (!hasUnsafeCharacter(text)) return text;
  return text.replace(UNSAFE_ALL, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

// eslint-disable-next-line no-control-regex
const BELOW_COMBINING_MARKS = /^[\u0000-\u02ff]*$/;

/**
 * Why a value would not reach Azure unchanged from every export, or null: Terraform stores each string
 * literal in Unicode normalization form C (HCL native syntax specification, "Template Expressions"), so
 * text in another form (decomposed accents, Hangul jamo, compatibility ideographs) would be deployed
 * differently by Terraform than by ARM, Bicep and the Azure CLI.
 */
export function normalFormProblem(text: string): string | null {
  // Unicode's NFC quick check (UAX #15, "Detecting Normalization Forms"): every character below U+0300 has
  // NFC_Quick_Check=Yes and combining class 0, so a text made only of them is in form C. Names, addresses and
  // most text are, and skip the far costlier normalize().
  if (BELOW_COMBINING_MARKS.test(text)) return null;
  const nfc = text.normalize('NFC');
  if (nfc === text) return null;
  return (
    `it is not in Unicode normalization form C, so Terraform would write it as "${visible(nfc)}" while the ` +
    `other exports keep it as typed; write "${visible(nfc)}"`
  );
}

/**
 * Why a value cannot be handed to a command line as a value, or null. The exports pass values to the
 * Azure CLI, which is built on Python's argparse and its own argument expansion:
 * - a leading `-` is read as an option by argparse wherever a value stands on its own;
 * - a leading `@` makes the Azure CLI replace the value with the contents of that file, also after
 *   `--name=` (azure-cli `_expand_file_prefixed_files`);
 * - a leading `'` is quoting in the Azure CLI's shorthand syntax, and `??` asks it for help instead
 *   of running the command (azure-cli `aaz/_utils.py`, `AAZShortHandSyntaxParser`);
 * - a control character breaks the script (bash drops a NUL byte, a newline ends the command), and an
 *   unpaired surrogate cannot be written to the file at all.
 */
export function commandLineProblem(text: string): string | null {
  const unsafe = unsafeCharacterText(text);
  if (unsafe !== null) return `it contains ${unsafe}`;
  if (text.startsWith('-')) return 'it starts with "-", which a command line reads as an option';
  if (text.startsWith('@')) return 'it starts with "@", which the Azure CLI reads as a file to load';
  if (text.startsWith("'")) return 'it starts with a single quote, which the Azure CLI reads as quoting';
  if (text === '??') return 'it is "??", which the Azure CLI reads as a request for help';
  return null;
}
