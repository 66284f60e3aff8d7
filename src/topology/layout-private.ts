/**
 * The layout of private access, left to right: on-premises / internet | server VNet | peered VNets, the hub in the
 * middle of them | sites behind the hub's gateway, beside it. The title row is on top, then a row of DNS things
 * (Azure DNS, the private DNS zone, and the custom DNS servers that no VNet on the page holds: the others are drawn
 * in their subnet or VNet). Builds the columns' cards, places them, and hands the frame to the routing of the lines.
 */
import {
  cardWithChips,
  CHIP,
  CHIP_GAP,
  edgeLabelWidth,
  LEAF,
  leafCard,
  maxW,
  PAD,
  textBlock,
  type Card,
  type Limits,
} from './labels';
import { NODE_IDS, type TopoNode } from './model';
import { PAGE_SIZE, pageOf, summaryNode, type LayoutView } from './paging';
import { childrenOf, marked, MARGIN, right, STACK_GAP, type Box, type Ctx } from './placement';
import { peerLanes, peerLanesWidth, routePrivate } from './routing';

/** An on-premises site and its gateway (if connected), drawn side by side. */
interface SiteRow {
  site: Card;
  gateway: Card | null;
  /** The VNet its gateway is in, when known. */
  vnet?: string;
}

/** Space between a site and its gateway. */
const GW_GAP = 50;

/** The delegated subnet: its text, then one row per server: [standby] [primary], primary on the right. */
function delegatedSubnetCard(ctx: Ctx): { ds: Card; rows: { card: Card; right: number; y: number }[] } {
  const dsNode = ctx.node.get(NODE_IDS.delegatedSubnet) as TopoNode;
  const ds = leafCard(dsNode, { minW: 260, maxW: 460 });
  const serverRows: { primary: Card; standby: Card | null }[] = childrenOf(ctx, NODE_IDS.delegatedSubnet, 'server').map(
    (s) => {
      const standbyNode = ctx.node.get(s.id.replace('server-', 'standby-'));
      return {
        primary: leafCard(s, { minW: 200, maxW: 300 }),
        standby: standbyNode ? leafCard(standbyNode, { minW: 150, maxW: 220 }) : null,
      };
    },
  );
  const HA_GAP = 44;
  const rowsW = serverRows.reduce((m, r) => Math.max(m, r.primary.w + (r.standby ? r.standby.w + HA_GAP : 0)), 0);
  ds.w = Math.max(ds.w, rowsW + 2 * PAD + 14);
  let y = ds.h;
  const rowPlacement: { card: Card; right: number; y: number }[] = [];
  for (const r of serverRows) {
    const h = Math.max(r.primary.h, r.standby?.h ?? 0);
    rowPlacement.push({ card: r.primary, right: PAD + 14, y });
    if (r.standby)
      rowPlacement.push({
        card: r.standby,
        right: PAD + 14 + r.primary.w + HA_GAP,
        y: y + Math.round((h - r.standby.h) / 2),
      });
    y += h + 12;
  }
  ds.h = y - 12 + PAD + 4;
  return { ds, rows: rowPlacement };
}

/** The DNS servers drawn in `id` (a VNet or a subnet), as drawn in `parent` (a box that holds `id`'s, if not drawn). */
function dnsCards(ctx: Ctx, ids: readonly string[], parent: string, limits?: Limits): Card[] {
  return ids.flatMap((id) => childrenOf(ctx, id, 'dnsServers')).map((n) => leafCard({ ...n, parent }, limits));
}

/** The ids of the boxes `card` holds, at any depth. */
function heldIds(card: Card, out: Set<string>): Set<string> {
  for (const c of card.children) heldIds(c.card, out.add(c.card.node.id));
  return out;
}

/** `inner` boxes of a card with no hidden ones. */
const innerOf = (cards: Card[]) => ({ cards, hidden: 0, hiddenNoun: '', hiddenPaths: [] });

/** The other subnets of the server VNet, with the clients that live in them; paged when there are many. */
function serverSubnetCards(ctx: Ctx, view: LayoutView): Card[] {
  const group = ctx.topo.groups.find((g) => g.kind === 'subnets');
  const subnetCards: Card[] = [];
  if (group) {
    const paged = pageOf(group, PAGE_SIZE.subnets, view, false);
    if (group.members.length > PAGE_SIZE.subnets) {
      ctx.pagers.push(paged.pager);
      subnetCards.push(
        leafCard(marked(ctx.marks, summaryNode(group, paged.pager, 'subnets-summary', 'note', NODE_IDS.serverVnet)), {
          minW: 240,
          maxW: 460,
        }),
      );
    }
    for (const id of group.members) {
      if (!paged.visible.has(id)) continue;
      const n = ctx.node.get(id) as TopoNode;
      const dns = dnsCards(ctx, [id], id);
      subnetCards.push(cardWithChips(n, childrenOf(ctx, id, 'client'), { minW: 200, maxW: 420 }, innerOf(dns)));
    }
  }
  return subnetCards;
}

/**
 * The server VNet: its text, the delegated subnet with the servers, the other subnets, the appliance and the clients
 * that live in the VNet itself; with the width of the corridor inside its right edge and where the gutter under its
 * text is.
 */
function serverVnetCard(ctx: Ctx, view: LayoutView): { card: Card; corridorRight: number; gutterY: number } {
  const vnetNode = ctx.node.get(NODE_IDS.serverVnet) as TopoNode;
  const head = textBlock(vnetNode, { minW: 300, maxW: 520 }, false);
  const { ds, rows: rowPlacement } = delegatedSubnetCard(ctx);
  const subnetCards = serverSubnetCards(ctx, view);
  const applianceNode = ctx.node.get(NODE_IDS.appliance(NODE_IDS.serverVnet));
  const appliance = applianceNode ? leafCard(applianceNode, { minW: 200, maxW: 420 }) : null;
  // DNS servers in the VNet itself, or in a subnet on another page of them.
  const shownSubnets = new Set(subnetCards.map((c) => c.node.id));
  const dnsHomes = [NODE_IDS.serverVnet, ...childrenOf(ctx, NODE_IDS.serverVnet, 'subnet').map((n) => n.id)];
  const dns = dnsCards(
    ctx,
    dnsHomes.filter((id) => !shownSubnets.has(id)),
    NODE_IDS.serverVnet,
  );
  const looseClients = childrenOf(ctx, NODE_IDS.serverVnet, 'client');
  const loose = looseClients.length > 0 ? looseClients.map((c) => leafCard(c, CHIP, true)) : [];

  const LEFT = 22;
  const RIGHT = 30;
  const innerW = Math.max(
    ds.w,
    maxW(subnetCards),
    maxW(loose),
    maxW(dns),
    appliance?.w ?? 0,
    head.w - LEFT - RIGHT + 2 * PAD,
  );
  ds.w = innerW;
  for (const p of rowPlacement) ds.children.push({ card: p.card, dx: innerW - p.right - p.card.w, dy: p.y });
  for (const c of subnetCards) c.w = innerW;
  const vnet: Card = {
    node: vnetNode,
    w: innerW + LEFT + RIGHT,
    h: 0,
    titleLines: head.titleLines,
    lines: head.lines,
    badges: head.badges,
    children: [],
    extraPaths: [],
    footer: null,
    chip: false,
    marker: head.marker,
  };
  const gutterY = head.h + 4;
  let cy = head.h + 16;
  vnet.children.push({ card: ds, dx: LEFT, dy: cy });
  cy += ds.h + 16;
  for (const c of subnetCards) {
    vnet.children.push({ card: c, dx: LEFT, dy: cy });
    cy += c.h + 12;
  }
  if (appliance) {
    vnet.children.push({ card: appliance, dx: LEFT, dy: cy });
    cy += appliance.h + 12;
  }
  for (const c of dns) {
    vnet.children.push({ card: c, dx: LEFT, dy: cy });
    cy += c.h + 12;
  }
  for (const c of loose) {
    vnet.children.push({ card: c, dx: LEFT, dy: cy });
    cy += c.h + CHIP_GAP;
  }
  vnet.h = cy + 6;
  return { card: vnet, corridorRight: RIGHT, gutterY };
}

/** Subnet boxes drawn inside another VNet; beyond this many, the last ones are counted ("+2 more subnets"). */
const MAX_PEER_SUBNETS = 4;
/** Boxes inside another VNet's box (its appliance and subnets): as wide as the VNet's text allows. */
const INNER: Limits = { minW: 120, maxW: LEAF.maxW - 2 * PAD };

/**
 * Another VNet: its text, its appliance and subnets (each with the private endpoints and DNS servers in it), the
 * private endpoints in the VNet itself, the DNS servers in it or in a subnet counted only, then the clients that live
 * in it.
 */
function peeredVnetCard(ctx: Ctx, id: string): Card {
  const subnets = childrenOf(ctx, id, 'subnet');
  const shown = subnets.length > MAX_PEER_SUBNETS ? subnets.slice(0, MAX_PEER_SUBNETS - 1) : subnets;
  const hidden = subnets.slice(shown.length);
  const endpoints = (of: string, limits: Limits) =>
    childrenOf(ctx, of, 'privateEndpoint').map((n) => leafCard(n, limits));
  const subnetCard = (n: TopoNode): Card => {
    const limits = { minW: INNER.minW, maxW: INNER.maxW - 2 * PAD };
    const inner = [...endpoints(n.id, limits), ...dnsCards(ctx, [n.id], n.id, limits)];
    return inner.length > 0 ? cardWithChips(n, [], INNER, innerOf(inner)) : leafCard(n, INNER);
  };
  const dns = dnsCards(ctx, [id, ...hidden.map((n) => n.id)], id, INNER);
  return cardWithChips(ctx.node.get(id) as TopoNode, childrenOf(ctx, id, 'client'), LEAF, {
    cards: [
      ...childrenOf(ctx, id, 'appliance').map((n) => leafCard(n, INNER)),
      ...shown.map(subnetCard),
      ...endpoints(id, INNER),
      ...dns,
    ],
    hidden: hidden.length,
    hiddenNoun: 'subnet',
    hiddenPaths: hidden.flatMap((n) => n.paths),
  });
}

/** The cards of private access, before they are placed. */
interface PrivateCards {
  readonly vnet: { readonly card: Card; readonly corridorRight: number; readonly gutterY: number };
  /** Column C: the other VNets on the page, after their summary box when paged. */
  readonly colC: readonly Card[];
  readonly peeredSummary: boolean;
  /** Sites joined to the server VNet (left), or to a peered VNet / unknown VNet (right). */
  readonly leftSites: readonly SiteRow[];
  readonly rightSites: readonly SiteRow[];
  /** Under the left sites: the internet, Azure services, the note and the clients whose place is not in the plan. */
  readonly others: readonly Card[];
}

/**
 * The other VNet drawn as the hub: the one that the most lines join to other VNets and to sites (peerings with other
 * VNets, gateways), when it has at least two; the first such in the plan's order on a tie. Null for a star around the
 * server VNet.
 */
export function hubVnet(ctx: Ctx): string | null {
  const joins = new Map<string, number>();
  const add = (id: string) => joins.set(id, (joins.get(id) ?? 0) + 1);
  for (const e of ctx.topo.edges) {
    if (e.kind === 'peering' && e.from !== NODE_IDS.serverVnet && e.to !== NODE_IDS.serverVnet) {
      add(e.from);
      add(e.to);
    } else if (e.kind === 'gateway' && e.id.startsWith('gw-vnet-') && e.to !== NODE_IDS.serverVnet) add(e.to);
  }
  let hub: string | null = null;
  let most = 1;
  for (const n of ctx.topo.nodes) {
    const count = joins.get(n.id) ?? 0;
    if (n.kind === 'peeredVnet' && count > most) {
      hub = n.id;
      most = count;
    }
  }
  return hub;
}

/**
 * The other VNets with the hub in the middle of their column: as many spokes above it as below (one fewer above when
 * odd), so that the server VNet's line, the spokes' lines and the sites behind the hub's gateway meet it from around.
 */
function hubInTheMiddle(hub: string | null, cards: Card[]): Card[] {
  const at = cards.findIndex((c) => c.node.id === hub);
  if (at < 0) return cards;
  const spokes = cards.filter((_, i) => i !== at);
  const above = Math.floor(spokes.length / 2);
  return [...spokes.slice(0, above), cards[at] as Card, ...spokes.slice(above)];
}

/** Column C: peered VNets (paged), with their clients; the hub in the middle. */
export function peeredColumn(ctx: Ctx, view: LayoutView, hub: string | null): { colC: Card[]; peeredSummary: boolean } {
  const peeredGroup = ctx.topo.groups.find((g) => g.kind === 'peeredVnets');
  const peeredCards: Card[] = [];
  let peeredSummary: Card | null = null;
  if (peeredGroup) {
    const paged = pageOf(peeredGroup, PAGE_SIZE.peeredVnets, view, false);
    if (peeredGroup.members.length > PAGE_SIZE.peeredVnets) {
      ctx.pagers.push(paged.pager);
      peeredSummary = leafCard(marked(ctx.marks, summaryNode(peeredGroup, paged.pager, 'peered-summary', 'note')), {
        minW: 220,
        maxW: 320,
      });
    }
    for (const id of peeredGroup.members) if (paged.visible.has(id)) peeredCards.push(peeredVnetCard(ctx, id));
  }
  const colC = peeredSummary ? [peeredSummary, ...hubInTheMiddle(hub, peeredCards)] : hubInTheMiddle(hub, peeredCards);
  return { colC, peeredSummary: peeredSummary !== null };
}

/** Each site with its gateway, and the VNet that holds the gateway (if known). */
export function siteRows(ctx: Ctx): SiteRow[] {
  return ctx.topo.nodes
    .filter((n) => n.kind === 'onPremises')
    .map((n) => {
      const i = n.id.slice('site-'.length);
      const gwNode = ctx.node.get(`gateway-${i}`);
      const target = ctx.edgesById.get(`gw-vnet-${i}`)?.to;
      return {
        site: cardWithChips(n, childrenOf(ctx, n.id, 'client')),
        gateway: gwNode ? leafCard(gwNode, { minW: 120, maxW: 200 }) : null,
        ...(target === undefined ? {} : { vnet: target }),
      };
    });
}

/** Sites: joined to the server VNet (left), or to a peered VNet / unknown VNet (right); and the other boxes. */
function siteColumns(ctx: Ctx): { leftSites: SiteRow[]; rightSites: SiteRow[]; others: Card[] } {
  const rows = siteRows(ctx);
  const left = (r: SiteRow) => r.vnet === undefined || r.vnet === NODE_IDS.serverVnet;
  const leftSites = rows.filter(left);
  const rightSites = rows.filter((r) => !left(r));
  const others: Card[] = [];
  for (const id of [NODE_IDS.internet, NODE_IDS.azureServices, NODE_IDS.note, 'unplaced']) {
    const n = ctx.node.get(id);
    if (n) others.push(cardWithChips(n, childrenOf(ctx, id, 'client')));
  }
  return { leftSites, rightSites, others };
}

/** Right of the other VNets' column: the zone links' trunk (at least), the sites' trunk, the sites' gateways. */
const ZONE_TRUNK = 64;
const SITE_TRUNK = 96;
const SITES = 150;

/**
 * The zone links' trunk, the sites' trunk and the sites' left edge, right of the other VNets' column (`colC`, top to
 * bottom, its right edge at `x`). The zone trunk runs down to the lowest VNet it links, across the line from a
 * gateway into each VNet above that one, on the line's stretch from the sites' trunk into the VNet, whose middle
 * carries the line's label (routing.ts `route`). ZONE_TRUNK leaves room for a label as wide as "VPN" left of the zone
 * trunk; for a wider one ("ExpressRoute"), which no place on its line kept clear of the trunk, the trunks and the
 * sites move right until the label ends at the zone trunk.
 */
export function trunksRightOf(
  ctx: Ctx,
  colC: readonly Card[],
  x: number,
): { zoneTrunk: number; siteTrunk: number; xD: number } {
  const row = new Map(colC.map((c, i) => [c.node.id, i]));
  let lowestLinked = -1;
  if (ctx.node.has(NODE_IDS.dnsZone))
    for (const e of ctx.topo.edges)
      if (e.kind === 'zoneLink') lowestLinked = Math.max(lowestLinked, row.get(e.to) ?? -1);
  // How far the label's right end is past the zone trunk: from the middle of the stretch from the column's edge.
  let shift = 0;
  for (const e of ctx.topo.edges) {
    const r = row.get(e.to);
    if (e.kind === 'gateway' && e.label !== '' && r !== undefined && r < lowestLinked)
      shift = Math.max(shift, SITE_TRUNK / 2 + edgeLabelWidth(e.label) / 2 - ZONE_TRUNK);
  }
  // Moving the trunks right by d moves the label's middle by d / 2: twice the excess closes it.
  const at = x + Math.max(0, Math.ceil(2 * shift));
  return { zoneTrunk: at + ZONE_TRUNK, siteTrunk: at + SITE_TRUNK, xD: at + SITES };
}

/** Where the columns and the trunks between them go, left to right. */
interface PrivateColumns {
  readonly xA: number;
  readonly colAW: number;
  readonly xB: number;
  readonly xC: number;
  readonly xD: number;
  readonly peerTrunk: number;
  readonly zoneTrunk: number;
  readonly siteTrunk: number;
  readonly peerLanes: ReturnType<typeof peerLanes>;
}

/** The columns' left edges and the trunks between them, from the widths of the cards. */
function privateColumns(ctx: Ctx, cards: PrivateCards): PrivateColumns {
  const { colC, leftSites, others } = cards;
  const rowW = (r: SiteRow) => r.site.w + (r.gateway ? r.gateway.w + GW_GAP : 0);
  const colAW = Math.max(0, ...leftSites.map(rowW), maxW(others));

  const xA = MARGIN;
  const xB = colAW > 0 ? xA + colAW + 90 : MARGIN;
  const xBR = xB + cards.vnet.card.w;
  const peerTrunk = xBR + 44;
  const lanes = peerLanes(ctx.topo);
  const xC = xBR + 120 + peerLanesWidth(lanes.count);
  const colCW = maxW(colC);
  const xCR = colC.length > 0 ? xC + colCW : xBR;
  return { xA, colAW, xB, xC, peerTrunk, ...trunksRightOf(ctx, colC, xCR), peerLanes: lanes };
}

/**
 * The DNS row under the title row (at `dnsRowY`), from `x` on: Azure DNS, custom DNS servers not drawn in a VNet
 * (`vnets`), then the zone, roughly over its links (at `zoneX` of its width). Returns the zone's box and the bottom of
 * the row.
 */
export function placeDnsRow(
  ctx: Ctx,
  dnsRowY: number,
  vnets: readonly Card[],
  x: number,
  zoneX: (w: number) => number,
): { zoneBox: Box | null; dnsBottom: number } {
  let dnsBottom = dnsRowY;
  // DNS servers are drawn in the VNet or subnet that holds them; here only those not in one on this page.
  const held = new Set<string>();
  for (const c of vnets) heldIds(c, held);
  for (const n of ctx.topo.nodes) {
    if ((n.kind !== 'azureDns' && n.kind !== 'dnsServers') || held.has(n.id)) continue;
    const b = ctx.placer.place(leafCard({ ...n, parent: null }), x, dnsRowY);
    x = right(b) + 40;
    dnsBottom = Math.max(dnsBottom, b.y + b.h);
  }
  const zoneNode = ctx.node.get(NODE_IDS.dnsZone);
  let zoneBox: Box | null = null;
  if (zoneNode) {
    const zc = leafCard(zoneNode, { minW: 200, maxW: 340 });
    zoneBox = ctx.placer.place(zc, Math.round(Math.max(x, zoneX(zc.w))), dnsRowY);
    dnsBottom = Math.max(dnsBottom, zoneBox.y + zoneBox.h);
  }
  return { zoneBox, dnsBottom };
}

/** The columns from `mainY` down: server VNet, other VNets, sites and other boxes left, sites right. */
function placeColumns(ctx: Ctx, cards: PrivateCards, cols: PrivateColumns, mainY: number, hub: string | null): Box {
  const { colC, leftSites, rightSites, others } = cards;
  const { xA, colAW, xB, xC, xD } = cols;
  // The other VNets' rows, from the top; the server VNet's middle is level with the hub's (unless that would lift it
  // above the row), so that the hub is the middle of the picture with the spokes around it.
  const rows: number[] = [];
  let y = mainY;
  for (const c of colC) {
    rows.push(y);
    y += c.h + STACK_GAP;
  }
  const hubAt = colC.findIndex((c) => c.node.id === hub);
  const hubCard = colC[hubAt];
  const vnetY =
    hubCard === undefined
      ? mainY
      : Math.max(mainY, Math.round((rows[hubAt] as number) + hubCard.h / 2 - cards.vnet.card.h / 2));
  const vnet = ctx.placer.place(cards.vnet.card, xB, vnetY);
  colC.forEach((c, k) => ctx.placer.place(c, xC, rows[k] as number));
  y = mainY;
  for (const r of leftSites) {
    const h = Math.max(r.site.h, r.gateway?.h ?? 0);
    const gw = r.gateway
      ? ctx.placer.place(r.gateway, xA + colAW - r.gateway.w, y + Math.round((h - r.gateway.h) / 2))
      : null;
    const sx = gw ? gw.x - GW_GAP - r.site.w : xA + colAW - r.site.w;
    ctx.placer.place(r.site, sx, y);
    y += h + STACK_GAP;
  }
  for (const c of others) {
    ctx.placer.place(c, xA + colAW - c.w, y);
    y += c.h + STACK_GAP;
  }
  placeRightSites(ctx, rightSites, xD, mainY);
  return vnet;
}

/** Sites right of the other VNets (at `x`, from `y` down), each beside the VNet whose gateway it reaches. */
export function placeRightSites(ctx: Ctx, rows: readonly SiteRow[], x: number, y: number): void {
  for (const r of rows) {
    // Beside the VNet whose gateway it reaches (the hub), or under the site before it.
    const vnetOf = ctx.placer.at.get(r.vnet ?? '');
    if (vnetOf !== undefined) y = Math.max(y, vnetOf.y);
    const h = Math.max(r.site.h, r.gateway?.h ?? 0);
    const gw = r.gateway ? ctx.placer.place(r.gateway, x, y + Math.round((h - r.gateway.h) / 2)) : null;
    ctx.placer.place(r.site, gw ? right(gw) + GW_GAP : x, y);
    y += h + STACK_GAP;
  }
}

/** Places a private-access topology under the title row (`top`), then routes its lines. */
export function layoutPrivate(ctx: Ctx, view: LayoutView, top: number): void {
  const hub = hubVnet(ctx);
  const cards: PrivateCards = {
    vnet: serverVnetCard(ctx, view),
    ...peeredColumn(ctx, view, hub),
    ...siteColumns(ctx),
  };
  const cols = privateColumns(ctx, cards);
  const dnsRowY = top + 40;
  const { colC, vnet: server } = cards;
  const { zoneBox, dnsBottom } = placeDnsRow(ctx, dnsRowY, [server.card, ...colC], MARGIN, (w) =>
    colC.length > 0 ? cols.zoneTrunk - w / 2 : cols.xB + server.card.w / 2 - w / 2,
  );
  const vnet = placeColumns(ctx, cards, cols, dnsBottom + 60, hub);
  routePrivate(ctx, {
    vnet,
    corridorRight: cards.vnet.corridorRight,
    gutterY: cards.vnet.gutterY,
    zoneBox,
    peeredSummary: cards.peeredSummary,
    xB: cols.xB,
    xC: cols.xC,
    peerTrunk: cols.peerTrunk,
    zoneTrunk: cols.zoneTrunk,
    siteTrunk: cols.siteTrunk,
    laneTop: dnsRowY - 16,
    lane1: dnsBottom + 16,
    lane2: dnsBottom + 32,
    peerLanes: cols.peerLanes,
    hub,
  });
}
