/** "Your previous plan was kept: restore it" — shown after a plan was replaced; also an unreadable saved plan. */
import { usePlanner } from '../../store/store';

export function RecoveryBanner() {
  const previous = usePlanner((s) => s.previousPlan);
  const unreadable = usePlanner((s) => s.unreadableSaved);
  const restore = usePlanner((s) => s.restorePrevious);
  const dismiss = usePlanner((s) => s.dismissPrevious);
  if (previous === null && unreadable === null) return null;
  return (
    <div className="banner" role="status">
      {previous !== null ? (
        <p>
          Your previous plan “{previous.name}” was kept.{' '}
          <button type="button" className="button" onClick={restore}>
            Restore previous plan
          </button>{' '}
          <button type="button" className="button button--quiet" onClick={dismiss}>
            Dismiss
          </button>
        </p>
      ) : null}
      {unreadable !== null ? (
        <p>
          The plan saved in this browser could not be read, so a new plan was started. Its text is kept here:{' '}
          <a
            download="unreadable-plan.json"
            href={`data:application/json;charset=utf-8,${encodeURIComponent(unreadable)}`}
          >
            download the saved text
          </a>
          .
        </p>
      ) : null}
    </div>
  );
}
