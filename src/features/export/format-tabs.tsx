import { useRef, type KeyboardEvent } from 'react';
import type { ExportFormat } from '../../exporters/types';

interface Props {
  formats: readonly ExportFormat[];
  selected: ExportFormat['id'];
  onSelect: (id: ExportFormat['id']) => void;
}

export const tabId = (id: string) => `export-tab-${id}`;
export const panelId = (id: string) => `export-panel-${id}`;

/** WAI-ARIA tabs: arrow keys, Home and End move between formats. */
export function FormatTabs({ formats, selected, onSelect }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const index = formats.findIndex((f) => f.id === selected);
    const next =
      e.key === 'ArrowRight'
        ? (index + 1) % formats.length
        : e.key === 'ArrowLeft'
          ? (index - 1 + formats.length) % formats.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? formats.length - 1
              : -1;
    if (next < 0) return;
    e.preventDefault();
    const format = formats[next];
    if (format) {
      onSelect(format.id);
      refs.current[next]?.focus();
    }
  };
  return (
    <div role="tablist" aria-label="Export format" className="export__tabs" onKeyDown={onKeyDown}>
      {formats.map((f, i) => (
        <button
          key={f.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={tabId(f.id)}
          aria-selected={f.id === selected}
          aria-controls={panelId(f.id)}
          tabIndex={f.id === selected ? 0 : -1}
          className="export__tab"
          onClick={() => onSelect(f.id)}
        >
          {f.label}
        </button>
      ))}
    </div>
  );
}
