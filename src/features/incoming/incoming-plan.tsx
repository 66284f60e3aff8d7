/**
 * A plan opened from a link, a plan file or a deployment, shown read-only until the user chooses to edit it; an
 * imported deployment shows what the import could not hold first.
 */
import { lazy, Suspense, useEffect, useRef } from 'react';
import { usePlanner } from '../../store/store';
import { ReviewContent } from '../review/review-content';

const ImportReportPanel = lazy(() => import('../import/import-report'));

const SOURCE = {
  link: 'Opened from a share link',
  file: 'Opened from a plan file',
  deployment: 'Imported from a deployment',
} as const;

export default function IncomingPlan() {
  const incoming = usePlanner((s) => s.incoming);
  const accept = usePlanner((s) => s.acceptIncoming);
  const dismiss = usePlanner((s) => s.dismissIncoming);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [incoming]);
  if (incoming === null) return null;
  return (
    <section className="step" aria-labelledby="incoming-heading">
      <h2 id="incoming-heading" className="step__heading" tabIndex={-1} ref={heading}>
        <span className="step__number">{SOURCE[incoming.source]} · read-only review</span>
        {incoming.plan.name}
      </h2>
      <div className="notice notice--info">
        <p>
          You are reviewing this plan without changing yours. Choose <strong>Edit this plan</strong> to work on it; your
          current plan is kept and can be restored. Undo and redo are off while you review, so they cannot change your
          plan unseen.
        </p>
        <div className="button-row">
          <button type="button" className="button button--primary" onClick={accept}>
            Edit this plan
          </button>
          <button type="button" className="button" onClick={dismiss}>
            Close and return to my plan
          </button>
        </div>
      </div>
      {incoming.report === undefined ? null : (
        <Suspense fallback={<p className="loading">Loading what the import could not hold…</p>}>
          <ImportReportPanel report={incoming.report} />
        </Suspense>
      )}
      <ReviewContent plan={incoming.plan} editable={false} />
    </section>
  );
}
