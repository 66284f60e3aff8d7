/**
 * The autosave's messages (./storage-messages), shown while there is something to say. Their code is
 * not needed for the first screen, so it loads on demand; it is also fetched once the page has loaded,
 * so that a message still shows when the network is gone by the time storage fills up. If it cannot be
 * loaded at all, a short message takes its place: never a crash, never silence.
 */
import { lazy, Suspense } from 'react';
import { usePlanner } from '../../store/store';

function Unavailable() {
  return (
    <p role="alert" className="notice notice--error">
      Saving in this browser needs your attention, but the message about it could not be loaded. Download the plan file
      from the Review step, then reload the page.
    </p>
  );
}

const load = () => import('./storage-messages').catch(() => ({ default: Unavailable }));
const StorageMessages = lazy(load);
// This module runs after the first paint, often once the page has loaded: then the load event is already past.
const prefetch = () => setTimeout(() => void load(), 1000);
if (typeof document !== 'undefined') {
  if (document.readyState === 'complete') prefetch();
  else window.addEventListener('load', prefetch, { once: true });
}

export function StorageNotices() {
  const show = usePlanner(({ autosave: a }) => a.kept.length > 0 || a.saveError !== null || a.conflict !== null);
  return show ? (
    <Suspense fallback={null}>
      <StorageMessages />
    </Suspense>
  ) : null;
}
