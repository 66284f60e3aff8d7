/** Types of cli-bundle-options.mjs. */
export declare const CLI_BUNDLE_OPTIONS: {
  readonly bundle: true;
  readonly platform: 'node';
  readonly format: 'esm';
  readonly target: string;
  readonly minify: true;
  readonly legalComments: 'none';
  readonly logLevel: 'warning';
};
