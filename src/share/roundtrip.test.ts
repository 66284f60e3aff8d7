/** plan → link → plan and plan → file → plan for generated plans, odd strings included. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema, type Plan } from '../domain/plan';
import { decodePlanLink, encodePlanLink } from './link';
import { parsePlanFile, serializePlanFile } from './plan-file';
import { arbitraryFor } from './testing/schema-arbitrary';
import { jsonRoundTrip } from './testing/plans';
import { setIn } from '../domain/paths';
import { privateEndpointHubPlan } from '../domain/testing/private-endpoint-plans';

const planArbitrary = arbitraryFor(PlanDocumentSchema) as fc.Arbitrary<Plan>;

/**
 * Generated plans whose peerings and route tables (private access) or private endpoints (public access) name the
 * plan's own VNets, as real plans do: exactly (the link then holds the VNet's position), in another case, or by a
 * name no VNet has (the link holds the name).
 */
const referencingPlan: fc.Arbitrary<Plan> = planArbitrary.chain((plan) => {
  const access = plan.access;
  const names = [...(access.mode === 'private' ? [access.vnet.name] : []), ...access.peeredVnets.map((v) => v.name)];
  if (names.length === 0) return fc.constant(plan);
  const vnet = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...names) },
    fc.constantFrom(...names).map((n) => n.toUpperCase()),
    fc.string(),
  );
  const peering = fc.record({
    from: vnet,
    to: vnet,
    allowForwardedTraffic: fc.boolean(),
    allowGatewayTransit: fc.boolean(),
    useRemoteGateways: fc.boolean(),
  });
  if (access.mode === 'public')
    // Public access: the peerings and the private endpoints name the plan's VNets (there is no server VNet).
    return fc
      .tuple(fc.array(peering, { maxLength: 8 }), fc.array(vnet, { minLength: 3, maxLength: 3 }))
      .map(([peerings, endpointVnets]) => ({
        ...plan,
        access: {
          ...access,
          peerings,
          privateEndpoints: access.privateEndpoints.map((e, i) => ({ ...e, vnet: endpointVnets[i % 3] ?? e.vnet })),
        },
      }));
  return fc
    .tuple(fc.array(peering, { maxLength: 8 }), fc.array(vnet, { minLength: 3, maxLength: 3 }))
    .map(([peerings, tableVnets]) => ({
      ...plan,
      access: {
        ...access,
        peerings,
        routeTables: access.routeTables.map((t, i) => ({ ...t, vnet: tableVnets[i % 3] ?? t.vnet })),
      },
    }));
});

describe('generated plans', () => {
  it('are valid plans (the generator follows the schema)', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        expect(PlanDocumentSchema.safeParse(plan).success).toBe(true);
      }),
      { seed: 7, numRuns: 200 },
    );
  });

  it('survive plan → link → plan, equal after a JSON round trip', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const back = decodePlanLink(encodePlanLink(plan));
        if (!back.ok) throw new Error(back.error.message);
        expect(back.plan).toEqual(jsonRoundTrip(plan));
      }),
      { seed: 11, numRuns: 500 },
    );
  });

  it('survive plan → link → plan when their peerings and route tables name the plan’s VNets', () => {
    fc.assert(
      fc.property(referencingPlan, (plan) => {
        const back = decodePlanLink(encodePlanLink(plan));
        if (!back.ok) throw new Error(back.error.message);
        expect(back.plan).toEqual(jsonRoundTrip(plan));
      }),
      { seed: 17, numRuns: 500 },
    );
  });

  it('survive plan → file → plan, and the file text is stable', () => {
    fc.assert(
      fc.property(planArbitrary, (plan) => {
        const text = serializePlanFile(plan);
        const back = parsePlanFile(text);
        if (!back.ok) throw new Error(back.error.message);
        expect(back.plan).toEqual(jsonRoundTrip(plan));
        expect(serializePlanFile(back.plan)).toBe(text);
      }),
      { seed: 13, numRuns: 300 },
    );
  });
});

describe('a public-access plan with private endpoints', () => {
  it('survives plan → link → plan and plan → file → plan, every new field included', () => {
    const plan = privateEndpointHubPlan();
    const link = decodePlanLink(encodePlanLink(plan));
    if (!link.ok) throw new Error(link.error.message);
    expect(link.plan).toEqual(jsonRoundTrip(plan));
    const file = parsePlanFile(serializePlanFile(plan));
    if (!file.ok) throw new Error(file.error.message);
    expect(file.plan).toEqual(jsonRoundTrip(plan));
    // The fields that are new with private endpoints, as the decoded link holds them.
    const access = link.plan.access;
    if (access.mode !== 'public') throw new Error('expected public access');
    expect(access.publicNetworkAccess).toBe(false);
    expect(access.privateEndpoints[0]).toMatchObject({ vnet: 'vnet-hub', privateIp: '10.0.1.10' });
    expect(access.peeredVnets[0]?.subnets[1]?.delegation).toBe('Microsoft.Network/dnsResolvers');
    expect(access.onPremises[0]?.forwardedZone).toBe('postgres.database.azure.com');
  });
  it("carries the NSG of an endpoint's subnet, alone or beside the subnet's other optional fields", () => {
    const nsg = {
      name: 'nsg-private-endpoints',
      existing: true,
      rules: [
        {
          name: 'DenySpoke',
          priority: 200,
          direction: 'Inbound' as const,
          access: 'Deny' as const,
          protocol: 'Tcp' as const,
          sourceAddresses: ['10.1.0.0/16'],
          sourcePorts: ['*'],
          destinationAddresses: ['*'],
          destinationPorts: ['5432'],
          sourceAsgs: [],
          destinationAsgs: [],
          description: '',
        },
      ],
    };
    let plan = setIn(privateEndpointHubPlan(), 'access.peeredVnets.0.subnets.0.nsg', nsg);
    plan = setIn(plan, 'access.peeredVnets.1.subnets.0.nsg', { ...nsg, name: 'nsg-app', rules: [] });
    const link = decodePlanLink(encodePlanLink(plan));
    if (!link.ok) throw new Error(link.error.message);
    expect(link.plan).toEqual(jsonRoundTrip(plan));
    const file = parsePlanFile(serializePlanFile(plan));
    if (!file.ok) throw new Error(file.error.message);
    expect(file.plan).toEqual(jsonRoundTrip(plan));
  });
});
