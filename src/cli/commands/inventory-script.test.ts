import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing';

describe('inventory-script', () => {
  it('prints the read-only bash script for the server; bash -n accepts it', async () => {
    const t = memoryIo();
    expect(await main(['inventory-script', '--server', 'pg-orders', '--resource-group', 'rg-data'], t.io)).toBe(0);
    const script = t.out.join('\n');
    expect(script.split('\n')[0]).toBe('#!/usr/bin/env bash');
    expect(script).toContain("SERVER='pg-orders'");
    expect(script).toContain('DEPTH=2');
    expect(spawnSync('bash', ['-n'], { input: script, encoding: 'utf8' }).status).toBe(0);
  });

  it('prints the PowerShell version, with the depth asked', async () => {
    const t = memoryIo();
    const args = ['--server', 'pg', '--resource-group', 'rg', '--shell', 'powershell', '--depth', '3'];
    expect(await main(['inventory-script', ...args], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('$Depth = 3');
  });

  it('exit 2 with what is wrong: a missing server, a depth out of range, a value az reads as an option', async () => {
    for (const [args, message] of [
      [['--resource-group', 'rg'], '--server NAME and --resource-group RG are required'],
      [['--server', 'pg', '--resource-group', 'rg', '--depth', '7'], '--depth must be a whole number from 0 to 5'],
      [['--server=-pg', '--resource-group', 'rg'], 'The server name "-pg" starts with "-"'],
    ] as const) {
      const t = memoryIo();
      expect(await main(['inventory-script', ...args], t.io)).toBe(2);
      expect(t.err.join('\n')).toContain(message);
      expect(t.out).toEqual([]);
    }
  });
});
