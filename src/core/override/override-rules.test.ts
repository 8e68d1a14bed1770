import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { API, exchange, hop, PAGE, preflight } from '../../../test/support/exchange-builders';
import { isOverridePlan, overridePlan, type OverridePlan } from './override-plan';
import { dnrMethod, overrideRules } from './override-rules';
import { exactUrlCondition } from './url-filter';

const CORS = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const planOf = (x: Exchange): OverridePlan => {
  const choice = overridePlan(x, analyzeExchange(x));
  if (!choice?.ok) throw new Error(`no plan: ${JSON.stringify(choice)}`);
  return choice.plan;
};
const set = (headers: Record<string, string>) => Object.entries(headers).map(([header, value]) => ({ header, operation: 'set', value }));
const preflighted = (method: string, url: string, requested: Record<string, string>, status: number, answered: Record<string, string>, actual?: Record<string, string>): Exchange => ({
  ...exchange([hop(method, url, actual ? CORS : {}, actual ? 200 : undefined, actual ?? {})], { error: 'net::ERR_FAILED' }),
  preflights: [preflight(url, { ...CORS, 'Access-Control-Request-Method': method, ...requested }, status, answered)],
});

describe('overrideRules: exactly the fix, for this tab, URL and method', () => {
  test.each<[string, Exchange, { preflight?: Record<string, string>; response?: Record<string, string> }]>([
    [
      'missing Allow-Origin on a simple GET: the exact origin and Vary, never *',
      exchange([hop('GET', `${API}/a?x=1`, CORS, 200, {})], { error: 'net::ERR_FAILED' }),
      { response: { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' } },
    ],
    [
      'a credentialed GET answered with *: the exact origin and Allow-Credentials: true',
      exchange([hop('GET', `${API}/me`, { ...CORS, Cookie: 'a=1' }, 200, { 'Access-Control-Allow-Origin': '*' })], { error: 'net::ERR_FAILED' }),
      { response: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true', Vary: 'Origin' } },
    ],
    [
      'a header the preflight did not allow: the preflight rule with Max-Age 0, and the unseen response',
      preflighted('GET', `${API}/h`, { 'Access-Control-Request-Headers': 'x-custom' }, 204, { 'Access-Control-Allow-Origin': PAGE }),
      // The actual response was never seen: the fix names what it must carry too.
      { preflight: { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Headers': 'x-custom', Vary: 'Origin', 'Access-Control-Max-Age': '0' }, response: { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' } },
    ],
    [
      'a PUT the preflight did not allow, whose server keeps *: * stays on the preflight (the fix has it), the exact origin on the response',
      preflighted('PUT', `${API}/p`, {}, 204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET' }),
      { preflight: { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Max-Age': '0' }, response: { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' } },
    ],
    [
      'preflight passes, actual response lacks Allow-Origin: the response rule only, on PUT',
      preflighted('PUT', `${API}/q`, {}, 204, { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Methods': 'PUT' }, {}),
      { response: { 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' } },
    ],
  ])('%s', (_label, x, expected) => {
    const plan = planOf(x);
    const rules = overrideRules(plan, 7, 70_000);
    const byMethod = new Map(rules.map((r) => [r.condition.requestMethods[0], r]));
    const pre = byMethod.get('options');
    const actual = rules.find((r) => r !== pre);
    expect(pre?.action.responseHeaders ?? null).toEqual(expected.preflight ? set(expected.preflight) : null);
    expect(actual?.action.responseHeaders ?? null).toEqual(expected.response ? set(expected.response) : null);
    for (const r of rules) {
      expect(r.condition.tabIds).toEqual([7]);
      expect(r.condition.urlFilter).toBe(`|${plan.url}|`);
    }
    expect(actual?.condition.requestMethods ?? null).toEqual(expected.response ? [x.hops[0]?.request.method.toLowerCase()] : null);
    expect(rules.map((r) => r.id)).toEqual([...(expected.preflight ? [70_000] : []), ...(expected.response ? [70_001] : [])]);
  });
});

describe('overridePlan: what cannot be tried', () => {
  test.each<[string, Exchange, RegExp | null]>([
    ['a preflight answered 404 also needs a 2xx status', preflighted('PUT', `${API}/s`, {}, 404, {}), /needs a 2xx status \(it got 404\)/],
    ['Origin null after a redirect: the fix is a note, nothing to try', exchange([hop('GET', `${API}/r`, CORS, 302, { Location: 'http://127.0.0.1:9/x', 'Access-Control-Allow-Origin': PAGE }), hop('GET', 'http://127.0.0.1:9/x', { ...CORS, Origin: 'null' }, 200, {})], { error: 'net::ERR_FAILED' }), null],
  ])('%s', (_label, x, why) => {
    const choice = overridePlan(x, analyzeExchange(x));
    if (why === null) expect(choice).toBeNull();
    else expect(choice).toEqual({ ok: false, why: expect.stringMatching(why) });
  });
});

describe('exactUrlCondition: one URL, nothing else', () => {
  test.each<[string, { urlFilter?: string; regexFilter?: string }]>([
    ['http://a.test/x?y=1', { urlFilter: '|http://a.test/x?y=1|' }],
    ['http://a.test/x#frag', { urlFilter: '|http://a.test/x|' }],
    ['http://a.test/x?q=a|b', { regexFilter: '^http://a\\.test/x\\?q=a\\|b$' }],
    ['http://a.test/*/x^y', { regexFilter: '^http://a\\.test/\\*/x\\^y$' }],
    ['http://a.test/(x)+[y]{2}$', { urlFilter: '|http://a.test/(x)+[y]{2}$|' }],
  ])('%s', (url, expected) => {
    expect(exactUrlCondition(url)).toEqual({ ...expected, isUrlFilterCaseSensitive: true });
    if (expected.regexFilter) {
      const re = new RegExp(expected.regexFilter);
      expect(re.test(url.split('#')[0] ?? '')).toBe(true);
      expect(re.test(`${url}z`)).toBe(false);
      expect(re.test(`x${url}`)).toBe(false);
    }
  });
});

test.each([
  ['GET', 'get'],
  ['delete', 'delete'],
  ['PROPFIND', 'other'],
])('dnrMethod(%s) = %s', (method, expected) => expect(dnrMethod(method)).toBe(expected));

describe('isOverridePlan: a plan from a port is checked', () => {
  const ok: OverridePlan = { url: `${API}/a`, method: 'GET', preflight: null, response: [{ name: 'Access-Control-Allow-Origin', value: PAGE }] };
  test.each<[string, unknown, boolean]>([
    ['a real plan', ok, true],
    ['no headers at all', { ...ok, response: null }, false],
    ['a header value with a line break', { ...ok, response: [{ name: 'X', value: 'a\r\nSet-Cookie: x' }] }, false],
    ['a header name that is not a token', { ...ok, response: [{ name: 'X Y', value: 'a' }] }, false],
    ['a non-http URL', { ...ok, url: 'file:///etc/passwd' }, false],
    ['a URL with a fragment', { ...ok, url: `${API}/a#b` }, false],
    ['not an object', 'plan', false],
  ])('%s', (_label, value, expected) => expect(isOverridePlan(value)).toBe(expected));
});
