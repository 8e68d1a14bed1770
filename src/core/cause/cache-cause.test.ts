import { describe, expect, test } from 'vitest';
import { har, type EntrySpec } from '../../../test/har-samples/build-har';
import { analyzeHarJson } from '../har/analyze-har';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { API, exchange, hop, PAGE } from '../../../test/support/exchange-builders';
import { findCause } from './find-cause';

const OTHER = 'http://localhost:8001';
const CORS = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
/** The copy the server made for OTHER, without Vary: Origin. */
const FOR_OTHER = { 'Access-Control-Allow-Origin': OTHER, 'Cache-Control': 'max-age=600' };
/** A copy from before the server sent CORS headers at all. */
const OLD = { 'Cache-Control': 'max-age=600' };

const entry = (responseHeaders: Record<string, string>, extra: Record<string, unknown> = {}, responseExtra: Record<string, unknown> = {}, status = 200): EntrySpec => ({
  url: `${API}/fonts/a.woff2`, headers: CORS, status, responseHeaders, extra, responseExtra,
});

/** The cause (and the analyzer's reason, unchanged) of the one exchange of a one-entry HAR. */
function fromHar(spec: EntrySpec): [string | null, string | undefined] {
  const result = analyzeHarJson(har([spec]));
  if (!result.ok) throw new Error(result.error);
  const [x] = result.exchanges;
  return [x?.cause?.code ?? null, x?.analysis.reasons[0]?.code];
}

// Each recorder writes "from cache" its own way (src/core/har/har-cache-signal.ts).
describe('a cached response behind a CORS failure, per recorder shape', () => {
  test.each<[string, EntrySpec, string | null, string]>([
    ['Chrome DevTools: _fromCache disk, copy for another origin', entry(FOR_OTHER, { _fromCache: 'disk' }, { _transferSize: 0 }), 'cached-for-other-origin', 'allow-origin-mismatch'],
    ['Chrome DevTools: _fromCache memory, old copy', entry(OLD, { _fromCache: 'memory' }, { _transferSize: 0 }), 'cached-response', 'missing-allow-origin'],
    ['Chrome DevTools: only _transferSize 0', entry(FOR_OTHER, {}, { _transferSize: 0 }), 'cached-for-other-origin', 'allow-origin-mismatch'],
    // A 304's own headers are not the ones checked (the cached copy's are, Fetch §4.5): only
    // Chromium's error says it failed, and without one the verdict stays open.
    ['Chrome DevTools: 304 revalidation of an old copy, failed by Chromium', entry(OLD, { _error: 'net::ERR_FAILED' }, { _transferSize: 180 }, 304), 'cached-response', 'browser-reported-error'],
    ['Chrome DevTools: 304 revalidation, no error recorded: not known to fail, no cause', entry(OLD, {}, { _transferSize: 180 }, 304), null, 'none'],
    ['Firefox DevTools: cache.afterRequest', entry(FOR_OTHER, { cache: { afterRequest: null } }), 'cached-for-other-origin', 'allow-origin-mismatch'],
    ['Firefox DevTools: network answer of a non-reusable copy', entry({ ...FOR_OTHER, 'Cache-Control': 'no-cache' }), null, 'allow-origin-mismatch'],
    ['generic HAR: CDN X-Cache HIT', entry({ ...FOR_OTHER, 'X-Cache': 'HIT', Age: '120' }), 'cached-for-other-origin', 'allow-origin-mismatch'],
    ['generic HAR: CF-Cache-Status HIT, old copy', entry({ ...OLD, 'CF-Cache-Status': 'HIT' }), 'cached-response', 'missing-allow-origin'],
    ['generic HAR: with Vary: Origin the copy was made for this origin (just old)', entry({ ...FOR_OTHER, Vary: 'Origin', 'X-Cache-Status': 'HIT' }), 'cached-response', 'allow-origin-mismatch'],
    ['generic HAR: X-Cache MISS, not reusable: the server speaking', entry({ 'Access-Control-Allow-Origin': OTHER, 'X-Cache': 'MISS' }), null, 'allow-origin-mismatch'],
    // `*` fails only with credentials, which a HAR does not record: `unknown`, likely allowed, no cause.
    ['a cached copy that is not known to fail has no cause', entry({ 'Access-Control-Allow-Origin': '*' }, { _fromCache: 'disk' }), null, 'wildcard-origin-with-credentials'],
    ['a cached copy that passes has no cause', entry({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' }, { _fromCache: 'disk' }), null, 'none'],
  ])('%s', (_name, spec, code, reason) => {
    const [cause, firstReason] = fromHar(spec);
    expect(cause).toBe(code);
    expect(firstReason ?? 'none').toBe(reason);
  });
});

describe('webRequest shape: fromCache on the response record', () => {
  const x = (headers: Record<string, string>, fromCache: boolean): Exchange => {
    const base = hop('GET', `${API}/fonts/a.woff2`, CORS, 200, headers);
    return exchange([{ ...base, response: { ...base.response!, ...(fromCache ? { fromCache: true as const } : {}) } }], { browser: 'chromium', error: 'net::ERR_FAILED' });
  };
  test.each<[string, Exchange, string | null]>([
    ['fromCache, ACAO for another origin, no Vary', x(FOR_OTHER, true), 'cached-for-other-origin'],
    ['fromCache, no ACAO', x(OLD, true), 'cached-response'],
    // Chromium reports fromCache: false for a blocked copy read from its disk cache (e2e
    // cache-causes): a reusable copy naming another page, without Vary: Origin, is a cached one.
    ['Chromium: no fromCache, reusable copy for another origin', x(FOR_OTHER, false), 'cached-for-other-origin'],
    ['Chromium: s-maxage for another origin', x({ ...FOR_OTHER, 'Cache-Control': 'public, s-maxage=300' }, false), 'cached-for-other-origin'],
    ['Chromium: Expires for another origin', x({ 'Access-Control-Allow-Origin': OTHER, Expires: 'Mon, 07 Dec 2026 10:00:00 GMT' }, false), 'cached-for-other-origin'],
    // Chromium reports a copy revalidated with a 304 as a 200 with the stored headers (e2e cache-causes).
    ['Chromium: no-cache and an ETag for another origin: revalidated', x({ 'Access-Control-Allow-Origin': OTHER, 'Cache-Control': 'no-cache', ETag: '"v1"' }, false), 'cached-for-other-origin'],
    ['Chromium: max-age=0 and Last-Modified for another origin: revalidated', x({ 'Access-Control-Allow-Origin': OTHER, 'Cache-Control': 'max-age=0', 'Last-Modified': 'Mon, 07 Dec 2026 10:00:00 GMT' }, false), 'cached-for-other-origin'],
    ['not reusable (max-age=0): the server itself named the wrong origin', x({ ...FOR_OTHER, 'Cache-Control': 'max-age=0' }, false), null],
    ['not storable (no-store), though it has an ETag', x({ 'Access-Control-Allow-Origin': OTHER, 'Cache-Control': 'no-store', ETag: '"v1"' }, false), null],
    ['not storable (no-store)', x({ ...FOR_OTHER, 'Cache-Control': 'no-store, max-age=600' }, false), null],
    ['no cache headers at all', x({ 'Access-Control-Allow-Origin': OTHER }, false), null],
    ['Vary: Origin: no cache gives it to another origin', x({ ...FOR_OTHER, Vary: 'Origin' }, false), null],
    ['from the network, old copy without ACAO', x(OLD, false), null],
  ])('%s', (_name, ex, code) => {
    expect(findCause(ex, analyzeExchange(ex))?.code ?? null).toBe(code);
  });

  test('the cause names the cache, the other origin and the fix', () => {
    const ex = x({ ...FOR_OTHER, Age: '0' }, true);
    const cause = findCause(ex, analyzeExchange(ex));
    expect(cause?.message).toContain(`names ${OTHER}`);
    expect(cause?.message).toContain("the browser's HTTP cache");
    expect(cause?.fix).toMatch(/^Send Vary: Origin on every response/);
    expect(cause?.fix).toContain('Disable cache');
    expect(cause?.evidence).toContain(`Access-Control-Allow-Origin: ${OTHER}, but this request came from ${PAGE}`);
  });

  test('without a cache signal it says the record does not tell which cache', () => {
    const ex = x(FOR_OTHER, false);
    const cause = findCause(ex, analyzeExchange(ex));
    expect(cause?.message).toContain("a cache (the browser's or a shared one; the record does not say which)");
    expect(cause?.evidence).toContain('Cache-Control: max-age=600: caches may keep it and reuse it');
  });

  test('a copy reused after revalidation says so in its evidence', () => {
    const ex = x({ 'Access-Control-Allow-Origin': OTHER, 'Cache-Control': 'no-cache', ETag: '"v1"' }, false);
    expect(findCause(ex, analyzeExchange(ex))?.evidence).toContain('Cache-Control: no-cache, ETag: "v1": caches may keep it and reuse it, after asking the server (a 304 answer keeps this copy\'s headers)');
  });

  test('a CDN copy says its age and to purge the CDN', () => {
    const ex = x({ ...OLD, 'X-Cache': 'HIT', Age: '120' }, false);
    const cause = findCause(ex, analyzeExchange(ex));
    expect([cause?.code, cause?.tag]).toEqual(['cached-response', 'cached copy · CDN']);
    expect(cause?.message).toContain('a shared cache (CDN or proxy), 120 s old');
    expect(cause?.fix).toMatch(/purge the URL from the CDN/);
  });
});
