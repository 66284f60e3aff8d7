/** Opens a share link put in the address while the page is open (see `open-link.ts`). */
import { useEffect } from 'react';
import { openLinkFragment, takeLinkFragment } from './open-link';

const consumeHash = () => void openLinkFragment(takeLinkFragment());

export function useOpenLink(): void {
  useEffect(() => {
    consumeHash();
    window.addEventListener('hashchange', consumeHash);
    return () => window.removeEventListener('hashchange', consumeHash);
  }, []);
}
