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
    "Each private endpoint writes the server's name with its own address. Two endpoints for one server whose " +
    'networks share one DNS configuration (VNets linked to the same zone, or using the same DNS servers or a ' +
    'resolver in the same VNet) write conflicting records: clients get one address or the other, and lose the ' +
    "server when that endpoint's network is out of their reach. Microsoft recommends a single endpoint per server " +
    'for such networks.',
  fix:
    'Keep one endpoint per server for each DNS configuration: let the other networks reach it through peering, ' +
    'or give the second network its own DNS (zone and resolver).',
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
