/** PGN-213 with private endpoints: endpoint traffic does not take the internet. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { publicPePlan, publicPlan } from '../fixtures';
import { evaluate } from '../index';

const messages = (plan: Plan) =>
  evaluate(plan)
    .filter((f) => f.ruleId === 'PGN-213')
    .map((f) => f.message);

describe('PGN-213 the internet path', () => {
  it('without endpoints: all traffic goes over the internet', () => {
    expect(messages(publicPlan())).toEqual([
      'With public access, traffic goes over the general internet, not a private network; connections are still ' +
        'encrypted with TLS.',
    ]);
  });

  it('with endpoints: only traffic to the public endpoint does', () => {
    expect(messages(publicPePlan())).toEqual([
      'With public access, traffic from clients that use the public endpoint goes over the general internet, not ' +
        'a private network; connections are still encrypted with TLS. Traffic through the private endpoints stays ' +
        'on private networks.',
    ]);
  });

  it('with public network access off: no traffic takes the internet, no finding', () => {
    expect(messages(publicPePlan(['access.publicNetworkAccess', false]))).toEqual([]);
  });
});
