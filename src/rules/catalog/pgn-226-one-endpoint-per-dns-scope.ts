import { DOCS } from '../../domain/azure';
import type { Finding } from '../../domain/finding';
import { report, type Rule } from '../rule';
import { peContext, zoneName } from './pe-helpers';

export const pgn226: Rule = {
  id: 'PGN-226',
  title: 'One private endpoint per server for networks that share one DNS configuration',
  severity: 'warning',
  docs: DOCS.privateEndpointDns,
  source: 'PE §1.3, §1.6',
  why:
    "Each endpoint writes the server's name with its address; two in one DNS configuration (same zone, DNS servers " +
    'or resolver VNet) conflict. Microsoft: one endpoint per server there.',
  fix: 'Keep one endpoint per server and DNS configuration; reach it by peering, or give the other network own DNS.',
  check(plan) {
    const c = peContext(plan);
    if (c === null) return [];
    const first = new Map<string, string>();
    const out: Finding[] = [];
    c.access.privateEndpoints.forEach((pe, i) => {
      const v = c.vnet(pe.vnet);
      if (v === undefined) return;
      const server = pe.server || (plan.servers[0]?.name ?? '');
      const scope = c.scope(v);
      const key = `${server.toLowerCase()}\u0000${scope}`;
      const other = first.get(key);
      if (other === undefined) {
        first.set(key, pe.name);
        return;
      }
      const shared = scope === 'zone' ? `both resolve through zone ${zoneName(c.access)}` : 'they use the same DNS';
      out.push(
        report(
          this,
          `access.privateEndpoints.${i}`,
          `Private endpoints "${other}" and "${pe.name}" both connect to server "${server}" and ${shared}: their ` +
            'records for the server conflict, and clients get one address or the other. Keep one endpoint: remove ' +
            `"${pe.name}", or give its network its own DNS.`,
        ),
      );
    });
    return out;
  },
};
