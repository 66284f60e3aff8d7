// How the command line is bundled (scripts/build-cli.mjs), shared with the benches that measure the code as it
// ships rather than as the TypeScript runner serves it (bench/shipped.ts).

/** esbuild options for a Node bundle of the planner's code, as the CLI ships it. */
export const CLI_BUNDLE_OPTIONS = /** @type {const} */ ({
  bundle: true,
  platform: 'node',
  format: 'esm',
  // The oldest Node of package.json `engines`.
  target: 'node20.19',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
