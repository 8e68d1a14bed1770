// A storage fault in real Chromium, mid-recording, while DevTools shows the CORS panel: the
// extension's IndexedDB is deleted under the recorder, as "Delete browsing data" does (CDP
// `Storage.clearDataForOrigin`); Chromium closes the open connection and the next write fails. The
// recorder must go on in memory (every exchange still listed), the panel must say what happened,
// and the same worker must still be running.
//
// A real quota could not be had here: Chromium 156 accepts `Storage.overrideQuotaForOrigin` for the
// extension's origin (getUsageAndQuota then reports overrideActive and the small quota) but does
// not enforce it there, with or without `unlimitedStorage` (680 KB written against 273 KB;
// navigator.storage.estimate() in the extension still says 10 GB), and filling the disk's real
// quota is no test to run on a shared machine. Quota errors are covered by fault injection in
// src/background/background-runtime.test.ts.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page, WebWorker } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type LaunchedBrowser, launchChromium } from '../support/browsers';
import { openCorsPanel } from '../support/devtools-panel';
import { CHROME_DIR, ensureExtensionBuilt } from '../support/ensure-extension';
import { extensionPage, extensionWorkerTarget, readSnapshot } from '../support/extension-log';
import { until } from '../support/poll';

/** Each call carries this much in a request header: a few calls fill the small quota. */
const PAD = 'x'.repeat(8_000);
const BEFORE = 5;
const AFTER = 40;

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, 'localhost', () => resolve(`http://localhost:${(server.address() as AddressInfo).port}`)));
}

interface Hook {
  corsLens: { flush(): Promise<void>; bootedAt: number };
}
const flush = (worker: WebWorker): Promise<void> => worker.evaluate(() => (globalThis as unknown as Hook).corsLens.flush());
const bootedAt = (worker: WebWorker): Promise<number> => worker.evaluate(() => (globalThis as unknown as Hook).corsLens.bootedAt);

/** The rows IndexedDB holds, read from an extension page of the same origin (none when the database is gone). */
function storedRows(ext: Page): Promise<{ rows: number; whole: boolean }> {
  return ext.evaluate(
    async () => {
      // Opening a database that does not exist would create it: look first.
      if (!(await indexedDB.databases()).some((d) => d.name === 'cors-lens-recorder')) return { rows: 0, whole: true };
      return new Promise<{ rows: number; whole: boolean }>((resolve, reject) => {
        const open = indexedDB.open('cors-lens-recorder');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('exchanges').objectStore('exchanges').getAll();
          get.onerror = () => reject(get.error);
          get.onsuccess = () => {
            const rows = get.result as { exchange?: { hops?: { request?: { url?: string } }[] }; analysis?: { verdict?: string } }[];
            open.result.close();
            resolve({ rows: rows.length, whole: rows.every((r) => typeof r.exchange?.hops?.[0]?.request?.url === 'string' && typeof r.analysis?.verdict === 'string') });
          };
        };
      });
    },
  );
}

describe('chromium: the database is deleted under the recorder mid-recording', () => {
  let launched: LaunchedBrowser | undefined;
  let page: Server;
  let api: Server;
  let pageOrigin = '';
  let apiOrigin = '';

  beforeAll(async () => {
    ensureExtensionBuilt();
    page = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><title>quota</title>'));
    api = createServer((req, res) => {
      const cors = { 'Access-Control-Allow-Origin': pageOrigin, 'Access-Control-Allow-Headers': 'x-pad' };
      res.writeHead(req.method === 'OPTIONS' ? 204 : 200, cors).end(req.method === 'OPTIONS' ? undefined : 'ok');
    });
    [pageOrigin, apiOrigin] = await Promise.all([listen(page), listen(api)]);
    launched = await launchChromium({ extensionDir: CHROME_DIR, devtools: true });
  });
  afterAll(async () => {
    await launched?.close();
    await Promise.all([page, api].map((s) => new Promise((r) => s?.close(r))));
  });

  test('recording goes on in memory, the panel says why, the worker lives, nothing is written after it', async () => {
    const { browser } = launched as LaunchedBrowser;
    const [tab] = await browser.pages();
    if (!tab) throw new Error('no tab');
    const { panel } = await openCorsPanel(browser);
    await tab.goto(`${pageOrigin}/`);
    const workerTarget = await extensionWorkerTarget(browser);
    const worker = (await workerTarget.worker()) as WebWorker;
    const booted = await bootedAt(worker);
    const ext = await extensionPage(browser, 'chromium');
    const call = (from: number, count: number) =>
      tab.evaluate(async (url: string, pad: string, first: number, n: number) => {
        for (let i = first; i < first + n; i++) await fetch(`${url}/api/${i}`, { headers: { 'X-Pad': pad } }).then((r) => r.text());
      }, apiOrigin, PAD, from, count);

    await call(0, BEFORE);
    await until(() => readSnapshot(ext, pageOrigin), (s) => s.exchanges.length === BEFORE, 'the first calls', 20_000);
    await flush(worker);
    expect(await storedRows(ext)).toEqual({ rows: BEFORE, whole: true });

    // Node's URL gives origin "null" for non-special schemes such as chrome-extension:.
    const origin = /^chrome-extension:\/\/[^/]+/.exec(workerTarget.url())?.[0] ?? '';
    const session = await ext.createCDPSession();
    await session.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
    await session.detach();
    for (let i = 0; i < AFTER; i += 5) {
      await call(BEFORE + i, 5);
      await flush(worker);
    }

    const snapshot = await until(() => readSnapshot(ext, pageOrigin), (s) => s.exchanges.length === BEFORE + AFTER, 'every call in memory', 20_000);
    expect(snapshot.summary.storageFault).toMatch(/Error/);
    const banner = await until(() => panel.$eval('[data-testid="storage-banner"]', (e) => e.textContent ?? '').catch(() => ''), (t) => t !== '', 'the panel to say saving failed', 20_000);
    expect(banner).toMatch(/^Could not save the log \(\w+Error.*\)\. Recording goes on in memory only/);
    expect(await bootedAt(worker)).toBe(booted);

    // Deleted stays deleted: nothing is written after the fault (no half-recreated database either).
    expect(await storedRows(ext)).toEqual({ rows: 0, whole: true });
  });
});
