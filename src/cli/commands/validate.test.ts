/** `validate` and `check-client` agree: a declared client that cannot connect is an error (PGN-008), exit 1. */
import { describe, expect, it } from 'vitest';
import { exampleText } from '../../domain/testing/examples';
import { main } from '../main';
import { memoryIo } from '../testing';

interface HubDoc {
  access: { peeredVnets: { name: string }[]; peerings: { from: string; to: string }[] };
  clients: { name: string; vnet?: string; intent?: string }[];
}

/** hub-and-spoke with the peering from vnet-spoke-2 to the server VNet missing (declared on the server side only). */
function oneWaySpoke(edit: (doc: HubDoc) => void = () => {}): string {
  const doc = JSON.parse(exampleText('hub-and-spoke')) as HubDoc;
  if (doc.access.peeredVnets[1]?.name !== 'vnet-spoke-2')
    throw new Error('example changed: vnet-spoke-2 is not the second VNet');
  const peerings = doc.access.peerings;
  const missing = peerings.filter((p) => p.from === 'vnet-spoke-2' && p.to === 'vnet-orders-data');
  if (missing.length !== 1) throw new Error('example changed: no peering from vnet-spoke-2 to vnet-orders-data');
  doc.access.peerings = peerings.filter((p) => !missing.includes(p));
  edit(doc);
  return JSON.stringify(doc);
}

async function run(argv: string[], files: Record<string, string>) {
  const t = memoryIo(files);
  const code = await main(argv, t.io);
  return { code, lines: t.out.join('\n').split('\n'), err: t.err };
}

describe('validate follows the connectivity check (PGN-008)', () => {
  it('a client reached over a one-way peering: validate exits 1 naming the hop check-client fails at', async () => {
    // Its DNS server sits in vnet-hub, and vnet-spoke-2 is no longer peered with vnet-hub either: name resolution
    // fails first, then the network path.
    const files = {
      'p.json': oneWaySpoke((doc) => {
        const hubSpoke = (p: { from: string; to: string }) =>
          [p.from, p.to].sort().join(' ') === 'vnet-hub vnet-spoke-2';
        expect(doc.access.peerings.filter(hubSpoke)).toHaveLength(2);
        doc.access.peerings = doc.access.peerings.filter((p) => !hubSpoke(p));
      }),
    };
    const check = await run(['check-client', 'p.json', '--client', 'reporting-app'], files);
    expect(check.code).toBe(1);
    const summary =
      'fails at name resolution: add the peerings from vnet-spoke-2 to vnet-hub and from vnet-hub to vnet-spoke-2';
    expect(check.lines[0]).toBe(`reporting-app: NOT REACHABLE (${summary})`);
    expect(
      check.lines.some((l) =>
        l.startsWith(
          '  FAIL PGN-137 name resolution | Custom DNS server 10.0.0.4: 10.0.0.4 sits in vnet-hub, which ' +
            'vnet-spoke-2 cannot reach',
        ),
      ),
    ).toBe(true);
    expect(check.lines.some((l) => l.startsWith('  FAIL PGN-139 network path | Peering vnet-spoke-2'))).toBe(true);

    const validate = await run(['validate', 'p.json'], files);
    expect(validate.code).toBe(1);
    expect(validate.err).toEqual([]);
    expect(validate.lines.filter((l) => l.includes(': ERROR '))).toEqual([
      'p.json: ERROR PGN-008 clients.1.intent: Client "reporting-app" must reach the server but cannot: ' +
        `the connectivity check ${summary} (failing hop: Custom DNS server 10.0.0.4, PGN-137).`,
    ]);
  });

  it('over a one-way peering and nothing else: the error names the peering, PGN-139 does not repeat it', async () => {
    // Azure-provided DNS in vnet-spoke-2: the peering is the only failing hop.
    const doc = JSON.parse(
      oneWaySpoke((d) => {
        (d.access.peeredVnets[1] as { dns?: unknown }).dns = { kind: 'azure' };
      }),
    ) as HubDoc;
    const files = { 'p.json': JSON.stringify(doc) };
    const check = await run(['check-client', 'p.json', '--client', 'reporting-app'], files);
    expect(check.code).toBe(1);
    expect(check.lines[0]).toBe(
      'reporting-app: NOT REACHABLE (fails at network path: add the peering from vnet-spoke-2 to vnet-orders-data)',
    );
    const validate = await run(['validate', 'p.json'], files);
    expect(validate.code).toBe(1);
    expect(validate.lines.filter((l) => / (ERROR|WARNING) /.test(l))).toEqual([
      'p.json: ERROR PGN-008 clients.1.intent: Client "reporting-app" must reach the server but cannot: ' +
        'the connectivity check fails at network path: add the peering from vnet-spoke-2 to vnet-orders-data ' +
        '(failing hop: Peering vnet-spoke-2 ↔ vnet-orders-data, PGN-139).',
    ]);
  });

  it('the same plan with that client declared must-not-reach: validate exits 0, check-client exits 1', async () => {
    const files = {
      'p.json': oneWaySpoke((doc) => {
        doc.clients[1]!.intent = 'mustNotReach';
      }),
    };
    expect((await run(['validate', 'p.json'], files)).code).toBe(0);
    expect((await run(['check-client', 'p.json', '--client', 'reporting-app'], files)).code).toBe(1);
  });

  it('a must-not-reach client that can connect: validate exits 1', async () => {
    const doc = JSON.parse(exampleText('hub-and-spoke')) as HubDoc;
    doc.clients[1]!.intent = 'mustNotReach';
    const r = await run(['validate', 'p.json'], { 'p.json': JSON.stringify(doc) });
    expect(r.code).toBe(1);
    expect(r.lines.filter((l) => l.includes(': ERROR '))).toEqual([
      'p.json: ERROR PGN-008 clients.1.intent: Client "reporting-app" must not reach the server, but it can ' +
        '(reachable: Peering vnet-spoke-2 ↔ vnet-orders-data). Block it (an NSG or firewall rule that leaves it ' +
        'out, or no route to the server), or declare that it must reach the server.',
    ]);
  });

  it('a client VNet written in another case: validate and check-client both pass', async () => {
    const doc = JSON.parse(exampleText('hub-and-spoke')) as HubDoc;
    doc.clients[1]!.vnet = 'VNET-SPOKE-2';
    const files = { 'p.json': JSON.stringify(doc) };
    const validate = await run(['validate', 'p.json'], files);
    expect(validate.code).toBe(0);
    expect(validate.lines.filter((l) => / (ERROR|WARNING) /.test(l))).toEqual([]);
    expect((await run(['check-client', 'p.json', '--client', 'reporting-app'], files)).code).toBe(0);
  });
});
