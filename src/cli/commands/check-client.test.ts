import { describe, expect, it } from 'vitest';
import { main } from '../main';
import { memoryIo } from '../testing';
import { exampleText } from '../../domain/testing/examples';

const hub = exampleText('hub-and-spoke');

/**
 * The hub-and-spoke example with vnet-spoke-2 no longer linked to the zone, and resolving names with Azure's DNS
 * itself (not the hub's DNS servers), so that its own zone link decides.
 */
function unlinkedSpoke(): string {
  const doc = JSON.parse(hub) as { access: { peeredVnets: { zoneLink: boolean; dns: unknown }[] } };
  const spoke = doc.access.peeredVnets[1];
  if (spoke === undefined) throw new Error('example changed: no second peered VNet');
  spoke.zoneLink = false;
  spoke.dns = { kind: 'azure' };
  return JSON.stringify(doc);
}

describe('check-client', () => {
  it('prints the verdict and one line per hop; exit 0 when reachable', async () => {
    const t = memoryIo({ 'p.json': hub });
    expect(await main(['check-client', 'p.json', '--client', 'reporting-app'], t.io)).toBe(0);
    const text = t.out.join('\n');
    expect(text.split('\n')[0]).toMatch(/^reporting-app: REACHABLE \(reachable: /);
    expect(text).toContain('PASS PGN-137 name resolution | Custom DNS server 10.0.0.4');
    expect(text).toContain('PASS PGN-135 network path | Peering vnet-spoke-2 ↔ vnet-orders-data');
    expect(text).toContain('INFO PGN-003 authentication');
    expect(t.err).toEqual([]);
  });

  it('exit 1 when the client cannot reach the server, with the fix and the field to change', async () => {
    const t = memoryIo({ 'p.json': unlinkedSpoke() });
    expect(await main(['check-client', 'p.json', '--client', 'reporting-app'], t.io)).toBe(1);
    const text = t.out.join('\n');
    expect(text).toContain('NOT REACHABLE (fails at name resolution: link the zone to vnet-spoke-2)');
    expect(text).toContain('FAIL PGN-134 name resolution');
    expect(text).toContain('fix: link the zone to vnet-spoke-2 [access.peeredVnets.1.zoneLink]');
  });

  it('--format json prints the check object', async () => {
    const t = memoryIo({ 'p.json': unlinkedSpoke() });
    expect(await main(['check-client', 'p.json', '--client', 'reporting-app', '--format', 'json'], t.io)).toBe(1);
    const parsed = JSON.parse(t.out.join('')) as {
      client: string;
      verdict: string;
      hops: { kind: string; status: string; ruleId?: string }[];
    };
    expect(parsed.client).toBe('reporting-app');
    expect(parsed.verdict).toBe('unreachable');
    expect(parsed.hops[0]).toMatchObject({ kind: 'dns', status: 'fail', ruleId: 'PGN-134' });
  });

  it('exit 2 for an unknown client, listing the known ones, and for a missing --client', async () => {
    const t = memoryIo({ 'p.json': hub });
    expect(await main(['check-client', 'p.json', '--client', 'nobody'], t.io)).toBe(2);
    expect(t.err).toEqual([
      'pgflex-netplan check-client: No client named "nobody" in the plan. ' +
        'Clients in the plan: orders-api, reporting-app, analyst-laptops.',
    ]);
    const u = memoryIo({ 'p.json': hub });
    expect(await main(['check-client', 'p.json'], u.io)).toBe(2);
    expect(u.err[0]).toContain('--client NAME or --from ADDRESS is required');
  });

  it('exit 2 for bad input: no file, not a plan, unknown option, bad format', async () => {
    const a = memoryIo({});
    expect(await main(['check-client', 'missing.json', '--client', 'x'], a.io)).toBe(2);
    expect(a.err[0]).toContain('missing.json: no such file.');
    const b = memoryIo({ 'p.json': '{"formatVersion": 1}' });
    expect(await main(['check-client', 'p.json', '--client', 'x'], b.io)).toBe(2);
    expect(b.err).toHaveLength(1);
    const c = memoryIo({ 'p.json': hub });
    expect(await main(['check-client', 'p.json', '--client', 'orders-api', '--verbose', 'yes'], c.io)).toBe(2);
    expect(c.err[0]).toMatch(/Unknown option --verbose/);
    const d = memoryIo({ 'p.json': hub });
    expect(await main(['check-client', 'p.json', '--client', 'orders-api', '--format', 'yaml'], d.io)).toBe(2);
  });
});
