/**
 * Vite plugin (production build only): puts the first screen into `index.html`, rendered by the app's own
 * components in Node (`src/app/prerender.tsx`, loaded through Vite so its imports resolve as in the app), and
 * emits the gate script that keeps the shell's plan off screen for a visitor with a saved plan or a link and
 * then loads the page's entry module (`src/app/first-paint.ts`). The gate is a file of the page's own origin,
 * never an inline script, so the content security policy stays `script-src 'self'`; it replaces the entry's
 * module script, so nothing but the gate runs before the page has loaded.
 */
import { createHash } from 'node:crypto';
import { posix, resolve } from 'node:path';
import { runnerImport, type Plugin, type ResolvedConfig } from 'vite';
import type { FirstScreen } from '../src/app/prerender';

export const PRERENDER_ENTRY = 'src/app/prerender.tsx';

/**
 * The page with the markup in its empty root (made inert until React takes it over) and the gate script at the
 * end of the head, after the stylesheets. Measured in Chromium, a blocking script ahead of the stylesheet held
 * the stylesheet's request back until the script had loaded, one more round trip before the first paint; after
 * it, both load together, and the gate runs once the stylesheet is in, still before the first paint.
 */
export function injectFirstScreen(html: string, screen: FirstScreen, gateUrl: string): string {
  const empty = `<div id="${screen.rootId}"></div>`;
  const at = html.indexOf(empty);
  if (at < 0) throw new Error(`index.html has no empty ${empty} to put the first screen into.`);
  if (html.indexOf(empty, at + 1) >= 0) throw new Error(`index.html has more than one ${empty}.`);
  const head = html.indexOf('</head>');
  if (head < 0 || head > at) throw new Error('index.html has no </head> before its root element.');
  const gate = `  <script src="${gateUrl}"></script>\n  `;
  const root = `<div id="${screen.rootId}" inert>${screen.markup}</div>`;
  return html.slice(0, head) + gate + html.slice(head, at) + root + html.slice(at + empty.length);
}

/** The page without its entry module script (`<script type="module" … src="…">`), and that script's address. */
export function takeEntryScript(html: string): { html: string; src: string } {
  const tags = [...html.matchAll(/[ \t]*<script\b[^>]*\btype="module"[^>]*><\/script>[ \t]*\n?/g)];
  if (tags.length !== 1) throw new Error(`index.html has ${tags.length} module scripts; the gate loads exactly one.`);
  const tag = tags[0] as RegExpMatchArray;
  const src = /\ssrc="([^"]+)"/.exec(tag[0])?.[1];
  if (src === undefined) throw new Error('The entry module script of index.html has no src.');
  const at = tag.index as number;
  return { html: html.slice(0, at) + html.slice(at + tag[0].length), src };
}

/** The app's modules a visitor behind the gate waits for (see `GatePreloads`): a saved plan or a link, a link only. */
export const GATED_MODULES = ['src/app/start.tsx', 'src/rules/index.ts'];
export const LINK_MODULES = ['src/share/link.ts', 'src/features/incoming/incoming-plan.tsx'];

interface ChunkInfo {
  type: 'chunk' | 'asset';
  moduleIds?: readonly string[];
  imports?: readonly string[];
}

/**
 * The chunks that hold `modules` and every chunk those import statically, in load order (each chunk after what it
 * imports), as file names; `skip` (the entry's own chunks, loaded anyway) left out.
 */
export function chunksOf(
  bundle: Readonly<Record<string, ChunkInfo>>,
  modules: readonly string[],
  skip: ReadonlySet<string> = new Set(),
): string[] {
  const order: string[] = [];
  const seen = new Set<string>(skip);
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const imported of bundle[file]?.imports ?? []) visit(imported);
    order.push(file);
  };
  for (const id of modules) {
    const file = Object.keys(bundle).find((f) => bundle[f]?.type === 'chunk' && bundle[f]?.moduleIds?.includes(id));
    if (file === undefined) throw new Error(`No chunk of the build holds ${id}.`);
    visit(file);
  }
  return order;
}

type Rendered = { ok: true; screen: FirstScreen } | { ok: false; error: unknown };

/** Renders the first screen in Node, through Vite's module runner (TypeScript, JSX and globs as in the app). */
async function renderInNode(config: ResolvedConfig): Promise<Rendered> {
  try {
    const { module } = await runnerImport<{ renderFirstScreen: () => FirstScreen }>(
      resolve(config.root, PRERENDER_ENTRY),
      { root: config.root, logLevel: 'error', mode: config.mode },
    );
    return { ok: true, screen: module.renderFirstScreen() };
  } catch (error) {
    return { ok: false, error };
  }
}

export function prerenderPlugin(): Plugin {
  let config: ResolvedConfig;
  let rendering: Promise<Rendered> | null = null;
  return {
    name: 'prerender-first-screen',
    apply: 'build',
    enforce: 'post',
    configResolved(resolved) {
      config = resolved;
    },
    buildStart() {
      // Loading the app in Node takes a while: it runs beside the bundling and is awaited at the end.
      rendering = renderInNode(config);
    },
    generateBundle: {
      order: 'post',
      async handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset') return this.error('The build has no index.html to prerender into.');
        const rendered = await (rendering ?? renderInNode(config));
        if (!rendered.ok) {
          const reason = rendered.error instanceof Error ? rendered.error.message : String(rendered.error);
          return this.error(`The first screen could not be prerendered (${PRERENDER_ENTRY}): ${reason}`);
        }
        const { screen } = rendered;
        const source = typeof page.source === 'string' ? page.source : new TextDecoder().decode(page.source);
        const entry = takeEntryScript(source);
        // Both files are in the assets folder; the gate imports the entry relative to itself.
        const entryFile = posix.normalize(entry.src.startsWith(config.base) ? entry.src.slice(config.base.length) : '');
        if (bundle[entryFile]?.type !== 'chunk') return this.error(`The entry ${entry.src} is not in the build.`);
        const gateDir = config.build.assetsDir;
        const chunks = bundle as unknown as Record<string, ChunkInfo>;
        const loaded = new Set([entryFile, ...(chunks[entryFile]?.imports ?? [])]);
        const absolute = (ids: readonly string[]) => ids.map((id) => resolve(config.root, id));
        const gated = chunksOf(chunks, absolute(GATED_MODULES), loaded);
        const link = chunksOf(chunks, absolute(LINK_MODULES), new Set([...loaded, ...gated]));
        const address = (files: string[]) => files.map((f) => `${config.base}${f}`);
        const gateScript = screen.gateScript(`./${posix.relative(gateDir, entryFile)}`, {
          gated: address(gated),
          link: address(link),
        });
        const hash = createHash('sha256').update(gateScript).digest('base64url').slice(0, 8);
        const fileName = `${gateDir}/paint-gate-${hash}.js`;
        this.emitFile({ type: 'asset', fileName, source: gateScript });
        page.source = injectFirstScreen(entry.html, screen, `${config.base}${fileName}`);
      },
    },
  };
}
