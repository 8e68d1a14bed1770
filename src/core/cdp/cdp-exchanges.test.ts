// CDP Network events recorded from Debian's Chromium (test/fixtures/cdp, one catalogue scenario a
// page; re-record with `npx tsx scripts/record-cdp-events.ts`), fed to CdpNetworkLog in the order
// Chromium sent them: every scenario's request is one exchange with its preflights and redirect
// hops, the analyzer's verdict is what the page saw, and a block's first reason is the
// corsErrorStatus Chromium itself reported in the same recording.

import { describe, expect, test } from 'vitest';
import { analyzeExchange, isCrossOrigin } from '../analyze';
import { cdpFixtures as fixtures, cdpFixture, replay, type CdpFixture as Fixture } from '../../../test/support/cdp-fixtures';
import type { CdpExchange } from './cdp-exchanges';

function exchangesOf(f: Fixture): CdpExchange[] {
  const log = replay(f.events);
  expect(log.inFlight()).toBe(0);
  return log.exchanges();
}

const ofScenario = (f: Fixture, x: CdpExchange): boolean => x.exchange.hops[0]?.request.url.includes(`/api/${f.scenario}/`) ?? false;
const eventsOf = (f: Fixture, method: string) => f.events.filter((e) => e.method === method).map((e) => e.params);

describe('CDP Network events → exchanges', () => {
  test('the recordings cover blocked and allowed calls, preflights and redirects', () => {
    expect(new Set(fixtures.map((f) => f.pageOutcome))).toEqual(new Set(['resolved', 'threw']));
    expect(fixtures.some((f) => exchangesOf(f).some((x) => x.exchange.preflights.length > 0))).toBe(true);
    expect(fixtures.some((f) => exchangesOf(f).some((x) => x.exchange.hops.length > 1))).toBe(true);
  });

  test.each(fixtures.map((f) => [f.scenario, f] as const))('%s', (_, f) => {
    const all = exchangesOf(f);
    const own = all.filter((x) => ofScenario(f, x));
    expect(own).toHaveLength(1);
    const { exchange, corsErrorStatus } = own[0] as CdpExchange;

    // One exchange per request: the preflights Chromium made for it are inside, not beside it.
    const preflights = eventsOf(f, 'Network.requestWillBeSent').filter((p) => (p.initiator as { type?: string } | undefined)?.type === 'preflight');
    expect(exchange.preflights).toHaveLength(preflights.length);
    expect(exchange.hops).toHaveLength(eventsOf(f, 'Network.requestWillBeSent').filter((p) => p.requestId === exchange.id.slice('cdp:'.length)).length);
    // The runner page, its script and data are the same-origin part of the recording.
    expect(all.filter((x) => !isCrossOrigin(x.exchange)).length).toBeGreaterThanOrEqual(3);
    expect(exchange.initiatorOrigin).toBe(new URL(all[0]?.exchange.hops[0]?.request.url ?? '').origin);

    const analysis = analyzeExchange(exchange);
    expect(analysis.verdict, analysis.reasons[0]?.message).toBe(f.pageOutcome === 'threw' ? 'blocked' : 'allowed');
    expect(analysis.warnings.map((w) => w.code)).not.toContain('browser-disagrees');
    if (f.pageOutcome === 'threw' && exchange.mode !== 'no-cors') {
      expect(corsErrorStatus).toBeDefined();
      expect({ corsError: analysis.reasons[0]?.chromeCorsError, failedParameter: analysis.reasons[0]?.failedParameter }).toEqual(corsErrorStatus);
    }
  });

  test('a request still in flight is counted, not turned into an exchange', () => {
    const f = cdpFixture('simple-get-exact-origin');
    const id = own(f);
    const log = replay(f.events, (e) => e.params.requestId !== id || (e.method !== 'Network.loadingFinished' && e.method !== 'Network.loadingFailed'));
    expect(log.inFlight()).toBe(1);
    expect(log.exchanges().map((x) => x.exchange.id)).not.toContain(`cdp:${id}`);
  });
});

/** The requestId of the scenario's own request. */
function own(f: Fixture): string {
  const sent = eventsOf(f, 'Network.requestWillBeSent').find((p) => (p.request as { url: string }).url.includes(`/api/${f.scenario}/`) && (p.initiator as { type?: string }).type !== 'preflight');
  return sent?.requestId ?? '';
}
