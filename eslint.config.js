// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** The layers of design/conventions: pure layers never reach up into UI, store or browser code. */
/** @param {{ group: string[]; message: string }[]} extra */
const pureLayerBan = (extra = []) => ({
  patterns: [
    {
      group: ['react', 'react-dom', 'react-dom/*', 'react/*', 'zustand', 'zustand/*', 'react-hook-form', '@hookform/*'],
      message: 'Pure layers must not import UI libraries.',
    },
    {
      group: ['**/store/**', '**/features/**', '**/app/**', '**/cli/**'],
      message: 'Pure layers must not import the store, features, app or CLI.',
    },
    ...extra,
  ],
});

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
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['eslint.config.js', 'bin/*.mjs', 'scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/**/*.tsx', 'src/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        pureLayerBan([
          {
            group: ['**/rules/**', '**/exporters/**', '**/share/**', '../rules', '../exporters', '../share'],
            message: 'domain is the bottom layer.',
          },
        ]),
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['src/rules/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        pureLayerBan([
          {
            group: ['**/exporters/**', '**/share/**', '../exporters', '../share'],
            message: 'rules may use only domain.',
          },
        ]),
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['src/exporters/**', 'src/share/**', 'src/checker/**'],
    rules: {
      'no-restricted-imports': ['error', pureLayerBan()],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'navigator'],
    },
  },
  {
    files: ['src/store/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/features/**', '**/app/**', '**/cli/**'], message: 'The store sits below features and app.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/app/**', '**/cli/**'], message: 'Features must not import app or CLI.' }] },
      ],
    },
  },
  {
    files: ['src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', pureLayerBan()],
    },
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
