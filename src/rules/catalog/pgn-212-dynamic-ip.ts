import { DOCS } from '../../domain/azure';
import { parseIPv4Fast } from '../../domain/ipv4';
import type { ParsedFirewallRule } from '../analysis';
import { analysisOf, report, type Rule } from '../rule';
import { addressRules } from './firewall-helpers';
import { namedAtStart } from '../names';

export const pgn212: Rule = {
  id: 'PGN-212',
  title: 'A client with a dynamic IP address outgrows a single-address rule',
  severity: 'info',
  docs: DOCS.public,
  source: 'seed, troubleshooting',
  why: 'A firewall rule for one address stops matching when a dynamic address changes.',
  fix: 'Ask the ISP for the range assigned to the clients and allow that range, or get a static IP address.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    if (plan.access.mode !== 'public') return [];
    // The first single-address rule of each address (one look-up per client, not a scan of every rule).
    const singleByAddress = new Map<number, ParsedFirewallRule>();
    for (const r of addressRules(a.firewall))
      if (r.range.start === r.range.end && !singleByAddress.has(r.range.start)) singleByAddress.set(r.range.start, r);
    return plan.clients.flatMap((client, i) => {
      if (client.kind !== 'internet' || !client.dynamicIp) return [];
      const ip = parseIPv4Fast(client.address);
      const single = ip.ok ? singleByAddress.get(ip.value) : undefined;
      const rule = single ? ` Rule "${single.rule.name}" allows only ${client.address}.` : '';
      return [
        report(
          this,
          `clients.${i}.dynamicIp`,
          `${namedAtStart('client', client.name)} has a dynamic IP address ` +
            `(${client.address || 'unknown'}): a single-address rule breaks when it ` +
            `changes.${rule} Ask the ISP for the address range and allow it, or use ` +
            `a static IP.`,
        ),
      ];
    });
  },
};
