import { diffPlans, type PlanDifference } from '../../import/diff';
import type { CommandRun } from '../command';
import { loadDeployment } from '../deployment';
import { EXIT, InputError } from '../io';
import { loadPlan } from '../load';
import { stringOption } from '../options';
import { oneLine } from '../text';

const KIND: Readonly<Record<PlanDifference['kind'], string>> = {
  missing: 'MISSING',
  extra: 'EXTRA',
  changed: 'CHANGED',
};

/** A difference in one line, and for one Azure can't apply in place a second line saying why. */
function lines(d: PlanDifference): string[] {
  const head = oneLine(`${KIND[d.kind]} ${d.what}: planned ${d.planned}; deployed ${d.deployed} [${d.path}]`);
  return d.notInPlace === null ? [head] : [head, `    not in place: ${oneLine(d.notInPlace)}`];
}

/** `diff PLAN.json DEPLOYMENT.json`: what the deployment lacks or has differently from the plan. */
export const runDiff: CommandRun = async (options, io) => {
  const format = stringOption(options, 'format') ?? 'text';
  const [planFile, deploymentFile, ...rest] = options.positionals;
  if (deploymentFile === undefined || rest.length > 0)
    throw new InputError(
      'Expected a plan file and a deployment file (the inventory bundle, a template, resource JSON).',
    );
  const plan = await loadPlan(io, planFile);
  const deployed = await loadDeployment(io, deploymentFile, plan.servers[0]?.name);
  const differences = diffPlans(plan, deployed.plan);
  if (format === 'json') io.out(JSON.stringify(differences, null, 2));
  else if (differences.length === 0) io.out('The deployment matches the plan.');
  else {
    for (const d of differences) for (const l of lines(d)) io.out(l);
    const fixed = differences.filter((d) => d.notInPlace !== null).length;
    io.out(
      `${differences.length} difference${differences.length === 1 ? '' : 's'}` +
        (fixed > 0 ? `; ${fixed} of them Azure can't apply in place.` : '.'),
    );
  }
  return differences.length === 0 ? EXIT.ok : EXIT.findings;
};
