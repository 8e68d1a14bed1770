// End-to-end in Firefox ESR: the *Try this fix* overrides, driven through the panel
// protocol from an extension page (BiDi cannot drive Firefox's DevTools, and the standalone panel
// cannot eval in the page, so the page re-runs its own request instead). The fixes are the
// analyzer's, from what Firefox recorded; the browser's decision is the page's own fetch outcome.
// Seen: Firefox applies a session rule's modifyHeaders to the CORS preflight response, and tabIds
// matches the preflight of a page's fetch.

import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OverridesUpdate } from '../../src/core/override/override-command';
import { overridePlan, type OverridePlan } from '../../src/core/override/override-plan';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type LaunchedBrowser, launchFirefox } from '../support/browsers';
import { FIREFOX_DIR, ensureExtensionBuilt } from '../support/ensure-extension';
import { extensionPage, firstWebTab, setRecordAllTabs, snapshotWhen } from '../support/extension-log';
import { until } from '../support/poll';
import { ourRuleIds } from '../support/override-rules';
import { runAllOnPage, runOnPage } from '../support/runner-calls';

/** Each scenario's request as its page makes it (test/scenarios), to send it to another URL too. */
const REQUESTS: Record<string, RequestInit> = {
  'simple-get-missing-allow-origin': {},
  'preflight-header-not-allowed': { headers: { 'X-Custom': '1' } },
  'credentials-missing-allow-credentials': { credentials: 'include' },
  'preflight-method-not-listed': { method: 'PATCH', body: '{}' },
};
const IDS = Object.keys(REQUESTS);

type Api = typeof chrome;

/** Opens a port for `tabId` as the panel does, keeps it on the page, sends `add`, resolves with the answer. */
const addOverride = (ext: Page, tabId: number, plan: OverridePlan): Promise<OverridesUpdate> =>
  ext.evaluate(
    (tab: number, p: string) =>
      new Promise<OverridesUpdate>((resolve, reject) => {
        const api = ((globalThis as unknown as { browser?: Api }).browser ?? chrome) as Api;
        const port = api.runtime.connect({ name: `cors-lens:${tab}` });
        (globalThis as unknown as { tryFixPort: chrome.runtime.Port }).tryFixPort = port;
        const seen: string[] = [];
        const timer = setTimeout(() => reject(new Error(`no answer within 10 s; received: ${seen.join(', ')}`)), 10_000);
        type Update = { type: string; payload: OverridesUpdate & { messages?: Update[] } };
        const onUpdate = (m: Update): void => {
          seen.push(m.type);
          // As the panel: `hello` first (answered with the snapshot, then changes), then the click's `add`.
          if (m.type === 'snapshot') port.postMessage({ type: 'override', version: 1, payload: { tabId: tab, action: 'add', key: 'e2e', plan: JSON.parse(p) as unknown } });
          if (m.type !== 'overridesChanged' || (m.payload.overrides.length === 0 && !m.payload.failed)) return;
          clearTimeout(timer);
          resolve(m.payload);
        };
        // Changes arrive batched in `updates` messages (protocol.ts) whenever several fall within 100 ms: the answer
        // to `add` may come together with the recorder's changes of the same tab.
        port.onMessage.addListener((m: Update) => (m.type === 'updates' ? (m.payload.messages ?? []) : [m]).forEach(onUpdate));
        port.postMessage({ type: 'hello', version: 1, payload: { tabId: tab, protocolVersion: 1 } });
      }),
    tabId,
    JSON.stringify(plan),
  );

const closePort = (ext: Page): Promise<void> => ext.evaluate(() => (globalThis as unknown as { tryFixPort: chrome.runtime.Port }).tryFixPort.disconnect());

describe('firefox: Try this fix overrides', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let ext: Page;
  let page: Page;
  let plans: Map<string, OverridePlan>;
  let tabId: number;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start();
    launched = await launchFirefox({ extensionDir: FIREFOX_DIR });
    ext = await extensionPage(launched.browser, 'firefox');
    await setRecordAllTabs(ext);
    page = await firstWebTab(launched.browser);
    await page.goto(`${server.pageOrigin}/?e2e=try-fix-firefox`);
    expect((await runAllOnPage(page, IDS)).map((r) => r.outcome)).toEqual(IDS.map(() => 'threw'));
    const snapshot = await snapshotWhen(ext, server.pageOrigin, (s) => IDS.every((id) => s.exchanges.some((e) => e.exchange.hops[0]?.request.url.includes(`/api/${id}/`) && e.analysis.verdict === 'blocked')));
    tabId = snapshot.tabId;
    plans = new Map(
      IDS.map((id) => {
        const entry = snapshot.exchanges.find((e) => e.exchange.hops[0]?.request.url.includes(`/api/${id}/`));
        const choice = entry && overridePlan(entry.exchange, entry.analysis);
        if (!choice?.ok) throw new Error(`${id}: no header fix`);
        return [id, choice.plan];
      }),
    );
  }, 120_000);
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test.each(IDS)('%s: allowed under the fix in this tab only; blocked again once the panel port closes', async (id) => {
    const plan = plans.get(id) as OverridePlan;
    const update = await addOverride(ext, tabId, plan);
    expect(update.failed).toBeUndefined();
    expect(await ourRuleIds(ext)).not.toEqual([]);
    expect((await runOnPage(page, id)).outcome).toBe('resolved');
    // Another URL from the same tab, and the same request from another tab, are not touched.
    const otherUrl = await page.evaluate((u: string, init: RequestInit) => fetch(`${u}?other=1`, init).then(() => 'resolved', () => 'threw'), plan.url, REQUESTS[id] ?? {});
    expect(otherUrl).toBe('threw');
    const second = await (launched as LaunchedBrowser).browser.newPage();
    await second.goto(`${server.pageOrigin}/?e2e=try-fix-firefox-second`);
    expect((await runOnPage(second, id)).outcome).toBe('threw');
    await second.close();
    await closePort(ext);
    await until(() => ourRuleIds(ext), (ids) => ids.length === 0, 'the rules to go with the port');
    expect((await runOnPage(page, id)).outcome).toBe('threw');
  });
});
