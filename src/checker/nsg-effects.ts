/**
 * "What does this rule do to my clients": for each rule of the delegated subnet's NSG (the user's rules
 * and Azure's default rules), the declared clients whose TCP 5432 connection it decides. It walks the
 * same hops as the connectivity check (the client's network path gives its source addresses, then the
 * NSG evaluator decides inbound TCP 5432 to the delegated subnet, range by range, stopping at the first
 * range denied), so a rule shown as blocking a client is the rule the check names for that client.
 */
import { POSTGRES_PORT } from '../domain/azure';
import type { Plan } from '../domain/plan';
import { contextFor } from './context';
import { nsgContextOf, postgresInboundDecision } from './nsg-filter';
import { privatePath } from './path';

export interface NsgClientEffect {
  /** The client's name. */
  readonly client: string;
  /** Its source addresses as the check shows them (`10.30.1.10`, `10.20.1.0/24`). */
  readonly source: string;
  readonly access: 'Allow' | 'Deny';
  /** The rule decides only part of the client's addresses; other rules decide the rest. */
  readonly partial: boolean;
}

export interface NsgEffects {
  /** By index of the rule in the plan's NSG rules: the clients it decides, in plan order. */
  readonly rules: ReadonlyMap<number, readonly NsgClientEffect[]>;
  /** By name of Azure's default rule (`DenyAllInBound`): the clients it decides. */
  readonly defaults: ReadonlyMap<string, readonly NsgClientEffect[]>;
  /** Clients without a network path to the server: no NSG rule is reached for them. */
  readonly noPath: readonly string[];
}

const cache = new WeakMap<Plan, NsgEffects | null>();

function add<K>(map: Map<K, NsgClientEffect[]>, key: K, effect: NsgClientEffect): void {
  const list = map.get(key);
  if (list === undefined) {
    map.set(key, [effect]);
    return;
  }
  const same = list.find((e) => e.client === effect.client && e.access === effect.access);
  if (same === undefined) list.push(effect);
}

function compute(plan: Plan): NsgEffects | null {
  const ctx = contextFor(plan);
  if (ctx.mode !== 'private') return null;
  const nsg = ctx.access.delegatedSubnet.nsg;
  const destination = ctx.delegated.range;
  if (nsg === null || destination === null) return null;
  const nsgContext = nsgContextOf(ctx);
  const rules = new Map<number, NsgClientEffect[]>();
  const defaults = new Map<string, NsgClientEffect[]>();
  const noPath: string[] = [];
  plan.clients.forEach((client, index) => {
    const source = privatePath(ctx, client, `clients.${index}`).source;
    if (source === null) {
      noPath.push(client.name);
      return;
    }
    for (const range of source.ranges) {
      const decision = postgresInboundDecision(nsg.rules, range, destination, nsgContext);
      const partial = decision.partial === true;
      for (const part of partial ? (decision.parts ?? []) : [decision]) {
        const effect = { client: client.name, source: source.text, access: part.access, partial };
        if (part.ruleIndex === undefined) add(defaults, part.ruleName, effect);
        else add(rules, part.ruleIndex, effect);
      }
      // As the check does: the first range denied decides the client.
      if (decision.access === 'Deny') break;
    }
  });
  return { rules, defaults, noPath };
}

/** What each rule of the plan's NSG does to the declared clients; null without private access or an NSG. */
export function nsgEffects(plan: Plan): NsgEffects | null {
  let effects = cache.get(plan);
  if (effects === undefined) {
    effects = compute(plan);
    cache.set(plan, effects);
  }
  return effects;
}

const clientText = (e: NsgClientEffect) => `${e.partial ? 'part of ' : ''}${e.client} (${e.source})`;

/**
 * One line for a rule: "Allows app-vm (10.1.0.4) → 5432", "Blocks reporting-app (10.30.1.10) → 5432",
 * or "No declared client is affected". Outbound rules never decide a client's connection: security rules
 * are stateful, so the server's replies pass whatever the outbound rules say (DOCS.nsg, "Security rules").
 */
export function nsgEffectLine(effects: readonly NsgClientEffect[] | undefined, direction: string): string {
  if (direction === 'Outbound') return 'No declared client is affected: clients connect inbound.';
  const allowed = (effects ?? []).filter((e) => e.access === 'Allow');
  const blocked = (effects ?? []).filter((e) => e.access === 'Deny');
  const parts: string[] = [];
  if (allowed.length > 0) parts.push(`Allows ${allowed.map(clientText).join(', ')} → ${POSTGRES_PORT}`);
  if (blocked.length > 0) parts.push(`Blocks ${blocked.map(clientText).join(', ')} → ${POSTGRES_PORT}`);
  return parts.length === 0 ? 'No declared client is affected.' : `${parts.join('; ')}.`;
}
