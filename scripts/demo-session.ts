// The demo's set-up, shared by `npm start` (scripts/demo.ts) and the store screenshots
// (scripts/store/store-images.ts): the two-origin scenario server with the gallery page, Chromium
// with CORS Lens and DevTools open, and the gallery's calls made once DevTools records the tab.

import { start, type ScenarioServer } from '../test/server/scenario-server';
import { launchChromium, type LaunchedBrowser } from '../test/support/browsers';
import { extensionWorkerTarget } from '../test/support/extension-log';
import { CHROME_DIR } from '../test/support/ensure-extension';
import { galleryHtml } from './demo-gallery';

export interface DemoSession {
  readonly server: ScenarioServer;
  readonly launched: LaunchedBrowser;
  readonly demoUrl: string;
  /** Loads the gallery and resolves once every call it makes has settled. */
  runGallery(): Promise<void>;
  shutdown(): Promise<void>;
}

export async function startDemoSession(options: { readonly headless: boolean; readonly windowSize: string }): Promise<DemoSession> {
  const server = await start({ pages: { '/demo.html': galleryHtml() } });
  const demoUrl = `${server.pageOrigin}/demo.html`;
  const launched = await launchChromium({ extensionDir: CHROME_DIR, devtools: true, headless: options.headless, extraArgs: [`--window-size=${options.windowSize}`] });
  const shutdown = async (): Promise<void> => {
    await launched.close();
    await server.close();
  };
  try {
    const [page] = await launched.browser.pages();
    if (!page) throw new Error('Chromium opened no tab');
    const runGallery = async (): Promise<void> => {
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
      await page.waitForFunction(() => (window as unknown as { demoDone?: Promise<boolean> }).demoDone, { timeout: 60_000 });
      await page.evaluate(() => (window as unknown as { demoDone: Promise<boolean> }).demoDone);
    };
    return { server, launched, demoUrl, runGallery, shutdown };
  } catch (error) {
    await shutdown();
    throw error;
  }
}
