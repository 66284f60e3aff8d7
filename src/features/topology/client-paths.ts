/**
 * The path of each client through the drawing: the boxes and lines from the client's box to the server's, as
 * the diagram draws them, so that pointing at a client (or focusing it) can trace its whole way.
 *
 * The topology model says which boxes a client's traffic passes (its node's `via`: its subnet or VNet, the firewall
 * or appliance of the hub its path crosses as the checker found it, its site and gateway, a hub, the internet and
 * the firewall rule that lets it in, the public endpoint). Between two of them the path takes the box that holds the
 * other, or the drawn line that joins them (a peering, a gateway, the internet's line to a rule, a rule's to the
 * endpoint, Azure services'); an appliance is reached through its VNet, and left from it. Two VNets that no line
 * joins have no path between them: peering is not transitive, and only the appliance the checker names forwards
 * from one peering to the other. From the last of them the path goes down into the delegated subnet to the server,
 * or along the endpoint's line to it. Pure: the same topology, the same paths.
 */
import { NODE_IDS, type TopoEdge, type TopoEdgeKind, type TopoNode, type Topology } from '../../topology/model';

export interface PathStep {
  readonly type: 'box' | 'edge';
  readonly id: string;
}

export interface ClientPath {
  readonly client: string;
  /**
   * From the client's box to the server's, in order: each step is the box that holds or sits in the one before
   * it, or a line that ends at the box before it, or the box at the other end of that line (or, for a hub crossed
   * between two peerings, its appliance inside it). When the drawing has no way on, the path stops where it does.
   */
  readonly steps: readonly PathStep[];
  /** The client's own line (drawn when the checker says it reaches the server), from its box to the server. */
  readonly line: string | null;
  readonly reachesServer: boolean;
}

/** What a trace lights up: the boxes and lines of the paths of `clients`. */
export interface PathHighlight {
  readonly clients: readonly string[];
  readonly boxes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

/** The lines that carry a client's traffic (DNS, zone links and HA lines carry none). */
const TRAFFIC: ReadonlySet<TopoEdgeKind> = new Set<TopoEdgeKind>([
  'peering',
  'gateway',
  'internetAccess',
  'firewallAllow',
  'privateLink',
  'azureServices',
]);

interface Graph {
  readonly node: ReadonlyMap<string, TopoNode>;
  /** The first traffic line between two boxes, by `a b` in either order. */
  readonly line: ReadonlyMap<string, TopoEdge>;
}

function graphOf(topology: Topology): Graph {
  const node = new Map(topology.nodes.map((n) => [n.id, n]));
  const line = new Map<string, TopoEdge>();
  for (const e of topology.edges) {
    if (!TRAFFIC.has(e.kind)) continue;
    for (const key of [`${e.from} ${e.to}`, `${e.to} ${e.from}`]) if (!line.has(key)) line.set(key, e);
  }
  return { node, line };
}

/** `id` and the boxes that hold it, innermost first. */
function ancestry(g: Graph, id: string): string[] {
  const out: string[] = [];
  for (let at: string | null = id; at !== null; at = g.node.get(at)?.parent ?? null) out.push(at);
  return out;
}

const boxes = (ids: readonly string[]): PathStep[] => ids.map((id) => ({ type: 'box', id }));

/** The steps after `from` that reach `to`, or null when the drawing does not join them. */
function connect(g: Graph, from: string, to: string): PathStep[] | null {
  if (from === to) return [];
  // A hub's appliance that the checker's path crosses (in the client's `via`): into its VNet and through it, then on
  // from that VNet.
  const fromAppliance = g.node.get(from)?.kind === 'appliance' ? g.node.get(from)?.parent : null;
  if (fromAppliance) return connect(g, fromAppliance, to);
  const intoAppliance = g.node.get(to)?.kind === 'appliance' ? g.node.get(to)?.parent : null;
  if (intoAppliance) {
    const part = connect(g, from, intoAppliance);
    return part === null ? null : [...part, { type: 'box', id: to }];
  }
  const up = ancestry(g, from);
  const above = up.indexOf(to);
  if (above > 0) return boxes(up.slice(1, above + 1));
  const down = ancestry(g, to);
  const below = down.indexOf(from);
  if (below > 0) return boxes(down.slice(0, below).reverse());
  const direct = g.line.get(`${from} ${to}`);
  if (direct)
    return [
      { type: 'edge', id: direct.id },
      { type: 'box', id: to },
    ];
  return null;
}

function pathOf(g: Graph, client: TopoNode, line: string | null): ClientPath {
  const via = client.via ?? [];
  if (via.length === 0) return { client: client.id, steps: boxes(ancestry(g, client.id)), line, reachesServer: false };
  const steps: PathStep[] = [{ type: 'box', id: client.id }];
  let at = client.id;
  for (const next of [...via, NODE_IDS.server(0)]) {
    const part = connect(g, at, next);
    if (part === null) return { client: client.id, steps, line, reachesServer: false };
    steps.push(...part);
    at = next;
  }
  return { client: client.id, steps, line, reachesServer: true };
}

function pathsOf(topology: Topology): Map<string, ClientPath> {
  const g = graphOf(topology);
  const lineOf = new Map(topology.edges.filter((e) => e.kind === 'clientPath').map((e) => [e.from, e.id]));
  const out = new Map<string, ClientPath>();
  for (const n of topology.nodes) if (n.kind === 'client') out.set(n.id, pathOf(g, n, lineOf.get(n.id) ?? null));
  return out;
}

interface Index {
  readonly paths: ReadonlyMap<string, ClientPath>;
  /** `box:<id>` / `edge:<id>` → the clients whose path holds it. */
  readonly clientsAt: ReadonlyMap<string, readonly string[]>;
}

const INDEX = new WeakMap<Topology, Index>();

/** Built once per topology, on first use (a trace), so that drawing a large estate does not pay for it. */
function indexOf(topology: Topology): Index {
  const known = INDEX.get(topology);
  if (known) return known;
  const paths = pathsOf(topology);
  const clientsAt = new Map<string, string[]>();
  for (const p of paths.values()) {
    const keys = new Set([...p.steps.map((s) => `${s.type}:${s.id}`), ...(p.line === null ? [] : [`edge:${p.line}`])]);
    for (const key of keys) {
      const list = clientsAt.get(key);
      if (list) list.push(p.client);
      else clientsAt.set(key, [p.client]);
    }
  }
  const index = { paths, clientsAt };
  INDEX.set(topology, index);
  return index;
}

/** The path of every client box of `topology`, by the client's node id. */
export function clientPaths(topology: Topology): ReadonlyMap<string, ClientPath> {
  return indexOf(topology).paths;
}

/**
 * What to light up for the element `key` (`box:<id>` or `edge:<id>`) under the pointer or the focus: the path of
 * the client it is (or whose line it is), else the paths of the clients whose path holds it. Null for elements on
 * no path, and for those on every client's path (the server VNet, the server), which would light up everything.
 */
export function pathHighlight(topology: Topology, key: string): PathHighlight | null {
  const { paths, clientsAt } = indexOf(topology);
  const clients = clientsAt.get(key) ?? [];
  const own = clients.filter((c) => key === `box:${c}` || key === `edge:${paths.get(c)?.line ?? ''}`);
  const chosen = own.length > 0 ? own : clients.length < paths.size ? clients : [];
  if (chosen.length === 0) return null;
  const boxes = new Set<string>();
  const edges = new Set<string>();
  for (const c of chosen) {
    const p = paths.get(c);
    if (!p) continue;
    for (const s of p.steps) (s.type === 'box' ? boxes : edges).add(s.id);
    if (p.line !== null) edges.add(p.line);
  }
  return { clients: chosen, boxes, edges };
}
