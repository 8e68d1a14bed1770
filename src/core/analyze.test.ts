import { describe, expect, test } from 'vitest';
import { analyzeExchange, isCrossOrigin } from './analyze';
import type { Exchange } from './model';
import { API, exchange, hop, PAGE, preflight } from '../../test/support/exchange-builders';

const ACAO = { 'Access-Control-Allow-Origin': PAGE };
const CREDS = { 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true' };
const CHROMIUM = { browser: 'chromium' } as const;
const GET = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
/**
 * A credentialed PUT redirected to another origin, as Firefox records it: the request's second hop
 * carries `Origin: null`; the second preflight carries `secondPreflightOrigin`.
 */
const firefoxRedirectedPut = (secondPreflightOrigin: string): Exchange => ({
  ...exchange([
    hop('PUT', `${API}/r`, GET, 307, { ...CREDS, Location: 'http://127.0.0.1:9000/x' }),
    hop('PUT', 'http://127.0.0.1:9000/x', { Origin: 'null', 'Sec-Fetch-Mode': 'cors' }, 200, { 'Access-Control-Allow-Origin': 'null', 'Access-Control-Allow-Credentials': 'true' }),
  ], { browser: 'firefox' }),
  preflights: [
    preflight(`${API}/r`, { Origin: PAGE, 'Access-Control-Request-Method': 'PUT' }, 204, { ...CREDS, 'Access-Control-Allow-Methods': 'PUT' }),
    preflight('http://127.0.0.1:9000/x', { Origin: secondPreflightOrigin, 'Access-Control-Request-Method': 'PUT' }, 204, { ...CREDS, 'Access-Control-Allow-Methods': 'PUT' }),
  ],
});
const PUT_PREFLIGHT = (status: number, headers: Record<string, string>) => preflight(`${API}/x`, { 'Access-Control-Request-Method': 'PUT' }, status, headers);

type Row = [label: string, ex: Exchange, type: string, verdict: string, code?: string];

describe('analyzeExchange: type, verdict and first reason', () => {
  test.each<Row>([
    ['same-origin', exchange([hop('GET', `${PAGE}/a`, {}, 200)]), 'same-origin', 'allowed'],
    ['simple GET allowed', exchange([hop('GET', `${API}/x`, GET, 200, ACAO)], CHROMIUM), 'simple', 'allowed'],
    ['simple GET, no ACAO', exchange([hop('GET', `${API}/x`, GET, 200)]), 'simple', 'blocked', 'missing-allow-origin'],
    ['simple GET, 500 with ACAO is still readable', exchange([hop('GET', `${API}/x`, GET, 500, ACAO)], CHROMIUM), 'simple', 'allowed'],
    ['POST text/plain is simple', exchange([hop('POST', `${API}/x`, { ...GET, 'Content-Type': 'text/plain' }, 200, ACAO)], CHROMIUM), 'simple', 'allowed'],
    ['no-cors image', exchange([hop('GET', `${API}/i.png`, { 'Sec-Fetch-Mode': 'no-cors' }, 200)], { mode: undefined, resourceType: 'image' }), 'no-cors', 'allowed'],
    ['no-cors inferred from an <img> without Origin', exchange([hop('GET', `${API}/i.png`, {}, 200)], { mode: undefined, resourceType: 'image' }), 'no-cors', 'allowed'],
    ['PUT preflighted and allowed', { ...exchange([hop('PUT', `${API}/x`, GET, 200, ACAO)], CHROMIUM), preflights: [PUT_PREFLIGHT(204, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' })] }, 'preflighted', 'allowed'],
    ['PUT blocked at preflight status', { ...exchange([hop('PUT', `${API}/x`, GET)], { error: 'net::ERR_FAILED' }), preflights: [PUT_PREFLIGHT(404, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' })] }, 'preflighted', 'blocked', 'preflight-invalid-status'],
    ['PUT blocked: method not listed', { ...exchange([hop('PUT', `${API}/x`, GET)]), preflights: [PUT_PREFLIGHT(204, { ...ACAO, 'Access-Control-Allow-Methods': 'GET, POST' })] }, 'preflighted', 'blocked', 'method-not-allowed'],
    ['preflight passed, actual response lacks ACAO', { ...exchange([hop('PUT', `${API}/x`, GET, 200)]), preflights: [PUT_PREFLIGHT(204, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT' })] }, 'preflighted', 'blocked', 'missing-allow-origin'],
    ['preflight cached (none recorded), response fine', exchange([hop('PUT', `${API}/x`, GET, 200, ACAO)], CHROMIUM), 'preflighted', 'allowed'],
    ['cookie means credentials: ACAO * fails', exchange([hop('GET', `${API}/x`, { ...GET, Cookie: 'a=1' }, 200, { 'Access-Control-Allow-Origin': '*' })]), 'simple', 'blocked', 'wildcard-origin-with-credentials'],
    ['cookie, exact origin and ACAC true', exchange([hop('GET', `${API}/x`, { ...GET, Cookie: 'a=1' }, 200, CREDS)]), 'simple', 'allowed'],
    ['cookie, ACAC TRUE', exchange([hop('GET', `${API}/x`, { ...GET, Cookie: 'a=1' }, 200, { ...ACAO, 'Access-Control-Allow-Credentials': 'TRUE' })]), 'simple', 'blocked', 'invalid-allow-credentials'],
    ['no cookie, exact ACAO, no ACAC: depends on credentials mode', exchange([hop('GET', `${API}/x`, GET, 200, ACAO)]), 'simple', 'unknown', 'missing-allow-credentials'],
    ['no cookie, ACAO * : depends on credentials mode', exchange([hop('GET', `${API}/x`, GET, 200, { 'Access-Control-Allow-Origin': '*' })]), 'simple', 'unknown', 'wildcard-origin-with-credentials'],
    ['no cookie, ACAO *, Chromium completed it: allowed', exchange([hop('GET', `${API}/x`, GET, 200, { 'Access-Control-Allow-Origin': '*' })], { browser: 'chromium' }), 'simple', 'allowed'],
    ['no cookie, ACAO *, Chromium failed it: credentials were included', exchange([hop('GET', `${API}/x`, GET, 200, { 'Access-Control-Allow-Origin': '*' })], { browser: 'chromium', error: 'net::ERR_FAILED' }), 'simple', 'blocked', 'wildcard-origin-with-credentials'],
    ['redirect same-origin on the API keeps the origin', exchange([hop('GET', `${API}/r`, GET, 302, { ...ACAO, Location: `${API}/x` }), hop('GET', `${API}/x`, GET, 200, ACAO)], CHROMIUM), 'simple', 'allowed'],
    ['redirect without ACAO on the 302 is blocked', exchange([hop('GET', `${API}/r`, GET, 302, { Location: `${API}/x` }), hop('GET', `${API}/x`, GET, 200, ACAO)]), 'simple', 'blocked', 'missing-allow-origin'],
    ['cross-origin redirect taints the origin: exact origin no longer matches', exchange([hop('GET', `${API}/r`, GET, 302, { ...ACAO, Location: 'http://127.0.0.1:9000/x' }), hop('GET', 'http://127.0.0.1:9000/x', { 'Sec-Fetch-Mode': 'cors' }, 200, ACAO)]), 'simple', 'blocked', 'allow-origin-mismatch'],
    ['cross-origin redirect: ACAO * on the last hop works', exchange([hop('GET', `${API}/r`, GET, 302, { ...ACAO, Location: 'http://127.0.0.1:9000/x' }), hop('GET', 'http://127.0.0.1:9000/x', { 'Sec-Fetch-Mode': 'cors' }, 200, { 'Access-Control-Allow-Origin': '*' })], { browser: 'chromium' }), 'simple', 'allowed'],
    ['same-origin request redirected to the API becomes CORS', exchange([hop('GET', `${PAGE}/r`, {}, 302, { Location: `${API}/x` }), hop('GET', `${API}/x`, GET, 200)]), 'simple', 'blocked', 'missing-allow-origin'],
    ['Firefox after a cross-origin redirect: the preflight carried the page origin, the request Origin: null; each judged by the origin it carried', firefoxRedirectedPut(PAGE), 'preflighted', 'allowed'],
    ['the same preflight answered for the page origin, had it carried Origin: null, is blocked', firefoxRedirectedPut('null'), 'preflighted', 'blocked', 'preflight-allow-origin-mismatch'],
    ['redirect to a URL with credentials', exchange([hop('GET', `${API}/r`, GET, 302, { ...ACAO, Location: 'http://u:p@localhost:9001/x' }), hop('GET', 'http://u:p@localhost:9001/x', GET)]), 'simple', 'blocked', 'redirect-disallowed-credentials-in-url'],
    ['mode same-origin to another origin', exchange([hop('GET', `${API}/x`, GET)], { mode: 'same-origin' }), 'simple', 'blocked', 'disallowed-by-mode'],
    ['network error without response', exchange([hop('GET', `${API}/x`, GET)], { error: 'net::ERR_CONNECTION_REFUSED' }), 'simple', 'unknown'],
    ['headers pass but Chromium failed it', exchange([hop('GET', `${API}/x`, { ...GET, Cookie: 'a' }, 200, CREDS)], { browser: 'chromium', error: 'net::ERR_FAILED' }), 'simple', 'blocked', 'browser-reported-error'],
    ['public page to a loopback API, failed in Chromium: Local Network Access', exchange([hop('GET', `${API}/x`, GET)], { browser: 'chromium', error: 'net::ERR_FAILED', initiatorAddressSpace: 'public' }), 'simple', 'blocked', 'local-network-access'],
    ['local page to a loopback API, failed: not Local Network Access', exchange([hop('GET', `${API}/x`, GET)], { browser: 'chromium', error: 'net::ERR_FAILED', initiatorAddressSpace: 'local' }), 'simple', 'blocked', 'browser-reported-error'],
    ['navigation is not CORS', exchange([hop('GET', `${API}/`, { 'Sec-Fetch-Mode': 'navigate' }, 200)], { mode: undefined }), 'no-cors', 'allowed'],
    ['no initiator known', exchange([hop('GET', `${API}/x`, {}, 200)], { initiatorOrigin: null }), 'same-origin', 'unknown'],
  ])('%s', (_label, ex, type, verdict, code) => {
    const a = analyzeExchange(ex);
    expect({ type: a.type, verdict: a.verdict, code: a.reasons[0]?.code }).toEqual({ type, verdict, code });
  });
});

describe('reasons carry both browsers\' names', () => {
  test('header not allowed', () => {
    const ex = { ...exchange([hop('GET', `${API}/x`, { ...GET, Authorization: 'x' })]), preflights: [preflight(`${API}/x`, { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' }, 204, ACAO)] };
    const [r] = analyzeExchange(ex).reasons;
    expect(r).toMatchObject({ code: 'header-not-allowed', chromeCorsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'authorization', firefoxError: 'CORSMissingAllowHeaderFromPreflight', stage: 'preflight', header: 'Access-Control-Allow-Headers' });
    expect(r?.mdn).toMatch(/^https:\/\/developer\.mozilla\.org\/.*CORSMissingAllowHeaderFromPreflight$/);
  });
});

describe("Firefox's name for an Allow-Origin list depends on how it arrived", () => {
  test.each([
    ['two header lines', { 'Access-Control-Allow-Origin': [PAGE, PAGE] }, 'CORSMultipleAllowOriginNotAllowed'],
    ['one line with a list', { 'Access-Control-Allow-Origin': `${PAGE}, http://b.test` }, 'CORSAllowOriginNotMatchingOrigin'],
    ['one line with a space', { 'Access-Control-Allow-Origin': 'http://a.test http://b.test' }, 'CORSAllowOriginNotMatchingOrigin'],
  ])('%s', (_label, headers, firefoxError) => {
    const [r] = analyzeExchange(exchange([hop('GET', `${API}/x`, GET, 200, headers)], { browser: 'chromium', error: 'net::ERR_FAILED' })).reasons;
    expect(r).toMatchObject({ chromeCorsError: 'MultipleAllowOriginValues', firefoxError });
  });
});

describe('fix: the minimal server change', () => {
  const names = (hs: readonly { name: string; value: string }[] | null) => Object.fromEntries((hs ?? []).map((x) => [x.name, x.value]));

  test('preflight failing on a header keeps what is allowed and adds the header', () => {
    const ex = { ...exchange([hop('PUT', `${API}/x`, { ...GET, 'X-Token': '1' })]), preflights: [preflight(`${API}/x`, { 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'x-token' }, 204, { ...ACAO, 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Allow-Headers': 'x-old' })] };
    const { fix } = analyzeExchange(ex);
    expect(names(fix.preflight)).toEqual({ 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin', 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Allow-Headers': 'x-old, x-token' });
    expect(fix.preflightStatus).toBeNull();
    expect(names(fix.response)).toEqual({ 'Access-Control-Allow-Origin': PAGE, Vary: 'Origin' });
  });

  test('preflight 404 asks for a 2xx status', () => {
    const ex = { ...exchange([hop('PUT', `${API}/x`, GET)]), preflights: [PUT_PREFLIGHT(404, {})] };
    expect(analyzeExchange(ex).fix.preflightStatus).toBe(204);
  });

  test('credentials: exact origin, ACAC true, Vary merged, wildcards replaced', () => {
    const ex = exchange([hop('GET', `${API}/x`, { ...GET, Cookie: 's=1' }, 200, { 'Access-Control-Allow-Origin': '*', Vary: 'Accept-Encoding' })]);
    expect(names(analyzeExchange(ex).fix.response)).toEqual({ 'Access-Control-Allow-Origin': PAGE, 'Access-Control-Allow-Credentials': 'true', Vary: 'Accept-Encoding, Origin' });
  });

  test('a tainted (null) origin gets a note, never "null"', () => {
    const ex = exchange([hop('GET', `${API}/r`, GET, 302, { ...ACAO, Location: 'http://127.0.0.1:9000/x' }), hop('GET', 'http://127.0.0.1:9000/x', { 'Sec-Fetch-Mode': 'cors', Origin: 'null' }, 200)]);
    const { fix, requestOrigin } = analyzeExchange(ex);
    expect(requestOrigin).toBe('null');
    expect(fix.response).toBeNull();
    expect(fix.note).toContain('"null"');
  });

  test('allowed exchanges need no fix', () => {
    expect(analyzeExchange(exchange([hop('GET', `${API}/x`, GET, 200, ACAO)], CHROMIUM)).fix).toEqual({ preflight: null, preflightStatus: null, response: null });
  });
});

describe('warnings', () => {
  const codes = (ex: Exchange) => analyzeExchange(ex).warnings.map((w) => w.code);
  test.each<[string, Exchange, string]>([
    ['origin echoed without Vary', exchange([hop('GET', `${API}/x`, GET, 200, ACAO)]), 'allow-origin-without-vary'],
    ['Authorization only through *', { ...exchange([hop('GET', `${API}/x`, { ...GET, Authorization: 'x' }, 200, { 'Access-Control-Allow-Origin': '*' })], CHROMIUM), preflights: [preflight(`${API}/x`, { 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' }, 204, { 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Headers': '*' })] }, 'authorization-via-wildcard'],
    ['ACAO null', exchange([hop('GET', `${API}/x`, { ...GET, Origin: 'null' }, 200, { 'Access-Control-Allow-Origin': 'null' })]), 'allow-origin-null'],
    ['lower-case non-standard method', exchange([hop('patch', `${API}/x`, GET, 200, { ...ACAO, Vary: 'Origin' })], CHROMIUM), 'method-not-upper-case'],
    ['preflight not recorded', exchange([hop('DELETE', `${API}/x`, GET, 200, { ...ACAO, Vary: 'Origin' })]), 'preflight-not-recorded'],
    ['long max-age', { ...exchange([hop('PUT', `${API}/x`, GET, 200, { ...ACAO, Vary: 'Origin' })]), preflights: [PUT_PREFLIGHT(204, { ...ACAO, 'Access-Control-Allow-Methods': 'PUT', 'Access-Control-Max-Age': '86400' })] }, 'max-age-capped'],
  ])('%s', (_label, ex, code) => expect(codes(ex)).toContain(code));

  test('no Vary warning when Vary: Origin is there', () => {
    expect(codes(exchange([hop('GET', `${API}/x`, GET, 200, { ...ACAO, Vary: 'Accept, origin' })]))).not.toContain('allow-origin-without-vary');
  });
});

describe('isCrossOrigin', () => {
  test.each([
    [exchange([hop('GET', `${PAGE}/x`, {})]), false],
    [exchange([hop('GET', `${API}/x`, {})]), true],
    [exchange([hop('GET', `${PAGE}/r`, {}, 302), hop('GET', `${API}/x`, {})]), true],
    [exchange([hop('GET', `${API}/x`, {})], { initiatorOrigin: null }), false],
  ])('%#', (ex, expected) => expect(isCrossOrigin(ex)).toBe(expected));
});

describe('likely verdict where only the credentials mode decides', () => {
  const WILDCARD = { 'Access-Control-Allow-Origin': '*' };
  test.each<[string, Exchange, string | undefined, RegExp | undefined]>([
    ['answered, passes only without credentials: likely allowed (the defaults send none)', exchange([hop('GET', `${API}/x`, GET, 200, WILDCARD)]), 'allowed', /default credentials mode/],
    ['never answered after a preflight that passes only without credentials: likely blocked', { ...exchange([hop('PUT', `${API}/x`, GET)]), preflights: [PUT_PREFLIGHT(204, { ...WILDCARD, 'Access-Control-Allow-Methods': 'PUT' })] }, 'blocked', /most likely it was sent with credentials/],
    ['decided exchanges carry no likely', exchange([hop('GET', `${API}/x`, GET, 200, ACAO)], CHROMIUM), undefined, undefined],
  ])('%s', (_label, ex, likely, because) => {
    const a = analyzeExchange(ex);
    expect(a.likely).toBe(likely);
    if (because) {
      expect(a.verdict).toBe('unknown');
      expect(a.dependsOn).toMatch(/^whether the request was sent with credentials/);
      expect(a.likelyBecause).toMatch(because);
    } else expect(a.likelyBecause).toBeUndefined();
  });
});

describe('browser-reported-error says what the record holds', () => {
  test.each([
    { name: 'headers that pass', ex: exchange([hop('GET', `${API}/x`, { ...GET, Cookie: 'a' }, 200, CREDS)], { browser: 'chromium', error: 'net::ERR_FAILED' }), says: 'although the recorded CORS headers pass' },
    { name: 'no response at all', ex: exchange([hop('GET', `${API}/x`, GET)], { browser: 'chromium', error: 'net::ERR_FAILED', initiatorAddressSpace: 'local' }), says: 'and the record holds no response to check' },
  ])('$name', ({ ex, says }) => {
    const [first] = analyzeExchange(ex).reasons;
    expect([first?.code, first?.message]).toEqual(['browser-reported-error', expect.stringContaining(`The browser failed the request (net::ERR_FAILED) ${says}.`)]);
  });
});
