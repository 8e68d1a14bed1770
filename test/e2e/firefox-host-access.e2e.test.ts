// Host access in real Firefox ESR. Firefox lets the user revoke an MV3 extension's `<all_urls>`;
// webRequest then reports nothing for web pages, and the panel must say so and offer a grant
// (src/platform/host-access.ts, HostAccessBanner) rather than show an empty list. Like
// firefox-panel.e2e.test.ts this drives the standalone panel tab a temporary install opens, since
// BiDi cannot navigate to moz-extension: URLs.
//
// What Firefox ESR 153 does here (observed with this test):
// - `permissions.remove({origins: ['<all_urls>']})` from an extension page resolves true at once and
//   fires permissions.onRemoved in the background; `contains` is then false.
// - Without host access `tabs.query` hides every web tab's `url` and `title`, so the tab picker
//   lists those tabs by id ("address hidden").
// - `permissions.request` outside a user gesture throws "may only be called from a user input
//   handler"; a puppeteer click counts as one. With the default prefs it then waits on a doorhanger
//   in the browser's own UI, which BiDi cannot reach (it stays pending), so the profile sets
//   `extensions.webextOptionalPermissionPrompts: false`: Firefox's ext-permissions.js then skips
//   the prompt and grants, for origins (host permissions) exactly as for API permissions.

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { catalogue, scenarioById } from '../scenarios/catalogue';
import { start, type ScenarioServer } from '../server/scenario-server';
import { launchFirefox, type LaunchedBrowser } from '../support/browsers';
import { ensureExtensionBuilt, FIREFOX_DIR } from '../support/ensure-extension';
import { extensionPage, setRecordAllTabs } from '../support/extension-log';
import { readSummary, renderedRows, summaryWhen, pageVerdict } from '../support/panel-dom';
import { runAllOnPage } from '../support/runner-calls';

/** The same calls before the revocation is undone (unseen) and after (one row each): both types, both verdicts. */
const CALLS = [
  { id: 'simple-get-exact-origin', type: 'simple' },
  { id: 'simple-get-missing-allow-origin', type: 'simple' },
  { id: 'preflight-put-allowed', type: 'preflighted' },
  { id: 'preflight-status-404', type: 'preflighted' },
] as const;

const BANNER_TEXT = "CORS Lens cannot see this site's requests";

describe('firefox: a revoked host permission shows the grant prompt, and granting restores recording', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let page: Page;
  let ext: Page;

  /** Runs on the extension page: Firefox's own `browser.permissions`, not the panel's code. */
  const hasAllUrls = (): Promise<boolean> =>
    ext.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.contains({ origins: ['<all_urls>'] }));

  const runCalls = async (): Promise<string[]> => (await runAllOnPage(page, CALLS.map((c) => c.id))).map((r) => r.outcome);

  /** The HostAccessBanner (role="alert"), or null. */
  const banner = (): Promise<string | null> =>
    ext.evaluate((t: string) => [...document.querySelectorAll('[role="alert"]')].map((e) => e.textContent ?? '').find((s) => s.includes(t)) ?? null, BANNER_TEXT);

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start({ scenarios: catalogue });
    launched = await launchFirefox({ extensionDir: FIREFOX_DIR, firefoxPrefs: { 'extensions.webextOptionalPermissionPrompts': false } });
    ext = await extensionPage(launched.browser, 'firefox');
    await setRecordAllTabs(ext);
    page = await launched.browser.newPage();
  });

  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('after permissions.remove the scenario calls are unseen, and the panel shows the banner with "Grant access"', async () => {
    // Learn the tab's id while Firefox still shows the extension its URL; the picker lists it by id afterwards.
    await page.goto(`${server.pageOrigin}/?e2e=firefox-host-access`);
    const tabId = await ext.evaluate(async (o: string) => {
      const tabs = await (globalThis as unknown as { browser: typeof chrome }).browser.tabs.query({});
      return tabs.find((t) => t.url?.startsWith(o))?.id;
    }, server.pageOrigin);
    expect(tabId).toBeTypeOf('number');
    expect(await hasAllUrls()).toBe(true);

    // What a user does in about:addons → Permissions ("Access your data for all websites" off).
    expect(await ext.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.remove({ origins: ['<all_urls>'] }))).toBe(true);
    expect(await hasAllUrls()).toBe(false);

    // A fresh load of the page and its calls, all without access. The server logs them: they really happened.
    await page.goto(`${server.pageOrigin}/?e2e=firefox-host-access`);
    expect(await runCalls()).toEqual(CALLS.map((c) => scenarioById(c.id)?.expected));
    for (const { id } of CALLS) expect(server.requests(id).length, id).toBeGreaterThan(0);

    // The picker lists tabs once, when it loads: reload it, as a user would, and pick the scenario tab.
    await ext.evaluate(() => location.reload());
    const label = `tab ${String(tabId)}, address hidden`;
    const pick = await ext.waitForSelector(`::-p-text("${label}")`, { timeout: 10_000 });
    await ext.bringToFront();
    await pick?.click();
    await ext.waitForSelector('[data-testid="summary"]', { timeout: 10_000 });

    // Not an empty list on its own: the banner says why, and nothing was recorded.
    await ext.waitForFunction((t: string) => [...document.querySelectorAll('[role="alert"]')].some((e) => e.textContent?.includes(t)), { timeout: 10_000 }, BANNER_TEXT);
    const seen = { banner: await banner(), total: (await readSummary(ext.mainFrame())).total, rows: (await renderedRows(ext.mainFrame())).length };
    expect(seen).toEqual({ banner: expect.stringContaining('Grant access') as unknown, total: 0, rows: 0 });
  });

  test('a real click on "Grant access" grants <all_urls>, hides the banner, and the same calls become rows', async () => {
    // permissions.request needs a user gesture: a puppeteer click (BiDi input actions) is one, page.evaluate is not.
    const grant = await ext.waitForSelector('::-p-text(Grant access)', { timeout: 5_000 });
    await ext.bringToFront();
    await grant?.click();
    // The banner goes once the background re-reads the permission (onAdded, and the panel's hostAccessChanged).
    await ext.waitForFunction((t: string) => ![...document.querySelectorAll('[role="alert"]')].some((e) => e.textContent?.includes(t)), { timeout: 10_000 }, BANNER_TEXT);
    expect(await hasAllUrls()).toBe(true);

    // No reload: the page is the one loaded without access; only calls from now on can be seen.
    expect(await runCalls()).toEqual(CALLS.map((c) => scenarioById(c.id)?.expected));
    const panel = ext.mainFrame();
    const summary = await summaryWhen(panel, (s) => s.total === CALLS.length).catch(() => readSummary(panel));
    expect(summary.total, summary.text).toBe(CALLS.length);
    const rows = await renderedRows(panel);
    const got = CALLS.map(({ id }) => {
      const row = rows.find((r) => r.url === `${server.apiOrigin}/api/${id}/main`);
      return { id, page: pageVerdict(row), type: row?.type };
    });
    expect(got).toEqual(CALLS.map(({ id, type }) => ({ id, page: scenarioById(id)?.expected, type })));
    expect(await banner()).toBeNull();
  });
});
