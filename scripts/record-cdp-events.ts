// Record the Chrome DevTools Protocol Network events the Playwright fixture reads: catalogue
// scenarios run one per page in Debian's Chromium, driven by playwright-core, against the
// two-origin loopback scenario server. Run:
//   npx tsx scripts/record-cdp-events.ts [--only id,id]
// Writes test/fixtures/cdp/<scenario>.json: the page's outcome and, in the order Chromium sent
// them, the six events src/core/cdp/cdp-exchanges.ts reads, as sent, except `initiator.stack`
// (the page's whole JavaScript stack: long, and read by nothing).

import { mkdir, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { catalogue } from '../test/scenarios/catalogue';
import type { RunResult } from '../test/scenarios/types';
import { start } from '../test/server/scenario-server';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/support/browsers';
import { REPRESENTATIVE_IDS } from '../test/scenarios/representative-ids';

const OUT = new URL('../test/fixtures/cdp/', import.meta.url);
const EVENTS = ['requestWillBeSent', 'requestWillBeSentExtraInfo', 'responseReceived', 'responseReceivedExtraInfo', 'loadingFinished', 'loadingFailed'] as const;

const { values } = parseArgs({ options: { only: { type: 'string' } } });
const only = values.only?.split(',');
const scenarios = catalogue.filter((s) => REPRESENTATIVE_IDS.includes(s.id) && (!only || only.includes(s.id)));

const server = await start();
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
await mkdir(OUT, { recursive: true });
try {
  for (const s of scenarios) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    const events: { method: string; params: unknown }[] = [];
    session.on('event', ({ method, params }) => {
      if (!EVENTS.some((name) => method === `Network.${name}`)) return;
      const initiator = (params as { initiator?: { stack?: unknown } }).initiator;
      if (initiator) delete initiator.stack;
      events.push({ method, params });
    });
    await session.send('Network.enable');
    await page.goto(`${server.pageOrigin}/?scenario=${s.id}`, { waitUntil: 'load' });
    const result = await page.evaluate((id) => (window as unknown as { runScenario(id: string): Promise<RunResult> }).runScenario(id), s.id);
    // Events of a finished request can trail the page's promise by a few ms.
    await page.waitForTimeout(150);
    await context.close();
    const fixture = { scenario: s.id, source: 'cdp-network-events', browser: 'chromium', browserVersion: browser.version(), pageOutcome: result.outcome, events };
    await writeFile(new URL(`${s.id}.json`, OUT), `${JSON.stringify(fixture, null, 1)}\n`);
    console.log(`${s.id}: ${result.outcome}${s.expected === result.outcome ? '' : ` (catalogue expects ${s.expected})`}`);
  }
} finally {
  await browser.close();
  await server.close();
}
