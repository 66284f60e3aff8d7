// @vitest-environment jsdom
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import { samplePlan, TYPICAL_SIZE } from '../../domain/samples';
import type { Plan } from '../../domain/plan';
import { importDeployed } from '../../import/import';
import { brokenBundles } from '../../import/testing/bundles';
import { importReportFor, readOnlyReason, type ImportReport } from '../../store/import-report';
import { usePlanner } from '../../store/store';
import { Field } from '../wizard/field';
import ImportReportPanel from './import-report';
import { readOnlyFields } from './read-only';

function imported(): { plan: Plan; report: ImportReport } {
  const broken = brokenBundles()[0];
  if (broken === undefined) throw new Error('the test bundles changed');
  const result = importDeployed(JSON.stringify(broken.bundle));
  if (!result.ok) throw new Error(result.message);
  const { plan, notModelled, skipped, warnings, resourceIds, source } = result;
  const report: ImportReport = {
    fileName: 'bundle.json',
    source,
    server: 'pg-orders',
    notModelled,
    skipped,
    warnings,
    resourceIds,
    readOnly: readOnlyFields(plan),
  };
  return { plan, report };
}

describe('readOnlyFields', () => {
  it('lists what Azure cannot change on an imported private server, the DNS zone too when HA is on', () => {
    const { plan } = imported();
    expect(plan.servers[0]?.highAvailability).toBe('ZoneRedundant');
    const fields = readOnlyFields(plan);
    expect(Object.keys(fields).sort()).toEqual([
      'access.delegatedSubnet.name',
      'access.delegatedSubnet.prefix',
      'access.mode',
      'access.privateDnsZone.name',
      'access.privateDnsZone.resourceGroup',
      'access.privateDnsZone.subscription',
      'access.vnet.name',
      'access.vnet.region',
      'access.vnet.resourceGroup',
      'servers.0.name',
      'servers.0.region',
    ]);
    expect(fields['access.mode']).toMatchObject({ owner: 'servers.0', name: 'pg-orders' });
    expect(fields['access.mode']?.reason).toMatch(/can’t change a server’s networking option/);
    expect(fields['access.delegatedSubnet.prefix']?.owner).toBe('access.delegatedSubnet');
  });

  it('leaves the zone editable without HA, and lists no network of a public server', () => {
    const { plan } = imported();
    const noHa = { ...plan, servers: plan.servers.map((s) => ({ ...s, highAvailability: 'Disabled' as const })) };
    expect(Object.keys(readOnlyFields(noHa)).filter((p) => p.startsWith('access.privateDnsZone'))).toEqual([]);
    const publicPlan = samplePlan(TYPICAL_SIZE, 'public');
    expect(Object.keys(readOnlyFields(publicPlan)).sort()).toEqual([
      'access.mode',
      'servers.0.name',
      'servers.0.region',
    ]);
  });
});

describe('the import report applies to the imported plan only', () => {
  it('while the plan holds the imported server, and each field while its object keeps its name', () => {
    const { plan, report } = imported();
    expect(importReportFor(report, plan)).toBe(report);
    expect(readOnlyReason(report, plan, 'servers.0.region')).toMatch(/stays in the region/);
    expect(readOnlyReason(report, plan, 'servers.0.version')).toBeUndefined();
    // Another VNet in the same place (undo past the import, another plan): no longer read-only.
    const access = plan.access.mode === 'private' ? plan.access : null;
    if (access === null) throw new Error('the imported plan is private');
    const otherVnet = { ...plan, access: { ...access, vnet: { ...access.vnet, name: 'vnet-other' } } };
    expect(readOnlyReason(report, otherVnet, 'access.vnet.region')).toBeUndefined();
    expect(readOnlyReason(report, otherVnet, 'servers.0.region')).toBeDefined();
    // Names compare without regard to case, as Azure's do.
    const upper = { ...plan, servers: plan.servers.map((s) => ({ ...s, name: 'PG-ORDERS' })) };
    expect(importReportFor(report, upper)).toBe(report);
    const other = { ...plan, servers: plan.servers.map((s) => ({ ...s, name: 'pg-new' })) };
    expect(importReportFor(report, other)).toBeNull();
    expect(readOnlyReason(report, other, 'access.mode')).toBeUndefined();
  });
});

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** The markup of `element` rendered in the page with the store's current state (the server render reads none). */
function rendered(element: ReactNode): string {
  const host = document.createElement('div');
  const root = createRoot(host);
  act(() => root.render(element));
  const html = host.innerHTML;
  act(() => root.unmount());
  return html;
}

describe('Field and the import report', () => {
  afterEach(() => usePlanner.setState({ importReport: null }));

  it('shows a read-only field as its value with the reason, not its input', () => {
    const { plan, report } = imported();
    usePlanner.setState({ plan, importReport: report });
    const html = rendered(
      <Field path="servers.0.region" label="Region" hint="Pick from the list.">
        {(p) => <input {...p} name="editable" />}
      </Field>,
    );
    expect(html).not.toContain('name="editable"');
    expect(html).not.toContain('Pick from the list.');
    const input = /<input [^>]*>/.exec(html)?.[0] ?? '';
    expect(input).toContain('class="field__read-only-value"');
    expect(input).toContain('readonly=""');
    expect(input).toContain('value="westeurope"');
    const id = /id="([^"]+)"/.exec(input)?.[1];
    expect(input).toContain(`aria-describedby="${id}-hint"`);
    expect(html).toContain(`<p class="field__hint field__read-only" id="${id}-hint">`);
    expect(html).toContain('<strong>Read-only (deployed):</strong> A deployed server stays in the region');
    // A field Azure can change stays an input.
    const version = rendered(
      <Field path="servers.0.version" label="Version">
        {(p) => <input {...p} name="editable" />}
      </Field>,
    );
    expect(version).toContain('name="editable"');
    expect(version).not.toContain('Read-only');
  });

  it('lists every not-modelled, skipped and warning entry with the resource it concerns', () => {
    const { report } = imported();
    const withSkipped: ImportReport = {
      ...report,
      skipped: [{ resourceId: '/subscriptions/x/resourceGroups/rg/providers/A.B/cs/c1', reason: 'Unknown type.' }],
    };
    const html = renderToStaticMarkup(<ImportReportPanel report={withSkipped} />);
    expect(html).toContain('Imported from <strong>bundle.json</strong> (an inventory bundle)');
    for (const n of report.notModelled) expect(html).toContain(n.resourceId);
    expect(html).toContain('ng-app (natGateways)');
    expect(html).toContain('<strong>c1 (cs)</strong>: Unknown type.');
    for (const w of report.warnings) expect(html).toContain(w.replace(/"/g, '&quot;'));
    const count = report.notModelled.length + report.warnings.length + 1;
    expect(html).toContain(`${count} things in it are not in the plan, or need a look:`);
    expect(html).toContain('11 fields that Azure can’t change after creation are read-only in the wizard');
  });
});
