/**
 * Exports of the plan: a tab per format, the files of the format with a highlighted preview,
 * Copy / Download per file and Download all (.zip). With error findings, downloads wait for an
 * explicit "Export anyway", and the files then list the errors at the top.
 */
import { useId, useMemo, useState } from 'react';
import { dryRun } from '../../deploy/index';
import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';
import { EXPORT_FORMATS } from '../../exporters/index';
import { ExportRefusedError } from '../../exporters/safe-values';
import type { ExportFormat, ProviderMajor } from '../../exporters/types';
import { CodePreview } from './code-preview';
import { DeploymentSteps } from './deployment-steps';
import { downloadZip } from './download';
import { FileList } from './file-list';
import { FormatTabs, panelId, tabId } from './format-tabs';
import './export.css';

export interface ExportPanelProps {
  plan: Plan;
  errors: Finding[];
}

function formatById(id: ExportFormat['id']): ExportFormat {
  const format = EXPORT_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`Unknown export format ${id}`);
  return format;
}

export default function ExportPanel({ plan, errors }: ExportPanelProps) {
  const [formatId, setFormatId] = useState<ExportFormat['id']>('arm');
  const [providerMajor, setProviderMajor] = useState<ProviderMajor>(5);
  const [selectedPath, setSelectedPath] = useState('');
  const [exportAnyway, setExportAnyway] = useState(false);
  const [status, setStatus] = useState('');
  const ids = useId();
  const errorFindings = useMemo(() => errors.filter((f) => f.severity === 'error'), [errors]);
  const format = formatById(formatId);
  const { files, refused } = useMemo(() => {
    try {
      return { files: format.files(plan, { errors: errorFindings, providerMajor }), refused: null };
    } catch (e) {
      // A value no file can carry safely (a control character, a leading "-", …): say so, write nothing.
      if (e instanceof ExportRefusedError) return { files: [], refused: e.message };
      throw e;
    }
  }, [format, plan, errorFindings, providerMajor]);
  // The deployment dry run on exactly these files: the steps, their order and the first one Azure would refuse.
  const dry = useMemo(() => {
    if (files.length === 0) return null;
    try {
      return { report: dryRun(plan, format.id, files), unreadable: null };
    } catch (e) {
      return { report: null, unreadable: e instanceof Error ? e.message : String(e) };
    }
  }, [plan, format, files]);
  const dryRefused = dry !== null && (dry.unreadable !== null || dry.report?.refusal != null);
  const file = files.find((f) => f.path === selectedPath) ?? files[0];
  const canExport = refused === null && ((errorFindings.length === 0 && !dryRefused) || exportAnyway);

  const copy = async () => {
    if (!file) return;
    try {
      await navigator.clipboard.writeText(file.contents);
      setStatus(`Copied ${file.path}.`);
    } catch {
      setStatus('Copying is not allowed here; select the text in the preview instead.');
    }
  };
  const zip = async () => {
    await downloadZip(`${format.id}-export.zip`, files);
    setStatus(`Downloaded ${files.length} files as ${format.id}-export.zip.`);
  };

  return (
    <section className="export" aria-label="Export files">
      {(errorFindings.length > 0 || dryRefused) && (
        <div className="export__errors" role="alert">
          {errorFindings.length > 0 ? (
            <p>
              The plan has {errorFindings.length} error finding{errorFindings.length === 1 ? '' : 's'}; Azure is
              expected to reject this deployment. The files list the errors at the top.
            </p>
          ) : (
            <p>The deployment dry run refuses these files (see Deployment steps below).</p>
          )}
          <label className="export__anyway">
            <input type="checkbox" checked={exportAnyway} onChange={(e) => setExportAnyway(e.target.checked)} /> Export
            anyway
          </label>
        </div>
      )}
      {refused !== null && (
        <p className="export__errors" role="alert">
          {refused}
        </p>
      )}
      <FormatTabs
        formats={EXPORT_FORMATS}
        selected={format.id}
        onSelect={(id) => {
          setFormatId(id);
          setSelectedPath('');
          setStatus('');
        }}
      />
      <div role="tabpanel" id={panelId(format.id)} aria-labelledby={tabId(format.id)} className="export__panel">
        {format.id === 'terraform' && (
          <p className="export__provider">
            <label htmlFor={`${ids}-provider`}>Terraform provider</label>{' '}
            <select
              id={`${ids}-provider`}
              value={providerMajor}
              onChange={(e) => setProviderMajor(e.target.value === '4' ? 4 : 5)}
            >
              <option value={5}>azurerm 5.x</option>
              <option value={4}>azurerm 4.x</option>
            </select>
          </p>
        )}
        <div className="button-row">
          <button type="button" className="button button--primary" disabled={!canExport} onClick={() => void zip()}>
            Download all (.zip)
          </button>
          <button type="button" className="button" disabled={!canExport || !file} onClick={() => void copy()}>
            Copy {file?.path ?? ''}
          </button>
        </div>
        <p className="visually-hidden" role="status">
          {status}
        </p>
        <div className="export__body">
          <FileList files={files} selected={file?.path ?? ''} onSelect={setSelectedPath} canDownload={canExport} />
          {file && <CodePreview file={file} />}
        </div>
        {dry?.report && <DeploymentSteps report={dry.report} formatLabel={format.label} />}
        {dry?.unreadable != null && (
          <p className="export__errors" role="alert">
            The deployment dry run can&apos;t read these files: {dry.unreadable}
          </p>
        )}
      </div>
    </section>
  );
}
