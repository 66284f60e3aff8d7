/**
 * The delegated subnet's NSG, when the plan marks it existing (every imported one is), is referenced, never written:
 * each format associates the subnet with its ID and leaves the NSG and its rules as they are, and the dry run still
 * deploys the export. The same plan with the NSG new writes it, so each expectation here can fail.
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

function withNsg(existing: boolean, subnetExisting = false): Plan {
  const base = examplePlan('hub-and-spoke');
  if (base.access.mode !== 'private' || base.access.delegatedSubnet.nsg === null) throw new Error('an example NSG');
  const subnet = base.access.delegatedSubnet;
  return planOf({
    ...base,
    access: {
      ...base.access,
      // An existing subnet is in an existing VNet.
      vnet: { ...base.access.vnet, existing: subnetExisting || base.access.vnet.existing },
      delegatedSubnet: {
        ...subnet,
        existing: subnetExisting,
        existingDelegation: subnetExisting ? 'Microsoft.DBforPostgreSQL/flexibleServers' : null,
        nsg: { ...(subnet.nsg as NonNullable<typeof subnet.nsg>), existing },
      },
    },
  });
}

const all = (files: ExportFile[]) => files.map((f) => f.contents).join('\n');
const example = examplePlan('hub-and-spoke');
const nsg = example.access.mode === 'private' ? example.access.delegatedSubnet.nsg : null;
const nsgName = nsg?.name ?? '';
const ruleNames = nsg?.rules.map((r) => r.name) ?? [];

const FORMATS = [
  {
    id: 'arm' as const,
    files: armFiles,
    // An NSG written by the template: a resource of its type (at any depth of nesting).
    writes: /"type": "Microsoft\.Network\/networkSecurityGroups"/,
    references: new RegExp(`'Microsoft\\.Network/networkSecurityGroups', '${nsgName}'\\)`),
  },
  {
    id: 'bicep' as const,
    files: bicepFiles,
    writes: /^resource \w+ 'Microsoft\.Network\/networkSecurityGroups@[\d-]+' = \{/m,
    references: new RegExp(`'Microsoft\\.Network/networkSecurityGroups', '${nsgName}'\\)`),
  },
  {
    id: 'terraform' as const,
    files: terraformFiles,
    writes: /resource "azurerm_network_security_group"/,
    references: new RegExp(`network_security_group_id += "/subscriptions/.*/networkSecurityGroups/${nsgName}"`),
  },
  {
    id: 'azcli' as const,
    files: azcliFiles,
    writes: /az network nsg (?:create|rule create)/,
    references: new RegExp(`--network-security-group='${nsgName}'`),
  },
];

describe('an existing NSG is referenced, not written', () => {
  it('the example has an NSG with rules on its delegated subnet', () => {
    expect(ruleNames.length).toBeGreaterThan(0);
  });

  for (const format of FORMATS) {
    for (const subnetExisting of [false, true]) {
      const subnet = subnetExisting ? 'an existing subnet' : 'a new subnet';
      it(`${format.id}, ${subnet}: associates it and writes neither the NSG nor its rules`, () => {
        const text = all(format.files(withNsg(true, subnetExisting)));
        expect(text).not.toMatch(format.writes);
        for (const rule of ruleNames) expect(text).not.toContain(rule);
        expect(text).toMatch(format.references);
        // A new NSG is written with its rules: the same checks find them.
        const written = all(format.files(withNsg(false, subnetExisting)));
        expect(written).toMatch(format.writes);
        for (const rule of ruleNames) expect(written).toContain(rule);
      });

      it(`${format.id}, ${subnet}: the dry run deploys the export with the NSG there already`, () => {
        const plan = withNsg(true, subnetExisting);
        const report = dryRun(plan, format.id, format.files(plan));
        expect(report.refusal).toBeNull();
        expect(
          report.steps.some((s) => s.type.toLowerCase().startsWith('microsoft.network/networksecuritygroups')),
        ).toBe(false);
        // Something still associates the subnet with it.
        expect(report.steps.some((s) => s.props.networkSecurityGroup?.endsWith(`/${nsgName.toLowerCase()}`))).toBe(
          true,
        );
      });
    }
  }

  it('the dry run refuses an export that would create the NSG the plan says exists', () => {
    const plan = withNsg(true);
    const report = dryRun(plan, 'arm', armFiles(withNsg(false)));
    expect(report.refusal?.constraint.id).toBe('DRY-EXISTING-PRESERVED');
  });
});
