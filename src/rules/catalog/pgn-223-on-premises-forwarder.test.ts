/** PGN-223: an on-premises site with clients forwards postgres.database.azure.com to a resolver in Azure. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { renderRulesDoc } from '../docs';
import { publicPePlan, publicPlan, type Edit } from '../fixtures';
import { evaluate } from '../index';

const of = (plan: Plan) => evaluate(plan).filter((f) => f.ruleId === 'PGN-223');
const found = (...edits: Edit[]) => of(publicPePlan(...edits)).map((f) => [f.path, f.message]);
const RESOLVER =
  'a resolver inside Azure (an Azure DNS Private Resolver inbound endpoint or a DNS server in a linked VNet)';

describe('PGN-223 on-premises DNS forwarding with private endpoints', () => {
  it('the hub pattern passes; the forwarded zone may be absent (the one needed) or end with a dot', () => {
    expect(of(privateEndpointHubPlan())).toEqual([]);
    expect(found()).toEqual([]);
    expect(found(['access.onPremises.0.forwardedZone', 'postgres.database.azure.com.'])).toEqual([]);
  });

  it('a site with clients and no forwarder fails at dnsForwarder', () => {
    expect(found(['access.onPremises.0.dnsForwarder', false])).toEqual([
      [
        'access.onPremises.0.dnsForwarder',
        'On-premises site "office" (client "laptops") has no DNS forwarder into Azure: its clients get the ' +
          "server's public address and never use the private endpoint. Add a conditional forwarder for " +
          `postgres.database.azure.com to ${RESOLVER}, and mark it on the site.`,
      ],
    ]);
  });

  it('forwarding the privatelink zone is the named mistake', () => {
    expect(found(['access.onPremises.0.forwardedZone', 'privatelink.postgres.database.azure.com'])).toEqual([
      [
        'access.onPremises.0.forwardedZone',
        'On-premises site "office" (client "laptops") forwards privatelink.postgres.database.azure.com to Azure, ' +
          "the zone Microsoft's guidance says not to forward: forward the public zone postgres.database.azure.com " +
          'instead (the name clients ask for).',
      ],
    ]);
    expect(found(['access.onPremises.0.forwardedZone', 'database.windows.net'])).toEqual([
      [
        'access.onPremises.0.forwardedZone',
        'On-premises site "office" (client "laptops") forwards database.windows.net to Azure, which does not hold ' +
          "the server's name: forward postgres.database.azure.com instead.",
      ],
    ]);
  });

  it('the resolver it forwards to needs a VNet linked to the zone', () => {
    const edits: Edit[] = [
      ['access.peeredVnets.0.zoneLink', false],
      [
        'clients',
        [
          { kind: 'onPremises', name: 'a', site: 'office' },
          { kind: 'onPremises', name: 'b', site: 'office' },
        ],
      ],
    ];
    expect(found(...edits)).toEqual([
      [
        'access.onPremises.0.dnsForwarder',
        'On-premises site "office" (clients "a", "b") forwards postgres.database.azure.com to a resolver in Azure, ' +
          'but no VNet of the plan is linked to zone privatelink.postgres.database.azure.com: the resolver cannot ' +
          'answer with the endpoint\'s address. Link the resolver\'s VNet (e.g. "vnet-hub") to the zone.',
      ],
    ]);
  });

  it('asks nothing of a site without clients, a site without a connection, or a plan without endpoints', () => {
    const off: Edit = ['access.onPremises.0.dnsForwarder', false];
    expect(found(off, ['clients.2', { kind: 'internet', name: 'x', address: '198.51.100.7' }])).toEqual([]);
    expect(found(off, ['access.onPremises.0.connection', 'none'])).toEqual([]);
    expect(of(publicPlan(['access.onPremises', [{ name: 'office', addressRanges: [] }]]))).toEqual([]);
  });

  it('the docs say to forward the public zone, not the privatelink one', () => {
    const section = renderRulesDoc().split('<a id="pgn-223"></a>')[1]?.split('<a id=')[0] ?? '';
    expect(section).toContain('forwards the public zone postgres.database.azure.com');
    expect(section).toContain('not privatelink.postgres.database.azure.com');
  });
});
