import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange, Preflight } from '../model';
import { API, exchange, hop, PAGE, preflight } from '../../../test/support/exchange-builders';
import { findProblems } from './problems';

const CORS = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const OK = { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' };
let next = 0;

/** A call whose preflight the server allows; `maxAge` is its Access-Control-Max-Age. */
function call(method: string, path: string, opts: { maxAge?: string; requestHeaders?: Record<string, string>; askHeaders?: string; ms?: number; page?: string } = {}): Exchange {
  const url = `${API}${path}`;
  const page = opts.page ?? PAGE;
  const ask = { Origin: page, 'Access-Control-Request-Method': method, ...(opts.askHeaders ? { 'Access-Control-Request-Headers': opts.askHeaders } : {}) };
  const allow = { ...OK, 'Access-Control-Allow-Origin': page, 'Access-Control-Allow-Methods': method, 'Access-Control-Allow-Headers': opts.askHeaders ?? '', ...(opts.maxAge !== undefined ? { 'Access-Control-Max-Age': opts.maxAge } : {}) };
  const p: Preflight = { ...preflight(url, ask, 204, allow), ...(opts.ms !== undefined ? { durationMs: opts.ms } : {}) };
  return exchange([hop(method, url, { ...CORS, Origin: page, ...opts.requestHeaders }, 200, { ...OK, 'Access-Control-Allow-Origin': page })], { id: `c${next++}`, preflights: [p], initiatorOrigin: page });
}

const times = (n: number, make: () => Exchange): Exchange[] => Array.from({ length: n }, make);
const costs = (xs: readonly Exchange[]) => findProblems(xs.map((x) => ({ exchange: x, analysis: analyzeExchange(x) }))).filter((p) => p.code === 'preflight-cost');

describe('preflight-cost: when a page keeps paying for preflights', () => {
  test.each<[string, Exchange[], number | null]>([
    ['4 preflights, no Max-Age', times(4, () => call('PUT', '/items/1')), 4],
    ['3 preflights are only a few', times(3, () => call('PUT', '/items/1')), null],
    ['4 preflights with Max-Age: 5', times(4, () => call('PUT', '/items/1', { maxAge: '5' })), 4],
    ['4 preflights with Max-Age: 7200 (the cache missed for another reason)', times(4, () => call('PUT', '/items/1', { maxAge: '7200' })), null],
    ['ids fold into one endpoint', [1, 2, 3, 4].map((id) => call('PUT', `/items/${id}`)), 4],
    ['two endpoints with 2 each are not many at either', [...times(2, () => call('PUT', '/a')), ...times(2, () => call('PUT', '/b'))], null],
    ['two pages count apart', [...times(2, () => call('PUT', '/a')), ...times(2, () => call('PUT', '/a', { page: 'http://localhost:7000' }))], null],
  ])('%s', (_name, xs, count) => {
    const found = costs(xs);
    expect(found.length).toBe(count === null ? 0 : 1);
    if (count !== null) {
      expect(found[0]?.severity).toBe('info');
      expect(found[0]?.count).toBe(count);
    }
  });

  test('one problem per server, with each costly endpoint, its count, the time and the header that cuts them', () => {
    const xs = [...times(5, () => call('PUT', '/a', { ms: 12 })), ...times(4, () => call('DELETE', '/b/7', { ms: 10 })), call('PATCH', '/c')];
    const [p, ...rest] = costs(xs);
    expect(rest).toEqual([]);
    expect(p?.endpoints).toEqual([`${API}/a`, `${API}/b/:id`]);
    expect(p?.count).toBe(9);
    expect(p?.message).toBe(`${PAGE} sent 9 preflights to ${API} (${API}/a ×5, ${API}/b/:id ×4), 100 ms spent waiting for them: the server sends no Access-Control-Max-Age (the browser keeps the answer 5 s, Fetch §4.8), so the browser asks again before almost every call.`);
    expect(p?.fix.note).toMatch(/^Send Access-Control-Max-Age: 7200 on the preflight answers \(OPTIONS\): Chromium keeps an answer at most 2 h and Firefox at most 24 h/);
  });

  test.each<[string, Exchange, RegExp | null]>([
    ['a GET with Content-Type: application/json', call('GET', '/q', { askHeaders: 'content-type', requestHeaders: { 'Content-Type': 'application/json' } }), /a GET with Content-Type: application\/json: a GET has no body/],
    ['a GET with a custom header', call('GET', '/q', { askHeaders: 'x-trace-id' }), /the header x-trace-id alone triggers it/],
    ['a PUT is preflighted by its method anyway', call('PUT', '/q', { askHeaders: 'x-trace-id' }), null],
  ])('avoidable trigger: %s', (_name, x, text) => {
    const note = costs(times(4, () => x))[0]?.fix.note ?? '';
    if (text) expect(note).toMatch(text);
    else expect(note).not.toMatch(/could be avoided/);
  });
});
