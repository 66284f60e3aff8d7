/**
 * The Review page's content for a plan: findings grouped by step, the plan summary, and the heavier
 * panels (topology, connectivity, comparison with a deployment, share, exports), each loaded on demand.
 */
import { lazy, startTransition, Suspense, useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { Plan } from '../../domain/plan';
import { findingsFor, useRuleEngine } from '../findings/use-findings';
import { FindingsByStep } from '../findings/findings-by-step';
import { PlanSummary } from './plan-summary';

const TopologyPanel = lazy(() => import('./topology-panel'));
const ChecksPanel = lazy(() => import('./checks-panel'));
const SharePanel = lazy(() => import('./share-panel'));
const ExportPanel = lazy(() => import('../export/export-panel'));
const CompareWithDeployed = lazy(() => import('../import/compare-view'));

function Loading({ what }: { what: string }) {
  return <p className="loading">Loading {what}…</p>;
}

export function ReviewContent({
  plan,
  editable,
  onNavigate,
}: {
  plan: Plan;
  editable: boolean;
  onNavigate?: (path: string) => void;
}) {
  useRuleEngine(); // the review's counts and export gating need the findings, not "checking"
  const findings = useMemo(() => findingsFor(plan), [plan]);
  const errors = useMemo(() => findings.filter((f) => f.severity === 'error'), [findings]);
  // The diagram, the client checks, the share link and the exports are the heaviest sections for a
  // large plan (laying out a plan at Azure's limits takes seconds): they render in a background pass
  // after the findings and the summary are on screen, and keep their last result while the next one
  // is prepared.
  const deferredPlan = useDeferredValue<Plan | null>(plan, null);
  const deferredFindings = useMemo(() => (deferredPlan === null ? [] : findingsFor(deferredPlan)), [deferredPlan]);
  // The sections below the diagram (client checks, share link, exports with their dry run) follow in a pass of
  // their own once the diagram is committed, so that it is on screen without waiting for them (for the large
  // plan they cost more than the diagram itself).
  const [laterPlan, setLaterPlan] = useState<Plan | null>(null);
  useEffect(() => {
    if (deferredPlan !== null) startTransition(() => setLaterPlan(deferredPlan));
  }, [deferredPlan]);
  const laterErrors = useMemo(
    () => (laterPlan === null ? [] : findingsFor(laterPlan).filter((f) => f.severity === 'error')),
    [laterPlan],
  );
  return (
    <>
      <section className="review-section" aria-labelledby="review-findings">
        <h3 id="review-findings">
          Checks: {errors.length} {errors.length === 1 ? 'error' : 'errors'},{' '}
          {findings.filter((f) => f.severity === 'warning').length} warnings,{' '}
          {findings.filter((f) => f.severity === 'info').length} notes
        </h3>
        {editable ? (
          <FindingsByStep findings={findings} mode={plan.access.mode} />
        ) : (
          <FindingsByStep findings={findings} mode={plan.access.mode} readOnly />
        )}
      </section>
      <section className="review-section" aria-labelledby="review-summary">
        <h3 id="review-summary">Plan summary</h3>
        <PlanSummary plan={plan} />
      </section>
      <section className="review-section" aria-labelledby="review-topology">
        <h3 id="review-topology">Topology</h3>
        {deferredPlan === null ? (
          <Loading what="the diagram" />
        ) : (
          <Suspense fallback={<Loading what="the diagram" />}>
            <TopologyPanel plan={deferredPlan} findings={deferredFindings} {...(onNavigate ? { onNavigate } : {})} />
          </Suspense>
        )}
      </section>
      <section className="review-section" aria-labelledby="review-checks">
        <h3 id="review-checks">Can the clients reach the server?</h3>
        {laterPlan === null ? (
          <Loading what="the connectivity checks" />
        ) : (
          <Suspense fallback={<Loading what="the connectivity checks" />}>
            <ChecksPanel plan={laterPlan} {...(onNavigate ? { onNavigate } : {})} />
          </Suspense>
        )}
      </section>
      {editable ? (
        <section className="review-section" aria-labelledby="review-compare">
          <h3 id="review-compare">Compare with deployed</h3>
          <Suspense fallback={<Loading what="the comparison" />}>
            <CompareWithDeployed plan={plan} />
          </Suspense>
        </section>
      ) : null}
      <section className="review-section" aria-labelledby="review-share">
        <h3 id="review-share">Share and save</h3>
        {laterPlan === null ? (
          <Loading what="sharing" />
        ) : (
          <Suspense fallback={<Loading what="sharing" />}>
            <SharePanel plan={laterPlan} />
          </Suspense>
        )}
      </section>
      <section className="review-section" aria-labelledby="review-export">
        <h3 id="review-export">Export</h3>
        {laterPlan === null ? (
          <Loading what="the exporters" />
        ) : (
          <Suspense fallback={<Loading what="the exporters" />}>
            <ExportPanel plan={laterPlan} errors={laterErrors} />
          </Suspense>
        )}
      </section>
    </>
  );
}
