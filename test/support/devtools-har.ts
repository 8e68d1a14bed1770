// Chrome DevTools' own HAR export, for fixtures: the extension's devtools_page (loaded inside the
// DevTools window that `devtools: true` opens for the tab) calls `chrome.devtools.network.getHAR()`,
// which builds the log with the same code as the Network panel's "Save all as HAR" (HAR.Log).
// Nothing of ours shapes the entries: this is the file a user gets from Chrome DevTools.

import type { Browser, Frame } from 'puppeteer-core';

const DEVTOOLS_PAGE = '/src/devtools/devtools.html';

/** The devtools_page frame inside the (only) DevTools window; waits until it has loaded. */
export async function devtoolsPageFrame(browser: Browser, timeoutMs = 30_000): Promise<Frame> {
  const devtools = await (await browser.waitForTarget((t) => t.url().startsWith('devtools://devtools/'), { timeout: timeoutMs })).asPage();
  await browser.waitForTarget((t) => t.url().includes(DEVTOOLS_PAGE), { timeout: timeoutMs });
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = devtools.frames().find((f) => f.url().includes(DEVTOOLS_PAGE));
    if (frame) return frame;
    if (Date.now() > deadline) throw new Error('the extension devtools_page did not load inside DevTools');
    await new Promise((r) => setTimeout(r, 100));
  }
}

interface DevtoolsApi {
  readonly chrome: { readonly devtools: { readonly network: { getHAR(callback: (log: unknown) => void): void } } };
}

/** `log` of the inspected tab since its last navigation, exactly as DevTools builds it. */
export function devtoolsHarLog(frame: Frame): Promise<Record<string, unknown>> {
  return frame.evaluate(() => new Promise<Record<string, unknown>>((resolve) => (globalThis as unknown as DevtoolsApi).chrome.devtools.network.getHAR((log) => resolve(log as Record<string, unknown>))));
}
