import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { inventoryScript } from '../../import/inventory-script';
import { main } from '../main';
import { memoryIo } from '../testing';

const SUBSCRIPTION = '6f1c1d4e-2b8a-4c3e-9d7f-0a1b2c3d4e5f';

describe('inventory-script', () => {
  it('prints the read-only bash script for the server; bash -n accepts it', async () => {
    const t = memoryIo();
    expect(await main(['inventory-script', '--server', 'pg-orders', '--resource-group', 'rg-data'], t.io)).toBe(0);
    expect(t.err).toEqual([]);
    const script = t.out.join('\n');
    expect(`${script}\n`).toBe(inventoryScript({ server: 'pg-orders', resourceGroup: 'rg-data', shell: 'bash' }));
    expect(script.split('\n').slice(0, 2)).toEqual([
      '#!/usr/bin/env bash',
      '# pgflex-netplan inventory script: READ-ONLY. It changes nothing.',
    ]);
    expect(script).toContain("SERVER='pg-orders'");
    expect(script).toContain("SUBSCRIPTION=''");
    expect(script).toContain('DEPTH=2');
    const check = spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });

  it('prints the PowerShell version, for the subscription and depth asked', async () => {
    const t = memoryIo();
    const args = ['--server', 'pg-sales', '--resource-group', 'rg', '--shell', 'powershell', '--depth', '3'];
    expect(await main(['inventory-script', ...args, '--subscription', SUBSCRIPTION], t.io)).toBe(0);
    const script = t.out.join('\n');
    expect(script.split('\n')[0]).toBe('# pgflex-netplan inventory script: READ-ONLY. It changes nothing.');
    expect(script).toContain('$Depth = 3');
    expect(script).toContain(`$Subscription = '${SUBSCRIPTION}'`);
    expect(script).toContain('az account show --subscription $Subscription --query id --output json');
  });

  it('exit 2 with what is wrong, and no script', async () => {
    for (const [args, message] of [
      [['--resource-group', 'rg'], '--server NAME and --resource-group RG are required'],
      [
        ['--server', 'pg-sales', '--resource-group', 'rg', '--depth', '7'],
        '--depth must be a whole number from 0 to 5',
      ],
      [['--server', 'pg-sales', '--resource-group', 'rg', '--depth', '-1'], '--depth needs a value'],
      [['--server', 'pg-sales', '--resource-group', 'rg', '--depth=two'], 'got "two"'],
      [['--server=-pg', '--resource-group', 'rg'], 'The server name "-pg" is refused: it starts with "-"'],
      [['--server', 'pg$(id)', '--resource-group', 'rg'], 'The server name "pg$(id)" can\'t be one in Azure'],
      [['--server', 'pg-sales', '--resource-group', 'rg', '--subscription', 'Production'], 'give its ID, a GUID'],
      [['--server', 'pg-sales', '--resource-group', 'rg', '--shell', 'cmd'], '--shell must be one of bash, powershell'],
      [['server.json', '--server', 'pg-sales', '--resource-group', 'rg'], 'inventory-script reads no file'],
    ] as const) {
      const t = memoryIo();
      expect(await main(['inventory-script', ...args], t.io)).toBe(2);
      expect(t.err.join('\n')).toContain(message);
      expect(t.out).toEqual([]);
    }
  });

  it('explains itself in --help', async () => {
    const t = memoryIo();
    expect(await main(['inventory-script', '--help'], t.io)).toBe(0);
    const help = t.out.join('\n');
    expect(help).toContain('inventory-script --server NAME --resource-group RG');
    expect(help).toContain('read-only script (az show and list calls only)');
    expect(help).toContain('--shell bash|powershell');
  });
});
