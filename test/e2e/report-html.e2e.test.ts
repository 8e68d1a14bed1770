// End-to-end: the real panel's "Export report" in Chromium writes one self-contained
// HTML file; opened in real Chromium, header values a hostile server sent render as text (no
// element, no script run), the page's cookie is redacted, and each blocked endpoint is listed once.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { start, type ScenarioServer } from '../server/scenario-server';
import type { LaunchedBrowser } from '../support/browsers';
import { panelOnScenarios } from '../support/devtools-panel';
import { ensureExtensionBuilt } from '../support/ensure-extension';
import { summaryWhen } from '../support/panel-dom';
import { waitForDownload } from '../support/poll';

// Blocked (one credentialed: the runner page's cookie `cl_session=demo` goes out) and allowed.
const CALLS = ['simple-get-missing-allow-origin', 'preflight-status-404', 'credentials-wildcard-origin', 'preflight-put-allowed'];
const COOKIE = 'cl_session=demo';
// Would change the title or make elements if any of it were parsed as markup.
const HOSTILE_ORIGIN = `<img src=x onerror="document.title='pwned'">`;
const HOSTILE_OTHER = `"><script>document.title='pwned'</script><b>bold</b>`;

/** A loopback server of this test that answers every request (preflight included) with hostile values. */
function hostileServer(): Promise<Server> {
  const server = createServer((req, res) => {
    res.writeHead(req.method === 'OPTIONS' ? 204 : 200, {
      'Access-Control-Allow-Origin': HOSTILE_ORIGIN,
      'Access-Control-Allow-Headers': HOSTILE_OTHER,
      'Access-Control-Allow-Methods': 'GET, PUT',
    });
    res.end('{}');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe('chromium: Export report from the real panel, opened in real Chromium', () => {
  let server: ScenarioServer;
  let hostile: Server;
  let launched: LaunchedBrowser | undefined;
  let page: Page;
  let panel: Frame;
  let downloads: string;
  let html: string;
  let report: Page;
  let dialogs = 0;

  beforeAll(async () => {
    ensureExtensionBuilt();
    downloads = mkdtempSync(join(tmpdir(), 'cors-lens-report-'));
    server = await start();
    hostile = await hostileServer();
    ({ launched, page, panel } = await panelOnScenarios(server, CALLS, ['--window-size=1400,900'], 'report-html'));
    const cdp = await launched.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    const url = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}/hostile/item`;
    // A custom header makes it preflighted; the preflight's hostile Allow-Origin blocks it.
    await page.evaluate((u) => fetch(u, { method: 'PUT', headers: { 'X-Token': 'abc' } }).catch(() => undefined), url);
    await summaryWhen(panel, (s) => s.total === CALLS.length + 1);
    const button = await panel.waitForSelector('xpath/.//button[text()="Export report"]');
    await button?.click();
    const file = await waitForDownload(downloads, '.html');
    html = readFileSync(file, 'utf8');
    report = await launched.browser.newPage();
    report.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await report.goto(`file://${file}`, { waitUntil: 'load' });
  }, 90_000);
  afterAll(async () => {
    await launched?.close();
    await server?.close();
    await new Promise((r) => hostile?.close(r));
    rmSync(downloads, { recursive: true, force: true });
  });

  test('hostile header values render as text: no element made from them, no script run', async () => {
    const seen = await report.evaluate(() => ({
      title: document.title,
      made: document.querySelectorAll('img, script, b, iframe, [onerror]').length,
      scripts: document.scripts.length,
      text: document.body.innerText,
    }));
    expect(seen).toMatchObject({ title: 'CORS report', made: 0, scripts: 0 });
    expect(seen.text).toContain(HOSTILE_ORIGIN);
    expect(seen.text).toContain(HOSTILE_OTHER);
    expect(dialogs).toBe(0);
  });

  test('each blocked endpoint once, the cookie redacted, nothing loaded from elsewhere', async () => {
    const headings = await report.$$eval('section.endpoint h2', (hs) => hs.map((h) => h.textContent ?? ''));
    const blocked = [...CALLS.slice(0, 3).map((id) => `${server.apiOrigin}/api/${id}/`), '/hostile/item'];
    for (const part of blocked) expect(headings.filter((h) => h.includes(part))).toHaveLength(1);
    expect(headings).toHaveLength(4);
    expect(server.requests(CALLS[2]).some((r) => r.headers.some(([n, v]) => n.toLowerCase() === 'cookie' && v.includes(COOKIE)))).toBe(true);
    expect(html).not.toContain(COOKIE);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/i);
  });
});
