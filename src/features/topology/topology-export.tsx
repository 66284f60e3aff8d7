/**
 * The diagram's export controls: SVG and PNG (clean, or with the findings' markers), draw.io and Mermaid, with a
 * status line that says what was downloaded. The draw.io and Mermaid writers come with the diagram: they share most
 * of its code, so that apart they would cost more bytes than they save on a first view.
 */
import { useId, useState, type RefObject } from 'react';
import type { TopologyLayout } from '../../topology/layout';
import { downloadDrawio } from './export-drawio';
import { downloadMermaid } from './export-mermaid';
import { downloadPng, downloadSvg } from './export-svg';

type Kind = 'svg' | 'png' | 'drawio' | 'mermaid';

const message = (e: unknown, fallback: string): string => (e instanceof Error ? e.message : fallback);

export function TopologyExport({
  svgRef,
  layout,
  planName,
}: {
  svgRef: RefObject<SVGSVGElement | null>;
  layout: TopologyLayout;
  planName: string;
}) {
  const labelId = `${useId()}-export`;
  const [findings, setFindings] = useState(false);
  const [status, setStatus] = useState('');

  const exportAs = (kind: Kind) => {
    const which = findings ? 'with the findings' : 'without findings';
    try {
      if (kind === 'svg' || kind === 'png') {
        const svg = svgRef.current;
        if (!svg) return;
        if (kind === 'svg') {
          setStatus(`The SVG file ${which} was downloaded: ${downloadSvg(svg, planName, findings)}.`);
          return;
        }
        setStatus('Drawing the PNG…');
        downloadPng(svg, planName, findings).then(
          (name) => setStatus(`The PNG file ${which} was downloaded: ${name}.`),
          (e: unknown) => setStatus(message(e, 'The PNG could not be made.')),
        );
        return;
      }
      setStatus(
        kind === 'drawio'
          ? `The draw.io file was downloaded: ${downloadDrawio(layout, planName)}.`
          : `The Mermaid file was downloaded: ${downloadMermaid(layout, planName)}.`,
      );
    } catch (e) {
      setStatus(message(e, 'The export failed.'));
    }
  };

  return (
    <div className="topo-export" role="group" aria-labelledby={labelId}>
      <span id={labelId} className="topo-export__label">
        Export the diagram
      </span>
      <button type="button" className="button" onClick={() => exportAs('svg')}>
        Download SVG
      </button>
      <button type="button" className="button" onClick={() => exportAs('png')}>
        Download PNG
      </button>
      <label className="topo-export__option">
        <input type="checkbox" checked={findings} onChange={(e) => setFindings(e.target.checked)} />
        Include findings in SVG and PNG
      </label>
      <button type="button" className="button" onClick={() => exportAs('drawio')}>
        Download draw.io
      </button>
      <button type="button" className="button" onClick={() => exportAs('mermaid')}>
        Download Mermaid
      </button>
      <span className="topo-export__status" role="status">
        {status}
      </span>
    </div>
  );
}
