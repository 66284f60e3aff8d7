/**
 * Download the plan as a .json file; open one with the file picker or by dropping it here. Opened
 * files go through `parsePlanFile` and are handed to `onOpen`, ok or with the specific error: the
 * caller decides what replaces what, so a bad file never touches the current plan. With `onFile`, the picked or
 * dropped file is handed over as it is instead (the Review step opens plan files and deployments: features/import).
 */
import { useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import type { Plan } from '../../domain/plan';
import type { PlanLoadResult } from '../../share/errors';
import { MAX_PLAN_FILE_BYTES, parsePlanFile, planFileTooLarge } from '../../share/plan-file';
import { downloadPlanFile } from './download';
import './share.css';

export interface PlanFileControlsProps {
  plan: Plan;
  onOpen?: (result: PlanLoadResult) => void;
  /** Takes the picked or dropped file as it is (a plan file or a deployment): this then doesn't read or announce it. */
  onFile?: (file: File) => void;
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

export function PlanFileControls({ plan, onOpen, onFile }: PlanFileControlsProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [status, setStatus] = useState('');
  const hintId = useId();

  const open = async (files: FileList | null) => {
    const file = files?.[0];
    if (file === undefined) return;
    if (onFile !== undefined) {
      onFile(file);
      return;
    }
    const result = await readPlanFile(file);
    setStatus(result.ok ? `Opened “${file.name}”.` : `“${file.name}” could not be opened.`);
    onOpen?.(result);
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
          Or drop a plan file (.json) here{onFile === undefined ? '' : IMPORT_HINT}. Opening a file does not change the
          current plan until you choose to.
        </p>
      </div>
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </div>
  );
}
