/**
 * The administrator password reaches `az` on its standard input, never as an argument: every process's argv is
 * readable by any user of the machine (`ps`, /proc) while the script runs.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES } from '../../domain/testing/examples';
import { FAKE_PASSWORD, fakeAzDir } from '../testing/fake-az';
import { examplePlan } from '../test-plans';
import { azcliFiles } from './index';

const az = fakeAzDir();
afterAll(() => az.dispose());

describe.each(EXAMPLE_NAMES)('deploy.sh of %s', (name) => {
  const plan = examplePlan(name);
  const run = az.runScript(azcliFiles(plan)[0]!.contents);

  it('runs to the end', () => {
    expect(run.run?.stderr).toBe('');
    expect(run.run?.status).toBe(0);
  });

  it('gives each server create the password on stdin and never in any argv', () => {
    const creates = run.calls.filter((c) => c.command === 'postgres flexible-server create');
    expect(creates).toHaveLength(plan.servers.length);
    for (const c of creates) expect(c.options).toContainEqual({ name: '--admin-password', values: ['@-'] });
    expect(run.stdin).toEqual(plan.servers.map(() => FAKE_PASSWORD));
    for (const c of run.calls) for (const word of c.argv) expect(word).not.toContain(FAKE_PASSWORD);
  });
});
