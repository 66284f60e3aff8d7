/**
 * Starts the app on the page. The production page holds the first screen prerendered from the store's initial
 * state: React hydrates that markup when the store still holds that state, and otherwise renders the saved plan
 * in its place (the gate kept the shell's plan off screen; see `first-paint.ts`). The dev server's root is empty.
 */
// First, so that a share link starts loading before the rest of the app's code runs (see the module).
import { openingLink } from '../features/incoming/open-link-at-start';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { loadRuleEngine } from '../features/findings/use-findings';
import { usePlanner } from '../store/store';
import { GATE_ATTRIBUTE, ROOT_ID } from './first-paint';
import { showsPrerenderedState } from './paint-gate';
import { Root } from './root';

const root = document.getElementById(ROOT_ID);
if (root === null) throw new Error(`The page has no #${ROOT_ID} element.`);
function render(): void {
  if (root === null) return;
  if (root.hasChildNodes() && showsPrerenderedState(usePlanner)) hydrateRoot(root, <Root />);
  else createRoot(root).render(<Root />);
}

// A share link is opened before the first render, which then shows it. Not a top-level
// await: the link's modules share chunks with this one, which must have finished evaluating for them to load.
const opened = openingLink.catch(console.error);
if (document.documentElement.getAttribute(GATE_ATTRIBUTE) === 'link') void opened.finally(render);
else render();
// The rules are not needed to paint or to type: they load once the first render is under way.
void loadRuleEngine();
