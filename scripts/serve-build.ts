/** Builds the app into a folder and serves it with Vite's preview server (for screenshots and browser benchmarks). */
import { build, preview, type PreviewServer } from 'vite';
import { chromium, type Browser } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.mjs';

export async function buildAndServe(outDir: string, port: number): Promise<{ url: string; server: PreviewServer }> {
  await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, host: '127.0.0.1' },
  });
  return { url: `http://127.0.0.1:${port}/`, server };
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  return chromium.launch({ args: CHROMIUM_ARGS, ...(executablePath ? { executablePath } : {}) });
}

/** The localStorage entry the store persists, so a page can start from a given plan. */
export function persistedState(plan: unknown, step = 'basics'): string {
  return JSON.stringify({ state: { plan, previousPlan: null, step, stashedAccess: {} }, version: 1 });
}
