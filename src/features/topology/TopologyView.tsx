/**
 * The topology view, loaded on demand: the diagram (`TopologyFigure`) with its style sheet.
 * Props: `{ plan, findings, clientVerdicts?, onNavigate? }`.
 */
import { TopologyFigure, type TopologyViewProps } from './TopologyFigure';
import './topology.css';

export type { TopologyViewProps };

export default function TopologyView(props: TopologyViewProps) {
  return <TopologyFigure {...props} />;
}
