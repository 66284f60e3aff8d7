/**
 * deploy.sh can be run again: on a second run (every resource found by `show`) it creates nothing, and what it
 * runs again are create-or-update calls with the same values as the first run, which change nothing in Azure.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES } from '../../domain/testing/examples';
import { fakeAzDir, type AzCall } from '../testing/fake-az';
import { examplePlan } from '../test-plans';
import { azcliFiles } from './index';

const az = fakeAzDir();
afterAll(() => az.dispose());

/** Commands that fail on an existing resource or replace it with less than it holds: never run twice. */
const CREATE_ONCE = [
  'network nsg create',
  'network route-table create',
  'network vnet create',
  'network private-dns zone create',
  'network private-dns link vnet create',
  'postgres flexible-server create',
];

const isExistenceCheck = (c: AzCall) => c.command.endsWith(' show') && c.argv.includes('--output=none');

describe.each(EXAMPLE_NAMES)('deploy.sh of %s, run twice', (name) => {
  const script = azcliFiles(examplePlan(name))[0]!.contents;
  const first = az.runScript(script);
  const second = az.runScript(script, { existing: true });

  it('both runs succeed', () => {
    expect(first.run).toEqual({ status: 0, stderr: '' });
    expect(second.run).toEqual({ status: 0, stderr: '' });
  });

  it('the first run creates every resource after checking it is not there', () => {
    const creates = first.calls.filter((c) => CREATE_ONCE.includes(c.command));
    expect(creates.length).toBeGreaterThan(0);
    const checks = first.calls.filter(isExistenceCheck);
    expect(checks.length).toBeGreaterThanOrEqual(creates.length);
  });

  it('the second run creates nothing and repeats only create-or-update calls of the first run', () => {
    expect(second.calls.filter((c) => CREATE_ONCE.includes(c.command))).toEqual([]);
    expect(second.calls.filter((c) => c.command === 'network vnet subnet create')).toEqual([]);
    // A subnet the first run created with settings the plan owns (the delegated subnet; one with a route table) is
    // updated in place (its other properties kept) rather than written anew; every other call repeats the first run.
    const firstArgv = new Set(first.calls.map((c) => JSON.stringify(c.argv)));
    const nameOf = (c: AzCall) => c.options.find((o) => o.name === '--name')?.values[0];
    const owned = first.calls
      .filter(
        (c) =>
          c.command === 'network vnet subnet create' &&
          c.options.some((o) => o.name === '--delegations' || o.name === '--route-table'),
      )
      .map(nameOf);
    const repeated = (c: AzCall) => firstArgv.has(JSON.stringify(c.argv));
    const updates = second.calls.filter((c) => c.command === 'network vnet subnet update' && !repeated(c));
    expect(updates.map(nameOf).sort()).toEqual(owned.sort());
    for (const c of second.calls.filter((c) => !updates.includes(c))) expect(repeated(c), c.argv.join(' ')).toBe(true);
  });
});
