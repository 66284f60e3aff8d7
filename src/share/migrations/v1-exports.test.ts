/**
 * Plan format 2 keeps the meaning of format 1: every frozen format-1 fixture, opened (and so migrated), exports
 * the same files as the planner of format 1 did. `v1-exports.sha256.json` holds the SHA-256 of each file the last
 * format-1 planner wrote for each fixture (or the message it refused with), in all four formats and for both
 * azurerm majors; it was computed once with that planner and is frozen.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS } from '../../exporters/index';
import type { ExportFile } from '../../exporters/types';
import { parsePlanFile } from '../plan-file';
import frozen from './v1-exports.sha256.json';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

/**
 * Files that differ on purpose, with the defect of format 1 that the difference fixes. None so far: the migration
 * writes exactly the peerings and gateway-transit flags that format 1's exports derived.
 */
const EXCEPTIONS: Readonly<Record<string, string>> = {};

const hash = (text: string): string => createHash('sha256').update(text).digest('hex');

function exportHashes(name: string): Record<string, string> {
  const read = parsePlanFile(readFileSync(join(FIXTURES, `${name}.plan.json`), 'utf8'));
  if (!read.ok) throw new Error(`${name}: ${read.error.message}`);
  const files: Record<string, string> = {};
  const run = (key: string, write: () => ExportFile[]) => {
    try {
      for (const file of write()) files[`${key}/${file.path}`] = hash(file.contents);
    } catch (e) {
      files[key] = `refused: ${e instanceof Error ? e.message : String(e)}`;
    }
  };
  for (const format of EXPORT_FORMATS) {
    run(format.id, () => format.files(read.plan));
    if (format.id === 'terraform') run('terraform-azurerm4', () => format.files(read.plan, { providerMajor: 4 }));
  }
  return files;
}

describe('format-1 fixtures export what they exported before format 2', () => {
  it.each(Object.keys(frozen))('%s', (name) => {
    const expected = { ...(frozen as Record<string, Record<string, string>>)[name] };
    const actual = exportHashes(name);
    for (const key of Object.keys(EXCEPTIONS)) {
      if (key.startsWith(`${name}/`)) {
        delete expected[key.slice(name.length + 1)];
        delete actual[key.slice(name.length + 1)];
      }
    }
    expect(actual).toEqual(expected);
  });

  it('covers every frozen format-1 fixture', () => {
    expect(Object.keys(frozen).sort()).toEqual([
      'v1-eight-subnets',
      'v1-every-field',
      'v1-hub-and-spoke',
      'v1-public-office',
      'v1-typical',
    ]);
  });
});
