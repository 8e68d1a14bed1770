// End-to-end: Re-run in the real panel (Chromium DevTools) sends the recorded request
// again from the inspected page; the scenario server's log shows the same method, CORS request
// headers, credentials, and the panel records the new exchange like any other.

import type { Frame } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { start, type ScenarioServer } from '../server/scenario-server';
import type { LoggedRequest } from '../server/request-log';
import type { LaunchedBrowser } from '../support/browsers';
import { panelOnScenarios } from '../support/devtools-panel';
import { ensureExtensionBuilt } from '../support/ensure-extension';
import { readSummary, summaryWhen } from '../support/panel-dom';
import { until } from '../support/poll';

// A GET with X-Custom stopped at its preflight, and a credentialed GET (the page's cookie goes out).
const CALLS = ['preflight-header-not-allowed', 'credentials-exact-origin-true'];
const COOKIE = 'cl_session=demo';

/** What a server sees of CORS in a request: method, target, Origin, the preflight's announcements, X-Custom, the cookie. */
function corsView(r: LoggedRequest | undefined): Record<string, string> {
  const pick = (r?.headers ?? []).filter(([n]) => /^(origin|access-control-request-(method|headers)|x-custom)$/i.test(n));
  const cookie = (r?.headers ?? []).some(([n, v]) => n.toLowerCase() === 'cookie' && v.includes(COOKIE));
  return { method: r?.method ?? '', url: r?.url ?? '', cookie: String(cookie), ...Object.fromEntries(pick.map(([n, v]) => [n.toLowerCase(), v])) };
}

async function rerunRow(panel: Frame, url: string): Promise<void> {
  const row = await panel.waitForSelector(`xpath/.//span[contains(@class, "c-url") and text()="${url}"]`);
  await row?.click();
  const button = await panel.waitForSelector('xpath/.//section[@aria-label="Re-run"]//button[starts-with(text(), "Re-run")]');
  await button?.click();
  const status = await panel.waitForSelector('xpath/.//section[@aria-label="Re-run"]//*[@role="status" and not(text()="Sending…")]', { timeout: 5_000 });
  expect(await status?.evaluate((e) => e.textContent)).toMatch(/^Sent /);
}

describe('chromium: Re-run from the real panel', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let panel: Frame;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start();
    ({ launched, panel } = await panelOnScenarios(server, CALLS, ['--window-size=1400,900'], 'rerun'));
  }, 90_000);
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test.each([
    // Stopped at its preflight: only the OPTIONS reached the server, announcing X-Custom.
    [CALLS[0] as string, { method: 'OPTIONS', 'access-control-request-headers': 'x-custom', cookie: 'false' }],
    // Credentialed as recorded: the page's cookie goes out again.
    [CALLS[1] as string, { method: 'GET', cookie: 'true' }],
  ])('%s: the server receives the same request again, and the panel records it', async (id, facts) => {
    const before = server.requests(id);
    const total = (await readSummary(panel)).total;
    await rerunRow(panel, `${server.apiOrigin}/api/${id}/main`);
    const after = await until(() => server.requests(id), (r) => r.length >= before.length * 2, 'the re-run to reach the server', 10_000);
    expect(before.map(corsView)).toEqual([expect.objectContaining(facts)]);
    expect(after.slice(before.length).map(corsView)).toEqual(before.map(corsView));
    await summaryWhen(panel, (s) => s.total === total + 1);
  });
});
