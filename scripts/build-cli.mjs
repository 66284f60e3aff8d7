// `npm run build:cli`: bundles the command line (src/cli/entry.ts and everything it imports, libraries
// included) into one ESM file for Node, so nothing is transpiled when it runs and the package needs no
// runtime dependency. Run by `prepare` (so by `npm ci` and `npm pack`); bin/pgflex-netplan.mjs loads it.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CLI_BUNDLE_OPTIONS } from './cli-bundle-options.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the bundle goes (gitignored; listed in package.json `files`). */
const CLI_BUNDLE = join(root, 'cli-dist', 'pgflex-netplan.mjs');

/**
 * Builds the bundle into `outfile`. The file is written beside its final name and renamed into place,
 * so a command started during a rebuild reads the old bundle or the new one, never half of one.
 * @param {string} [outfile]
 */
async function buildCli(outfile = CLI_BUNDLE) {
  const result = await build({
    ...CLI_BUNDLE_OPTIONS,
    entryPoints: [join(root, 'src', 'cli', 'entry.ts')],
    write: false,
  });
  const [file] = result.outputFiles;
  if (file === undefined || result.outputFiles.length !== 1) throw new Error('esbuild did not produce one file.');
  await mkdir(dirname(outfile), { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, file.contents);
    await rename(temporary, outfile);
  } finally {
    await rm(temporary, { force: true });
  }
}

// `node scripts/build-cli.mjs [OUTFILE]`: the bundle's default place, or OUTFILE.
await buildCli(process.argv[2]);
