import { checkClient, HOP_KIND_LABEL, type ClientCheck, type Hop } from '../../checker';
import type { Plan } from '../../domain/plan';
import { parseArmId } from '../../import/arm-id';
import { clientFromAddress } from '../../import/client-from-address';
import { liveResourceAt } from '../../import/live';
import type { CommandRun } from '../command';
import { importNote, loadPlanOrDeployment } from '../deployment';
import { EXIT, InputError, PROGRAM } from '../io';
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

/** Resource types as the hops name them, by the ARM type's last segment (lower case). */
const TYPE_WORDS: Readonly<Record<string, string>> = {
  flexibleservers: 'Flexible server',
  virtualnetworks: 'VNet',
  subnets: 'Subnet',
  networksecuritygroups: 'NSG',
  privatednszones: 'Private DNS zone',
  routetables: 'Route table',
  azurefirewalls: 'Azure Firewall',
  virtualnetworkgateways: 'Gateway',
};

/**
 * A deployed resource in words, from its ARM ID: `NSG nsg-app in resource group rg-spoke, subscription …`; a child
 * resource names its parent (`Subnet snet-app of vnet-app`).
 */
function resourceWords(id: string): string {
  const parts = parseArmId(id);
  if (parts === null) return id;
  const type = parts.type.split('/').at(-1) ?? parts.type;
  const name = parts.names.at(-1) ?? '';
  const parent = parts.names.length > 1 ? ` of ${parts.names.at(-2) ?? ''}` : '';
  return (
    `${TYPE_WORDS[type.toLowerCase()] ?? type} ${name}${parent} in resource group ${parts.resourceGroup}, ` +
    `subscription ${parts.subscription}`
  );
}

/** The deployed resource to change for a hop with a fix, when the check is of an imported deployment. */
function liveResource(hop: Hop, resourceIds: Readonly<Record<string, string>> | null): string | undefined {
  return hop.fix && hop.path && resourceIds ? liveResourceAt(resourceIds, hop.path) : undefined;
}

/**
 * One line per hop: status, stage, rule ID, title and detail, then the fix (and the plan field to change), and for
 * an imported deployment the deployed resource to change, in words and by ID.
 */
function formatHopLine(hop: Hop, resourceIds: Readonly<Record<string, string>> | null): string {
  const rule = hop.ruleId ?? '-------';
  const fix = hop.fix ? `\n       fix: ${oneLine(hop.fix)}${hop.path ? ` [${oneLine(hop.path)}]` : ''}` : '';
  const live = liveResource(hop, resourceIds);
  const what = oneLine(`${hop.title}: ${hop.detail}`);
  const resource =
    live === undefined ? '' : `\n       resource: ${oneLine(resourceWords(live))}\n       id: ${oneLine(live)}`;
  return `  ${STATUS_LABEL[hop.status]} ${rule} ${HOP_KIND_LABEL[hop.kind]} | ${what}${fix}${resource}`;
}

function formatCheckText(check: ClientCheck, resourceIds: Readonly<Record<string, string>> | null): string {
  const lines = [
    oneLine(`${check.client}: ${VERDICT_LABEL[check.verdict]} (${check.summary})`),
    ...check.hops.map((hop) => formatHopLine(hop, resourceIds)),
  ];
  return lines.join('\n');
}

/**
 * Where `--from` placed the application: its address, the network in words, that network's plan path and, in another
 * VNet, the subnet that holds it.
 */
interface FromAddress {
  readonly address: string;
  readonly where: string;
  readonly path: string | null;
  readonly subnet: string | null;
}

/** `--format json`: the check; for a deployment, each hop with a fix also has `resourceId`, the resource to change. */
function checkJson(
  check: ClientCheck,
  resourceIds: Readonly<Record<string, string>> | null,
  from: FromAddress | null,
): unknown {
  const hops =
    resourceIds === null
      ? check.hops
      : check.hops.map((hop) => {
          const live = liveResource(hop, resourceIds);
          return live === undefined ? hop : { ...hop, resourceId: live };
        });
  return from === null ? { ...check, hops } : { ...check, hops, from };
}

/** The plan with the application at `address` as a client (named `name`, or `application at ADDRESS`). */
function withClientAt(
  plan: Plan,
  address: string,
  name: string | undefined,
): { plan: Plan; name: string; from: FromAddress } {
  if (name !== undefined && plan.clients.some((c) => c.name.toLowerCase() === name.toLowerCase()))
    throw new InputError(
      `The plan already has a client named "${name}": with --from, --client names the new client; choose another ` +
        'name, or leave --from out to check that client.',
    );
  const found = clientFromAddress(plan, address, name);
  if (!found.ok) throw new InputError(found.message);
  return {
    plan: { ...plan, clients: [...plan.clients, found.client] },
    name: found.client.name,
    from: { address: address.trim(), where: found.where, path: found.path, subnet: found.subnet },
  };
}

export const runCheckClient: CommandRun = async (options, io) => {
  const format = stringOption(options, 'format') ?? 'text';
  const address = stringOption(options, 'from');
  const files = options.positionals;
  if (files.length > 1)
    throw new InputError(`Expected one plan or deployment file; got ${files.length}: ${files.join(' ')}.`);
  const loaded = await loadPlanOrDeployment(io, files[0], stringOption(options, 'server'));
  let plan = loaded.plan;
  let name = stringOption(options, 'client');
  let from: FromAddress | null = null;
  if (address !== undefined) {
    // The failing application's address stands for a client of the plan's networks.
    ({ plan, name, from } = withClientAt(plan, address, name));
  }
  const known = plan.clients.map((c) => c.name);
  const clients =
    known.length > 0
      ? `Clients in the plan: ${known.join(', ')}.`
      : loaded.imported === null
        ? 'The plan has no clients.'
        : 'A deployment has no clients: give --from with the address of the application that cannot connect.';
  if (name === undefined) throw new InputError(`--client NAME or --from ADDRESS is required. ${clients}`);
  const check = checkClient(plan, name);
  if (check === null) throw new InputError(`No client named "${name}" in the plan. ${clients}`);
  const resourceIds = loaded.imported?.resourceIds ?? null;
  if (format === 'json') io.out(JSON.stringify(checkJson(check, resourceIds, from), null, 2));
  else {
    if (from !== null)
      io.out(oneLine(`${from.address} is in ${from.where}${from.subnet === null ? '' : `, subnet ${from.subnet}`}.`));
    io.out(formatCheckText(check, resourceIds));
  }
  const note = loaded.imported === null ? null : importNote(loaded.imported);
  if (note !== null) io.err(`${PROGRAM} check-client: ${note}`);
  return check.verdict === 'unreachable' ? EXIT.findings : EXIT.ok;
};
