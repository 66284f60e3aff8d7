import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CONSTRAINT_LIST } from '../../deploy/constraints';
import { EXPORT_FORMATS } from '../../exporters/index';
import { main } from '../main';
import { exampleText, memoryIo } from '../testing';

const hub = exampleText('hub-and-spoke');
/** The hub-and-spoke ARM template before the gateway-transit ordering fix (kept as the dry run's fixture). */
const beforeTransitFix = readFileSync(
  new URL('../../deploy/__fixtures__/hub-and-spoke-before-transit-fix.azuredeploy.json', import.meta.url),
  'utf8',
);

afterEach(() => {
  vi.restoreAllMocks();
});
describe('dry-run command', () => {
  it('prints the ARM steps in order with scope, action, type, name and why, then ACCEPTED (exit 0)', async () => {
    const m = memoryIo({ 'hub.json': hub });
    expect(await main(['dry-run', 'hub.json', '--format', 'arm'], m.io)).toBe(0);
    const text = m.out.join('\n');
    const lines = text.split('\n');
    // Three VNets peered pairwise (6 peering resources), 3 zone links: 17 steps.
    expect(lines[0]).toBe('Dry run of the ARM files: 17 steps in the order Azure may run them.');
    expect(lines).toContain(
      " 1. create [deployment's subscription / rg-orders-network] Microsoft.Network/virtualNetworks vnet-orders-data",
    );
    const hubSide = lines.findIndex((l) => l.endsWith('virtualNetworkPeerings vnet-hub/vnet-hub-to-vnet-orders-data'));
    const spokeSide = lines.findIndex((l) =>
      l.endsWith('virtualNetworkPeerings vnet-orders-data/vnet-orders-data-to-vnet-hub'),
    );
    expect(hubSide).toBeGreaterThan(0);
    expect(spokeSide).toBeGreaterThan(hubSide);
    expect(lines[spokeSide + 1]).toContain(
      'in nested deployment pgflex-peering-vnet-orders-data-to-vnet-hub, which waits: dependsOn nested ',
    );
    expect(lines.at(-1)).toBe(`ACCEPTED: every step passes the ${CONSTRAINT_LIST.length} modelled checks.`);
  });

  it('defaults to ARM', async () => {
    const m = memoryIo({ 'hub.json': hub });
    expect(await main(['dry-run', 'hub.json'], m.io)).toBe(0);
    expect(m.out.join('')).toContain('Dry run of the ARM files');
  });

  it('prints the refused step, the constraint, the reason and the source (exit 1)', async () => {
    // No clean plan exports files the dry run refuses, so the exporter stands in with a template from before a fix.
    const arm = EXPORT_FORMATS.find((f) => f.id === 'arm')!;
    const real = arm.files.bind(arm);
    vi.spyOn(arm, 'files').mockImplementation((plan, options) =>
      real(plan, options).map((f) => (f.path === 'azuredeploy.json' ? { ...f, contents: beforeTransitFix } : f)),
    );
    const m = memoryIo({ 'p.json': hub });
    expect(await main(['dry-run', 'p.json'], m.io)).toBe(1);
    const lines = m.out.join('\n').split('\n');
    expect(lines.at(-4)).toMatch(
      /^REFUSED at step \d+ \(Microsoft\.Network\/virtualNetworks\/virtualNetworkPeerings vnet-orders-data\/vnet-orders-data-to-vnet-hub\): DRY-GATEWAY-TRANSIT/,
    );
    expect(lines.at(-3)).toContain('rule: A peering that uses the remote VNet');
    expect(lines.at(-2)).toContain('vnet-hub/vnet-hub-to-vnet-orders-data');
    expect(lines.at(-1)).toMatch(/^ {2}source: az CLI `network vnet peering create` help/);
  });

  it.each(['terraform', 'bicep', 'azcli'])('reads the %s files too (exit 0)', async (format) => {
    const m = memoryIo({ 'hub.json': hub });
    expect(await main(['dry-run', 'hub.json', '--format', format], m.io)).toBe(0);
    expect(m.out.join('\n')).toMatch(/ACCEPTED/);
  });

  it.each([
    [['dry-run', 'hub.json', '--format', 'pulumi'], '--format must be one of arm, terraform, bicep, azcli'],
    [['dry-run', 'missing.json'], 'missing.json: no such file'],
    [['dry-run', 'hub.json', 'hub.json'], 'One plan file expected; got 2.'],
  ])('bad input %j → exit 2 with one line', async (argv, message) => {
    const m = memoryIo({ 'hub.json': hub });
    expect(await main(argv, m.io)).toBe(2);
    expect(m.err).toHaveLength(1);
    expect(m.err[0]).toContain(message);
    expect(m.out).toEqual([]);
  });
});
