/**
 * Download the plan as a .json file; open one with the file picker or by dropping it here. Opened
 * files go through `parsePlanFile` and are handed to `onOpen`, ok or with the specific error: the
 * caller decides what replaces what, so a bad file never touches the current plan. A file that is not a plan file
 * (an inventory bundle, an exported template, resource JSON) is imported as a deployment and handed to `onImport`.
 */
import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { PLANNER_LIMITS } from '../../domain/azure';
import type { Plan } from '../../domain/plan';
import type { ImportResult } from '../../import/types';
import { formatBytes, type PlanLoadResult } from '../../share/errors';
import { MAX_PLAN_FILE_BYTES, parsePlanFile, planFileTooLarge } from '../../share/plan-file';
import { downloadPlanFile } from './download';
import './share.css';

export interface PlanFileControlsProps {
  plan: Plan;
  onOpen: (result: PlanLoadResult) => void;
  /** A deployment (not a plan file) was opened and imported; without it every file is read as a plan file. */
  onImport?: (result: ImportResult, fileName: string) => void;
}

/** Whether the text is a plan file (it names its plan format) rather than a deployment to import. */
const isPlanFileText = (text: string): boolean => /"formatVersion"\s*:/.test(text.slice(0, 4096));

/** Reads a picked or dropped file as a plan file, or imports it as a deployment (the importer loads on demand). */
async function readOpenedFile(
  file: Pick<File, 'size' | 'text'>,
): Promise<{ kind: 'plan'; result: PlanLoadResult } | { kind: 'deployment'; result: ImportResult }> {
  if (file.size > PLANNER_LIMITS.importLength)
    return {
      kind: 'deployment',
      result: {
        ok: false,
        message:
          `The file is ${formatBytes(file.size)}; the planner opens plan files and deployments up to ` +
          `${formatBytes(PLANNER_LIMITS.importLength)}. It was not opened.`,
      },
    };
  const text = await file.text().catch(() => null);
  if (text === null || isPlanFileText(text)) return { kind: 'plan', result: await readPlanFile(file) };
  const { importDeployed } = await import('../../import/import');
  return { kind: 'deployment', result: importDeployed(text) };
}

/** Reads a picked or dropped file; refuses oversized files unread. Exported for tests. */
export async function readPlanFile(file: Pick<File, 'size' | 'text'>): Promise<PlanLoadResult> {
  if (file.size > MAX_PLAN_FILE_BYTES) return planFileTooLarge(file.size);
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    return {
      ok: false,
      error: {
        kind: 'corrupted',
        message: `The file could not be read (${e instanceof Error ? e.message : String(e)}).`,
      },
    };
  }
  return parsePlanFile(text);
}

const IMPORT_HINT =
  ", or what is deployed: the inventory script's bundle (pgflex-netplan inventory-script), a template from the " +
  'portal\'s "Export template", or resource JSON from a "JSON view"';

export function PlanFileControls({ plan, onOpen, onImport }: PlanFileControlsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState('');
  const hintId = useId();

  const open = async (files: FileList | null) => {
    const file = files?.[0];
    if (file === undefined) return;
    if (onImport !== undefined) {
      const read = await readOpenedFile(file);
      if (read.kind === 'deployment') {
        setStatus(read.result.ok ? `Imported the deployment “${file.name}”.` : `“${file.name}” could not be opened.`);
        onImport(read.result, file.name);
        return;
      }
      setStatus(read.result.ok ? `Opened “${file.name}”.` : `“${file.name}” could not be opened.`);
      onOpen(read.result);
      return;
    }
    const result = await readPlanFile(file);
    setStatus(result.ok ? `Opened “${file.name}”.` : `“${file.name}” could not be opened.`);
    onOpen(result);
  };

  const onPick = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    void open(input.files).finally(() => {
      // Picking the same file again must fire a change again.
      input.value = '';
    });
  };

  const onDragOver = (e: DragEvent<HTMLDivElement>) => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    void open(e.dataTransfer.files);
  };

  return (
    <div className="plan-file">
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => setStatus(`Plan file “${downloadPlanFile(plan)}” downloaded.`)}
        >
          Download plan (.json)
        </button>
        <button type="button" className="button" onClick={() => inputRef.current?.click()} aria-describedby={hintId}>
          Open plan file…
        </button>
        <input
          ref={inputRef}
          type="file"
          accept=".json,application/json"
          hidden
          tabIndex={-1}
          aria-hidden="true"
          onChange={onPick}
        />
      </div>
      <div
        className={dragging ? 'plan-file__drop plan-file__drop--active' : 'plan-file__drop'}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p id={hintId}>
          Or drop a plan file (.json) here{onImport === undefined ? '' : IMPORT_HINT}. Opening a file does not change
          the current plan until you choose to.
        </p>
      </div>
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
