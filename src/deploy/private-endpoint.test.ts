/**
 * The private endpoint constraints: each catches the ARM export of the private endpoint hub plan edited (or a variant
 * of the plan exported) the way a broken exporter or plan would have it.
 */
import { describe, expect, it } from 'vitest';
import { setIn } from '../domain/paths';
import { PlanDocumentSchema, type Plan } from '../domain/plan';
import { privateEndpointHubPlan } from '../domain/testing/private-endpoint-plans';
import { armFiles } from '../exporters/arm/index';
import { EXPORT_FORMATS } from '../exporters/index';
import { CONSTRAINTS } from './constraints';
import { dryRun } from './index';
import { editArm, resource, type ArmTemplate } from './testing/arm-edit';

const hub = privateEndpointHubPlan();
const edited = (edit: (t: ArmTemplate) => void) => dryRun(hub, 'arm', editArm(armFiles(hub), edit));
/** The nested deployment holding the endpoint and its zone group, with the dependencies `keep` passes. */
const dependingOn = (keep: (d: string) => boolean) =>
  edited((t) => {
    const d = resource(t, 'Microsoft.Resources/deployments', 'private-endpoint');
    d.dependsOn = (d.dependsOn ?? []).filter(keep);
  });

describe('private endpoint constraints', () => {
  it('the export as written passes', () => {
    expect(edited(() => undefined).refusal).toBeNull();
  });

  it('an endpoint not ordered after its server is refused', () => {
    const report = dependingOn((d) => !d.includes('configurations'));
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.endpointTarget);
    expect(report.refusal?.reason).toMatch(/pg-contoso-ledger/);
  });

  it('a zone group not ordered after its zone is refused', () => {
    const report = dependingOn((d) => !d.includes('dns-zone'));
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.endpointZone);
    expect(report.refusal?.reason).toMatch(/privatelink\.postgres\.database\.azure\.com/);
  });

  it('an endpoint outside its VNet’s region is refused', () => {
    const report = edited((t) => {
      resource(t, 'Microsoft.Network/privateEndpoints', 'pe-pg-contoso-ledger').location = 'northeurope';
    });
    expect(report.refusal?.constraint).toBe(CONSTRAINTS.endpointRegion);
    expect(report.refusal?.reason).toMatch(/westeurope/);
  });

  it('an endpoint in a delegated subnet is refused, in every format', () => {
    const doc = setIn(
      JSON.parse(JSON.stringify(hub)) as unknown,
      'access.peeredVnets.0.subnets.0.delegation',
      'Microsoft.DBforPostgreSQL/flexibleServers',
    );
    const plan: Plan = PlanDocumentSchema.parse(doc);
    for (const format of EXPORT_FORMATS) {
      const report = dryRun(plan, format.id, format.files(plan));
      expect(report.refusal?.constraint, format.id).toBe(CONSTRAINTS.endpointSubnet);
      expect(report.refusal?.reason).toMatch(/snet-private-endpoints.*delegated/);
    }
  });
});
