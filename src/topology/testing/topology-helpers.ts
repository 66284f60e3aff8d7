/**
 * Small helpers of the diagram's tests: a node of a topology by id, a private-access plan changed, a finding at a
 * plan path, and the boxes drawn outside the box they belong to.
 */
import type { Finding } from '../../domain/finding';
import type { Plan, PrivateAccess } from '../../domain/plan';
import type { ClientVerdict, ClientVerdicts, Topology } from '../model';
import type { Box } from '../placement';

/** Verdicts given by client name (for plans whose client names are unique), keyed by client place as drawn. */
export function verdictsByName(plan: Plan, byName: Readonly<Record<string, ClientVerdict>>): ClientVerdicts {
  return Object.fromEntries(
    plan.clients.flatMap((c, i): [string, ClientVerdict][] => {
      const v = byName[c.name];
      return v ? [[`clients.${i}`, v]] : [];
    }),
  );
}

/** The node `id` of `t`; throws when there is none. */
export const node = (t: Topology, id: string) => {
  const n = t.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`no node ${id}`);
  return n;
};

/** `plan` (of private access) with its access changed by `change`. */
export function withPrivate(plan: Plan, change: (a: PrivateAccess) => PrivateAccess): Plan {
  if (plan.access.mode !== 'private') throw new Error('private plan expected');
  return { ...plan, access: change(plan.access) };
}

/** A finding of PGN-001 at `path`, its message the path. */
export const finding = (path: string, severity: Finding['severity'] = 'error'): Finding => ({
  ruleId: 'PGN-001',
  severity,
  message: path,
  path,
  docs: '',
});

/**
 * The boxes drawn outside the box they belong to (their node's parent), or whose parent is not drawn at all: each
 * must lie wholly inside its parent's box, as a subnet in its VNet, a server in its subnet, a client in its site.
 */
export function escapees(boxes: readonly Box[]): string[] {
  const byId = new Map(boxes.map((b) => [b.id, b]));
  return boxes
    .filter((b) => {
      if (b.node.parent === null) return false;
      const p = byId.get(b.node.parent);
      return p === undefined || b.x < p.x || b.y < p.y || b.x + b.w > p.x + p.w || b.y + b.h > p.y + p.h;
    })
    .map((b) => b.id);
}

/**
 * The boxes drawn outside the nearest box drawn of those the topology puts them in (their parent, else its parent,
 * …): a DNS server in its subnet, else in its VNet when the subnet is not drawn (another page, "+2 more subnets").
 */
export function outsideTheirPlace(topology: Topology, boxes: readonly Box[]): string[] {
  const parent = new Map(topology.nodes.map((n) => [n.id, n.parent]));
  const byId = new Map(boxes.map((b) => [b.id, b]));
  return boxes
    .filter((b) => {
      let id = parent.get(b.id) ?? null;
      while (id !== null && !byId.has(id)) id = parent.get(id) ?? null;
      const p = id === null ? undefined : byId.get(id);
      return p !== undefined && (b.x < p.x || b.y < p.y || b.x + b.w > p.x + p.w || b.y + b.h > p.y + p.h);
    })
    .map((b) => b.id);
}
