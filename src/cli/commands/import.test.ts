import { describe, expect, it } from 'vitest';
import { parsePlanFile, serializePlanFile } from '../../share/plan-file';
import { exampleText } from '../../domain/testing/examples';
import { importDeployedValue } from '../../import/import';
import { hubSpokeBundle } from '../../import/testing/bundles';
import { TooLargeError } from '../io';
import { main } from '../main';
import { memoryIo } from '../testing';

const bundle = JSON.stringify(hubSpokeBundle());

describe('import', () => {
  it('prints the plan file on standard output and what it could not hold on standard error; exit 0', async () => {
    const t = memoryIo({ 'bundle.json': bundle });
    expect(await main(['import', 'bundle.json'], t.io)).toBe(0);
    const read = parsePlanFile(t.out.join('\n'));
    if (!read.ok) throw new Error(read.error.message);
    expect(read.plan.servers[0]?.name).toBe('pg-orders');
    expect(read.plan.access.mode === 'private' && read.plan.access.vnet).toMatchObject({
      name: 'vnet-orders-data',
      existing: true,
    });
    // The plan file as the planner saves it, byte for byte.
    const imported = importDeployedValue(hubSpokeBundle());
    if (!imported.ok) throw new Error(imported.message);
    expect(`${t.out.join('\n')}\n`).toBe(serializePlanFile(imported.plan));
    expect(t.err).toEqual([
      expect.stringMatching(/^not modelled: \/subscriptions\/.*\/azureFirewalls\/afw-hub \(properties/),
      expect.stringMatching(/^not modelled: .*\/subnets\/snet-app \(properties\.natGateway\)/),
      expect.stringMatching(/^not modelled: .*\/ergw-hub \(on-premises address ranges\): Gateway ergw-hub connects/),
      expect.stringMatching(/^not modelled: .*\/natGateways\/ng-app \(resource\)/),
      'Imported server pg-orders from an inventory bundle: 4 things not modelled, 0 resources skipped, 0 warnings.',
    ]);
  });

  it('reads standard input, and a deployment of several servers with --server', async () => {
    const t = memoryIo({}, bundle);
    expect(await main(['import', '-'], t.io)).toBe(0);
    expect(parsePlanFile(t.out.join('\n')).ok).toBe(true);
    const two = hubSpokeBundle();
    const server = two.resources[0] as { name: string; id: string };
    const other = { ...server, name: 'pg-other', id: server.id.replace(/pg-orders$/, 'pg-other') };
    const text = JSON.stringify({ ...two, resources: [...two.resources, other] });
    const s = memoryIo({ 'two.json': text });
    expect(await main(['import', 'two.json'], s.io)).toBe(2);
    expect(s.err).toEqual([
      'pgflex-netplan import: two.json: The input holds 2 servers (pg-orders, pg-other): say which to import. ' +
        'Name it with --server NAME.',
    ]);
    const picked = memoryIo({ 'two.json': text });
    expect(await main(['import', 'two.json', '--server', 'PG-OTHER'], picked.io)).toBe(0);
    const read = parsePlanFile(picked.out.join('\n'));
    expect(read.ok && read.plan.servers[0]?.name).toBe('pg-other');
  });

  it('exit 2 with the file and what is wrong, for input that is not a deployment', async () => {
    const cut = memoryIo({ 'cut.json': bundle.slice(0, 200) });
    expect(await main(['import', 'cut.json'], cut.io)).toBe(2);
    expect(cut.err.join('\n')).toMatch(/^pgflex-netplan import: cut\.json: Not valid JSON at line \d+, column \d+/);
    expect(cut.out).toEqual([]);
    const p = memoryIo({ 'plan.json': exampleText('hub-and-spoke') });
    expect(await main(['import', 'plan.json'], p.io)).toBe(2);
    expect(p.err.join('\n')).toContain('plan.json: This is a plan file, not a deployment');
    expect(p.out).toEqual([]);
    const missing = memoryIo({});
    expect(await main(['import', 'nowhere.json'], missing.io)).toBe(2);
    expect(missing.err).toEqual(['pgflex-netplan import: nowhere.json: no such file.']);
    const none = memoryIo({});
    expect(await main(['import'], none.io)).toBe(2);
    expect(none.err[0]).toContain('No deployment file given');
    const two = memoryIo({ 'a.json': bundle, 'b.json': bundle });
    expect(await main(['import', 'a.json', 'b.json'], two.io)).toBe(2);
    expect(two.err[0]).toContain('Expected one deployment file; got 2');
  });

  it('exit 2 for an input larger than the planner imports, without reading it', async () => {
    const t = memoryIo({});
    t.io.readText = () => Promise.reject(new TooLargeError(50 * 1024 * 1024));
    expect(await main(['import', 'big.json'], t.io)).toBe(2);
    expect(t.err[0]).toMatch(/^pgflex-netplan import: big\.json: 50(\.0)? MB; the planner imports up to 32(\.0)? MB\./);
  });
});
