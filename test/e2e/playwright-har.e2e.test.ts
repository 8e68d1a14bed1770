// Playwright's HAR, recorded live (playwright-core + Debian's Chromium, no browser download) and
// read by `cors-lens analyze`'s reader: a call Chromium blocked is `blocked` (the record cannot say
// why: failure-not-recorded), an allowed one `allowed`, whatever Playwright version is installed.
// The recorded files in test/fixtures/playwright are the same shape, frozen.

import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { analyzeHarJson } from '../../src/core/har/analyze-har';
import { start, type ScenarioServer } from '../server/scenario-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/browsers';
import { recordPlaywrightHar } from '../support/playwright-har';

describe("Playwright's recordHar, live", () => {
  let server: ScenarioServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await start();
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test.each([
    ['simple-get-missing-allow-origin', 'threw', 'blocked', 'failure-not-recorded'],
    ['preflight-missing-allow-origin', 'threw', 'blocked', 'failure-not-recorded'],
    ['simple-get-exact-origin', 'resolved', 'allowed', undefined],
    ['preflight-put-allowed', 'resolved', 'allowed', undefined],
  ])('%s: the page %s, the HAR says %s', async (scenario, outcome, verdict, code) => {
    const { har, result } = await recordPlaywrightHar(browser, server, scenario);
    expect(result.outcome).toBe(outcome);
    const analysis = analyzeHarJson(har);
    if (!analysis.ok) throw new Error(analysis.error);
    const own = analysis.exchanges.filter((x) => x.exchange.hops[0]?.request.url.includes(`/api/${scenario}/`));
    expect(own).toHaveLength(1);
    expect(own[0]?.exchange.initiatorOrigin).toBe(server.pageOrigin);
    expect(own[0]?.analysis.verdict).toBe(verdict);
    expect(own[0]?.analysis.reasons[0]?.code).toBe(code);
    expect(own[0]?.analysis.warnings.map((w) => w.code)).not.toContain('browser-disagrees');
  }, 60_000);
});
