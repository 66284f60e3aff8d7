import { lazy, Suspense, useEffect } from 'react';
import { importReportFor } from '../../../store/import-report';
import { usePlanner } from '../../../store/store';
import { revealAll } from '../../findings/reveal';
import { ReviewContent } from '../../review/review-content';
import { StepFrame } from '../step-frame';
import { stepForPath } from '../steps';

const ImportReportPanel = lazy(() => import('../../import/import-report'));

export default function ReviewStep() {
  const plan = usePlanner((s) => s.plan);
  const focusField = usePlanner((s) => s.focusField);
  // The plan was imported (and still holds the imported server): what the import could not hold stays in view.
  const importReport = usePlanner((s) => importReportFor(s.importReport, s.plan));
  // Reviewing is asking for every problem: from now on each field shows its errors, filled in or not.
  useEffect(revealAll, []);
  return (
    <StepFrame
      intro={
        <p>
          Everything the plan says, every finding with a link back to its field, the topology, the client checks, and
          the exports.
        </p>
      }
    >
      {importReport === null ? null : (
        <Suspense fallback={null}>
          <ImportReportPanel report={importReport} />
        </Suspense>
      )}
      <ReviewContent
        plan={plan}
        editable
        onNavigate={(path) => focusField(stepForPath(path, plan.access.mode), path)}
      />
    </StepFrame>
  );
}
