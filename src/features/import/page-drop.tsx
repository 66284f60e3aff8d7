/**
 * A file dropped anywhere on the page opens like one picked with "Open plan file…" on the Review step (which stays
 * the way for keyboard users): a plan file, or a deployment to import, shown read-only for review. While a file is
 * dragged over the page, the page says what dropping it does; the result is announced in a live region, and a file
 * that can't be opened says why at the top of the page, the plan left as it was. A drop that a drop area of the page
 * took already (`event.defaultPrevented`) is left to it.
 *
 * On the first screen: only the listeners and the messages; the reading and the importer load when a file is dropped.
 */
import { useEffect, useState } from 'react';
import { preloadIncomingView } from '../incoming/incoming-view';
import { OpenFileMessages } from './open-file-messages';
import { useOpenFile } from './use-open-file';

const carriesFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

export function PageDrop() {
  const [dragging, setDragging] = useState(false);
  const opening = useOpenFile();
  const { open } = opening;

  useEffect(() => {
    // dragenter and dragleave come in pairs for every element crossed: the page is left when they balance.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth += 1;
      setDragging(true);
      // The review the file opens in loads while the file is dragged.
      void preloadIncomingView();
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      // Taken here, so that the browser doesn't open the file in place of the page.
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      depth = 0;
      setDragging(false);
      if (e.defaultPrevented || !carriesFiles(e)) return;
      e.preventDefault();
      const file = e.dataTransfer?.files[0];
      if (file !== undefined) open(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [open]);

  return (
    <div className="page-drop-messages">
      {dragging ? (
        <div className="page-drop" aria-hidden="true">
          <p className="page-drop__message">
            Drop the file to open it: a plan file, or a deployment (the inventory script&apos;s bundle, an exported
            template or resource JSON). It opens for review; your plan stays as it is.
          </p>
        </div>
      ) : null}
      <OpenFileMessages opening={opening} />
    </div>
  );
}
