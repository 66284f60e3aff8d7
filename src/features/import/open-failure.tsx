/**
 * Why a picked or dropped file could not be opened (the plan is untouched), brought on screen; a deployment of several
 * servers asks which to import.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { OpenFailure } from './use-open-file';

function ServerChoice({ servers, onChoose }: { servers: readonly string[]; onChoose: (server: string) => void }) {
  const id = useId();
  const [server, setServer] = useState(servers[0] ?? '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onChoose(server);
  };
  return (
    <form className="button-row" onSubmit={submit}>
      <label htmlFor={id}>Server to import</label>
      <select id={id} value={server} onChange={(e) => setServer(e.currentTarget.value)}>
        {servers.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--primary">
        Import this server
      </button>
    </form>
  );
}

/** How long the notice is kept on screen while the page around it settles. */
const KEEP_IN_VIEW_MS = 3000;
/** What the visitor does to scroll: from then on the page is theirs to move. */
const USER_SCROLLS = ['wheel', 'touchmove', 'keydown'] as const;

export function FailureNotice({
  failure,
  onRetry,
  onDismiss,
}: {
  failure: OpenFailure;
  onRetry: (server: string) => void;
  onDismiss: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // Brought on screen: the drop area or the page above it can push it below the fold. Panels above it that are
    // still loading can push it off again as they grow: until the visitor scrolls, or for a few seconds, each
    // change of the page's height brings it back ("nearest" moves nothing while it is in view).
    const bring = () => ref.current?.scrollIntoView?.({ block: 'nearest' });
    bring();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(bring);
    observer.observe(document.body);
    const stop = () => {
      observer.disconnect();
      clearTimeout(timer);
      for (const event of USER_SCROLLS) window.removeEventListener(event, stop);
    };
    const timer = setTimeout(stop, KEEP_IN_VIEW_MS);
    for (const event of USER_SCROLLS) window.addEventListener(event, stop, { passive: true });
    return stop;
  }, [failure]);
  return (
    <div ref={ref} role="alert" className="notice notice--error">
      <p>
        <strong>{failure.title}</strong> “{failure.file.name}”: {failure.message}
      </p>
      {failure.servers === undefined ? null : <ServerChoice servers={failure.servers} onChoose={onRetry} />}
      <p>Your current plan was left untouched.</p>
      <button type="button" className="button button--quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
