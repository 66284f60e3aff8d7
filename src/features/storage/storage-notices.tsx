/**
 * The autosave's messages (./storage-messages), shown while there is something to say. Their code is
 * not needed for the first screen, so it loads on demand; it is also fetched once the page has loaded,
 * so that a message still shows when the network is gone by the time storage fills up.
 */
import { lazy, Suspense } from 'react';
import { usePlanner } from '../../store/store';

const load = () => import('./storage-messages');
const StorageMessages = lazy(load);
if (typeof window !== 'undefined') window.addEventListener('load', () => setTimeout(() => void load(), 1000));

export function StorageNotices() {
  const show = usePlanner(({ autosave: a }) => a.kept.length > 0 || a.saveError !== null || a.conflict !== null);
  return show ? (
    <Suspense fallback={null}>
      <StorageMessages />
    </Suspense>
  ) : null;
}
