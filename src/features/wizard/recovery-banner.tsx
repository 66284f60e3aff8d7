/** "Your previous plan was kept: restore it" — shown after a plan was replaced. */
import { usePlanner } from '../../store/store';

export function RecoveryBanner() {
  const previous = usePlanner((s) => s.previousPlan);
  const restore = usePlanner((s) => s.restorePrevious);
  const dismiss = usePlanner((s) => s.dismissPrevious);
  if (previous === null) return null;
  return (
    <div className="banner" role="status">
      <p>
        Your previous plan “{previous.name}” was kept.{' '}
        <button type="button" className="button" onClick={restore}>
          Restore previous plan
        </button>{' '}
        <button type="button" className="button button--quiet" onClick={dismiss}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
