import { DOCS } from '../../domain/azure';
import { specialUseOverlaps, type SpecialUse } from '../../domain/ipv4';
import { analysisOf, report, type Rule } from '../rule';
import { addressRules, rangeText, publicAccessOff } from './firewall-helpers';
import { exposesInternet } from './pgn-206-whole-internet';
import { namedAtStart } from '../names';

const LABEL: Record<SpecialUse, string> = {
  private: 'private (RFC 1918)',
  loopback: 'loopback (127.0.0.0/8)',
  'link-local': 'link-local (169.254.0.0/16)',
};

export const pgn210: Rule = {
  id: 'PGN-210',
  title: 'A firewall rule covers private, loopback or link-local addresses',
  severity: 'warning',
  docs: DOCS.public,
  source: 'seed, "Public access" characteristics',
  why:
    'Traffic from the internet never comes from private, loopback or ' +
    'link-local addresses; a client in a VNet needs private access (or a ' +
    'private endpoint) instead.',
  fix:
    "Use the client's public IPv4 address (what it shows on the internet), " +
    'or plan private access for clients inside Azure VNets.',
  check(plan, analysis) {
    const a = analysisOf(plan, analysis);
    if (publicAccessOff(plan)) return [];
    return addressRules(a.firewall).flatMap((r) => {
      // A rule that exposes the whole internet is reported by PGN-206; its private part is the lesser problem.
      if (exposesInternet(r.range)) return [];
      const kinds = specialUseOverlaps(r.range);
      if (kinds.length === 0) return [];
      return [
        report(
          this,
          r.path,
          `${namedAtStart('firewall rule', r.rule.name)} (${rangeText(r)}) covers ` +
            `${kinds.map((k) => LABEL[k]).join(' and ')} addresses: connections over ` +
            `the internet never come from them. Use the client's public IPv4 ` +
            `address; a client inside a VNet needs private access or a private endpoint.`,
        ),
      ];
    });
  },
};
