// `npm run size`: gzip sizes of the production build against spec/budgets.md.
// First screen = what index.html loads (entry script, its modulepreloads and stylesheets) plus the
// static imports of those scripts; everything else is loaded on demand.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_FIRST_SCREEN_KB = 135;
const BUDGET_ALL_KB = 350;
const dist = process.argv[2] ?? 'dist';

const kb = (bytes) => bytes / 1000;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = [...html.matchAll(/(?:src|href)="\.?\/?([^"]+\.(?:js|css))"/g)].map((m) => join(dist, m[1]));

// Follow static imports (`import … from "./x.js"` / `import "./x.js"`) of the first-screen scripts; dynamic import() is excluded.
const firstScreen = new Set();
const queue = [...referenced];
while (queue.length > 0) {
  const file = queue.pop();
  if (firstScreen.has(file)) continue;
  firstScreen.add(file);
  if (!file.endsWith('.js')) continue;
  const code = readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:^|[;}\s])import\s*(?:[\w*{}\s,$]+from\s*)?["'](\.\/[^"']+\.js)["']/g)) {
    queue.push(join(file, '..', m[1]));
  }
}

const assets = walk(dist).filter((f) => /\.(js|css)$/.test(f));
const rows = assets
  .map((f) => ({ file: relative(dist, f), bytes: statSync(f).size, gzip: gz(f), first: firstScreen.has(f) }))
  .sort((a, b) => Number(b.first) - Number(a.first) || b.gzip - a.gzip);

const firstTotal = rows.filter((r) => r.first).reduce((s, r) => s + r.gzip, 0);
const allTotal = rows.reduce((s, r) => s + r.gzip, 0);

console.log('Production build, gzip -9 sizes (KB = 1,000 bytes)');
console.log('');
for (const r of rows) {
  console.log(
    `${r.first ? 'first screen' : 'on demand   '}  ${kb(r.gzip).toFixed(1).padStart(7)} KB  (${kb(r.bytes).toFixed(1)} KB raw)  ${r.file}`,
  );
}
const verdict = (v, b) => (v <= b ? 'ok' : 'OVER BUDGET');
console.log('');
console.log(
  `First screen (JS + CSS): ${kb(firstTotal).toFixed(1)} KB gzip — budget ${BUDGET_FIRST_SCREEN_KB} KB — ${verdict(kb(firstTotal), BUDGET_FIRST_SCREEN_KB)}`,
);
console.log(
  `Everything (all chunks): ${kb(allTotal).toFixed(1)} KB gzip — budget ${BUDGET_ALL_KB} KB — ${verdict(kb(allTotal), BUDGET_ALL_KB)}`,
);
if (kb(firstTotal) > BUDGET_FIRST_SCREEN_KB || kb(allTotal) > BUDGET_ALL_KB) process.exitCode = 1;
