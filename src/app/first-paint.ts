/**
 * The first paint, before React (this module is part of the page's entry and imports nothing). The production
 * page carries the first screen prerendered from the store's initial state (`prerender.tsx`), so it paints
 * before any script has run. That shell is right for a visitor with nothing saved and no link; for anyone else
 * its plan (values, step list, checks, current step) would be wrong for the moment before the app takes over:
 *
 * - a tiny blocking script of the page's own origin (the gate, built from `paintGateScript`; the content
 *   security policy allows no inline script) runs before the first paint and, when the page will show a share
 *   link or a saved plan, marks `<html>` with `GATE_ATTRIBUTE`; `app.css` then hides the plan's part of the
 *   shell (the step list, the checks and the current step; the header is the same for every plan);
 * - the gate is the page's only script: it loads the entry (`main.tsx`) at once for such a visitor and
 *   otherwise after the load event, and the entry loads the app once the shell has painted
 *   (`startAfterFirstPaint`), so the first screen paints and loads as a static page does;
 * - `start.tsx` hydrates the markup when the store holds the state the prerender used, and otherwise renders
 *   the visitor's own state in its place; `paint-gate.ts` lifts the mark once that state is on screen.
 */

/** The element the app renders into; the prerendered markup is its content (inert until React owns it). */
export const ROOT_ID = 'root';

/** Set on `<html>` by the gate script while the shell's plan is not the visitor's: `link` or `saved`. */
export const GATE_ATTRIBUTE = 'data-restoring';

/** A link that has not opened by then (its code failed to load) must not leave the page blank. */
export const LINK_GATE_TIMEOUT_MS = 5000;

/** The id of the page's main region, the skip link's target: `#main` in the address is not a plan link. */
export const MAIN_ID = 'main';

/**
 * The app's modules that a visitor behind the gate waits for, as addresses relative to the page: `gated` for a saved
 * plan or a link (the app itself and the rules), `link` for a link only (its codec and the review of an opened
 * plan). Without them the app asks for each only once the module before it has run.
 */
export interface GatePreloads {
  readonly gated: readonly string[];
  readonly link: readonly string[];
}

const NO_PRELOADS: GatePreloads = { gated: [], link: [] };

/**
 * The gate's source, a classic script that blocks the parser (so it runs before the first paint). It marks
 * `<html>` when the URL carries a fragment to open or the store has a saved state (storage that cannot be read
 * means nothing saved, as the store reads it), then loads the page's entry module (`entryUrl`, relative to the
 * gate): at once behind the gate, where the visitor waits for their own plan, and otherwise after the load
 * event, so the shell loads as a static page does. Behind the gate it first asks the browser to fetch and compile the
 * modules of `preloads` (`<link rel="modulepreload">`) beside the entry, rather than one after another as each imports
 * the next. If the entry cannot be loaded, the mark is lifted and the error logged.
 */
export function paintGateScript(storageKey: string, entryUrl: string, preloads: GatePreloads = NO_PRELOADS): string {
  const key = JSON.stringify(storageKey);
  const attribute = JSON.stringify(GATE_ATTRIBUTE);
  const preloading =
    preloads.gated.length + preloads.link.length === 0
      ? ''
      : '  var preload = function (urls) {\n' +
        '    for (var i = 0; i < urls.length; i++) {\n' +
        "      var link = document.createElement('link');\n" +
        "      link.rel = 'modulepreload';\n" +
        '      link.href = urls[i];\n' +
        '      document.head.appendChild(link);\n' +
        '    }\n' +
        '  };\n' +
        `  if (reason !== null) preload(${JSON.stringify(preloads.gated)});\n` +
        `  if (reason === 'link') preload(${JSON.stringify(preloads.link)});\n`;
  return (
    '(function () {\n' +
    '  var html = document.documentElement;\n' +
    '  var reason = null;\n' +
    `  if (location.hash.length > 1 && location.hash !== ${JSON.stringify(`#${MAIN_ID}`)}) reason = 'link';\n` +
    '  else {\n' +
    '    try {\n' +
    `      if (localStorage.getItem(${key}) !== null) reason = 'saved';\n` +
    '    } catch (e) {}\n' +
    '  }\n' +
    `  if (reason !== null) html.setAttribute(${attribute}, reason);\n` +
    preloading +
    '  var start = function () {\n' +
    `    import(${JSON.stringify(entryUrl)}).catch(function (error) {\n` +
    `      html.removeAttribute(${attribute});\n` +
    '      console.error(error);\n' +
    '    });\n' +
    '  };\n' +
    "  if (reason !== null || document.readyState === 'complete') start();\n" +
    "  else window.addEventListener('load', start, { once: true });\n" +
    '})();\n'
  );
}

/** Past this, the app starts even if the browser has reported no first paint (it may not report one). */
export const FIRST_PAINT_WAIT_MS = 1000;

/**
 * Runs `start` (which loads the app) as soon as it is needed: at once when there is no prerendered shell
 * (the dev server), when the gate hides the shell (the visitor waits for their own plan) or when the page is
 * hidden (nothing to paint); otherwise after the load event and once the browser reports the shell's first
 * contentful paint (a frame later where it does not report paints), so that downloading and running the app
 * neither holds back the shell's first paint nor the load event.
 */
export function startAfterFirstPaint(start: () => void): void {
  const root = document.getElementById(ROOT_ID);
  const gated = document.documentElement.hasAttribute(GATE_ATTRIBUTE);
  if (root === null || !root.hasChildNodes() || gated || document.visibilityState === 'hidden') {
    start();
    return;
  }
  let started = false;
  const once = () => {
    if (started) return;
    started = true;
    setTimeout(start, 0);
  };
  const afterPaint = () => {
    if (!PerformanceObserver.supportedEntryTypes.includes('paint')) {
      requestAnimationFrame(once);
      return;
    }
    const observer = new PerformanceObserver((entries) => {
      if (entries.getEntriesByName('first-contentful-paint').length === 0) return;
      observer.disconnect();
      once();
    });
    observer.observe({ type: 'paint', buffered: true });
    setTimeout(once, FIRST_PAINT_WAIT_MS);
  };
  if (document.readyState === 'complete') afterPaint();
  else window.addEventListener('load', afterPaint, { once: true });
}

/** The app's code could not be loaded (network failure): say so instead of leaving an inert shell. */
export function reportStartFailure(error: unknown): void {
  console.error(error);
  document.documentElement.removeAttribute(GATE_ATTRIBUTE);
  const note = document.createElement('p');
  note.className = 'banner banner--error';
  note.setAttribute('role', 'alert');
  note.textContent = 'The planner could not load its code. Check the connection and reload the page.';
  document.body.prepend(note);
}
