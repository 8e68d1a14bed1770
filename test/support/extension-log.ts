// Read what the extension recorded, the way its own panel does: from an extension page, open the
// port `cors-lens:<tabId>`, send `hello`, take the `snapshot` (src/core/protocol.ts). In Chromium
// the test opens the panel page itself; in Firefox, BiDi cannot navigate to moz-extension: URLs,
// so it uses the panel tab the extension opens on a temporary install (src/background/index.ts).

import type { Browser, Page, Protocol, Target } from 'puppeteer-core';
import { until } from './poll';
import type { BackgroundToPanel } from '../../src/core/protocol';
import type { BrowserName } from './browsers';

export type Snapshot = BackgroundToPanel['snapshot'];

const PANEL_PATH = 'src/panel/panel.html';

async function waitFor<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Chromium: the extension's service worker target (waits for it to start). */
export function extensionWorkerTarget(browser: Browser): Promise<Target> {
  return browser.waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), { timeout: 30_000 });
}

/** An extension page to evaluate in: Chromium opens the panel page, Firefox finds the one the extension opened. */
export async function extensionPage(browser: Browser, name: BrowserName): Promise<Page> {
  if (name === 'chromium') {
    const worker = await extensionWorkerTarget(browser);
    // Node's URL gives origin "null" for non-special schemes such as chrome-extension:.
    const origin = /^chrome-extension:\/\/[^/]+/.exec(worker.url())?.[0] ?? '';
    const page = await browser.newPage();
    await page.goto(`${origin}/${PANEL_PATH}?standalone=1`);
    return page;
  }
  return waitFor('the extension tab in Firefox', 30_000, async () => {
    // Puppeteer's BiDi backend may report such a tab as about:blank; ask the page itself.
    for (const p of await browser.pages()) {
      const href = await p.evaluate(() => location.href).catch(() => '');
      if (href.startsWith('moz-extension://')) return p;
    }
    return undefined;
  });
}

/** Firefox: the first tab that is not the extension's own (the one `-devtools` opened its toolbox on). */
export async function firstWebTab(browser: Browser): Promise<Page> {
  for (const page of await browser.pages()) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (!href.startsWith('moz-extension://')) return page;
  }
  throw new Error('the browser has no web tab');
}

/** The snapshot of the tab whose URL starts with `tabUrlPrefix`, read through the panel protocol. */
export async function readSnapshot(extPage: Page, tabUrlPrefix: string): Promise<Snapshot> {
  // As JSON text: the recorder shares one frozen object per distinct header (recorderHeaderPool in event-normalizer.ts), and
  // WebDriver BiDi hands an object seen twice back as a reference puppeteer leaves undefined.
  const text = await extPage.evaluate(async (prefix: string) => {
    type Api = typeof chrome;
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    const tabs = await api.tabs.query({});
    const tab = tabs.find((t) => t.url?.startsWith(prefix));
    if (tab?.id === undefined) throw new Error(`no tab at ${prefix}: ${tabs.map((t) => t.url).join(', ')}`);
    const tabId = tab.id;
    return new Promise<string>((resolve, reject) => {
      const port = api.runtime.connect({ name: `cors-lens:${tabId}` });
      const timer = setTimeout(() => reject(new Error('no snapshot within 20 s')), 20_000);
      port.onMessage.addListener((m: { type: string; payload: Snapshot }) => {
        if (m.type !== 'snapshot') return;
        clearTimeout(timer);
        port.disconnect();
        resolve(JSON.stringify(m.payload));
      });
      port.postMessage({ type: 'hello', version: 1, payload: { tabId, protocolVersion: 1 } });
    });
  }, tabUrlPrefix);
  return JSON.parse(text) as Snapshot;
}

/**
 * Turns the panel's setting "Record all tabs, even with DevTools closed" on (or off) the way the
 * panel does, and waits until the recorder confirms it. Tests about verdicts, not about when
 * CORS Lens records, use it to record pages without opening DevTools.
 */
export function setRecordAllTabs(extPage: Page, on = true): Promise<void> {
  return extPage.evaluate(async (recordAllTabs: boolean) => {
    type Api = typeof chrome;
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    // Any tab id names the port; the setting is the recorder's, not the tab's.
    const tabId = 0;
    const port = api.runtime.connect({ name: `cors-lens:${tabId}` });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the recorder did not confirm the setting within 20 s')), 20_000);
      port.onMessage.addListener((m: { type: string; payload: { summary: { recordAllTabs: boolean } } }) => {
        if (m.type !== 'snapshot' || m.payload.summary.recordAllTabs !== recordAllTabs) return;
        clearTimeout(timer);
        port.disconnect();
        resolve();
      });
      port.postMessage({ type: 'setRecordAllTabs', version: 1, payload: { tabId, recordAllTabs } });
      port.postMessage({ type: 'hello', version: 1, payload: { tabId, protocolVersion: 1 } });
    });
  }, on);
}

/** What the background records now (`globalThis.corsLens.recording()` in src/background/index.ts). */
export interface RecordingState {
  readonly listening: boolean;
  readonly recordAllTabs: boolean;
  readonly tabs: readonly number[];
  readonly registered: Readonly<Record<string, boolean>>;
  /** What the listeners are registered for: every tab, or these tabs (a `tabId` filter each). */
  readonly listenScope: 'all-tabs' | readonly number[];
}

/** Poll the snapshot until `done(snapshot)` holds (the recorder finishes exchanges asynchronously). */
export async function snapshotWhen(extPage: Page, tabUrlPrefix: string, done: (s: Snapshot) => boolean, timeoutMs = 20_000): Promise<Snapshot> {
  let last: Snapshot | undefined;
  try {
    return await waitFor('the extension to record every exchange', timeoutMs, async () => {
      last = await readSnapshot(extPage, tabUrlPrefix);
      return done(last) ? last : undefined;
    });
  } catch (error) {
    if (last) return last;
    throw error;
  }
}

export interface StoppedWorker {
  /** Waits until the extension's worker runs again (something woke it), then stops watching. */
  runningAgain(timeoutMs?: number): Promise<void>;
}

/**
 * Stop the extension's service worker as Chrome does when it idles: CDP `ServiceWorker.stopAllWorkers`
 * from a session on a page (the domain is per page target, not on the browser target; never a
 * session on the worker itself, or the restarted worker does not answer), then wait until it is stopped.
 *
 * Stopped and started again are read from the domain's `workerVersionUpdated` running status, not
 * from targets: a worker restarted while puppeteer was attached to it kept its target id, with no
 * targetdestroyed or targetcreated in between (Chromium 156, seen on the second stop of a session).
 */
export async function stopWorker(page: Page): Promise<StoppedWorker> {
  const statuses: Protocol.ServiceWorker.ServiceWorkerVersionRunningStatus[] = [];
  const session = await page.createCDPSession();
  session.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL.startsWith('chrome-extension://')) statuses.push(v.runningStatus);
  });
  await session.send('ServiceWorker.enable');
  const sent = statuses.length;
  await session.send('ServiceWorker.stopAllWorkers');
  const stoppedAt = await until(() => statuses.indexOf('stopped', sent), (i) => i >= 0, 'the worker to stop', 30_000);
  return {
    async runningAgain(timeoutMs = 30_000) {
      await until(() => statuses.indexOf('running', stoppedAt), (i) => i >= 0, 'the worker to run again', timeoutMs);
      await session.detach();
    },
  };
}
