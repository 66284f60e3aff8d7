import { useEffect } from 'react';
import { usePlanner } from '../../../store/store';
import { revealAll } from '../../findings/reveal';
import { ImportReportPanel } from '../../import/import-report';
import { ReviewContent } from '../../review/review-content';
import { StepFrame } from '../step-frame';
import { stepForPath } from '../steps';

export default function ReviewStep() {
  const plan = usePlanner((s) => s.plan);
  const focusField = usePlanner((s) => s.focusField);
  const importReport = usePlanner((s) => s.importReport);
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
      {importReport === null ? null : <ImportReportPanel report={importReport} />}
      <ReviewContent plan={plan} editable onNavigate={(path) => focusField(stepForPath(path), path)} />
    </StepFrame>
  );
}
