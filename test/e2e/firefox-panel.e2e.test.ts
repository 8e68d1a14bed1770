// The CORS panel's own UI in real Firefox ESR. Puppeteer cannot open Firefox DevTools and BiDi
// cannot navigate to moz-extension: URLs, so this drives the page a temporary install opens
// itself (src/background/index.ts: `panel.html?standalone=1`): the tab picker, then the same
// Preact panel bound to the chosen tab. Its rows must match what the page saw, a blocked row must
// open its explanation, and markup from a hostile server must stay text. Screenshot:
// .tmp/firefox-panel.png. Chromium's DevTools panel is covered by devtools-panel.e2e.test.ts.

import { mkdirSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { main, ok } from '../scenarios/builders';
import { catalogue, scenarioById } from '../scenarios/catalogue';
import type { RunResult, Scenario } from '../scenarios/types';
import { start, type ScenarioServer } from '../server/scenario-server';
import { FIREFOX_PATH, launchFirefox, type LaunchedBrowser } from '../support/browsers';
import { ensureExtensionBuilt, FIREFOX_DIR, ROOT } from '../support/ensure-extension';
import { extensionPage, setRecordAllTabs } from '../support/extension-log';
import { type PanelSummary, readSummary, renderedRows, summaryWhen, pageVerdict } from '../support/panel-dom';
import { runOnPage } from '../support/runner-calls';

// No space or comma in IMG (`/` separates HTML attributes as well): Firefox ESR 153 calls one
// Allow-Origin line holding a space or comma CORSAllowOriginNotMatchingOrigin (only duplicate lines
// are CORSMultipleAllowOriginNotAllowed), while the analyzer calls both "multiple". That is the
// analyzer's wording, not the panel's, so this markup keeps the two out of each other's way.
const IMG = '<img/src=x/onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script>';

/** A server that answers with markup: blocked (an invalid Allow-Origin), whatever the credentials. */
const HOSTILE: Scenario = {
  id: 'hostile-allow-origin-markup',
  description: 'credentials: include, Allow-Origin and another header are HTML markup',
  page: { initiator: 'fetch', credentials: 'include' },
  steps: main(ok(['Access-Control-Allow-Origin', IMG], ['X-Note', SCRIPT])),
  expected: 'threw',
};

// Credentialed where the outcome depends on it (a Cookie is sent, so Firefox's record decides),
// simple and preflighted, allowed and blocked. The first part runs before the panel attaches (it
// arrives as the snapshot), the rest after (live rows).
const BEFORE = ['credentials-exact-origin-true', 'credentials-wildcard-origin', 'simple-get-missing-allow-origin', 'preflight-headers-authorization-explicit-credentials'];
const AFTER = ['preflight-status-404', 'credentials-allow-credentials-uppercase', HOSTILE.id];
/** The blocked row whose details the test opens (simple, credentialed: the fix names the page origin). */
const OPENED = 'credentials-wildcard-origin';

interface Call {
  readonly id: string;
  readonly url: string;
  readonly outcome: RunResult['outcome'];
  readonly type: 'simple' | 'preflighted';
}

/**
 * Firefox's own CORS error names, read from the installed browser: its console messages come from
 * security.properties (keys such as `CORSMissingAllowOrigin2`; MDN's page names drop the version
 * digit). Returns a function from a logged message to its name.
 */
function firefoxErrorNamer(): (message: string) => string | undefined {
  const omni = join(dirname(realpathSync(FIREFOX_PATH)), 'omni.ja');
  const file = 'chrome/en-US/locale/en-US/global/security/security.properties';
  const text = strFromU8(unzipSync(new Uint8Array(readFileSync(omni)), { filter: (f) => f.name === file })[file] ?? new Uint8Array());
  const templates = text.split('\n').flatMap((line) => {
    const m = /^(CORS\w+?)\d*=(.*)$/.exec(line);
    if (!m?.[1] || m[2] === undefined) return [];
    const pattern = m[2].split(/%\d\$S/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.*?');
    return [{ name: m[1], pattern: new RegExp(`^(?:Error: )?${pattern}$`, 's') }];
  });
  if (templates.length < 10) throw new Error(`found only ${templates.length} CORS messages in ${omni}`);
  return (message) => templates.find((t) => t.pattern.test(message))?.name;
}

const countsOf = (s: PanelSummary) => ({ blocked: s.blocked, preflighted: s.preflighted, simple: s.simple, total: s.total });

describe('firefox: the CORS panel UI in the standalone tab', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let page: Page;
  let ext: Page;
  let panel: Frame;
  const calls: Call[] = [];
  /** What Firefox itself logged to the scenario page's console (BiDi reports it as page errors). */
  const firefoxSaid: string[] = [];

  const run = async (ids: readonly string[]): Promise<void> => {
    for (const id of ids) {
      const result = await runOnPage(page, id);
      const preflighted = server.requests(id).some((r) => r.method === 'OPTIONS');
      calls.push({ id, url: `${server.apiOrigin}/api/${id}/main`, outcome: result.outcome, type: preflighted ? 'preflighted' : 'simple' });
    }
  };

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start({ scenarios: [...catalogue, HOSTILE] });
    launched = await launchFirefox({ extensionDir: FIREFOX_DIR });
    ext = await extensionPage(launched.browser, 'firefox');
    await setRecordAllTabs(ext);
    page = await launched.browser.newPage();
    page.on('pageerror', (e) => firefoxSaid.push(e instanceof Error ? e.message : String(e)));
    // The runner page sets the same-site cookie, so `credentials: 'include'` really sends one.
    await page.goto(`${server.pageOrigin}/?e2e=firefox-panel`);
    await run(BEFORE);
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('the tab picker lists the scenario tab; clicking it shows that tab\'s log, snapshot and live rows', async () => {
    // The picker lists tabs once, when it loads: the scenario tab opened later, so reload it as a user would.
    await ext.evaluate(() => location.reload());
    await ext.waitForFunction((o: string) => [...document.querySelectorAll('.tab-picker button')].some((b) => b.textContent?.includes(o)), { timeout: 10_000 }, server.pageOrigin);
    const listed = await ext.$$eval('.tab-picker button', (bs) => bs.map((b) => b.textContent ?? ''));
    expect(listed.some((t) => t.includes('moz-extension:'))).toBe(false);
    const buttons = await ext.$$('.tab-picker button');
    const texts = await Promise.all(buttons.map((b) => b.evaluate((e) => e.textContent ?? '')));
    const target = buttons[texts.findIndex((t) => t.includes(`${server.pageOrigin}/`))];
    if (!target) throw new Error(`the picker does not list the scenario tab: ${texts.join(' | ')}`);
    await ext.bringToFront();
    await target.click();
    await ext.waitForSelector('[data-testid="summary"]', { timeout: 10_000 });
    panel = ext.mainFrame();

    await run(AFTER);
    const want = {
      blocked: calls.filter((c) => c.outcome === 'threw').length,
      preflighted: calls.filter((c) => c.type === 'preflighted').length,
      simple: calls.filter((c) => c.type === 'simple').length,
      total: calls.length,
    };
    // The scenarios cover both verdicts and both types, or this test proves less than it says.
    expect(want.blocked).toBeGreaterThanOrEqual(3);
    expect(want.total - want.blocked).toBeGreaterThanOrEqual(2);
    expect(want.preflighted).toBeGreaterThanOrEqual(2);
    const summary = await summaryWhen(panel, (s) => JSON.stringify(countsOf(s)) === JSON.stringify(want)).catch(() => readSummary(panel));
    expect(countsOf(summary), summary.text).toEqual(want);

    const rows = await renderedRows(panel);
    expect(rows).toHaveLength(calls.length);
    const seen = calls.map((c) => ({ id: c.id, page: pageVerdict(rows.find((r) => r.url === c.url)), type: rows.find((r) => r.url === c.url)?.type }));
    expect(seen).toEqual(calls.map((c) => ({ id: c.id, page: c.outcome, type: c.type })));
  });

  test('hostile header values render as text: no element comes of them, in the row or its details', async () => {
    const call = calls.find((c) => c.id === HOSTILE.id);
    const hostileRow = (await renderedRows(panel)).find((r) => r.url === call?.url);
    expect(hostileRow?.verdict).toBe('blocked');
    expect(hostileRow?.reason).toContain(IMG);
    const inRows = await panel.$$eval('[data-testid="list-scroll"] [role="row"] :is(img, script, svg)', (els) => els.length);
    expect(inRows).toBe(0);
    const detail = await openDetail(call?.url ?? '');
    expect(detail.text).toContain(IMG);
    expect(detail.text).toContain(SCRIPT);
    expect(await panel.$$eval('#app :is(img, script, svg, iframe, object)', (els) => els.map((e) => e.outerHTML))).toEqual([]);
    expect(await panel.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('clicking each blocked row opens the reason, Firefox\'s own error name and a fix; screenshot', async () => {
    const nameOf = firefoxErrorNamer();
    // The opened row last, so the screenshot shows it.
    const blocked = calls.filter((c) => c.outcome === 'threw').sort((a, b) => Number(a.id === OPENED) - Number(b.id === OPENED));
    const seen: Record<string, { firefox: string | undefined; reasonMatchesRow: boolean; headings: string[]; fixLine: boolean }> = {};
    const want: typeof seen = {};
    for (const call of blocked) {
      const reasonInRow = (await renderedRows(panel)).find((r) => r.url === call.url)?.reason ?? '';
      const detail = await openDetail(call.url);
      // Firefox logs one message per failed fetch (a failed preflight adds one for the actual request): its first for this URL names the cause.
      const logged = firefoxSaid.find((m) => m.includes(call.url));
      seen[call.id] = {
        firefox: detail.wording['Firefox'],
        reasonMatchesRow: reasonInRow !== '' && detail.reasons[0] === reasonInRow,
        headings: detail.headings.map((h) => h.toLowerCase()).filter((h) => h === 'why' || h === 'suggested fix'),
        fixLine: /^Access-Control-Allow-[A-Za-z-]+: \S/m.test(detail.fix) || /preflight \(OPTIONS\) with status 2\d\d/.test(detail.fixNote),
      };
      want[call.id] = { firefox: logged === undefined ? `(Firefox logged nothing for ${call.url})` : (nameOf(logged) ?? `(unrecognised: ${logged})`), reasonMatchesRow: true, headings: ['why', 'suggested fix'], fixLine: true };
    }
    expect(seen).toEqual(want);

    // The opened row (Allow-Origin: * with credentials): the fix names the page's origin instead.
    const opened = await openDetail(calls.find((c) => c.id === OPENED)?.url ?? '');
    expect(scenarioById(OPENED)?.page.credentials).toBe('include');
    expect(opened.fix.split('\n')).toEqual(expect.arrayContaining([`Access-Control-Allow-Origin: ${server.pageOrigin}`, 'Access-Control-Allow-Credentials: true']));

    mkdirSync(join(ROOT, '.tmp'), { recursive: true });
    await ext.screenshot({ path: join(ROOT, '.tmp', 'firefox-panel.png') as `${string}.png` });
  });

  /** Click the row of `url` as a user would and read the details it opens. */
  async function openDetail(url: string) {
    const rows = await panel.$$('[data-testid="list-scroll"] [role="row"]');
    const urls = await Promise.all(rows.map((h) => h.$eval('.c-url', (e) => e.getAttribute('title') ?? '')));
    const row = rows[urls.indexOf(url)];
    if (!row) throw new Error(`no row for ${url}: ${urls.join(', ')}`);
    await row.click();
    await panel.waitForFunction((u: string) => document.querySelector('aside.detail h2 .url')?.textContent === u, { timeout: 5_000 }, url);
    return panel.$eval('aside.detail', (aside) => {
      const texts = (sel: string): string[] => [...aside.querySelectorAll(sel)].map((e) => (e as HTMLElement).innerText.trim());
      const wording = [...aside.querySelectorAll('.wording dt')].map((dt) => [dt.textContent ?? '', dt.nextElementSibling?.querySelector('code')?.textContent ?? '']);
      return {
        text: aside.textContent ?? '',
        headings: texts('h3'),
        reasons: texts('.reason-message'),
        wording: Object.fromEntries(wording) as Record<string, string>,
        fix: texts('.fix-set pre.code').join('\n'),
        fixNote: [...aside.querySelectorAll('section')].find((sec) => sec.querySelector('h3')?.textContent === 'Suggested fix')?.textContent ?? '',
      };
    });
  }
});
