/** A step's frame: the heading (focused on step change), the body, and Back / Next. */
import { useEffect, useRef, type ReactNode } from 'react';
import { usePlanner } from '../../store/store';
import { touchField } from '../findings/reveal';
import { stepDef, visibleSteps } from './steps';

/** The input of the field for `path`, or the closest field above it (`a.b.3` → `a.b`). */
function focusTarget(path: string): HTMLElement | null {
  const parts = path.split('.');
  while (parts.length > 0) {
    const field = document.querySelector(`[data-path="${CSS.escape(parts.join('.'))}"]`);
    const control = field?.querySelector<HTMLElement>('input, select, textarea, button, [tabindex]');
    if (control) return control;
    parts.pop();
  }
  return null;
}

/** How long a field reached from a finding stays marked (`[data-highlight]` in app.css). */
const HIGHLIGHT_MS = 2500;
const highlightTimers = new WeakMap<HTMLElement, number>();

/** Marks the field a finding led to, so the eye finds it, not only the keyboard focus. */
function highlight(field: HTMLElement): void {
  window.clearTimeout(highlightTimers.get(field));
  field.setAttribute('data-highlight', '');
  highlightTimers.set(
    field,
    window.setTimeout(() => field.removeAttribute('data-highlight'), HIGHLIGHT_MS),
  );
}

/** Whether a step has been shown since the page loaded (see the focus effect in `StepFrame`). */
let stepShownOnPage = false;

export function StepFrame({ intro, children }: { intro?: ReactNode; children: ReactNode }) {
  const step = usePlanner((s) => s.step);
  const plan = usePlanner((s) => s.plan);
  const goTo = usePlanner((s) => s.goTo);
  const focusPath = usePlanner((s) => s.focusPath);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusedStep = useRef<string | null>(null);
  useEffect(() => {
    // A field asked for (from a finding, a check or the diagram) takes the focus; otherwise the
    // heading does, once per step change (not again when the field request is cleared).
    if (focusPath !== null) {
      touchField(focusPath); // asked for: its errors show, even while it is empty
      const target = focusTarget(focusPath);
      if (target) {
        target.focus();
        target.scrollIntoView({ block: 'center' });
        highlight(target.closest<HTMLElement>('[data-path]') ?? target);
        focusedStep.current = step;
        usePlanner.getState().clearFocus();
        return;
      }
    }
    if (focusedStep.current !== step) {
      focusedStep.current = step;
      // The page's first step takes the focus only if nobody has put it elsewhere: a keyboard user may already be
      // on the skip link or a header button by the time the step's effect runs (after the first paint).
      const first = !stepShownOnPage;
      stepShownOnPage = true;
      const active = document.activeElement;
      if (!first || active === null || active === document.body) heading.current?.focus();
    }
  }, [step, focusPath]);
  const steps = visibleSteps(plan);
  const index = steps.findIndex((s) => s.id === step);
  const back = index > 0 ? steps[index - 1] : undefined;
  const next = index >= 0 && index < steps.length - 1 ? steps[index + 1] : undefined;
  const def = stepDef(step);
  return (
    <section className="step" aria-labelledby="step-heading">
      <h2 id="step-heading" className="step__heading" tabIndex={-1} ref={heading}>
        <span className="step__number">
          Step {index + 1} of {steps.length}
        </span>{' '}
        {def.title}
      </h2>
      {intro ? <div className="step__intro">{intro}</div> : null}
      <div className="step__body">{children}</div>
      <nav className="step__nav" aria-label="Step navigation">
        {back ? (
          <button type="button" className="button" onClick={() => goTo(back.id)}>
            ← Back<span className="visually-hidden">: {back.label}</span>
          </button>
        ) : (
          <span />
        )}
        {next ? (
          <button type="button" className="button button--primary" onClick={() => goTo(next.id)}>
            Next: {next.label} →
          </button>
        ) : null}
      </nav>
    </section>
  );
}
