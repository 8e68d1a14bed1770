import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { API, har, PAGE, type EntrySpec } from '../../../test/har-samples/build-har';
import { readHar, readHarJson, type HarRead } from './read-har';

const sample = (name: string): string => readFileSync(new URL(`../../../test/har-samples/${name}`, import.meta.url), 'utf8');

function read(entries: readonly EntrySpec[], log: Record<string, unknown> = {}): HarRead {
  const result = readHarJson(har(entries, log));
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Each exchange as [hop entry indexes, preflight entry indexes]. */
const shape = (r: HarRead) => r.exchanges.map((x) => [x.hops.map((h) => h.harIndex), x.preflights.map((p) => p.harIndex)]);

const preflight = (at: number, method = 'PUT', origin = PAGE, url = `${API}/x`): EntrySpec => ({
  method: 'OPTIONS', url, at, status: 204,
  headers: { Origin: origin, 'Access-Control-Request-Method': method },
});
const request = (at: number, method = 'PUT', origin = PAGE, url = `${API}/x`): EntrySpec => ({ method, url, at, headers: { Origin: origin } });

describe('linking preflights to requests', () => {
  test.each<[string, EntrySpec[], unknown]>([
    ['preflight before (Chromium order)', [preflight(0), request(1)], [[[1], [0]]]],
    ['preflight after (Firefox order)', [request(0), preflight(1)], [[[0], [1]]]],
    ['two pairs, interleaved, nearest in time wins', [preflight(0), request(2), request(100), preflight(101)], [[[1], [0]], [[2], [3]]]],
    ['method must equal Access-Control-Request-Method', [preflight(0, 'DELETE'), request(1, 'PUT')], [[[undefined], [0]], [[1], []]]],
    ['origin must match', [preflight(0, 'PUT', 'http://other:1'), request(1)], 'orphan+1'],
    ['URL must match (fragment ignored)', [preflight(0), request(1, 'PUT', PAGE, `${API}/x#frag`)], [[[1], [0]]]],
    ['a redirected request gets one preflight per hop', [
      preflight(0), { ...request(1), status: 307, responseHeaders: { Location: `${API}/y` } },
      preflight(2, 'PUT', 'null', `${API}/y`), request(3, 'PUT', 'null', `${API}/y`),
    ], [[[1, 3], [0, 2]]]],
  ])('%s', (_name, entries, expected) => {
    const result = read(entries);
    if (expected === 'orphan+1') {
      expect(shape(result)).toEqual([[[undefined], [0]], [[1], []]]);
      expect(result.exchanges[0]?.hops[0]?.request).toEqual({ method: 'PUT', url: `${API}/x`, headers: [{ name: 'Origin', value: 'http://other:1' }] });
    } else expect(shape(result)).toEqual(expected);
  });

  test.each([
    ['Chromium order', () => [preflight(0), request(0)]],
    ['Firefox order', () => [request(0), preflight(0)]],
    ['no timestamps', (i: number) => [{ ...preflight(8.64e15 + i) }, { ...request(8.64e15 + i) }]],
  ])('a burst of 300 identical pairs in one millisecond all link (%s)', (_name, pair) => {
    const result = read(Array.from({ length: 300 }, (_, i) => pair(i)).flat());
    expect(result.exchanges).toHaveLength(300);
    expect(result.exchanges.every((x) => x.preflights.length === 1 && x.hops[0]?.harIndex !== undefined)).toBe(true);
  });

  test("Chrome's `_initiator.type: preflight` marks a preflight even without Access-Control-Request-Method", () => {
    const marked: EntrySpec = { method: 'OPTIONS', url: `${API}/x`, at: 0, headers: { Origin: PAGE }, extra: { _initiator: { type: 'preflight', requestId: '9' } } };
    expect(shape(read([marked, request(1)]))).toEqual([[[1], [0]]]);
  });

  test('an OPTIONS request a page made itself is not a preflight', () => {
    expect(shape(read([{ method: 'OPTIONS', url: `${API}/x`, headers: { Origin: PAGE } }]))).toEqual([[[0], []]]);
  });
});

describe('redirect chains', () => {
  const redirect = (at: number, status: number, method: string, to: string): EntrySpec => ({
    method, url: `${API}/from`, at, status, responseHeaders: { Location: to }, headers: { Origin: PAGE },
  });
  test.each<[string, EntrySpec[], unknown]>([
    ['relative Location', [redirect(0, 302, 'GET', '/to'), { url: `${API}/to`, at: 1 }], [[[0, 1], []]]],
    ['303 turns POST into GET', [redirect(0, 303, 'POST', `${API}/to`), { url: `${API}/to`, at: 1 }], [[[0, 1], []]]],
    ['307 keeps POST, so a GET is another request', [redirect(0, 307, 'POST', `${API}/to`), { url: `${API}/to`, at: 1 }], [[[0], []], [[1], []]]],
    ['an earlier entry is never the follow-up', [{ url: `${API}/to`, at: 0 }, redirect(1, 302, 'GET', `${API}/to`)], [[[0], []], [[1], []]]],
    ['three hops', [redirect(0, 301, 'GET', `${API}/a`), { url: `${API}/a`, at: 1, status: 302, responseHeaders: { Location: `${API}/b` } }, { url: `${API}/b`, at: 2 }], [[[0, 1, 2], []]]],
    ['the nearest in time of two candidates', [redirect(0, 302, 'GET', `${API}/to`), { url: `${API}/to`, at: 5000 }, { url: `${API}/to`, at: 3 }], [[[0, 2], []], [[1], []]]],
    // Fixture `redirect-two-requests-same-target`: two requests redirected to one URL; the first
    // failed its CORS check on the 302.
    ['a redirect the browser refused has no next hop', [
      { ...redirect(0, 302, 'GET', `${API}/to`), responseExtra: { _error: 'net::ERR_FAILED' } },
      { ...redirect(8, 302, 'GET', `${API}/to`), url: `${API}/other` },
      { url: `${API}/to`, at: 11, headers: { Origin: PAGE } },
    ], [[[0], []], [[1, 2], []]]],
    ['a follow-up goes to the redirect just before it, not the first in the log', [
      redirect(0, 302, 'GET', `${API}/to`),
      { ...redirect(8, 302, 'GET', `${API}/to`), url: `${API}/other` },
      { url: `${API}/to`, at: 11, headers: { Origin: PAGE } },
    ], [[[0], []], [[1, 2], []]]],
    ['the Origin stays or becomes null, never another origin', [
      redirect(0, 302, 'GET', `${API}/to`),
      { url: `${API}/to`, at: 1, headers: { Origin: 'http://other:1' } },
      { url: `${API}/to`, at: 2, headers: { Origin: 'null' } },
    ], [[[0, 2], []], [[1], []]]],
    ['a follow-up made from another call site (Chrome DevTools initiator stack) is another request', [
      { ...redirect(0, 302, 'GET', `${API}/to`), extra: { _initiator: { type: 'script', stack: { callFrames: [{ url: `${PAGE}/a.js`, lineNumber: 3, columnNumber: 5 }] } } } },
      { url: `${API}/to`, at: 1, extra: { _initiator: { type: 'script', stack: { callFrames: [{ url: `${PAGE}/b.js`, lineNumber: 9, columnNumber: 1 }] } } } },
      { url: `${API}/to`, at: 9, extra: { _initiator: { type: 'script', stack: { callFrames: [], parent: { callFrames: [{ url: `${PAGE}/a.js`, lineNumber: 3, columnNumber: 5 }] } } } } },
    ], [[[0, 2], []], [[1], []]]],
    ['a recorder request id that differs rules a follow-up out', [
      { ...redirect(0, 302, 'GET', `${API}/to`), extra: { _requestId: '1' } },
      { url: `${API}/to`, at: 1, extra: { _requestId: '2' } },
      { url: `${API}/to`, at: 9, extra: { _requestId: '1' } },
    ], [[[0, 2], []], [[1], []]]],
  ])('%s', (_name, entries, expected) => {
    expect(shape(read(entries))).toEqual(expected);
  });
});

describe('initiatorOrigin', () => {
  const pages = { pages: [{ id: 'p1', title: `${PAGE}/index.html`, startedDateTime: '2026-11-01T10:00:00Z', pageTimings: {} }] };
  test.each<[string, Partial<EntrySpec>, string | null]>([
    ["Chrome's _initiator.url", { extra: { _initiator: { type: 'parser', url: 'http://doc.test:8/page' }, pageref: 'p1' } }, 'http://doc.test:8'],
    ["the Origin header wins over Chrome's _initiator.url (a stylesheet on a CDN loads a font)", { extra: { _initiator: { type: 'parser', url: 'http://cdn.test/a.css' } }, headers: { Origin: PAGE } }, PAGE],
    ['a string _initiator (WebPageTest) is the script, not the document: the Origin header wins', { extra: { _initiator: 'http://cdn.test/x.js', _initiator_type: 'parser', _initiator_line: '3' }, headers: { Origin: PAGE } }, PAGE],
    ['a string _initiator (WebPageTest) never names the page', { extra: { _initiator: 'http://cdn.test/x.js', _initiator_type: 'script' } }, null],
    ["a script initiator's URL yields to the Origin header", { extra: { _initiator: { type: 'script', url: 'http://cdn.test/x.js' } }, headers: { Origin: PAGE } }, PAGE],
    ["a script initiator's URL is never the page's", { extra: { _initiator: { type: 'script', url: 'http://cdn.test/x.js' } } }, null],
    ["a preflight initiator's URL is not the document", { extra: { _initiator: { type: 'preflight', url: `${API}/x` } } }, null],
    ['Origin header', { headers: { Origin: 'http://o.test', Referer: 'http://r.test/' } }, 'http://o.test'],
    ['Origin: null is the opaque origin, whatever the Referer', { headers: { Origin: 'null', Referer: 'http://r.test/a' } }, 'null'],
    ['Sec-Fetch-Site: same-origin is the request URL\'s origin', { headers: { 'Sec-Fetch-Site': 'same-origin', Referer: 'http://r.test/a' } }, API],
    ['Sec-Fetch-Site: cross-site rules out a Referer of the request\'s own origin', { headers: { 'Sec-Fetch-Site': 'cross-site', Referer: `${API}/style.css` }, extra: { pageref: 'p1' } }, PAGE],
    ['page URL from pageref', { extra: { pageref: 'p1' } }, PAGE],
    ['nothing known', {}, null],
    ['a page title that is not a URL', { extra: { pageref: 'p2' } }, null],
    ["WebPageTest's page _URL", { extra: { pageref: 'p3' } }, 'https://wpt.test'],
  ])('%s', (_name, spec, expected) => {
    const result = read([{ url: `${API}/x`, ...spec }], { pages: [
      ...pages.pages,
      { id: 'p2', title: 'My app', startedDateTime: '', pageTimings: {} },
      { id: 'p3', title: 'Run 1, First View for https://wpt.test/', _URL: 'https://wpt.test/', startedDateTime: '', pageTimings: {} },
    ] });
    expect(result.exchanges[0]?.initiatorOrigin).toBe(expected);
  });
});

describe("initiatorOrigin from the recorder's documents (Playwright: _frameref, pageref)", () => {
  const doc = (url: string, frame: string, at: number): EntrySpec => ({ url, at, extra: { pageref: 'p', _frameref: frame, _resourceType: 'document' } });
  const call = (frame: string | undefined, at: number): EntrySpec => ({ url: `${API}/x`, at, extra: { pageref: 'p', _resourceType: 'fetch', ...(frame ? { _frameref: frame } : {}) } });
  const playwrightPage = { pages: [{ id: 'p', title: 'Shop', startedDateTime: '', pageTimings: {} }] };
  test.each<[string, EntrySpec[], string | null]>([
    ["the page's document", [doc(`${PAGE}/`, 'main', 0), call('main', 1)], PAGE],
    ["an iframe's own document", [doc(`${PAGE}/`, 'main', 0), doc('http://frame.test/f.html', 'child', 1), call('child', 2)], 'http://frame.test'],
    ["no frame: the page's first frame", [doc(`${PAGE}/`, 'main', 0), doc('http://frame.test/f.html', 'child', 1), call(undefined, 2)], PAGE],
    ['after a navigation, the new document', [doc(`${PAGE}/`, 'main', 0), doc('http://next.test/', 'main', 1), call('main', 2)], 'http://next.test'],
    ['a document that failed is no document', [doc(`${PAGE}/`, 'main', 0), { ...doc('http://next.test/', 'main', 1), status: 500 }, call('main', 2)], PAGE],
    ['chrome-har: no type, the first HTML answer of the page', [
      { url: `${PAGE}/`, at: 0, responseHeaders: { 'Content-Type': 'text/html' }, extra: { pageref: 'p' } },
      { url: `${API}/x`, at: 1, extra: { pageref: 'p' } },
    ], PAGE],
  ])('%s', (_name, entries, expected) => {
    const result = read(entries, playwrightPage);
    expect(result.exchanges.at(-1)?.initiatorOrigin).toBe(expected);
  });
});

describe('exchange fields', () => {
  test('mode from Sec-Fetch-Mode, resource type, start time, error, no response for status 0', () => {
    const [x] = read([{
      url: `${API}/x`, at: 42, status: 0, headers: { 'sec-fetch-mode': 'no-cors' },
      extra: { _resourceType: 'image' }, responseExtra: { _error: 'net::ERR_FAILED' },
    }]).exchanges;
    expect(x).toMatchObject({ id: 'har:0', mode: 'no-cors', resourceType: 'image', error: 'net::ERR_FAILED', startedAt: Date.parse('2026-11-01T10:00:00.042Z') });
    expect(x?.hops[0]?.response).toBeUndefined();
  });

  // Fixture `no-cors-fetch-aborted`, Chrome DevTools' export of an aborted opaque fetch: a status,
  // no header at all, an error.
  test.each<[string, EntrySpec, boolean]>([
    ['a status with no header at all and an error: nothing was recorded', { url: `${API}/x`, status: 200, responseExtra: { _error: 'net::ERR_ABORTED' } }, false],
    ['a status with no header and no error is kept (a recorder that writes no headers)', { url: `${API}/x`, status: 200 }, true],
  ])('%s', (_label, entry, kept) => {
    const [x] = read([entry]).exchanges;
    expect(x?.hops[0]?.response !== undefined).toBe(kept);
  });

  test('status 0 with headers keeps the headers', () => {
    const [x] = read([{ url: `${API}/x`, status: 0, responseHeaders: { 'Access-Control-Allow-Origin': '*' } }]).exchanges;
    expect(x?.hops[0]?.response).toEqual({ status: 0, headers: [{ name: 'Access-Control-Allow-Origin', value: '*' }] });
  });
});

describe('browser samples', () => {
  test('Chrome: marked preflight, HTTP/2 lower-case headers, blocked request with status 0', () => {
    const result = readHar(sample('chrome-preflight-blocked.har'));
    expect(result.ok && shape(result)).toEqual([[[0], []], [[2], [1]], [[3], []], [[4], []]]);
    expect(result.ok && result.exchanges.map((x) => [x.initiatorOrigin, x.browser])).toEqual(Array(4).fill([PAGE, 'chromium']));
    expect(result.ok && result.exchanges[2]?.hops[0]?.request.headers.map((h) => h.name)).toEqual(['origin', 'sec-fetch-mode']);
  });

  test('Firefox: preflight logged after its request, redirect to another origin', () => {
    const result = readHar(sample('firefox-preflight-after-and-redirect.har'));
    expect(result.ok && shape(result)).toEqual([[[0], [1]], [[2, 3], []]]);
    expect(result.ok && result.exchanges.map((x) => x.browser)).toEqual(['firefox', 'firefox']);
  });

  test.each([
    ['invalid-json.har', "not valid JSON (Unexpected token '}' at line 3 column 17)"],
    ['not-har.json', 'not a HAR file (no "log" object)'],
  ])('%s → %s', (name, error) => {
    expect(readHar(sample(name))).toEqual({ ok: false, error });
  });

  test('entry-missing-url.har: the entry without a URL is skipped, the other read', () => {
    const result = readHar(sample('entry-missing-url.har'));
    expect(result.ok && result.skipped).toEqual([{ entry: 1, reason: 'request.url is missing, expected a string' }]);
    expect(result.ok && shape(result)).toEqual([[[0], []]]);
    expect(result.ok && result.entryCount).toBe(2);
  });
});
