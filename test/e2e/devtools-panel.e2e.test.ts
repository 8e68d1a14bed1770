// End-to-end: the real CORS panel inside real Chrome DevTools (`devtools: true`), driven
// like a user drives it, against the `npm start` demo gallery (scripts/demo-gallery.ts). Its rows
// must match what the page saw, the keyboard must open a blocked row's explanation, and when the
// service worker is stopped the panel must reconnect and resynchronise without losing or
// duplicating a row. Its screenshot (.tmp/devtools-panel-e2e.png) is what docs/cors-panel.png, in the README, is copied from;
// its HAR of the demo (.tmp/demo-chromium.har, CDP Network events) is what test/har-samples/demo-chromium.har,
// the README's compact CLI example, is copied from.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_SCENARIOS, galleryHtml } from '../../scripts/demo-gallery';
import { foldedEndpointOf } from '../../src/core/endpoint';
import { isNoCors, scenarioById } from '../scenarios/catalogue';
import type { PageOutcome } from '../scenarios/types';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchChromium } from '../support/browsers';
import { CdpHarRecorder } from '../support/cdp-har';
import { dockToBottom, growDevtools, openCorsPanel, screenshotDevtools } from '../support/devtools-panel';
import { CHROME_DIR, ensureExtensionBuilt, ROOT } from '../support/ensure-extension';
import { stopWorker } from '../support/extension-log';
import { harFile } from '../support/har';
import { type PanelSummary, readSummary, renderedRows, rowsWithUrl, setFilterText, summaryWhen } from '../support/panel-dom';

/** ExchangeRow's fixed height and ExchangeList's overscan (src/panel/components). */
const ROW_HEIGHT = 22;
const OVERSCAN = 8;
/** Calls made after the worker restart: enough that the list outgrows its view (virtualisation). */
const AFTER_RESTART = 48;

interface Call {
  readonly url: string;
  readonly outcome: PageOutcome;
  readonly type: 'simple' | 'preflighted' | 'no-cors';
}

interface Tally {
  readonly blocked: number;
  readonly preflighted: number;
  readonly simple: number;
  readonly noCors: number;
  readonly total: number;
}

function tally(calls: readonly Call[]): Tally {
  const n = (p: (c: Call) => boolean): number => calls.filter(p).length;
  return {
    blocked: n((c) => c.outcome === 'threw'),
    preflighted: n((c) => c.type === 'preflighted'),
    simple: n((c) => c.type === 'simple'),
    noCors: n((c) => c.type === 'no-cors'),
    total: calls.length,
  };
}

const countsOf = (s: PanelSummary): Tally => ({ blocked: s.blocked, preflighted: s.preflighted, simple: s.simple, noCors: s.noCors, total: s.total });

/** The summary once it shows `want` (rows arrive, and may be updated, asynchronously); on timeout, as it is, for the assertion's diff. */
function settledSummary(panel: Frame, want: Tally): Promise<PanelSummary> {
  return summaryWhen(panel, (s) => JSON.stringify(countsOf(s)) === JSON.stringify(want)).catch(() => readSummary(panel));
}

describe('chromium: the CORS panel in real DevTools', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let page: Page;
  let devtools: Page;
  let panel: Frame;
  let cdp: CdpHarRecorder;
  /** Every call the demo page made, in order, with what the page saw. */
  let demoCalls: Call[] = [];

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start({ pages: { '/demo.html': galleryHtml() } });
    launched = await launchChromium({ extensionDir: CHROME_DIR, devtools: true, extraArgs: ['--window-size=1400,1000'] });
    const [first] = await launched.browser.pages();
    if (!first) throw new Error('Chromium opened no tab');
    page = first;
    cdp = await CdpHarRecorder.attach(await page.createCDPSession());
    // The panel is open before the demo loads, so its rows arrive live, as a developer would see them.
    ({ devtools, panel } = await openCorsPanel(launched.browser));
    await dockToBottom(devtools);
    await growDevtools(devtools);
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('lists every call of the demo with the verdict the page saw, and counts them in the summary bar', async () => {
    await page.goto(`${server.pageOrigin}/demo.html`);
    await page.waitForFunction(() => (window as unknown as { demoDone?: Promise<boolean> }).demoDone !== undefined);
    await page.evaluate(() => (window as unknown as { demoDone: Promise<boolean> }).demoDone);
    // What the page saw, from the gallery's own badges; the type from what reached the wire.
    const outcomes = await page.$$eval('.card', (cards) => cards.map((c) => [c.id.replace(/^card-/, ''), c.querySelector('.badge')?.className ?? ''] as const));
    demoCalls = outcomes.flatMap(([id, badge]) => {
      const s = scenarioById(id);
      if (!s) throw new Error(`the gallery shows unknown scenario ${id}`);
      const outcome: PageOutcome = badge.includes('threw') ? 'threw' : 'resolved';
      if (!badge.includes(outcome)) throw new Error(`card ${id} has no outcome: ${badge}`);
      // A repeated call that threw once cannot tell which run threw; the demo repeats only passing calls.
      if ((s.page.repeat ?? 1) > 1 && outcome === 'threw') throw new Error(`repeated scenario ${id} threw: ambiguous`);
      const origin = { page: server.pageOrigin, api: server.apiOrigin, site: server.siteOrigin }[s.page.target ?? 'api'];
      const preflighted = server.requests(id).some((r) => r.method === 'OPTIONS');
      const type = isNoCors(s) ? 'no-cors' : preflighted ? 'preflighted' : 'simple';
      return Array.from({ length: s.page.repeat ?? 1 }, (): Call => ({ url: `${origin}/api/${id}/${s.page.step ?? 'main'}`, outcome, type }));
    });
    expect(outcomes.map(([id]) => id)).toEqual([...DEMO_SCENARIOS]);
    const want = tally(demoCalls);
    expect(want.blocked).toBeGreaterThan(3);
    expect(want.preflighted).toBeGreaterThan(3);

    expect(countsOf(await settledSummary(panel, want))).toEqual(want);
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    const version = await (launched as LaunchedBrowser).browser.version();
    const har = harFile({ name: 'chromium', version }, page.url(), Date.now(), cdp.entries((u) => !u.endsWith('/favicon.ico')), {
      scenario: 'demo', browser: 'chromium', browserVersion: version, pageOutcome: 'threw', source: 'cdp-network', pageResult: Object.fromEntries(outcomes),
    });
    writeFileSync(join(ROOT, '.tmp/demo-chromium.har'), `${JSON.stringify(har, null, 2)}\n`);

    // The list is virtualised: find each call's row through the filter box, not by assuming it is rendered.
    const seen: { url: string; rows: number; verdicts: string[]; types: string[] }[] = [];
    const expected: typeof seen = [];
    for (const url of [...new Set(demoCalls.map((c) => c.url))]) {
      const mine = demoCalls.filter((c) => c.url === url);
      const { rows } = await rowsWithUrl(panel, url);
      seen.push({ url, rows: rows.length, verdicts: rows.map((r) => (r.verdict === 'blocked' ? 'blocked' : 'passed')), types: rows.map((r) => r.type) });
      expected.push({ url, rows: mine.length, verdicts: mine.map((c) => (c.outcome === 'threw' ? 'blocked' : 'passed')), types: mine.map((c) => c.type) });
    }
    expect(seen).toEqual(expected);
    await setFilterText(panel, '');
    const height = await panel.$eval('[data-testid="list-scroll"]', (e) => e.clientHeight);
    expect((await renderedRows(panel)).length).toBeLessThanOrEqual(Math.min(want.total, Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN + 1));
  });

  test('the keyboard opens a blocked row: the reason, Chrome\'s error name and the fix; screenshot for the README', async () => {
    const firstBlocked = demoCalls.find((c) => c.outcome === 'threw');
    if (!firstBlocked) throw new Error('the demo made no blocked call');
    await panel.focus('[data-testid="list-scroll"]');
    let selected: string | undefined;
    for (let i = 0; i < demoCalls.length && selected === undefined; i += 1) {
      await devtools.keyboard.press('ArrowDown');
      // The list marks the selection as its active descendant; wait for it before the next key.
      await panel.waitForFunction((id: string) => document.querySelector('[data-testid="list-scroll"]')?.getAttribute('aria-activedescendant') === id, { timeout: 5_000 }, `row-${i}`);
      const row = (await renderedRows(panel)).find((r) => r.selected);
      if (row?.verdict === 'blocked') selected = row.url;
    }
    expect(selected).toBe(firstBlocked.url);
    const reasonInRow = (await renderedRows(panel)).find((r) => r.selected)?.reason ?? '';
    await devtools.keyboard.press('Enter');
    await panel.waitForSelector('aside.detail', { timeout: 5_000 });

    const detail = await panel.$eval('aside.detail', (aside) => {
      const texts = (sel: string): string[] => [...aside.querySelectorAll(sel)].map((e) => (e as HTMLElement).innerText.trim());
      const wording = [...aside.querySelectorAll('.wording dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.querySelector('code')?.textContent ?? '']);
      return { url: aside.querySelector('h2 .url')?.textContent ?? '', headings: texts('h3'), reasons: texts('.reason-message'), wording: Object.fromEntries(wording), fix: texts('.fix-set pre.code').join('\n') };
    });
    const chrome = cdp.corsErrorStatus((url) => url === firstBlocked.url);
    expect(chrome, 'CDP reported no corsErrorStatus for the blocked call').toBeDefined();
    expect(detail.url).toBe(firstBlocked.url);
    expect(reasonInRow).not.toBe('');
    expect(detail.reasons[0]).toBe(reasonInRow);
    expect(detail.wording['Chrome']).toBe(chrome?.corsError);
    expect(detail.wording['Firefox']).toMatch(/^CORS[A-Za-z]+$/);
    expect(detail.headings.map((h) => h.toLowerCase())).toEqual(expect.arrayContaining(['why', 'suggested fix']));
    expect(detail.fix).toMatch(/^Access-Control-Allow-[A-Za-z-]+: \S/m);
    if (chrome?.corsError === 'MissingAllowOriginHeader') expect(detail.fix.split('\n')).toContain(`Access-Control-Allow-Origin: ${server.pageOrigin}`);

    // Written under .tmp/ (a test run must not dirty the checkout); docs/cors-panel.png, which
    // the README shows, is a reviewed copy of it.
    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    await screenshotDevtools(devtools, join(ROOT, '.tmp', 'devtools-panel-e2e.png') as `${string}.png`);
  });

  test('the Problems view: each blocked endpoint once with the number of blocked calls; an affected exchange opens its details', async () => {
    await panel.click('#view-problems');
    await panel.waitForSelector('[data-testid="problem-list"] [role="option"]', { timeout: 10_000 });
    const problems = await panel.$$eval('[data-testid="problem-list"] [role="option"]', (rows) =>
      rows.map((r) => {
        const el = r as HTMLElement;
        return { id: el.dataset['problemId'] ?? '', kind: el.dataset['kind'] ?? '', code: el.dataset['code'] ?? '', count: Number(el.dataset['count']), endpoint: el.querySelector('.url')?.textContent ?? '' };
      }),
    );
    expect(await panel.$eval('#view-problems', (b) => b.textContent)).toBe(`Problems (${problems.length})`);
    expect(new Set(problems.map((p) => p.id)).size).toBe(problems.length);
    // What the page saw: every call that threw, by endpoint. Each blocked exchange is in exactly one blocked problem.
    const threw: Record<string, number> = {};
    for (const c of demoCalls.filter((c) => c.outcome === 'threw')) threw[foldedEndpointOf(c.url)] = (threw[foldedEndpointOf(c.url)] ?? 0) + 1;
    const blockedByEndpoint: Record<string, number> = {};
    for (const p of problems.filter((p) => p.kind === 'blocked')) blockedByEndpoint[p.endpoint] = (blockedByEndpoint[p.endpoint] ?? 0) + p.count;
    expect(blockedByEndpoint).toEqual(threw);
    // A missing Vary: Origin is one setting of the API server: one security problem naming its routes
    // (the demo's echo without Vary among them), not a problem per route.
    const noVary = problems.filter((p) => p.code === 'allow-origin-without-vary');
    expect(noVary.map((p) => p.kind)).toEqual(['security']);
    expect(noVary[0]?.endpoint).toMatch(new RegExp(`^\\d+ endpoints of ${server.apiOrigin}$`));

    // Select the first blocked call's problem, then its affected exchange: today's detail view opens on it.
    const firstBlocked = demoCalls.find((c) => c.outcome === 'threw');
    const target = problems.find((p) => p.kind === 'blocked' && p.endpoint === foldedEndpointOf(firstBlocked?.url ?? ''));
    if (!firstBlocked || !target) throw new Error('no blocked problem for the first blocked call');
    await panel.click(`[data-problem-id="${target.id}"]`);
    await panel.waitForSelector(`aside.problem-detail[data-problem-id="${target.id}"]`, { timeout: 5_000 });
    const shown = await panel.$eval('aside.problem-detail', (aside) => ({
      count: aside.querySelector('[data-testid="problem-count"]')?.textContent ?? '',
      headings: [...aside.querySelectorAll('h3')].map((h) => h.textContent ?? ''),
      affected: [...aside.querySelectorAll('[data-testid="affected-exchanges"] button .url')].map((u) => u.textContent ?? ''),
    }));
    expect(shown.count).toMatch(new RegExp(`^${target.count} exchanges? · from ${server.pageOrigin}$`));
    expect(shown.headings.filter((h) => h === 'Suggested fix' || h === 'Server configuration' || h === 'Server configuration for this cause').length).toBeGreaterThan(0);
    expect(shown.affected).toEqual(Array.from({ length: target.count }, () => firstBlocked.url));
    await panel.click('[data-testid="affected-exchanges"] button');
    await panel.waitForSelector('aside.detail[aria-label="Exchange details"]', { timeout: 5_000 });
    const opened = await panel.$eval('aside.detail[aria-label="Exchange details"]', (aside) => ({
      url: aside.querySelector('h2 .url')?.textContent ?? '',
      headings: [...aside.querySelectorAll('h3')].map((h) => (h.textContent ?? '').toLowerCase()),
    }));
    expect(opened.url).toBe(firstBlocked.url);
    expect(opened.headings).toEqual(expect.arrayContaining(['why', 'exchange']));
    // Back to the list, as the next test expects it.
    await panel.click('aside.detail[aria-label="Exchange details"] button.close');
    await panel.click('#view-exchanges');
    await panel.waitForSelector('[data-testid="list-scroll"]', { timeout: 5_000 });
  });

  test('reconnects after the service worker stops: every earlier row once, and the new ones', async () => {
    const before = await readSummary(panel);
    expect(before.total).toBe(demoCalls.length);
    // The reconnect banner is transient; record that the panel showed it.
    await panel.evaluate(() => {
      const w = window as unknown as { sawReconnect?: boolean };
      w.sawReconnect = false;
      new MutationObserver(() => {
        if (document.body.innerText.includes('reconnecting')) w.sawReconnect = true;
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    // Let the recorder's batched write (250 ms) land first, as Chrome stops only an idle worker.
    await new Promise((r) => setTimeout(r, 1_000));
    const stopped = await stopWorker(page);

    // Unique paths: half answered with Allow-Origin: * (/api/open), half by a 404 without it.
    const urls = Array.from({ length: AFTER_RESTART }, (_, i) => (i % 2 === 0 ? `${server.apiOrigin}/api/open/after-restart-${i}` : `${server.apiOrigin}/api/after-restart-${i}/main`));
    const outcomes = await page.evaluate(async (list: string[]) => {
      const out: string[] = [];
      for (const u of list) out.push(await fetch(u).then(() => 'resolved', () => 'threw'));
      return out;
    }, urls);
    const newCalls: Call[] = urls.map((url, i) => ({ url, outcome: outcomes[i] === 'threw' ? 'threw' : 'resolved', type: 'simple' }));
    expect(newCalls.map((c) => c.outcome)).toEqual(urls.map((_, i) => (i % 2 === 0 ? 'resolved' : 'threw')));
    await stopped.runningAgain();

    const want = tally([...demoCalls, ...newCalls]);
    expect(countsOf(await settledSummary(panel, want))).toEqual(want);
    expect(await panel.evaluate(() => (window as unknown as { sawReconnect?: boolean }).sawReconnect)).toBe(true);

    // Each earlier and new row exactly once (twice for the demo's repeated call), through the filter box.
    const counts: Record<string, number> = {};
    const expectedCounts: Record<string, number> = {};
    for (const c of [...demoCalls, ...newCalls]) expectedCounts[c.url] = (expectedCounts[c.url] ?? 0) + 1;
    for (const url of Object.keys(expectedCounts)) {
      const { rows, summary } = await rowsWithUrl(panel, url);
      expect(summary.total).toBe(want.total);
      counts[url] = rows.length;
      const call = newCalls.find((c) => c.url === url);
      if (call) expect(rows[0]?.verdict === 'blocked', url).toBe(call.outcome === 'threw');
    }
    expect(counts).toEqual(expectedCounts);

    // Now the log outgrows the view: only a view's worth of rows is in the DOM, and scrolling brings in the last.
    await setFilterText(panel, '');
    const height = await panel.$eval('[data-testid="list-scroll"]', (e) => e.clientHeight);
    const capacity = Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN + 1;
    expect(capacity).toBeLessThan(want.total);
    expect((await renderedRows(panel)).length).toBeLessThanOrEqual(capacity);
    await panel.$eval('[data-testid="list-scroll"]', (e) => e.scrollTo(0, e.scrollHeight));
    await panel.waitForFunction((url: string) => [...document.querySelectorAll('[data-testid="list-scroll"] .c-url')].some((c) => c.getAttribute('title') === url), { timeout: 5_000 }, urls.at(-1) ?? '');
    const bottom = (await renderedRows(panel)).map((r) => r.url);
    expect(bottom.length).toBeLessThanOrEqual(capacity);
    expect(bottom).not.toContain(demoCalls[0]?.url);
  });
});
