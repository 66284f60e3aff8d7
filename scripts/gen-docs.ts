/**
 * Writes the generated documents (`npm run gen`). Tests fail when a checked-in copy differs from
 * what these generators produce, so docs never drift from the code.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_DOCS } from './generated-docs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const doc of GENERATED_DOCS) {
  writeFileSync(join(root, doc.path), doc.render());
  console.log(`wrote ${doc.path}`);
}
