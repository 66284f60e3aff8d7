import { DOCS } from '../../domain/azure';
import { planIndex } from '../../domain/plan-index';
import { report, type Rule } from '../rule';
import { mustReachFailures } from './pgn-008-client-intent';

export const pgn139: Rule = {
  id: 'PGN-139',
  title: 'A peering is declared in both directions',
  severity: 'warning',
  docs: DOCS.vnetPeering,
  source: 'Azure peering rules',
  why:
    'A VNet peering needs a peering resource on each side; with only one, ' +
    'the peering stays "Initiated" and no traffic flows.',
  fix: 'Add the missing peering resource so both VNets peer with each other.',
  check(plan) {
    if (plan.access.mode !== 'private') return [];
    const index = planIndex(plan);
    // One cause, one finding: a peering a client must cross fails that client with PGN-008, which names it.
    const named = new Set<string>();
    for (const hop of mustReachFailures(plan).values()) if (hop.ruleId === this.id && hop.path) named.add(hop.path);
    return plan.access.peerings.flatMap((peering, k) => {
      const path = `access.peerings.${k}`;
      // The first peering of a pair stands for it (a duplicate is PGN-009's and the exports' concern).
      if (index.peering(peering.from, peering.to)?.index !== k) return [];
      if (index.peering(peering.to, peering.from) !== undefined || named.has(path)) return [];
      return [
        report(
          this,
          path,
          `The peering between "${peering.from}" and "${peering.to}" is declared in one ` +
            `direction only: the peering from "${peering.to}" to "${peering.from}" is missing, so no ` +
            `traffic flows. Add it.`,
        ),
      ];
    });
  },
};
