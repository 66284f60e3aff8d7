/** Why a link or plan file could not be opened; the current plan is untouched. */
import { usePlanner } from '../../store/store';
import { LinkErrorNotice } from '../share/link-error-notice';

export function OpenErrorNotice() {
  const openError = usePlanner((s) => s.openError);
  const clear = usePlanner((s) => s.setOpenError);
  if (openError === null) return null;
  return (
    <div className="banner">
      <LinkErrorNotice error={openError.error} source={openError.source} onDismiss={() => clear(null)} />
    </div>
  );
}
