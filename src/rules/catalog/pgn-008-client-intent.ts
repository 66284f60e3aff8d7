import { checkAllClients, type ClientCheck, type Hop } from '../../checker';
import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import type { Client, Plan } from '../../domain/plan';
import { report, type Rule } from '../rule';
import { namedAtStart } from '../names';

/** The hop where a client's connection fails, as the connectivity check reports it (its first failing hop). */
export const failingHop = (check: ClientCheck): Hop | undefined => check.hops.find((h) => h.status === 'fail');

/**
 * The clients PGN-008 reports as unable to reach the server although they must, by plan index, with the hop
 * the connectivity check fails at. Other rules read it so that one cause gives one finding: PGN-123 and
 * PGN-139 leave out what this error already names.
 */
export function mustReachFailures(plan: Plan): ReadonlyMap<number, Hop> {
  const out = new Map<number, Hop>();
  checkAllClients(plan).forEach((check, i) => {
    const client = plan.clients[i];
    const hop = failingHop(check);
    if (client?.intent === 'mustReach' && check.verdict === 'unreachable' && hop !== undefined) out.set(i, hop);
  });
  return out;
}

function mismatch(client: Client, check: ClientCheck): string | null {
  if (client.intent === 'mustReach') {
    const hop = failingHop(check);
    if (check.verdict !== 'unreachable' || hop === undefined) return null;
    return (
      `${namedAtStart('client', client.name)} must reach the server but cannot: ` +
      `the connectivity check ${check.summary} ` +
      `(failing hop: ${hop.title}${hop.ruleId === undefined ? '' : `, ${hop.ruleId}`}).`
    );
  }
  if (check.verdict === 'unreachable') return null;
  return (
    `${namedAtStart('client', client.name)} must not reach the server, but it can (${check.summary}). ` +
    `Block it (an NSG or ` +
    `firewall rule that leaves it out, or no route to the server), or declare that it must reach the server.`
  );
}

export const pgn008: Rule = {
  id: 'PGN-008',
  title: 'Every client reaches the server, or is kept out, as the plan declares',
  severity: 'error',
  docs: DOCS.private,
  source: "the plan's own intent",
  why:
    'A plan is clean only when the network it describes works: each client declared to reach the server ' +
    'connects through every hop (name resolution, network path, filtering, transport), and each client ' +
    'declared to stay out is blocked. The connectivity check decides both; this rule reports what it finds.',
  fix:
    'Fix the failing hop the finding names (the connectivity check shows the hop and its fix), or change ' +
    "the client's intent if the plan means it to be blocked.",
  check(plan) {
    const out: Finding[] = [];
    const checks = checkAllClients(plan);
    plan.clients.forEach((client, i) => {
      const check = checks[i];
      const message = check === undefined ? null : mismatch(client, check);
      if (message !== null) out.push(report(this, `clients.${i}.intent`, message));
    });
    return out;
  },
};
