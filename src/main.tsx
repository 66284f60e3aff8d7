// The page's entry: the stylesheet, and the app's code once the prerendered first screen has painted.
import { GATE_ATTRIBUTE, reportStartFailure, startAfterFirstPaint } from './app/first-paint';
import './app/app.css';

// A share link is opened at once, while the app's own code loads: the app then renders the opened plan first.
if (document.documentElement.getAttribute(GATE_ATTRIBUTE) === 'link') {
  // Its code (the codec, the rules, the review) is fetched now, beside the app's, not once the app has run.
  for (const prefetch of [
    () => import('./share'),
    () => import('./rules'),
    () => import('./features/incoming/incoming-plan'),
  ])
    prefetch().catch(() => undefined); // a failure is reported by the import that needs the module
  import('./features/incoming/open-link').then((m) => m.openLinkInAddress()).catch(reportStartFailure);
}

startAfterFirstPaint(() => {
  import('./app/start').catch(reportStartFailure);
});
