// `cors-lens/playwright`: `@playwright/test`'s `test`, extended with a fixture that records every
// page of each test in Chromium over CDP, analyses the cross-origin exchanges with the CLI's
// analyzer, attaches `cors-lens.json` and `cors-lens.md` to the test's report, and fails the test
// when a request was blocked by CORS (or had a warning: `failOn`).
//
//   import { test, expect } from 'cors-lens/playwright';
//   test.use({ corsLens: { failOn: 'blocked', ignore: ['**/health'] } });
//
// The option types live here, with nothing but `@playwright/test` around them, because this
// file's declarations are the package's whole type surface (scripts/build-types.mjs).

import { test as base, expect } from '@playwright/test';
import type { Page, PlaywrightTestArgs, PlaywrightTestOptions, PlaywrightWorkerArgs, PlaywrightWorkerOptions, TestType } from '@playwright/test';
import { recordPages } from './record-pages';
import { testReport } from './test-report';

export type FailOn = 'blocked' | 'warning' | 'never';

export interface CorsLensOptions {
  /** What fails the test: a blocked request (the default), also any CORS warning, or nothing. */
  readonly failOn?: FailOn;
  /** URLs to leave out: a RegExp, or a glob matched against the whole URL whose `*` matches any characters. */
  readonly ignore?: readonly (string | RegExp)[];
}

export interface CorsLensFixtures {
  /** The options, set with `test.use({ corsLens: { ... } })`. */
  corsLens: CorsLensOptions;
  /** Records every test on its own (an automatic fixture); null outside Chromium. Nothing to use from a test. */
  corsLensRecorder: CorsLensRecorder | null;
}

/** What the recorder offers the `page` fixture. */
export interface CorsLensRecorder {
  /** Resolves once `page` is recorded. */
  ready(page: Page): Promise<void>;
}

// Spelled out so that the declarations name `@playwright/test`, the package users install.
export const test: TestType<PlaywrightTestArgs & PlaywrightTestOptions & CorsLensFixtures, PlaywrightWorkerArgs & PlaywrightWorkerOptions> = base.extend<CorsLensFixtures>({
  corsLens: [{}, { option: true }],
  corsLensRecorder: [
    async ({ context, browserName, corsLens }, use, testInfo) => {
      if (browserName !== 'chromium') {
        // Firefox and WebKit have no CDP session; what their Playwright request events would show
        // is not built (nor checked: Playwright cannot drive Debian's Firefox ESR). Say so rather
        // than pass a test that nothing looked at.
        await testInfo.attach('cors-lens.md', { body: `## CORS Lens\n\nNot recorded: CORS Lens records Chromium only (over CDP); this test ran in ${browserName}.\n`, contentType: 'text/markdown' });
        await use(null);
        return;
      }
      const recording = await recordPages(context);
      await use(recording);
      const { recorded, inFlight } = await recording.stop();
      const report = testReport(recorded, corsLens, inFlight);
      await testInfo.attach('cors-lens.json', { body: report.json, contentType: 'application/json' });
      await testInfo.attach('cors-lens.md', { body: report.markdown, contentType: 'text/markdown' });
      if (report.failure) {
        // Thrown from the fixture's teardown, this fails the test with the message as its error;
        // without a stack, Playwright shows the message, not this file's code.
        const error = new Error(report.failure);
        error.stack = `Error: ${report.failure}`;
        throw error;
      }
    },
    { auto: true, box: true, title: 'CORS Lens' },
  ],
  // Automatic fixtures are set up before `page` exists: wait for its session before the test
  // uses it, or the page's first requests (its document, its scripts) go unrecorded.
  page: async ({ page, corsLensRecorder }, use) => {
    await corsLensRecorder?.ready(page);
    await use(page);
  },
});

export { expect };
