/**
 * The plan as a topology: the title and the legend, then the picture of private or public access, its legend's
 * entries filled in from the marks drawn.
 */
import type { Plan } from '../domain/plan';
import { withLegend } from './legend';
import { NODE_IDS, type ClientHubs, type ClientVerdicts, type Topology } from './model';
import type { Builder } from './model-build';
import { privateTopology } from './model-private';
import { publicTopology } from './model-public';

/** The title box (the plan's name, access and TLS) and the legend's box, its entries still to come. */
function titleAndLegend(b: Builder, plan: Plan): void {
  b.nodes.push({
    id: NODE_IDS.title,
    kind: 'title',
    parent: null,
    role: 'Plan',
    title: plan.name,
    lines: [
      plan.access.mode === 'private' ? 'Private access (VNet integration)' : 'Public access (allowed IP addresses)',
      `TLS: ${plan.tls.requireSecureTransport ? 'required' : 'not required'}, ` +
        `minimum ${plan.tls.minVersion}${plan.tls.maxVersion ? `, maximum ${plan.tls.maxVersion}` : ''}`,
    ],
    badges: [],
    paths: ['', 'tls'],
    tone: 'normal',
  });
  // Its entries are those of the marks drawn, known once the whole picture is built (withLegend).
  b.nodes.push({
    id: NODE_IDS.legend,
    kind: 'legend',
    parent: null,
    role: 'Legend',
    title: 'Legend',
    lines: [],
    badges: [],
    paths: [],
    tone: 'muted',
  });
}

/**
 * The plan as nodes, edges and collections, with the checker's verdicts and the hubs its paths cross (`hubs`, for
 * private access) where given. Pure and deterministic.
 */
export function planToTopology(plan: Plan, verdicts?: ClientVerdicts, hubs?: ClientHubs): Topology {
  const b: Builder = { nodes: [], edges: [], groups: [] };
  titleAndLegend(b, plan);
  if (plan.access.mode === 'private') privateTopology(b, plan, plan.access, verdicts, hubs);
  else publicTopology(b, plan, plan.access, verdicts);
  return {
    mode: plan.access.mode,
    planName: plan.name,
    nodes: withLegend(b.nodes, b.edges),
    edges: b.edges,
    groups: b.groups,
  };
}
