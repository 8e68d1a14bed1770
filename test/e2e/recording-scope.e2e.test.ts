// End-to-end: CORS Lens records a tab only while someone inspects it. With DevTools
// closed, a page's 300 cross-origin requests reach no listener of ours (the background registered
// none: `hasListener` says so, and its event counter does not move); opening DevTools records that
// tab only; the panel's Reload captures the page load; "Record all tabs" records every tab;
// closing DevTools removes every listener again.

import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium, launchFirefox } from '../support/browsers';
import { openCorsPanel } from '../support/devtools-panel';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR } from '../support/ensure-extension';
import { extensionPage, extensionWorkerTarget, firstWebTab, readSnapshot, setRecordAllTabs, type RecordingState } from '../support/extension-log';
import { summaryWhen } from '../support/panel-dom';
import { until } from '../support/poll';

const REQUESTS = 300;

/** On load, 300 cross-origin GETs to the API (200 at a time); `window.__done` counts the answered ones. */
function loadPage(apiOrigin: string): string {
  return `<!doctype html><meta charset="utf-8"><title>load</title><script>
const run = Date.now() + '-' + Math.random().toString(36).slice(2);
const calls = Array.from({ length: ${REQUESTS} }, (_, i) => fetch('${apiOrigin}/api/open/' + run + '-' + i).then((r) => r.ok, () => false));
Promise.all(calls).then((ok) => { window.__done = ok.filter(Boolean).length; });
</script>`;
}

interface BackgroundState {
  readonly recording: RecordingState;
  readonly events: number;
  readonly ignored: number;
  readonly bootedAt: number;
}

const NONE_REGISTERED = {
  onSendHeaders: false,
  onHeadersReceived: false,
  onBeforeRedirect: false,
  onCompleted: false,
  onErrorOccurred: false,
};

interface CorsLensHook {
  readonly ready: Promise<void>;
  readonly stats: { readonly events: number; readonly ignored: number };
  readonly bootedAt: number;
  recording(): RecordingState;
}

/** Runs in the background (src/background/index.ts puts `corsLens` on its global for tests). */
async function stateOf(hook: CorsLensHook): Promise<BackgroundState> {
  await hook.ready;
  return JSON.parse(JSON.stringify({ recording: hook.recording(), events: hook.stats.events, ignored: hook.stats.ignored, bootedAt: hook.bootedAt })) as BackgroundState;
}

async function loadAndWait(page: Page, url: string): Promise<void> {
  await page.goto(url);
  // Polled, not per animation frame: a background tab paints no frames.
  await page.waitForFunction(`window.__done === ${REQUESTS}`, { timeout: 60_000, polling: 100 });
}

async function reloadAndWait(page: Page, reload: () => Promise<unknown>): Promise<void> {
  const navigated = page.waitForNavigation();
  await reload();
  await navigated;
  // Polled, not per animation frame: a background tab paints no frames.
  await page.waitForFunction(`window.__done === ${REQUESTS}`, { timeout: 60_000, polling: 100 });
}

const tabIdOf = (ext: Page, url: string): Promise<number> =>
  ext.evaluate(async (prefix: string) => {
    type Api = typeof chrome;
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    const tab = (await api.tabs.query({})).find((t) => t.url?.startsWith(prefix));
    if (tab?.id === undefined) throw new Error(`no tab at ${prefix}`);
    return tab.id;
  }, url);

describe('chromium: recording follows DevTools', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let browser: Browser;
  let ext: Page;
  let readState: () => Promise<BackgroundState>;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start({ pages: { '/load.html': (origins) => loadPage(origins.api) } });
    launched = await launchChromium({ extensionDir: CHROME_DIR });
    browser = launched.browser;
    const worker = await (await extensionWorkerTarget(browser)).worker();
    if (!worker) throw new Error('no extension service worker');
    readState = () => worker.evaluate(`(${stateOf.toString()})(globalThis.corsLens)`) as Promise<BackgroundState>;
    ext = await extensionPage(browser, 'chromium');
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('DevTools closed: 300 cross-origin requests reach no listener of ours', async () => {
    const before = await until(readState, (s) => !s.recording.listening, 'the background to settle its scope', 20_000);
    expect(before.recording.registered).toEqual(NONE_REGISTERED);
    const page = await browser.newPage();
    await loadAndWait(page, `${server.pageOrigin}/load.html?closed`);
    expect(server.requests('open').length).toBeGreaterThanOrEqual(REQUESTS);
    const after = await readState();
    // The same background instance (not a fresh one with fresh counters) saw not one event.
    expect(after.bootedAt).toBe(before.bootedAt);
    expect([after.events, after.ignored]).toEqual([before.events, before.ignored]);
    expect(after.recording.registered).toEqual(NONE_REGISTERED);
    await page.close();
  });

  test('DevTools open records that tab only; Reload captures the page load; closing DevTools stops recording', async () => {
    const page = await browser.newPage();
    await loadAndWait(page, `${server.pageOrigin}/load.html?inspected`);
    const tabId = await tabIdOf(ext, `${server.pageOrigin}/load.html?inspected`);
    const devtools = await page.openDevTools();
    const listening = await until(readState, (s) => s.recording.tabs.includes(tabId), 'recording to start', 20_000);
    expect(listening.recording.listening).toBe(true);
    expect(Object.values(listening.recording.registered)).toEqual(Array(5).fill(true));
    expect(listening.recording.listenScope).toEqual([tabId]);

    // The panel says the page load was missed and offers the reload; its button reloads the page.
    const { panel } = await openCorsPanel(browser);
    await panel.waitForSelector('[data-testid="recording-banner"]');
    expect(await panel.$eval('[data-testid="recording-banner"]', (e) => e.textContent)).toContain('Recording started when DevTools opened. Reload to capture the page load.');
    await reloadAndWait(page, () => panel.click('[data-testid="recording-banner"] button'));
    await summaryWhen(panel, (s) => s.total === REQUESTS);
    await panel.waitForSelector('[data-testid="recording-banner"]', { hidden: true });

    // A second tab, without DevTools, is not recorded while the first one is inspected: the
    // listeners' tabId filter keeps its events from reaching the worker at all.
    const other = await browser.newPage();
    const ignoredBefore = (await readState()).ignored;
    await loadAndWait(other, `${server.pageOrigin}/load.html?other`);
    expect((await readState()).ignored).toBe(ignoredBefore);
    expect((await readSnapshot(ext, `${server.pageOrigin}/load.html?other`)).exchanges).toHaveLength(0);

    // Closing DevTools removes every listener.
    await devtools.close();
    const closed = await until(readState, (s) => !s.recording.listening, 'recording to stop', 20_000);
    expect(closed.recording.registered).toEqual(NONE_REGISTERED);
    const events = closed.events;
    await reloadAndWait(page, () => page.reload());
    expect((await readState()).events).toBe(events);
    await Promise.all([page.close(), other.close()]);
  });

  test('"Record all tabs" records a tab without DevTools, and is remembered', async () => {
    await setRecordAllTabs(ext, true);
    const page = await browser.newPage();
    await loadAndWait(page, `${server.pageOrigin}/load.html?all`);
    const snap = await until(() => readSnapshot(ext, `${server.pageOrigin}/load.html?all`), (s) => s.exchanges.length === REQUESTS, '300 exchanges', 20_000);
    expect(snap.summary.recordAllTabs).toBe(true);
    expect((await readState()).recording.listenScope).toBe('all-tabs');
    expect(await ext.evaluate(async () => (await chrome.storage.local.get('recordAllTabs'))['recordAllTabs'])).toBe(true);
    await setRecordAllTabs(ext, false);
    const off = await until(readState, (s) => !s.recording.listening, 'recording to stop', 20_000);
    expect(off.recording.registered).toEqual(NONE_REGISTERED);
    await page.close();
  });
});

describe('firefox: recording follows DevTools', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let ext: Page;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start({ pages: { '/load.html': (origins) => loadPage(origins.api) } });
    // `-devtools` opens a toolbox on the first tab only: that tab is inspected, tabs opened later are not.
    launched = await launchFirefox({ extensionDir: FIREFOX_DIR, extraArgs: ['-devtools'] });
    ext = await extensionPage(launched.browser, 'firefox');
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  const readState = (): Promise<BackgroundState> =>
    ext.evaluate(async () => {
      // Firefox's background is an event page: its window, and the test hook on it, are reachable
      // from an extension page (whose CSP forbids eval, so this repeats stateOf rather than sending its source).
      const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<{ corsLens: CorsLensHook }> } } }).browser;
      const hook = (await api.runtime.getBackgroundPage()).corsLens;
      await hook.ready;
      return JSON.parse(JSON.stringify({ recording: hook.recording(), events: hook.stats.events, ignored: hook.stats.ignored, bootedAt: hook.bootedAt })) as BackgroundState;
    });

  test('the tab with DevTools is recorded; a tab without is not, and no listener runs for it', async () => {
    const { browser } = launched as LaunchedBrowser;
    const inspected = await firstWebTab((launched as LaunchedBrowser).browser);
    const state = await until(readState, (s) => s.recording.tabs.length === 1, 'the DevTools tab to be inspected', 20_000);
    expect(Object.values(state.recording.registered)).toEqual(Array(5).fill(true));
    expect(state.recording.listenScope).toEqual(state.recording.tabs);
    await loadAndWait(inspected, `${server.pageOrigin}/load.html?inspected`);
    const snap = await until(() => readSnapshot(ext, `${server.pageOrigin}/load.html?inspected`), (s) => s.exchanges.length === REQUESTS, '300 exchanges', 20_000);
    expect(snap.summary.pageLoadCaptured).toBe(true);

    const other = await browser.newPage();
    const ignoredBefore = (await readState()).ignored;
    await loadAndWait(other, `${server.pageOrigin}/load.html?other`);
    expect((await readState()).ignored).toBe(ignoredBefore);
    expect((await readSnapshot(ext, `${server.pageOrigin}/load.html?other`)).exchanges).toHaveLength(0);
  });

  test('DevTools closed (its tab gone): no listener is left', async () => {
    const { browser } = launched as LaunchedBrowser;
    await (await firstWebTab((launched as LaunchedBrowser).browser)).close();
    const state = await until(readState, (s) => !s.recording.listening, 'recording to stop', 20_000);
    expect(state.recording.registered).toEqual(NONE_REGISTERED);
    const page = await browser.newPage();
    await loadAndWait(page, `${server.pageOrigin}/load.html?closed`);
    const after = await readState();
    expect([after.events, after.bootedAt]).toEqual([state.events, state.bootedAt]);
  });
});
