/** All findings grouped by wizard step; each one links back to its field. */
import { useMemo, useState } from 'react';
import type { Finding } from '../../domain/finding';
import { usePlanner } from '../../store/store';
import { STEPS, stepForPath } from '../wizard/steps';
import { FindingMessage } from './finding-message';

/** Findings shown per step before "Show all": a large plan can have a thousand, which no page should render at once. */
const FINDINGS_SHOWN_FIRST = 20;

export function FindingsByStep({ findings, readOnly = false }: { findings: readonly Finding[]; readOnly?: boolean }) {
  const focusField = usePlanner((s) => s.focusField);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const groups = useMemo(() => groupByStep(findings), [findings]);
  if (findings.length === 0) {
    return <p className="notice notice--ok">No findings: the plan passes every rule.</p>;
  }
  return (
    <div className="findings-by-step">
      {groups.map(({ step, items }) => (
        <section key={step.id} aria-labelledby={`findings-${step.id}`}>
          <h4 id={`findings-${step.id}`}>{step.label}</h4>
          <ul className="field__messages">
            {(expanded.has(step.id) ? items : items.slice(0, FINDINGS_SHOWN_FIRST)).map((f, i) => (
              <FindingMessage
                key={`${f.ruleId}-${f.path}-${i}`}
                finding={f}
                action={
                  step.id === 'review' || readOnly ? null : (
                    <>
                      {' '}
                      <button type="button" className="link-button" onClick={() => focusField(step.id, f.path)}>
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

function groupByStep(findings: readonly Finding[]) {
  // One pass over the findings (a large plan has over ten thousand), not one per step.
  const byStep = new Map<string, Finding[]>();
  for (const f of findings) {
    const id = stepForPath(f.path);
    const items = byStep.get(id);
    if (items === undefined) byStep.set(id, [f]);
    else items.push(f);
  }
  return STEPS.flatMap((step) => {
    const items = byStep.get(step.id);
    return items === undefined ? [] : [{ step, items }];
  });
}
