// onBeforeRedirect and onCompleted are registered without `responseHeaders` (to halve the header
// copying a listener costs page loads), and onBeforeRequest not at all (a quarter of the events):
// the assembler must build the very same exchanges from the real event sequences without them.

import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { RequestEvent } from './event-normalizer';
import { analyzeExchange } from '../core/analyze';
import { ExchangeAssembler } from './exchange-assembler';
import { fixtureEvents, loadFixture } from '../../test/fixtures/webrequest/load-fixture';

function assemble(events: readonly RequestEvent[]) {
  const assembler = new ExchangeAssembler();
  return events.flatMap((e) => assembler.handle(e));
}

function withoutLateHeaders(events: readonly RequestEvent[]): RequestEvent[] {
  return events.map((e) => (e.phase === 'complete' || e.phase === 'redirect' ? { ...e, response: { ...e.response, headers: [] } } : e));
}

const cases = (['chromium', 'firefox'] as const).flatMap((browser) =>
  readdirSync(new URL(`../../test/fixtures/webrequest/${browser}/`, import.meta.url))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [browser, f.replace(/\.json$/, '')] as const),
);

describe('responses keep the headers onHeadersReceived gave', () => {
  test.each(cases)('%s %s', (browser, scenario) => {
    const events = fixtureEvents(loadFixture(browser, scenario));
    const full = assemble(events);
    expect(full.length).toBeGreaterThan(0);
    expect(assemble(withoutLateHeaders(events))).toEqual(full);
  });
});

/** What src/platform/web-request.ts listens to: no onBeforeRequest ('start'). */
function asListened(events: readonly RequestEvent[]): RequestEvent[] {
  return withoutLateHeaders(events).filter((e) => e.phase !== 'start');
}

describe('without onBeforeRequest, the same exchanges and verdicts', () => {
  test.each(cases)('%s %s', (browser, scenario) => {
    const events = fixtureEvents(loadFixture(browser, scenario));
    const full = assemble(events);
    const lean = assemble(asListened(events));
    // Everything but the start time, which comes from the first event seen: the request's headers
    // or error, or its preflight, a few milliseconds after onBeforeRequest.
    expect(lean.map(({ startedAt: _, ...rest }) => rest)).toEqual(full.map(({ startedAt: _, ...rest }) => rest));
    expect(lean.map((e) => analyzeExchange(e))).toEqual(full.map((e) => analyzeExchange(e)));
    lean.forEach((e, i) => expect(e.startedAt - (full[i]?.startedAt ?? 0)).toBeLessThan(50));
  });
});
