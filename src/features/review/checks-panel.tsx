/** The connectivity verdict of every client of the plan. */
import { lazy, Suspense, useMemo } from 'react';
import { checksFor } from '../checker/checks-for';
import type { Plan } from '../../domain/plan';

const ClientChecks = lazy(() => import('../checker/client-checks'));

export default function ChecksPanel({ plan, onNavigate }: { plan: Plan; onNavigate?: (path: string) => void }) {
  const checks = useMemo(() => checksFor(plan), [plan]);
  if (checks.length === 0) {
    return (
      <p>The plan names no clients yet. Add them on the Clients step to see whether each one will reach the server.</p>
    );
  }
  return (
    <Suspense fallback={<p className="loading">Loading the checks…</p>}>
      <ClientChecks checks={checks} {...(onNavigate ? { onNavigate } : {})} />
    </Suspense>
  );
}
