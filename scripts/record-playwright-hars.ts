// Record Playwright HARs: a handful of catalogue scenarios run in Debian's Chromium, driven by
// playwright-core with `recordHar`, against the two-origin loopback scenario server. Playwright
// writes the HAR itself (on context close), so these files are exactly what a Playwright user
// hands to `cors-lens analyze`. Run:
//   npx tsx scripts/record-playwright-hars.ts [--only id,id]
// Writes test/fixtures/playwright/<scenario>.har, each with `log._corsLensFixture`.

import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { catalogue } from '../test/scenarios/catalogue';
import type { RunResult } from '../test/scenarios/types';
import { start } from '../test/server/scenario-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/browsers';

const OUT = new URL('../test/fixtures/playwright/', import.meta.url);

/** Allowed and blocked, simple and preflighted, credentialed, redirected and no-cors: the shapes a Playwright HAR takes. */
export const PLAYWRIGHT_SCENARIOS = [
  'simple-get-exact-origin',
  'simple-get-missing-allow-origin',
  'simple-get-origin-mismatch',
  'xhr-get-missing-allow-origin',
  'preflight-put-allowed',
  'preflight-missing-allow-origin',
  'preflight-header-not-allowed',
  'preflight-status-404',
  'credentials-missing-allow-credentials',
  'redirect-cross-origin-null-origin-mismatch',
  'redirect-cross-origin-wildcard',
  'no-cors-img',
  'no-cors-fetch',
] as const;

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',');
const scenarios = catalogue.filter((s) => (PLAYWRIGHT_SCENARIOS as readonly string[]).includes(s.id) && (!only || only.includes(s.id)));

const server = await start();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
const tmp = join(tmpdir(), `cors-lens-playwright-${process.pid}`);
await mkdir(tmp, { recursive: true });
await mkdir(OUT, { recursive: true });
try {
  for (const s of scenarios) {
    const path = join(tmp, `${s.id}.har`);
    const context = await browser.newContext({ recordHar: { path, content: 'omit' } });
    const page = await context.newPage();
    await page.goto(`${server.pageOrigin}/?scenario=${s.id}`, { waitUntil: 'load' });
    const result = await page.evaluate((id) => (window as unknown as { runScenario(id: string): Promise<RunResult> }).runScenario(id), s.id);
    // Events of a finished request can trail the page's promise by a few ms.
    await page.waitForTimeout(150);
    await context.close();
    const har = JSON.parse(await readFile(path, 'utf8')) as { log: { entries: { request: { url: string } }[] } };
    har.log.entries = har.log.entries.filter((e) => !e.request.url.endsWith('/favicon.ico'));
    const tag = { scenario: s.id, source: 'playwright-recordHar', browser: 'chromium', browserVersion: browser.version(), pageOutcome: result.outcome, pageResult: result };
    await writeFile(new URL(`${s.id}.har`, OUT), `${JSON.stringify({ log: { ...har.log, _corsLensFixture: tag } }, null, 2)}\n`);
    console.log(`${s.id}: ${result.outcome}${s.expected === result.outcome ? '' : ` (catalogue expects ${s.expected})`}`);
  }
} finally {
  await browser.close();
  await server.close();
  await rm(tmp, { recursive: true, force: true });
}
