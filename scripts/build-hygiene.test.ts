/**
 * The build never writes beside the sources, a type error fails it, and an edited `.ts` file is what the dev server
 * serves and what the next build ships. Run on a copy of the tracked files (with this checkout's node_modules linked
 * in), so the checkout itself is never touched.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');
const STEPS_FILE = 'src/features/wizard/steps.ts';
const OLD_LABEL = "label: 'Basics'";

let copy = '';

/** Every file the copy holds, relative, sorted; node_modules and .git left out. */
function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const rel = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
      if (rel === 'node_modules' || rel === '.git') return [];
      return entry.isDirectory() ? listFiles(dir, rel) : [rel];
    })
    .sort();
}

/** Files outside the build's own output folders and caches. */
const sourceFiles = (dir: string) =>
  listFiles(dir).filter((f) => !/^(dist|cli-dist|\.tsbuildinfo)\//.test(f) && !f.endsWith('.tsbuildinfo'));

function build(): { status: number | null; output: string } {
  const result = spawnSync('npm', ['run', 'build'], { cwd: copy, encoding: 'utf8', env: { ...process.env, CI: '' } });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  copy = mkdtempSync(join(tmpdir(), 'pgflex-build-'));
  const tracked = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    encoding: 'utf8',
  })
    .split('\0')
    .filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(repo, file), join(copy, file));
  }
  symlinkSync(join(repo, 'node_modules'), join(copy, 'node_modules'), 'dir');
  // TypeScript's build info lives in node_modules/.tmp; keep the copy's own, so the checkout's is never reused.
  for (const config of ['tsconfig.app.json', 'tsconfig.node.json']) {
    const path = join(copy, config);
    writeFileSync(path, readFileSync(path, 'utf8').replace('./node_modules/.tmp/', './.tsbuildinfo/'));
  }
});

afterAll(() => {
  if (copy !== '') rmSync(copy, { recursive: true, force: true });
});

describe('npm run build', () => {
  it('writes nothing outside dist/ and its caches, picks up an edited label, and fails on a type error', async () => {
    const before = sourceFiles(copy);
    const first = build();
    expect(first.status, first.output).toBe(0);
    expect(sourceFiles(copy)).toEqual(before);

    // An edited label reaches the dev server (it serves the .ts file, not a stale compiled copy)…
    const steps = join(copy, STEPS_FILE);
    const text = readFileSync(steps, 'utf8');
    expect(text).toContain(OLD_LABEL);
    writeFileSync(steps, text.replace(OLD_LABEL, "label: 'Basics (edited)'"));
    const server = await createServer({
      root: copy,
      configFile: join(copy, 'vite.config.ts'),
      cacheDir: join(copy, '.tsbuildinfo', 'vite'),
      logLevel: 'silent',
      server: { port: 0, host: '127.0.0.1', fs: { strict: false } },
      optimizeDeps: { noDiscovery: true, include: [] },
    });
    try {
      await server.listen();
      const base = server.resolvedUrls?.local[0] ?? '';
      const served = await (await fetch(new URL(STEPS_FILE, base))).text();
      expect(served).toContain('Basics (edited)');
    } finally {
      await server.close();
    }

    // …and the next build ships it.
    const second = build();
    expect(second.status, second.output).toBe(0);
    const assets = readdirSync(join(copy, 'dist', 'assets')).filter((f) => f.endsWith('.js'));
    const shipped = assets.map((f) => readFileSync(join(copy, 'dist', 'assets', f), 'utf8')).join('\n');
    expect(shipped).toContain('Basics (edited)');
    expect(sourceFiles(copy)).toEqual(before);

    // A type error fails the build.
    writeFileSync(steps, `${readFileSync(steps, 'utf8')}\nexport const typeError: number = 'not a number';\n`);
    const third = build();
    expect(third.status).not.toBe(0);
    expect(third.output).toMatch(/steps\.ts\(\d+,\d+\): error TS2322/);
  }, 400_000);
});
