// Page-load cost of the extension in real Chromium: a page on one loopback origin makes 300
// cross-origin requests (200 simple GETs, 100 preflighted PUTs) to another; it is loaded in a
// browser without the extension and in one with it, alternating, and the time from navigation
// start to the last response is compared. Also reads the background's own time per webRequest
// event (`globalThis.corsLens.stats`, kept by src/background/background-runtime.ts).

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { launchChromium, type LaunchedBrowser } from '../test/support/browsers';
import { CHROME_DIR, ensureExtensionBuilt } from '../test/support/ensure-extension';
import { extensionWorkerTarget } from '../test/support/extension-log';

const SIMPLE = 200;
const PREFLIGHTED = 100;

function pageHtml(api: string, round: number): string {
  return `<!doctype html><title>load</title><script>
  const t0 = performance.now();
  const simple = Array.from({ length: ${SIMPLE} }, (_, i) => fetch('${api}/simple/${round}/' + i).then((r) => r.text()));
  const pre = Array.from({ length: ${PREFLIGHTED} }, (_, i) => fetch('${api}/put/${round}/' + i, { method: 'PUT', headers: { 'X-Bench': '1' } }).then((r) => r.text()));
  Promise.allSettled([...simple, ...pre]).then((all) => {
    window.__failed = all.filter((r) => r.status === 'rejected').length;
    window.__done = performance.now();
  });
  </script>`;
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{ server: Server; origin: string }> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://localhost:${(server.address() as AddressInfo).port}` })));
}

async function startServers(): Promise<{ page: string; api: string; close: () => void }> {
  let pageOrigin = '';
  const api = await listen((req, res) => {
    const headers = {
      'Access-Control-Allow-Origin': pageOrigin,
      'Access-Control-Allow-Methods': 'PUT',
      'Access-Control-Allow-Headers': 'X-Bench',
      'Cache-Control': 'no-store',
      Vary: 'Origin',
    };
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, headers).end(req.method === 'OPTIONS' ? undefined : 'ok');
  });
  const page = await listen((req, res) => {
    const round = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('round') ?? 0);
    res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'no-store' }).end(pageHtml(api.origin, round));
  });
  pageOrigin = page.origin;
  return { page: page.origin, api: api.origin, close: () => { api.server.close(); page.server.close(); } };
}

async function loadOnce(browser: Browser, url: string): Promise<number> {
  const page = await browser.newPage();
  try {
    await page.goto(url);
    await page.waitForFunction('window.__done !== undefined', { timeout: 60_000 });
    const [done, failed] = (await page.evaluate('[window.__done, window.__failed]')) as [number, number];
    if (failed > 0) throw new Error(`${failed} requests failed`);
    return done;
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export interface PageLoadResult {
  readonly rounds: number;
  readonly withoutMs: number;
  readonly withMs: number;
  readonly ratio: number;
  /** The same listeners doing nothing (bench/listeners-only): Chromium's own cost of listening. */
  readonly listenersOnlyMs: number;
  readonly listenersOnlyRatio: number;
  readonly eventsRecorded: number;
  readonly backgroundMsPerEvent: number;
  /** With `baselineDir` (another build of the extension): its median, measured in the same rotation. */
  readonly baselineMs?: number;
}

/**
 * `baselineDir`: an older build of the extension to load in a fourth browser, so a change to the
 * recorder is compared with what it replaces side by side, on the same machine at the same time.
 */
export async function runPageLoadBench(rounds = 15, baselineDir?: string): Promise<PageLoadResult> {
  ensureExtensionBuilt();
  const servers = await startServers();
  const browsers: LaunchedBrowser[] = [];
  try {
    const plain = await launchChromium();
    browsers.push(plain);
    const withExt = await launchChromium({ extensionDir: CHROME_DIR });
    browsers.push(withExt);
    const listenersOnly = await launchChromium({ extensionDir: fileURLToPath(new URL('./listeners-only', import.meta.url)) });
    browsers.push(listenersOnly);
    if (baselineDir !== undefined) browsers.push(await launchChromium({ extensionDir: baselineDir }));
    const worker = await (await extensionWorkerTarget(withExt.browser)).worker();
    if (!worker) throw new Error('extension service worker not found');
    const series = browsers.map((b) => ({ browser: b.browser, times: [] as number[] }));
    // One warm-up each, then rotate which goes first so none always runs on a warmer machine.
    for (const s of series) await loadOnce(s.browser, `${servers.page}/?round=0`);
    const before = (await worker.evaluate('({ ...globalThis.corsLens.stats })')) as { events: number; totalMs: number };
    for (let r = 1; r <= rounds; r++) {
      const url = `${servers.page}/?round=${r}`;
      for (let k = 0; k < series.length; k++) {
        const s = series[(r + k) % series.length] as (typeof series)[number];
        s.times.push(await loadOnce(s.browser, url));
      }
    }
    const [without, withTimes, onlyListeners, baseline] = series.map((s) => median(s.times)) as [number, number, number, number | undefined];
    const after = (await worker.evaluate('({ ...globalThis.corsLens.stats })')) as { events: number; totalMs: number };
    const events = after.events - before.events;
    return {
      rounds,
      withoutMs: without,
      withMs: withTimes,
      ratio: withTimes / without,
      listenersOnlyMs: onlyListeners,
      listenersOnlyRatio: onlyListeners / without,
      eventsRecorded: events,
      backgroundMsPerEvent: events > 0 ? (after.totalMs - before.totalMs) / events : 0,
      ...(baseline !== undefined ? { baselineMs: baseline } : {}),
    };
  } finally {
    for (const b of browsers) await b.close();
    servers.close();
  }
}
