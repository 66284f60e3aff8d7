/**
 * Why a link could not be opened, at the top of the page; the current plan is untouched. A plan file's error shows
 * beside the file controls instead (`share-panel.tsx`), where the user just picked or dropped it.
 */
import { usePlanner } from '../../store/store';
import { LinkErrorNotice } from '../share/link-error-notice';

export function OpenErrorNotice() {
  const openError = usePlanner((s) => s.openError);
  const clear = usePlanner((s) => s.setOpenError);
  if (openError === null || openError.source === 'file') return null;
  return (
    <div className="banner">
      <LinkErrorNotice error={openError.error} source={openError.source} onDismiss={() => clear(null)} />
    </div>
  );
}
