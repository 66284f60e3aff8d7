// `npm run build:cli`: bundles the command line (src/cli/entry.ts and everything it imports, libraries
// included) into ESM files for Node, so nothing is transpiled when it runs and the package needs no runtime
// dependency. Run by `prepare` (so by `npm ci` and `npm pack`); bin/pgflex-netplan.mjs loads it.
//
// The entry file holds what every command needs; each command's own code, imported when that command runs
// (src/cli/commands/index.ts), is in chunks beside it, so `validate` does not compile the exporters, the dry run or
// the importers before it starts.
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CLI_BUNDLE_OPTIONS } from './cli-bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bundle goes (gitignored; listed in package.json `files`): the entry, and its chunks in `chunks/`. */
const CLI_DIST = join(root, 'cli-dist');
const ENTRY = 'pgflex-netplan.mjs';
const CHUNKS = 'chunks';

/**
 * Builds the bundle into `outdir`. The chunks have content-hashed names and are written first, the entry last, beside
 * its final name and renamed into place: a command started during a rebuild reads the old entry or the new one, never
 * half of one. Chunks the new entry doesn't use are removed after, so a command started just before could still miss
 * one it loads later (its command's own code): it then fails with a missing module, and works when run again.
 * @param {string} [outdir]
 */
async function buildCli(outdir = CLI_DIST) {
  const result = await build({
    ...CLI_BUNDLE_OPTIONS,
    entryPoints: { [basename(ENTRY, '.mjs')]: join(root, 'src', 'cli', 'entry.ts') },
    splitting: true,
    outdir,
    chunkNames: `${CHUNKS}/[name]-[hash]`,
    outExtension: { '.js': '.mjs' },
    write: false,
  });
  const entryPath = join(outdir, ENTRY);
  const entry = result.outputFiles.find((f) => f.path === entryPath);
  if (entry === undefined) throw new Error(`esbuild did not produce ${ENTRY}.`);
  const chunks = result.outputFiles.filter((f) => f !== entry);
  await mkdir(join(outdir, CHUNKS), { recursive: true });
  for (const chunk of chunks) await writeFile(chunk.path, chunk.contents);
  const temporary = `${entryPath}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, entry.contents);
    await rename(temporary, entryPath);
  } finally {
    await rm(temporary, { force: true });
  }
  const current = new Set(chunks.map((f) => basename(f.path)));
  for (const name of await readdir(join(outdir, CHUNKS))) {
    if (!current.has(name)) await rm(join(outdir, CHUNKS, name), { force: true });
  }
}

// `node scripts/build-cli.mjs [OUTDIR]`: the bundle's default place, or OUTDIR.
await buildCli(process.argv[2]);
