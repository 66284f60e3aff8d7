import { checkAllClients } from '../../checker';
import { DOCS, POSTGRES_PORT } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { cidrRange } from '../../domain/ipv4';
import { evaluateCompiledNsgFlow } from '../../domain/nsg';
import { clientSourceRanges } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';
import { mustReachFailures } from './pgn-008-client-intent';
import { describeDecision, formatRange } from './nsg-helpers';
import { named, namedAtStart } from '../names';

export const pgn123: Rule = {
  id: 'PGN-123',
  title: 'The NSG lets every planned client reach the server on TCP 5432',
  severity: 'warning',
  docs: DOCS.nsg,
  source: 'seed, NSG; facts §1.6',
  why:
    'A client the plan says must reach the server is blocked when the NSG on ' +
    'the delegated subnet denies TCP 5432 inbound from its addresses.',
  fix:
    "Add an inbound Allow rule for TCP 5432 from the client's range to the " +
    'delegated subnet, with a priority lower than the rule that denies it.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const nsg = a.private?.delegatedSubnet.nsg ?? null;
    const compiled = a.nsg;
    const d = a.delegated;
    if (nsg === null || compiled === null || a.nsgContext === null || d === null || !d.result.ok) return [];
    const destination = { kind: 'range' as const, range: cidrRange(d.result.value) };
    const out: Finding[] = [];
    // One cause, one finding: where the connectivity check fails first at this NSG, PGN-008's error names it.
    const failures = mustReachFailures(plan);
    const checks = checkAllClients(plan);
    plan.clients.forEach((client, i) => {
      // Internet and Azure-service clients cannot reach a private server at all (PGN-113).
      if (client.kind === 'internet' || client.kind === 'azureService') return;
      // A client the plan keeps out is meant to be denied.
      if (client.intent === 'mustNotReach' || failures.get(i)?.kind === 'filter') return;
      // The check has already found this NSG allowing the client's addresses (the same evaluation, same context).
      if (checks[i]?.hops.some((h) => h.kind === 'filter' && h.status === 'pass')) return;
      for (const range of clientSourceRanges(a, client)) {
        const decision = evaluateCompiledNsgFlow(
          compiled,
          { direction: 'Inbound', protocol: 'Tcp', source: { kind: 'range', range }, destination, port: POSTGRES_PORT },
          a.nsgContext as NonNullable<typeof a.nsgContext>,
        );
        if (decision.access === 'Allow') continue;
        out.push(
          report(
            this,
            `clients.${i}`,
            `${namedAtStart('client', client.name)} (${formatRange(range)}) cannot reach the server ` +
              `on TCP ${POSTGRES_PORT}: in ${named('NSG', nsg.name)} ` +
              `${describeDecision(decision)}. Add an inbound Allow rule for TCP ` +
              `${POSTGRES_PORT} from ${formatRange(range)} to ${d.text} with a ` +
              `priority below ${decision.priority}.`,
          ),
        );
        break;
      }
    });
    return out;
  },
};
