/** Live counts of errors, warnings and notes for the whole plan on screen (an opened plan while it is reviewed). */
import type { Finding } from '../../domain/finding';
import { usePlanner } from '../../store/store';
import { useShownFindingsOrPending } from './use-findings';

export function FindingsSummary() {
  const findings = useShownFindingsOrPending();
  const reviewing = usePlanner((s) => s.incoming !== null);
  return (
    <section className="summary" aria-labelledby="summary-title">
      <h2 id="summary-title" className="summary__title">
        {reviewing ? 'Checks of the opened plan' : 'Checks'}
      </h2>
      <p className="summary__counts" aria-live="polite">
        {findings === null ? 'Checking the plan…' : <Counts findings={findings} />}
      </p>
    </section>
  );
}

function Counts({ findings }: { findings: readonly Finding[] }) {
  const count = (s: string) => findings.filter((f) => f.severity === s).length;
  const errors = count('error');
  const warnings = count('warning');
  const infos = count('info');
  return (
    <>
      <span className="summary__item summary__item--error">
        <span aria-hidden="true">✖ </span>
        {errors} {errors === 1 ? 'error' : 'errors'}
      </span>
      <span className="summary__item summary__item--warning">
        <span aria-hidden="true">▲ </span>
        {warnings} {warnings === 1 ? 'warning' : 'warnings'}
      </span>
      <span className="summary__item summary__item--info">
        <span aria-hidden="true">ℹ </span>
        {infos} {infos === 1 ? 'note' : 'notes'}
      </span>
    </>
  );
}
