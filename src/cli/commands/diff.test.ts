import { describe, expect, it } from 'vitest';
import { exampleText } from '../../domain/testing/examples';
import { setIn } from '../../domain/paths';
import { importDeployedValue } from '../../import/import';
import { brokenBundles, hubSpokeBundle, type BrokenBundle } from '../../import/testing/bundles';
import { serializePlanFile } from '../../share/plan-file';
import { main } from '../main';
import { memoryIo } from '../testing';

const bundle = JSON.stringify(hubSpokeBundle());

/** The working deployment as a plan file (what `import` prints), edited at `path` when given. */
function planFile(edits: Record<string, unknown> = {}): string {
  const imported = importDeployedValue(hubSpokeBundle());
  if (!imported.ok) throw new Error(imported.message);
  const plan = Object.entries(edits).reduce((p, [path, value]) => setIn(p, path, value), imported.plan);
  return serializePlanFile(plan);
}

const nsgBroken = JSON.stringify((brokenBundles().find((b) => b.hop.ruleId === 'PGN-123') as BrokenBundle).bundle);

describe('diff', () => {
  it('exit 0 when the deployment matches the plan', async () => {
    const t = memoryIo({ 'plan.json': planFile(), 'bundle.json': bundle });
    expect(await main(['diff', 'plan.json', 'bundle.json'], t.io)).toBe(0);
    expect(t.out).toEqual(['The deployment matches the plan.']);
    expect(t.err).toEqual([
      'pgflex-netplan diff: note: the import has 4 things not modelled; the import command lists them.',
    ]);
  });

  it('exit 1 with one line per difference, what Azure cannot change in place, and a count', async () => {
    const t = memoryIo({ 'plan.json': planFile(), 'deployed.json': nsgBroken });
    expect(await main(['diff', 'plan.json', 'deployed.json'], t.io)).toBe(1);
    expect(t.out.join('\n').split('\n')).toEqual([
      'EXTRA NSG nsg-postgres rule deny-app: deployed Deny Inbound Tcp priority 200 from 10.30.1.0/24:* to *:5432 ' +
        '[access.delegatedSubnet.nsg.rules]',
      '1 difference.',
    ]);
    const planned = planFile({
      'access.delegatedSubnet.prefix': '10.20.0.0/27',
      'access.peeredVnets.1.zoneLink': true,
      'access.delegatedSubnet.nsg.rules': [],
    });
    const u = memoryIo({ 'plan.json': planned, 'deployed.json': nsgBroken });
    expect(await main(['diff', 'plan.json', 'deployed.json'], u.io)).toBe(1);
    expect(u.out.join('\n').split('\n')).toEqual([
      'CHANGED Delegated subnet snet-postgres prefix: planned 10.20.0.0/27; deployed 10.20.0.0/28 ' +
        '[access.delegatedSubnet.prefix]',
      "    not in place: The delegated subnet's size can't change while the server is in it (azure-facts.md §1.2): " +
        'it takes a new subnet, and a new server in it.',
      'EXTRA NSG nsg-postgres rule deny-app: deployed Deny Inbound Tcp priority 200 from 10.30.1.0/24:* to *:5432 ' +
        '[access.delegatedSubnet.nsg.rules]',
      'EXTRA NSG nsg-postgres rule allow-app: deployed Allow Inbound Tcp priority 300 from 10.30.0.0/16:* to *:5432 ' +
        '[access.delegatedSubnet.nsg.rules]',
      'CHANGED Zone link of VNet vnet-app: planned linked; deployed not linked [access.peeredVnets.1.zoneLink]',
      '4 differences; 1 marked "not in place".',
    ]);
  });

  it('--format json prints the differences', async () => {
    const t = memoryIo({ 'plan.json': planFile({ 'access.peeredVnets.1.zoneLink': true }), 'b.json': bundle });
    expect(await main(['diff', 'plan.json', 'b.json', '--format', 'json'], t.io)).toBe(1);
    expect(JSON.parse(t.out.join('\n'))).toEqual([
      {
        path: 'access.peeredVnets.1.zoneLink',
        kind: 'changed',
        what: 'Zone link of VNet vnet-app',
        planned: 'linked',
        deployed: 'not linked',
        notInPlace: null,
      },
    ]);
    const same = memoryIo({ 'plan.json': planFile(), 'b.json': bundle });
    expect(await main(['diff', 'plan.json', 'b.json', '--format', 'json'], same.io)).toBe(0);
    expect(JSON.parse(same.out.join('\n'))).toEqual([]);
  });

  it("compares the deployment's only server whatever its name; --server picks one by name", async () => {
    const renamed = planFile({ 'servers.0.name': 'pg-orders-next' });
    const t = memoryIo({ 'plan.json': renamed, 'b.json': bundle });
    expect(await main(['diff', 'plan.json', 'b.json'], t.io)).toBe(1);
    expect(t.out.join('\n').split('\n')).toEqual([
      'MISSING Server pg-orders-next: planned PostgreSQL 16 in westeurope [servers.0]',
      'EXTRA Server pg-orders: deployed PostgreSQL 16 in westeurope [servers]',
      '2 differences.',
    ]);
    const s = memoryIo({ 'plan.json': renamed, 'b.json': bundle });
    expect(await main(['diff', 'plan.json', 'b.json', '--server', 'pg-orders-next'], s.io)).toBe(2);
    expect(s.err).toEqual([
      'pgflex-netplan diff: b.json: The input holds no server named "pg-orders-next"; it holds pg-orders.',
    ]);
  });

  it('exit 2 for bad input: a file missing or unknown, a bundle for the plan, a plan for the bundle', async () => {
    const run = async (args: string[]) => {
      const t = memoryIo({ 'plan.json': planFile(), 'b.json': bundle, 'hub.json': exampleText('hub-and-spoke') });
      const code = await main(['diff', ...args], t.io);
      return { code, err: t.err.join('\n'), out: t.out };
    };
    const one = await run(['plan.json']);
    expect(one.code).toBe(2);
    expect(one.err).toContain('Expected a plan file and a deployment file');
    const three = await run(['plan.json', 'b.json', 'b.json']);
    expect(three.code).toBe(2);
    expect(three.err).toContain('got 3 files');
    const missing = await run(['plan.json', 'nowhere.json']);
    expect(missing).toEqual({ code: 2, err: 'pgflex-netplan diff: nowhere.json: no such file.', out: [] });
    const swapped = await run(['b.json', 'plan.json']);
    expect(swapped.code).toBe(2);
    expect(swapped.err).toMatch(/^pgflex-netplan diff: b\.json: /);
    const plans = await run(['hub.json', 'plan.json']);
    expect(plans.code).toBe(2);
    expect(plans.err).toContain('plan.json: This is a plan file, not a deployment');
    expect(plans.out).toEqual([]);
  });
});
