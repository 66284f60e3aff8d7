import { describe, expect, it } from 'vitest';
import { parsePlanFile } from '../../share/plan-file';
import { exampleText } from '../../domain/testing/examples';
import { APP_ADDRESS, brokenBundles, hubSpokeBundle } from '../../import/testing/bundles';
import { main } from '../main';
import { memoryIo } from '../testing';

const bundle = JSON.stringify(hubSpokeBundle());

describe('import', () => {
  it('prints the plan file on standard output and what it could not hold on standard error; exit 0', async () => {
    const t = memoryIo({ 'bundle.json': bundle });
    expect(await main(['import', 'bundle.json'], t.io)).toBe(0);
    const read = parsePlanFile(t.out.join('\n'));
    expect(read.ok && read.plan.servers[0]?.name).toBe('pg-orders');
    expect(t.err).toEqual([
      expect.stringMatching(/^not modelled: \/subscriptions\/.*\/azureFirewalls\/afw-hub \(properties/),
      expect.stringMatching(/^not modelled: .*\/subnets\/snet-app \(properties\.natGateway\)/),
      expect.stringMatching(/^not modelled: .*\/natGateways\/ng-app \(resource\)/),
      expect.stringMatching(/^warning: Gateway ergw-hub connects on-premises networks/),
    ]);
  });

  it('exit 2 with the file and what is wrong, for input that is not a deployment', async () => {
    const t = memoryIo({ 'cut.json': bundle.slice(0, 200), 'plan.json': exampleText('hub-and-spoke') });
    expect(await main(['import', 'cut.json'], t.io)).toBe(2);
    expect(t.err.join('\n')).toMatch(/^pgflex-netplan import: cut\.json: Not valid JSON at line \d+, column \d+/);
    const p = memoryIo({ 'plan.json': exampleText('hub-and-spoke') });
    expect(await main(['import', 'plan.json'], p.io)).toBe(2);
    expect(p.err.join('\n')).toContain('plan.json: This is a plan file, not a deployment');
    expect(p.out).toEqual([]);
  });
});

describe('check-client --from', () => {
  for (const [i, broken] of brokenBundles().entries())
    it(`names the failing hop and the deployed resource to change: ${broken.name}`, async () => {
      const t = memoryIo({ 'b.json': JSON.stringify(broken.bundle) });
      expect(await main(['check-client', 'b.json', '--from', APP_ADDRESS], t.io)).toBe(1);
      const text = t.out.join('\n');
      expect(text.split('\n')[0]).toBe(`${APP_ADDRESS} is in VNet vnet-app.`);
      expect(text).toContain(`application at ${APP_ADDRESS}: NOT REACHABLE`);
      const failing = text.split('\n').find((l) => l.startsWith('  FAIL')) ?? '';
      expect(failing).toMatch(broken.failingHop);
      if (i === 1) expect(text).toMatch(/resource: \/subscriptions\/.*\/networkSecurityGroups\/nsg-postgres/);
      if (i === 0) expect(text).toMatch(/resource: \/subscriptions\/.*\/privateDnsZones\/orders\.private/);
    });

  it('exit 0 for the working deployment, and works on a plan file too', async () => {
    const t = memoryIo({ 'b.json': bundle, 'p.json': exampleText('hub-and-spoke') });
    expect(await main(['check-client', 'b.json', '--from', APP_ADDRESS], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain(`application at ${APP_ADDRESS}: REACHABLE`);
    const p = memoryIo({ 'p.json': exampleText('hub-and-spoke') });
    expect(await main(['check-client', 'p.json', '--from', '10.20.1.25', '--client', 'api'], p.io)).toBe(0);
    expect(p.out[0]).toBe('10.20.1.25 is in subnet snet-app of the server VNet vnet-orders-data.');
    expect(p.out.join('\n')).toContain('api: REACHABLE');
  });

  it('exit 2 for an address in none of the networks, or with neither --client nor --from', async () => {
    const t = memoryIo({ 'b.json': bundle });
    expect(await main(['check-client', 'b.json', '--from', '192.168.7.7'], t.io)).toBe(2);
    expect(t.err.join('\n')).toContain("192.168.7.7 is a private address in none of the plan's networks");
    const n = memoryIo({ 'b.json': bundle });
    expect(await main(['check-client', 'b.json'], n.io)).toBe(2);
    expect(n.err.join('\n')).toContain('--client NAME or --from ADDRESS is required. The plan has no clients.');
  });
});

describe('diff', () => {
  it('lists what the deployment has differently from the plan; exit 1 when they differ, 0 if they match', async () => {
    const planned = memoryIo({ 'bundle.json': bundle });
    await main(['import', 'bundle.json'], planned.io);
    const plan = planned.out.join('\n');
    const broken = JSON.stringify((brokenBundles()[1] as { bundle: unknown }).bundle);
    const t = memoryIo({ 'plan.json': plan, 'deployed.json': broken, 'same.json': bundle });
    expect(await main(['diff', 'plan.json', 'deployed.json'], t.io)).toBe(1);
    expect(t.out).toEqual([
      'EXTRA NSG rule deny-app: planned (not in the plan); deployed Deny Inbound Tcp priority 200 from ' +
        '10.30.1.0/24:* to *:5432 [access.delegatedSubnet.nsg.rules.0]',
      '1 difference.',
    ]);
    const same = memoryIo({ 'plan.json': plan, 'same.json': bundle });
    expect(await main(['diff', 'plan.json', 'same.json'], same.io)).toBe(0);
    expect(same.out).toEqual(['The deployment matches the plan.']);
  });
});
