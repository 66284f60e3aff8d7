/** Shared by the NSG rules (PGN-121 … PGN-123): describing what an NSG decided, and where. */
import { formatIPv4, rangeAsCidr, formatCidr, type IpRange } from '../../domain/ipv4';
import type { NsgDecision } from '../../domain/nsg';
import type { Nsg, Plan } from '../../domain/plan';

export const NSG_PATH = 'access.delegatedSubnet.nsg';

/**
 * Every NSG the plan describes, with its path: the delegated subnet's (private access), then the existing NSGs of
 * other VNets' subnets (described for the checks of private endpoints in them, never deployed).
 */
export function describedNsgs(plan: Plan): { nsg: Nsg; path: string }[] {
  const a = plan.access;
  const out =
    a.mode === 'private' && a.delegatedSubnet.nsg !== null ? [{ nsg: a.delegatedSubnet.nsg, path: NSG_PATH }] : [];
  a.peeredVnets.forEach((v, i) =>
    v.subnets.forEach((s, j) => {
      if (s.nsg) out.push({ nsg: s.nsg, path: `access.peeredVnets.${i}.subnets.${j}.nsg` });
    }),
  );
  return out;
}

/** The plan path of the rule that decided: the user rule, or the NSG itself for a default rule. */
export const decisionPath = (d: NsgDecision): string =>
  d.ruleIndex === undefined ? NSG_PATH : `${NSG_PATH}.rules.${d.ruleIndex}`;

export function describeDecision(d: NsgDecision): string {
  const who = `${d.isDefault ? 'default rule' : 'rule'} "${d.ruleName}" (priority ${d.priority})`;
  return d.partial ? `${who} denies part of it` : `${who} denies it`;
}

export function formatRange(r: IpRange): string {
  if (r.start === r.end) return formatIPv4(r.start);
  const c = rangeAsCidr(r);
  return c ? formatCidr(c) : `${formatIPv4(r.start)}–${formatIPv4(r.end)}`;
}
