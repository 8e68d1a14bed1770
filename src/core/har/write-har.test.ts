import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Analysis } from '../analysis';
import { analyzeExchange } from '../analyze';
import type { Exchange, Header } from '../model';
import type { RecordedExchange } from '../protocol';
import { REDACTED } from '../redact';
import type { WrittenEntry } from './har-entry-writer';
import { readHar, type HarRead } from './read-har';
import { writeHar, type ExportItem } from './write-har';

const PAGE = 'http://localhost:1234';
const API = 'http://localhost:5678';
const h = (name: string, value: string): Header => ({ name, value });

const EXCHANGES: readonly Exchange[] = [
  {
    id: 'simple', initiatorOrigin: PAGE, startedAt: 1_800_000_000_000.5, mode: 'cors', resourceType: 'fetch', browser: 'chromium', tabId: 3, frameId: 0, overridden: true,
    hops: [{ request: { method: 'GET', url: `${API}/a?x=1`, headers: [h('Origin', PAGE)] }, response: { status: 200, statusText: 'OK', headers: [h('Access-Control-Allow-Origin', '*')] } }],
    preflights: [],
  },
  {
    id: 'preflight-blocked', initiatorOrigin: PAGE, startedAt: 1_800_000_000_100, error: 'net::ERR_FAILED',
    hops: [{ request: { method: 'PUT', url: `${API}/b`, headers: [] } }],
    preflights: [{
      request: { method: 'OPTIONS', url: `${API}/b`, headers: [h('Origin', PAGE), h('Access-Control-Request-Method', 'PUT'), h('Access-Control-Request-Headers', 'x-token')] },
      response: { status: 204, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT')] },
    }],
  },
  {
    id: 'redirected', initiatorOrigin: PAGE, startedAt: 1_800_000_000_200, browser: 'firefox', documentUrl: `${PAGE}/app`,
    hops: [
      { request: { method: 'PUT', url: `${API}/c`, headers: [h('Origin', PAGE), h('Cookie', 'sid=1')] }, response: { status: 307, headers: [h('Location', 'http://localhost:9999/d'), h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Credentials', 'true')] } },
      { request: { method: 'PUT', url: 'http://localhost:9999/d', headers: [h('Origin', 'null'), h('Cookie', 'sid=2')] }, response: { status: 200, headers: [h('Access-Control-Allow-Origin', '*')] } },
    ],
    preflights: [
      { request: { method: 'OPTIONS', url: `${API}/c`, headers: [h('Origin', PAGE), h('Access-Control-Request-Method', 'PUT')] }, response: { status: 200, headers: [h('Access-Control-Allow-Origin', PAGE), h('Access-Control-Allow-Methods', 'PUT'), h('Access-Control-Allow-Credentials', 'true')] } },
      { request: { method: 'OPTIONS', url: 'http://localhost:9999/d', headers: [h('Origin', 'null'), h('Access-Control-Request-Method', 'PUT')] }, error: 'NS_ERROR_DOM_BAD_URI' },
    ],
  },
  {
    id: 'unknown-origin', initiatorOrigin: null, startedAt: 0,
    hops: [{ request: { method: 'GET', url: `${API}/e`, headers: [] }, response: { status: 0, headers: [h('X', '1')] } }],
    preflights: [],
  },
];

const items: ExportItem[] = EXCHANGES.map((exchange) => ({ exchange, analysis: analyzeExchange(exchange), pageId: 1 }));

function reread(exported: unknown): HarRead {
  const result = readHar(JSON.stringify(exported));
  if (!result.ok) throw new Error(result.error);
  return result;
}

/** Ids and HAR positions are the reader's own; everything else must survive. */
function comparable(x: Exchange): unknown {
  const { id: _id, ...rest } = x;
  return {
    ...rest,
    hops: x.hops.map(({ harIndex: _h, ...hop }) => hop),
    preflights: x.preflights.map(({ harIndex: _h, ...p }) => p),
  };
}

describe('writeHar', () => {
  const exported = writeHar(items, { redact: false, pages: [{ id: 1, url: `${PAGE}/app`, startedAt: 1_800_000_000_000 }], creatorVersion: '9.9.9' });
  const entries = exported.log.entries as unknown as WrittenEntry[];

  test('writes HAR 1.2 with every required field', () => {
    expect(exported.log).toMatchObject({ version: '1.2', creator: { name: 'CORS Lens', version: '9.9.9' } });
    expect(exported.log.pages).toEqual([{ id: 'page_1', title: `${PAGE}/app`, startedDateTime: '2027-01-15T08:00:00.000Z', pageTimings: {} }]);
    expect(entries).toHaveLength(1 + 2 + 4 + 1);
    for (const e of entries) {
      expect(Object.keys(e)).toEqual(expect.arrayContaining(['startedDateTime', 'time', 'request', 'response', 'cache', 'timings', 'pageref']));
      expect(Object.keys(e.request)).toEqual(expect.arrayContaining(['method', 'url', 'httpVersion', 'cookies', 'headers', 'queryString', 'headersSize', 'bodySize']));
      expect(Object.keys(e.response)).toEqual(expect.arrayContaining(['status', 'statusText', 'httpVersion', 'cookies', 'headers', 'content', 'redirectURL', 'headersSize', 'bodySize']));
      expect(e.response.content).toEqual({ size: expect.any(Number), mimeType: expect.any(String) });
      expect(e.timings).toEqual({ send: 0, wait: 0, receive: 0 });
      expect(Number.isNaN(Date.parse(e.startedDateTime))).toBe(false);
    }
  });

  test('one entry per preflight (before its hop, marked like Chrome) and per hop; _cors on each first hop', () => {
    expect(entries.map((e) => [e._corsLens.exchangeId, e._corsLens.role, e._corsLens.hop, e._initiator?.type ?? null, '_cors' in e])).toEqual([
      ['simple', 'request', 0, 'other', true],
      ['preflight-blocked', 'preflight', 0, 'preflight', false],
      ['preflight-blocked', 'request', 0, 'other', true],
      ['redirected', 'preflight', 0, 'preflight', false],
      ['redirected', 'request', 0, 'other', true],
      ['redirected', 'preflight', 1, 'preflight', false],
      ['redirected', 'request', 1, 'redirect', false],
      ['unknown-origin', 'request', 0, null, true],
    ]);
    expect(entries[2]?._cors).toEqual(items[1]?.analysis);
  });

  test('a request that got no response: status 0 and _error', () => {
    expect(entries[2]?.response).toMatchObject({ status: 0, headers: [], _error: 'net::ERR_FAILED' });
    expect(entries[5]?.response).toMatchObject({ status: 0, _error: 'NS_ERROR_DOM_BAD_URI' });
  });

  test('reading the export back gives the same exchanges and the same analyses', () => {
    const back = reread(exported);
    expect(back.exchanges.map(comparable)).toEqual(EXCHANGES.map(comparable));
    expect(back.exchanges.map(analyzeExchange)).toEqual(items.map((i) => i.analysis));
    expect([...back.embeddedAnalyses.values()]).toEqual(items.map((i) => i.analysis));
  });

  test('a 304 keeps the cached copy it was judged on, though the export holds no earlier response', () => {
    const reload: Exchange = {
      id: 'revalidated', initiatorOrigin: PAGE, startedAt: 1_800_000_000_300, browser: 'firefox', tabId: 3,
      hops: [{
        request: { method: 'GET', url: `${API}/f`, headers: [h('Origin', PAGE), h('If-None-Match', '"v1"')] },
        response: { status: 304, headers: [h('ETag', '"v1"')], cachedCopy: { status: 200, headers: [h('Access-Control-Allow-Origin', 'http://elsewhere.test')] } },
      }],
      preflights: [],
    };
    const analysis = analyzeExchange(reload);
    expect(analysis.verdict).toBe('blocked');
    const back = reread(writeHar([{ exchange: reload, analysis, pageId: 1 }]));
    expect(back.exchanges.map(comparable)).toEqual([comparable(reload)]);
    expect(back.exchanges.map(analyzeExchange)).toEqual([analysis]);
  });

  test('redacts by default, and a redacted export still reads as credentialed', () => {
    const text = JSON.stringify(writeHar(items));
    expect(text).not.toContain('sid=');
    const back = reread(JSON.parse(text));
    const redirected = back.exchanges[2] as Exchange;
    expect(redirected.hops[0]?.request.headers).toContainEqual({ name: 'Cookie', value: REDACTED });
    expect(analyzeExchange(redirected).credentials).toBe('include');
    expect(analyzeExchange(redirected).verdict).toBe((items[2]?.analysis as Analysis).verdict);
  });

  test("takes the recorder's RecordedExchange as it is, pages and all", () => {
    const recorded: RecordedExchange[] = items.map((item, seq) => ({ seq, pageId: seq < 2 ? 1 : 2, exchange: item.exchange, analysis: analyzeExchange(item.exchange) }));
    const out = writeHar(recorded, { pages: [{ id: 1, url: `${PAGE}/one`, startedAt: 0 }, { id: 2, url: `${PAGE}/two`, startedAt: 5 }] });
    expect(out.log.pages?.map((p) => p.id)).toEqual(['page_1', 'page_2']);
    expect(out.log.entries.map((e) => e.pageref)).toEqual(['page_1', 'page_1', 'page_1', 'page_2', 'page_2', 'page_2', 'page_2', 'page_2']);
  });

  test('never throws on out-of-range times', () => {
    const odd = { ...EXCHANGES[0], startedAt: Number.NaN } as Exchange;
    expect(writeHar([{ exchange: odd }]).log.entries[0]?.startedDateTime).toBe('1970-01-01T00:00:00.000Z');
  });
});

describe('round trip of arbitrary exchanges', () => {
  const header = fc.record({ name: fc.constantFrom('Origin', 'Access-Control-Allow-Origin', 'Cookie', 'X-Y', 'location', 'Vary'), value: fc.string() });
  const headers = fc.array(header, { maxLength: 4 });
  const url = fc.constantFrom(`${API}/a`, `${API}/b#f`, 'http://localhost:9/c', 'data:,x');
  const response = fc.option(
    fc.record({ status: fc.integer({ min: 100, max: 599 }), statusText: fc.option(fc.constantFrom('OK', 'Found'), { nil: undefined }), headers }, { requiredKeys: ['status', 'headers'] }),
    { nil: undefined },
  );
  const hop = fc.record({ request: fc.record({ method: fc.constantFrom('GET', 'PUT', 'patch'), url, headers }), response }, { requiredKeys: ['request'] });
  const exchange: fc.Arbitrary<Exchange> = fc.record(
    {
      id: fc.string({ minLength: 1 }),
      initiatorOrigin: fc.option(fc.constantFrom(PAGE, 'null', 'https://x.test'), { nil: null }),
      hops: fc.array(hop, { minLength: 1, maxLength: 3 }),
      preflights: fc.array(fc.record({ request: fc.record({ method: fc.constant('OPTIONS'), url, headers }), response, error: fc.option(fc.constant('net::ERR_FAILED'), { nil: undefined }) }, { requiredKeys: ['request'] }), { maxLength: 2 }),
      error: fc.option(fc.constantFrom('net::ERR_FAILED', 'NS_ERROR_DOM_BAD_URI'), { nil: undefined }),
      mode: fc.option(fc.constantFrom('cors' as const, 'no-cors' as const), { nil: undefined }),
      startedAt: fc.integer({ min: 0, max: 4_000_000_000_000 }),
    },
    { requiredKeys: ['id', 'initiatorOrigin', 'hops', 'preflights', 'startedAt'] },
  );

  test('read(write(x)) = x, ids aside, for exchanges with unique ids', () => {
    fc.assert(
      fc.property(fc.uniqueArray(exchange, { selector: (x) => x.id, maxLength: 4 }), (xs) => {
        const back = reread(writeHar(xs.map((x) => ({ exchange: x })), { redact: false }));
        // Preflights are written in hop order, so compare them in the order the writer assigns.
        expect(back.exchanges.map(comparable)).toEqual(xs.map(comparable));
      }),
      { numRuns: 300 },
    );
  });
});
