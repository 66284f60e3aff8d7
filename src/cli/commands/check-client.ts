import { checkClient, HOP_KIND_LABEL, type ClientCheck, type Hop } from '../../checker';
import { clientFromAddress } from '../../import/client-from-address';
import { liveResourceAt } from '../../import/live';
import type { CommandRun } from '../command';
import { loadPlanOrDeployment } from '../deployment';
import { EXIT, InputError } from '../io';
import { stringOption } from '../options';
import { oneLine } from '../text';

const STATUS_LABEL: Readonly<Record<Hop['status'], string>> = {
  pass: 'PASS',
  fail: 'FAIL',
  warn: 'WARN',
  info: 'INFO',
};
const VERDICT_LABEL: Readonly<Record<ClientCheck['verdict'], string>> = {
  reachable: 'REACHABLE',
  warning: 'REACHABLE WITH WARNINGS',
  unreachable: 'NOT REACHABLE',
};

/**
 * One line per hop: status, stage, rule ID, title and detail, then the fix (and the plan field to change), and for
 * an imported deployment the deployed resource to change.
 */
function formatHopLine(hop: Hop, resourceIds: Readonly<Record<string, string>> | null): string {
  const rule = hop.ruleId ?? '-------';
  const fix = hop.fix ? `\n       fix: ${oneLine(hop.fix)}${hop.path ? ` [${oneLine(hop.path)}]` : ''}` : '';
  const live = hop.fix && hop.path && resourceIds ? liveResourceAt(resourceIds, hop.path) : undefined;
  const what = oneLine(`${hop.title}: ${hop.detail}`);
  const resource = live === undefined ? '' : `\n       resource: ${oneLine(live)}`;
  return `  ${STATUS_LABEL[hop.status]} ${rule} ${HOP_KIND_LABEL[hop.kind]} | ${what}${fix}${resource}`;
}

function formatCheckText(check: ClientCheck, resourceIds: Readonly<Record<string, string>> | null): string {
  const lines = [
    oneLine(`${check.client}: ${VERDICT_LABEL[check.verdict]} (${check.summary})`),
    ...check.hops.map((hop) => formatHopLine(hop, resourceIds)),
  ];
  return lines.join('\n');
}

export const runCheckClient: CommandRun = async (options, io) => {
  const format = stringOption(options, 'format') ?? 'text';
  const from = stringOption(options, 'from');
  const files = options.positionals;
  if (files.length > 1) throw new InputError(`Expected one plan file; got ${files.length}: ${files.join(' ')}.`);
  const loaded = await loadPlanOrDeployment(io, files[0]);
  let plan = loaded.plan;
  let name = stringOption(options, 'client');
  if (from !== undefined) {
    // The failing application's address stands for a client of the plan's networks.
    const found = clientFromAddress(plan, from, name ?? `application at ${from.trim()}`);
    if (!found.ok) throw new InputError(found.message);
    plan = { ...plan, clients: [...plan.clients, found.client] };
    name = found.client.name;
    if (format !== 'json') io.out(oneLine(`${from.trim()} is in ${found.where}.`));
  }
  const known = plan.clients.map((c) => c.name);
  const clients = known.length > 0 ? `Clients in the plan: ${known.join(', ')}.` : 'The plan has no clients.';
  if (name === undefined) throw new InputError(`--client NAME or --from ADDRESS is required. ${clients}`);
  const check = checkClient(plan, name);
  if (check === null) throw new InputError(`No client named "${name}" in the plan. ${clients}`);
  const resourceIds = loaded.imported?.resourceIds ?? null;
  io.out(format === 'json' ? JSON.stringify(check, null, 2) : formatCheckText(check, resourceIds));
  return check.verdict === 'unreachable' ? EXIT.findings : EXIT.ok;
};
