/**
 * Hop 3 for private access: the network security group of the delegated subnet, inbound TCP 5432
 * from the client's addresses, decided by the NSG evaluator (rules by priority, then Azure's
 * default rules). A source given as a range is allowed only when every address of it is (PGN-123).
 */
import { POSTGRES_PORT } from '../domain/azure';
import { mergeRanges, type IpRange } from '../domain/ipv4';
import { evaluateNsgFlow, type NsgContext, type NsgDecision } from '../domain/nsg';
import type { NsgRule } from '../domain/plan';
import type { PrivateContext } from './context';
import type { Source } from './path';
import type { Hop } from './types';

const filterHop = (h: Omit<Hop, 'kind'>): Hop => ({ kind: 'filter', ...h });

const nsgContexts = new WeakMap<PrivateContext, NsgContext>();

/**
 * The NSG context of the plan, built from the ranges the checker has already parsed. It is the
 * same value as `nsgContextForPlan(plan)` (a test holds the two equal): `VirtualNetwork` = the
 * server VNet, the VNets peered in both directions and the on-premises ranges connected by VPN or
 * ExpressRoute.
 */
export function nsgContextOf(ctx: PrivateContext): NsgContext {
  let nsgContext = nsgContexts.get(ctx);
  if (nsgContext === undefined) {
    const ranges: IpRange[] = [...ctx.server.spaces];
    for (const ref of ctx.peered) {
      if (ref.fromServer && ref.toServer) ranges.push(...ref.spaces);
    }
    for (const site of ctx.siteList) if (site.site.connection !== 'none') ranges.push(...site.ranges);
    nsgContext = { virtualNetwork: mergeRanges(ranges), region: ctx.plan.servers[0]?.region ?? ctx.access.vnet.region };
    nsgContexts.set(ctx, nsgContext);
  }
  return nsgContext;
}

/** What the NSG decides for PostgreSQL traffic (TCP 5432, inbound) from `range` to the delegated subnet. */
export function postgresInboundDecision(
  rules: readonly NsgRule[],
  range: IpRange,
  destination: IpRange,
  nsgContext: NsgContext,
): NsgDecision {
  return evaluateNsgFlow(
    rules,
    {
      direction: 'Inbound',
      protocol: 'Tcp',
      source: { kind: 'range', range },
      destination: { kind: 'range', range: destination },
      port: POSTGRES_PORT,
    },
    nsgContext,
  );
}

function describe(decision: NsgDecision): string {
  return `${decision.isDefault ? 'default rule ' : 'rule '}${decision.ruleName} (priority ${decision.priority})`;
}

function evaluate(ctx: PrivateContext, source: Source): Hop {
  const nsg = ctx.access.delegatedSubnet.nsg;
  const subnet = `${ctx.delegated.name} (${ctx.delegated.prefix})`;
  // With a private endpoint, the subnet is the endpoint's, in another VNet of the plan, and PGN-225 applies.
  const at = ctx.delegated.path;
  const ruleId = ctx.endpoint ? 'PGN-225' : 'PGN-123';
  if (nsg === null) {
    return filterHop({
      status: 'pass',
      title: 'Network security group',
      detail: `${subnet} has no NSG: nothing filters TCP ${POSTGRES_PORT} from ${source.text}.`,
      ruleId,
    });
  }
  const nsgContext = nsgContextOf(ctx);
  const destination = ctx.delegated.range;
  if (destination === null) {
    return filterHop({
      status: 'warn',
      title: `NSG ${nsg.name}`,
      detail:
        `The prefix "${ctx.delegated.prefix}" of ${ctx.delegated.name} is not a valid ` +
        `CIDR block, so ${nsg.name} cannot be evaluated.`,
      ruleId,
      fix: `correct the prefix of ${ctx.delegated.name}`,
      path: `${at}.prefix`,
    });
  }
  let denied: NsgDecision | null = null;
  let allowedBy: NsgDecision | null = null;
  let partial = false;
  for (const range of source.ranges) {
    const decision = postgresInboundDecision(nsg.rules, range, destination, nsgContext);
    if (decision.partial === true) partial = true;
    if (decision.access === 'Deny') {
      denied = decision;
      break;
    }
    allowedBy ??= decision;
  }
  if (denied !== null) {
    const ruleIndex = denied.ruleIndex ?? -1;
    return filterHop({
      status: 'fail',
      title: `NSG ${nsg.name}`,
      detail:
        `${nsg.name} denies TCP ${POSTGRES_PORT} from ${source.text} to ${subnet}: ${describe(denied)} decides` +
        (partial ? ' (it covers only part of the source range; a range passes only if every address is allowed)' : '') +
        '.',
      ruleId,
      fix: `allow TCP ${POSTGRES_PORT} from ${source.text} in ${nsg.name}`,
      path: ruleIndex >= 0 ? `${at}.nsg.rules.${ruleIndex}` : `${at}.nsg.rules`,
    });
  }
  return filterHop({
    status: 'pass',
    title: `NSG ${nsg.name}`,
    detail:
      `${nsg.name} allows TCP ${POSTGRES_PORT} from ${source.text} to ` +
      `${subnet}${allowedBy ? `: ${describe(allowedBy)}` : ''}.`,
    ruleId,
  });
}

export function nsgHops(ctx: PrivateContext, source: Source | null): Hop[] {
  if (source === null) {
    return [
      filterHop({
        status: 'info',
        title: 'Network security group',
        detail: 'Not evaluated: without a network path there is no source address to filter.',
        ruleId: 'PGN-123',
      }),
    ];
  }
  let hop = ctx.filterCache.get(source.text);
  if (hop === undefined) {
    hop = evaluate(ctx, source);
    ctx.filterCache.set(source.text, hop);
  }
  return [hop];
}
