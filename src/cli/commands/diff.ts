import { diffPlans, type PlanDifference } from '../../import/diff';
import type { CommandRun } from '../command';
import { importNote, loadDeployment } from '../deployment';
import { EXIT, InputError, PROGRAM } from '../io';
import { loadPlan } from '../load';
import { stringOption } from '../options';
import { oneLine } from '../text';

/** A difference in one line, and for one Azure can't apply in place a second line saying why. */
function lines(d: PlanDifference): string[] {
  const values =
    d.kind === 'missing'
      ? `planned ${d.planned}`
      : d.kind === 'extra'
        ? `deployed ${d.deployed}`
        : `planned ${d.planned}; deployed ${d.deployed}`;
  const head = oneLine(`${d.kind.toUpperCase()} ${d.what}: ${values} [${d.path}]`);
  return d.notInPlace === null ? [head] : [head, `    not in place: ${oneLine(d.notInPlace)}`];
}

function summary(differences: readonly PlanDifference[]): string {
  const n = differences.length;
  const marked = differences.filter((d) => d.notInPlace !== null).length;
  return `${n} difference${n === 1 ? '' : 's'}${marked > 0 ? `; ${marked} marked "not in place".` : '.'}`;
}

/** `diff PLAN.json DEPLOYMENT.json`: what the deployment lacks or has differently from the plan. */
export const runDiff: CommandRun = async (options, io) => {
  const format = stringOption(options, 'format') ?? 'text';
  const [planFile, deploymentFile, ...rest] = options.positionals;
  if (deploymentFile === undefined || rest.length > 0)
    throw new InputError(
      'Expected a plan file and a deployment file (the inventory bundle, a template, resource JSON); got ' +
        `${options.positionals.length} file${options.positionals.length === 1 ? '' : 's'}.`,
    );
  const plan = await loadPlan(io, planFile);
  // The plan's server unless --server says otherwise; a deployment of one server is compared whatever its name.
  const server = stringOption(options, 'server');
  const deployed = await (server === undefined
    ? loadDeployment(io, deploymentFile, plan.servers[0]?.name, true)
    : loadDeployment(io, deploymentFile, server));
  const differences = diffPlans(plan, deployed.plan);
  if (format === 'json') io.out(JSON.stringify(differences, null, 2));
  else if (differences.length === 0) io.out('The deployment matches the plan.');
  else io.out([...differences.flatMap(lines), summary(differences)].join('\n'));
  const note = importNote(deployed);
  if (note !== null) io.err(`${PROGRAM} diff: ${note}`);
  return differences.length === 0 ? EXIT.ok : EXIT.findings;
};
