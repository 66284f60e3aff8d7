/**
 * Escaping of user-typed text for every output language. Everything a user typed that lands in a
 * file goes through one of these, so that a name can never become code.
 */

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/g;

/** Text for a one-line comment in any language: control characters (newlines included) become spaces. */
export function commentText(text: string): string {
  return text.replace(CONTROL, ' ');
}

/**
 * An ARM template JSON string value that must stay a literal: a leading `[` would make it an
 * expression, so it is doubled (`[[`), ARM's own escape. JSON quoting is done by JSON.stringify.
 */
export function armLiteral(text: string): string {
  return text.startsWith('[') ? `[${text}` : text;
}

/** A string literal inside an ARM template expression: single quotes, `'` doubled. */
export function armExprString(text: string): string {
  return text.includes("'") ? `'${text.replace(/'/g, "''")}'` : `'${text}'`;
}

const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text with nothing to escape in HCL: no `\`, `"`, control character, `${` or `%{`. */
// eslint-disable-next-line no-control-regex
const HCL_SPECIAL = /[\\"\u0000-\u001f\u007f\u2028\u2029]|[$%]\{/;

/** A Terraform (HCL) quoted string: `\`, `"` and control characters escaped, `${` → `$${`, `%{` → `%%{`. */
export function hclString(text: string): string {
  if (!HCL_SPECIAL.test(text)) return `"${text}"`;
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(CONTROL, hex4)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
  return `"${body}"`;
}

/** Text with nothing to escape in Bicep: no `\`, `'`, control character or `${`. */
// eslint-disable-next-line no-control-regex
const BICEP_SPECIAL = /[\\'\u0000-\u001f\u007f\u2028\u2029]|\$\{/;

/** A Bicep string literal: `\`, `'`, control characters and `${` escaped. */
export function bicepString(text: string): string {
  if (!BICEP_SPECIAL.test(text)) return `'${text}'`;
  const body = text
    .replace(/\\/g, '\\\\')
    .replace(/'/g, "\\'")
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(CONTROL, (c) => `\\u{${c.charCodeAt(0).toString(16)}}`)
    .replace(/\$\{/g, () => '\\${');
  return `'${body}'`;
}

/** A POSIX shell word: single-quoted, `'` written as `'\''`. Nothing inside single quotes is expanded. */
export function shellQuote(text: string): string {
  return text.includes("'") ? `'${text.replace(/'/g, "'\\''")}'` : `'${text}'`;
}

/** An identifier for generated symbol names (Terraform labels, Bicep symbols): letters, digits, `_`. */
export function identifier(text: string, fallback: string): string {
  const cleaned = text.replace(/[^A-Za-z0-9_]+/g, '_').replace(/^_+|_+$/g, '');
  if (cleaned === '') return fallback;
  return /^[0-9]/.test(cleaned) ? `${fallback}_${cleaned}` : cleaned;
}

/** Makes names unique by suffixing `_2`, `_3`… in order of first use. */
export class NameAllocator {
  private readonly used = new Set<string>();
  take(base: string): string {
    let name = base;
    for (let n = 2; this.used.has(name.toLowerCase()); n += 1) name = `${base}_${n}`;
    this.used.add(name.toLowerCase());
    return name;
  }
}
