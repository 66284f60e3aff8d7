/**
 * The dry run reads deploy.sh by the exporter's step list: every step is found in the file in the list's order and
 * follows the one before it; a file whose commands are reordered or changed is refused, naming the step.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES } from '../domain/testing/examples';
import { azcliFiles } from '../exporters/azcli/index';
import { scriptSteps } from '../exporters/azcli/script-steps';
import { examplePlan } from '../exporters/test-plans';
import { readAzcli, SCRIPT_ORDER } from './read-azcli';
import { DryRunReadError } from './read-error';
import { idSpeller } from './world';

const FINDING = { ruleId: 'PGN-101', severity: 'error' as const, message: 'Subnet too small', path: 'x', docs: '' };

describe.each(EXAMPLE_NAMES)('deploy.sh of %s', (name) => {
  const plan = examplePlan(name);
  const files = azcliFiles(plan);
  const script = files[0]!.contents;
  const steps = readAzcli(files, plan);

  it('is read into the exporter’s steps, each after the one before it', () => {
    const listed = scriptSteps(plan);
    // The reader writes IDs in the spelling the engine and the world share.
    const spell = idSpeller(plan);
    expect(steps.map((s) => [s.id, s.action])).toEqual(listed.map((s) => [spell(s.id), s.action]));
    expect(steps[0]!.after).toEqual([]);
    for (let i = 1; i < steps.length; i++)
      expect(steps[i]!.after).toEqual([{ step: steps[i - 1]!.id, why: SCRIPT_ORDER }]);
  });

  it('gives each step the line its commands start on', () => {
    const lines = script.split('\n');
    const listed = scriptSteps(plan);
    steps.forEach((s, i) => {
      expect(s.source.file).toBe('deploy.sh');
      expect(lines[s.source.line! - 1]).toBe(listed[i]!.commands.split('\n')[0]);
    });
    const lineNumbers = steps.map((s) => s.source.line!);
    expect([...lineNumbers].sort((a, b) => a - b)).toEqual(lineNumbers);
  });

  it('names the resource a #-suffixed step reads or updates as its target', () => {
    for (const s of steps) {
      if (s.id.includes('#')) expect(s.target).toBe(s.id.slice(0, s.id.indexOf('#')));
      else expect(s.target).toBeUndefined();
    }
  });

  it('reads the file the same when it starts with the plan’s errors', () => {
    const withErrors = azcliFiles(plan, { errors: [FINDING] });
    expect(withErrors[0]!.contents).not.toBe(script);
    expect(readAzcli(withErrors, plan).map((s) => s.id)).toEqual(steps.map((s) => s.id));
  });
});

describe('a deploy.sh that is not the exporter’s', () => {
  const plan = examplePlan('hub-and-spoke');
  const script = azcliFiles(plan)[0]!.contents;
  const listed = scriptSteps(plan);
  const offer = listed.find((s) => s.props.allowGatewayTransit === true)!;
  const use = listed.find((s) => s.props.useRemoteGateways === true)!;

  function refusal(contents: string): DryRunReadError {
    try {
      readAzcli([{ path: 'deploy.sh', contents }], plan);
    } catch (e) {
      if (e instanceof DryRunReadError) return e;
      throw e;
    }
    throw new Error('the file was read');
  }

  it('is refused when the spoke’s remote-gateway peering runs before the hub offers transit', () => {
    const swapped = script
      .replace(offer.commands, '\u0000')
      .replace(use.commands, offer.commands)
      .replace('\u0000', use.commands);
    expect(swapped).not.toBe(script);
    const e = refusal(swapped);
    expect(e.file).toBe('deploy.sh');
    // The hub's peering, moved down, is found last; the first step after it is then found above it.
    expect(e.message).toMatch(
      new RegExp(
        `^deploy\\.sh: step \\d+ \\(create .+\\) is at line \\d+, ` +
          `before step \\d+ \\(create ${offer.name}, line \\d+\\), which it must follow\\.$`,
      ),
    );
  });

  it('is refused when a step’s commands were changed, naming the step', () => {
    const changed = script.replace(offer.commands, offer.commands.replace('--allow-gateway-transit=true', ''));
    expect(refusal(changed).message).toMatch(
      new RegExp(`step \\d+ \\(create ${offer.type} ${offer.name}\\) is not in the file`),
    );
  });

  it('is refused when there is no deploy.sh', () => {
    expect(() => readAzcli([{ path: 'main.tf', contents: '' }], plan)).toThrow(DryRunReadError);
    expect(() => readAzcli([], plan)).toThrow('deploy.sh: the Azure CLI export has no deploy.sh to read.');
  });
});
