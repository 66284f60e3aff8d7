/**
 * "Can this client reach the server?" Walks every hop — name resolution, network path, filtering,
 * transport, authentication — and gives a verdict with the first failing hop and its fix.
 */
import type { Client, Plan } from '../domain/plan';
import { contextFor, type CheckContext } from './context';
import { byIpHops, privateDnsHops, publicDnsHops } from './dns';
import { endpointRoute, missedEndpointHops, publicAccessOffHop } from './endpoint';
import { firewallHops } from './firewall';
import { nsgHops } from './nsg-filter';
import { privatePath, publicPath } from './path';
import { transportHops } from './transport';
import { HOP_KIND_LABEL, type ClientCheck, type Hop, type Verdict } from './types';

function authHop(): Hop {
  return {
    kind: 'auth',
    status: 'info',
    title: 'Authentication',
    detail:
      'The network only lets the client try: every connection still needs ' +
      'valid credentials, and PostgreSQL roles decide which databases and ' +
      'tables it may use.',
    ruleId: 'PGN-003',
  };
}

/**
 * The client's hops, and the private endpoint they go through or the hub VNet whose appliance they cross (each by
 * its plan path), if any.
 */
function hopsFor(
  ctx: CheckContext,
  client: Client,
  clientPath: string,
): { hops: Hop[]; endpointPath?: string; hubPath?: string | undefined } {
  const last = [...transportHops(ctx.plan.tls, client, clientPath), authHop()];
  if (ctx.mode === 'public') {
    const endpoint = endpointRoute(ctx, client, clientPath);
    if (endpoint?.resolves === true) {
      // Connecting by IP skips resolution: the hops still say what the name would need (PGN-007).
      const dns = endpoint.hops.filter((h) => h.kind === 'dns');
      const rest = endpoint.hops.filter((h) => h.kind !== 'dns');
      const hops = [...(client.connectsByIp ? byIpHops(ctx.fqdn, clientPath, dns) : dns), ...rest, ...last];
      return endpoint.endpointPath === undefined ? { hops } : { hops, endpointPath: endpoint.endpointPath };
    }
    const missed = endpoint === null ? [] : missedEndpointHops(ctx, endpoint.hops);
    if (!ctx.access.publicNetworkAccess)
      return { hops: [...missed, ...publicPath(ctx, client).hops, publicAccessOffHop(), ...last] };
    const resolution = [...publicDnsHops(ctx), ...missed];
    const dns = client.connectsByIp ? byIpHops(ctx.fqdn, clientPath, resolution) : resolution;
    return { hops: [...dns, ...publicPath(ctx, client).hops, ...firewallHops(ctx, client, clientPath), ...last] };
  }
  const resolution = privateDnsHops(ctx, client, clientPath);
  const dns = client.connectsByIp ? byIpHops(ctx.fqdn, clientPath, resolution) : resolution;
  const route = privatePath(ctx, client, clientPath);
  return { hops: [...dns, ...route.hops, ...nsgHops(ctx, route.source), ...last], hubPath: route.hubPath };
}

function verdictOf(hops: readonly Hop[]): { verdict: Verdict; summary: string } {
  const failed = hops.find((h) => h.status === 'fail');
  if (failed)
    return {
      verdict: 'unreachable',
      summary: `fails at ${HOP_KIND_LABEL[failed.kind]}: ${failed.fix ?? failed.title}`,
    };
  const warnings = hops.filter((h) => h.status === 'warn');
  const first = warnings[0];
  if (first) {
    const count = warnings.length === 1 ? 'a warning' : `${warnings.length} warnings`;
    return {
      verdict: 'warning',
      summary: `reachable with ${count}; at ${HOP_KIND_LABEL[first.kind]}: ${first.fix ?? first.title}`,
    };
  }
  const route = hops.filter((h) => h.kind === 'path').map((h) => h.title);
  return { verdict: 'reachable', summary: `reachable: ${route.join(', then ')}` };
}

function checkAt(ctx: CheckContext, client: Client, index: number): ClientCheck {
  const clientPath = `clients.${index}`;
  const { hops, endpointPath, hubPath } = hopsFor(ctx, client, clientPath);
  return {
    client: client.name,
    clientPath,
    ...verdictOf(hops),
    hops,
    ...(endpointPath ? { endpointPath } : {}),
    ...(hubPath ? { hubPath } : {}),
  };
}

/** The check of the (first) client with this name, or null when the plan has none. */
export function checkClient(plan: Plan, clientName: string): ClientCheck | null {
  const index = plan.clients.findIndex((c) => c.name === clientName);
  const client = plan.clients[index];
  return client === undefined ? null : checkAt(contextFor(plan), client, index);
}

const allChecks = new WeakMap<Plan, readonly ClientCheck[]>();

/**
 * Every client of the plan, in plan order: computed once per plan object and shared by every reader (the rule
 * PGN-008, the checker view, the CLI), so that they cannot disagree.
 */
export function checkAllClients(plan: Plan): readonly ClientCheck[] {
  let checks = allChecks.get(plan);
  if (checks === undefined) {
    const ctx = contextFor(plan);
    checks = plan.clients.map((client, index) => checkAt(ctx, client, index));
    allChecks.set(plan, checks);
  }
  return checks;
}
