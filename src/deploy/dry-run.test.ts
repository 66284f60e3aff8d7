/**
 * The dry run on what the exporters write: every example, and every generated plan the rules call clean, passes
 * in all four formats. The property found two exporter defects while it ran on ARM alone (a circular dependsOn
 * between a top-level server and the deployment holding the gateway peering; a server not waiting for the peering
 * to the VNet of its custom DNS servers); both are fixed, and the property has no exceptions.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PlanDocumentSchema } from '../domain/plan';
import { examplePlans } from '../domain/testing/examples';
import { EXPORT_FORMATS } from '../exporters/index';
import { evaluate } from '../rules/index';
import { dryRun, READERS } from './index';
import { generatedPlan } from './testing/plan-arbitrary';

describe('examples', () => {
  for (const { name, plan } of examplePlans()) {
    for (const format of EXPORT_FORMATS) {
      it(`${name} passes the ${format.label} dry run`, () => {
        const report = dryRun(plan, format.id, format.files(plan));
        expect(report.refusal).toBeNull();
        expect(report.steps.length).toBeGreaterThan(3);
      });
    }
  }
});

describe('formats', () => {
  it('reads every export format', () => {
    expect(Object.keys(READERS).sort()).toEqual(EXPORT_FORMATS.map((f) => f.id).sort());
  });
});

describe('generated plans', () => {
  it('every plan the rules call clean passes the dry run in all four formats (1,000 runs)', () => {
    const seen = {
      clean: 0,
      multiRegion: 0,
      otherSubscription: 0,
      existingSubnet: 0,
      transit: 0,
      customDns: 0,
      routeTables: 0,
      betweenOtherVnets: 0,
    };
    fc.assert(
      fc.property(generatedPlan, (input) => {
        const plan = PlanDocumentSchema.parse(input);
        if (evaluate(plan).some((f) => f.severity === 'error')) return;
        seen.clean += 1;
        if (new Set(plan.servers.map((s) => s.region)).size > 1) seen.multiRegion += 1;
        if (plan.access.mode === 'private') {
          const a = plan.access;
          if (a.privateDnsZone?.subscription) seen.otherSubscription += 1;
          if (a.delegatedSubnet.existing) seen.existingSubnet += 1;
          if (a.onPremises.some((o) => o.gatewayVnet !== '')) seen.transit += 1;
          if (a.vnet.dns.kind === 'custom') seen.customDns += 1;
          if (a.routeTables.length > 0) seen.routeTables += 1;
          if (a.peerings.some((p) => p.from !== a.vnet.name && p.to !== a.vnet.name)) seen.betweenOtherVnets += 1;
        }
        for (const format of EXPORT_FORMATS) {
          const report = dryRun(plan, format.id, format.files(plan));
          expect(report.refusal, `${format.label}: ${report.refusal?.reason ?? ''}`).toBeNull();
        }
      }),
      { seed: 13, numRuns: 1000 },
    );
    // The generator reaches the shapes the property is about.
    expect(seen.clean).toBeGreaterThan(400);
    for (const k of [
      'multiRegion',
      'otherSubscription',
      'existingSubnet',
      'transit',
      'customDns',
      'routeTables',
      'betweenOtherVnets',
    ] as const)
      expect(seen[k], k).toBeGreaterThan(20);
  }, 600_000);
});
