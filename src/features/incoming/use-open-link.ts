/**
 * Opening a share link: the plan in the URL fragment is decoded (never sent anywhere) and shown
 * read-only beside the current plan, which stays untouched until the user chooses to edit the
 * opened one. A link that cannot be read leaves the current plan as it is and says why.
 */
import { useEffect } from 'react';
import { usePlanner } from '../../store/store';
import { loadRuleEngine } from '../findings/use-findings';
import { preloadIncomingView } from './incoming-view';

/** Decodes a link fragment; the codec is loaded only when there is a link to open. */
async function openLinkFragment(fragment: string): Promise<void> {
  if (fragment === '') return;
  // The review and the rules load while the link is decoded, so the opened plan renders in one go.
  const [{ decodePlanLink }] = await Promise.all([import('../../share'), preloadIncomingView(), loadRuleEngine()]);
  const result = decodePlanLink(fragment);
  const store = usePlanner.getState();
  if (result.ok) store.showIncoming(result.plan, 'link');
  else store.setOpenError({ error: result.error, source: 'link' });
}

function consumeHash(): void {
  const fragment = window.location.hash.replace(/^#/, '');
  // A fragment naming an element of the page (the skip link's `#main`) is in-page navigation, not a link.
  if (fragment === '' || document.getElementById(fragment) !== null) return;
  // The fragment is read once; removing it keeps a reload from opening the link again over later edits.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  void openLinkFragment(fragment);
}

export function useOpenLink(): void {
  useEffect(() => {
    consumeHash();
    window.addEventListener('hashchange', consumeHash);
    return () => window.removeEventListener('hashchange', consumeHash);
  }, []);
}
