/** The last undo or redo in words, with a way to the step it changed when that is not the step on screen. */
import { usePlanner } from '../../store/store';
import { useUndoNote } from './undo-note';

export function UndoStatus() {
  const note = useUndoNote((s) => s.note);
  const plan = usePlanner((s) => s.plan);
  const step = usePlanner((s) => s.step);
  const focusField = usePlanner((s) => s.focusField);
  const current = note !== null && note.plan === plan ? note : null;
  return (
    <p className={current ? 'undo-status' : 'visually-hidden'} role="status">
      {current ? (
        <>
          {current.verb}: {current.text}, on the {current.stepLabel} step.
          {current.step !== step ? (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => focusField(current.step, current.path)}>
                Go to the {current.stepLabel} step
              </button>
            </>
          ) : null}
        </>
      ) : null}
    </p>
  );
}
