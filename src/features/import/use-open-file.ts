/**
 * The state of opening a picked or dropped file (see `./open-file`, loaded with the first file): which file is being
 * read, the sentence for the live region, and why the last file could not be opened. A deployment of several servers
 * is opened again for the server the user picks.
 */
import { useCallback, useState } from 'react';
import type { OpenOutcome } from './open-file';

export type OpenFailure = Extract<OpenOutcome, { ok: false }> & { file: File };

export interface FileOpening {
  /** The name of the file being read, or null. */
  reading: string | null;
  /** The last result, in a sentence (for a live region). */
  status: string;
  failure: OpenFailure | null;
  open: (file: File, server?: string) => void;
  dismiss: () => void;
}

export function useOpenFile(): FileOpening {
  const [reading, setReading] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [failure, setFailure] = useState<OpenFailure | null>(null);
  const open = useCallback((file: File, server?: string) => {
    setFailure(null);
    setReading(file.name);
    setStatus(`Reading “${file.name}”…`);
    void import('./open-file')
      .then(({ openFile }) => openFile(file, server))
      .then((outcome) => {
        setStatus(outcome.announcement);
        setFailure(outcome.ok ? null : { ...outcome, file });
      })
      .catch((e: unknown) => {
        // The reading code could not be loaded (the page is offline and it was never loaded, or an update).
        const announcement = `“${file.name}” could not be opened; your plan is unchanged.`;
        const message = `The planner could not load what reads it (${e instanceof Error ? e.message : String(e)}).`;
        setStatus(announcement);
        setFailure({ ok: false, announcement, title: 'The file could not be opened.', message, file });
      })
      .finally(() => setReading(null));
  }, []);
  const dismiss = useCallback(() => setFailure(null), []);
  return { reading, status, failure, open, dismiss };
}
