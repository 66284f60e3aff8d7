/** Share the plan as a link, save it as a file, or open a plan file (which is shown read-only first). */
import type { Plan } from '../../domain/plan';
import { usePlanner } from '../../store/store';
import { PlanFileControls } from '../share/plan-file-controls';
import { ShareLinkButton } from '../share/share-link-button';

export default function SharePanel({ plan }: { plan: Plan }) {
  const baseUrl = `${window.location.origin}${window.location.pathname}`;
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
          const store = usePlanner.getState();
          if (result.ok) store.showIncoming(result.plan, 'file');
          else store.setOpenError({ error: result.error, source: 'file' });
        }}
      />
    </div>
  );
}
