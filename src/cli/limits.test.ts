/** `validate` of a plan over Azure's limits: refused in one line, naming the limit, before any rule runs. */
import { describe, expect, it } from 'vitest';
import { typicalPlan } from '../domain/samples';
import { main } from './main';
import { memoryIo } from './testing';

describe('CLI validate and the plan size limits', () => {
  it('refuses a plan of 100,000 identical subnets with exit 2 and the limit', async () => {
    const plan = typicalPlan();
    if (plan.access.mode !== 'private') throw new Error('expected a private plan');
    plan.access.vnet.subnets = Array.from({ length: 100_000 }, () => ({ name: 'snet-a', prefix: '10.1.0.0/24' }));
    const t = memoryIo({ 'big.json': JSON.stringify(plan) });
    expect(await main(['validate', 'big.json'], t.io)).toBe(2);
    expect(t.err).toHaveLength(1);
    expect(t.err[0]).toContain(
      'big.json: access.vnet.subnets: VNet "vnet-sample" has 100,001 subnets (the delegated one included); ' +
        'Azure allows at most 3,000 per VNet.',
    );
    expect(t.out).toEqual([]);
  });
});
