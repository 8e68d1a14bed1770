// One catalogue scenario in Debian's Chromium driven by playwright-core with `recordHar`, against
// the loopback scenario server: Playwright's own HAR, as a Playwright user hands it to
// `cors-lens analyze`. Used by scripts/record-playwright-hars.ts and the live e2e test.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RunResult } from '../scenarios/types';
import type { ScenarioServer } from '../server/scenario-server';

export interface PlaywrightHar {
  readonly har: { log: { entries: { request: { url: string } }[] } & Record<string, unknown> };
  readonly result: RunResult;
}

/** Events of a finished request can trail the page's promise by a few ms. */
const SETTLE_MS = 150;

export async function recordPlaywrightHar(browser: Browser, server: ScenarioServer, scenario: string): Promise<PlaywrightHar> {
  const dir = await mkdtemp(join(tmpdir(), 'cors-lens-playwright-'));
  try {
    const path = join(dir, `${scenario}.har`);
    const context = await browser.newContext({ recordHar: { path, content: 'omit' } });
    const page = await context.newPage();
    await page.goto(`${server.pageOrigin}/?scenario=${scenario}`, { waitUntil: 'load' });
    const result = await page.evaluate((id) => (window as unknown as { runScenario(id: string): Promise<RunResult> }).runScenario(id), scenario);
    await page.waitForTimeout(SETTLE_MS);
    // Playwright writes the HAR when the context closes.
    await context.close();
    const har = JSON.parse(await readFile(path, 'utf8')) as PlaywrightHar['har'];
    har.log.entries = har.log.entries.filter((e) => !e.request.url.endsWith('/favicon.ico'));
    return { har, result };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
