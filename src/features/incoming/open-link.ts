/**
 * Opening a share link: the plan in the URL fragment is decoded (never sent anywhere) and shown
 * read-only beside the current plan, which stays untouched until the user chooses to edit the
 * opened one. A link that cannot be read leaves the current plan as it is and says why.
 *
 * The app opens the link in the address before its first render (`openLinkInAddress`, from `start.tsx`), loading
 * the codec, the rules and the review together: the opened plan is then the first thing React renders, with no
 * first render of the empty plan to replace and no chain of loads after it. (The page's entry doesn't start it
 * earlier: whatever the entry imports counts as first-screen code.)
 */
import { usePlanner } from '../../store/store';
import { findingsFor, loadRuleEngine } from '../findings/use-findings';
import { preloadIncomingView } from './incoming-view';

/** Decodes a link fragment; the codec is loaded only when there is a link to open. */
export async function openLinkFragment(fragment: string): Promise<void> {
  if (fragment === '') return;
  // The codec is requested first and the link decoded as soon as it is in, while the review and the rules are
  // still loading; all three are in before the opened plan is shown, so that it renders in one go.
  const [result] = await Promise.all([
    import('../../share/link').then(({ decodePlanLinkAsync }) => decodePlanLinkAsync(fragment)),
    preloadIncomingView(),
    loadRuleEngine(),
  ]);
  const store = usePlanner.getState();
  if (result.ok) {
    // Checked now, while the rest of the app may still be loading, rather than during the review's first render.
    findingsFor(result.plan);
    store.showIncoming(result.plan, 'link');
  } else store.setOpenError({ error: result.error, source: 'link' });
}

/** Takes the plan link out of the address (once read, a reload must not open it again over later edits). */
export function takeLinkFragment(): string {
  const fragment = window.location.hash.replace(/^#/, '');
  // A fragment naming an element of the page (the skip link's `#main`) is in-page navigation, not a link.
  if (fragment === '' || document.getElementById(fragment) !== null) return '';
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
  return fragment;
}

let opening: Promise<void> | null = null;

/** Opens the link the page was loaded with (once); resolves when it is shown or refused. */
export function openLinkInAddress(): Promise<void> {
  opening ??= openLinkFragment(takeLinkFragment());
  return opening;
}
