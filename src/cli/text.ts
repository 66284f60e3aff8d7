/**
 * What the command line prints is read by a terminal. A plan is data from anywhere: a name holding ESC
 * (U+001B) could clear the screen, set the window title or fake a PASS line, and a line break could start
 * a line of its own. Every control character is therefore printed visibly as `\uXXXX`.
 */

/**
 * The C0 controls above the line feed, DEL and the C1 controls (U+009B is a one-character CSI), the line
 * and paragraph separators, and the bidirectional marks, embeddings, overrides and isolates that reorder
 * what a terminal shows. U+0000 to U+000A are added below, with or without the line feed.
 */
const OTHER_CONTROLS =
  '\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const CONTROL = new RegExp(`[\\u0000-\\u000a${OTHER_CONTROLS}]`, 'g');
const CONTROL_BUT_LINE_FEED = new RegExp(`[\\u0000-\\u0009${OTHER_CONTROLS}]`, 'g');

const escapeChar = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One line of text: every control character, line breaks included, escaped as `\uXXXX`. */
export function oneLine(text: string): string {
  return text.replace(CONTROL, escapeChar);
}

/**
 * Text for the terminal: every control character escaped except the line feeds that separate lines.
 * JSON survives it unchanged in meaning: outside strings JSON.stringify writes only ASCII and line feeds,
 * and inside strings `\uXXXX` is JSON's own escape for the same character.
 */
export function printable(text: string): string {
  return text.replace(CONTROL_BUT_LINE_FEED, escapeChar);
}
