// The demo behind `npm start` (scripts/start.mjs builds first, then runs this with tsx): the
// two-origin scenario server with a gallery page, and Chromium with the extension loaded and
// DevTools open on it. With a display it stays open until Ctrl-C; without one ($DISPLAY unset, or
// --headless) it selects the CORS panel, saves a screenshot of it, says where, and exits.

import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { start } from '../test/server/scenario-server';
import { launchChromium } from '../test/support/browsers';
import { extensionWorkerTarget } from '../test/support/extension-log';
import { dockToBottom, growDevtools, openCorsPanel, screenshotDevtools } from '../test/support/devtools-panel';
import { CHROME_DIR, ROOT } from '../test/support/ensure-extension';
import { summaryWhen } from '../test/support/panel-dom';
import { DEMO_SCENARIOS, galleryHtml } from './demo-gallery';

const { values } = parseArgs({ options: { headless: { type: 'boolean' }, out: { type: 'string' } } });
const headless = values.headless === true || !process.env['DISPLAY'];
const out = resolve(values.out ?? join(ROOT, '.tmp', 'cors-lens-panel.png')) as `${string}.png`;

const server = await start({ pages: { '/demo.html': galleryHtml() } });
const demoUrl = `${server.pageOrigin}/demo.html`;
const launched = await launchChromium({ extensionDir: CHROME_DIR, devtools: true, headless, extraArgs: ['--window-size=1400,1000'] });
const shutdown = async (): Promise<void> => {
  await launched.close();
  await server.close();
};

try {
  const [page] = await launched.browser.pages();
  if (!page) throw new Error('Chromium opened no tab');
  // CORS Lens records a tab once its DevTools page says so (ARCHITECTURE.md, "When it records"),
  // which happens a moment after the browser and the extension's worker start: load the demo only
  // once the worker records the tab DevTools opened on.
  // Polled with evaluate: puppeteer's waitForFunction in a service worker sometimes never sees the
  // predicate turn true (seen here: it timed out while the worker already listed the tab).
  const worker = await (await extensionWorkerTarget(launched.browser)).worker();
  const deadline = Date.now() + 30_000;
  while (!(await worker?.evaluate('globalThis.corsLens?.recording().tabs.length > 0').catch(() => false))) {
    if (Date.now() > deadline) throw new Error('DevTools never started recording the demo tab');
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.goto(demoUrl);
  console.log(`demo site: ${demoUrl} (API on ${server.apiOrigin} and ${server.siteOrigin})`);
  await page.waitForFunction(() => (window as unknown as { demoDone?: Promise<boolean> }).demoDone, { timeout: 60_000 });
  await page.evaluate(() => (window as unknown as { demoDone: Promise<boolean> }).demoDone);
  console.log(`the page made ${DEMO_SCENARIOS.length} kinds of cross-origin call`);
  if (headless) {
    const { devtools, panel } = await openCorsPanel(launched.browser);
    await dockToBottom(devtools);
    await growDevtools(devtools);
    // Wait until the panel lists the demo's traffic; an empty panel is a failure, not a screenshot.
    const listed = await summaryWhen(panel, (s) => s.blocked > 0 && s.total > 5).catch(() => null);
    if (!listed) throw new Error("the CORS panel did not list the demo's calls");
    console.log(`the CORS panel lists ${listed.total} cross-origin exchanges, ${listed.blocked} blocked`);
    mkdirSync(dirname(out), { recursive: true });
    await screenshotDevtools(devtools, out);
    console.log(`screenshot of the CORS panel: ${out}`);
    await shutdown();
  } else {
    console.log('Chromium is open with DevTools: choose the "CORS" tab (it may be behind ">>"). Ctrl-C to stop.');
    const stop = (): void => void shutdown().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    launched.browser.once('disconnected', () => void server.close().then(() => process.exit(0)));
  }
} catch (error) {
  await shutdown();
  throw error;
}
