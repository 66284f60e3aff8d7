// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layers of docs/architecture.md, bottom first. A layer may import only the layers listed under it in `MAY_USE`;
 * every other pair is refused by `import-x/no-restricted-paths`, which resolves real paths, so `../rules`,
 * `../../rules/index` and `./x` from a sibling folder are all caught alike.
 */
const LAYERS = [
  'domain',
  'checker',
  'rules',
  'topology',
  'exporters',
  'deploy',
  'share',
  'import',
  'store',
  'features',
  'app',
  'cli',
];
/** @type {Record<string, string[]>} */
const MAY_USE = {
  domain: [],
  checker: ['domain'],
  rules: ['domain', 'checker'],
  topology: ['domain', 'checker'],
  exporters: ['domain'],
  deploy: ['domain', 'exporters'],
  share: ['domain'],
  import: ['domain', 'checker', 'rules', 'share', 'deploy'],
  store: ['domain', 'rules', 'checker', 'share', 'import'],
  features: ['domain', 'rules', 'checker', 'topology', 'exporters', 'deploy', 'share', 'import', 'store'],
  app: ['domain', 'rules', 'checker', 'topology', 'exporters', 'deploy', 'share', 'import', 'store', 'features'],
  cli: ['domain', 'rules', 'checker', 'exporters', 'deploy', 'share', 'import'],
};
/** The layers that never touch React or the browser (the command line runs them in Node). */
const PURE_LAYERS = ['domain', 'checker', 'rules', 'topology', 'exporters', 'deploy', 'share', 'import'];
const layerZones = LAYERS.map((layer) => ({
  target: `./src/${layer}`,
  from: LAYERS.filter((other) => other !== layer && !MAY_USE[layer]?.includes(other)).map((other) => `./src/${other}`),
  message: `${layer} may use only: ${MAY_USE[layer]?.join(', ') || 'nothing else in src'} (docs/architecture.md).`,
}));

const UI_LIBRARIES = {
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'react-hook-form', '@hookform/*'],
      message: 'Pure layers must not import UI libraries.',
    },
  ],
  paths: [
    { name: 'zod', message: 'Use zod/mini, as the rest of the code does (the first-screen budget is built on it).' },
  ],
};
const BROWSER_GLOBALS = ['window', 'document', 'localStorage', 'sessionStorage', 'navigator'];

export default tseslint.config(
  {
    ignores: [
      'dist',
      '.e2e-dist',
      '.bench-dist',
      'cli-dist',
      '.vitest',
      'node_modules',
      'playwright-report',
      'test-results',
      'coverage',
      'docs/img',
      '**/*.golden/**',
      '**/__golden__/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    plugins: { 'import-x': importX },
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'bin/*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    settings: {
      'import-x/extensions': importX.flatConfigs.typescript.settings['import-x/extensions'],
      'import-x/parsers': importX.flatConfigs.typescript.settings['import-x/parsers'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: './tsconfig.json' })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
      // Prettier fits code into 120 columns; this also holds strings and comments to it (a URL or a regular
      // expression may run longer).
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': ['error', { zones: layerZones }],
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // The pure layers and the command line run in Node: no UI library, no browser global.
    files: [...PURE_LAYERS, 'cli'].map((layer) => `src/${layer}/**`),
    rules: {
      'no-restricted-imports': ['error', UI_LIBRARIES],
      'no-restricted-globals': ['error', ...BROWSER_GLOBALS],
    },
  },
  {
    // Plain JavaScript (configs, small launchers) has no types for the type-aware rules to read.
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    // Tests and their helpers may cross layers (an exporter's fuzz test asks the rules which plans are valid);
    // the zones hold for the code that ships.
    files: ['**/*.test.ts', '**/*.test.tsx', 'src/**/testing/**'],
    rules: { 'import-x/no-restricted-paths': 'off' },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
