/** New plan (asks first), start from an example, undo / redo with Ctrl+Z / Ctrl+Shift+Z. */
import { useEffect, useRef, useState } from 'react';
import { newPlan } from '../../domain/new-plan';
import { selectCanRedo, selectCanUndo, usePlanner } from '../../store/store';
import { resetReveal } from '../findings/reveal';
import { EXAMPLE_FILES, EXAMPLE_TITLES, loadExample } from './examples';
import { redoWithNote, undoWithNote } from './undo-note';

function isEditableTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || (e.key.toLowerCase() !== 'z' && e.key.toLowerCase() !== 'y')) return;
      // Inside a text field, the first Ctrl+Z belongs to the browser's own text undo only when the
      // field has its own history; the planner's undo covers every step, so it takes the shortcut.
      const redo = e.key.toLowerCase() === 'y' || e.shiftKey;
      e.preventDefault();
      if (isEditableTarget(e.target)) (e.target as HTMLElement).blur();
      if (redo) redoWithNote();
      else undoWithNote();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function PlanMenu() {
  const canUndo = usePlanner(selectCanUndo);
  const canRedo = usePlanner(selectCanRedo);
  const replacePlan = usePlanner((s) => s.replacePlan);
  const confirmRef = useRef<HTMLDialogElement>(null);
  const examplesRef = useRef<HTMLDialogElement>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  const openExample = async (file: string) => {
    try {
      replacePlan(await loadExample(file));
      examplesRef.current?.close();
    } catch (e) {
      setLoadError((e as Error).message);
    }
  };

  return (
    <div className="planmenu">
      <button type="button" className="button" onClick={() => confirmRef.current?.showModal()}>
        New plan
      </button>
      <button type="button" className="button" onClick={() => examplesRef.current?.showModal()}>
        Start from an example
      </button>
      <button type="button" className="button" onClick={undoWithNote} disabled={!canUndo} aria-keyshortcuts="Control+Z">
        Undo
      </button>
      <button
        type="button"
        className="button"
        onClick={redoWithNote}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z"
      >
        Redo
      </button>

      <dialog ref={confirmRef} className="dialog" aria-labelledby="new-plan-title">
        <h2 id="new-plan-title">Start a new plan?</h2>
        <p>
          The current plan is replaced by an empty one. You can still get it back with Undo or “Restore previous plan”.
        </p>
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => confirmRef.current?.close()}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--danger"
            onClick={() => {
              replacePlan(newPlan());
              resetReveal(); // nothing typed in the new plan yet
              confirmRef.current?.close();
            }}
          >
            Discard and start new
          </button>
        </div>
      </dialog>

      <dialog ref={examplesRef} className="dialog" aria-labelledby="examples-title">
        <h2 id="examples-title">Start from an example</h2>
        <p>The example replaces the current plan; the current plan is kept and can be restored.</p>
        <ul className="dialog__list">
          {EXAMPLE_FILES.map((file) => (
            <li key={file}>
              <button type="button" className="button button--wide" onClick={() => void openExample(file)}>
                {EXAMPLE_TITLES[file]}
              </button>
            </li>
          ))}
        </ul>
        {loadError ? (
          <p role="alert" className="notice notice--error">
            {loadError}
          </p>
        ) : null}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={() => examplesRef.current?.close()}>
            Close
          </button>
        </div>
      </dialog>
    </div>
  );
}
