// Orders and losses the recorded fixtures do not show: concurrent identical requests, a preflight
// that arrives before its request, a preflight that never finishes, events lost to a worker restart.
import { describe, expect, test } from 'vitest';
import type { Header } from '../core/model';
import type { EventBase, RequestEvent } from './event-normalizer';
import { ExchangeAssembler } from './exchange-assembler';

const URL_ = 'http://api.test/x';
const PAGE = 'http://page.test';

function ev(requestId: string, method: string, at: number): EventBase {
  return { requestId, at, url: URL_, method, tabId: 1, frameId: 0, resourceType: 'fetch', initiatorOrigin: PAGE };
}
const start = (id: string, method: string, at: number): RequestEvent => ({ ...ev(id, method, at), phase: 'start' });
const send = (id: string, method: string, at: number, headers: Header[] = []): RequestEvent => ({ ...ev(id, method, at), phase: 'send', requestHeaders: headers });
const preflightSend = (id: string, forMethod: string, at: number): RequestEvent =>
  send(id, 'OPTIONS', at, [{ name: 'Access-Control-Request-Method', value: forMethod }, { name: 'Origin', value: PAGE }]);
const complete = (id: string, method: string, at: number, status = 200): RequestEvent => ({ ...ev(id, method, at), phase: 'complete', response: { status, headers: [] } });
const error = (id: string, method: string, at: number): RequestEvent => ({ ...ev(id, method, at), phase: 'error', error: 'net::ERR_FAILED' });

function run(events: readonly RequestEvent[], assembler = new ExchangeAssembler()): { id: string; preflightStatuses: (number | undefined)[] }[] {
  return events.flatMap((e) => assembler.handle(e)).map((x) => ({ id: x.id, preflightStatuses: x.preflights.map((p) => p.response?.status) }));
}

describe('ExchangeAssembler edge orders', () => {
  test.each([
    [
      'two identical PUTs at once, Chromium order: each gets its own preflight, oldest first',
      [start('a', 'PUT', 1), start('b', 'PUT', 2), start('pa', 'OPTIONS', 3), preflightSend('pa', 'PUT', 3), start('pb', 'OPTIONS', 4), preflightSend('pb', 'PUT', 4),
        complete('pa', 'OPTIONS', 5, 204), complete('pb', 'OPTIONS', 6, 200), send('a', 'PUT', 7), complete('a', 'PUT', 8), send('b', 'PUT', 9), complete('b', 'PUT', 10)],
      [{ id: 'a', preflightStatuses: [204] }, { id: 'b', preflightStatuses: [200] }],
    ],
    [
      'a preflight seen before its request (adopted when the request appears)',
      [preflightSend('p', 'DELETE', 1), start('a', 'DELETE', 2), complete('p', 'OPTIONS', 3, 204), send('a', 'DELETE', 4), complete('a', 'DELETE', 5)],
      [{ id: 'a', preflightStatuses: [204] }],
    ],
    [
      'the actual request fails before its preflight finishes: it waits for the preflight',
      [start('a', 'PUT', 1), preflightSend('p', 'PUT', 2), error('a', 'PUT', 3), complete('p', 'OPTIONS', 4, 500)],
      [{ id: 'a', preflightStatuses: [500] }],
    ],
    [
      'a preflight for another method is not linked',
      [start('a', 'PUT', 1), preflightSend('p', 'PATCH', 2), send('a', 'PUT', 3), complete('a', 'PUT', 4)],
      [{ id: 'a', preflightStatuses: [] }],
    ],
    [
      'onCompleted for a request never seen (its first events were lost): still recorded',
      [complete('lost', 'GET', 5)],
      [{ id: 'lost', preflightStatuses: [] }],
    ],
  ])('%s', (_name, events, expected) => {
    expect(run(events)).toEqual(expected);
  });

  test('a request waiting on a preflight that never finishes is released by tick()', () => {
    const assembler = new ExchangeAssembler();
    expect(run([start('a', 'PUT', 1), preflightSend('p', 'PUT', 2), error('a', 'PUT', 3)], assembler)).toEqual([]);
    expect(assembler.tick(3 + 4_999)).toEqual([]);
    expect(assembler.tick(3 + 5_000).map((x) => x.id)).toEqual(['a']);
    expect(assembler.inFlight).toBe(0);
  });

  test('an unlinked preflight is forgotten after the link window', () => {
    const assembler = new ExchangeAssembler();
    run([preflightSend('p', 'PUT', 0), complete('p', 'OPTIONS', 1)], assembler);
    expect(assembler.inFlight).toBe(1);
    assembler.tick(30_000);
    expect(assembler.inFlight).toBe(0);
  });

  test('in-flight requests are bounded', () => {
    const assembler = new ExchangeAssembler(undefined, { preflightWaitMs: 5_000, linkWindowMs: 30_000, maxPending: 3 });
    run([start('a', 'GET', 1), start('b', 'GET', 2), start('c', 'GET', 3), start('d', 'GET', 4)], assembler);
    expect(assembler.inFlight).toBe(3);
    expect(run([complete('b', 'GET', 5)], assembler).map((x) => x.id)).toEqual(['b']);
  });
});

describe('a response the browser cache answered', () => {
  const headers = [{ name: 'Access-Control-Allow-Origin', value: 'http://other.test' }];
  const received: RequestEvent = { ...ev('a', 'GET', 2), phase: 'response', response: { status: 200, headers } };
  test.each<[string, RequestEvent[], boolean | undefined, number | undefined]>([
    // Chromium, blocked: onHeadersReceived (no fromCache field), then onErrorOccurred with fromCache.
    ['blocked: onErrorOccurred says fromCache', [send('a', 'GET', 1), received, { ...ev('a', 'GET', 3), phase: 'error', error: 'net::ERR_FAILED', fromCache: true }], true, 1],
    // Passed: onCompleted (registered without responseHeaders) says fromCache; the headers stay.
    ['passed: onCompleted says fromCache', [send('a', 'GET', 1), received, { ...ev('a', 'GET', 3), phase: 'complete', response: { status: 200, headers: [], fromCache: true } }], true, 1],
    ['from the network', [send('a', 'GET', 1), received, complete('a', 'GET', 3)], undefined, 1],
  ])('%s', (_name, events, fromCache, headerCount) => {
    const assembler = new ExchangeAssembler();
    const [x] = events.flatMap((e) => assembler.handle(e));
    expect(x?.hops[0]?.response?.fromCache).toBe(fromCache);
    expect(x?.hops[0]?.response?.headers.length).toBe(headerCount);
  });

  test('a preflight records how long it took', () => {
    const assembler = new ExchangeAssembler();
    const [x] = [start('a', 'PUT', 1), preflightSend('p', 'PUT', 10), complete('p', 'OPTIONS', 35, 204), send('a', 'PUT', 36), complete('a', 'PUT', 40)].flatMap((e) => assembler.handle(e));
    expect(x?.preflights[0]?.durationMs).toBe(25);
  });
});
