/** PGN-224: public network access off, and what that does to the firewall rules (and to PGN-201 and its kin). */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { publicPePlan, publicPlan, type Edit } from '../fixtures';
import { evaluate } from '../index';

const ids = (plan: Plan) => [...new Set(evaluate(plan).map((f) => f.ruleId))];
const found = (plan: Plan) =>
  evaluate(plan)
    .filter((f) => f.ruleId === 'PGN-224')
    .map((f) => [f.path, f.message]);
const off: Edit = ['access.publicNetworkAccess', false];

describe('PGN-224 public network access off', () => {
  it('firewall rules and "allow Azure services" do nothing', () => {
    const plan = publicPePlan(
      off,
      ['access.allowAzureServices', true],
      ['access.firewallRules.1', { name: 'home', startIp: '198.51.100.7', endIp: '198.51.100.7' }],
    );
    expect(found(plan)).toEqual([
      [
        'access.allowAzureServices',
        'Public network access is off: "allow Azure services" does nothing; only private endpoints carry traffic. ' +
          'Turn it off, or turn public network access on.',
      ],
      [
        'access.firewallRules',
        'Public network access is off: the 2 firewall rules are not enforced and do nothing; only private ' +
          'endpoints carry traffic. Remove them, or turn public network access on.',
      ],
    ]);
    expect(found(publicPePlan(off))[0]?.[1]).toBe(
      'Public network access is off: the firewall rule is not enforced and does nothing; only private endpoints ' +
        'carry traffic. Remove it, or turn public network access on.',
    );
  });

  it('without a private endpoint nothing can connect', () => {
    expect(found(publicPlan(off, ['access.firewallRules', []]))).toEqual([
      [
        'access.publicNetworkAccess',
        'Public network access is off and the plan has no private endpoint: nothing can connect to the server. ' +
          'Add a private endpoint, or turn public network access on.',
      ],
    ]);
  });

  it('the hub plan (access off, endpoints, no rules) and public access on pass', () => {
    expect(found(privateEndpointHubPlan())).toEqual([]);
    expect(found(publicPePlan(['access.allowAzureServices', true]))).toEqual([]);
  });

  it('with access off, the firewall warnings and infos that no longer apply stay quiet', () => {
    const wide = ['access.firewallRules.0', { name: 'all', startIp: '0.0.0.0', endIp: '255.255.255.255' }] as const;
    const lan = ['access.firewallRules.1', { name: 'lan', startIp: '10.0.0.0', endIp: '10.0.0.255' }] as const;
    const on = ids(publicPlan(wide, lan, ['access.allowAzureServices', true]));
    expect(on).toEqual(expect.arrayContaining(['PGN-205', 'PGN-206', 'PGN-210', 'PGN-211', 'PGN-213']));
    const quiet = ids(publicPlan(off, wide, lan, ['access.allowAzureServices', true]));
    for (const id of ['PGN-201', 'PGN-205', 'PGN-206', 'PGN-210', 'PGN-211', 'PGN-213'])
      expect(quiet).not.toContain(id);
    expect(ids(publicPlan(off, ['access.firewallRules', []]))).not.toContain('PGN-201');
  });
});
