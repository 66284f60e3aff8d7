/**
 * The topology view, loaded on demand: the diagram (`TopologyFigure`) with its style sheet.
 * Props: `{ plan, findings, clientChecks?, onNavigate? }`.
 */
import { useLayoutEffect } from 'react';
import { TopologyFigure, type TopologyViewProps } from './topology-figure';
import './topology.css';

export type { TopologyViewProps };

/**
 * Performance marks around each render of the diagram (`topology:render`), read by the browser
 * benchmark: this component's layout effect runs after the figure's DOM is committed, so the measure
 * spans the model, the layout, and React's render and commit (the module is already loaded here).
 */
export default function TopologyView(props: TopologyViewProps) {
  performance.mark('topology:start');
  useLayoutEffect(() => {
    performance.measure('topology:render', 'topology:start');
  });
  return <TopologyFigure {...props} />;
}
