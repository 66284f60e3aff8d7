/** The clickable list of steps, each with its error count. */
import { useMemo } from 'react';
import { usePlanner } from '../../store/store';
import { useFindings } from '../findings/use-findings';
import { stepForPath, visibleSteps } from './steps';

export function StepList() {
  const plan = usePlanner((s) => s.plan);
  const current = usePlanner((s) => s.step);
  const goTo = usePlanner((s) => s.goTo);
  const findings = useFindings();
  const errorsByStep = useMemo(() => {
    const counts = new Map<string, number>();
    for (const f of findings) {
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
