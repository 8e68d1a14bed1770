// Run one scenario in a real Chromium page and read back what the browser did, the way the
// fixtures are made: CDP Network events → a Chrome-shaped HAR → the project's own HAR reader →
// the Exchange the analyzer sees. Each run gets a fresh page, so its HAR holds only that run.

import type { Browser, Page } from 'puppeteer-core';
import { analyzeExchange } from '../../src/core/analyze';
import type { Analysis } from '../../src/core/analysis';
import { readHarJson } from '../../src/core/har/read-har';
import type { Exchange } from '../../src/core/model';
import type { PageAction, RunResult } from '../scenarios/types';
import { CdpHarRecorder } from '../support/cdp-har';
import { type CorsErrorStatus, harFile } from '../support/har';
import { runOnPage } from '../support/runner-calls';

/** Events of a finished request can trail the page's promise by a few ms (see record-fixtures). */
const SETTLE_MS = 120;

export interface RecordedRun {
  readonly page: RunResult;
  readonly cdp: CorsErrorStatus | undefined;
  /** The scenario's exchange(s) as the HAR reader builds them, with the analyzer's verdict. */
  readonly exchanges: readonly { readonly exchange: Exchange; readonly analysis: Analysis }[];
}

async function recorded(browser: Browser, scenarioId: string, body: (page: Page) => Promise<RunResult>): Promise<RecordedRun> {
  const page = await browser.newPage();
  try {
    const cdp = await CdpHarRecorder.attach(await page.createCDPSession());
    const startedAt = Date.now();
    const result = await body(page);
    await new Promise((r) => setTimeout(r, SETTLE_MS));
    const mine = (url: string) => url.includes(`/api/${scenarioId}/`);
    const har = harFile({ name: 'chromium', version: await browser.version() }, page.url(), startedAt, cdp.entries((u) => !u.endsWith('/favicon.ico')), {
      scenario: scenarioId, browser: 'chromium', browserVersion: '', pageOutcome: result.outcome, source: 'cdp-network', pageResult: result,
    });
    const read = readHarJson(JSON.parse(JSON.stringify(har)));
    if (!read.ok) throw new Error(`HAR of ${scenarioId} does not read: ${read.error}`);
    const exchanges = read.exchanges.filter((e) => e.hops[0] && mine(e.hops[0].request.url)).map((exchange) => ({ exchange, analysis: analyzeExchange(exchange) }));
    return { page: result, cdp: cdp.corsErrorStatus(mine), exchanges };
  } finally {
    await page.close();
  }
}

/** The runner page on `pageOrigin` runs catalogue scenario `id` (runner.js, same as the fixtures). */
export function runScenario(browser: Browser, pageOrigin: string, id: string): Promise<RecordedRun> {
  return recorded(browser, id, async (page) => {
    await page.goto(`${pageOrigin}/?scenario=${id}`, { waitUntil: 'load' });
    return runOnPage(page, id);
  });
}

/**
 * The same request a scenario makes (method, headers, body, credentials), sent from the runner
 * page on `pageOrigin` to another URL: the API served by a real server with the generated config.
 */
export function runAction(browser: Browser, pageOrigin: string, scenarioId: string, action: PageAction, url: string, mode?: RequestMode): Promise<RecordedRun> {
  return recorded(browser, scenarioId, async (page) => {
    await page.goto(`${pageOrigin}/?scenario=${scenarioId}`, { waitUntil: 'load' });
    return page.evaluate(pageRequest, { action, url, mode: mode ?? action.mode ?? 'cors', id: scenarioId });
  });
}

type RequestMode = 'cors' | 'no-cors' | 'same-origin';

/** Runs in the page: fetch or XHR exactly as runner.js does, reporting resolved/threw. */
async function pageRequest(arg: { action: PageAction; url: string; mode: RequestMode; id: string }): Promise<RunResult> {
  const { action: a, url, mode, id } = arg;
  const headers = (a.headers ?? []).map(([n, v]) => [n, v] as [string, string]);
  if (a.initiator === 'xhr') {
    return new Promise((resolve) => {
      const x = new XMLHttpRequest();
      x.open(a.method ?? 'GET', url);
      x.withCredentials = a.credentials === 'include';
      for (const [n, v] of headers) x.setRequestHeader(n, v);
      x.onload = () => resolve({ id, outcome: 'resolved', status: x.status });
      x.onerror = () => resolve({ id, outcome: 'threw', error: 'XMLHttpRequest error event' });
      x.send(a.body ?? null);
    });
  }
  try {
    const init: RequestInit = { method: a.method ?? 'GET', headers, mode, ...(a.credentials ? { credentials: a.credentials } : {}), ...(a.body !== undefined ? { body: a.body } : {}) };
    const r = await fetch(url, init);
    await r.arrayBuffer();
    return { id, outcome: 'resolved', status: r.status, responseType: r.type };
  } catch (e) {
    return { id, outcome: 'threw', error: String(e) };
  }
}
