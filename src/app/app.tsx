/** Composition only: header, step list, the current step, and the findings drawer. */
import { lazy, Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { usePlanner, type StepId } from '../store/store';
import { FindingsDrawer } from '../features/findings/findings-drawer';
import { PageDrop } from '../features/import/page-drop';
import { PlanMenu, useUndoShortcuts } from '../features/wizard/plan-menu';
import { incomingView } from '../features/incoming/incoming-view';
import { OpenErrorNotice } from '../features/incoming/open-error-notice';
import { useOpenLink } from '../features/incoming/use-open-link';
import { StorageNotices } from '../features/storage/storage-notices';
import { RecoveryBanner } from '../features/wizard/recovery-banner';
import { StepErrorBoundary } from '../features/wizard/step-error-boundary';
import { StepList } from '../features/wizard/step-list';
import { UndoStatus } from '../features/wizard/undo-status';
import BasicsStep from '../features/wizard/steps/basics-step';
import { MAIN_ID } from './first-paint';
import { usePaintGate } from './paint-gate';

const laterSteps = () => import('../features/wizard/steps/later-steps');
type LaterSteps = Awaited<ReturnType<typeof laterSteps>>;
const later = (name: keyof LaterSteps) => lazy(() => laterSteps().then((steps) => ({ default: steps[name] })));

const STEP_COMPONENTS: Record<StepId, ComponentType | LazyExoticComponent<ComponentType>> = {
  basics: BasicsStep,
  connectivity: later('ConnectivityStep'),
  vnet: later('VnetStep'),
  subnet: later('SubnetStep'),
  dns: later('DnsStep'),
  peering: later('PeeringStep'),
  endpoints: later('EndpointsStep'),
  firewall: later('FirewallStep'),
  security: later('SecurityStep'),
  clients: later('ClientsStep'),
  review: later('ReviewStep'),
};

export function App() {
  useUndoShortcuts();
  useOpenLink();
  usePaintGate();
  const incoming = usePlanner((s) => s.incoming !== null);
  const step = usePlanner((s) => s.step);
  const revision = usePlanner((s) => s.revision);
  const mode = usePlanner((s) => s.plan.access.mode);
  const Step = STEP_COMPONENTS[step];
  // A step's form re-reads the plan when it changes from outside (undo, redo, load, the other mode): the step is
  // keyed by the revision and the mode. The Connectivity step has no form, it reads the store; keeping it mounted
  // when the mode changes keeps the focus on the radio the arrow keys chose.
  const stepKey = step === 'connectivity' ? step : `${step}-${revision}-${mode}`;
  const IncomingPlan = incomingView();
  return (
    <div className="app">
      <a className="skip-link" href={`#${MAIN_ID}`}>
        Skip to the current step
      </a>
      <header className="app__header">
        <div className="app__brand">
          <h1>
            PostgreSQL flexible server <span className="app__brand-sub">network planner</span>
          </h1>
          <p className="app__tagline">Plan, check, draw and export the networking — nothing leaves your browser.</p>
        </div>
        <PlanMenu />
      </header>
      <OpenErrorNotice />
      <PageDrop />
      <StorageNotices />
      <RecoveryBanner />
      <UndoStatus />
      <div className="app__body">
        <aside className="app__aside">
          <StepList />
          <FindingsDrawer />
        </aside>
        <main id={MAIN_ID} className="app__main">
          <StepErrorBoundary key={`${stepKey}-${incoming}`}>
            <Suspense fallback={<p className="loading">Loading…</p>}>
              {incoming ? <IncomingPlan /> : <Step key={stepKey} />}
            </Suspense>
          </StepErrorBoundary>
        </main>
      </div>
    </div>
  );
}
