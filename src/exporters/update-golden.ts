/**
 * Rewrites the golden files: `npx tsx src/exporters/update-golden.ts`. Review every changed file
 * (git diff) like code before committing it.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { GOLDEN_DIR, goldenCases } from './golden';

rmSync(GOLDEN_DIR, { recursive: true, force: true });
let count = 0;
for (const c of goldenCases()) {
  for (const f of c.files) {
    const path = join(GOLDEN_DIR, c.dir, f.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, f.contents);
    count += 1;
  }
}
console.log(`Wrote ${count} golden files under ${GOLDEN_DIR}`);
