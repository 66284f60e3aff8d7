// Makes sure a Chromium exists before the end-to-end tests. If none is found: Debian's `chromium`
// package when running as root with apt-get (Playwright's own download is not reachable from the
// project's CI machines), else `npx playwright install chromium`.
import { execSync } from 'node:child_process';
import { chromium } from '@playwright/test';
import { existsSync } from 'node:fs';
import { findChromium } from './chromium.mjs';

function playwrightBrowserInstalled() {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

const found = findChromium();
if (found) {
  console.log(`e2e: using Chromium at ${found}`);
} else if (playwrightBrowserInstalled()) {
  console.log("e2e: using Playwright's Chromium");
} else {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = (() => {
    try {
      execSync('command -v apt-get', { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();
  if (isRoot && hasApt) {
    console.log("e2e: no Chromium found; installing Debian's chromium package…");
    execSync('apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium', {
      stdio: 'inherit',
    });
  } else {
    console.log("e2e: no Chromium found; installing Playwright's Chromium…");
    execSync('npx playwright install chromium', { stdio: 'inherit' });
  }
  if (!findChromium() && !playwrightBrowserInstalled()) {
    console.error('e2e: could not install Chromium. Set CHROME_PATH to a Chromium or Chrome executable.');
    process.exit(1);
  }
}
