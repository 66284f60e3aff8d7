/** PGN-142: where a custom DNS server can sit (not in the delegated subnet; on premises only with a forwarder). */
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../domain/finding';
import { setIn } from '../../domain/paths';
import type { Plan } from '../../domain/plan';
import { privateInput, privatePlan } from '../fixtures';
import { evaluate } from '../index';
import { PlanSchema } from '../plan-schema';

const of = (plan: Plan, ruleId = 'PGN-142'): Finding[] => evaluate(plan).filter((f) => f.ruleId === ruleId);
const dnsFindings = (plan: Plan) =>
  evaluate(plan)
    .filter((f) => f.ruleId === 'PGN-137' || f.ruleId === 'PGN-142')
    .map((f) => [f.ruleId, f.path, f.message]);
const custom = (servers: string[], forwardsToAzureDns = true) => ({ kind: 'custom', servers, forwardsToAzureDns });
const RESOLVER =
  'a resolver inside Azure (an Azure DNS Private Resolver inbound endpoint or a DNS server in a linked VNet)';
const ZONE = 'pg-test.private.postgres.database.azure.com';

describe('PGN-142 168.63.129.16 is a valid custom DNS server', () => {
  it.each([true, false])('in the server VNet (forwardsToAzureDns %s): no finding of PGN-137 or PGN-142', (fwd) => {
    expect(dnsFindings(privatePlan(['access.vnet.dns', custom(['168.63.129.16'], fwd)]))).toEqual([]);
  });

  it('in a peered VNet, next to a DNS server of its own', () => {
    const plan = privatePlan(['access.peeredVnets.0.dns', custom(['10.1.0.4', '168.63.129.16'])]);
    expect(dnsFindings(plan)).toEqual([]);
  });
});

describe('PGN-142 no DNS server in the delegated subnet', () => {
  it.each(['10.0.0.4', '10.0.0.0', '10.0.0.15'])('%s (in 10.0.0.0/28) fails at the address', (ip) => {
    expect(dnsFindings(privatePlan(['access.vnet.dns', custom([ip])]))).toEqual([
      [
        'PGN-142',
        'access.vnet.dns.servers.0',
        `Custom DNS server ${ip} of VNet "vnet-a" is inside the delegated subnet 10.0.0.0/28, where only flexible ` +
          'servers can live: no DNS server can run there. Use the address of a DNS server in another subnet, or ' +
          '168.63.129.16 (Azure DNS).',
      ],
    ]);
  });

  it('10.0.0.16, just past the delegated subnet, is a DNS server in the VNet and passes', () => {
    expect(dnsFindings(privatePlan(['access.vnet.dns', custom(['10.0.0.16'])]))).toEqual([]);
  });

  it("a peered VNet's DNS setting is checked too, and the server is not also reported as needing a forwarder", () => {
    const plan = privatePlan(['access.peeredVnets.0.dns', custom(['10.1.0.4', '10.0.0.5'], false)]);
    expect(dnsFindings(plan).map(([rule, path]) => [rule, path])).toEqual([
      ['PGN-137', 'access.peeredVnets.0.dns.forwardsToAzureDns'],
      ['PGN-142', 'access.peeredVnets.0.dns.servers.1'],
    ]);
    expect(of(plan, 'PGN-137')[0]?.message).toContain('custom DNS server 10.1.0.4 in Azure, which does not forward');
  });
});

describe('PGN-142 a DNS server on premises forwards the zone to a resolver inside Azure', () => {
  const onPrem = (forwardsToAzureDns: boolean, siteForwards: boolean) =>
    privatePlan(
      ['access.vnet.dns', custom(['192.168.10.53'], forwardsToAzureDns)],
      ['access.onPremises.0.dnsForwarder', siteForwards],
    );

  it('a site without that forwarder fails, even where the plan says its servers forward to 168.63.129.16', () => {
    expect(dnsFindings(onPrem(true, false))).toEqual([
      [
        'PGN-142',
        'access.vnet.dns.servers.0',
        'Custom DNS server 192.168.10.53 of VNet "vnet-a" sits on on-premises site "office", which cannot reach ' +
          '168.63.129.16 (the plan says these DNS servers forward to it): Azure DNS answers only inside Azure. The ' +
          `DNS of "office" must forward ${ZONE} to ${RESOLVER}; add that conditional forwarder and mark it on the ` +
          'site.',
      ],
    ]);
    expect(of(onPrem(false, false)).map((f) => f.message)).toEqual([
      'Custom DNS server 192.168.10.53 of VNet "vnet-a" sits on on-premises site "office", which cannot reach ' +
        '168.63.129.16: Azure DNS answers only inside Azure. The ' +
        `DNS of "office" must forward ${ZONE} to ${RESOLVER}; add that conditional forwarder and mark it on the ` +
        'site.',
    ]);
  });

  it('a site that forwards the zone into Azure passes, and needs no forwarder to 168.63.129.16 (PGN-137)', () => {
    expect(dnsFindings(onPrem(false, true))).toEqual([]);
    expect(dnsFindings(onPrem(true, true))).toEqual([]);
  });

  it('without a zone, the message names the zone suffix to forward', () => {
    const plan = privatePlan(
      ['access.vnet.dns', custom(['192.168.10.53'])],
      ['access.onPremises.0.dnsForwarder', false],
      ['access.privateDnsZone', null],
    );
    expect(of(plan)[0]?.message).toContain('must forward postgres.database.azure.com to a resolver inside Azure');
  });

  it('a site that is not connected is unreachable: PGN-137 reports it, PGN-142 does not', () => {
    const plan = privatePlan(
      ['access.vnet.dns', custom(['192.168.10.53'])],
      ['access.onPremises.0.connection', 'none'],
      ['access.onPremises.0.dnsForwarder', false],
    );
    expect(dnsFindings(plan).map(([rule, path]) => [rule, path])).toEqual([['PGN-137', 'access.vnet.dns.servers.0']]);
  });
});

describe('PGN-142 through the plan schema', () => {
  it('PlanSchema rejects a DNS server in the delegated subnet with the rule ID on the address', () => {
    const result = PlanSchema.safeParse(setIn(privateInput, 'access.vnet.dns', custom(['10.0.0.4'])));
    expect(result.success).toBe(false);
    const issue = result.error?.issues.find((i) => i.path.join('.') === 'access.vnet.dns.servers.0');
    expect((issue as { params?: { ruleId?: string } } | undefined)?.params?.ruleId).toBe('PGN-142');
  });

  it('PlanSchema accepts 168.63.129.16 as a custom DNS server', () => {
    expect(PlanSchema.safeParse(setIn(privateInput, 'access.vnet.dns', custom(['168.63.129.16']))).success).toBe(true);
  });
});
