/**
 * The planner's code as it ships, for the benches whose budgets are about what a user waits for. The command
 * line is bundled by esbuild (scripts/build-cli.mjs) and the browser gets Vite's production build; the benches
 * themselves import the sources through the TypeScript runner, which wraps every function it creates in a
 * naming helper and loads each file as its own module. On a plan of a few dozen objects that overhead is a
 * large share of the time, so such rows are measured on a bundle built with the command line's own options,
 * and the sources' figure is printed beside it.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CLI_BUNDLE_OPTIONS } from '../scripts/cli-bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Bundles `source` (TypeScript whose imports are relative to the repository's root, e.g. `./src/rules`) as the
 * command line is bundled, and imports it.
 */
export async function importShipped<T>(source: string): Promise<T> {
  const result = await build({
    ...CLI_BUNDLE_OPTIONS,
    stdin: { contents: source, resolveDir: root, loader: 'ts', sourcefile: 'bench-entry.ts' },
    write: false,
  });
  const [file] = result.outputFiles;
  if (file === undefined) throw new Error('esbuild did not produce the bench bundle.');
  const folder = mkdtempSync(join(tmpdir(), 'pgflex-bench-'));
  try {
    const path = join(folder, 'shipped.mjs');
    writeFileSync(path, file.contents);
    return (await import(pathToFileURL(path).href)) as T;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
