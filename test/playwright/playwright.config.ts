// The Playwright fixture's own tests (cors-lens/playwright), run by test/e2e/playwright-fixture.e2e.test.ts:
// real Playwright in Debian's Chromium (no browser download), against the loopback scenario server.
import { defineConfig } from '@playwright/test';
import { browserPath } from '../support/browser-executables.mjs';
import { CHROMIUM_ARGS } from '../support/browsers';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  // The catalogue test makes 29 calls in one page; a loaded 2-core machine needs the margin.
  timeout: 60_000,
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: browserPath('chromium'), args: [...CHROMIUM_ARGS] },
  },
});
