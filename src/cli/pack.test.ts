/**
 * What `npm pack` ships: packed once, installed once into an empty folder without the network, then
 * used through `npx pgflex-netplan` from another folder, as someone who never cloned the repository would.
 */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePlanLink } from '../share/link';
import { parsePlanFile } from '../share/plan-file';
import { editedExample, exampleText } from './testing';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { name: string; version: string };

/** The environment without the npm settings of a surrounding `npm test`, and with no network for npm. */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'))),
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

function run(command: string, args: string[], options: SpawnSyncOptions & { cwd: string }) {
  const r = spawnSync(command, args, { env, encoding: 'utf8', timeout: 120_000, ...options });
  return { code: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

let root: string;
let packed: { filename: string; files: { path: string }[] };
/** Where commands run: a folder of its own inside the installing project, not the checkout. */
let work: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'pgflex-netplan-pack-'));
  const pack = run('npm', ['pack', '--json', '--pack-destination', root], { cwd: repo });
  if (pack.code !== 0) throw new Error(`npm pack failed:\n${pack.stderr}`);
  packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
  const app = join(root, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'uses-the-cli', private: true }));
  const install = run('npm', ['install', join(root, packed.filename)], { cwd: app });
  if (install.code !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
  work = join(app, 'plans');
  mkdirSync(work);
  writeFileSync(join(work, 'hub.json'), exampleText('hub-and-spoke'));
  writeFileSync(join(work, 'eight.json'), exampleText('eight-subnets'));
  writeFileSync(
    join(work, 'bad.json'),
    editedExample('public-office', (doc) => {
      doc.servers[0]!.name = '-Bad_Name-';
    }),
  );
}, 300_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const npx = (args: string[], input?: string) => run('npx', ['pgflex-netplan', ...args], { cwd: work, input });

describe('npm pack', { timeout: 120_000 }, () => {
  it('ships the bundled command line (its entry and chunks), its launcher, README, LICENSE and package.json', () => {
    // The chunks as `npm pack` (through `prepare`) has just built them: nothing else is in the folder.
    const chunks = readdirSync(join(repo, 'cli-dist', 'chunks')).map((name) => `cli-dist/chunks/${name}`);
    expect(chunks.length).toBeGreaterThan(0);
    expect(chunks.every((c) => c.endsWith('.mjs'))).toBe(true);
    const expected = [
      ...(existsSync(join(repo, 'LICENSE')) ? ['LICENSE'] : []),
      'README.md',
      'bin/pgflex-netplan.mjs',
      ...chunks,
      'cli-dist/pgflex-netplan.mjs',
      'package.json',
    ].sort();
    expect(packed.files.map((f) => f.path).sort()).toEqual(expected);
  });

  it('installs without a dependency: only the package itself lands in node_modules', () => {
    expect(readdirSync(join(root, 'app', 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([
      packageJson.name,
    ]);
  });

  it('npx pgflex-netplan --version', () => {
    expect(npx(['--version'])).toMatchObject({ code: 0, stdout: `${packageJson.version}\n` });
  });

  it('npx pgflex-netplan validate: exit 0, 1 and 2 on known plans, - for standard input', () => {
    const clean = npx(['validate', 'hub.json', 'eight.json']);
    expect(clean.code).toBe(0);
    expect(clean.stdout).toMatch(/^hub\.json: INFO PGN-002 access\.mode: /);
    const bad = npx(['validate', '-'], readFileSync(join(work, 'bad.json'), 'utf8'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^\(stdin\): ERROR PGN-001 servers\.0\.name: /);
    const missing = npx(['validate', 'hub.json', 'missing.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('pgflex-netplan validate: missing.json: no such file.');
  });

  it('npx pgflex-netplan export into a folder outside the current one; a second time needs --force', () => {
    const first = npx(['export', 'hub.json', '--format', 'terraform', '--out', '../infra']);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Wrote 5 files to \.\.\/infra: versions\.tf, variables\.tf, main\.tf, outputs\.tf, terraform\.tfvars\.example\. /,
    );
    expect(first.stdout).toMatch(/Dry run: all \d+ steps accepted\.\n$/);
    expect(readdirSync(join(root, 'app', 'infra')).sort()).toEqual([
      'main.tf',
      'outputs.tf',
      'terraform.tfvars.example',
      'variables.tf',
      'versions.tf',
    ]);
    const again = npx(['export', 'hub.json', '--format', 'terraform', '--out', '../infra']);
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('these 5 files exist and would be replaced: ../infra/versions.tf,');
    expect(npx(['export', 'hub.json', '--format', 'terraform', '--out', '../infra', '--force']).code).toBe(0);
  });

  it('npx pgflex-netplan check-client', () => {
    const r = npx(['check-client', 'hub.json', '--client', 'reporting-app']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toMatch(/^reporting-app: REACHABLE \(reachable: /);
    expect(r.stdout).toContain('PASS PGN-135 network path | Peering vnet-spoke-2 ↔ vnet-orders-data');
  });

  it('npx pgflex-netplan share prints a link that opens as the same plan', () => {
    const r = npx(['share', 'eight.json', '--base', 'https://planner.example/']);
    expect(r.code).toBe(0);
    const link = r.stdout.trim();
    expect(link).toMatch(/^https:\/\/planner\.example\/#p1\.[A-Za-z0-9_-]+$/);
    const opened = decodePlanLink(link);
    const expected = parsePlanFile(exampleText('eight-subnets'));
    expect(opened.ok && expected.ok).toBe(true);
    expect(opened.ok && opened.plan).toEqual(expected.ok && expected.plan);
  });
});
