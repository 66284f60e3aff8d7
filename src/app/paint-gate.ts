/** Hands the prerendered first screen over to React (see `first-paint.ts` for the whole sequence). */
import { useLayoutEffect } from 'react';
import { usePlanner, type PlannerState } from '../store/store';
import { GATE_ATTRIBUTE, LINK_GATE_TIMEOUT_MS, ROOT_ID } from './first-paint';

type PlannerStore = { getState: () => PlannerState; getInitialState: () => PlannerState };

/**
 * Whether the first render shows exactly what the prerender rendered. The store's hooks read its initial
 * state while React hydrates (zustand's server snapshot), but the Basics form reads the plan and the step
 * directly, so both must still be the initial ones for the markup to match, and no opened plan may stand in
 * front of them.
 */
export function showsPrerenderedState(store: PlannerStore): boolean {
  const state = store.getState();
  const initial = store.getInitialState();
  return (
    state.plan === initial.plan && state.step === initial.step && state.incoming === null && state.openError === null
  );
}

/**
 * Makes the root interactive once React owns it, and lifts the gate once the visitor's own plan is rendered:
 * at once for a saved plan, for a link once it has been opened or refused.
 */
export function usePaintGate(): void {
  const opened = usePlanner((s) => s.incoming !== null || s.openError !== null);
  useLayoutEffect(() => {
    // Inert until now, so nothing typed into the shell before hydration is overwritten by it.
    document.getElementById(ROOT_ID)?.removeAttribute('inert');
  }, []);
  useLayoutEffect(() => {
    const html = document.documentElement;
    const reason = html.getAttribute(GATE_ATTRIBUTE);
    if (reason === null) return;
    const lift = () => html.removeAttribute(GATE_ATTRIBUTE);
    if (reason !== 'link' || opened) {
      lift();
      return;
    }
    const timer = setTimeout(lift, LINK_GATE_TIMEOUT_MS);
    return () => clearTimeout(timer);
  }, [opened]);
}
