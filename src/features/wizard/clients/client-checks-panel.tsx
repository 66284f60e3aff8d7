/** The connectivity verdict of every client, computed from the plan, shown below the client list. */
import { lazy, Suspense, useMemo } from 'react';
import { checksFor } from '../../checker/checks-for';
import { usePlanner } from '../../../store/store';
import { stepForPath } from '../steps';

const ClientChecks = lazy(() => import('../../checker/client-checks'));

const navigate = (path: string) =>
  usePlanner.getState().focusField(stepForPath(path, usePlanner.getState().plan.access.mode), path);

export function ClientChecksPanel() {
  const plan = usePlanner((s) => s.plan);
  const checks = useMemo(() => checksFor(plan), [plan]);
  if (checks.length === 0) return null;
  return (
    <section className="client-checks" aria-labelledby="client-checks-heading">
      <h3 id="client-checks-heading" className="client-checks__heading">
        Can each client reach the server?
      </h3>
      <Suspense fallback={<p className="loading">Checking the clients…</p>}>
        <ClientChecks checks={checks} onNavigate={navigate} headingLevel={4} />
      </Suspense>
    </section>
  );
}
