/** What the reader activated in the diagram: its description and its findings, each with a way to the field. */
import type { Finding } from '../../domain/finding';
import type { Box, RoutedEdge } from '../../topology/placement';
import { FindingMessage } from '../findings/finding-message';

export function TopologyDetails({
  box,
  edge,
  findings,
  onNavigate,
}: {
  box: Box | undefined;
  edge: RoutedEdge | undefined;
  findings: readonly Finding[] | undefined;
  onNavigate?: (path: string) => void;
}) {
  if (!box && !edge) return null;
  const heading = box ? `${box.node.role}: ${box.node.title}` : (edge?.edge.description ?? '');
  return (
    <section className="topo-details" aria-live="polite" aria-label="Selected element">
      <h4>{heading}</h4>
      {box && box.node.lines.length > 0 ? (
        <ul className="topo-details__lines">
          {box.node.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      ) : null}
      {box?.node.tooltip ? <p>{box.node.tooltip}</p> : null}
      {findings && findings.length > 0 ? (
        <ul className="findings">
          {findings.map((f, i) => (
            <FindingMessage
              key={`${f.ruleId}-${f.path}-${i}`}
              finding={f}
              action={
                onNavigate ? (
                  <>
                    {' '}
                    <button type="button" className="link-button" onClick={() => onNavigate(f.path)}>
                      Go to the field
                    </button>
                  </>
                ) : undefined
              }
            />
          ))}
        </ul>
      ) : (
        <p>No findings here.</p>
      )}
    </section>
  );
}
