/**
 * The clickable list of steps, each with a badge counting its errors, fields to complete and warnings. While a plan
 * opened from a link or file is reviewed, the list shows that plan's steps and findings, with no step marked current:
 * the review is on screen, not a step.
 */
import { useMemo } from 'react';
import { usePlanner } from '../../store/store';
import { countText } from '../findings/findings-drawer';
import { SEVERITY_ICON } from '../findings/finding-message';
import { shownSeverities, useReveal, type Shown } from '../findings/reveal';
import { useShownFindingsOrPending, useShownPlan } from '../findings/use-findings';
import { stepForPath, visibleSteps } from './steps';

/** What a step badge counts, in this order; notes are left to the findings drawer. */
const BADGE_KINDS = ['error', 'pending', 'warning'] as const;

function StepBadge({ counts }: { counts: Partial<Record<Shown, number>> }) {
  const kinds = BADGE_KINDS.filter((k) => (counts[k] ?? 0) > 0);
  if (kinds.length === 0) return null;
  return (
    <span className="steplist__badges">
      {kinds.map((k) => (
        <span key={k} className={`badge badge--${k}`}>
          <span aria-hidden="true">
            {counts[k]} {SEVERITY_ICON[k]}
          </span>
          <span className="visually-hidden">, {countText(k, counts[k] ?? 0)}</span>
        </span>
      ))}
    </span>
  );
}

export function StepList() {
  const plan = useShownPlan();
  const reviewing = usePlanner((s) => s.incoming !== null);
  const step = usePlanner((s) => s.step);
  const current = reviewing ? null : step;
  const goTo = usePlanner((s) => s.goTo);
  const findings = useShownFindingsOrPending();
  const reveal = useReveal();
  const countsByStep = useMemo(() => {
    const counts = new Map<string, Partial<Record<Shown, number>>>();
    if (findings === null) return counts;
    const shown = shownSeverities(findings, plan, reveal);
    for (const f of findings) {
      if (f.severity === 'info') continue;
      const step = stepForPath(f.path, plan.access.mode);
      const kind = shown.get(f) ?? f.severity;
      const c = counts.get(step) ?? {};
      c[kind] = (c[kind] ?? 0) + 1;
      counts.set(step, c);
    }
    return counts;
  }, [findings, plan, reveal]);
  return (
    <nav className="steplist" aria-label="Wizard steps">
      <ol>
        {visibleSteps(plan).map((s, i) => (
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
              <StepBadge counts={countsByStep.get(s.id) ?? {}} />
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
