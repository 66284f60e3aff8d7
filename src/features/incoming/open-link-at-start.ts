/**
 * Starts opening the share link in the address as soon as the app's code runs: `start.tsx` imports this module
 * first, so the link's codec, rules and review start loading before the rest of the app's code (React's renderer,
 * the wizard) is evaluated rather than after it, and download while it is.
 */
import { openLinkInAddress } from './open-link';

/** Resolves when the link the page was loaded with is shown or refused (at once when there is none). */
export const openingLink: Promise<void> = openLinkInAddress();
