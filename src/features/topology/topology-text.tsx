/**
 * The diagram's text alternative: the same boxes as a nested list (containers hold what is drawn
 * inside them) and the same lines as a list of sentences. Nothing is paged here.
 */
import { useState } from 'react';
import type { Finding } from '../../domain/finding';
import type { TopoNode, Topology } from '../../topology/model';
import { findingsLabel } from './topology-svg';

interface ItemProps {
  node: TopoNode;
  children: ReadonlyMap<string, TopoNode[]>;
  pins: ReadonlyMap<string, Finding[]>;
}

function Item({ node, children, pins }: ItemProps) {
  const kids = children.get(node.id) ?? [];
  const findings = pins.get(node.id);
  return (
    <li>
      <span className="topo-list__role">{node.role}:</span> <strong>{node.title}</strong>
      {node.lines.length > 0 ? ` — ${node.lines.join('; ')}` : ''}
      {node.badges.length > 0 ? ` — ${node.badges.map((b) => b.text).join('; ')}` : ''}
      {node.tooltip ? ` — ${node.tooltip}` : ''}
      {findings ? (
        <span className="topo-list__findings">
          {findingsLabel(findings).replace('; press Enter to show them.', '.')}
        </span>
      ) : null}
      {kids.length > 0 ? (
        <ul>
          {kids.map((k) => (
            <Item key={k.id} node={k} children={children} pins={pins} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * The list is built when the reader opens it: a large estate has thousands of entries, which the
 * diagram itself (paged) does not need to pay for.
 */
export function TopologyText({
  topology,
  pins,
  initiallyOpen = false,
}: {
  topology: Topology;
  pins: ReadonlyMap<string, Finding[]>;
  initiallyOpen?: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details className="topo-list" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        The diagram as text: {topology.nodes.length - 1} elements, {topology.edges.length} connections
      </summary>
      {open ? <TopologyTextBody topology={topology} pins={pins} /> : null}
    </details>
  );
}

function TopologyTextBody({ topology, pins }: { topology: Topology; pins: ReadonlyMap<string, Finding[]> }) {
  const children = new Map<string, TopoNode[]>();
  const roots: TopoNode[] = [];
  for (const n of topology.nodes) {
    if (n.kind === 'legend') continue;
    if (n.parent === null) roots.push(n);
    else {
      const list = children.get(n.parent);
      if (list) list.push(n);
      else children.set(n.parent, [n]);
    }
  }
  return (
    <>
      <h4>Elements</h4>
      <ul>
        {roots.map((n) => (
          <Item key={n.id} node={n} children={children} pins={pins} />
        ))}
      </ul>
      <h4>Connections</h4>
      {topology.edges.length === 0 ? (
        <p>None.</p>
      ) : (
        <ul>
          {topology.edges.map((e) => (
            <li key={e.id}>
              {e.description}
              {pins.get(e.id) ? (
                <span className="topo-list__findings">
                  {findingsLabel(pins.get(e.id)).replace('; press Enter to show them.', '.')}
                </span>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
