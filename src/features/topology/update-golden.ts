/**
 * Rewrites the topology golden files (SVG, draw.io, Mermaid) and the README's diagrams (`docs/img/topology-*.svg`):
 * `npx tsx --tsconfig tsconfig.app.json src/features/topology/update-golden.ts`. Review the diff.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { DOCS_FIGURES, docsFigurePath, renderDocsFigure } from './docs-figures';
import { EXPORT_GOLDENS, GOLDEN_CASES, goldenPath, renderGolden } from './golden';

for (const c of GOLDEN_CASES) {
  const file = fileURLToPath(goldenPath(c.name));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderGolden(c));
  console.log(`wrote ${file}`);
}

for (const g of EXPORT_GOLDENS) {
  const file = fileURLToPath(g.file);
  writeFileSync(file, g.render());
  console.log(`wrote ${file}`);
}

for (const example of DOCS_FIGURES) {
  const file = fileURLToPath(docsFigurePath(example));
  writeFileSync(file, renderDocsFigure(example));
  console.log(`wrote ${file}`);
}
