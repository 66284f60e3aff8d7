import { usePlanner } from '../../../store/store';
import { ReviewContent } from '../../review/review-content';
import { StepFrame } from '../step-frame';
import { stepForPath } from '../steps';

export default function ReviewStep() {
  const plan = usePlanner((s) => s.plan);
  const focusField = usePlanner((s) => s.focusField);
  return (
    <StepFrame
      intro={
        <p>
          Everything the plan says, every finding with a link back to its field, the topology, the client checks, and
          the exports.
        </p>
      }
    >
      <ReviewContent plan={plan} editable onNavigate={(path) => focusField(stepForPath(path), path)} />
    </StepFrame>
  );
}
