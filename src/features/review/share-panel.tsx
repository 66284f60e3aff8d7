/**
 * Share the plan as a link, save it as a file, or open a file: a plan file or a deployment to import (an inventory
 * bundle, an exported template, resource JSON), shown read-only first (see features/import/open-file); and the
 * inventory script that collects such a bundle.
 */
import type { Plan } from '../../domain/plan';
import { InventoryDownload } from '../import/inventory-download';
import { OpenFileMessages } from '../import/open-file-messages';
import { useOpenFile } from '../import/use-open-file';
import { PlanFileControls } from '../share/plan-file-controls';
import { ShareLinkButton } from '../share/share-link-button';

export default function SharePanel({ plan }: { plan: Plan }) {
  const baseUrl = `${window.location.origin}${window.location.pathname}`;
  const opening = useOpenFile();
  return (
    <div className="share-panel">
      <p>
        The link holds the whole plan in its fragment (after <code>#</code>), which browsers never send to a server. The
        plan file is the documented JSON format, for Git and for plans too large for a link.
      </p>
      <ShareLinkButton plan={plan} baseUrl={baseUrl} />
      <PlanFileControls plan={plan} onFile={opening.open} />
      <OpenFileMessages opening={opening} />
      <InventoryDownload plan={plan} />
    </div>
  );
}
