// `npm run size`: gzip sizes of the production build against spec/budgets.md, and what each dependency costs.
//
// The build runs in memory (nothing is written) with hidden source maps, which leave the code as shipped.
// First screen = what index.html loads (the gate script and the stylesheets), the entry module (the gate loads
// it), the static imports of those scripts, and what the entry imports at once: the entry only starts the app
// (src/main.tsx loads src/app/start.tsx once the prerendered shell has painted), so its own dynamic imports and
// their static imports are first-screen code too. Everything else is loaded on demand.
//
// Each byte of a chunk is attributed to the source file it came from through the chunk's source map, grouped by
// npm package or by the app's folder (scripts/bundle-attribution.mjs). A group's gzip size is estimated by
// compressing its bytes of each chunk alone and scaling so that a chunk's groups add up to the chunk's real gzip
// size: an estimate (gzip works across the whole file); the totals are exact.
import { Buffer } from 'node:buffer';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { attribute, groupOf } from './bundle-attribution.mjs';

const BUDGET_FIRST_SCREEN_KB = 135;
const BUDGET_ALL_KB = 350;

const kb = (bytes) => bytes / 1000;
const gz = (text) => gzipSync(typeof text === 'string' ? Buffer.from(text) : text, { level: 9 }).length;

const output = await build({ logLevel: 'warn', build: { write: false, sourcemap: 'hidden' } });
const files = (Array.isArray(output) ? output : [output]).flatMap((o) => o.output);
const byName = new Map(files.map((f) => [f.fileName, f]));
const html = byName.get('index.html');
if (html?.type !== 'asset') throw new Error('The build has no index.html.');

// What index.html loads, the entry (the gate loads it), then static imports and the entry's own dynamic imports.
const referenced = [...String(html.source).matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => m[1]);
const entries = files.filter((f) => f.type === 'chunk' && f.isEntry).map((f) => f.fileName);
const firstScreen = new Set();
const queue = [...referenced, ...entries];
while (queue.length > 0) {
  const name = queue.pop();
  if (firstScreen.has(name)) continue;
  const file = byName.get(name);
  if (file === undefined) throw new Error(`index.html loads ${name}, which the build does not have.`);
  firstScreen.add(name);
  if (file.type !== 'chunk') continue;
  queue.push(...file.imports, ...(file.viteMetadata?.importedCss ?? []));
  if (file.isEntry) queue.push(...file.dynamicImports);
}

const assets = files.filter((f) => /\.(js|css)$/.test(f.fileName));
const rows = assets
  .map((f) => {
    const code = f.type === 'chunk' ? f.code : f.source;
    return { file: f.fileName, bytes: Buffer.byteLength(code), gzip: gz(code), first: firstScreen.has(f.fileName) };
  })
  .sort((a, b) => Number(b.first) - Number(a.first) || b.gzip - a.gzip);

/** Per group: minified bytes and estimated gzip bytes, on the first screen and on demand. */
const groups = new Map();
for (const f of assets) {
  const where = firstScreen.has(f.fileName) ? 'first' : 'later';
  let parts;
  if (f.type !== 'chunk')
    parts = new Map([[f.fileName.endsWith('.css') ? 'CSS' : 'first-paint gate script', f.source]]);
  else if (f.map?.sources.length || f.moduleIds.length !== 1) parts = attribute(f.code, f.map);
  // A chunk of one module without mappings (a plan file's JSON) belongs to that module.
  else parts = new Map([[groupOf(f.moduleIds[0]), f.code]]);
  const total = gz(f.type === 'chunk' ? f.code : f.source);
  const alone = [...parts].map(([group, text]) => ({ group, text, gzip: gz(text) }));
  const scale = total / alone.reduce((sum, p) => sum + p.gzip, 0);
  for (const { group, text, gzip } of alone) {
    const g = groups.get(group) ?? { first: { bytes: 0, gzip: 0 }, later: { bytes: 0, gzip: 0 } };
    g[where].bytes += Buffer.byteLength(text);
    g[where].gzip += gzip * scale;
    groups.set(group, g);
  }
}

const firstTotal = rows.filter((r) => r.first).reduce((s, r) => s + r.gzip, 0);
const allTotal = rows.reduce((s, r) => s + r.gzip, 0);
const num = (bytes, width = 7) => kb(bytes).toFixed(1).padStart(width);

console.log('Production build, gzip -9 sizes (KB = 1,000 bytes)');
console.log('');
for (const r of rows) {
  const where = r.first ? 'first screen' : 'on demand   ';
  console.log(`${where}  ${num(r.gzip)} KB  (${kb(r.bytes).toFixed(1)} KB raw)  ${r.file}`);
}

console.log('');
console.log('Where the bytes go: each package or app folder, first screen and on demand');
console.log('(≈ gzip: its bytes of each chunk compressed alone, scaled to the chunk; minified = its bytes as shipped)');
console.log('');
console.log(`${'first screen'.padStart(31)}${'on demand'.padStart(21)}`);
console.log(`${'≈ gzip'.padStart(10)}${'share'.padStart(7)}${'minified'.padStart(14)}${'≈ gzip'.padStart(10)}  source`);
const sorted = [...groups].sort(([, a], [, b]) => b.first.gzip - a.first.gzip || b.later.gzip - a.later.gzip);
for (const [group, g] of sorted) {
  const share = g.first.gzip > 0 ? `${((100 * g.first.gzip) / firstTotal).toFixed(1)}%` : '';
  const first = g.first.bytes > 0 ? `${num(g.first.gzip)} KB${share.padStart(7)}${num(g.first.bytes, 9)} KB` : '';
  const later = g.later.bytes > 0 ? `${num(g.later.gzip)} KB` : '';
  console.log(`${first.padEnd(31)}${later.padStart(10)}  ${group}`);
}

const verdict = (v, b) => (v <= b ? 'ok' : 'OVER BUDGET');
console.log('');
console.log(
  `First screen (JS + CSS): ${kb(firstTotal).toFixed(1)} KB gzip — budget ${BUDGET_FIRST_SCREEN_KB} KB — ` +
    verdict(kb(firstTotal), BUDGET_FIRST_SCREEN_KB),
);
console.log(
  `Everything (all chunks): ${kb(allTotal).toFixed(1)} KB gzip — budget ${BUDGET_ALL_KB} KB — ` +
    verdict(kb(allTotal), BUDGET_ALL_KB),
);
if (kb(firstTotal) > BUDGET_FIRST_SCREEN_KB || kb(allTotal) > BUDGET_ALL_KB) process.exitCode = 1;
