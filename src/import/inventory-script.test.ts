import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { importDeployed, importDeployedValue } from './import';
import { inventoryScript } from './inventory-script';
import { hubSpokeBundle, SUBSCRIPTION } from './testing/bundles';

const FAKE_AZ = fileURLToPath(new URL('./testing/fake-az.mjs', import.meta.url));
const folders: string[] = [];
afterAll(() => {
  for (const f of folders) rmSync(f, { recursive: true, force: true });
});

/** Runs the bash script with the fake az first on PATH, serving `resources`; its output and the recorded calls. */
function runWithFakeAz(script: string, resources: readonly unknown[]) {
  const dir = mkdtempSync(join(tmpdir(), 'pgflex-inventory-'));
  folders.push(dir);
  writeFileSync(join(dir, 'az'), `#!/bin/sh\nexec "${process.execPath}" "${FAKE_AZ}" "$@"\n`);
  chmodSync(join(dir, 'az'), 0o755);
  writeFileSync(join(dir, 'resources.json'), JSON.stringify(resources));
  writeFileSync(join(dir, 'inventory.sh'), script);
  const run = spawnSync('bash', [join(dir, 'inventory.sh')], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      PATH: `${dir}:${process.env.PATH ?? ''}`,
      AZ_LOG: join(dir, 'calls.log'),
      AZ_RESOURCES: join(dir, 'resources.json'),
    },
  });
  const log = existsSync(join(dir, 'calls.log')) ? readFileSync(join(dir, 'calls.log'), 'utf8') : '';
  const calls = log
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as string[]);
  return { run, calls, dir };
}

const options = { server: 'pg-orders', resourceGroup: 'rg-orders-data', subscription: SUBSCRIPTION } as const;

describe('the inventory script (bash)', () => {
  const script = inventoryScript({ ...options, shell: 'bash' });

  it('says at its top that it is read-only, and bash -n accepts it', () => {
    expect(script.split('\n').slice(0, 3).join('\n')).toContain('READ-ONLY');
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('collects a bundle that imports into the same plan as the deployment it read, and only reads', () => {
    const deployed = hubSpokeBundle();
    const { run, calls } = runWithFakeAz(script, deployed.resources);
    expect(run.status).toBe(0);
    const bundle = JSON.parse(run.stdout) as { scope: unknown; resources: unknown[] };
    expect(bundle.scope).toEqual({
      subscription: SUBSCRIPTION,
      resourceGroup: 'rg-orders-data',
      server: 'pg-orders',
      peeringDepth: 2,
    });
    const imported = importDeployed(run.stdout);
    const expected = importDeployedValue(deployed);
    if (!imported.ok || !expected.ok) throw new Error('import failed');
    expect(imported.plan).toEqual(expected.plan);
    expect(imported.warnings).toEqual(expected.warnings);
    // Every call is a show or a list (az resource show, … list); none creates, updates, deletes or sets anything.
    expect(calls.length).toBeGreaterThan(10);
    for (const call of calls) {
      const words = call.filter((a) => !a.startsWith('-'));
      expect(words.some((w) => ['create', 'update', 'delete', 'set', 'add', 'remove'].includes(w))).toBe(false);
      expect(words.some((w) => w === 'show' || w === 'list')).toBe(true);
    }
  });

  it('follows the peerings only as deep as asked', () => {
    const shallow = inventoryScript({ ...options, peeringDepth: 0, shell: 'bash' });
    const { run } = runWithFakeAz(shallow, hubSpokeBundle().resources);
    const imported = importDeployed(run.stdout);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.plan.access.mode === 'private' && imported.plan.access.peeredVnets.map((v) => v.name)).toEqual([
      'vnet-hub',
    ]);
    // The hub is named by the peering but not read: its address spaces are unknown.
    expect(imported.plan.access.mode === 'private' && imported.plan.access.peeredVnets[0]?.addressSpaces).toEqual([]);
  });

  it('refuses values az would read as options or files, and keeps quotes inert', () => {
    expect(() => inventoryScript({ ...options, server: '-rf', shell: 'bash' })).toThrow(/starts with "-"/);
    expect(() => inventoryScript({ ...options, resourceGroup: '@/etc/passwd', shell: 'bash' })).toThrow(/"@"/);
    expect(() => inventoryScript({ ...options, server: 'pg\nrm -rf /', shell: 'powershell' })).toThrow(/control/);
    expect(() => inventoryScript({ ...options, peeringDepth: 9, shell: 'bash' })).toThrow(/0 to 5/);
    const hostile = inventoryScript({ ...options, server: "pg'; touch pwned; echo '", shell: 'bash' });
    const { run, dir } = runWithFakeAz(hostile, hubSpokeBundle().resources);
    expect(run.status).not.toBe(0);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });
});

describe('the inventory script (PowerShell)', () => {
  const script = inventoryScript({ ...options, shell: 'powershell' });

  it('collects the same things with the same read-only commands', () => {
    expect(script.split('\n')[0]).toContain('READ-ONLY');
    for (const command of [
      'az postgres flexible-server show',
      'az postgres flexible-server firewall-rule list',
      'az postgres flexible-server parameter show',
      'az resource show --ids',
      'az network private-dns link vnet list',
      'az dns-resolver inbound-endpoint list',
    ])
      expect(script).toContain(command);
    expect(script).not.toMatch(/\baz\b[^\n]*(?<![-\w])(create|update|delete|set)(?![-\w])/);
  });

  it('parses (when pwsh is on PATH)', () => {
    if (spawnSync('pwsh', ['-Version']).status !== 0) {
      console.log('pwsh not on PATH: the PowerShell parse check skipped');
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'pgflex-inventory-ps-'));
    folders.push(dir);
    writeFileSync(join(dir, 'inventory.ps1'), script);
    const parse = spawnSync(
      'pwsh',
      [
        '-NoProfile',
        '-Command',
        '$e = $null; [void][System.Management.Automation.Language.Parser]::ParseFile(' +
          `'${join(dir, 'inventory.ps1')}', ` +
          '[ref]$null, [ref]$e); if ($e.Count -gt 0) { $e | ForEach-Object { $_.Message }; exit 1 }',
      ],
      { encoding: 'utf8' },
    );
    expect(parse.stdout).toBe('');
    expect(parse.status).toBe(0);
  });
});
