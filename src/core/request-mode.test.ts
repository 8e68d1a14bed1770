import { describe, expect, test } from 'vitest';
import type { Exchange } from './model';
import { requestMode } from './request-mode';
import { API, exchange, hop, PAGE, preflight } from '../../test/support/exchange-builders';

/** Headers only the network layer adds (request-mode.ts WIRE_ONLY): the record shows what was sent. */
const WIRE = { Host: 'localhost:9000', 'Accept-Encoding': 'gzip' };
const inferred = (ex: Exchange): Exchange => ({ ...ex, mode: undefined });

describe('requestMode without Sec-Fetch-Mode', () => {
  test.each<[string, Exchange, string]>([
    ['Origin sent: cors', exchange([hop('GET', `${API}/x`, { ...WIRE, Origin: PAGE }, 200)]), 'cors'],
    // Chrome DevTools' HAR of `fetch(url, {mode: 'no-cors'})` keeps `_resourceType: fetch`.
    ['a fetch that reached the server cross-origin without Origin: no-cors', exchange([hop('GET', `${API}/x`, WIRE, 200)], { resourceType: 'fetch' }), 'no-cors'],
    ['a POST without Origin cross-origin is not cors either', exchange([hop('POST', `${API}/x`, WIRE, 200)], { resourceType: 'fetch' }), 'no-cors'],
    ['provisional headers (no Host, no Accept-Encoding) prove nothing: fetch stays cors', exchange([hop('GET', `${API}/x`, { Referer: `${PAGE}/` }, 200)], { resourceType: 'fetch' }), 'cors'],
    ['never answered, provisional headers: cors (the walk says what is missing)', exchange([hop('GET', `${API}/x`, { Referer: `${PAGE}/` })]), 'cors'],
    ['a preflight was made for it: cors', { ...exchange([hop('GET', `${API}/x`, { Referer: `${PAGE}/` })]), preflights: [preflight(`${API}/x`, { 'Access-Control-Request-Method': 'GET' }, 204)] }, 'cors'],
    ['same-origin fetch without Origin stays cors (nothing cross-origin to judge)', exchange([hop('GET', `${PAGE}/x`, WIRE, 200)], { resourceType: 'fetch' }), 'cors'],
    ['an <img> answered without Origin: no-cors', exchange([hop('GET', `${API}/i.png`, WIRE, 200)], { resourceType: 'image' }), 'no-cors'],
    ['document: navigate', exchange([hop('GET', `${API}/`, WIRE, 200)], { resourceType: 'document' }), 'navigate'],
  ])('%s', (_label, ex, mode) => {
    expect(requestMode(inferred(ex))).toBe(mode);
  });

  test('Sec-Fetch-Mode wins over everything', () => {
    expect(requestMode(inferred(exchange([hop('GET', `${API}/x`, { ...WIRE, 'Sec-Fetch-Mode': 'cors' }, 200)], { resourceType: 'image' })))).toBe('cors');
  });
});
