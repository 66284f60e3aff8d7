import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { exampleText, memoryIo } from '../testing';

const hub = exampleText('hub-and-spoke');
/** The hub-and-spoke plan with its zone in a subscription given by name (not an ID). */
const namedZoneSubscription = hub.replace(
  '"resourceGroup": "rg-hub-dns",\n      "subscription": ""',
  '"resourceGroup": "rg-hub-dns",\n      "subscription": "connectivity-sub"',
);

describe('dry-run command', () => {
  it('prints the ARM steps in order with scope, action, type, name and why, then ACCEPTED (exit 0)', async () => {
    const m = memoryIo({ 'hub.json': hub });
    expect(await main(['dry-run', 'hub.json', '--format', 'arm'], m.io)).toBe(0);
    const text = m.out.join('\n');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Dry run of the ARM files: 15 steps in the order Azure may run them.');
    expect(lines).toContain(
      " 1. create [deployment's subscription / rg-orders-network] Microsoft.Network/virtualNetworks vnet-orders-data",
    );
    const hubSide = lines.findIndex((l) => l.endsWith('virtualNetworkPeerings vnet-hub/vnet-hub-to-vnet-orders-data'));
    const spokeSide = lines.findIndex((l) =>
      l.endsWith('virtualNetworkPeerings vnet-orders-data/vnet-orders-data-to-vnet-hub'),
    );
    expect(hubSide).toBeGreaterThan(0);
    expect(spokeSide).toBeGreaterThan(hubSide);
    expect(lines[spokeSide + 1]).toContain('in nested deployment pgflex-servers-1, which waits: dependsOn nested ');
    expect(lines.at(-1)).toBe('ACCEPTED: every step passes the 11 modelled checks.');
  });

  it('defaults to ARM', async () => {
    const m = memoryIo({ 'hub.json': hub });
    expect(await main(['dry-run', 'hub.json'], m.io)).toBe(0);
    expect(m.out.join('')).toContain('Dry run of the ARM files');
  });

  it('prints the refused step, the constraint, the reason and the source (exit 1)', async () => {
    expect(namedZoneSubscription).not.toBe(hub);
    const m = memoryIo({ 'p.json': namedZoneSubscription });
    expect(await main(['dry-run', 'p.json'], m.io)).toBe(1);
    const lines = m.out.join('\n').split('\n');
    expect(lines.at(-4)).toMatch(
      /^REFUSED at step \d+ \(Microsoft\.Network\/privateDnsZones contoso-orders\..*\): DRY-GUID/,
    );
    expect(lines.at(-3)).toContain('rule: Every resource ID and deployment scope uses a subscription ID');
    expect(lines.at(-2)).toContain('"connectivity-sub", which is not a subscription ID');
    expect(lines.at(-1)).toMatch(/^ {2}source: azure-facts\.md §2\.2/);
  });

  it.each([
    [['dry-run', 'hub.json', '--format', 'terraform'], 'no reader for terraform files yet (it reads: arm)'],
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
