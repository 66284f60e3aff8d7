import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';
import { firstScreenChunk } from './scripts/first-screen-chunk.js';
import { prerenderPlugin } from './scripts/prerender-plugin.js';
import { stripDocsPlugin } from './scripts/strip-docs.js';

/**
 * The page's content security policy: scripts, styles and everything else from the page's own origin
 * only; no inline script, no third-party origin. Added to the production build (the dev server needs
 * an inline preamble for hot reload).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const contentSecurityPolicy = (): Plugin => ({
  name: 'content-security-policy',
  apply: 'build',
  transformIndexHtml: () => [
    {
      tag: 'meta',
      attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
      injectTo: 'head-prepend',
    },
  ],
});

/**
 * Drops the "empty css" comments that the build leaves as placeholders where a chunk imported only a style sheet
 * (the sheet is its own file): comments in shipped code, about 90 bytes gzip over the chunks that carry them.
 */
const dropEmptyCssPlaceholders = (): Plugin => ({
  name: 'drop-empty-css-placeholders',
  apply: 'build',
  enforce: 'post',
  generateBundle(_, bundle) {
    for (const file of Object.values(bundle))
      if (file.type === 'chunk') file.code = file.code.replace(/\/\* empty css *\*\//g, '');
  },
});

export default defineConfig({
  plugins: [react(), stripDocsPlugin(), contentSecurityPolicy(), prerenderPlugin(), dropEmptyCssPlaceholders()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    // One stylesheet, loaded with the first screen, instead of one per lazy chunk: the on-demand sheets are small
    // (0.2 to 2.3 KB gzip each) and compress far better together with the first screen's (2.2 KB gzip less in all,
    // 4.3 KB more on the first screen), and a step or panel that loads later never paints unstyled.
    cssCodeSplit: false,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              debugName: 'first screen',
              // The group is closed under static imports except for the entry's own modules, which are loaded
              // and run before it; pulling those in would make the entry import the whole first screen.
              includeDependenciesRecursively: false,
              name: firstScreenChunk(
                'start',
                resolve(import.meta.dirname, 'src/app/start.tsx'),
                resolve(import.meta.dirname, 'src/main.tsx'),
              ),
            },
            {
              // The rules, the connectivity checker and what they read (the plan index) load together, once the
              // first render is under way and before any finding is shown: as one chunk rather than four, which
              // saves the imports and exports between them and compresses better (2.3 KB gzip in all).
              name: 'analysis',
              test: /[\\/]src[\\/](rules|checker)[\\/]/,
            },
            {
              // The review's checks, diagram and summary panels are small frames that the review renders at once
              // (with the one-line lookup of a client's checks); their heavy parts (the client checks, the diagram)
              // still load on demand. In the review's chunk they save requests and the imports between them (1 KB
              // gzip in all). The opened plan's review (a link or file shown read-only) and the import report it
              // shows render the same review: with it, 0.4 KB gzip less than in a chunk of their own.
              name: 'review-content',
              test: /[\\/]src[\\/]features[\\/](review[\\/](review-content|topology-panel|checks-panel|plan-summary)\.tsx|checker[\\/]checks-for\.ts|incoming[\\/]incoming-plan\.tsx|import[\\/]import-report\.tsx)$/,
              includeDependenciesRecursively: false,
            },
            {
              // Reading and writing a plan file, and saving a download: a few hundred bytes each, which the file
              // controls, the import, the diagram and the exports all need. One chunk instead of three (0.35 KB gzip).
              // The reader of a saved import report (loaded at start only when a plan was imported) joins them: 85
              // bytes gzip less in all than as a chunk of its own, for 2 KB more in the rare start that loads it. So
              // do the autosave's messages, fetched once the page has loaded, which load it anyway for their plan
              // download (0.3 KB gzip less in all).
              name: 'plan-file',
              test: /[\\/]src[\\/](share[\\/](plan-file|json-error|schema-walk)|features[\\/]share[\\/]download|features[\\/]common[\\/]save-blob|store[\\/]import-report-reader|features[\\/]storage[\\/]storage-messages)\.tsx?$/,
              includeDependenciesRecursively: false,
            },
            {
              // A client's checks and the troubleshooter that starts from an address (0.55 KB gzip less).
              name: 'client-checks',
              test: /[\\/]src[\\/](import[\\/](client-from-address|live)\.ts|features[\\/](import[\\/]troubleshoot|checker[\\/]client-checks)\.tsx)$/,
              includeDependenciesRecursively: false,
            },
            {
              // Two small modules that the import and the export panel (ARM expressions) or the share panel (the
              // inventory's type tag) share: one chunk instead of two.
              name: 'arm-expr',
              test: /[\\/]src[\\/](import[\\/]types|deploy[\\/]arm-expr)\.ts$/,
              includeDependenciesRecursively: false,
            },
          ],
        },
      },
    },
  },
  server: { port: 5173, strictPort: false },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts'],
    environment: 'node',
    pool: 'threads',
    // No test asserts a duration (budgets are the benches'), but the property tests and the example exports take
    // seconds each; on a shared, busy machine they ran past the default 5 s. A hung test still fails, after 30 s.
    testTimeout: 30_000,
  },
});
