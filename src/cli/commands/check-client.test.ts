import { describe, expect, it } from 'vitest';
import { HOP_KIND_LABEL } from '../../checker';
import { parseArmId } from '../../import/arm-id';
import { main } from '../main';
import { memoryIo } from '../testing';
import { exampleText } from '../../domain/testing/examples';
import {
  APP_ADDRESS,
  brokenBundles,
  hubSpokeBundle,
  SUBSCRIPTION,
  type BrokenBundle,
} from '../../import/testing/bundles';

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

  it('the private endpoint example: the office reaches the endpoint over ExpressRoute through the hub', async () => {
    const t = memoryIo({ 'p.json': exampleText('private-endpoint-hub') });
    expect(await main(['check-client', 'p.json', '--client', 'finance-office'], t.io)).toBe(0);
    const text = t.out.join('\n');
    expect(text.split('\n')[0]).toBe(
      'finance-office: REACHABLE (reachable: ExpressRoute gateway in vnet-hub, then Private endpoint ' +
        'pe-pg-contoso-ledger)',
    );
    expect(text).toContain('PASS PGN-223 name resolution | On-premises DNS forwarding');
    expect(text).toContain('PASS PGN-113 network path | ExpressRoute gateway in vnet-hub');
    expect(text).toContain('PASS PGN-220 network path | Private endpoint pe-pg-contoso-ledger: pe-pg-contoso-ledger');
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

const bundle = JSON.stringify(hubSpokeBundle());

/** A broken deployment of the fixtures, by the rule its failing hop reports. */
function brokenBy(ruleId: string): BrokenBundle {
  const found = brokenBundles().find((b) => b.hop.ruleId === ruleId);
  if (found === undefined) throw new Error(`no broken deployment fails at ${ruleId}`);
  return found;
}

describe('check-client on a deployment, --from ADDRESS', () => {
  it('the fixtures hold the three broken deployments of the issue', () => {
    expect(brokenBundles().map((b) => b.hop.ruleId)).toEqual(['PGN-134', 'PGN-123', 'PGN-137']);
  });

  for (const broken of brokenBundles())
    it(`names the failing hop, the fix and the deployed resource to change: ${broken.name}`, async () => {
      const t = memoryIo({ 'b.json': JSON.stringify(broken.bundle) });
      expect(await main(['check-client', 'b.json', '--from', broken.client], t.io)).toBe(1);
      const lines = t.out.join('\n').split('\n');
      expect(lines[0]).toMatch(/^\S+ is in VNet \S+, subnet \S+\.$/);
      expect(lines[0]?.startsWith(`${broken.client} is in `)).toBe(true);
      expect(lines[1]?.startsWith(`application at ${broken.client}: NOT REACHABLE (`)).toBe(true);
      const fails = lines.flatMap((l, n) => (l.startsWith('  FAIL') ? [n] : []));
      expect(fails).toHaveLength(1);
      const at = fails[0] as number;
      expect(lines[at]?.startsWith(`  FAIL ${broken.hop.ruleId} ${HOP_KIND_LABEL[broken.hop.kind]} | `)).toBe(true);
      expect(lines[at]).toMatch(broken.failingHop);
      expect(lines[at + 1]).toMatch(/^ {7}fix: \S.* \[access\.[\w.]+\]$/);
      const id = parseArmId(broken.hop.resourceId);
      if (id === null) throw new Error(`not a resource ID: ${broken.hop.resourceId}`);
      // `resource: <type> <name> in resource group <rg>, subscription <id>`: the type's word is pinned below.
      const words = ` ${id.names.at(-1) ?? ''} in resource group ${id.resourceGroup}, subscription ${id.subscription}`;
      expect(lines[at + 2]?.startsWith('       resource: ')).toBe(true);
      expect(lines[at + 2]?.endsWith(words)).toBe(true);
      expect(lines[at + 3]).toBe(`       id: ${broken.hop.resourceId}`);
      expect(t.err).toEqual([expect.stringMatching(/^pgflex-netplan check-client: note: the import has \d+ /)]);
    });

  it('words each failing hop as the README shows it', async () => {
    const fixes = [];
    for (const ruleId of ['PGN-134', 'PGN-123', 'PGN-137']) {
      const broken = brokenBy(ruleId);
      const t = memoryIo({ 'b.json': JSON.stringify(broken.bundle) });
      await main(['check-client', 'b.json', '--from', broken.client], t.io);
      const lines = t.out.join('\n').split('\n');
      const at = lines.findIndex((l) => l.startsWith('  FAIL'));
      fixes.push(lines.slice(at + 1, at + 3));
    }
    expect(fixes).toEqual([
      [
        '       fix: link the zone to vnet-app [access.peeredVnets.1.zoneLink]',
        '       resource: Private DNS zone orders.private.postgres.database.azure.com in resource group rg-dns, ' +
          'subscription 0b9e8d7c-6a5b-4c3d-8e2f-1a2b3c4d5e6f',
      ],
      [
        `       fix: allow TCP 5432 from ${APP_ADDRESS} in nsg-postgres [access.delegatedSubnet.nsg.rules.0]`,
        `       resource: NSG nsg-postgres in resource group rg-orders-data, subscription ${SUBSCRIPTION}`,
      ],
      [
        expect.stringMatching(
          /^ {7}fix: make \S+ forward postgres\.database\.azure\.com to 168\.63\.129\.16 \[access\.peeredVnets\.1\.dns\.forwardsToAzureDns\]$/,
        ),
        `       resource: VNet vnet-app in resource group rg-app, subscription ${SUBSCRIPTION}`,
      ],
    ]);
    const nsg = brokenBy('PGN-123');
    const t = memoryIo({ 'b.json': JSON.stringify(nsg.bundle) });
    await main(['check-client', 'b.json', '--from', nsg.client], t.io);
    expect(t.out.join('\n')).toContain(
      `  FAIL PGN-123 filtering | NSG nsg-postgres: nsg-postgres denies TCP 5432 from ${APP_ADDRESS} to ` +
        'snet-postgres (10.20.0.0/28): rule deny-app (priority 200) decides.',
    );
  });

  it('exit 0 for the working deployment', async () => {
    const t = memoryIo({ 'b.json': bundle });
    expect(await main(['check-client', 'b.json', '--from', APP_ADDRESS], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain(`application at ${APP_ADDRESS}: REACHABLE`);
    expect(t.out.join('\n')).not.toContain('resource:');
  });

  it('--format json: the check, where the address is, and each fix with the resource ID to change', async () => {
    const broken = brokenBy('PGN-123');
    const t = memoryIo({ 'b.json': JSON.stringify(broken.bundle) });
    expect(await main(['check-client', 'b.json', '--from', APP_ADDRESS, '--format', 'json'], t.io)).toBe(1);
    const parsed = JSON.parse(t.out.join('\n')) as {
      client: string;
      verdict: string;
      from: unknown;
      hops: { status: string; resourceId?: string }[];
    };
    expect(parsed.client).toBe(`application at ${APP_ADDRESS}`);
    expect(parsed.verdict).toBe('unreachable');
    expect(parsed.from).toEqual({
      address: APP_ADDRESS,
      where: 'VNet vnet-app',
      path: 'access.peeredVnets.1',
      subnet: 'snet-app',
    });
    const failing = parsed.hops.filter((h) => h.status === 'fail');
    expect(failing).toHaveLength(1);
    expect(failing[0]?.resourceId).toBe(broken.hop.resourceId);
    expect(parsed.hops.filter((h) => h.resourceId !== undefined)).toHaveLength(1);
  });

  it('works on a plan file too; --client then names the new client, and must be a new name', async () => {
    const p = memoryIo({ 'p.json': hub });
    expect(await main(['check-client', 'p.json', '--from', '10.20.1.25', '--client', 'api'], p.io)).toBe(0);
    expect(p.out[0]).toBe('10.20.1.25 is in subnet snet-app of the server VNet vnet-orders-data.');
    expect(p.out.join('\n')).toContain('api: REACHABLE');
    expect(p.out.join('\n')).not.toContain('resource:');
    expect(p.err).toEqual([]);
    const taken = memoryIo({ 'p.json': hub });
    expect(await main(['check-client', 'p.json', '--from', '10.20.1.25', '--client', 'Orders-API'], taken.io)).toBe(2);
    expect(taken.err[0]).toContain('The plan already has a client named "Orders-API"');
    const office = memoryIo({ 'p.json': hub });
    expect(await main(['check-client', 'p.json', '--from', '192.168.10.7'], office.io)).toBe(0);
    expect(office.out[0]).toBe('192.168.10.7 is in the on-premises site office-amsterdam.');
  });

  it('an internet address against a private server: not reachable, no public endpoint', async () => {
    const t = memoryIo({ 'b.json': bundle });
    expect(await main(['check-client', 'b.json', '--from', '203.0.113.9'], t.io)).toBe(1);
    expect(t.out[0]).toBe('203.0.113.9 is in the internet.');
    expect(t.out.join('\n')).toMatch(/FAIL PGN-113 network path \| No public endpoint/);
  });

  it('exit 2: an address in no network, not an address, no --client or --from, --server misused', async () => {
    const run = async (args: string[], files: Record<string, string> = { 'b.json': bundle }) => {
      const t = memoryIo(files);
      const code = await main(['check-client', ...args], t.io);
      return { code, err: t.err.join('\n'), out: t.out };
    };
    const nowhere = await run(['b.json', '--from', '192.168.7.7']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.err).toContain("192.168.7.7 is a private address in none of the plan's networks");
    expect(nowhere.err).toContain('The on-premises site ergw-hub has no address ranges yet.');
    expect(nowhere.out).toEqual([]);
    const bad = await run(['b.json', '--from', '10.30.1']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"10.30.1" is not an IPv4 address');
    const neither = await run(['b.json']);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain(
      '--client NAME or --from ADDRESS is required. A deployment has no clients: give --from with the address',
    );
    const plan = await run(['p.json', '--client', 'orders-api', '--server', 'pg'], { 'p.json': hub });
    expect(plan.code).toBe(2);
    expect(plan.err).toContain('p.json is a plan file: --server picks the server of a deployment only.');
    const unknown = await run(['b.json', '--from', APP_ADDRESS, '--server', 'pg-nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('b.json: The input holds no server named "pg-nope"; it holds pg-orders.');
  });
});
