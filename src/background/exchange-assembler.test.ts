import { describe, expect, test } from 'vitest';
import type { Exchange } from '../core/model';
import type { RequestEvent } from './event-normalizer';
import { ExchangeAssembler } from './exchange-assembler';
import { fixtureEvents, loadFixture } from '../../test/fixtures/webrequest/load-fixture';

const PAGE = 'http://localhost:8000';

function assemble(events: readonly RequestEvent[]): Exchange[] {
  const assembler = new ExchangeAssembler();
  return events.flatMap((e) => assembler.handle(e));
}

/** Same events, but the assembler is serialised and rebuilt before every event (a worker restart each time). */
function assembleAcrossRestarts(events: readonly RequestEvent[]): Exchange[] {
  let assembler = new ExchangeAssembler();
  const out: Exchange[] = [];
  for (const event of events) {
    assembler = new ExchangeAssembler(JSON.parse(JSON.stringify(assembler.snapshot())));
    out.push(...assembler.handle(event));
  }
  return out;
}

interface Expected {
  readonly statuses: readonly (number | undefined)[];
  readonly preflightStatuses: readonly number[];
  readonly error?: string;
  readonly mode: string;
}

const cases: [browser: 'chromium' | 'firefox', scenario: string, expected: Expected][] = [
  ['chromium', 'simple-get-exact-origin', { statuses: [200], preflightStatuses: [], mode: 'cors' }],
  ['firefox', 'simple-get-exact-origin', { statuses: [200], preflightStatuses: [], mode: 'cors' }],
  // Chromium errors a CORS-blocked response; Firefox completes it (these rows are the recorded
  // fixtures in ./fixtures/<browser>/, so they are the browsers' own behaviour).
  ['chromium', 'simple-get-missing-allow-origin', { statuses: [200], preflightStatuses: [], error: 'net::ERR_FAILED', mode: 'cors' }],
  ['firefox', 'simple-get-missing-allow-origin', { statuses: [200], preflightStatuses: [], mode: 'cors' }],
  ['chromium', 'preflight-put-allowed', { statuses: [200], preflightStatuses: [204], mode: 'cors' }],
  ['firefox', 'preflight-put-allowed', { statuses: [200], preflightStatuses: [204], mode: 'cors' }],
  // A failed preflight: the actual request is never sent (no response), and errors in both browsers.
  ['chromium', 'preflight-status-404', { statuses: [undefined], preflightStatuses: [404], error: 'net::ERR_FAILED', mode: 'cors' }],
  ['firefox', 'preflight-status-404', { statuses: [undefined], preflightStatuses: [404], error: 'NS_ERROR_DOM_BAD_URI', mode: 'cors' }],
  ['chromium', 'preflight-ok-response-missing-allow-origin', { statuses: [200], preflightStatuses: [204], error: 'net::ERR_FAILED', mode: 'cors' }],
  ['firefox', 'preflight-ok-response-missing-allow-origin', { statuses: [200], preflightStatuses: [204], mode: 'cors' }],
  ['chromium', 'redirect-same-origin-allowed', { statuses: [302, 200], preflightStatuses: [], mode: 'cors' }],
  ['firefox', 'redirect-same-origin-allowed', { statuses: [302, 200], preflightStatuses: [], mode: 'cors' }],
  ['chromium', 'redirect-cross-origin-wildcard', { statuses: [307, 200], preflightStatuses: [], mode: 'cors' }],
  ['firefox', 'redirect-cross-origin-wildcard', { statuses: [307, 200], preflightStatuses: [], mode: 'cors' }],
  // A preflight per hop (Fetch §4.4: the redirected request is preflighted again).
  ['chromium', 'redirect-preflighted-same-origin', { statuses: [307, 200], preflightStatuses: [204, 204], mode: 'cors' }],
  ['firefox', 'redirect-preflighted-same-origin', { statuses: [307, 200], preflightStatuses: [204, 204], mode: 'cors' }],
  ['chromium', 'no-cors-fetch', { statuses: [200], preflightStatuses: [], mode: 'no-cors' }],
  ['firefox', 'no-cors-fetch', { statuses: [200], preflightStatuses: [], mode: 'no-cors' }],
];

describe('ExchangeAssembler on real event sequences', () => {
  test.each(cases)('%s %s', (browser, scenario, expected) => {
    const fixture = loadFixture(browser, scenario);
    const exchanges = assemble(fixtureEvents(fixture));
    expect(exchanges).toHaveLength(1);
    const [exchange] = exchanges as [Exchange];
    expect(exchange.initiatorOrigin).toBe(PAGE);
    expect(exchange.hops.map((h) => h.response?.status)).toEqual(expected.statuses);
    expect(exchange.preflights.map((p) => p.response?.status)).toEqual(expected.preflightStatuses);
    expect(exchange.error).toBe(expected.error);
    expect(exchange.mode).toBe(expected.mode);
    // Each preflight asks for the method of the hop it belongs to, and to its URL.
    for (const preflight of exchange.preflights) {
      expect(preflight.request.method).toBe('OPTIONS');
      expect(exchange.hops.some((h) => h.request.url === preflight.request.url)).toBe(true);
    }
    // Every CORS-mode hop that went out carries the Origin the browser sent (Chromium shows it only
    // with 'extraHeaders', so this also proves the listeners were registered with it).
    for (const hop of exchange.hops.filter((h) => h.response && expected.mode === 'cors')) {
      expect(hop.request.headers.map((h) => h.name.toLowerCase())).toContain('origin');
    }
  });

  test.each(cases)('%s %s: the same exchange when the worker restarts between any two events', (browser, scenario) => {
    const events = fixtureEvents(loadFixture(browser, scenario));
    expect(assembleAcrossRestarts(events)).toEqual(assemble(events));
  });
});

describe('takeChanges: in-flight rows are written only once they are old enough', () => {
  const AGE = 1_000;
  const at = (phase: 'start' | 'complete', requestId: string, time: number): RequestEvent => {
    const base = { requestId, at: time, url: 'http://localhost:9000/x', method: 'GET', tabId: 1, frameId: 0, resourceType: 'xmlhttprequest', initiatorOrigin: PAGE };
    return phase === 'start' ? { ...base, phase } : { ...base, phase, response: { status: 200, headers: [] } };
  };
  const ids = (c: ReturnType<ExchangeAssembler['takeChanges']>) => ({ written: c.requests.map((r) => r.id), removed: c.removed });

  test.each([
    // what happens, then takeChanges at `now`: rows written, ids deleted from storage
    ['finished young: never written, nothing to delete', ['start a 0', 'complete a 10'], 500, { written: [], removed: [] }],
    ['still young: held back', ['start a 0'], 500, { written: [], removed: [] }],
    ['old enough: written', ['start a 0'], 1_000, { written: ['a'], removed: [] }],
  ])('%s', (_label, steps, now, expected) => {
    const assembler = new ExchangeAssembler();
    for (const step of steps) {
      const [phase, id, time] = step.split(' ') as ['start' | 'complete', string, string];
      assembler.handle(at(phase, id, Number(time)));
    }
    expect(ids(assembler.takeChanges(now, AGE))).toEqual(expected);
    expect(assembler.hasUntakenChanges).toBe(expected.written.length === 0 && steps.length === 1);
  });

  test('a row written while in flight is deleted once it finishes, and only then', () => {
    const assembler = new ExchangeAssembler();
    assembler.handle(at('start', 'a', 0));
    expect(ids(assembler.takeChanges(2_000, AGE))).toEqual({ written: ['a'], removed: [] });
    assembler.handle(at('complete', 'a', 2_500));
    expect(ids(assembler.takeChanges(2_600, AGE))).toEqual({ written: [], removed: ['a'] });
    expect(ids(assembler.takeChanges(3_000, AGE))).toEqual({ written: [], removed: [] });
  });
});
