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
import { launchChromium, type LaunchedBrowser } from '../support/browsers';
import { CHROME_DIR, ensureExtensionBuilt } from '../support/ensure-extension';
import { importAndWatch, openPanelPage, type ImportWatch } from '../support/import-har';

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
    const expected = importHarText('large.har', readFileSync(file, 'utf8'));
    if (!expected.ok) throw new Error(expected.error);
    expect(watch.exchanges).toBe(expected.imported.log.order.length);
    expect(watch.exchanges).toBeGreaterThan(1000);
  });

  test('shows the progress banner while the worker reads, and the panel keeps running timers', () => {
    expect(watch.progress.length).toBeGreaterThan(0);
    expect(watch.progress[0]).toMatch(/^Importing large\.har: \d+% read/);
    // A parse on the panel's thread would hold every tick until it is done.
    expect(watch.timerTicks).toBeGreaterThan(0);
  });
});
