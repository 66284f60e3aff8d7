/** All findings grouped by wizard step; each one links back to its field. */
import type { Finding } from '../../domain/finding';
import { usePlanner } from '../../store/store';
import { STEPS, stepForPath } from '../wizard/steps';
import { FindingMessage } from './FindingMessage';

export function FindingsByStep({ findings, readOnly = false }: { findings: readonly Finding[]; readOnly?: boolean }) {
  const focusField = usePlanner((s) => s.focusField);
  if (findings.length === 0) {
    return <p className="notice notice--ok">No findings: the plan passes every rule.</p>;
  }
  const groups = STEPS.map((step) => ({ step, items: findings.filter((f) => stepForPath(f.path) === step.id) })).filter(
    (g) => g.items.length > 0,
  );
  return (
    <div className="findings-by-step">
      {groups.map(({ step, items }) => (
        <section key={step.id} aria-labelledby={`findings-${step.id}`}>
          <h4 id={`findings-${step.id}`}>{step.label}</h4>
          <ul className="field__messages">
            {items.map((f, i) => (
              <FindingMessage
                key={`${f.ruleId}-${f.path}-${i}`}
                finding={f}
                action={
                  step.id === 'review' || readOnly ? null : (
                    <>
                      {' '}
                      <button type="button" className="link-button" onClick={() => focusField(step.id, f.path)}>
                        Go to field<span className="visually-hidden">: {f.path}</span>
                      </button>
                    </>
                  )
                }
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
