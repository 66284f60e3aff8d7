/** Share the plan as a link, save it as a file, or open a plan file (which is shown read-only first). */
import { useEffect, useRef, useState } from 'react';
import type { Plan } from '../../domain/plan';
import { usePlanner } from '../../store/store';
import { LinkErrorNotice } from '../share/link-error-notice';
import { PlanFileControls } from '../share/plan-file-controls';
import { ShareLinkButton } from '../share/share-link-button';

/** Why the file just picked or dropped could not be opened: here, beside the controls the user just used. */
function FileOpenError() {
  const openError = usePlanner((s) => s.openError);
  const clear = usePlanner((s) => s.setOpenError);
  const ref = useRef<HTMLDivElement>(null);
  const error = openError?.source === 'file' ? openError.error : null;
  useEffect(() => {
    // Brought on screen: the drop area above it can push it below the fold.
    if (error !== null) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [error]);
  if (error === null) return null;
  return (
    <div ref={ref}>
      <LinkErrorNotice error={error} source="file" onDismiss={() => clear(null)} />
    </div>
  );
}

export default function SharePanel({ plan }: { plan: Plan }) {
  const baseUrl = `${window.location.origin}${window.location.pathname}`;
  const [importError, setImportError] = useState<string | null>(null);
  return (
    <div className="share-panel">
      <p>
        The link holds the whole plan in its fragment (after <code>#</code>), which browsers never send to a server. The
        plan file is the documented JSON format, for Git and for plans too large for a link.
      </p>
      <ShareLinkButton plan={plan} baseUrl={baseUrl} />
      <PlanFileControls
        plan={plan}
        onOpen={(result) => {
          setImportError(null);
          const store = usePlanner.getState();
          if (result.ok) store.showIncoming(result.plan, 'file');
          else store.setOpenError({ error: result.error, source: 'file' });
        }}
        onImport={(result, fileName) => {
          const store = usePlanner.getState();
          store.setOpenError(null);
          if (!result.ok) {
            setImportError(`“${fileName}”: ${result.message}`);
            return;
          }
          setImportError(null);
          const { notModelled, skipped, warnings, resourceIds } = result;
          store.showIncoming(result.plan, 'deployment', { fileName, notModelled, skipped, warnings, resourceIds });
        }}
      />
      <FileOpenError />
      {importError === null ? null : (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>The deployment could not be imported.</strong> {importError} Your plan is unchanged.
          </p>
          <button type="button" className="button" onClick={() => setImportError(null)}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
