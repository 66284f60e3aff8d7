/** The element tree of the page: one definition for the prerender and the browser, so hydration matches. */
import { StrictMode } from 'react';
import { App } from './app';

export function Root() {
  return (
    <StrictMode>
      <App />
    </StrictMode>
  );
}
