// End-to-end: the active probe in real Chromium and Firefox ESR with the built extension.
// From an extension page, the test does what the panel's "Probe this endpoint" does: open the port
// `cors-lens:<tabId>`, say hello, send `probe` (src/core/protocol.ts) and read `probeUpdate` until
// the report is final. The loopback policy server logs every request as it arrived, so the test
// checks that the crafted Origin really reached it, that no cookie went out, and that the
// declarativeNetRequest session rule is gone afterwards.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ProbeReport } from '../../src/core/audit/probe-types';
import { startPolicyServer, type PolicyServer } from '../audit/misconfigured-server';
import { TRUSTED, type PolicyName } from '../audit/policies';
import { type BrowserName, type LaunchedBrowser, launch } from '../support/browsers';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR } from '../support/ensure-extension';
import { extensionPage, snapshotWhen, setRecordAllTabs } from '../support/extension-log';

/** Any tab id: the probe is not tied to a recorded tab, only the port's name and payload must agree. */
const TAB_ID = 424242;

function probeThroughPort(page: Page, url: string): Promise<ProbeReport> {
  return page.evaluate(
    (url: string, pageOrigin: string, tabId: number) => {
      type Api = typeof chrome;
      const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
      return new Promise<ProbeReport>((resolve, reject) => {
        const port = api.runtime.connect({ name: `cors-lens:${tabId}` });
        const timer = setTimeout(() => reject(new Error('no final probe report within 60 s')), 60_000);
        let started = false;
        type Update = { type: string; payload: { report?: ProbeReport; messages?: Update[] } };
        const onUpdate = (m: Update): void => {
          // The hub streams to a port only after its hello has been answered with a snapshot.
          if (m.type === 'snapshot' && !started) {
            started = true;
            port.postMessage({ type: 'probe', version: 1, payload: { tabId, action: 'start', target: { url, method: 'PUT', pageOrigin } } });
          }
          const report = m.payload.report;
          if (m.type !== 'probeUpdate' || !report || report.state === 'running') return;
          clearTimeout(timer);
          port.disconnect();
          resolve(report);
        };
        // Changes arrive batched in `updates` messages (protocol.ts), as the panel unpacks them.
        port.onMessage.addListener((m: Update) => (m.type === 'updates' ? m.payload.messages ?? [] : [m]).forEach(onUpdate));
        port.postMessage({ type: 'hello', version: 1, payload: { tabId, protocolVersion: 1 } });
      });
    },
    url,
    TRUSTED,
    TAB_ID,
  );
}

function sessionRules(page: Page): Promise<unknown[]> {
  return page.evaluate(async () => {
    type Api = typeof chrome;
    const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
    return api.declarativeNetRequest.getSessionRules();
  });
}

const CASES: ReadonlyArray<[PolicyName, string[]]> = [
  ['reflect-any', ['reflects-any-origin', 'allow-origin-null']],
  ['prefix-match', ['prefix-match']],
  ['correct', ['correct']],
];

describe.each<BrowserName>(['chromium', 'firefox'])('probe in %s', (name) => {
  let server: PolicyServer;
  let launched: LaunchedBrowser;
  let page: Page;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await startPolicyServer();
    launched = await launch(name, { extensionDir: name === 'chromium' ? CHROME_DIR : FIREFOX_DIR });
    page = await extensionPage(launched.browser, name);
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test.each(CASES)('%s is classified %j, and the crafted origins reached the server', async (policy, classification) => {
    const before = server.log.length;
    const report = await probeThroughPort(page, server.url(policy));
    expect(report.state, report.error).toBe('done');
    expect(report.classification).toEqual(classification);

    const received = server.log.slice(before).filter((r) => r.policy === policy);
    // Exactly what the report says was sent, in order: method, crafted Origin, requested method.
    expect(received.map((r) => [r.method, r.origin, r.requestMethod])).toEqual(
      report.sent.map((x) => [x.request.method, x.request.origin, x.request.stage === 'preflight' ? 'PUT' : null]),
    );
    expect(received.length).toBe(report.planned);
    expect(received.some((r) => r.origin === 'null')).toBe(true);
    expect(received.every((r) => r.cookie === null)).toBe(true);
    // No request went anywhere but the endpoint.
    expect(server.log.slice(before).every((r) => r.path === `/${policy}/data`)).toBe(true);
    expect(await sessionRules(page)).toEqual([]);
  });
});

// The same probe driven through the real panel UI: record a page's call, open it in the panel,
// click "Probe this endpoint", and read the result the panel renders.
describe('probe from the panel in chromium', () => {
  let server: PolicyServer;
  let launched: LaunchedBrowser;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await startPolicyServer();
    launched = await launch('chromium', { extensionDir: CHROME_DIR });
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('click on a recorded exchange → the panel shows the classification and what was sent', async () => {
    const { browser } = launched;
    const port = new URL(server.base).port;
    // localhost and 127.0.0.1 are different origins: the call is cross-origin and gets recorded.
    const pageUrl = `http://localhost:${port}/page/?api=${encodeURIComponent(server.url('reflect-any'))}`;
    const panel = await extensionPage(browser, 'chromium');
    await setRecordAllTabs(panel);
    const site = await browser.newPage();
    await site.goto(pageUrl);
    await site.waitForFunction(() => document.title === 'done');
    await snapshotWhen(panel, `http://localhost:${port}/page/`, (s) => s.exchanges.some((e) => e.exchange.hops[0]?.request.url === server.url('reflect-any')));
    const tabId = await panel.evaluate(async (prefix: string) => (await chrome.tabs.query({})).find((t) => t.url?.startsWith(prefix))?.id, `http://localhost:${port}/page/`);
    await panel.goto(panel.url().replace(/\?.*$/, `?tabId=${tabId}`));
    await panel.bringToFront();

    const before = server.log.length;
    const row = await panel.waitForSelector(`xpath/.//span[contains(@class, "c-url") and text()="${server.url('reflect-any')}"]`);
    await row?.click();
    const button = await panel.waitForSelector('xpath/.//button[text()="Probe this endpoint"]');
    await button?.click();
    await panel.waitForSelector('.probe-report[data-state="done"]', { timeout: 30_000 });
    const shown = await panel.$eval('.probe-report strong', (el) => el.textContent);
    const sentRows = await panel.$$eval('.probe-sent tbody tr', (rows) => rows.length);
    const file = join(tmpdir(), 'cors-lens-probe-panel.png');
    await panel.setViewport({ width: 1200, height: 1400 });
    await panel.screenshot({ path: file, fullPage: true });
    console.log(`probe panel screenshot: ${file}`);

    expect(shown).toBe('reflects-any-origin, allow-origin-null');
    const received = server.log.slice(before).filter((r) => r.policy === 'reflect-any');
    expect(received).toHaveLength(sentRows);
    expect(received.some((r) => r.origin === 'null')).toBe(true);
    expect(received.some((r) => /^https:\/\/[a-z0-9]{8}-cors-lens\.example$/.test(r.origin ?? ''))).toBe(true);
    expect(received.every((r) => r.cookie === null)).toBe(true);
  });
});
