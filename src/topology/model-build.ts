/**
 * What the builders of the topology model share: the builder and its `edge` helper, the wording of counts and
 * lists, the server boxes (with their HA standbys) and the client boxes with their paths to the server.
 */
import { SERVER_FQDN_SUFFIX } from '../domain/azure';
import type { Client, Plan, Server } from '../domain/plan';
import {
  NODE_IDS,
  type ClientVerdict,
  type ClientVerdicts,
  type TopoEdge,
  type TopoGroup,
  type TopoNode,
} from './model';

/** The nodes, edges and collections of a picture being built, in drawing order. */
export interface Builder {
  nodes: TopoNode[];
  edges: TopoEdge[];
  groups: TopoGroup[];
}

/** Adds an edge; `via` defaults to none, `style` to solid, `direction` to an association. */
export function edge(
  b: Builder,
  e: Omit<TopoEdge, 'via' | 'style' | 'direction'> & Partial<Pick<TopoEdge, 'via' | 'style' | 'direction'>>,
): void {
  b.edges.push({ via: [], style: 'solid', direction: 'none', ...e });
}

/** The server's host name: its name under the flexible servers' DNS suffix. */
export const serverFqdn = (name: string): string => `${name}.${SERVER_FQDN_SUFFIX}`;

const HA_LABEL: Record<Server['highAvailability'], string> = {
  Disabled: 'HA off',
  SameZone: 'HA: same-zone standby',
  ZoneRedundant: 'HA: zone-redundant standby',
};

const VERDICT_TEXT: Record<ClientVerdict, string> = {
  reachable: '✓ reachable',
  unreachable: '✕ not reachable',
  warning: '⚠ reachable with warnings',
};

/** "1 rule", "1,024 addresses": a count and its noun. */
export const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The items joined with commas, or a dash when there are none. */
export const listOrDash = (items: readonly string[]): string => (items.length === 0 ? '—' : items.join(', '));

/** The servers (and the HA standby of each that has one) inside `parent`, with the replication line. */
export function serverNodes(b: Builder, plan: Plan, parent: string | null): void {
  plan.servers.forEach((s, i) => {
    const ha = s.highAvailability !== 'Disabled';
    b.nodes.push({
      id: NODE_IDS.server(i),
      kind: 'server',
      parent,
      role: ha ? 'Flexible server (primary)' : 'Flexible server',
      title: s.name,
      lines: [serverFqdn(s.name), `PostgreSQL ${s.version} · ${s.region}`, HA_LABEL[s.highAvailability]],
      badges: [],
      paths: [`servers.${i}`],
      tone: 'normal',
    });
    if (ha) {
      b.nodes.push({
        id: NODE_IDS.standby(i),
        kind: 'standby',
        parent,
        role: 'HA standby',
        title: `standby of ${s.name}`,
        lines: [s.highAvailability === 'ZoneRedundant' ? 'another availability zone' : 'same availability zone'],
        badges: [],
        paths: [`servers.${i}.highAvailability`],
        tone: 'normal',
      });
      edge(b, {
        id: `ha-${i}`,
        kind: 'ha',
        from: NODE_IDS.server(i),
        to: NODE_IDS.standby(i),
        label: 'HA',
        description: `${s.name} replicates to its standby (ports 5432 and 6432).`,
        paths: [`servers.${i}.highAvailability`],
      });
    }
  });
}

function clientPlace(client: Client): string {
  switch (client.kind) {
    case 'serverVnet':
      return `in subnet ${client.subnet || '(none)'}`;
    case 'vnet':
      return `in VNet ${client.vnet}`;
    case 'onPremises':
      return `at ${client.site}`;
    case 'internet':
      return client.dynamicIp ? 'internet, dynamic IP' : 'internet';
    case 'azureService':
      return client.tenant === 'other' ? 'Azure service, other tenant' : 'Azure service, this tenant';
  }
}

/** Builds the lines shared by every client node. */
function clientNode(
  client: Client,
  index: number,
  parent: string | null,
  verdicts: ClientVerdicts | undefined,
): TopoNode {
  const verdict = verdicts?.[`clients.${index}`];
  const lines = [client.address ? `${client.address} · ${clientPlace(client)}` : clientPlace(client)];
  if (verdict !== undefined) lines.push(VERDICT_TEXT[verdict]);
  return {
    id: NODE_IDS.client(index),
    kind: 'client',
    parent,
    role: 'Client',
    title: client.name,
    lines,
    badges: [],
    paths: [`clients.${index}`],
    tone: verdict === 'unreachable' ? 'muted' : 'normal',
    ...(verdict !== undefined ? { verdict } : {}),
  };
}

/** A client, where the picture draws it (null: its place is not in the plan), and the boxes its traffic passes. */
export interface PlacedClient {
  readonly client: Client;
  readonly index: number;
  readonly parent: string | null;
  readonly via: string[];
}

/**
 * The client boxes, and the line of each one the checker finds reachable (with or without warnings) that has a
 * way to `server`; clients whose place is not in the plan are collected in a note box of their own.
 */
export function addClients(
  b: Builder,
  placed: readonly PlacedClient[],
  server: string,
  verdicts: ClientVerdicts | undefined,
): void {
  const unplaced: string[] = [];
  for (const p of placed) {
    const node: TopoNode = { ...clientNode(p.client, p.index, p.parent, verdicts), via: p.via };
    if (p.parent === null) unplaced.push(node.id);
    b.nodes.push(node);
    const verdict = node.verdict;
    if (verdict === undefined || verdict === 'unreachable' || p.via.length === 0) continue;
    edge(b, {
      id: `path-${p.index}`,
      kind: 'clientPath',
      from: node.id,
      to: server,
      label: verdict === 'warning' ? '⚠' : '',
      description: `${p.client.name} reaches the server${verdict === 'warning' ? ', with warnings' : ''}.`,
      direction: 'forward',
      style: verdict === 'warning' ? 'dashed' : 'solid',
      paths: [`clients.${p.index}`],
      via: p.via,
      verdict,
    });
  }
  if (unplaced.length > 0) {
    // Clients whose subnet, VNet or site is not in the plan: drawn in a box of their own.
    b.nodes.push({
      id: 'unplaced',
      kind: 'note',
      parent: null,
      role: 'Clients whose place is not in the plan',
      title: 'Clients whose place is not in the plan',
      lines: [`${plural(unplaced.length, 'client')}: VNet, subnet or site not found`],
      badges: [],
      paths: [],
      tone: 'warning',
    });
    const moved = new Set(unplaced);
    for (let i = 0; i < b.nodes.length; i += 1) {
      const n = b.nodes[i] as TopoNode;
      if (moved.has(n.id)) b.nodes[i] = { ...n, parent: 'unplaced' };
    }
  }
}
