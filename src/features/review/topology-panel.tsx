/** The diagram of the plan, with each client's verdict. */
import { lazy, Suspense, useMemo } from 'react';
import { checksFor } from '../checker/checks-for';
import type { Finding } from '../../domain/finding';
import type { Plan } from '../../domain/plan';

const TopologyView = lazy(() => import('../topology/topology-view'));

export default function TopologyPanel({
  plan,
  findings,
  onNavigate,
}: {
  plan: Plan;
  findings: Finding[];
  onNavigate?: (path: string) => void;
}) {
  // By the client's place in the plan (`clients.3`), as the diagram reads them: two clients may share a name.
  const clientVerdicts = useMemo(
    () => Object.fromEntries(checksFor(plan).map((c) => [c.clientPath, c.verdict])),
    [plan],
  );
  return (
    <Suspense fallback={<p className="loading">Drawing…</p>}>
      <TopologyView
        plan={plan}
        findings={findings}
        clientVerdicts={clientVerdicts}
        {...(onNavigate ? { onNavigate } : {})}
      />
    </Suspense>
  );
}
