/**
 * A route table the plan marks existing (every imported one is) is referenced, never written: each format associates
 * the subnets with its ID and leaves the table and its routes as they are, and the dry run still deploys the export.
 * The same plan with the tables new writes them, so each expectation here can fail.
 */
import { describe, expect, it } from 'vitest';
import { dryRun } from '../deploy/index';
import type { Plan } from '../domain/plan';
import { armFiles } from './arm/index';
import { azcliFiles } from './azcli/index';
import { bicepFiles } from './bicep/index';
import { terraformFiles } from './terraform/index';
import { examplePlan, planOf } from './test-plans';
import type { ExportFile } from './types';

function firewallPlan(existing: boolean): Plan {
  const base = examplePlan('hub-spoke-firewall');
  if (base.access.mode !== 'private') throw new Error('a private example');
  return planOf({
    ...base,
    access: { ...base.access, routeTables: base.access.routeTables.map((t) => ({ ...t, existing })) },
  });
}

const all = (files: ExportFile[]) => files.map((f) => f.contents).join('\n');
const example = examplePlan('hub-spoke-firewall');
const tableNames = example.access.mode === 'private' ? example.access.routeTables.map((t) => t.name) : [];

const FORMATS = [
  {
    id: 'arm' as const,
    files: armFiles,
    // A route table written by the template: a resource of its type (at any depth of nesting).
    writes: /"type": "Microsoft\.Network\/routeTables"/,
    references: (name: string) => new RegExp(`'Microsoft\\.Network/routeTables', '${name}'\\)`),
  },
  {
    id: 'bicep' as const,
    files: bicepFiles,
    writes: /^resource \w+ 'Microsoft\.Network\/routeTables@[\d-]+' = \{/m,
    references: (name: string) => new RegExp(`'Microsoft\\.Network/routeTables', '${name}'\\)`),
  },
  {
    id: 'terraform' as const,
    files: terraformFiles,
    writes: /resource "azurerm_route_table"/,
    references: (name: string) => new RegExp(`route_table_id += "/subscriptions/.*/routeTables/${name}"`),
  },
  {
    id: 'azcli' as const,
    files: azcliFiles,
    writes: /az network route-table (?:create|route create)/,
    references: (name: string) => new RegExp(`--route-table='${name}'`),
  },
];

describe('an existing route table is referenced, not written', () => {
  it('the example has route tables on subnets of several VNets', () => {
    expect(tableNames.length).toBeGreaterThan(1);
  });

  for (const format of FORMATS) {
    it(`${format.id}: associates the subnets with it and writes neither the table nor its routes`, () => {
      const text = all(format.files(firewallPlan(true)));
      expect(text).not.toMatch(format.writes);
      for (const name of tableNames) expect(text).toMatch(format.references(name));
      // New tables are written: the same check finds them.
      expect(all(format.files(firewallPlan(false)))).toMatch(format.writes);
    });

    it(`${format.id}: the dry run deploys the export with the tables there already`, () => {
      const plan = firewallPlan(true);
      const report = dryRun(plan, format.id, format.files(plan));
      expect(report.refusal).toBeNull();
      expect(report.steps.some((s) => s.type.toLowerCase() === 'microsoft.network/routetables')).toBe(false);
    });
  }
});
