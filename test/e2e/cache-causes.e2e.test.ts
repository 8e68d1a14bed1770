// "I deployed the fix and it still fails", in real Chromium with the built extension: a response
// cached for one page's origin and handed to another. Two pages of one site on different origins
// (localhost:A and localhost:B share Chromium's HTTP cache, partitioned by top-level site) fetch
// an API that echoes the Origin into Access-Control-Allow-Origin without `Vary: Origin`:
// - the browser's cache: the first page's copy (max-age=600) is given to the second page, whose
//   fetch is blocked; the server saw one request, and Chromium's own Network domain saw no network
//   response headers for the second (only its AllowOriginMismatch). Chromium's webRequest says
//   `fromCache: false` for that blocked copy, so the panel reads the cause from the copy itself;
// - a shared cache on loopback (test/server/cache-server.ts, `X-Cache: HIT`, `Age`): the second
//   page's request reaches the "CDN", which answers with the copy it stored for the first page.
// - a copy the browser revalidates (`no-cache`, an ETag): the server answers the second page with a
//   304 and no CORS headers, and the browser checks its stored copy, made for the first page.
// In each, the CORS panel names `cached-for-other-origin` with its fix (Vary: Origin, then purge)
// beside the browser's own reason; the CDN's row is tagged `from CDN (age N s)` with its facts.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { findCause } from '../../src/core/cause/find-cause';
import { writeHar } from '../../src/core/har/write-har';
import { rowView } from '../../src/panel/state/row-view';
import type { RecordedExchange } from '../../src/core/protocol';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startCacheServer, type CacheServer } from '../server/cache-server';
import { type LaunchedBrowser, launch, launchChromium } from '../support/browsers';
import { openCorsPanel } from '../support/devtools-panel';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR, ROOT } from '../support/ensure-extension';
import { extensionPage, readSnapshot, setRecordAllTabs, snapshotWhen } from '../support/extension-log';
import { setFilterText, summaryWhen } from '../support/panel-dom';
import { until } from '../support/poll';

interface PageCall {
  readonly outcome: 'resolved' | 'threw';
  readonly body?: string;
}

function pageFetch(page: Page, url: string): Promise<PageCall> {
  return page.evaluate(async (u: string) => {
    try {
      const r = await fetch(u);
      return { outcome: 'resolved' as const, body: await r.text() };
    } catch {
      return { outcome: 'threw' as const };
    }
  }, url);
}

interface PanelView {
  readonly verdict: string;
  readonly cacheTag: string;
  readonly causeTag: string;
  readonly cause: string;
  readonly fix: string;
  readonly facts: string;
  readonly evidence: string[];
  readonly text: string;
}

/** The blocked row of `url` in the list (found through the filter box), then its detail view. */
async function panelView(panel: Frame, url: string): Promise<PanelView> {
  await setFilterText(panel, url);
  // The panel lists a call a moment after the page saw it fail (the recorder's updates come in batches).
  const clickRow = () => panel.$$eval('[data-testid="list-scroll"] [role="row"]', (rows, u) => {
    const r = rows.find((x) => x.querySelector('.c-url')?.getAttribute('title') === u && x.querySelector('.c-verdict')?.textContent === 'blocked') as HTMLElement | undefined;
    r?.click();
    return {
      verdict: r?.querySelector('.c-verdict')?.textContent ?? '',
      cacheTag: r?.querySelector('.c-reason .cache-tag')?.textContent ?? '',
      causeTag: r?.querySelector('.c-reason .cause-tag')?.textContent ?? '',
    };
  }, url);
  const row = await until(clickRow, (r) => r.verdict === 'blocked', `the blocked row of ${url}`);
  await panel.waitForSelector('[aria-label="Exchange details"] .cause', { timeout: 5_000 });
  const detail = await panel.$eval('[aria-label="Exchange details"]', (e) => ({
    cause: e.querySelector('.cause')?.getAttribute('data-cause') ?? '',
    fix: e.querySelector('.cause-fix')?.textContent ?? '',
    facts: (e.querySelector('[data-testid="cache-facts"]') as HTMLElement | null)?.innerText ?? '',
    evidence: Array.from(e.querySelectorAll('.cause-evidence li')).map((li) => li.textContent ?? ''),
    text: (e as HTMLElement).innerText,
  }));
  return { ...row, ...detail };
}

describe('chromium: a response cached for another origin, named in the CORS panel', () => {
  let server: CacheServer;
  let launched: LaunchedBrowser | undefined;
  let page: Page;
  let panel: Frame;
  let extPage: Page;
  /** What CORS Lens recorded of the second page's calls: exported as a HAR for the CLI after the run. */
  const recorded: RecordedExchange[] = [];
  /** Chromium's own word (CDP Network domain) on each request: network response headers seen, its CORS error. */
  const cdpSaw = new Map<string, { url: string; network?: boolean; corsError?: string }>();
  const seen = (url: string) => [...cdpSaw.values()].filter((r) => r.url === url).map((r) => [r.network === true, r.corsError ?? null]);
  /** CDP events arrive after the page's promise settles: wait until the second request failed. */
  async function seenWhenFailed(url: string): Promise<unknown[]> {
    for (let i = 0; i < 50 && !seen(url).some((r) => r[1] !== null); i++) await new Promise((r) => setTimeout(r, 100));
    return seen(url);
  }

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await startCacheServer();
    launched = await launchChromium({ extensionDir: CHROME_DIR, devtools: true });
    const [first] = await launched.browser.pages();
    if (!first) throw new Error('Chromium opened no tab');
    page = first;
    ({ panel } = await openCorsPanel(launched.browser));
    extPage = await extensionPage(launched.browser, 'chromium');
    const cdp = await page.createCDPSession();
    await cdp.send('Network.enable');
    // ExtraInfo events may arrive before requestWillBeSent: each event merges into the request's record.
    const note = (id: string, patch: { url?: string; network?: boolean; corsError?: string }): void => {
      cdpSaw.set(id, { url: '', ...cdpSaw.get(id), ...patch });
    };
    cdp.on('Network.requestWillBeSent', (e) => note(e.requestId, { url: e.request.url }));
    // A response read from the disk cache gets no responseReceivedExtraInfo (no network headers).
    cdp.on('Network.responseReceivedExtraInfo', (e) => note(e.requestId, { network: true }));
    cdp.on('Network.loadingFailed', (e) => {
      if (e.corsErrorStatus) note(e.requestId, { corsError: e.corsErrorStatus.corsError });
    });
  });

  afterAll(async () => {
    // CORS Lens's own HAR export of the blocked calls (test/har-samples/cache-chromium.har is a copy).
    if (recorded.length > 0) {
      mkdirSync(join(ROOT, '.tmp'), { recursive: true });
      writeFileSync(join(ROOT, '.tmp/cache-chromium.har'), `${JSON.stringify(writeHar(recorded), null, 2)}\n`);
    }
    await launched?.close();
    await server?.close();
  });

  /** The first page's call passes and fills the cache; the second page's call gets that copy. */
  async function twoPages(path: string): Promise<[PageCall, PageCall]> {
    const url = `${server.api}${path}`;
    await page.goto(`${server.pageA}/`);
    const a = await pageFetch(page, url);
    await page.goto(`${server.pageB}/`);
    const b = await pageFetch(page, url);
    const snapshot = await readSnapshot(extPage, server.pageB);
    recorded.push(...snapshot.exchanges.filter((e) => e.exchange.hops[0]?.request.url === url));
    return [a, b];
  }

  test("the browser's HTTP cache", async () => {
    const url = `${server.api}/api/browser-cached`;
    const [a, b] = await twoPages('/api/browser-cached');
    expect(a).toEqual({ outcome: 'resolved', body: JSON.stringify({ madeFor: server.pageA }) });
    expect(b.outcome).toBe('threw');
    // The cache answered: the server saw only the first page's request, and Chromium says so too.
    expect(server.hits('/api/browser-cached')).toBe(1);
    // [response headers from the network, CORS error]: the second time no network answer, and Chromium's mismatch.
    expect(await seenWhenFailed(url)).toEqual([[true, null], [false, 'AllowOriginMismatch']]);
    const view = await panelView(panel, url);
    expect(view.verdict).toBe('blocked');
    // Chromium's webRequest says `fromCache: false` for a blocked copy read from its disk cache
    // (onErrorOccurred; no onCompleted or onResponseStarted comes), so no "from cache" tag: the
    // cause is read from the copy itself, reusable and naming the other page without Vary.
    expect(view.cacheTag).toBe('');
    expect(view.cause, view.text).toBe('cached-for-other-origin');
    expect(view.causeTag).toBe('cached for another origin');
    expect(view.fix).toMatch(/Send Vary: Origin on every response whose Access-Control-Allow-Origin depends on the request's Origin/);
    expect(view.fix).toContain('Disable cache');
    expect(view.evidence).toContain('Cache-Control: public, max-age=600: caches may keep it and reuse it');
    expect(view.evidence).toContain(`Access-Control-Allow-Origin: ${server.pageA}, but this request came from ${server.pageB}`);
    // The browser's own reason follows, unchanged: the copy names the first page's origin.
    expect(view.text).toContain(server.pageA);
  });

  test('a copy revalidated with a 304 that carries no CORS headers', async () => {
    const url = `${server.api}/api/revalidated`;
    const [a, b] = await twoPages('/api/revalidated');
    expect(a).toEqual({ outcome: 'resolved', body: JSON.stringify({ madeFor: server.pageA }) });
    expect(b.outcome).toBe('threw');
    // The browser asked again (no-cache) and the server answered 304: Chromium checked its stored copy.
    expect(server.hits('/api/revalidated')).toBe(2);
    expect(await seenWhenFailed(url)).toEqual([[true, null], [true, 'AllowOriginMismatch']]);
    const view = await panelView(panel, url);
    expect(view.verdict).toBe('blocked');
    // Chromium's webRequest reports the stored copy as a 200 (its Access-Control-Allow-Origin, the 304's ETag):
    // a copy with a validator, naming another page without Vary: Origin.
    expect(view.cause, view.text).toBe('cached-for-other-origin');
    expect(view.evidence).toContain('Cache-Control: no-cache, ETag: "v1": caches may keep it and reuse it, after asking the server (a 304 answer keeps this copy\'s headers)');
  });

  test('a shared cache (CDN) on loopback', async () => {
    const url = `${server.api}/api/cdn-cached`;
    const [a, b] = await twoPages('/api/cdn-cached');
    expect(a).toEqual({ outcome: 'resolved', body: JSON.stringify({ madeFor: server.pageA }) });
    expect(b.outcome).toBe('threw');
    // The browser asked again (max-age=0): the second answer came from the loopback CDN's copy.
    expect(server.hits('/api/cdn-cached')).toBe(2);
    expect(await seenWhenFailed(url)).toEqual([[true, null], [true, 'AllowOriginMismatch']]);
    const view = await panelView(panel, url);
    expect(view.verdict).toBe('blocked');
    expect(view.cacheTag).toMatch(/^from CDN \(age \d+ s\)$/);
    expect(view.cause, view.text).toBe('cached-for-other-origin');
    expect(view.fix).toMatch(/purge the URL from the CDN or proxy/);
    expect(view.facts).toMatch(/a shared cache \(CDN or proxy\) answered from its copy, \d+ s old \(X-Cache: HIT\), via 1\.1 loopback-cdn/);
  });
});

describe('chromium: the price of preflights, in the Problems view', () => {
  let server: CacheServer;
  let launched: LaunchedBrowser | undefined;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await startCacheServer();
    launched = await launchChromium({ extensionDir: CHROME_DIR, devtools: true });
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('five PUTs under Access-Control-Max-Age: 0 pay five timed preflights: one preflight-cost problem with the header that cuts them', async () => {
    if (!launched) throw new Error('no browser');
    const [page] = await launched.browser.pages();
    if (!page) throw new Error('Chromium opened no tab');
    const { panel } = await openCorsPanel(launched.browser);
    await page.goto(`${server.pageA}/`);
    const url = `${server.api}/api/no-max-age`;
    const statuses = await page.evaluate(async (u: string) => {
      const out: number[] = [];
      for (let i = 0; i < 5; i++) out.push((await fetch(u, { method: 'PUT', body: '{}' })).status);
      return out;
    }, url);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(server.hits('/api/no-max-age')).toBe(10);
    await summaryWhen(panel, (s) => s.preflighted === 5);
    await panel.$$eval('[role="tab"]', (tabs) => (tabs.find((t) => t.textContent?.startsWith('Problems')) as HTMLElement | undefined)?.click());
    await panel.waitForSelector('.problem-row[data-code="preflight-cost"]', { timeout: 5_000 });
    await panel.$eval('.problem-row[data-code="preflight-cost"]', (r) => (r as HTMLElement).click());
    const detail = await panel.$eval('[aria-label="Problem details"]', (e) => (e as HTMLElement).innerText);
    expect(detail).toMatch(new RegExp(`${server.pageA} sent 5 preflights to ${server.api} \\(${url} ×5\\), \\d+ ms spent waiting for them: the server sends Access-Control-Max-Age: 0`));
    expect(detail).toContain('Send Access-Control-Max-Age: 7200 on the preflight answers (OPTIONS)');
    expect(await panel.$eval('.problem-row[data-code="preflight-cost"]', (r) => r.getAttribute('data-count'))).toBe('5');
  });
});

// Firefox ESR shares its HTTP cache between the two origins too, and its webRequest reports
// `fromCache: true` on the blocked copy (onHeadersReceived and onCompleted): the recorder keeps it,
// so the exchange says which cache answered, and the panel's tag says `from cache`.
describe('firefox: the recorder keeps fromCache, the cause names the browser cache', () => {
  let server: CacheServer;
  let launched: LaunchedBrowser | undefined;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await startCacheServer();
    launched = await launch('firefox', { extensionDir: FIREFOX_DIR });
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test("the browser's HTTP cache", async () => {
    if (!launched) throw new Error('no browser');
    const ext = await extensionPage(launched.browser, 'firefox');
    await setRecordAllTabs(ext);
    const page = await launched.browser.newPage();
    const url = `${server.api}/api/browser-cached`;
    await page.goto(`${server.pageA}/`);
    expect((await pageFetch(page, url)).outcome).toBe('resolved');
    await page.goto(`${server.pageB}/`);
    expect((await pageFetch(page, url)).outcome).toBe('threw');
    expect(server.hits('/api/browser-cached')).toBe(1);
    const snap = await snapshotWhen(ext, server.pageB, (s) => s.exchanges.some((e) => e.exchange.hops[0]?.request.url === url));
    const entry = snap.exchanges.find((e) => e.exchange.hops[0]?.request.url === url);
    expect(entry?.exchange.hops[0]?.response?.fromCache).toBe(true);
    expect(entry?.analysis.reasons[0]?.code).toBe('allow-origin-mismatch');
    // The panel's own computations: the row's tag (row-view.ts) and the cause (cause-view.ts).
    const cause = entry && findCause(entry.exchange, entry.analysis);
    expect([cause?.code, entry && rowView(entry).cache]).toEqual(['cached-for-other-origin', 'from cache']);
    expect(cause?.message).toContain("The response came from the browser's HTTP cache");
  });

  // `no-cache` and an ETag: Firefox revalidates its copy, the server answers 304 without CORS headers,
  // and webRequest reports `200, fromCache`, in some runs with the 304's headers only and in others
  // with the updated copy's (Firefox ESR 153, both seen): either way the copy the recorder saw first
  // goes with it, and the verdict is the one the browser reached.
  test('a copy revalidated with a 304 that carries no CORS headers', async () => {
    if (!launched) throw new Error('no browser');
    const ext = await extensionPage(launched.browser, 'firefox');
    await setRecordAllTabs(ext);
    const page = await launched.browser.newPage();
    const url = `${server.api}/api/revalidated`;
    await page.goto(`${server.pageA}/`);
    expect((await pageFetch(page, url)).outcome).toBe('resolved');
    // A page of its own: the test above left a tab on the second page too.
    const pageB = `${server.pageB}/?revalidated`;
    await page.goto(pageB);
    expect((await pageFetch(page, url)).outcome).toBe('threw');
    expect(server.hits('/api/revalidated')).toBe(2);
    const snap = await snapshotWhen(ext, pageB, (s) => s.exchanges.some((e) => e.exchange.hops[0]?.request.url === url));
    const entry = snap.exchanges.find((e) => e.exchange.hops[0]?.request.url === url);
    const response = entry?.exchange.hops[0]?.response;
    expect([response?.status, response?.fromCache]).toEqual([200, true]);
    expect(response?.cachedCopy?.headers).toEqual([{ name: 'Access-Control-Allow-Origin', value: server.pageA }]);
    // With the 304's headers only and without the copy, this read "missing Access-Control-Allow-Origin"; the browser saw the first page's.
    expect(entry?.analysis.reasons[0]?.code).toBe('allow-origin-mismatch');
    expect(entry?.analysis.reasons[0]?.message).toContain(server.pageA);
    const cause = entry && findCause(entry.exchange, entry.analysis);
    expect(cause?.code).toBe('cached-for-other-origin');
    expect(cause?.evidence).toContain(`the stored copy, from a 200 recorded earlier for this URL: Access-Control-Allow-Origin: ${server.pageA}`);
  });
});
