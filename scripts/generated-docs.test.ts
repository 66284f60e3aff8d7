import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GENERATED_DOCS } from './generated-docs';

describe('generated documents are up to date (run `npm run gen` after changing their source)', () => {
  for (const doc of GENERATED_DOCS) {
    it(doc.path, () => {
      const onDisk = readFileSync(join(import.meta.dirname, '..', doc.path), 'utf8');
      expect(onDisk === doc.render(), `${doc.path} is stale: run npm run gen`).toBe(true);
    });
  }
});
