/** Page and show/hide controls for the collections the diagram pages (peered VNets, subnets, firewall rules). */
import type { Pager } from '../../topology/paging';

const n = (v: number) => v.toLocaleString('en-US');

export function TopologyPagers({
  pagers,
  onPage,
  onExpand,
}: {
  pagers: readonly Pager[];
  onPage: (groupId: string, page: number) => void;
  onExpand: (groupId: string, expanded: boolean) => void;
}) {
  if (pagers.length === 0) return null;
  return (
    <ul className="topo-pagers" aria-label="Paged parts of the diagram">
      {pagers.map((p) => (
        <li key={p.groupId} className="topo-pager">
          <span className="topo-pager__label">
            {p.collapsed
              ? `${n(p.total)} ${p.noun}, shown as one summary box`
              : `${p.noun[0]?.toUpperCase() ?? ''}${p.noun.slice(1)} ${n(p.from)}–${n(p.to)} of ${n(p.total)}`}
          </span>
          {p.collapsible ? (
            <button
              type="button"
              className="button"
              aria-expanded={!p.collapsed}
              onClick={() => onExpand(p.groupId, p.collapsed)}
            >
              {p.collapsed ? `Show the ${p.noun}` : `Collapse the ${p.noun}`}
            </button>
          ) : null}
          {!p.collapsed && p.pageCount > 1 ? (
            <>
              <button
                type="button"
                className="button"
                disabled={p.page === 0}
                onClick={() => onPage(p.groupId, p.page - 1)}
                aria-label={`Previous page of ${p.noun}`}
              >
                ◀ Previous
              </button>
              <span className="topo-pager__page">
                page {n(p.page + 1)} of {n(p.pageCount)}
              </span>
              <button
                type="button"
                className="button"
                disabled={p.page >= p.pageCount - 1}
                onClick={() => onPage(p.groupId, p.page + 1)}
                aria-label={`Next page of ${p.noun}`}
              >
                Next ▶
              </button>
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
