import { describe, expect, it } from 'vitest';
import { setIn } from '../domain/paths';
import type { Plan } from '../domain/plan';
import { diffPlans } from './diff';
import { importDeployedValue } from './import';
import { brokenBundles, hubSpokeBundle } from './testing/bundles';

const deployed = (bundle = hubSpokeBundle()): Plan => {
  const r = importDeployedValue(bundle);
  if (!r.ok) throw new Error(r.message);
  return r.plan;
};

describe('diffPlans', () => {
  it('finds nothing between a deployment and itself, names in another case included', () => {
    const plan = deployed();
    expect(diffPlans(plan, plan)).toEqual([]);
    expect(diffPlans(setIn(plan, 'access.peeredVnets.0.name', 'VNET-HUB'), plan)).toEqual([]);
  });

  it('an NSG rule deployed but not planned is extra; one planned but not deployed is missing', () => {
    const planned = deployed();
    const broken = deployed((brokenBundles()[1] as { bundle: ReturnType<typeof hubSpokeBundle> }).bundle);
    expect(diffPlans(planned, broken)).toEqual([
      {
        path: 'access.delegatedSubnet.nsg.rules.0',
        kind: 'extra',
        what: 'NSG rule deny-app',
        planned: '(not in the plan)',
        deployed: 'Deny Inbound Tcp priority 200 from 10.30.1.0/24:* to *:5432',
        notInPlace: null,
      },
    ]);
    expect(diffPlans(broken, planned).map((d) => `${d.kind} ${d.what}`)).toEqual(['missing NSG rule deny-app']);
  });

  it("marks what Azure can't change in place: the delegated subnet's size, the region, the mode", () => {
    const plan = deployed();
    const bigger = setIn(plan, 'access.delegatedSubnet.prefix', '10.20.0.0/27');
    expect(diffPlans(bigger, plan)).toEqual([
      expect.objectContaining({
        path: 'access.delegatedSubnet.prefix',
        planned: '10.20.0.0/27',
        deployed: '10.20.0.0/28',
        notInPlace: expect.stringContaining("address range can't change while resources are in it") as unknown,
      }),
    ]);
    const moved = setIn(plan, 'servers.0.region', 'northeurope');
    expect(diffPlans(moved, plan)[0]?.notInPlace).toMatch(/stays in the region it was created in/);
    const publicPlan = { ...plan, access: { mode: 'public', firewallRules: [], allowAzureServices: false } } as Plan;
    expect(diffPlans(publicPlan, plan)).toEqual([
      expect.objectContaining({ path: 'access.mode', planned: 'public', deployed: 'private' }),
    ]);
    expect(diffPlans(publicPlan, plan)[0]?.notInPlace).toMatch(/networking mode can't change/);
  });

  it('a missing zone link, a peering flag and a route are changes the next window can make', () => {
    const plan = deployed();
    const planned = setIn(
      setIn(plan, 'access.peeredVnets.1.zoneLink', true),
      'access.peerings.2.allowForwardedTraffic',
      false,
    );
    expect(diffPlans(planned, plan).map((d) => [d.path, d.what, d.notInPlace])).toEqual([
      ['access.peeredVnets.1.zoneLink', 'Zone link of VNet vnet-app', null],
      ['access.peerings.2', 'Peering vnet-hub → vnet-app', null],
    ]);
  });
});
