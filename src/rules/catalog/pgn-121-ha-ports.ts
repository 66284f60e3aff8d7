import { DOCS, PGBOUNCER_PORT, POSTGRES_PORT } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { cidrRange } from '../../domain/ipv4';
import { evaluateCompiledNsgFlow, type NsgDecision } from '../../domain/nsg';
import { analysisOf, report, type Rule } from '../rule';
import { decisionPath, describeDecision } from './nsg-helpers';
import { named } from '../names';

export const pgn121: Rule = {
  id: 'PGN-121',
  title: 'With high availability, the NSG allows TCP 5432 and 6432 within the delegated subnet, both ways',
  severity: 'error',
  docs: DOCS.private,
  source: 'seed, HA paragraph',
  why:
    'High availability replicates between the primary and the standby inside ' +
    'the delegated subnet on ports 5432 and 6432; an NSG that blocks them breaks HA.',
  fix:
    'Add Allow rules (inbound and outbound, TCP 5432 and 6432, source and ' +
    'destination the delegated subnet) with a priority lower than the deny.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    const nsg = a.private?.delegatedSubnet.nsg ?? null;
    const compiled = a.nsg;
    const d = a.delegated;
    if (!a.anyHa || nsg === null || compiled === null || a.nsgContext === null || d === null || !d.result.ok) return [];
    const subnet = cidrRange(d.result.value);
    const blocked = new Map<string, { decision: NsgDecision; direction: string; ports: number[] }>();
    for (const direction of ['Inbound', 'Outbound'] as const) {
      for (const port of [POSTGRES_PORT, PGBOUNCER_PORT]) {
        const decision = evaluateCompiledNsgFlow(
          compiled,
          {
            direction,
            protocol: 'Tcp',
            source: { kind: 'range', range: subnet },
            destination: { kind: 'range', range: subnet },
            port,
          },
          a.nsgContext,
        );
        if (decision.access === 'Allow') continue;
        const key = `${direction} ${decisionPath(decision)}`;
        const entry = blocked.get(key);
        if (entry) entry.ports.push(port);
        else blocked.set(key, { decision, direction, ports: [port] });
      }
    }
    const out: Finding[] = [];
    for (const { decision, direction, ports } of blocked.values()) {
      const portText = ports.map((p) => `TCP ${p}`).join(' and ');
      out.push(
        report(
          this,
          decisionPath(decision),
          `High availability needs ${direction.toLowerCase()} ${portText} within ` +
            `the delegated subnet ${d.text}, but in ${named('NSG', nsg.name)} ` +
            `${describeDecision(decision)}. Add an ${direction.toLowerCase()} Allow ` +
            `rule for ${portText} from and to ${d.text} with a priority below ` +
            `${decision.priority}.`,
        ),
      );
    }
    return out;
  },
};
