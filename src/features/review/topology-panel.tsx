/** The diagram of the plan, with the checker's run on each client (its verdict, and the hub its path crosses). */
import { lazy, Suspense } from 'react';
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
  return (
    <Suspense fallback={<p className="loading">Drawing…</p>}>
      <TopologyView
        plan={plan}
        findings={findings}
        clientChecks={checksFor(plan)}
        {...(onNavigate ? { onNavigate } : {})}
      />
    </Suspense>
  );
}
