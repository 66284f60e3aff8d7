/**
 * The rule engine: the explicit, sorted list of every rule (nothing registers itself by being
 * imported) and `evaluate`, which runs them all on a plan.
 */
import { sortFindings, type Finding } from '../domain/finding';
import type { Plan } from '../domain/plan';
import { analyze } from './analysis';
import type { Rule } from './rule';
import { pgn001 } from './catalog/pgn-001-server-name';
import { pgn002 } from './catalog/pgn-002-mode-is-permanent';
import { pgn003 } from './catalog/pgn-003-server-level-access';
import { pgn004 } from './catalog/pgn-004-tls-min-version';
import { pgn005 } from './catalog/pgn-005-tls-max-version';
import { pgn006 } from './catalog/pgn-006-secure-transport-off';
import { pgn007 } from './catalog/pgn-007-connect-by-fqdn';
import { pgn008 } from './catalog/pgn-008-client-intent';
import { pgn009 } from './catalog/pgn-009-resource-names';
import { pgn010 } from './catalog/pgn-010-region';
import { pgn011 } from './catalog/pgn-011-server-names-unique';
import { pgn012 } from './catalog/pgn-012-subscription-id';
import { pgn101 } from './catalog/pgn-101-vnet-region';
import { pgn102 } from './catalog/pgn-102-vnet-address-spaces';
import { pgn103 } from './catalog/pgn-103-delegated-prefix';
import { pgn104 } from './catalog/pgn-104-subnet-overlap';
import { pgn105 } from './catalog/pgn-105-reserved-subnet-name';
import { pgn106 } from './catalog/pgn-106-existing-delegation';
import { pgn107 } from './catalog/pgn-107-other-resources';
import { pgn108 } from './catalog/pgn-108-subnet-size';
import { pgn109 } from './catalog/pgn-109-subnet-capacity';
import { pgn110 } from './catalog/pgn-110-no-move-after-deploy';
import { pgn111 } from './catalog/pgn-111-no-public-endpoint';
import { pgn112 } from './catalog/pgn-112-no-private-link';
import { pgn113 } from './catalog/pgn-113-outside-azure-needs-gateway';
import { pgn114 } from './catalog/pgn-114-min-subnet';
import { pgn115 } from './catalog/pgn-115-existing-subnet-vnet';
import { pgn120 } from './catalog/pgn-120-no-asg';
import { pgn121 } from './catalog/pgn-121-ha-ports';
import { pgn122 } from './catalog/pgn-122-ha-storage';
import { pgn123 } from './catalog/pgn-123-client-denied';
import { pgn124 } from './catalog/pgn-124-nsg-priorities';
import { pgn125 } from './catalog/pgn-125-nsg-rule-fields';
import { pgn130 } from './catalog/pgn-130-zone-required';
import { pgn131 } from './catalog/pgn-131-zone-suffix';
import { pgn132 } from './catalog/pgn-132-zone-not-server-fqdn';
import { pgn133 } from './catalog/pgn-133-server-vnet-link';
import { pgn134 } from './catalog/pgn-134-peered-vnet-link';
import { pgn135 } from './catalog/pgn-135-client-vnet-peered';
import { pgn136 } from './catalog/pgn-136-peered-overlap';
import { pgn137 } from './catalog/pgn-137-custom-dns';
import { pgn138 } from './catalog/pgn-138-zone-other-subscription';
import { pgn139 } from './catalog/pgn-139-one-way-peering';
import { pgn140 } from './catalog/pgn-140-gateway-transit';
import { pgn141 } from './catalog/pgn-141-transit';
import { pgn142 } from './catalog/pgn-142-dns-server-placement';
import { pgn143 } from './catalog/pgn-143-route-table-default';
import { pgn201 } from './catalog/pgn-201-nothing-allowed';
import { pgn202 } from './catalog/pgn-202-firewall-ipv6';
import { pgn203 } from './catalog/pgn-203-firewall-ipv4-syntax';
import { pgn204 } from './catalog/pgn-204-firewall-order';
import { pgn205 } from './catalog/pgn-205-azure-services';
import { pgn206 } from './catalog/pgn-206-whole-internet';
import { pgn207 } from './catalog/pgn-207-firewall-rule-name';
import { pgn208 } from './catalog/pgn-208-firewall-name-unique';
import { pgn209 } from './catalog/pgn-209-firewall-overlap';
import { pgn210 } from './catalog/pgn-210-private-ranges';
import { pgn211 } from './catalog/pgn-211-propagation-delay';
import { pgn212 } from './catalog/pgn-212-dynamic-ip';
import { pgn213 } from './catalog/pgn-213-internet-path';
import { pgn220 } from './catalog/pgn-220-private-endpoints';
import { pgn221 } from './catalog/pgn-221-endpoint-placement';
import { pgn222 } from './catalog/pgn-222-privatelink-zone';
import { pgn223 } from './catalog/pgn-223-on-premises-forwarder';
import { pgn224 } from './catalog/pgn-224-public-access-off';
import { pgn225 } from './catalog/pgn-225-endpoint-network-policies';
import { pgn226 } from './catalog/pgn-226-one-endpoint-per-dns-scope';

/** Every rule, sorted by ID. */
export const RULES: readonly Rule[] = [
  pgn001,
  pgn002,
  pgn003,
  pgn004,
  pgn005,
  pgn006,
  pgn007,
  pgn008,
  pgn009,
  pgn010,
  pgn011,
  pgn012,
  pgn101,
  pgn102,
  pgn103,
  pgn104,
  pgn105,
  pgn106,
  pgn107,
  pgn108,
  pgn109,
  pgn110,
  pgn111,
  pgn112,
  pgn113,
  pgn114,
  pgn115,
  pgn120,
  pgn121,
  pgn122,
  pgn123,
  pgn124,
  pgn125,
  pgn130,
  pgn131,
  pgn132,
  pgn133,
  pgn134,
  pgn135,
  pgn136,
  pgn137,
  pgn138,
  pgn139,
  pgn140,
  pgn141,
  pgn142,
  pgn143,
  pgn201,
  pgn202,
  pgn203,
  pgn204,
  pgn205,
  pgn206,
  pgn207,
  pgn208,
  pgn209,
  pgn210,
  pgn211,
  pgn212,
  pgn213,
  pgn220,
  pgn221,
  pgn222,
  pgn223,
  pgn224,
  pgn225,
  pgn226,
];

/** The findings of the rules that read only the access settings (`Rule.reads`), by access settings object. */
const accessFindings = new WeakMap<Plan['access'], Map<string, Finding[]>>();

/** Runs the given rules (default: all) on a plan; findings sorted by severity, path, rule ID. */
export function evaluate(plan: Plan, rules: readonly Rule[] = RULES): Finding[] {
  const analysis = analyze(plan);
  const findings: Finding[] = [];
  let kept = accessFindings.get(plan.access);
  for (const rule of rules) {
    if (rule.reads !== 'access') {
      findings.push(...rule.check(plan, analysis));
      continue;
    }
    if (kept === undefined) {
      kept = new Map();
      accessFindings.set(plan.access, kept);
    }
    let found = kept.get(rule.id);
    if (found === undefined) {
      found = rule.check(plan, analysis);
      kept.set(rule.id, found);
    }
    findings.push(...found);
  }
  return sortFindings(findings);
}

/** The rules that can report an error (what Azure would refuse). */
export const ERROR_RULES: readonly Rule[] = RULES.filter(
  (r) => r.severity === 'error' || r.severity === 'error/warning' || r.severity === 'error/info',
);

export type { Rule } from './rule';
