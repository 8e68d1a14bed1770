import { describe, expect, test } from 'vitest';
import { har, harEntry } from '../../../test/har-samples/build-har';
import { validateHar } from './validate-har';

const ok = harEntry({ url: 'http://a.test/' });
const withRequest = (request: Record<string, unknown>) => ({ ...ok, request });
const withResponse = (response: unknown) => ({ ...ok, response });
const log = (...entries: unknown[]) => ({ log: { entries } });

describe('validateHar errors name the entry and the field', () => {
  test.each([
    ['a string', 'hello', 'not a HAR file (no "log" object)'],
    ['null', null, 'not a HAR file (no "log" object)'],
    ['an array', [], 'not a HAR file (no "log" object)'],
    ['no entries', { log: { version: '1.2' } }, 'not a HAR file (no log.entries array)'],
    ['entries not an array', { log: { entries: {} } }, 'not a HAR file (no log.entries array)'],
    ['entry not an object', log(5), 'entry 0 is a number, expected an object'],
    ['no entry can be read: the first one\'s error', log(5, withRequest({ method: 'GET' })), 'entry 0 is a number, expected an object'],
    ['no request', log({ ...ok, request: undefined }), 'entry 0: request is missing, expected an object'],
    ['no response', log({ ...ok, response: undefined }), 'entry 0: response is missing, expected an object'],
    ['response null', log(withResponse(null)), 'entry 0: response is null, expected an object'],
    ['no url', log(withRequest({ method: 'GET' })), 'entry 0: request.url is missing, expected a string'],
    ['url a number', log(withRequest({ method: 'GET', url: 5 })), 'entry 0: request.url is a number, expected a string'],
    ['no method', log(withRequest({ url: 'http://a/' })), 'entry 0: request.method is missing, expected a string'],
    ['empty method', log(withRequest({ url: 'http://a/', method: '' })), 'entry 0: request.method is empty'],
    ['no status', log(withResponse({ headers: [] })), 'entry 0: response.status is missing, expected a number'],
    ['status NaN-like', log(withResponse({ status: '200' })), 'entry 0: response.status is a string, expected a number'],
    ['headers not array', log(withRequest({ url: 'http://a/', method: 'GET', headers: {} })), 'entry 0: request.headers is an object, expected an array'],
    ['bad header', log(withResponse({ status: 200, headers: [{ name: 'A', value: {} }] })), 'entry 0: response.headers[0] is not a {name, value} pair of strings'],
    ['null method (WebPageTest)', log(withRequest({ url: 'http://a/', method: null })), 'entry 0: request.method is null, expected a string'],
  ])('%s', (_name, json, error) => {
    expect(validateHar(json)).toEqual({ ok: false, error });
  });
});

describe('validateHar skips the entries it cannot read and reads the rest', () => {
  test.each<[string, unknown[], { entry: number; reason: string }[]]>([
    ['an entry that is not an object', [ok, 5], [{ entry: 1, reason: 'is a number, expected an object' }]],
    ['no response', [ok, ok, { ...ok, response: undefined }], [{ entry: 2, reason: 'response is missing, expected an object' }]],
    ['method null (WebPageTest)', [withRequest({ url: 'http://a/', method: null }), ok], [{ entry: 0, reason: 'request.method is null, expected a string' }]],
    ['a header value that is an object', [ok, withResponse({ status: 200, headers: [{ name: 'A', value: {} }] })], [{ entry: 1, reason: 'response.headers[0] is not a {name, value} pair of strings' }]],
  ])('%s', (_name, entries, skipped) => {
    const result = validateHar(log(...entries));
    expect(result.ok && result.skipped).toEqual(skipped);
    expect(result.ok && result.entries.map((e) => e.index)).toEqual(entries.flatMap((_, i) => (skipped.some((s) => s.entry === i) ? [] : [i])));
  });

  test.each<[string, unknown, { name: string; value: string }[]]>([
    ['Polly.JS: an array value is one line, joined as the browser combines', { name: 'accept', value: ['text/html', 'application/json'] }, [{ name: 'accept', value: 'text/html, application/json' }]],
    ['Polly.JS: Set-Cookie values stay separate lines', { name: 'set-cookie', value: ['a=1', 'b=2'] }, [{ name: 'set-cookie', value: 'a=1' }, { name: 'set-cookie', value: 'b=2' }]],
    ['a number value', { name: 'content-length', value: 12 }, [{ name: 'content-length', value: '12' }]],
  ])('%s', (_name, header, expected) => {
    const result = validateHar(log(withResponse({ status: 200, headers: [header] })));
    expect(result.ok && result.entries[0]?.responseHeaders).toEqual(expected);
  });
});

describe('validateHar reads', () => {
  test('a minimal HAR with no headers arrays, pages or times', () => {
    const result = validateHar(log({ request: { method: 'GET', url: 'http://a/' }, response: { status: 0 } }));
    expect(result.ok && result.entries[0]).toMatchObject({ index: 0, method: 'GET', status: 0, requestHeaders: [], responseHeaders: [] });
    expect(result.ok && Number.isNaN(result.entries[0]?.startedAt)).toBe(true);
  });

  test('drops HTTP/2 pseudo-headers and keeps header case and order', () => {
    const result = validateHar(har([{ url: 'http://a/', headers: { ':authority': 'a', ':path': '/', 'X-B': '1', origin: 'http://o' } }]));
    expect(result.ok && result.entries[0]?.requestHeaders).toEqual([
      { name: 'X-B', value: '1' },
      { name: 'origin', value: 'http://o' },
    ]);
  });

  test.each([
    ['response._error', { responseExtra: { _error: 'net::ERR_FAILED' } }, 'net::ERR_FAILED'],
    ['entry _error', { extra: { _error: 'NS_ERROR_DOM_BAD_URI' } }, 'NS_ERROR_DOM_BAD_URI'],
    ['_error null (Chrome, success)', { responseExtra: { _error: null } }, undefined],
  ])('%s', (_name, spec, error) => {
    const result = validateHar(har([{ url: 'http://a/', ...spec }]));
    expect(result.ok && result.entries[0]?.error).toBe(error);
  });

  test.each([
    [{ name: 'WebInspector', version: '537.36' }, 'chromium'],
    [{ name: 'Firefox', version: '153.0' }, 'firefox'],
    [{ name: 'Charles Proxy', version: '4' }, undefined],
  ])('creator %j → browser %s', (creator, browser) => {
    const result = validateHar(har([], { creator }));
    expect(result.ok && result.browser).toBe(browser);
  });
});
