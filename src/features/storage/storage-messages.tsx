/**
 * What the autosave could not do, said on screen until it is resolved: a saved state that could not be
 * read (kept aside, downloadable), a save that failed (with the plan to download), and another tab's
 * changes waiting for the user's choice. Nothing here disappears by itself. Loaded by ./storage-notices.
 */
import { usePlanner, type AutosaveStatus, type KeptCopy, type PlannerState } from '../../store/store';
import { saveBlob } from '../common/save-blob';
import { downloadPlanFile } from '../share/download';

// The plan-file writer is in this module's chunk (vite.config.ts), which is fetched once the page has loaded: the
// plan can be downloaded as a plan file even when the network is gone by the time saving fails.
const downloadPlan = (): void => void downloadPlanFile(usePlanner.getState().plan);

function downloadKept(copy: KeptCopy): void {
  let json = true;
  try {
    JSON.parse(copy.text);
  } catch {
    json = false;
  }
  saveBlob(new Blob([copy.text], { type: 'text/plain' }), `unreadable-saved-state.${json ? 'json' : 'txt'}`);
}

function KeptNotice({ copy, onDismiss }: { copy: KeptCopy; onDismiss: (copy: KeptCopy) => void }) {
  const what = copy.problems.join('; ');
  return (
    <div role="alert" className="notice notice--warning">
      <p>
        {copy.whole ? (
          <>
            <strong>The plan saved in this browser could not be read:</strong> {what}. A new plan was started.
          </>
        ) : (
          <>
            <strong>Part of what was saved in this browser could not be read</strong> and was left out: {what}. The rest
            opened as saved.
          </>
        )}{' '}
        {copy.key === null
          ? 'The browser’s storage is full, so the saved text could not be set aside: to keep it, nothing is saved ' +
            'in this browser until you dismiss this message. Download it first.'
          : 'The saved text is kept in this browser until you dismiss this message.'}
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={() => downloadKept(copy)}>
          Download saved text
        </button>
        <button type="button" className="button button--quiet" onClick={() => onDismiss(copy)}>
          Dismiss
        </button>
      </div>
    </div>
  );
}

type StorageActions = Pick<PlannerState, 'dismissKept' | 'loadOtherTab' | 'keepMine' | 'retrySave'>;

export function StorageMessageList({ status, actions }: { status: AutosaveStatus; actions: StorageActions }) {
  const { kept, saveError, conflict } = status;
  if (kept.length === 0 && saveError === null && conflict === null) return null;
  return (
    <div className="banner">
      {conflict !== null ? (
        <div role="alert" className="notice notice--warning">
          <p>
            <strong>This plan was changed in another tab</strong> (“{conflict.planName}”) while this tab had changes
            that are not saved yet. Nothing is saved here until you choose; the plan you do not keep can still be
            restored with “Restore previous plan”.
          </p>
          <div className="button-row">
            <button type="button" className="button" onClick={actions.loadOtherTab}>
              Load those changes
            </button>
            <button type="button" className="button" onClick={actions.keepMine}>
              Keep mine
            </button>
          </div>
        </div>
      ) : null}
      {saveError !== null ? (
        <div role="alert" className="notice notice--error">
          <p>
            <strong>Your changes are not being saved in this browser:</strong> {saveError}. Download the plan to keep a
            copy; saving resumes as soon as it works again.
          </p>
          <div className="button-row">
            <button type="button" className="button button--primary" onClick={downloadPlan}>
              Download plan
            </button>
            <button type="button" className="button" onClick={actions.retrySave}>
              Try again
            </button>
          </div>
        </div>
      ) : null}
      {kept.map((copy) => (
        <KeptNotice key={copy.key ?? copy.text} copy={copy} onDismiss={actions.dismissKept} />
      ))}
    </div>
  );
}

export default function StorageMessages() {
  const status = usePlanner((s) => s.autosave);
  // The actions never change; reading them once keeps this component to one subscription.
  return <StorageMessageList status={status} actions={usePlanner.getState()} />;
}
