/** Amended PGN-137: the forwarding requirement, read with PGN-142's placement of each DNS server. */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { renderRulesDoc } from '../docs';
import { privatePlan } from '../fixtures';
import { evaluate } from '../index';
import { pgn137 } from './pgn-137-custom-dns';

const of = (plan: Plan): Finding[] => evaluate(plan).filter((f) => f.ruleId === 'PGN-137');
const custom = (servers: string[], forwardsToAzureDns: boolean) => ({ kind: 'custom', servers, forwardsToAzureDns });

describe('PGN-137 forwarding to 168.63.129.16 is asked of DNS servers inside Azure only', () => {
  it('a DNS server in a VNet that does not forward fails at forwardsToAzureDns, naming it', () => {
    expect(of(privatePlan(['access.vnet.dns', custom(['10.0.1.53', '10.1.0.53'], false)]))).toEqual([
      {
        ruleId: 'PGN-137',
        severity: 'error',
        path: 'access.vnet.dns.forwardsToAzureDns',
        message:
          'VNet "vnet-a" uses custom DNS servers 10.0.1.53, 10.1.0.53 in Azure, which do not forward to ' +
          "168.63.129.16: the server's name in the private zone cannot be resolved. Add a forwarder to " +
          '168.63.129.16.',
        docs: pgn137.docs,
      },
    ]);
  });

  it('with servers both in Azure and on premises, only those in Azure are named', () => {
    const plan = privatePlan(['access.vnet.dns', custom(['192.168.10.53', '10.0.1.53'], false)]);
    expect(of(plan).map((f) => f.message)).toEqual([
      'VNet "vnet-a" uses custom DNS server 10.0.1.53 in Azure, which does not forward to 168.63.129.16: the ' +
        "server's name in the private zone cannot be resolved. Add a forwarder to 168.63.129.16.",
    ]);
  });

  it('on-premises DNS servers whose site forwards the zone into Azure need no forwarder to 168.63.129.16', () => {
    expect(of(privatePlan(['access.vnet.dns', custom(['192.168.10.53'], false)]))).toEqual([]);
  });

  it('168.63.129.16 itself needs no forwarder and is reachable from every VNet', () => {
    expect(of(privatePlan(['access.vnet.dns', custom(['168.63.129.16'], false)]))).toEqual([]);
  });

  it('still reports an empty list, a malformed address and an unreachable one', () => {
    expect(of(privatePlan(['access.vnet.dns', custom([], true)])).map((f) => f.path)).toEqual([
      'access.vnet.dns.servers',
    ]);
    const plan = privatePlan(['access.vnet.dns', custom(['10.0.1.999', '172.16.0.53'], true)]);
    expect(of(plan).map((f) => [f.path, f.message])).toEqual([
      [
        'access.vnet.dns.servers.0',
        expect.stringMatching(/^Custom DNS server of VNet "vnet-a": 10\.0\.1\.999 is not a valid IPv4 address/),
      ],
      [
        'access.vnet.dns.servers.1',
        'Custom DNS server 172.16.0.53 of VNet "vnet-a" is not inside the VNet, a peered VNet or a connected ' +
          'on-premises site: the VNet cannot reach it. Put the DNS server in one of them, use 168.63.129.16 ' +
          '(Azure DNS), or fix the address.',
      ],
    ]);
  });
});

describe('PGN-137 docs: on premises forwards to a resolver in Azure, never to 168.63.129.16 directly', () => {
  const section = renderRulesDoc().split('<a id="pgn-137"></a>')[1]?.split('<a id=')[0] ?? '';

  it('the generated docs say so', () => {
    expect(section).toContain('on premises, forward the zone to a resolver in Azure');
    expect(section).toContain('never to 168.63.129.16 directly');
    expect(section).toContain('a DNS server on premises cannot reach 168.63.129.16');
  });

  it('no longer tells an on-premises DNS server to forward to 168.63.129.16', () => {
    // The first release's advice: "Configure a forwarder to 168.63.129.16 on the DNS servers, place them in the
    // VNet, a peered VNet linked to the zone, or a connected on-premises site".
    expect(pgn137.fix).not.toMatch(/forwarder to 168\.63\.129\.16 on the DNS servers, place them/);
    expect(pgn137.title).not.toContain('forward to 168.63.129.16');
  });
});
