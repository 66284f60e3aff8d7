import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../domain/finding';
import { EXPORT_FORMATS } from '../../exporters/index';
import { EXPORT_FORMAT_IDS } from '../command';
import { main } from '../main';
import { memoryIo } from '../testing';
import { exampleText } from '../../domain/testing/examples';

const findings: Finding[] = [];
vi.mock('../evaluate', () => ({ evaluatePlan: () => findings }));

const example = exampleText('public-office');
/** The hub-and-spoke ARM template before the gateway-transit ordering fix (kept as the dry run's fixture). */
const beforeTransitFix = readFileSync(
  new URL('../../deploy/__fixtures__/hub-and-spoke-before-transit-fix.azuredeploy.json', import.meta.url),
  'utf8',
);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('export command', () => {
  it('knows the formats of the exporters, in their order, without loading them', () => {
    expect([...EXPORT_FORMAT_IDS]).toEqual(EXPORT_FORMATS.map((f) => f.id));
  });

  it('writes the files of the format', async () => {
    const m = memoryIo({ 'p.json': example });
    const argv = ['export', 'p.json', '--format', 'terraform', '--out', 'outdir', '--provider', '4'];
    expect(await main(argv, m.io)).toBe(0);
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

  it('reads the plan from standard input for -', async () => {
    const m = memoryIo({}, example);
    expect(await main(['export', '-', '--format', 'bicep', '--out', 'o'], m.io)).toBe(0);
    expect(m.written.get('o/main.bicep')).toContain('param ');
  });

  it('reports a value the exporters refuse, even with --force, as an error finding and writes nothing', async () => {
    const hostile = example.replace('"resourceGroup": "rg-reporting"', '"resourceGroup": "--access=Allow"');
    expect(hostile).not.toBe(example);
    const m = memoryIo({ 'p.json': hostile });
    expect(await main(['export', 'p.json', '--format', 'azcli', '--out', 'o', '--force'], m.io)).toBe(1);
    expect(m.err.join('')).toMatch(/^Not exported: .*--access=Allow/);
    expect(m.err.join('')).not.toContain('internal error');
    expect(m.written.size).toBe(0);
  });

  it('refuses a plan with error findings unless --force, in one line', async () => {
    findings.push({ ruleId: 'PGN-001', severity: 'error', message: 'bad', path: 'servers.0.name', docs: '' });
    try {
      const refused = memoryIo({ 'p.json': example });
      expect(await main(['export', 'p.json', '--format', 'arm', '--out', 'o'], refused.io)).toBe(1);
      expect(refused.written.size).toBe(0);
      expect(refused.err).toEqual(['Not exported: 1 error finding: PGN-001 servers.0.name. Fix them or pass --force.']);
      const forced = memoryIo({ 'p.json': example });
      expect(await main(['export', 'p.json', '--format', 'azcli', '--out', 'o', '--force'], forced.io)).toBe(0);
      expect(forced.written.get('o/deploy.sh')).toContain('# PGN-001 servers.0.name: bad');
    } finally {
      findings.length = 0;
    }
  });

  it('runs the deployment dry run on the ARM files it writes and says so', async () => {
    const m = memoryIo({ 'p.json': example });
    expect(await main(['export', 'p.json', '--format', 'arm', '--out', 'o'], m.io)).toBe(0);
    expect(m.out.join('')).toMatch(/azuredeploy\.parameters\.json\. Dry run: all \d+ steps accepted\.$/);
  });

  it('refuses (exit 1, nothing written) files the dry run refuses; writes them with --force, saying why', async () => {
    // No clean plan exports files the dry run refuses, so the exporter stands in with a template from before a fix.
    const hub = exampleText('hub-and-spoke');
    const arm = EXPORT_FORMATS.find((f) => f.id === 'arm')!;
    const real = arm.files.bind(arm);
    vi.spyOn(arm, 'files').mockImplementation((plan, options) =>
      real(plan, options).map((f) => (f.path === 'azuredeploy.json' ? { ...f, contents: beforeTransitFix } : f)),
    );
    const refused = memoryIo({ 'p.json': hub });
    expect(await main(['export', 'p.json', '--format', 'arm', '--out', 'o'], refused.io)).toBe(1);
    expect(refused.written.size).toBe(0);
    expect(refused.err).toHaveLength(1);
    expect(refused.err[0]).toMatch(
      /^Not exported: the deployment dry run refuses step \d+ \(Microsoft\.Network\/virtualNetworks\/virtualNetworkPeerings .*DRY-GATEWAY-TRANSIT: .* Fix the plan or pass --force\.$/,
    );
    const forced = memoryIo({ 'p.json': hub });
    expect(await main(['export', 'p.json', '--format', 'arm', '--out', 'o', '--force'], forced.io)).toBe(0);
    expect(forced.written.has('o/azuredeploy.json')).toBe(true);
    expect(forced.out.join('')).toContain('Exported anyway (--force): the deployment dry run refuses step');
  });

  it('refuses (exit 2) to replace existing files without --force, naming them; replaces them with it', async () => {
    const files = { 'p.json': example, 'infra/main.tf': '# mine\n', 'infra/outputs.tf': '# mine too\n' };
    const refused = memoryIo(files);
    expect(await main(['export', 'p.json', '--format', 'terraform', '--out', 'infra'], refused.io)).toBe(2);
    expect(refused.written.size).toBe(0);
    expect(refused.out).toEqual([]);
    expect(refused.err).toEqual([
      'pgflex-netplan export: Not exported: these 2 files exist and would be replaced: infra/main.tf, ' +
        'infra/outputs.tf. Pass --force to replace them, or choose another --out folder.',
    ]);
    const forced = memoryIo(files);
    expect(await main(['export', 'p.json', '--format', 'terraform', '--out', 'infra', '--force'], forced.io)).toBe(0);
    expect(forced.written.get('infra/main.tf')).toContain('resource "azurerm_postgresql_flexible_server"');
  });

  it.each([
    [['export', 'p.json', '--out', 'o'], '--format is required'],
    [['export', 'p.json', '--format', 'pulumi', '--out', 'o'], '--format must be one of arm, terraform, bicep, azcli'],
    [['export', 'p.json', '--format', 'arm'], '--out DIR is required'],
    [['export', 'p.json', '--format', 'arm', '--out'], '--out needs a value.'],
    [['export', 'p.json', '--format', 'arm', '--out', '--force'], '--out needs a value; for a value that starts'],
    [['export', 'p.json', '--format', 'arm', '--out', 'o', '--force=yes'], '--force takes no value.'],
    [
      ['export', 'p.json', '--format', 'arm', '--out', 'o', '--provider', '4'],
      '--provider applies to --format terraform only',
    ],
    [['export', 'p.json', '--format', 'terraform', '--out', 'o', '--provider', '3'], '--provider must be one of 4, 5'],
    [['export', 'missing.json', '--format', 'arm', '--out', 'o'], 'missing.json: no such file'],
    [['export', 'p.json', '--format', 'arm', '--out', 'o', '--zip=1'], 'Unknown option --zip.'],
    [['export', 'p.json', 'q.json', '--format', 'arm', '--out', 'o'], 'One plan file expected; got 2.'],
  ])('bad input %j → exit 2 with one line', async (argv, message) => {
    const m = memoryIo({ 'p.json': example });
    expect(await main(argv, m.io)).toBe(2);
    expect(m.err).toHaveLength(1);
    expect(m.err[0]).toContain(message);
    expect(m.written.size).toBe(0);
  });
});
