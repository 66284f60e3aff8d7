/** Shared by the firewall rules (PGN-202 … PGN-212). */
import { AZURE_SERVICES_RULE_IP } from '../../domain/azure';
import type { IpRange } from '../../domain/ipv4';
import type { Plan } from '../../domain/plan';
import type { ParsedFirewallRule } from '../analysis';

/** The "allow Azure services" marker rule 0.0.0.0–0.0.0.0 (not an address range). seed; facts §1.7 */
export const isAzureServicesRule = (r: ParsedFirewallRule): boolean =>
  r.rule.startIp === AZURE_SERVICES_RULE_IP && r.rule.endIp === AZURE_SERVICES_RULE_IP;

/** Firewall rules with a valid range, without the Azure-services marker. */
export const addressRules = (rules: readonly ParsedFirewallRule[]): (ParsedFirewallRule & { range: IpRange })[] =>
  rules.filter((r): r is ParsedFirewallRule & { range: IpRange } => r.range !== null && !isAzureServicesRule(r));

export const rangeText = (r: ParsedFirewallRule): string =>
  r.rule.startIp === r.rule.endIp ? r.rule.startIp : `${r.rule.startIp}–${r.rule.endIp}`;

/** Public network access is off: firewall rules are not enforced (PE §1.4), PGN-224 says so; no exposure to report. */
export const publicAccessOff = (plan: Plan): boolean =>
  plan.access.mode === 'public' && !plan.access.publicNetworkAccess;
