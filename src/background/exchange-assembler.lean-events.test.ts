// onBeforeRedirect and onCompleted are registered without `responseHeaders` (to halve the header
// copying a listener costs page loads): the assembler must build the very same exchanges from
// the real event sequences with those headers removed.

import { readdirSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { RequestEvent } from './event-normalizer';
import { ExchangeAssembler } from './exchange-assembler';
import { fixtureEvents, loadFixture } from './fixtures/load-fixture';

function assemble(events: readonly RequestEvent[]) {
  const assembler = new ExchangeAssembler();
  return events.flatMap((e) => assembler.handle(e));
}

function withoutLateHeaders(events: readonly RequestEvent[]): RequestEvent[] {
  return events.map((e) => (e.phase === 'complete' || e.phase === 'redirect' ? { ...e, response: { ...e.response, headers: [] } } : e));
}

const cases = (['chromium', 'firefox'] as const).flatMap((browser) =>
  readdirSync(new URL(`./fixtures/${browser}/`, import.meta.url))
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
