/**
 * Paging of big collections (subnets, other VNets, firewall rules): the reader's view (a page per collection, which
 * collapsible collections are open), the pager of each collection, and the summary box drawn for a paged one.
 */
import type { TopoGroup, TopoNode } from './model';

/** Items per page of each collection. Firewall rules above this many are also collapsed by default. */
export const PAGE_SIZE = { subnets: 10, peeredVnets: 20, firewallRules: 12 } as const;

/** What the reader has chosen: a page per collection, and which collapsible collections are open. */
export interface LayoutView {
  readonly pages?: Readonly<Record<string, number>>;
  readonly expanded?: Readonly<Record<string, boolean>>;
}

/** The pager of a collection: where the reader is in it, or that it is collapsed. */
export interface Pager {
  readonly groupId: string;
  readonly noun: string;
  readonly total: number;
  readonly page: number;
  readonly pageCount: number;
  /** 1-based, inclusive; 0 … 0 when collapsed. */
  readonly from: number;
  readonly to: number;
  readonly collapsible: boolean;
  readonly collapsed: boolean;
}

/** A collection on the page the reader chose: its pager and the members shown. */
interface Paged {
  pager: Pager;
  visible: Set<string>;
}

/** The page of `group` the view asks for (clamped to the pages there are), `size` members a page. */
export function pageOf(group: TopoGroup, size: number, view: LayoutView, collapsible: boolean): Paged {
  const total = group.members.length;
  const pageCount = Math.max(1, Math.ceil(total / size));
  const requested = view.pages?.[group.id] ?? 0;
  const page = Math.min(Math.max(0, Math.floor(requested)), pageCount - 1);
  const collapsed = collapsible && view.expanded?.[group.id] !== true;
  const from = collapsed ? 0 : page * size + 1;
  const to = collapsed ? 0 : Math.min(total, (page + 1) * size);
  const visible = new Set(collapsed ? [] : group.members.slice(from - 1, to));
  return {
    pager: { groupId: group.id, noun: group.noun, total, page, pageCount, from, to, collapsible, collapsed },
    visible,
  };
}

/** The box that stands for a paged collection: its size, its summary lines and which page is shown. */
export function summaryNode(
  group: TopoGroup,
  pager: Pager,
  id: string,
  kind: TopoNode['kind'],
  parent: string | null = null,
): TopoNode {
  const shown = pager.collapsed
    ? 'collapsed: use "Show" to list them'
    : `showing ${pager.from.toLocaleString('en-US')}–${pager.to.toLocaleString('en-US')} ` +
      `(page ${pager.page + 1} of ${pager.pageCount})`;
  return {
    id,
    kind,
    parent,
    role: `Summary of ${group.noun}`,
    title: `${group.members.length.toLocaleString('en-US')} ${group.noun}`,
    lines: [...group.summary, shown],
    badges: [],
    paths: [group.path],
    tone: 'normal',
  };
}
