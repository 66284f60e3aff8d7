import type { ExportFile } from '../../exporters/types';
import { downloadFile } from './download';

interface Props {
  files: readonly ExportFile[];
  selected: string;
  onSelect: (path: string) => void;
  canDownload: boolean;
}

/** The files of one format: select one to preview it, or download it alone. */
export function FileList({ files, selected, onSelect, canDownload }: Props) {
  return (
    <ul className="export__files" aria-label="Files">
      {files.map((f) => (
        <li key={f.path} className={f.path === selected ? 'export__file export__file--selected' : 'export__file'}>
          <button
            type="button"
            className="link-button"
            aria-current={f.path === selected ? 'true' : undefined}
            onClick={() => onSelect(f.path)}
          >
            {f.path}
          </button>
          <button
            type="button"
            className="button button--quiet"
            disabled={!canDownload}
            onClick={() => downloadFile(f)}
            aria-label={`Download ${f.path}`}
          >
            Download
          </button>
        </li>
      ))}
    </ul>
  );
}
