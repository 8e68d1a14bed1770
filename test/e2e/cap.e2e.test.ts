// End-to-end: a page makes 10,000 cross-origin requests (loopback, in batches). The
// extension keeps at most the per-tab cap (default 5,000), drops the oldest first, and reports
// exactly how many it dropped.

import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { start, type ScenarioServer } from '../server/scenario-server';
import { type BrowserName, type LaunchedBrowser, launch } from '../support/browsers';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR } from '../support/ensure-extension';
import { extensionPage, extensionWorkerTarget, snapshotWhen, setRecordAllTabs } from '../support/extension-log';

const TOTAL = 10_000;
const BATCH = 250;
const DEFAULT_CAP = 5_000;

/** Fires `total` GETs to the API's open endpoint, `batch` at a time; each batch settles before the next. */
function bulkPage(apiOrigin: string): string {
  return `<!doctype html><meta charset="utf-8"><title>bulk</title><script>
window.fire = async (total, batch) => {
  let ok = 0;
  for (let start = 0; start < total; start += batch) {
    const n = Math.min(batch, total - start);
    const results = await Promise.all(Array.from({ length: n }, (_, i) =>
      fetch('${apiOrigin}/api/open/' + (start + i)).then((r) => r.ok, () => false)));
    ok += results.filter(Boolean).length;
  }
  return ok;
};
</script>`;
}

describe.each<BrowserName>(['chromium', 'firefox'])('%s: 10,000 cross-origin requests against the default cap', (name) => {
  let server: ScenarioServer;
  let launched: LaunchedBrowser | undefined;

  beforeAll(async () => {
    ensureExtensionBuilt();
    server = await start({ pages: { '/bulk.html': (origins) => bulkPage(origins.api) } });
    launched = await launch(name, { extensionDir: name === 'chromium' ? CHROME_DIR : FIREFOX_DIR });
  });
  afterAll(async () => {
    await launched?.close();
    await server?.close();
  });

  test('keeps the newest 5,000 and counts 5,000 dropped', async () => {
    const browser = (launched as LaunchedBrowser).browser;
    if (name === 'chromium') await extensionWorkerTarget(browser);
    const ext = await extensionPage(browser, name);
    await setRecordAllTabs(ext);
    const page = await browser.newPage();
    await page.goto(`${server.pageOrigin}/bulk.html`);
    const ok = await page.evaluate((t, b) => (window as unknown as { fire(t: number, b: number): Promise<number> }).fire(t, b), TOTAL, BATCH);
    expect(ok).toBe(TOTAL);
    expect(server.requests('open')).toHaveLength(TOTAL);

    const snap = await snapshotWhen(ext, server.pageOrigin, (s) => s.exchanges.length + s.summary.dropped >= TOTAL, 120_000);
    expect(snap.summary.cap).toBe(DEFAULT_CAP);
    expect(snap.exchanges).toHaveLength(DEFAULT_CAP);
    expect(snap.summary.dropped).toBe(TOTAL - DEFAULT_CAP);
    // Oldest first: batches settle one after another, so the kept ones are exactly the last 5,000.
    const kept = snap.exchanges.map((r) => Number(r.exchange.hops[0]?.request.url.split('/').at(-1))).sort((a, b) => a - b);
    expect(kept[0]).toBe(TOTAL - DEFAULT_CAP);
    expect(kept.at(-1)).toBe(TOTAL - 1);
    expect(new Set(kept).size).toBe(DEFAULT_CAP);
  });
});
