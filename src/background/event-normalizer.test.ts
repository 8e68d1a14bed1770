import { describe, expect, test } from 'vitest';
import type { WebRequestDetails } from '../platform/web-request';
import { normalizeEvent, normalizeHeaders, originOf } from './event-normalizer';

const base: WebRequestDetails = {
  requestId: '7',
  url: 'http://api.test:8001/x',
  method: 'GET',
  tabId: 3,
  frameId: 0,
  type: 'xmlhttprequest',
  timeStamp: 1000,
};

describe('initiator origin', () => {
  test.each([
    ['Chromium initiator', { initiator: 'http://page.test:8000' }, 'http://page.test:8000'],
    ['Chromium opaque initiator', { initiator: 'null' }, 'null'],
    ['Firefox originUrl', { originUrl: 'http://page.test:8000/a/b?c#d' }, 'http://page.test:8000'],
    ['Firefox documentUrl only', { documentUrl: 'https://page.test/doc' }, 'https://page.test'],
    ['Firefox originUrl wins over documentUrl', { originUrl: 'http://worker.test/w.js', documentUrl: 'http://doc.test/' }, 'http://worker.test'],
    ['extension page', { originUrl: 'moz-extension://abc-123/panel.html' }, 'moz-extension://abc-123'],
    ['nothing known', {}, null],
    ['unparsable', { originUrl: 'not a url' }, null],
  ])('%s', (_name, extra, expected) => {
    expect(normalizeEvent('start', { ...base, ...extra }).initiatorOrigin).toBe(expected);
  });
});

describe('phases', () => {
  test.each([
    ['start', {}, { phase: 'start' }],
    ['send', { requestHeaders: [{ name: 'Origin', value: 'http://p' }] }, { requestHeaders: [{ name: 'Origin', value: 'http://p' }] }],
    ['response', { statusCode: 404, statusLine: 'HTTP/1.1 404 Not Found' }, { response: { status: 404, statusText: 'Not Found', headers: [] } }],
    ['complete', { statusCode: 200, statusLine: 'HTTP/2.0 200' }, { response: { status: 200, statusText: '', headers: [] } }],
    ['redirect', { statusCode: 307, redirectUrl: 'http://b/' }, { redirectUrl: 'http://b/', response: { status: 307, statusText: '', headers: [] } }],
    ['error', { error: 'net::ERR_FAILED' }, { error: 'net::ERR_FAILED' }],
  ] as const)('%s', (phase, extra, expected) => {
    expect(normalizeEvent(phase, { ...base, ...extra })).toMatchObject({ requestId: '7', at: 1000, tabId: 3, ...expected });
  });
});

describe('headers', () => {
  test.each([
    [[{ name: 'A', value: 'x' }], [{ name: 'A', value: 'x' }]],
    [[{ name: 'B', binaryValue: [0xff, 0x41] }], [{ name: 'B', value: '\u00ffA' }]],
    [[{ name: 'C' }], [{ name: 'C', value: '' }]],
  ])('%j', (raw, expected) => {
    expect(normalizeHeaders(raw)).toEqual(expected);
  });

  test('origins of special schemes come from URL', () => {
    expect(originOf('https://a.test:443/x')).toBe('https://a.test');
  });
});

describe('fromCache (the browser cache answered)', () => {
  test.each<[string, boolean | undefined, true | undefined]>([
    ['Chromium/Firefox onCompleted from the cache', true, true],
    ['from the network', false, undefined],
    ['onHeadersReceived (no fromCache field)', undefined, undefined],
  ])('%s', (_name, fromCache, expected) => {
    const event = normalizeEvent('complete', { ...base, statusCode: 200, ...(fromCache !== undefined ? { fromCache } : {}) });
    expect(event.phase === 'complete' ? event.response.fromCache : 'wrong phase').toBe(expected);
  });

  // Chromium ends a CORS-blocked response with onErrorOccurred (net::ERR_FAILED), fromCache included.
  test.each<[boolean | undefined, true | undefined]>([[true, true], [false, undefined], [undefined, undefined]])('onErrorOccurred with fromCache %s', (fromCache, expected) => {
    const event = normalizeEvent('error', { ...base, error: 'net::ERR_FAILED', ...(fromCache !== undefined ? { fromCache } : {}) });
    expect(event.phase === 'error' ? event.fromCache : 'wrong phase').toBe(expected);
  });
});
