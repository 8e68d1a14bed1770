// End-to-end in real Chromium: what one browser session recorded is erased when the next one starts
// (PRIVACY.md), by the background itself as the browser starts, before anyone opens DevTools or
// the panel. Session one records a call and saves it; the browser closes; session two starts on the
// same profile, and without any page of ours being opened the recorder's IndexedDB store empties.
// Read from inside the service worker (the store is the extension's own origin), not through the
// panel: a panel's port would itself wake the worker and so prove nothing about start-up. Against a
// build whose store skipped the wipe, the saved row was still there 20 s into the second session.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { start, type ScenarioServer } from '../server/scenario-server';
import { launchChromium, type LaunchedBrowser } from '../support/browsers';
import { CHROME_DIR, ensureExtensionBuilt } from '../support/ensure-extension';
import { extensionPage, extensionWorkerTarget, setRecordAllTabs, snapshotWhen } from '../support/extension-log';
import { until } from '../support/poll';
import { runOnPage } from '../support/runner-calls';

const SCENARIO = 'simple-get-missing-allow-origin';

/** Rows in the recorder's store (src/background/persistence.ts), counted inside the service worker. */
async function storedRows(browser: Browser): Promise<number> {
  const worker = await (await extensionWorkerTarget(browser)).worker();
  if (!worker) throw new Error('no service worker to evaluate in');
  return worker.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('cors-lens-recorder');
        open.onerror = () => reject(open.error ?? new Error('IndexedDB open failed'));
        open.onsuccess = () => {
          const db = open.result;
          const count = db.transaction('exchanges', 'readonly').objectStore('exchanges').count();
          count.onsuccess = () => {
            db.close();
            resolve(count.result);
          };
          count.onerror = () => reject(count.error ?? new Error('count failed'));
        };
      }),
  );
}

let server: ScenarioServer;
let profile: string;
let launched: LaunchedBrowser | undefined;

beforeAll(async () => {
  ensureExtensionBuilt();
  server = await start();
  profile = mkdtempSync(join(tmpdir(), 'cors-lens-startup-wipe-'));
});
afterAll(async () => {
  await launched?.close();
  await server?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

test('chromium: the rows one session saved are gone once the next session has started, with no panel opened', async () => {
  launched = await launchChromium({ extensionDir: CHROME_DIR, userDataDir: profile });
  const ext = await extensionPage(launched.browser, 'chromium');
  await setRecordAllTabs(ext);
  const page = await launched.browser.newPage();
  await page.goto(`${server.pageOrigin}/?e2e=startup-wipe`);
  expect((await runOnPage(page, SCENARIO)).outcome).toBe('threw');
  await snapshotWhen(ext, server.pageOrigin, (s) => s.exchanges.some((e) => e.exchange.hops[0]?.request.url.includes(`/api/${SCENARIO}/`)));
  // Saved: the batched write has landed (what the next session must erase).
  const worker = await (await extensionWorkerTarget(launched.browser)).worker();
  await worker?.evaluate(() => (globalThis as unknown as { corsLens: { flush(): Promise<void> } }).corsLens.flush());
  expect(await storedRows(launched.browser)).toBeGreaterThan(0);
  await launched.close();

  launched = await launchChromium({ extensionDir: CHROME_DIR, userDataDir: profile });
  await until(() => storedRows((launched as LaunchedBrowser).browser), (n) => n === 0, 'the new session to erase the old rows', 20_000);
});
