// End-to-end: what the real CORS panel inside Chrome DevTools hands to others.
// "Export HAR" writes a file that is HAR 1.2, carries our analysis in `_cors`, has cookies redacted
// by default, gives the same verdicts under `cors-lens analyze --json` as the panel showed, and
// imports back into the panel. "Copy preflight as cURL" puts on the clipboard a command that, run
// by curl with no browser, sends the server the same preflight the browser sent.

import { execFile, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { start, type ScenarioServer } from '../server/scenario-server';
import type { LaunchedBrowser } from '../support/browsers';
import { panelOnScenarios } from '../support/devtools-panel';
import { ensureExtensionBuilt, ROOT } from '../support/ensure-extension';
import { type PanelRow, renderedRows } from '../support/panel-dom';
import { waitForDownload } from '../support/poll';

// Credentialed (the runner page's cookie `cl_session=demo` goes out), simple and preflighted, allowed and blocked.
const CALLS = ['credentials-exact-origin-true', 'simple-get-missing-allow-origin', 'preflight-put-allowed', 'preflight-status-404', 'credentials-wildcard-origin'];
const COOKIE = 'cl_session=demo';

interface CliExchange {
  readonly url: string;
  readonly type: string;
  readonly verdict: string;
}

/** The panel's verdict column says `warning` for an allowed exchange with a notable warning. */
const cliVerdict = (row: PanelRow): string => (row.verdict === 'warning' ? 'allowed' : row.verdict);

describe('chromium: Export HAR, cors-lens analyze, Copy as cURL and Import HAR from the real panel', () => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;
  let page: Page;
  let panel: Frame;
  let devtools: Page;
  let downloads: string;
  let file: string;
  let rows: PanelRow[];

  beforeAll(async () => {
    ensureExtensionBuilt();
    downloads = mkdtempSync(join(tmpdir(), 'cors-lens-export-'));
    server = await start();
    ({ launched, page, devtools, panel } = await panelOnScenarios(server, CALLS, ['--window-size=1400,900'], 'panel-share'));
    const cdp = await launched.browser.target().createCDPSession();
    await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads });
    rows = await renderedRows(panel);
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
    rmSync(downloads, { recursive: true, force: true });
  });

  test('the button downloads HAR 1.2 with _cors on every entry, the cookie redacted', async () => {
    const button = await panel.waitForSelector('xpath/.//button[text()="Export HAR"]');
    await button?.click();
    file = await waitForDownload(downloads, '.har');
    const text = readFileSync(file, 'utf8');
    const har = JSON.parse(text) as { log: { version: string; creator: { name: string }; entries: { request: { url: string }; _cors?: { verdict: string } }[] } };
    expect(har.log.version).toBe('1.2');
    const analysed = har.log.entries.filter((e) => e._cors !== undefined);
    expect(new Set(analysed.map((e) => e.request.url))).toEqual(new Set(rows.map((r) => r.url)));
    // The page really sent its cookie (credentials: 'include'), and the export does not hold it.
    expect(server.requests(CALLS[0]).some((r) => r.headers.some(([n, v]) => n.toLowerCase() === 'cookie' && v.includes(COOKIE)))).toBe(true);
    expect(text).not.toContain(COOKIE);
  });

  test('cors-lens analyze --json on the exported file gives the panel\'s verdicts', () => {
    const cli = spawnSync(process.execPath, [join(ROOT, 'bin', 'cors-lens.js'), 'analyze', file, '--json'], { encoding: 'utf8' });
    expect(cli.status, cli.stderr).toBe(0);
    const { exchanges } = JSON.parse(cli.stdout) as { exchanges: CliExchange[] };
    const byUrl = <T extends { url: string }>(xs: readonly T[]): T[] => [...xs].sort((a, b) => a.url.localeCompare(b.url));
    expect(byUrl(exchanges.map((e) => ({ url: e.url, type: e.type, verdict: e.verdict })))).toEqual(
      byUrl(rows.map((r) => ({ url: r.url, type: r.type, verdict: cliVerdict(r) }))),
    );
  });

  test('Copy preflight as cURL: curl sends the server the preflight the browser sent', async () => {
    const id = 'preflight-status-404';
    const row = await panel.waitForSelector(`xpath/.//span[contains(@class, "c-url") and text()="${server.apiOrigin}/api/${id}/main"]`);
    await row?.click();
    const copy = await panel.waitForSelector('xpath/.//button[text()="Copy preflight as cURL"]');
    // A user clicking in DevTools has focused it; the clipboard refuses an unfocused document.
    await devtools.bringToFront();
    await copy?.click();
    const result = await panel.waitForSelector('xpath/.//button[text()="Copied" or text()="Copy failed"]', { timeout: 5_000 });
    expect(await result?.evaluate((b) => b.textContent)).toBe('Copied');
    // Read the clipboard where reading is allowed: the scenario page, granted clipboard-read.
    await launched?.browser.defaultBrowserContext().overridePermissions(server.pageOrigin, ['clipboard-read']);
    await page.bringToFront();
    const command = await page.evaluate(() => navigator.clipboard.readText());
    expect(command).toMatch(/^curl /);

    const byBrowser = server.requests(id).find((r) => r.method === 'OPTIONS');
    const before = server.requests(id).length;
    // Not spawnSync: the loopback server answering curl runs in this very process.
    await promisify(execFile)('sh', ['-c', `${command} --silent --output /dev/null --max-time 10`]);
    const byCurl = server.requests(id).slice(before).find((r) => r.method === 'OPTIONS');
    const cors = (r: typeof byBrowser) =>
      Object.fromEntries((r?.headers ?? []).filter(([n]) => /^(origin|access-control-request-(method|headers))$/i.test(n)).map(([n, v]) => [n.toLowerCase(), v]));
    expect(cors(byCurl)).toEqual(cors(byBrowser));
    expect(byCurl?.url).toBe(byBrowser?.url);
  });

  test('Import HAR of that file shows the same rows in the panel', async () => {
    const input = (await panel.$('input[type="file"][aria-label="Import HAR"]')) as ElementHandle<HTMLInputElement> | null;
    await input?.uploadFile(file);
    await panel.waitForSelector('[data-testid="imported-banner"]', { timeout: 10_000 });
    const imported = await renderedRows(panel);
    const view = (xs: readonly PanelRow[]) => xs.map((r) => ({ url: r.url, type: r.type, verdict: r.verdict })).sort((a, b) => a.url.localeCompare(b.url));
    expect(view(imported)).toEqual(view(rows));
  });
});
