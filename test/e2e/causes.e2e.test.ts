// End-to-end: the real cause behind a block, in the real CORS panel inside real Chrome
// DevTools. For each cause that loopback can produce (an error response, a 429, auth before CORS
// on the preflight, no OPTIONS route, a login redirect, a refused connection, a request cancelled
// by another extension's declarativeNetRequest rule) the page's call fails, the panel's list shows
// the cause's tag, and its detail view leads with the cause and its fix while the browser's own
// CORS reason (CDP corsErrorStatus) is shown unchanged after it. Firefox ESR records the same
// evidence (its own error names: NS_ERROR_CONNECTION_REFUSED, NS_ERROR_ABORT for the blocked
// request): its recorded exchanges get the same causes from the same code.
// The Chromium HAR of the run is written to .tmp/causes-chromium.har (test/har-samples/causes-chromium.har is a copy),
// a screenshot of the 502's details to .tmp/causes-panel.png.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findCause } from '../../src/core/cause/find-cause';
import { buildRecordingContext } from '../../src/core/cause/recording-context';
import type { RecordedExchange } from '../../src/core/protocol';
import { CAUSE_OF, CAUSE_SCENARIOS, ERROR_STEP, OK_STEP } from '../causes/cause-scenarios';
import { writeBlockerExtension } from '../causes/blocker-extension';
import type { RunResult } from '../scenarios/types';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launch, launchChromium } from '../support/browsers';
import { CdpHarRecorder } from '../support/cdp-har';
import { openCorsPanel, screenshotDevtools } from '../support/devtools-panel';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR, ROOT } from '../support/ensure-extension';
import { extensionPage, setRecordAllTabs, snapshotWhen } from '../support/extension-log';
import { harFile, type CorsErrorStatus } from '../support/har';
import { rowsWithUrl, setFilterText, summaryWhen } from '../support/panel-dom';
import { runOnPage } from '../support/runner-calls';
import { freePort } from '../fix-proof/server-process';

const BLOCKED_ID = 'cause-blocked-by-client';

interface Call {
  readonly id: string;
  readonly url: string;
  readonly cause: string;
  readonly run: (page: Page) => Promise<RunResult>;
}

/** What a page's plain fetch of `url` did. */
function pageFetch(page: Page, id: string, url: string): Promise<RunResult> {
  return page.evaluate(async (u: string, i: string) => {
    try {
      const r = await fetch(u);
      await r.arrayBuffer();
      return { id: i, outcome: 'resolved' as const, status: r.status };
    } catch (e) {
      return { id: i, outcome: 'threw' as const, error: String(e) };
    }
  }, url, id);
}

function calls(server: ScenarioServer, refusedOrigin: string): Call[] {
  const urlOf = (id: string, step = 'main') => `${server.apiOrigin}/api/${id}/${step}`;
  const scenarios = CAUSE_SCENARIOS.map((s) => ({
    id: s.id, url: urlOf(s.id, s.page.step), cause: CAUSE_OF[s.id] ?? '', run: (page: Page) => runOnPage(page, s.id),
  }));
  const refused = `${refusedOrigin}/api/refused`;
  return [...scenarios, { id: 'cause-no-response', url: refused, cause: 'no-response', run: (page: Page) => pageFetch(page, 'cause-no-response', refused) }];
}

/** A loopback origin nothing listens on: a free port, closed again at once. */
async function refusedOrigin(): Promise<string> {
  return `http://localhost:${await freePort()}`;
}

interface Detail {
  readonly headings: string[];
  readonly cause: string;
  readonly tag: string;
  readonly message: string;
  readonly fix: string;
  readonly chromeWording: string;
  readonly snippet: string;
  readonly text: string;
}

/** Click the row of `url` (found through the filter box, as a user would) and read the detail view. */
async function openDetail(panel: Frame, url: string): Promise<Detail> {
  await setFilterText(panel, url);
  await panel.$$eval('[data-testid="list-scroll"] [role="row"]', (rows, u) => {
    const row = rows.find((r) => r.querySelector('.c-url')?.getAttribute('title') === u) as HTMLElement | undefined;
    row?.click();
  }, url);
  await panel.waitForFunction((u: string) => document.querySelector('[aria-label="Exchange details"] .url')?.textContent === u, { timeout: 5_000 }, url);
  return panel.$eval('[aria-label="Exchange details"]', (e) => ({
    headings: Array.from(e.querySelectorAll('h3')).map((h) => h.textContent ?? ''),
    cause: e.querySelector('.cause')?.getAttribute('data-cause') ?? '',
    tag: e.querySelector('.cause .cause-tag')?.textContent ?? '',
    message: e.querySelector('.cause-message')?.textContent ?? '',
    fix: e.querySelector('.cause-fix')?.textContent ?? '',
    chromeWording: e.querySelector('.wording dd code')?.textContent ?? '',
    snippet: e.querySelector('pre[data-snippet]')?.textContent ?? '',
    text: (e as HTMLElement).innerText,
  }));
}

/** The cause tag in the list row of `url` (the list is filtered to it). */
function rowTag(panel: Frame, url: string): Promise<string> {
  return panel.$$eval('[data-testid="list-scroll"] [role="row"]', (rows, u) => {
    const row = rows.find((r) => r.querySelector('.c-url')?.getAttribute('title') === u);
    return row?.querySelector('.c-reason .cause-tag')?.textContent ?? '';
  }, url);
}

async function chooseServer(panel: Frame, id: string): Promise<string> {
  await panel.$eval('select[aria-label="Server"]', (e, v) => {
    (e as HTMLSelectElement).value = v;
    e.dispatchEvent(new Event('change', { bubbles: true }));
  }, id);
  await panel.waitForSelector(`pre[data-snippet="${id}"]`, { timeout: 5_000 });
  return panel.$eval(`pre[data-snippet="${id}"]`, (e) => e.textContent ?? '');
}

// What the fix must say for each cause, in the panel (the fix sentence, then the default snippet).
const FIX_SAYS: Readonly<Record<string, RegExp>> = {
  'error-response': /already sends Access-Control-Allow-Origin: http:\/\/localhost:\d+, Vary: Origin on success/,
  'rate-limited': /honour Retry-After/,
  'preflight-auth': /Answer OPTIONS before authentication/,
  'preflight-unhandled': /Answer OPTIONS on this path with a 2xx/,
  'login-redirect': /answer an unauthenticated call with 401/,
  'no-response': /Make sure the server is running and reachable/,
  'blocked-by-client': /Allow the request in the blocking extension/,
};
const SNIPPET_SAYS: Readonly<Record<string, RegExp>> = {
  'error-response': /app\.use\(cors\(corsOptions\)\); \/\/ first/,
  'rate-limited': /app\.use\(\(err, req, res, next\)/,
  'preflight-auth': /register it BEFORE the auth middleware/,
  'preflight-unhandled': /answers OPTIONS for every path/,
};

describe('chromium: the cause in the real DevTools panel', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let panel: Frame;
  let devtools: Page;
  let list: Call[] = [];
  const pageSaw = new Map<string, RunResult>();
  const cdpSaw = new Map<string, CorsErrorStatus | undefined>();

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start({ scenarios: CAUSE_SCENARIOS });
    list = calls(server, await refusedOrigin());
    const blocker = writeBlockerExtension(`/api/${BLOCKED_ID}/`);
    launched = await launchChromium({ extensionDir: CHROME_DIR, extraExtensionDirs: [blocker], devtools: true });
    const [page] = await launched.browser.pages();
    if (!page) throw new Error('Chromium opened no tab');
    ({ panel, devtools } = await openCorsPanel(launched.browser));
    const cdp = await CdpHarRecorder.attach(await page.createCDPSession());
    const startedAt = Date.now();
    await page.goto(`${server.pageOrigin}/?e2e=causes`);
    // The same endpoint answering normally first: the recording's evidence that it sends CORS headers.
    const ok = await pageFetch(page, 'ok', `${server.apiOrigin}/api/cause-error-response/${OK_STEP}`);
    expect(ok).toMatchObject({ outcome: 'resolved', status: 200 });
    for (const c of list) pageSaw.set(c.id, await c.run(page));
    await summaryWhen(panel, (s) => s.total === list.length + 1);
    for (const c of list) cdpSaw.set(c.id, cdp.corsErrorStatus((u) => u === c.url));
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const har = harFile({ name: 'chromium', version: await launched.browser.version() }, page.url(), startedAt, cdp.entries((u) => !u.endsWith('/favicon.ico')), {
      scenario: 'causes', browser: 'chromium', browserVersion: await launched.browser.version(), pageOutcome: 'threw', source: 'cdp-network', pageResult: Object.fromEntries(pageSaw),
    });
    writeFileSync(join(ROOT, '.tmp/causes-chromium.har'), `${JSON.stringify(har, null, 2)}\n`);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test.each(CAUSE_SCENARIOS.map((s) => s.id).concat('cause-no-response'))('%s: the list tags the cause, the detail leads with it, the browser\'s reason follows unchanged', async (id) => {
    const c = list.find((x) => x.id === id);
    if (!c) throw new Error(id);
    expect(pageSaw.get(id)?.outcome, `the page's call for ${id}`).toBe('threw');
    const { rows } = await rowsWithUrl(panel, c.url);
    const detail = await openDetail(panel, c.url);
    expect(detail.cause, detail.text).toBe(c.cause);
    expect(rows).toHaveLength(1);
    expect(await rowTag(panel, c.url)).toBe(detail.tag);
    expect(detail.headings[0]).toBe('What really happened');
    expect(detail.fix).toMatch(FIX_SAYS[c.cause] as RegExp);
    const cdp = cdpSaw.get(id);
    if (cdp) {
      // The browser's own reason, exactly as Chromium reported it, right after the cause.
      expect(detail.headings[1]).toBe('Why');
      expect(detail.text).toContain("The browser's own CORS reason, unchanged:");
      expect(detail.chromeWording).toBe(cdp.corsError);
    }
    const snippetSays = SNIPPET_SAYS[c.cause];
    if (snippetSays) expect(detail.snippet).toMatch(snippetSays);
    else expect(detail.headings.some((h) => h.startsWith('Server configuration'))).toBe(false);
  });

  test('error response: the nginx configuration adds `always` to the headers the endpoint already sends, and suggests no new header', async () => {
    const url = `${server.apiOrigin}/api/cause-error-response/${ERROR_STEP}`;
    const detail = await openDetail(panel, url);
    expect(detail.headings).not.toContain('Suggested fix');
    const nginx = await chooseServer(panel, 'nginx');
    expect(nginx).toContain(`add_header Access-Control-Allow-Origin "${server.pageOrigin}" always;`);
    expect(nginx).toContain('add_header Vary "Origin" always;');
    expect(nginx).not.toMatch(/Allow-Credentials|Allow-Methods|Allow-Headers/);
    expect(detail.message).toContain('502');
    await screenshotDevtools(devtools, join(ROOT, '.tmp', 'causes-panel.png') as `${string}.png`);
  });
});

/** The latest state of the exchange whose first URL is `url`. */
function recordedFor(list: readonly RecordedExchange[], url: string): RecordedExchange | undefined {
  return list.filter((r) => r.exchange.hops[0]?.request.url === url).sort((a, b) => a.seq - b.seq).at(-1);
}

describe('firefox: the same causes from what Firefox records', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let list: Call[] = [];
  const pageSaw = new Map<string, RunResult>();
  let recorded: readonly RecordedExchange[] = [];

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start({ scenarios: CAUSE_SCENARIOS });
    list = calls(server, await refusedOrigin());
    launched = await launch('firefox', { extensionDir: FIREFOX_DIR });
    // The same declarativeNetRequest block rule, as a second temporary add-on.
    await launched.browser.installExtension(writeBlockerExtension(`/api/${BLOCKED_ID}/`));
    const ext = await extensionPage(launched.browser, 'firefox');
    await setRecordAllTabs(ext);
    const page = await launched.browser.newPage();
    await page.goto(`${server.pageOrigin}/?e2e=causes`);
    await pageFetch(page, 'ok', `${server.apiOrigin}/api/cause-error-response/${OK_STEP}`);
    for (const c of list) pageSaw.set(c.id, await c.run(page));
    const snap = await snapshotWhen(ext, server.pageOrigin, (s) => list.every((c) => recordedFor(s.exchanges, c.url)));
    recorded = snap.exchanges;
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test.each(CAUSE_SCENARIOS.map((s) => s.id).concat('cause-no-response'))('%s', (id) => {
    const c = list.find((x) => x.id === id);
    if (!c) throw new Error(id);
    expect(pageSaw.get(id)?.outcome).toBe('threw');
    const entry = recordedFor(recorded, c.url);
    expect(entry, `Firefox recorded nothing for ${c.url}`).toBeDefined();
    if (!entry) return;
    // The panel's own computation (src/panel/state/cause-view.ts): context from the whole log.
    const cause = findCause(entry.exchange, entry.analysis, buildRecordingContext(recorded.map((r) => r.exchange)));
    expect(cause?.code, `${id}: ${JSON.stringify(entry.exchange.error)} ${entry.analysis.verdict} ${entry.analysis.reasons[0]?.code}`).toBe(c.cause);
    expect(cause?.fix).toMatch(FIX_SAYS[c.cause] as RegExp);
    expect(entry.analysis.verdict).not.toBe('allowed');
  });
});
