/**
 * The command line as it ships: the bundle built by `npm run build:cli`, started through
 * bin/pgflex-netplan.mjs as real processes, with real pipes and folders.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staticClosure } from '../../scripts/first-screen-chunk';
import { editedExample, exampleText } from './testing';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(repo, 'bin', 'pgflex-netplan.mjs');
let work: string;

beforeAll(() => {
  execFileSync(process.execPath, [join(repo, 'scripts', 'build-cli.mjs')], { stdio: 'pipe' });
  work = mkdtempSync(join(tmpdir(), 'pgflex-netplan-cli-'));
  writeFileSync(join(work, 'hub.json'), exampleText('hub-and-spoke'));
  writeFileSync(join(work, 'eight.json'), exampleText('eight-subnets'));
  writeFileSync(
    join(work, 'bad.json'),
    editedExample('public-office', (doc) => {
      doc.servers[0]!.name = '-Bad_Name-';
    }),
  );
  writeFileSync(join(work, 'broken.json'), '{ "formatVersion": 1,');
}, 60_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in the work folder; never hangs the suite (killed after 30 s, which a test then reports). */
function cli(args: string[], input?: string): Run {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: work, input, encoding: 'utf8', timeout: 30_000 });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a bash pipeline in the work folder with $CLI set to the command line. */
function pipeline(script: string): Run {
  const r = spawnSync('bash', ['-c', script], {
    cwd: work,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, CLI: `"${process.execPath}" "${bin}"` },
  });
  return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
}

/** Every file under `dir` with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir, { recursive: true }).map(String).sort()) {
    const path = join(dir, name);
    out[name] = statSync(path).isDirectory() ? '(folder)' : readFileSync(path, 'latin1');
  }
  return out;
}

describe('the built command line', { timeout: 120_000 }, () => {
  it('--version prints the package version, exit 0', () => {
    const { version } = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { version: string };
    expect(cli(['--version'])).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('an unknown option is exit 2 and one line naming it', () => {
    expect(cli(['validate', 'hub.json', '-x'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'pgflex-netplan validate: Unknown option -x. Options: --format, --help.\n',
    });
  });

  it('cat plan.json | pgflex-netplan validate - reads standard input', () => {
    const bad = pipeline('cat bad.json | eval "$CLI" validate -');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('');
    expect(bad.stdout).toMatch(/^\(stdin\): ERROR PGN-001 servers\.0\.name: /);
    const clean = pipeline('eval "$CLI" validate - < hub.json');
    expect(clean).toMatchObject({ code: 0, stderr: '' });
    expect(clean.stdout.split('\n')[0]).toMatch(/^\(stdin\): INFO PGN-002 /);
  });

  it('validate a.json b.json …: every file, the worst exit code', () => {
    expect(cli(['validate', 'hub.json', 'eight.json']).code).toBe(0);
    const worst = cli(['validate', 'hub.json', 'bad.json', 'broken.json', 'eight.json']);
    expect(worst.code).toBe(2);
    expect(worst.stderr).toMatch(/^pgflex-netplan validate: broken\.json: not valid JSON at line 1, column 22/);
    const files = new Set(
      worst.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.slice(0, l.indexOf(':'))),
    );
    expect(files).toEqual(new Set(['hub.json', 'bad.json', 'eight.json']));
    expect(cli(['validate', 'hub.json', 'bad.json']).code).toBe(1);
  });

  it('validate … | head -c1 never prints a stack trace, and keeps its exit code', () => {
    const files = Array.from({ length: 150 }, (_, i) => (i % 2 === 0 ? 'hub.json' : 'eight.json')).join(' ');
    for (let run = 0; run < 5; run += 1) {
      for (const format of ['text', 'json']) {
        const r = pipeline(`eval "$CLI" validate ${files} --format ${format} | head -c1; ` + 'echo "${PIPESTATUS[0]}"');
        expect(r.stderr, `run ${run}, ${format}`).toBe('');
        // One byte from head, then the CLI's own exit code: 0, as every file is clean.
        expect(r.stdout, `run ${run}, ${format}`).toMatch(/^[a-z[]0\n$/);
      }
    }
  });

  it('export into a folder with files it would replace: exit 2 without --force, naming them; nothing written', () => {
    const infra = join(work, 'infra-existing');
    mkdirSync(infra);
    writeFileSync(join(infra, 'main.tf'), '# hand-written\n');
    writeFileSync(join(infra, 'backend.tf'), 'terraform {}\n');
    const before = snapshot(infra);
    const refused = cli(['export', 'hub.json', '--format', 'terraform', '--out', 'infra-existing']);
    expect(refused).toMatchObject({ code: 2, stdout: '' });
    expect(refused.stderr).toBe(
      'pgflex-netplan export: Not exported: this file exists and would be replaced: infra-existing/main.tf. ' +
        'Pass --force to replace it, or choose another --out folder.\n',
    );
    expect(snapshot(infra)).toEqual(before);
    const forced = cli(['export', 'hub.json', '--format', 'terraform', '--out', 'infra-existing', '--force']);
    expect(forced.code).toBe(0);
    const after = snapshot(infra);
    expect(Object.keys(after)).toEqual([
      'backend.tf',
      'main.tf',
      'outputs.tf',
      'terraform.tfvars.example',
      'variables.tf',
      'versions.tf',
    ]);
    expect(after['backend.tf']).toBe('terraform {}\n');
    expect(after['main.tf']).toContain('resource "azurerm_postgresql_flexible_server"');
  });

  it('an export that fails halfway (files limited to 4 KB; main.tf is larger) leaves nothing half-written', () => {
    const infra = join(work, 'infra-halfway');
    mkdirSync(infra);
    writeFileSync(join(infra, 'main.tf'), '# hand-written\n');
    writeFileSync(join(infra, 'versions.tf'), '# hand-written too\n');
    const before = snapshot(infra);
    const export1 = 'eval "$CLI" export hub.json --format terraform --force';
    const existing = pipeline(`ulimit -f 4 && ${export1} --out infra-halfway`);
    expect(existing.code).toBe(2);
    expect(existing.stderr).toBe(
      'pgflex-netplan export: infra-halfway/main.tf: cannot be written: the file is larger than allowed (EFBIG). ' +
        'Nothing in infra-halfway was changed.\n',
    );
    expect(snapshot(infra)).toEqual(before);
    const fresh = pipeline(`ulimit -f 4 && ${export1} --out new/infra`);
    expect(fresh.code).toBe(2);
    expect(fresh.stderr).toMatch(/new\/infra\/main\.tf: cannot be written: .* Nothing was written\.\n$/);
    expect(readdirSync(work)).not.toContain('new');
  });

  it('export --out /proc/nope gives up with a clear message instead of hanging', () => {
    const r = cli(['export', 'hub.json', '--format', 'arm', '--out', '/proc/nope']);
    expect(r.signal).toBeNull();
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(
      /^pgflex-netplan export: Cannot create the folder \/proc\/nope: .* Nothing was written\.\n$/,
    );
  });

  it('control characters in a plan never reach the terminal raw', () => {
    const hostile = editedExample('hub-and-spoke', (doc) => {
      doc.access.vnet!.name = 'vnet\u001b]0;owned\u0007\u001b[2J\u0000\u009b';
      doc.clients[0]!.name = 'app\u001b[1A\rPASS';
    });
    const text = cli(['validate', '-'], hostile);
    const check = cli(['check-client', '-', '--client', 'app\u001b[1A\rPASS'], hostile);
    for (const r of [text, check]) {
      // eslint-disable-next-line no-control-regex -- the bytes that must not be printed
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    }
    expect(text.stdout).toContain('vnet\\u001b]0;owned\\u0007\\u001b[2J\\u0000\\u009b');
    expect(check.stdout.split('\n')[0]).toMatch(/^app\\u001b\[1A\\u000dPASS: /);
  });

  it('a plan file or standard input over the 16 MB limit is refused unread: exit 2', () => {
    writeFileSync(join(work, 'huge.json'), '');
    truncateSync(join(work, 'huge.json'), 17 * 1024 * 1024);
    expect(cli(['validate', 'huge.json'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'pgflex-netplan validate: huge.json: 17.0 MB; plan files may be up to 16.0 MB. It was not read.\n',
    });
    expect(pipeline('head -c 17000000 /dev/zero | eval "$CLI" validate -')).toMatchObject({
      code: 2,
      stdout: '',
      stderr:
        'pgflex-netplan validate: (stdin): more than 16.0 MB; plan files may be up to 16.0 MB. It was not read.\n',
    });
  });

  it('a standard output that cannot be written is exit 2 with a message', () => {
    const r = pipeline('eval "$CLI" validate hub.json > /dev/full');
    expect(r).toMatchObject({ code: 2, stderr: 'pgflex-netplan: cannot write the standard output (ENOSPC).\n' });
  });
});

describe('the bundle', () => {
  /** The bundle's files as a module graph: each file's static imports (`import … from "./chunks/…"`). */
  const bundleGraph = {
    getModuleInfo: (file: string) => ({
      importedIds: [...readFileSync(file, 'utf8').matchAll(/(?:import|from)\s*"(\.\.?\/[^"]+\.mjs)"/g)].map((m) =>
        join(file, '..', m[1]!),
      ),
    }),
  };

  it('validate loads neither the exporters nor the dry run: they are in chunks only their own commands load', () => {
    const chunks = join(repo, 'cli-dist', 'chunks');
    const all = readdirSync(chunks).map((n) => join(chunks, n));
    const validate = all.find((f) => /[/\\]validate-[^/\\]+\.mjs$/.test(f));
    expect(validate).toBeDefined();
    const entry = join(repo, 'cli-dist', 'pgflex-netplan.mjs');
    // What `validate` runs: the entry, the validate command's chunk, and what each of them imports statically.
    const loaded = [...new Set([...staticClosure(bundleGraph, entry), ...staticClosure(bundleGraph, validate!)])];
    const holds = (f: string, marker: string) => readFileSync(f, 'utf8').includes(marker);
    // The Terraform exporter's resource type and a dry-run constraint's ID: in the bundle, not in what validate loads.
    for (const marker of ['azurerm_subnet_network_security_group_association', 'DRY-GATEWAY-TRANSIT']) {
      expect(all.some((f) => holds(f, marker))).toBe(true);
      expect(loaded.filter((f) => holds(f, marker))).toEqual([]);
    }
    // The rules are in what it loads.
    expect(loaded.some((f) => holds(f, 'PGN-104'))).toBe(true);
  });
});
