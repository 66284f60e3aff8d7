import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { examplePlan } from '../../domain/testing/examples';
import { EXAMPLE_FILES, loadExample } from './examples';

describe('the examples the dialog offers', () => {
  it('are every file of examples/, each with a title', () => {
    const files = readdirSync(join(import.meta.dirname, '..', '..', '..', 'examples'))
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(EXAMPLE_FILES).toEqual(files);
  });

  it('each reads into the plan its file holds (they ship in the compact form of the share link)', async () => {
    for (const file of EXAMPLE_FILES) {
      const plan = await loadExample(file);
      expect(plan.name).not.toBe('');
      expect(plan).toEqual(examplePlan(file.replace(/\.json$/, '')));
    }
  });

  it('an unknown file is refused with its name', async () => {
    await expect(loadExample('nope.json')).rejects.toThrow('nope.json');
  });
});
