/**
 * `npm run bench`: runs every bench/*.bench.ts (or only those whose name contains an argument),
 * each printing its medians against spec/budgets.md.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Bench } from './harness';

const here = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => filters.length === 0 || filters.some((x) => f.includes(x)))
  .sort();

console.log(`Benchmarks (Node ${process.version}); medians after warm-up. Budgets: spec/budgets.md.`);
for (const file of files) {
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: Bench };
  await mod.default();
}
