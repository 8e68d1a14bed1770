// End-to-end: Chrome stops an idle extension service worker (after 30 s), or a
// user or Chrome forces it; nothing the recorder saw may be lost or duplicated, whether the tab is
// recorded because DevTools is open on it or because "Record all tabs" is on. We stop the worker
// mid-run with CDP, make more requests (which wake it, as does the devtools page reconnecting), and
// check that every exchange from before and after is there exactly once, and that the restarted
// worker records the inspected tab and nothing else.

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RecordedExchange } from '../../src/core/protocol';
import { catalogue } from '../scenarios/catalogue';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium } from '../support/browsers';
import { CHROME_DIR, ensureExtensionBuilt } from '../support/ensure-extension';
import { extensionPage, extensionWorkerTarget, readSnapshot, snapshotWhen, stopWorker, setRecordAllTabs } from '../support/extension-log';
import { runAllOnPage } from '../support/runner-calls';
import { until } from '../support/poll';

// Requests that reach the API (so webRequest sees them), half before and half after the stop.
const IDS = catalogue.filter((s) => s.page.initiator === 'fetch' && !s.page.repeat && !s.page.publicDocument && s.page.target === undefined).map((s) => s.id).slice(0, 24);
const BEFORE = IDS.slice(0, 12);
const AFTER = IDS.slice(12);
/** Chrome only stops a worker idle for 30 s; a second of quiet lets the recorder's batched write (250 ms) happen first. */
const QUIET_MS = 1_000;

function countByScenario(list: readonly RecordedExchange[], ids: readonly string[]): Record<string, number> {
  return Object.fromEntries(ids.map((id) => [id, list.filter((r) => r.exchange.hops[0]?.request.url.includes(`/api/${id}/`)).length]));
}

/** The tabs the background records because something inspects them (kept in storage.session across restarts). */
const inspectedTabs = (ext: Page): Promise<number[]> =>
  ext.evaluate(async () => ((await chrome.storage.session.get('inspectedTabs'))['inspectedTabs'] as number[] | undefined) ?? []);

describe.each(['record all tabs', 'DevTools open'] as const)('chromium, %s: the service worker stops mid-run', (mode) => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start();
    launched = await launchChromium({ extensionDir: CHROME_DIR });
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('every exchange from before and after the stop is kept exactly once', async () => {
    const browser = (launched as LaunchedBrowser).browser;
    await extensionWorkerTarget(browser);
    const ext = await extensionPage(browser, 'chromium');
    const page = await browser.newPage();
    let devtools: Page | undefined;
    if (mode === 'record all tabs') await setRecordAllTabs(ext);
    else devtools = await page.openDevTools();
    await page.goto(`${server.pageOrigin}/?e2e=worker-restart`);
    const tabId = await ext.evaluate(async (url: string) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(url))?.id, server.pageOrigin);
    if (devtools) await until(() => inspectedTabs(ext), (tabs) => tabs.includes(tabId as number), 'the devtools page to inspect the tab', 20_000);

    await runAllOnPage(page, BEFORE);
    await snapshotWhen(ext, server.pageOrigin, (s) => Object.values(countByScenario(s.exchanges, BEFORE)).every((n) => n >= 1));
    await new Promise((r) => setTimeout(r, QUIET_MS));

    // Not attaching to the worker here on purpose: an attached DevTools session keeps it from stopping.
    const stopped = await stopWorker(ext);

    await runAllOnPage(page, AFTER);
    // The requests woke the worker again (a webRequest listener is a wake-up event in MV3).
    await stopped.runningAgain();
    const snap = await snapshotWhen(ext, server.pageOrigin, (s) => Object.values(countByScenario(s.exchanges, IDS)).every((n) => n >= 1));
    const expected = Object.fromEntries(IDS.map((id) => [id, 1]));
    expect(countByScenario(snap.exchanges, IDS)).toEqual(expected);
    // Sequence numbers stay unique across the restart (protocol.ts: never reused).
    const seqs = snap.exchanges.map((r) => r.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    // A second read gives the same log: nothing is still being restored.
    expect(countByScenario((await readSnapshot(ext, server.pageOrigin)).exchanges, IDS)).toEqual(expected);
    if (devtools) {
      // The restarted worker records the inspected tab only, and stops when DevTools closes.
      expect(await inspectedTabs(ext)).toEqual([tabId]);
      await devtools.close();
      await until(() => inspectedTabs(ext), (tabs) => tabs.length === 0, 'recording to stop', 20_000);
    }
  });
});
