import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../domain/finding';
import type { CliIo } from '../io';
import { main } from '../main';

const findings: Finding[] = [];
vi.mock('../evaluate', () => ({ evaluatePlan: () => findings }));

const example = fileURLToPath(new URL('../../../examples/public-office.json', import.meta.url));

function memoryIo() {
  const written = new Map<string, string>();
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    readText: (p) => Promise.resolve(readFileSync(p, 'utf8')),
    writeText: (p, c) => {
      written.set(p, typeof c === 'string' ? c : new TextDecoder().decode(c));
      return Promise.resolve();
    },
  };
  return { io, written, out, err };
}

describe('export command', () => {
  it('writes the files of the format', async () => {
    const m = memoryIo();
    expect(await main(['export', example, '--format', 'terraform', '--out', 'outdir', '--provider', '4'], m.io)).toBe(
      0,
    );
    expect([...m.written.keys()]).toEqual([
      'outdir/versions.tf',
      'outdir/variables.tf',
      'outdir/main.tf',
      'outdir/outputs.tf',
      'outdir/terraform.tfvars.example',
    ]);
    expect(m.written.get('outdir/versions.tf')).toContain('~> 4.81');
    expect(m.out.join('')).toContain('Wrote 5 files to outdir');
  });

  it('refuses a plan with error findings unless --force, in one line', async () => {
    findings.push({ ruleId: 'PGN-001', severity: 'error', message: 'bad', path: 'servers.0.name', docs: '' });
    try {
      const refused = memoryIo();
      expect(await main(['export', example, '--format', 'arm', '--out', 'o'], refused.io)).toBe(1);
      expect(refused.written.size).toBe(0);
      expect(refused.err).toEqual(['Not exported: 1 error finding: PGN-001 servers.0.name. Fix them or pass --force.']);
      const forced = memoryIo();
      expect(await main(['export', example, '--format', 'azcli', '--out', 'o', '--force'], forced.io)).toBe(0);
      expect(forced.written.get('o/deploy.sh')).toContain('# PGN-001 servers.0.name: bad');
    } finally {
      findings.length = 0;
    }
  });

  it.each([
    [['export', example, '--out', 'o'], '--format is required'],
    [['export', example, '--format', 'pulumi', '--out', 'o'], '--format must be one of arm, terraform, bicep, azcli'],
    [['export', example, '--format', 'arm'], '--out DIR is required'],
    [
      ['export', example, '--format', 'arm', '--out', 'o', '--provider', '4'],
      '--provider applies to --format terraform only',
    ],
    [['export', example, '--format', 'terraform', '--out', 'o', '--provider', '3'], '--provider must be one of 4, 5'],
    [['export', 'missing.json', '--format', 'arm', '--out', 'o'], 'missing.json: no such file'],
    [['export', example, '--format', 'arm', '--out', 'o', '--zip=1'], 'Unknown option --zip'],
  ])('bad input %j → exit 2 with one line', async (argv, message) => {
    const m = memoryIo();
    expect(await main(argv, m.io)).toBe(2);
    expect(m.err).toHaveLength(1);
    expect(m.err[0]).toContain(message);
  });
});
