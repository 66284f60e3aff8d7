/**
 * The diagram's lines, routed between the placed boxes as orthogonal polylines with their labels. Private access:
 * into the server VNet and on to the (first) server, DNS lanes over the DNS row, the lanes of the peerings between
 * two other VNets, and each client's path. Public access: from the internet through the firewall rules to the
 * endpoints and on to the servers.
 */
import { edgeLabelWidth, type Label } from './labels';
import { NODE_IDS, type TopoEdge, type Topology } from './model';
import {
  clamp,
  edgeLabel,
  isFree,
  mid,
  right,
  STACK_GAP,
  type Box,
  type Ctx,
  type Point,
  type RoutedEdge,
} from './placement';

/** Removes repeated and collinear points so that every route is a clean orthogonal polyline. */
function simplify(points: readonly Point[]): Point[] {
  const out: Point[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) continue;
    const prev = out[out.length - 2];
    if (prev && last && ((prev[0] === last[0] && last[0] === p[0]) || (prev[1] === last[1] && last[1] === p[1]))) {
      out[out.length - 1] = p;
      continue;
    }
    out.push(p);
  }
  return out;
}

/**
 * Routes an edge along `points`. Its label goes on the longest horizontal segment (labels read best there), else the
 * longest segment, skipping those where it would cover a box (the stretch through a box, hidden under it) or another
 * label while there are others (placement.ts `isFree`); unless `labelAt` places it (given the label's width; null =
 * no label drawn, the line's style and its tooltip still tell).
 */
function route(
  ctx: Ctx,
  edgeId: string,
  points: readonly Point[],
  labelAt?: (w: number) => { x: number; y: number } | null,
): void {
  const edge = ctx.edgesById.get(edgeId);
  if (!edge) return;
  const pts = simplify(points);
  const text = edge.label;
  const w = edgeLabelWidth(text);
  let label: RoutedEdge['label'] = null;
  if (text !== '' && labelAt !== undefined) {
    const at = labelAt(w);
    if (at !== null) label = { text, x: at.x, y: at.y, w };
  } else if (text !== '') {
    const spots = pts
      .slice(1)
      .map((b, i) => {
        const a = pts[i] as Point;
        const flat = a[1] === b[1];
        const len = Math.abs(b[0] - a[0]) + Math.abs(b[1] - a[1]) + (flat ? 10_000 : 0);
        return { len, label: { text, x: (a[0] + b[0]) / 2, y: (a[1] + b[1]) / 2 - (flat ? 5 : 0), w } };
      })
      .sort((p, q) => q.len - p.len);
    const { boxes, labels } = ctx.placer;
    const free = spots.find((s) => isFree(edgeLabel({ id: edgeId, label: s.label }) as Label, boxes, labels));
    label = (free ?? spots[0])?.label ?? null;
  }
  const placed = edgeLabel({ id: edgeId, label });
  if (placed) ctx.placer.labels.push(placed);
  ctx.routed.push({ id: edgeId, edge, points: pts, label, marker: null });
}

// ---------------------------------------------------------------------------------------------
// Private access

/** Lanes of the lines between two other VNets, left of their column: one per line, up to this many. */
const PEER_LANES = 4;
const PEER_LANE_GAP = 7;

const isPeerToPeer = (e: TopoEdge): boolean =>
  e.kind === 'peering' && e.from !== NODE_IDS.serverVnet && e.to !== NODE_IDS.serverVnet;

/**
 * Lines between two other VNets run in lanes just left of their column, which moves right to make room (the labels
 * of the server VNet's peerings stay clear of the lanes): the lane of each such line, and how many lanes there are.
 */
export function peerLanes(topo: Topology): { lane: ReadonlyMap<string, number>; count: number } {
  const lane = new Map(topo.edges.filter(isPeerToPeer).map((e, i) => [e.id, i % PEER_LANES]));
  return { lane, count: Math.min(PEER_LANES, lane.size) };
}

/** The room `count` lanes take left of the other VNets' column. */
export const peerLanesWidth = (count: number): number => (count > 0 ? 2 * PEER_LANE_GAP * count + 16 : 0);

/** Where a layout put what the lines of the other VNets (their peerings, sites, zone links, DNS) run along. */
interface VnetFrame {
  /** The private DNS zone's box, if drawn. */
  readonly zoneBox: Box | null;
  /** True when the other VNets are paged: their summary box stands for those on other pages. */
  readonly peeredSummary: boolean;
  /** The left edge of the other VNets' column. */
  readonly xC: number;
  /** The vertical trunks: of the zone links, of the sites behind another VNet. */
  readonly zoneTrunk: number;
  readonly siteTrunk: number;
  /** The horizontal lanes: over the DNS row (forwarders), and under it (zone links). */
  readonly laneTop: number;
  readonly lane2: number;
  /** The lines between two other VNets (peerLanes). */
  readonly peerLanes: { lane: ReadonlyMap<string, number>; count: number };
  /** The other VNet drawn as the hub, in the middle of its column (null for a star around the server VNet). */
  readonly hub: string | null;
}

/** Where the private layout put what its lines run along or between. */
export interface PrivateFrame extends VnetFrame {
  /** The server VNet's box, the corridor inside its right edge (its width) and the gutter under its text. */
  readonly vnet: Box;
  readonly corridorRight: number;
  readonly gutterY: number;
  /** The left edge of the server VNet's column. */
  readonly xB: number;
  /** The vertical trunk of the server VNet's peerings, and the lane under the DNS row (DNS use). */
  readonly peerTrunk: number;
  readonly lane1: number;
}

/** The box on its own (a VNet, a site) that holds `b`, or `b` when it is one. */
function outermost(at: ReadonlyMap<string, Box>, b: Box): Box {
  let o = b;
  for (let p = at.get(o.node.parent ?? ''); p !== undefined; p = at.get(o.node.parent ?? '')) o = p;
  return o;
}

/** Where a peered VNet's line meets (the summary, when the VNet is on another page). */
const peeredAnchor = (ctx: Ctx, frame: VnetFrame, id: string): Box | undefined =>
  ctx.placer.at.get(id) ?? (frame.peeredSummary ? ctx.placer.at.get('peered-summary') : undefined);

/**
 * The router of the lines that the server VNet has no part in: DNS forwarders, zone links and peerings of the other
 * VNets, sites and their gateways into them. Returns whether it routed the line.
 */
function vnetRouter(ctx: Ctx, frame: VnetFrame): (e: TopoEdge) => boolean {
  const { zoneBox, zoneTrunk, siteTrunk, laneTop, lane2 } = frame;
  const at = ctx.placer.at;
  /** The DNS servers that a forwarding line with its label already goes into. */
  const forwardLabelled = new Set<string>();
  /** The gaps between two other VNets (by their height) where a line between two of them already has its label. */
  const labelled = new Set<number>();
  /** How many gateway lines enter each VNet so far. */
  const entering = new Map<string, number>();
  return (e) => {
    const a = at.get(e.from);
    const b = at.get(e.to);
    if (e.kind === 'dnsForward') {
      if (a && b) {
        const ax = Math.round(a.x + a.w / 2);
        const bx = Math.round(b.x + b.w / 2);
        // Out of the VNet that holds the DNS servers on its left, then up over the DNS row.
        const home = outermost(at, a);
        const start: Point[] =
          home === a
            ? [
                [ax, a.y],
                [ax, laneTop],
              ]
            : [
                [a.x, mid(a) - 6],
                [home.x - 10, mid(a) - 6],
                [home.x - 10, laneTop],
              ];
        // One label for the lines into one resolver, which run side by side over the DNS row (as from Azure
        // services in public access).
        route(ctx, e.id, [...start, [bx, laneTop], [bx, b.y]], forwardLabelled.has(e.to) ? () => null : undefined);
        forwardLabelled.add(e.to);
      }
    } else if (e.kind === 'zoneLink' && e.to !== NODE_IDS.serverVnet) {
      if (zoneBox && b) {
        const zx = Math.min(zoneTrunk, right(zoneBox) - 16);
        const yIn = b.y + 16;
        // The label on the stretch into the VNet, the line's own: where the zone stands right of the trunk (pushed
        // by the DNS row), the stretch along lane2 + 8 is longer, but the server VNet's link runs 8 px over it, under
        // a label there.
        route(
          ctx,
          e.id,
          [
            [Math.max(zx, zoneBox.x + 40), zoneBox.y + zoneBox.h],
            [Math.max(zx, zoneBox.x + 40), lane2 + 8],
            [zoneTrunk, lane2 + 8],
            [zoneTrunk, yIn],
            [right(b), yIn],
          ],
          () => ({ x: (zoneTrunk + right(b)) / 2, y: yIn - 5 }),
        );
      }
    } else if (isPeerToPeer(e)) {
      routePeerToPeer(ctx, e, frame.peerLanes.lane.get(e.id) ?? 0, {
        lanes: frame.peerLanes.count,
        xC: frame.xC,
        hub: frame.hub,
        labelled,
      });
    } else if (e.id.startsWith('site-gw-')) {
      // Site ⇄ its gateway: side by side on one row.
      if (a && b)
        route(
          ctx,
          e.id,
          a.x < b.x
            ? [
                [right(a), mid(b)],
                [b.x, mid(b)],
              ]
            : [
                [a.x, mid(b)],
                [right(b), mid(b)],
              ],
        );
    } else if (e.kind === 'gateway' && e.to !== NODE_IDS.serverVnet) {
      if (a && b) {
        // Each gateway into one VNet enters a row of its own, a label's height under the one before (while the VNet
        // reaches): 6 px apart, where the separation of shared stretches puts them, one's label lies across the other.
        const k = entering.get(b.id) ?? 0;
        entering.set(b.id, k + 1);
        const y = Math.min(mid(b) + 8 + 20 * k, b.y + b.h - 8);
        route(ctx, e.id, [
          [a.x, mid(a)],
          [siteTrunk, mid(a)],
          [siteTrunk, y],
          [right(b), y],
        ]);
      }
    } else return false;
    return true;
  };
}

/** Routes every line of a private-access picture, in the topology's order. */
export function routePrivate(ctx: Ctx, frame: PrivateFrame): void {
  const { vnet, corridorRight, gutterY, zoneBox, xB, peerTrunk, siteTrunk, lane1, lane2 } = frame;

  // Routes into the server VNet, and on to the (first) server.
  const at = ctx.placer.at;
  const vTop = vnet.y + 40;
  const vBottom = vnet.y + vnet.h - 20;
  const corridorX = right(vnet) - Math.round(corridorRight / 2);
  const leftCorridorX = vnet.x + 11;
  const gutter = vnet.y + gutterY;
  const server0 = at.get(NODE_IDS.server(0));
  const toServerFromRight = (yIn: number): Point[] =>
    server0
      ? [
          [right(vnet), yIn],
          [corridorX, yIn],
          [corridorX, mid(server0)],
          [right(server0), mid(server0)],
        ]
      : [];
  const toServerFromLeft = (yIn: number): Point[] =>
    server0
      ? [
          [vnet.x, yIn],
          [leftCorridorX, yIn],
          [leftCorridorX, gutter],
          [corridorX, gutter],
          [corridorX, mid(server0)],
          [right(server0), mid(server0)],
        ]
      : [];
  const other = vnetRouter(ctx, frame);

  for (const e of ctx.topo.edges) {
    if (other(e)) continue;
    switch (e.kind) {
      case 'ha': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (a && b)
          route(ctx, e.id, [
            [a.x, mid(a)],
            [right(b), mid(a)],
          ]);
        break;
      }
      case 'dnsUse': {
        const b = at.get(e.to);
        if (!b) break;
        const home = outermost(at, b);
        if (home === vnet) break; // its own DNS servers are drawn in it
        const bx = Math.round(b.x + b.w / 2);
        // To DNS servers in another VNet: over the labels of the zone links under it (their tops are on lane1).
        const y = home === b ? lane1 : lane1 - 4;
        route(ctx, e.id, [
          [vnet.x + 40, vnet.y],
          [vnet.x + 40, y],
          ...(home === b
            ? ([
                [bx, y],
                [bx, b.y + b.h],
              ] as Point[])
            : ([
                [home.x - 16, y],
                [home.x - 16, mid(b) + 6],
                [b.x, mid(b) + 6],
              ] as Point[])),
        ]);
        break;
      }
      case 'zoneLink': {
        // To the server VNet (the other VNets' links are vnetRouter's).
        if (!zoneBox) break;
        const zx = zoneBox.x + 24;
        const vx = Math.round(vnet.x + vnet.w / 2);
        route(ctx, e.id, [
          [zx, zoneBox.y + zoneBox.h],
          [zx, lane2],
          [vx, lane2],
          [vx, vnet.y],
        ]);
        break;
      }
      case 'peering': {
        const other = e.from === NODE_IDS.serverVnet ? e.to : e.from;
        const b = at.get(other);
        if (!b) break;
        const yIn = clamp(mid(b), vTop, vBottom);
        const pts: Point[] = [
          [right(vnet), yIn],
          [peerTrunk, yIn],
          [peerTrunk, mid(b)],
          [b.x, mid(b)],
        ];
        route(ctx, e.id, e.from === NODE_IDS.serverVnet ? pts : [...pts].reverse());
        break;
      }
      case 'gateway': {
        // Into the server VNet (the others are vnetRouter's).
        const a = at.get(e.from);
        if (!a) break;
        const yIn = clamp(mid(a), vTop, vBottom);
        route(ctx, e.id, [
          [right(a), mid(a)],
          [xB - 45, mid(a)],
          [xB - 45, yIn],
          [vnet.x, yIn],
        ]);
        break;
      }
      case 'clientPath': {
        const chip = at.get(e.from);
        if (!chip || !server0) break;
        const pts = clientRoutePrivate(e, chip, {
          at,
          vnet,
          peerTrunk,
          siteTrunk,
          xB,
          vTop,
          vBottom,
          peeredAnchor: (id) => peeredAnchor(ctx, frame, id),
          toServerFromLeft,
          toServerFromRight,
          corridorX,
          server0,
        });
        if (pts.length > 0) route(ctx, e.id, pts);
        break;
      }
      default:
        break;
    }
  }
}

/**
 * A peering between two other VNets (a hub and a spoke): out of the left side of one, along lane `lane` left of
 * their column, into the left side of the other, near the top (the server VNet's lines meet the middle). The
 * label sits left of all lanes in a gap between two boxes of the column, once per gap: for a line of the hub, the
 * gap on the spoke's side towards the hub (above a spoke under the hub, under a spoke above it), so that the spokes
 * around the hub each label their own; otherwise the gap above the lower box. Drawn when both VNets are on the page,
 * as the server VNet's peerings are.
 */
function routePeerToPeer(
  ctx: Ctx,
  e: TopoEdge,
  lane: number,
  column: { lanes: number; xC: number; hub: string | null; labelled: Set<number> },
): void {
  const a = ctx.placer.at.get(e.from);
  const b = ctx.placer.at.get(e.to);
  if (!a || !b) return;
  const laneX = (j: number): number => column.xC - 8 - PEER_LANE_GAP * j;
  const x = laneX(lane);
  const ya = a.y + 12 + 5 * lane;
  const yb = b.y + 12 + 5 * lane;
  const lower = a.y > b.y ? a : b;
  const upper = lower === a ? b : a;
  // The top of the gap the label goes in: above the lower box, or under the upper one when that is a spoke of the hub.
  const gapTop = lower.node.id === column.hub ? upper.y + upper.h : lower.y - STACK_GAP;
  route(
    ctx,
    e.id,
    [
      [a.x, ya],
      [x, ya],
      [x, yb],
      [b.x, yb],
    ],
    (w) => {
      if (column.labelled.has(gapTop)) return null;
      column.labelled.add(gapTop);
      return { x: laneX(column.lanes - 1) - 3 - w / 2, y: gapTop + STACK_GAP / 2 + 5 };
    },
  );
}

interface PrivateRouteEnv {
  at: Map<string, Box>;
  vnet: Box;
  peerTrunk: number;
  siteTrunk: number;
  xB: number;
  vTop: number;
  vBottom: number;
  peeredAnchor: (id: string) => Box | undefined;
  toServerFromLeft: (y: number) => Point[];
  toServerFromRight: (y: number) => Point[];
  corridorX: number;
  server0: Box;
}

function clientRoutePrivate(e: TopoEdge, chip: Box, env: PrivateRouteEnv): Point[] {
  const { at } = env;
  const cy = mid(chip);
  const first = e.via[0];
  if (first === undefined) return [];
  const place = at.get(first);
  if (!place) return [];
  if (place.node.kind === 'subnet' || first === NODE_IDS.serverVnet) {
    return [
      [right(chip), cy],
      [env.corridorX, cy],
      [env.corridorX, mid(env.server0)],
      [right(env.server0), mid(env.server0)],
    ];
  }
  if (place.node.kind === 'peeredVnet') {
    const appliance = at.get(e.via[1] ?? '');
    if (appliance?.node.kind === 'appliance') {
      // Through the firewall or appliance of the hub that the checker's path crosses: out of the client's VNet along a
      // trunk of its own, into the hub to the appliance's left side on the client's side of its middle, back out
      // on the other side, and on to the server VNet left of the way in (so the two halves don't cross).
      const side = cy > mid(appliance) ? 4 : -4;
      const yTo = mid(appliance) + side;
      const yFrom = yTo - 2 * side;
      const yIn = clamp(yFrom, env.vTop, env.vBottom);
      const x = env.peerTrunk + 10;
      return [
        [chip.x, cy],
        [x + 5, cy],
        [x + 5, yTo],
        [appliance.x, yTo],
        [appliance.x, yFrom],
        [x, yFrom],
        [x, yIn],
        ...env.toServerFromRight(yIn),
      ];
    }
    const yIn = clamp(cy, env.vTop, env.vBottom);
    return [[chip.x, cy], [env.peerTrunk + 5, cy], [env.peerTrunk + 5, yIn], ...env.toServerFromRight(yIn)];
  }
  if (place.node.kind === 'onPremises') {
    const gw = at.get(e.via[1] ?? '');
    if (!gw) return [];
    const hubId = e.via.length > 3 ? e.via[2] : undefined;
    if (hubId === undefined) {
      // Site → gateway → server VNet from the left.
      const yIn = clamp(mid(gw), env.vTop, env.vBottom);
      return [
        [right(chip), cy],
        [right(place) + 8, cy],
        [right(place) + 8, mid(gw)],
        [right(gw), mid(gw)],
        [env.xB - 40, mid(gw)],
        [env.xB - 40, yIn],
        ...env.toServerFromLeft(yIn),
      ];
    }
    const hub = env.peeredAnchor(hubId);
    if (!hub) return [];
    const yIn = clamp(mid(hub), env.vTop, env.vBottom);
    // Into the hub under its middle (under the gateway's line and its label) and across it; when the checker's path
    // crosses the hub's appliance, up its right margin first and across behind the appliance's box.
    const appliance = at.get(e.via[3] ?? '');
    const y = mid(hub) + 13;
    const ya = appliance?.node.kind === 'appliance' ? mid(appliance) + 14 : y;
    return [
      [chip.x, cy],
      [place.x - 8, cy],
      [place.x - 8, mid(gw)],
      [gw.x, mid(gw)],
      [env.siteTrunk + 5, mid(gw)],
      [env.siteTrunk + 5, y],
      [right(hub) - 5, y],
      [right(hub) - 5, ya],
      [hub.x, ya],
      [env.peerTrunk + 5, ya],
      [env.peerTrunk + 5, yIn],
      ...env.toServerFromRight(yIn),
    ];
  }
  // Internet or Azure services (column A): straight to the server VNet's left side.
  const yIn = clamp(cy, env.vTop, env.vBottom);
  return [
    [right(chip), cy],
    [right(place) + 8, cy],
    [env.xB - 40, cy],
    [env.xB - 40, yIn],
    ...env.toServerFromLeft(yIn),
  ];
}

// ---------------------------------------------------------------------------------------------
// Public access

/** Where the public layout put what its lines run along or between. */
export interface PublicFrame {
  /** The VNets' frame, and the trunk of the private endpoints' lines left of them. */
  readonly vnets: VnetFrame & { readonly peTrunk: number };
  /** The internet's box. */
  readonly inet: Box;
  /** True when the firewall rules are paged: their summary box stands for those not shown. */
  readonly summary: boolean;
  /** The vertical trunks right of the internet's column and right of the rules' column. */
  readonly inetTrunk: number;
  readonly ruleTrunk: number;
  /** The lanes above the columns and under them. */
  readonly topLane: number;
  readonly bottomLane: number;
}

/** Routes every line of a public-access picture, in the topology's order. */
export function routePublic(ctx: Ctx, frame: PublicFrame): void {
  const { inet, summary, inetTrunk, ruleTrunk, topLane, bottomLane, vnets } = frame;
  const at = ctx.placer.at;
  const other = vnetRouter(ctx, vnets);
  const peTrunk = vnets.peTrunk;
  /**
   * From the private endpoints' trunk over a server's row into its top; a client's line `d` inside the endpoint's,
   * clear of its label over it.
   */
  const toServer = (server: Box, d: number): Point[] => [
    [peTrunk - d, server.y - 14 + d],
    [right(server) - 24 + d, server.y - 14 + d],
    [right(server) - 24 + d, server.y],
  ];

  const ruleBox = (id: string): Box | undefined =>
    at.get(id) ?? (summary ? at.get(NODE_IDS.firewallSummary) : undefined);
  const done = new Set<string>();
  /** Whether a line from Azure services, and one from a private endpoint, has its label (the first one routed). */
  let azureLabelled = false;
  let privateLinkLabelled = false;
  for (const e of ctx.topo.edges) {
    if (other(e)) continue;
    switch (e.kind) {
      case 'privateLink': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (!a || !b) break;
        // One label for the lines from the endpoints, which run side by side up the trunk between the servers and the
        // VNets: a label on each would lie across the lines beside it, where the gap has no room for one per line.
        route(
          ctx,
          e.id,
          [[a.x, mid(a)], [peTrunk, mid(a)], ...toServer(b, 0)],
          privateLinkLabelled ? () => null : undefined,
        );
        privateLinkLabelled = true;
        break;
      }
      case 'internetAccess': {
        const r = ruleBox(e.to);
        if (!r) break;
        const key = `inet>${r.id}`;
        if (done.has(key)) break; // a collapsed summary gets one line, not one per rule
        done.add(key);
        route(ctx, e.id, [
          [right(inet), mid(inet)],
          [inetTrunk, mid(inet)],
          [inetTrunk, mid(r)],
          [r.x, mid(r)],
        ]);
        break;
      }
      case 'firewallAllow': {
        const a = e.from.startsWith('endpoint-') ? at.get(e.from) : ruleBox(e.from);
        const b = at.get(e.to);
        if (!a || !b) break;
        if (a.node.kind === 'publicEndpoint') {
          route(ctx, e.id, [
            [right(a), mid(b)],
            [b.x, mid(b)],
          ]);
          break;
        }
        const key = `${a.id}>${b.id}`;
        if (done.has(key)) break;
        done.add(key);
        route(ctx, e.id, [
          [right(a), mid(a)],
          [ruleTrunk, mid(a)],
          [ruleTrunk, mid(b)],
          [b.x, mid(b)],
        ]);
        break;
      }
      case 'azureServices': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (!a || !b) break;
        const lane = Math.max(bottomLane, mid(a));
        // One label for the lines from Azure services, which run side by side to the endpoints: on each of them,
        // the labels would lie across the lines beside them.
        route(
          ctx,
          e.id,
          [
            [right(a), mid(a)],
            [inetTrunk - 16, mid(a)],
            [inetTrunk - 16, lane],
            [ruleTrunk + 10, lane],
            [ruleTrunk + 10, mid(b) + 6],
            [b.x, mid(b) + 6],
          ],
          azureLabelled ? () => null : undefined,
        );
        azureLabelled = true;
        break;
      }
      case 'ha': {
        const a = at.get(e.from);
        const b = at.get(e.to);
        if (a && b)
          route(ctx, e.id, [
            [right(a), mid(a)],
            [b.x, mid(a)],
          ]);
        break;
      }
      case 'clientPath': {
        const chip = at.get(e.from);
        const server = at.get(e.to);
        const ep = at.get(NODE_IDS.endpoint(0));
        if (!chip || !server || !ep) break;
        const place = at.get(e.via[0] ?? '');
        if (!place) break;
        const cy = mid(chip);
        const pe = at.get(e.via[e.via.length - 1] ?? '');
        if (pe?.node.kind === 'privateEndpoint') {
          // From a VNet to the endpoints' trunk; from a site through its gateway and the endpoint to it.
          const gw = at.get(e.via[1] ?? '');
          const y = mid(pe) + 5;
          route(ctx, e.id, [
            ...((gw && place.node.kind === 'onPremises'
              ? [
                  [chip.x, cy],
                  [place.x - 8, cy],
                  [place.x - 8, mid(gw)],
                  [gw.x, mid(gw)],
                  [vnets.siteTrunk + 5, mid(gw)],
                  [vnets.siteTrunk + 5, y],
                  [peTrunk - 5, y],
                ]
              : [
                  [chip.x, cy],
                  [peTrunk - 5, cy],
                ]) as Point[]),
            ...toServer(server, 5),
          ]);
          break;
        }
        // A client in a VNet or a site gets in only through a private endpoint: with none drawn (on another page of
        // the VNets), no line, rather than one from the right of the picture as if it were left of the rules.
        if (place.node.kind === 'peeredVnet' || place.node.kind === 'onPremises') break;
        const head: Point[] = [
          [right(chip), cy],
          [right(place) + 6, cy],
        ];
        const ruleId = e.via.length > 2 ? e.via[1] : undefined;
        const r = ruleId !== undefined ? ruleBox(ruleId) : undefined;
        const tail: Point[] = [
          [ep.x, mid(ep) + 5],
          [right(ep), mid(ep) + 5],
          [server.x, mid(ep) + 5],
        ];
        if (r) {
          route(ctx, e.id, [
            ...head,
            [inetTrunk + 5, cy],
            [inetTrunk + 5, mid(r) + 5],
            [r.x, mid(r) + 5],
            [right(r), mid(r) + 5],
            [ruleTrunk + 5, mid(r) + 5],
            [ruleTrunk + 5, mid(ep) + 5],
            ...tail,
          ]);
        } else if (place.node.kind === 'azureServices') {
          const lane = Math.max(bottomLane, cy) + 6;
          route(ctx, e.id, [
            ...head,
            [inetTrunk - 11, cy],
            [inetTrunk - 11, lane],
            [ruleTrunk + 15, lane],
            [ruleTrunk + 15, mid(ep) + 5],
            ...tail,
          ]);
        } else {
          route(ctx, e.id, [
            ...head,
            [inetTrunk + 5, cy],
            [inetTrunk + 5, topLane],
            [ruleTrunk + 5, topLane],
            [ruleTrunk + 5, mid(ep) + 5],
            ...tail,
          ]);
        }
        break;
      }
      default:
        break;
    }
  }
}
