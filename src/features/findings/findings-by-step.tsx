/** All findings grouped by wizard step; each one links back to its field. */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Finding } from '../../domain/finding';
import { usePlanner, type StepId } from '../../store/store';
import { STEPS, stepForPath } from '../wizard/steps';
import { FindingMessage } from './finding-message';
import type { Shown } from './reveal';

/** Findings shown per step before "Show all": a large plan can have a thousand, which no page should render at once. */
const FINDINGS_SHOWN_FIRST = 20;

interface FindingsByStepProps {
  findings: readonly Finding[];
  /** The access mode of the plan they are of: which step holds a field depends on it. */
  mode: 'private' | 'public';
  readOnly?: boolean;
  /** How each finding is shown (an error still to complete, see `reveal.ts`); its severity by default. */
  shownAs?: (finding: Finding) => Shown;
  /** Called before the wizard goes to a finding's field (the drawer closes its dialog). */
  onGo?: () => void;
  /** The level of the step headings under the caller's heading. */
  headingLevel?: 3 | 4;
}

const bySeverity = (f: Finding): Shown => f.severity;

/** Findings that read the same: each evaluation of a plan makes new objects, most of them equal to the last ones. */
const sameFinding = (a: Finding, b: Finding): boolean =>
  a === b ||
  (a.ruleId === b.ruleId &&
    a.severity === b.severity &&
    a.path === b.path &&
    a.message === b.message &&
    a.docs === b.docs);

interface FindingItemProps {
  finding: Finding;
  shown: Shown;
  step: (typeof STEPS)[number];
  /** Goes to the finding's field; null where there is no field to go to (the Review step, a read-only list). */
  go: ((step: StepId, path: string) => void) | null;
}

/**
 * One finding with its "Go to the field" button. An edit re-evaluates the plan, and a large plan lists a hundred
 * findings here, nearly all of them unchanged: an item whose finding reads the same is not rendered again.
 */
const FindingItem = memo(
  function FindingItem({ finding: f, shown, step, go }: FindingItemProps) {
    return (
      <FindingMessage
        finding={f}
        shown={shown}
        action={
          go === null ? null : (
            <>
              {' '}
              <button type="button" className="link-button" onClick={() => go(step.id, f.path)}>
                Go to the field
                <span className="visually-hidden">
                  {' '}
                  of {f.ruleId} on the {step.label} step
                </span>
              </button>
            </>
          )
        }
      />
    );
  },
  (a, b) => a.shown === b.shown && a.step === b.step && a.go === b.go && sameFinding(a.finding, b.finding),
);

export function FindingsByStep({
  findings,
  mode,
  readOnly = false,
  shownAs = bySeverity,
  onGo,
  headingLevel = 4,
}: FindingsByStepProps) {
  const focusField = usePlanner((s) => s.focusField);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => {
    const byStep = new Map<StepId, Finding[]>();
    for (const f of findings) {
      const step = stepForPath(f.path, mode);
      const list = byStep.get(step);
      if (list) list.push(f);
      else byStep.set(step, [f]);
    }
    return STEPS.flatMap((step) => {
      const items = byStep.get(step.id);
      return items ? [{ step, items }] : [];
    });
  }, [findings, mode]);
  // The same function from render to render, so that unchanged items stay as they are (`FindingItem`).
  const onGoRef = useRef(onGo);
  useLayoutEffect(() => {
    onGoRef.current = onGo;
  });
  const go = useCallback(
    (step: StepId, path: string) => {
      onGoRef.current?.();
      focusField(step, path);
    },
    [focusField],
  );
  if (findings.length === 0) {
    return <p className="notice notice--ok">No findings: the plan passes every rule.</p>;
  }
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  return (
    <div className="findings-by-step">
      {groups.map(({ step, items }) => (
        <section
          key={step.id}
          aria-label={`${step.label}: ${items.length} ${items.length === 1 ? 'finding' : 'findings'}`}
        >
          <Heading className="findings-by-step__step">{step.label}</Heading>
          <ul className="field__messages">
            {(expanded.has(step.id) ? items : items.slice(0, FINDINGS_SHOWN_FIRST)).map((f, i) => (
              <FindingItem
                key={`${f.ruleId}-${f.path}-${i}`}
                finding={f}
                shown={shownAs(f)}
                step={step}
                go={step.id === 'review' || readOnly ? null : go}
              />
            ))}
          </ul>
          {items.length > FINDINGS_SHOWN_FIRST && !expanded.has(step.id) ? (
            <button type="button" className="button" onClick={() => setExpanded((e) => new Set([...e, step.id]))}>
              Show all {items.length} findings of {step.label}
            </button>
          ) : null}
        </section>
      ))}
    </div>
  );
}
