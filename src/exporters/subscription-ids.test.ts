/**
 * Issue 13, defect 5: a subscription given by name never becomes a subscription ID. The rules refuse the plan
 * (PGN-012); exported anyway, every format falls back to the deployment's own subscription and says so.
 */
import { describe, expect, it } from 'vitest';
import { evaluate } from '../rules/index';
import { EXPORT_FORMATS } from './index';
import { examplePlan, planOf } from './test-plans';
import type { ExportFile } from './types';

const HUB_GUID = '00000000-0000-0000-0000-0000000000b1';

function hubAndSpokeWith(servers: string, zone: string, hub: string) {
  const base = examplePlan('hub-and-spoke');
  if (base.access.mode !== 'private' || base.access.privateDnsZone === null) throw new Error('a private example');
  const [first, second] = base.access.peeredVnets;
  return planOf({
    ...base,
    servers: base.servers.map((s) => ({ ...s, subscription: servers })),
    access: {
      ...base.access,
      privateDnsZone: { ...base.access.privateDnsZone, subscription: zone },
      peeredVnets: [{ ...first!, subscription: hub }, second!],
    },
  });
}

const everyFile = (plan: ReturnType<typeof planOf>, errors = evaluate(plan).filter((f) => f.severity === 'error')) =>
  EXPORT_FORMATS.map((f) => ({ id: f.id, files: f.files(plan, { errors }) }));
const file = (files: ExportFile[], path: string) => files.find((f) => f.path === path)?.contents ?? '';

describe('subscriptions given by name (issue 13, defect 5)', () => {
  const plan = hubAndSpokeWith('contoso-prod', 'connectivity-sub', 'hub-sub');

  it('the rules refuse the plan with PGN-012 on each of the three fields', () => {
    expect(
      evaluate(plan)
        .filter((f) => f.ruleId === 'PGN-012')
        .map((f) => f.path),
    ).toEqual(['access.peeredVnets.0.subscription', 'access.privateDnsZone.subscription', 'servers.0.subscription']);
  });

  it('exported anyway, no format builds an ID, a parameter default or a provider setting from a name', () => {
    for (const { id, files } of everyFile(plan)) {
      for (const f of files) {
        for (const name of ['contoso-prod', 'connectivity-sub', 'hub-sub']) {
          expect(f.contents, `${id} ${f.path}`).not.toContain(`/subscriptions/${name}`);
          expect(f.contents, `${id} ${f.path}`).not.toMatch(
            new RegExp(`(= |defaultValue": |--subscription=)'?"?${name}`),
          );
        }
      }
    }
    const tf = everyFile(plan).find((e) => e.id === 'terraform')!.files;
    expect(file(tf, 'terraform.tfvars.example')).toContain('subscription_id = "00000000-0000-0000-0000-000000000000"');
    // The zone and the hub are in the deployment's own subscription: no second provider, no alias.
    expect(file(tf, 'versions.tf')).not.toContain('alias');
    const arm = JSON.parse(file(everyFile(plan).find((e) => e.id === 'arm')!.files, 'azuredeploy.json')) as {
      parameters: Record<string, unknown>;
      metadata: { notes: string[] };
    };
    expect(Object.keys(arm.parameters).filter((p) => /subscription/i.test(p))).toEqual(['subscriptionId']);
  });

  it('every format says in its header which subscription stands in, for each name', () => {
    for (const { id, files } of everyFile(plan)) {
      // ARM's notes are JSON strings; the other formats' are comment lines, wrapped.
      const text =
        id === 'arm'
          ? (JSON.parse(file(files, 'azuredeploy.json')) as { metadata: { notes: string[] } }).metadata.notes.join(' ')
          : files.map((f) => f.contents).join('\n');
      for (const [what, name] of [
        ['the servers', 'contoso-prod'],
        ['the private DNS zone contoso-orders.private.postgres.database.azure.com', 'connectivity-sub'],
        ['the peered VNet vnet-hub', 'hub-sub'],
      ])
        expect(text.replace(/\n(#|\/\/) ?/g, ' '), `${id}: ${name}`).toContain(
          `The subscription of ${what} is "${name}", a name and not a subscription ID (PGN-012): this export ` +
            "uses the deployment's own subscription there instead.",
        );
    }
  });

  it('subscription IDs are used as given: the zone and the hub in another subscription get their parameter', () => {
    const guids = hubAndSpokeWith('00000000-0000-0000-0000-0000000000a1', HUB_GUID, HUB_GUID.toUpperCase());
    expect(evaluate(guids).filter((f) => f.severity === 'error')).toEqual([]);
    const files = Object.fromEntries(everyFile(guids).map((e) => [e.id, e.files]));
    const arm = JSON.parse(file(files.arm!, 'azuredeploy.json')) as {
      parameters: Record<string, { defaultValue?: unknown }>;
    };
    expect(arm.parameters.privateDnsZoneSubscriptionId?.defaultValue).toBe(HUB_GUID);
    expect(arm.parameters.peeredVnet1SubscriptionId?.defaultValue).toBe(HUB_GUID.toUpperCase());
    expect(file(files.terraform!, 'variables.tf')).toContain(`default     = "${HUB_GUID}"`);
    expect(file(files.terraform!, 'terraform.tfvars.example')).toContain(
      'subscription_id = "00000000-0000-0000-0000-0000000000a1"',
    );
  });
});
