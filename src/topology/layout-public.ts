/**
 * The layout of public access, left to right: internet, Azure services | firewall rules | public endpoints |
 * servers | the VNets with the private endpoints, the hub in the middle of them | sites behind the hub's gateway,
 * under the title row (and, with VNets, a row of DNS things as in private access). Builds the columns' cards, places
 * them, and hands the frame to the routing of the lines.
 */
import { cardWithChips, leafCard, maxW, type Card } from './labels';
import { hubVnet, peeredColumn, placeDnsRow, placeRightSites, siteRows, trunksRightOf } from './layout-private';
import { NODE_IDS, type TopoNode } from './model';
import { PAGE_SIZE, pageOf, summaryNode, type LayoutView } from './paging';
import { childrenOf, marked, MARGIN, STACK_GAP, type Box, type Ctx } from './placement';
import { peerLanes, peerLanesWidth, routePublic } from './routing';

/** Column A: the internet, Azure services (if drawn) and the clients whose place is not in the plan. */
function sourceColumn(ctx: Ctx): Card[] {
  const internetNode = ctx.node.get(NODE_IDS.internet) as TopoNode;
  const internetCard = cardWithChips(internetNode, childrenOf(ctx, NODE_IDS.internet, 'client'));
  const azureNode = ctx.node.get(NODE_IDS.azureServices);
  const azureCard = azureNode ? cardWithChips(azureNode, childrenOf(ctx, NODE_IDS.azureServices, 'client')) : null;
  const unplacedNode = ctx.node.get('unplaced');
  const unplacedCard = unplacedNode ? cardWithChips(unplacedNode, childrenOf(ctx, 'unplaced', 'client')) : null;
  return [internetCard, ...(azureCard ? [azureCard] : []), ...(unplacedCard ? [unplacedCard] : [])];
}

/**
 * Column B: the rules, one box each, or a summary box (collapsed) with a page of rules (expanded); the note when
 * there are no rules. `summary` is the summary box, when drawn.
 */
function ruleColumn(ctx: Ctx, view: LayoutView): { colB: Card[]; summary: Card | null } {
  const group = ctx.topo.groups.find((g) => g.kind === 'firewallRules');
  const colB: Card[] = [];
  let summary: Card | null = null;
  if (group) {
    const many = group.members.length > PAGE_SIZE.firewallRules;
    const paged = pageOf(group, PAGE_SIZE.firewallRules, view, many);
    const visible = paged.visible;
    if (many) {
      ctx.pagers.push(paged.pager);
      const node = marked(ctx.marks, summaryNode(group, paged.pager, NODE_IDS.firewallSummary, 'firewallSummary'));
      summary = leafCard(node, { minW: 240, maxW: 340 });
      colB.push(summary);
    }
    for (const id of group.members)
      if (visible.has(id)) colB.push(leafCard(ctx.node.get(id) as TopoNode, { minW: 200, maxW: 300 }));
  } else {
    const note = ctx.node.get(NODE_IDS.note);
    if (note) colB.push(leafCard(note));
  }
  return { colB, summary };
}

/** Places a public-access topology under the title row (`top`), then routes its lines. */
export function layoutPublic(ctx: Ctx, view: LayoutView, top: number): void {
  // The VNets (with the private endpoints not in one at their foot) and the sites, when the plan has any.
  const hub = hubVnet(ctx);
  const { colC, peeredSummary } = peeredColumn(ctx, view, hub);
  for (const n of ctx.topo.nodes) if (n.kind === 'privateEndpoint' && n.parent === null) colC.push(leafCard(n));
  const sites = siteRows(ctx);
  const vnets = colC.length + sites.length > 0 || ctx.node.has(NODE_IDS.dnsZone);
  let mainY = top + 50;
  const colA = sourceColumn(ctx);
  const { colB, summary } = ruleColumn(ctx, view);
  const endpoints = ctx.topo.nodes.filter((n) => n.kind === 'publicEndpoint').map((n) => leafCard(n));
  const servers = ctx.topo.nodes.filter((n) => n.kind === 'server').map((n) => leafCard(n));
  const standbys = new Map(
    ctx.topo.nodes
      .filter((n) => n.kind === 'standby')
      .map((n) => [n.id.replace('standby-', 'server-'), leafCard(n, { minW: 150, maxW: 220 })]),
  );

  const colAW = maxW(colA);
  const colBW = maxW(colB);
  const xA = MARGIN;
  const xB = xA + colAW + 90;
  const inetTrunk = xA + colAW + 40;
  const xBR = xB + colBW;
  const ruleTrunk = xBR + 44;
  const xC = xBR + 100;
  const xD = xC + maxW(endpoints) + 70;
  const xE = xD + maxW(servers) + 50;
  const xR = xE + maxW([...standbys.values()]);
  const lanes = peerLanes(ctx.topo);
  const xV = xR + 110 + peerLanesWidth(lanes.count);
  const xVR = xV + maxW(colC);
  const { zoneTrunk, siteTrunk, xD: xSites } = trunksRightOf(ctx, colC, xVR);
  let dns = { zoneBox: null as Box | null, dnsBottom: 0 };
  if (vnets) {
    dns = placeDnsRow(ctx, top + 40, colC, xV, (w) => zoneTrunk - w / 2);
    mainY = dns.dnsBottom + 60;
  }

  let y = mainY;
  const placedA: Box[] = [];
  for (const c of colA) {
    placedA.push(ctx.placer.place(c, xA + colAW - c.w, y));
    y += c.h + STACK_GAP + 10;
  }
  y = mainY;
  for (const c of colB) {
    ctx.placer.place(c, xB, y);
    y += c.h + (c === summary ? STACK_GAP + 6 : 12);
  }
  const colBBottom = y;
  y = mainY;
  endpoints.forEach((c, i) => {
    const s = servers[i] as Card;
    const sb = standbys.get(s.node.id);
    const h = Math.max(c.h, s.h, sb?.h ?? 0);
    ctx.placer.place(c, xC, y + Math.round((h - c.h) / 2));
    ctx.placer.place(s, xD, y + Math.round((h - s.h) / 2));
    if (sb) ctx.placer.place(sb, xE, y + Math.round((h - sb.h) / 2));
    y += h + STACK_GAP;
  });

  y = mainY;
  for (const c of colC) y = ctx.placer.place(c, xV, y).h + y + STACK_GAP;
  placeRightSites(ctx, sites, xSites, mainY);

  routePublic(ctx, {
    vnets: {
      zoneBox: dns.zoneBox,
      peeredSummary,
      xC: xV,
      zoneTrunk,
      siteTrunk,
      laneTop: top + 24,
      lane2: dns.dnsBottom + 32,
      peerLanes: lanes,
      hub,
      peTrunk: xR + 40,
    },
    inet: ctx.placer.at.get(NODE_IDS.internet) as Box,
    summary: summary !== null,
    inetTrunk,
    ruleTrunk,
    topLane: mainY - 20,
    bottomLane: Math.max(colBBottom + 10, ...placedA.map((b) => b.y + b.h + 12)),
  });
}
