// Nothing secret reaches the disk, and nothing at all from a private window. In real Chromium and
// Firefox ESR, with DevTools open on the page (so CORS Lens records it), the page sends random
// secrets as an Authorization header, a cookie and an `access_token` URL parameter, together with a
// plain marker in the same request. After the recorder has saved its log and the browser has
// closed, a byte search of the whole profile directory must find none of the secrets; the marker
// must be found in the extension's own IndexedDB files, which proves the log was written (a
// recorder that saved nothing would pass the first half). In a private window (Chrome incognito with
// the extension allowed there, Firefox's private browsing) not even the marker may be on disk.
// Against a build that wrote rows with their values, it found the three secrets in Chromium's
// Default/IndexedDB/chrome-extension_…leveldb/000003.log and in Firefox's idb/*.sqlite.

import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type BrowserName, launch, type LaunchedBrowser } from '../support/browsers';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR } from '../support/ensure-extension';
import { extensionPage, extensionWorkerTarget, firstWebTab, readSnapshot, type Snapshot } from '../support/extension-log';
import { until } from '../support/poll';
import { readProfile } from '../support/profile-search';

/** Two origins on one site (cookies ignore ports): the page's and the API's, so the call is cross-origin and credentialed. */
interface Origins {
  readonly page: string;
  readonly api: string;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, 'localhost', () => resolve((server.address() as AddressInfo).port)));
}

/** The page (a blank document) and an API that allows the page's credentialed, preflighted call; nothing may be cached. */
async function startServers(): Promise<{ origins: Origins; close: () => Promise<void> }> {
  let pageOrigin = '';
  const page = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' });
    res.end('<!doctype html><title>secrets</title><p>secrets');
  });
  const api = createServer((req: IncomingMessage, res: ServerResponse) => {
    const cors = { 'Access-Control-Allow-Origin': pageOrigin, 'Access-Control-Allow-Credentials': 'true', 'Cache-Control': 'no-store' };
    if (req.method === 'OPTIONS') res.writeHead(204, { ...cors, 'Access-Control-Allow-Headers': 'authorization, x-marker' });
    else res.writeHead(200, { ...cors, 'Content-Type': 'text/plain' });
    res.end(req.method === 'OPTIONS' ? undefined : 'ok');
  });
  const [pagePort, apiPort] = await Promise.all([listen(page), listen(api)]);
  pageOrigin = `http://localhost:${pagePort}`;
  const close = (s: Server) => new Promise<void>((resolve) => s.close(() => resolve()));
  return { origins: { page: pageOrigin, api: `http://localhost:${apiPort}` }, close: async () => void (await Promise.all([close(page), close(api)])) };
}

interface Values {
  readonly bearer: string;
  readonly cookie: string;
  readonly token: string;
  readonly marker: string;
}

/**
 * 24 random base64url characters, no fixed prefix: Snappy (Firefox's IndexedDB values, also what is
 * left of a deleted row in a database's free pages) stores a sequence of 4+ bytes seen shortly
 * before as a back-reference, so a needle must not share one with anything near it (a `bearer…`
 * after `Bearer ` would be split up and never found). With 64^4 four-character sequences, a chance repeat is negligible.
 */
const fresh = () => randomBytes(18).toString('base64url');

/** What the page does: a cookie, then one credentialed call carrying all three secrets and the marker. */
function sendSecrets(page: Page, api: string, v: Values): Promise<string> {
  return page.evaluate(async (apiOrigin: string, values: Values) => {
    document.cookie = `sid=${values.cookie}; path=/`;
    const url = `${apiOrigin}/api/orders?access_token=${values.token}&marker=${values.marker}`;
    const response = await fetch(url, { credentials: 'include', headers: { Authorization: `Bearer ${values.bearer}`, 'X-Marker': values.marker } });
    return response.text();
  }, api, v);
}

/**
 * Where each browser keeps an extension's IndexedDB inside the profile. In Firefox the marker is
 * in a live row (`….sqlite#object_data`, decompressed) or, when closing the browser closed the tab
 * and the recorder deleted its rows first, in the database file's freed pages.
 */
const EXTENSION_IDB: Record<BrowserName, RegExp> = {
  chromium: /^Default\/IndexedDB\/chrome-extension_[a-p]{32}_0\.indexeddb\./,
  firefox: /^storage\/default\/moz-extension\+\+\+[^/]+\/idb\//,
};

type Window = 'regular' | 'private';

/** Writes what the recorder holds now (the test hook in src/background/index.ts), rather than waiting for its timer. */
async function flushRecorder(browser: Browser, name: BrowserName, ext: Page): Promise<void> {
  if (name === 'chromium') {
    const worker = await (await extensionWorkerTarget(browser)).worker();
    await worker?.evaluate(() => (globalThis as unknown as { corsLens: { flush(): Promise<void> } }).corsLens.flush());
    return;
  }
  await ext.evaluate(async () => {
    const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<{ corsLens: { flush(): Promise<void> } }> } } }).browser;
    await (await api.runtime.getBackgroundPage()).corsLens.flush();
  });
}

/** The inspected tab: a page with DevTools open on it, in a regular or a private window. */
async function inspectedPage(launched: LaunchedBrowser, ext: Page, window: Window, url: string): Promise<Page> {
  const { browser } = launched;
  if (launched.name === 'firefox') {
    // `-devtools` opened a toolbox on the first tab (in a private window when private browsing starts the session).
    const page = await firstWebTab(browser);
    await page.goto(url);
    return page;
  }
  if (window === 'regular') {
    const page = await browser.newPage();
    await page.openDevTools();
    await page.goto(url);
    return page;
  }
  // An incognito window, opened the way a user's would be (the extension is allowed there).
  await ext.evaluate((u: string) => chrome.windows.create({ incognito: true, url: u }).then(() => undefined), url);
  const target = await browser.waitForTarget((t) => t.url() === url, { timeout: 20_000 });
  const page = await target.asPage();
  await page.openDevTools();
  // DevTools opened after the page loaded: load it again under DevTools, as a user would.
  await page.reload();
  return page;
}

/** Waits until the devtools page has told the recorder to record the tab at `url` (it keeps that list in storage.session). */
async function waitUntilInspected(ext: Page, url: string): Promise<void> {
  const read = () => ext.evaluate(async (u: string) => {
    type Api = typeof chrome;
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    const tab = (await api.tabs.query({})).find((t) => t.url === u);
    const inspected = ((await api.storage.session.get('inspectedTabs'))['inspectedTabs'] as number[] | undefined) ?? [];
    return tab?.id !== undefined && inspected.includes(tab.id);
  }, url).catch(() => false); // Firefox: the extension tab may still be loading its document.
  await until(read, (yes) => yes, `DevTools to inspect ${url}`, 30_000);
}

const recordedCall = (s: Snapshot) => s.exchanges.find((e) => e.exchange.hops.some((h) => h.request.url.includes('/api/orders')));

const CASES: readonly (readonly [BrowserName, Window])[] = [
  ['chromium', 'regular'],
  ['chromium', 'private'],
  ['firefox', 'regular'],
  ['firefox', 'private'],
];

describe.each(CASES)('%s, %s window: secrets never reach the profile directory', (name, window) => {
  let profile: string;
  let servers: Awaited<ReturnType<typeof startServers>>;
  let launched: LaunchedBrowser | undefined;

  beforeAll(async () => {
    ensureExtensionBuilt();
    servers = await startServers();
    profile = mkdtempSync(join(tmpdir(), `cors-lens-${name}-${window}-`));
    launched = await launch(name, {
      extensionDir: name === 'chromium' ? CHROME_DIR : FIREFOX_DIR,
      userDataDir: profile,
      incognito: window === 'private',
      // Firefox: DevTools on the first tab; in permanent private browsing every window is private.
      // Its session restore (sessionstore.jsonlz4) saves the page's session cookie, the browser's
      // copy and not ours: privacy_level 2 keeps it out, as Chromium keeps session cookies off disk by default.
      ...(name === 'firefox'
        ? { extraArgs: ['-devtools'], firefoxPrefs: { 'browser.sessionstore.privacy_level': 2, ...(window === 'private' ? { 'browser.privatebrowsing.autostart': true } : {}) } }
        : {}),
    });
  });
  afterAll(async () => {
    await launched?.close();
    await servers?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  test('after the browser closes: no secret anywhere in the profile; the marker only where the log is saved, and never from a private window', async () => {
    const current = launched as LaunchedBrowser;
    const values: Values = { bearer: fresh(), cookie: fresh(), token: fresh(), marker: fresh() };
    const ext = await extensionPage(current.browser, name);
    const pageUrl = `${servers.origins.page}/?e2e=secrets-on-disk`;
    const page = await inspectedPage(current, ext, window, pageUrl);
    await waitUntilInspected(ext, pageUrl);
    expect(await sendSecrets(page, servers.origins.api, values)).toBe('ok');

    // Recorded, with every value in memory (the panel, Copy as cURL and Re-run use them there).
    const snapshot = await until(() => readSnapshot(ext, servers.origins.page), (s) => recordedCall(s) !== undefined, 'the call to be recorded', 30_000);
    const text = JSON.stringify(recordedCall(snapshot));
    for (const secret of [values.bearer, values.cookie, values.token, values.marker]) expect(text).toContain(secret);
    expect(snapshot.summary.privateWindow === true).toBe(window === 'private');

    await flushRecorder(current.browser, name, ext);
    await current.close();
    launched = undefined;

    const files = readProfile(profile);
    for (const secret of [values.bearer, values.cookie, values.token]) expect(files.containing(secret), `files holding ${secret}`).toEqual([]);
    const markerFiles = files.containing(values.marker);
    if (window === 'private') expect(markerFiles).toEqual([]);
    else expect(markerFiles.filter((f) => EXTENSION_IDB[name].test(f)).length, `marker found in ${JSON.stringify(markerFiles)}`).toBeGreaterThan(0);
  });
});
