/**
 * deploy.sh reads the Azure CLI's version first: below 2.40.0 (or when it can't read it) it stops before any other
 * az call; otherwise it passes the high-availability and firewall-rule flags that version takes.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../domain/plan';
import { EXAMPLE_NAMES } from '../../domain/testing/examples';
import { fakeAzDir, type AzCall } from '../testing/fake-az';
import { examplePlan } from '../test-plans';
import { azcliFiles } from './index';

const az = fakeAzDir();
afterAll(() => az.dispose());

const run = (plan: Plan, azVersion: string) => az.runScript(azcliFiles(plan)[0]!.contents, { azVersion });
const calls = (all: readonly AzCall[], command: string) => all.filter((c) => c.command === command);
/** The options of a call as `--name=value` words, for the options that carry one value. */
const words = (c: AzCall) => c.options.map((o) => (o.values.length === 1 ? `${o.name}=${o.values[0]}` : o.name));

function withHa(name: string, mode: Plan['servers'][number]['highAvailability']): Plan {
  const plan = structuredClone(examplePlan(name));
  for (const s of plan.servers) s.highAvailability = mode;
  return plan;
}

describe.each([
  ['2.40.0', '--high-availability=ZoneRedundant'],
  ['2.81.9', '--high-availability=ZoneRedundant'],
  ['2.82.0', '--zonal-resiliency=Enabled'],
  ['2.87.0', '--zonal-resiliency=Enabled'],
  ['3.0.0', '--zonal-resiliency=Enabled'],
])('zone-redundant hub and spoke with Azure CLI %s', (version, flag) => {
  const result = run(examplePlan('hub-and-spoke'), version);

  it('runs to the end, asking az for its version first', () => {
    expect(result.run).toEqual({ status: 0, stderr: '' });
    expect(result.calls[0]!.argv).toEqual(['version', '--query="azure-cli"', '--output=tsv']);
  });

  it(`creates the server with ${flag} and no other high-availability flag`, () => {
    const [create] = calls(result.calls, 'postgres flexible-server create');
    const ha = words(create!).filter((w) => /^--(high-availability|zonal-resiliency|allow-same-zone)/.test(w));
    expect(ha).toEqual([flag]);
  });
});

describe.each([
  ['2.81.0', '--high-availability=Disabled', ['--name', '--rule-name']],
  ['2.86.0', '--zonal-resiliency=Disabled', ['--name', '--rule-name']],
  ['2.87.0', '--zonal-resiliency=Disabled', ['--server-name', '--name']],
])('public office with Azure CLI %s', (version, flag, [serverOption, ruleOption]) => {
  const plan = examplePlan('public-office');
  const result = run(plan, version);
  const server = plan.servers[0]!.name;

  it('runs to the end', () => expect(result.run).toEqual({ status: 0, stderr: '' }));

  it(`creates the server with ${flag}`, () => {
    const [create] = calls(result.calls, 'postgres flexible-server create');
    expect(words(create!)).toContain(flag);
  });

  it(`names each firewall rule's server ${serverOption} and the rule ${ruleOption}`, () => {
    const rules = calls(result.calls, 'postgres flexible-server firewall-rule create');
    expect(rules.length).toBeGreaterThan(0);
    const names = rules.map((c) => words(c).filter((w) => /^--(name|rule-name|server-name)=/.test(w)));
    const expected =
      plan.access.mode === 'public'
        ? plan.access.firewallRules.map((r) => [`${serverOption}=${server}`, `${ruleOption}=${r.name}`])
        : [];
    expect(names.slice(0, expected.length)).toEqual(expected);
  });
});

describe('same-zone high availability', () => {
  const plan = withHa('hub-and-spoke', 'SameZone');

  it('is requested with --high-availability=SameZone up to 2.86', () => {
    for (const version of ['2.40.0', '2.82.0', '2.86.9']) {
      const result = run(plan, version);
      expect(result.run).toEqual({ status: 0, stderr: '' });
      const [create] = calls(result.calls, 'postgres flexible-server create');
      expect(words(create!).filter((w) => /^--(high-availability|zonal-resiliency)/.test(w))).toEqual([
        '--high-availability=SameZone',
      ]);
    }
  });

  it('stops before anything is created from 2.87.0, which has no flag for it, saying what to do', () => {
    const result = run(plan, '2.87.0');
    expect(result.run?.status).toBe(1);
    expect(result.run?.stderr).toBe(
      "The plan has a server with same-zone high availability, which Azure CLI 2.87.0 and later can't request " +
        '(this one is 2.87.0). Run deploy.sh with Azure CLI 2.40.0 to 2.86, or deploy the ARM, Bicep or ' +
        'Terraform export.\n',
    );
    expect(result.calls.map((c) => c.command)).toEqual(['version']);
  });
});

describe('an Azure CLI the script does not support', () => {
  it.each(['2.39.0', '2.9.1', '1.99.99'])('%s: stops before any other az call, naming both versions', (version) => {
    const result = run(examplePlan('hub-and-spoke'), version);
    expect(result.run?.status).toBe(1);
    expect(result.run?.stderr).toBe(
      `deploy.sh needs Azure CLI 2.40.0 or later; this one is ${version}. ` +
        'Upgrade it (az upgrade) and run deploy.sh again.\n',
    );
    expect(result.calls.map((c) => c.command)).toEqual(['version']);
  });

  it.each(['fail', '', 'azure-cli'])('a version it can’t read (%j) stops it the same way', (version) => {
    const result = run(examplePlan('public-office'), version);
    expect(result.run?.status).toBe(1);
    expect(result.run?.stderr).toBe(
      `Could not read the Azure CLI version (az version gave '${version === 'fail' ? '' : version}'). ` +
        'deploy.sh needs Azure CLI 2.40.0 or later.\n',
    );
    expect(result.calls.map((c) => c.command)).toEqual(['version']);
  });
});

describe.each(EXAMPLE_NAMES)('every example (%s)', (name) => {
  it.each(['2.40.0', '2.82.0', '2.87.0'])('runs to the end with Azure CLI %s', (version) => {
    const result = run(examplePlan(name), version);
    expect(result.syntax).toEqual({ status: 0, stderr: '' });
    expect(result.run).toEqual({ status: 0, stderr: '' });
    expect(calls(result.calls, 'postgres flexible-server create')).toHaveLength(examplePlan(name).servers.length);
  });
});
