#!/usr/bin/env node
// The command line. Its code is bundled (an entry file and the chunks its commands load), built from src/cli by
// `npm run build:cli` (which `npm ci` and `npm pack` run through `prepare`), so nothing is compiled when it starts.
try {
  await import('../cli-dist/pgflex-netplan.mjs');
} catch (e) {
  if (e?.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes('cli-dist')) throw e;
  process.stderr.write('pgflex-netplan: the command line is not built yet; run "npm run build:cli" in the checkout.\n');
  process.exitCode = 2;
}
