/** PGN-220: a public-access plan with private endpoints is told what they give and that the mode stays fixed. */
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { privateEndpointHubPlan } from '../../domain/testing/private-endpoint-plans';
import { privatePlan, publicPePlan, publicPlan } from '../fixtures';
import { evaluate } from '../index';
import { pgn220 } from './pgn-220-private-endpoints';

const of = (plan: Plan) => evaluate(plan).filter((f) => f.ruleId === 'PGN-220');

describe('PGN-220 private endpoints on a public-access server', () => {
  it('reports once at the endpoint list, saying the mode cannot change', () => {
    expect(of(privateEndpointHubPlan())).toEqual([
      {
        ruleId: 'PGN-220',
        severity: 'info',
        path: 'access.privateEndpoints',
        message:
          '1 private endpoint gives clients a private path; the networking mode (public access) cannot change after ' +
          'creation.',
        docs: pgn220.docs,
      },
    ]);
  });

  it('counts the endpoints', () => {
    const plan = publicPePlan(['access.privateEndpoints.1', { name: 'pe-2', vnet: 'vnet-spoke', subnet: 'snet-app' }]);
    expect(of(plan).map((f) => f.message)).toEqual([expect.stringMatching(/^2 private endpoints give clients/)]);
  });

  it('stays quiet without endpoints, and in private access (PGN-112 reports endpoints there)', () => {
    expect(of(publicPlan())).toEqual([]);
    expect(of(privatePlan(['access.privateEndpoints', [{ name: 'pe-x' }]]))).toEqual([]);
  });
});
