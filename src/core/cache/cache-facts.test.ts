import { describe, expect, test } from 'vitest';
import type { ResponseRecord } from '../model';
import { h } from '../../../test/support/exchange-builders';
import { cacheFactLines, cacheFacts, cacheTag } from './cache-facts';

const response = (status: number, headers: Record<string, string>, fromCache = false): ResponseRecord => ({ status, headers: h(headers), ...(fromCache ? { fromCache: true as const } : {}) });

describe('cacheFacts: which cache answered', () => {
  test.each<[string, ResponseRecord, string | null]>([
    ['a plain network answer', response(200, { 'Access-Control-Allow-Origin': '*' }), null],
    ["the browser's cache (recorder's fromCache)", response(200, {}, true), 'from cache'],
    ['a 304 revalidation', response(304, { ETag: '"a"' }), 'revalidated (304)'],
    ['X-Cache: HIT', response(200, { 'X-Cache': 'HIT from edge-1' }), 'from CDN'],
    ['X-Cache: MISS is not a hit', response(200, { 'X-Cache': 'MISS' }), null],
    ['CF-Cache-Status: HIT with Age', response(200, { 'CF-Cache-Status': 'HIT', Age: '120' }), 'from CDN (age 120 s)'],
    ['CF-Cache-Status: DYNAMIC is not a hit', response(200, { 'CF-Cache-Status': 'DYNAMIC' }), null],
    ['nginx X-Cache-Status: STALE', response(200, { 'X-Cache-Status': 'STALE' }), 'from CDN'],
    ['X-Proxy-Cache: HIT', response(200, { 'X-Proxy-Cache': 'HIT' }), 'from CDN'],
    ['RFC 9211 Cache-Status with hit', response(200, { 'Cache-Status': 'ExampleCDN; hit; ttl=30' }), 'from CDN'],
    ['RFC 9211 Cache-Status forwarded', response(200, { 'Cache-Status': 'ExampleCDN; fwd=uri-miss' }), null],
    ['Age > 0 alone', response(200, { Age: '45' }), 'from CDN (age 45 s)'],
    ['Age: 0 is a fresh answer', response(200, { Age: '0' }), null],
    ['Via alone only says a proxy passed it on', response(200, { Via: '1.1 varnish' }), null],
    ['a malformed Age is ignored', response(200, { Age: 'soon' }), null],
    ['browser cache wins the tag over a CDN header', response(200, { 'X-Cache': 'HIT', Age: '10' }, true), 'from cache'],
  ])('%s', (_name, res, tag) => {
    const facts = cacheFacts(res);
    expect(facts === null ? null : cacheTag(facts)).toBe(tag);
  });

  test.each<[string, Record<string, string>, boolean]>([
    ['Vary: Origin', { Vary: 'Origin' }, true],
    ['Vary: Accept-Encoding, origin', { Vary: 'Accept-Encoding, origin' }, true],
    ['Vary: *', { Vary: '*' }, true],
    ['Vary: Accept-Encoding', { Vary: 'Accept-Encoding' }, false],
    ['no Vary', {}, false],
  ])('varyOrigin for %s', (_name, headers, expected) => {
    expect(cacheFacts(response(200, headers, true))?.varyOrigin).toBe(expected);
  });

  test('the facts name the cache, its age, Via, Vary and Cache-Control', () => {
    const facts = cacheFacts(response(200, { 'X-Cache': 'HIT', Age: '120', Via: '1.1 varnish', 'Cache-Control': 'public, max-age=600' }));
    expect(facts && cacheFactLines(facts)).toEqual([
      'a shared cache (CDN or proxy) answered from its copy, 120 s old (X-Cache: HIT), via 1.1 varnish',
      'no Vary header: a cache gives the same copy to every Origin',
      'Cache-Control: public, max-age=600',
    ]);
  });

  test.each<{ name: string; copy: Record<string, string>; line: string; vary: string }>([
    { name: 'with CORS headers', copy: { 'Access-Control-Allow-Origin': 'http://a.test', Vary: 'Origin' }, line: 'the stored copy, from a 200 recorded earlier for this URL: Access-Control-Allow-Origin: http://a.test, Vary: Origin', vary: 'Vary: Origin' },
    { name: 'without', copy: {}, line: 'the stored copy, from a 200 recorded earlier for this URL: no CORS headers', vary: 'no Vary header: a cache gives the same copy to every Origin' },
  ])("a 304 whose stored copy was recorded ($name): the copy's headers, and its Vary", ({ copy, line, vary }) => {
    const facts = cacheFacts({ status: 304, headers: h({ ETag: '"v1"' }), cachedCopy: { status: 200, headers: h(copy) } });
    expect(facts && cacheFactLines(facts)).toEqual(["304 Not Modified: the browser revalidated its cached copy and used that copy's headers", line, vary, 'no Cache-Control header: caches may keep it by heuristics (RFC 9111 §4.2.2)']);
  });
});
