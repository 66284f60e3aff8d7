/**
 * The clickable list of steps, each with its error count. While a plan opened from a link or file is reviewed, the
 * list shows that plan's steps and errors, with no step marked current: the review is on screen, not a step.
 */
import { useMemo } from 'react';
import { usePlanner } from '../../store/store';
import { useShownFindingsOrPending, useShownPlan } from '../findings/use-findings';
import { stepForPath, visibleSteps } from './steps';

export function StepList() {
  const plan = useShownPlan();
  const reviewing = usePlanner((s) => s.incoming !== null);
  const step = usePlanner((s) => s.step);
  const current = reviewing ? null : step;
  const goTo = usePlanner((s) => s.goTo);
  const findings = useShownFindingsOrPending();
  const errorsByStep = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings ?? []) {
      if (f.severity !== 'error') continue;
      const step = stepForPath(f.path);
      counts.set(step, (counts.get(step) ?? 0) + 1);
    }
    return counts;
  }, [findings]);
  return (
    <nav className="steplist" aria-label="Wizard steps">
      <ol>
        {visibleSteps(plan).map((s, i) => {
          const errors = errorsByStep.get(s.id) ?? 0;
          return (
            <li key={s.id}>
              <button
                type="button"
                className={`steplist__item${s.id === current ? ' steplist__item--current' : ''}`}
                aria-current={s.id === current ? 'step' : undefined}
                onClick={() => goTo(s.id)}
              >
                <span className="steplist__index" aria-hidden="true">
                  {i + 1}
                </span>
                <span className="steplist__label">{s.label}</span>
                {errors > 0 ? (
                  <span className="badge badge--error">
                    {errors}
                    <span className="visually-hidden"> {errors === 1 ? 'error' : 'errors'}</span>
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
