// Which source each byte of a bundled chunk came from, through the chunk's source map (as source-map-explorer
// does), grouped by npm package or by the app's folder. Used by `npm run size` (scripts/size.mjs).

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Decodes one source-map segment (base64 VLQ) into its fields. */
export function decodeSegment(segment) {
  const fields = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`Bad source-map character "${char}".`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

export const GLUE = 'bundler runtime and glue';

/** The group a source file belongs to: its npm package, the app's folder, or (a virtual module) the bundler's. */
export function groupOf(source) {
  if (source.startsWith('\0')) return GLUE;
  const path = source.replace(/\\/g, '/');
  const modules = path.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const parts = path.slice(modules + 'node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : (parts[0] ?? path);
  }
  const app = /(?:^|\/)src\/([^/]+)(\/)?/.exec(path);
  if (app) return `app: src/${app[1]}${app[2] ?? ''}`;
  if (/(?:^|\/)examples\//.test(path)) return 'examples (plan files)';
  return `other: ${path}`;
}

/** Bytes of a chunk per group: `Map<group, text>`, through its source map (unmapped bytes are glue). */
export function attribute(code, map) {
  const parts = new Map();
  const add = (group, text) => parts.set(group, (parts.get(group) ?? '') + text);
  if (!map) {
    add(GLUE, code);
    return parts;
  }
  const lines = code.split('\n');
  const mappings = map.mappings.split(';');
  let source = 0;
  lines.forEach((line, i) => {
    const segments = (mappings[i] ?? '').split(',').filter(Boolean);
    let column = 0;
    const starts = segments.map((segment) => {
      const [columnDelta = 0, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      if (sourceDelta !== undefined) source += sourceDelta;
      return { column, source: sourceDelta === undefined ? null : source };
    });
    if (starts.length === 0 || starts[0].column > 0) add(GLUE, line.slice(0, starts[0]?.column ?? line.length));
    starts.forEach((start, j) => {
      const text = line.slice(start.column, starts[j + 1]?.column ?? line.length);
      const name = start.source === null ? undefined : map.sources[start.source];
      add(name === undefined ? GLUE : groupOf(name), text);
    });
    if (i < lines.length - 1) add(GLUE, '\n');
  });
  return parts;
}
