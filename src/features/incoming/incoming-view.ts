/**
 * The read-only review of an opened plan, loaded on demand. Opening a link or a file loads it before the plan is
 * shown, so that React renders it at once: a lazy component that suspends would show "Loading…" first, and React
 * then holds the content back for its fallback throttle (about 300 ms) before revealing it.
 */
import { lazy, type ComponentType } from 'react';

type View = ComponentType;

const load = () => import('./incoming-plan');
let loaded: View | null = null;
let loading: Promise<void> | null = null;

/** Starts loading the review (once); resolves when it can render without suspending. */
export function preloadIncomingView(): Promise<void> {
  loading ??= load().then((m) => {
    loaded = m.default;
  });
  return loading;
}

const LazyView = lazy(load);

/** The review component: the loaded module itself when it is in, otherwise a lazy one that suspends. */
export const incomingView = (): View => loaded ?? LazyView;
