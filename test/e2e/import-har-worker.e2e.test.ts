// Import HAR reads and analyses the file in a Web Worker (src/panel/import/har-import-worker.ts),
// bundled into the built extension: in real Chromium, a generated 20 MB HAR imports through the
// panel's file input, the progress banner shows on the way, the panel's timer keeps firing, and
// the rows are the ones `cors-lens analyze` finds in the same file. (The 100 MB timing is
// `npm run bench -- import`.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { generateHar } from '../../bench/generate-har';
import { importHarText } from '../../src/panel/har-io';
import { start, type ScenarioServer } from '../server/scenario-server';
import { launchChromium, launchFirefox, type LaunchedBrowser } from '../support/browsers';
import { extensionPage } from '../support/extension-log';
import { CHROME_DIR, ensureExtensionBuilt, FIREFOX_DIR } from '../support/ensure-extension';
import { importAndWatch, openPanelPage, type ImportWatch } from '../support/import-har';

/** The cross-origin exchanges the whole-text import on Node's thread lists for `file`. */
function expectedExchanges(file: string): number {
  const expected = importHarText('large.har', readFileSync(file, 'utf8'));
  if (!expected.ok) throw new Error(expected.error);
  return expected.imported.log.order.length;
}

describe('chromium: Import HAR of a 20 MB file in the import worker', () => {
  let launched: LaunchedBrowser | undefined;
  let dir: string;
  let file: string;
  let watch: ImportWatch;

  beforeAll(async () => {
    ensureExtensionBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cors-lens-import-'));
    file = join(dir, 'large.har');
    await generateHar(file, 20e6);
    launched = await launchChromium({ extensionDir: CHROME_DIR });
    const page = await openPanelPage(launched.browser);
    watch = await importAndWatch(page, file);
  }, 180_000);

  afterAll(async () => {
    await launched?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('lists the cross-origin exchanges the same analysis finds in Node', () => {
    expect(watch.exchanges).toBe(expectedExchanges(file));
    expect(watch.exchanges).toBeGreaterThan(1000);
  });

  test('shows the progress banner while the worker reads, and the panel keeps running timers', () => {
    expect(watch.progress.length).toBeGreaterThan(0);
    expect(watch.progress[0]).toMatch(/^Importing large\.har: \d+% read/);
    // A parse on the panel's thread would hold every tick until it is done.
    expect(watch.timerTicks).toBeGreaterThan(0);
  });
});

// Firefox: the panel page a temporary install opens (BiDi cannot navigate to moz-extension: URLs),
// bound to a web tab through its tab picker, then the same import.
describe('firefox: Import HAR of a 20 MB file in the import worker', () => {
  let launched: LaunchedBrowser | undefined;
  let server: ScenarioServer;
  let dir: string;
  let file: string;
  let watch: ImportWatch;

  beforeAll(async () => {
    ensureExtensionBuilt();
    dir = mkdtempSync(join(tmpdir(), 'cors-lens-import-'));
    file = join(dir, 'large.har');
    await generateHar(file, 20e6);
    server = await start();
    launched = await launchFirefox({ extensionDir: FIREFOX_DIR });
    const ext = await extensionPage(launched.browser, 'firefox');
    const page = await launched.browser.newPage();
    await page.goto(`${server.pageOrigin}/?e2e=import-har`);
    // The picker lists tabs when it loads: reload it now that the web tab exists, and pick that tab.
    await ext.evaluate(() => location.reload());
    await ext.waitForFunction((o: string) => [...document.querySelectorAll('.tab-picker button')].some((b) => b.textContent?.includes(o)), { timeout: 10_000 }, server.pageOrigin);
    const buttons = await ext.$$('.tab-picker button');
    const texts = await Promise.all(buttons.map((b) => b.evaluate((e) => e.textContent ?? '')));
    await ext.bringToFront();
    await buttons[texts.findIndex((t) => t.includes(server.pageOrigin))]?.click();
    await ext.waitForSelector('input[type="file"][aria-label="Import HAR"]', { timeout: 10_000 });
    watch = await importAndWatch(ext, file);
  }, 180_000);

  afterAll(async () => {
    await launched?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('lists the cross-origin exchanges the same analysis finds in Node, with progress shown on the way', () => {
    expect(watch.exchanges).toBe(expectedExchanges(file));
    expect(watch.progress[0]).toMatch(/^Importing large\.har: \d+% read/);
  });
});
