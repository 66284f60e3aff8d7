/**
 * What opening a picked or dropped file says: "Reading…" while it is read, a live region with the result, and why a
 * file could not be opened (the plan is untouched), brought on screen. A deployment of several servers asks which.
 */
import { FailureNotice } from './open-failure';
import type { FileOpening } from './use-open-file';

export function OpenFileMessages({ opening }: { opening: FileOpening }) {
  const { reading, status, failure, open, dismiss } = opening;
  return (
    <>
      {reading === null ? null : (
        <p className="open-file__reading" aria-hidden="true">
          Reading “{reading}”…
        </p>
      )}
      {failure === null ? null : (
        <FailureNotice failure={failure} onRetry={(server) => open(failure.file, server)} onDismiss={dismiss} />
      )}
      <p role="status" className="visually-hidden">
        {status}
      </p>
    </>
  );
}
