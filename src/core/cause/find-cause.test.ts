import { describe, expect, test } from 'vitest';
import { analyzeExchange } from '../analyze';
import type { Exchange } from '../model';
import { API, exchange, hop, PAGE, preflight } from '../../../test/support/exchange-builders';
import type { CauseCode } from './cause';
import { findCause } from './find-cause';
import { buildRecordingContext, EMPTY_CONTEXT } from './recording-context';

const ACAO = { 'Access-Control-Allow-Origin': PAGE };
const GET = { Origin: PAGE, 'Sec-Fetch-Mode': 'cors' };
const CHROMIUM = { browser: 'chromium' } as const;
const FIREFOX = { browser: 'firefox' } as const;
const SSO = 'http://sso.localhost:7000';
const put = (preflightStatus: number, preflightHeaders: Record<string, string> = {}, extra: Partial<Exchange> = { ...CHROMIUM, error: 'net::ERR_FAILED' }): Exchange => ({
  ...exchange([hop('PUT', `${API}/items/7`, GET)], extra),
  preflights: [preflight(`${API}/items/7`, { 'Access-Control-Request-Method': 'PUT' }, preflightStatus, preflightHeaders)],
});
const get = (status: number, headers: Record<string, string> = {}, extra: Partial<Exchange> = { ...CHROMIUM, error: 'net::ERR_FAILED' }): Exchange =>
  exchange([hop('GET', `${API}/items/7`, GET, status, headers)], extra);
/** Another exchange in the same recording: the same endpoint pattern answering 200 with CORS headers. */
const SUCCESS_ELSEWHERE = exchange([hop('GET', `${API}/items/42`, GET, 200, { ...ACAO, Vary: 'Origin' })], { ...CHROMIUM, id: 'ok' });

type Row = [label: string, ex: Exchange, code: CauseCode, tag: string, text: RegExp];

describe('findCause: the real cause, beside the browser reason', () => {
  test.each<Row>([
    ['502 without CORS headers', get(502), 'error-response', '502 · no CORS on errors', /gateway or proxy answered 502/],
    ['500 without CORS headers', get(500), 'error-response', '500 · no CORS on errors', /server failed \(500\)/],
    ['404 without CORS headers', get(404), 'error-response', '404 · no CORS on errors', /refused the request \(404\)/],
    ['429 with Retry-After seconds', get(429, { 'Retry-After': '30' }), 'rate-limited', '429 · rate limited', /try again in 30 seconds/],
    ['429 with Retry-After date', get(429, { 'Retry-After': 'Wed, 02 Dec 2026 14:00:00 GMT' }), 'rate-limited', '429 · rate limited', /after Wed, 02 Dec/],
    ['429 on the preflight', put(429), 'rate-limited', '429 · rate limited', /no Retry-After/],
    ['preflight 401', put(401), 'preflight-auth', 'OPTIONS 401 · auth before CORS', /never carries cookies or the Authorization/],
    ['preflight 403 with CORS headers', put(403, ACAO), 'preflight-auth', 'OPTIONS 403 · auth before CORS', /authentication layer/],
    ['preflight 407', put(407), 'preflight-auth', 'OPTIONS 407 · auth before CORS', /proxy asked for authentication/],
    ['preflight 404', put(404), 'preflight-unhandled', 'OPTIONS 404 · no OPTIONS route', /nothing on the server answers OPTIONS/],
    ['preflight 405 (Firefox: no error, headers decide)', put(405, {}, FIREFOX), 'preflight-unhandled', 'OPTIONS 405 · no OPTIONS route', /needs a 2xx/],
    ['preflight 501', put(501), 'preflight-unhandled', 'OPTIONS 501 · no OPTIONS route', /OPTIONS/],
    ['preflight 502', put(502), 'error-response', 'OPTIONS 502 · server error', /gateway or proxy/],
    ['302 to an SSO host answering HTML',
      exchange([hop('GET', `${API}/me`, GET, 302, { ...ACAO, Location: `${SSO}/login?next=/me` }), hop('GET', `${SSO}/login?next=/me`, { Origin: 'null', 'Sec-Fetch-Mode': 'cors' }, 200, { 'Content-Type': 'text/html; charset=utf-8' })], { ...CHROMIUM, error: 'net::ERR_FAILED' }),
      'login-redirect', '302 → login', /session or token has most likely expired/],
    ['302 without CORS headers to a login path (the redirect itself fails)',
      exchange([hop('GET', `${API}/me`, GET, 302, { Location: 'http://127.0.0.1:7000/oauth/authorize' })], { ...CHROMIUM, error: 'net::ERR_FAILED' }),
      'login-redirect', '302 → login', /login or single sign-on address/],
    ['connection refused (Chromium)', exchange([hop('GET', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_CONNECTION_REFUSED' }), 'no-response', 'no response · ERR_CONNECTION_REFUSED', /not a CORS problem/],
    ['connection refused (Firefox)', exchange([hop('GET', `${API}/x`, GET)], { ...FIREFOX, error: 'NS_ERROR_CONNECTION_REFUSED' }), 'no-response', 'no response · NS_ERROR_CONNECTION_REFUSED', /connection was refused/],
    ['DNS failure', exchange([hop('GET', 'http://nowhere.invalid/x', GET)], { ...CHROMIUM, error: 'net::ERR_NAME_NOT_RESOLVED' }), 'no-response', 'no response · ERR_NAME_NOT_RESOLVED', /did not resolve/],
    ['timeout', exchange([hop('GET', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_TIMED_OUT' }), 'no-response', 'no response · ERR_TIMED_OUT', /timed out/],
    ['reset', exchange([hop('GET', `${API}/x`, GET)], { ...FIREFOX, error: 'NS_ERROR_NET_RESET' }), 'no-response', 'no response · NS_ERROR_NET_RESET', /closed before a response/],
    ['preflighted request whose preflight was refused',
      { ...exchange([hop('PUT', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_FAILED' }), preflights: [{ ...preflight(`${API}/x`, { 'Access-Control-Request-Method': 'PUT' }), error: 'net::ERR_CONNECTION_REFUSED' }] },
      'no-response', 'no response · ERR_CONNECTION_REFUSED', /The preflight \(OPTIONS\) request to .* ended with net::ERR_CONNECTION_REFUSED/],
    ['blocked by an extension', exchange([hop('GET', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_BLOCKED_BY_CLIENT' }), 'blocked-by-client', 'blocked by client', /extension/],
    ['blocked by an extension (Firefox)', exchange([hop('GET', `${API}/x`, GET)], { ...FIREFOX, error: 'NS_ERROR_ABORT' }), 'blocked-by-client', 'blocked by client', /NS_ERROR_ABORT/],
    ['blocked by policy', exchange([hop('GET', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_BLOCKED_BY_ADMINISTRATOR' }), 'blocked-by-client', 'blocked by client', /policy/],
    ['Local Network Access: public page to loopback', exchange([hop('GET', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_FAILED', initiatorAddressSpace: 'public' }), 'private-network', 'local network access', /allow-local-network-access|local-network-access|Local/],
    ['Private Network Access error name', exchange([hop('GET', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS' }), 'private-network', 'local network access', /not a CORS header problem/],
  ])('%s', (_label, ex, code, tag, text) => {
    const analysis = analyzeExchange(ex);
    const cause = findCause(ex, analysis, EMPTY_CONTEXT);
    expect({ code: cause?.code, tag: cause?.tag }).toEqual({ code, tag });
    expect(`${cause?.message}\n${cause?.evidence.join('\n')}\n${cause?.fix}`).toMatch(text);
    // Beside, not instead of: the analysis is the analyzer's own, untouched.
    expect(analysis).toEqual(analyzeExchange(ex));
  });
});

describe('findCause: no cause where there is none', () => {
  test.each<[label: string, ex: Exchange]>([
    ['an allowed 404 with CORS headers is not a CORS problem', get(404, ACAO, CHROMIUM)],
    ['an allowed 500 with CORS headers needs no CORS fix', get(500, ACAO, CHROMIUM)],
    ['a 200 without CORS headers: the CORS reason is the whole story', get(200)],
    ['a 403 whose Allow-Origin names another origin: a genuine CORS mismatch', get(403, { 'Access-Control-Allow-Origin': 'http://elsewhere.example' })],
    ['a preflight redirect has its own note', put(302, { Location: `${API}/elsewhere` })],
    ['a preflight 204 that does not list the method', put(204, { ...ACAO, 'Access-Control-Allow-Methods': 'GET' })],
    ['a cross-origin redirect to another API answering JSON', exchange([hop('GET', `${API}/r`, GET, 302, { ...ACAO, Location: 'http://127.0.0.1:9000/data' }), hop('GET', 'http://127.0.0.1:9000/data', { Origin: 'null' }, 200, { 'Content-Type': 'application/json' })])],
    ['a no-cors image answered 502', exchange([hop('GET', `${API}/i.png`, { 'Sec-Fetch-Mode': 'no-cors' }, 502)], { mode: undefined, resourceType: 'image' })],
    ['a request the page aborted', exchange([hop('GET', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_ABORTED' })],
    ['a request the page aborted (Firefox)', exchange([hop('GET', `${API}/x`, GET)], { ...FIREFOX, error: 'NS_BINDING_ABORTED' })],
    ['Chromium failed it with no response and no other evidence', exchange([hop('GET', `${API}/x`, GET)], { ...CHROMIUM, error: 'net::ERR_FAILED' })],
    ['a record without hops', exchange([])],
  ])('%s', (_label, ex) => {
    expect(findCause(ex, analyzeExchange(ex), EMPTY_CONTEXT)).toBeNull();
  });
});

describe('findCause: the rest of the recording makes an error-response cause stronger', () => {
  test('a success with CORS headers on the same path pattern corroborates; the fix repeats only those headers', () => {
    const failing = get(502);
    const context = buildRecordingContext([SUCCESS_ELSEWHERE, failing]);
    const cause = findCause(failing, analyzeExchange(failing), context);
    expect(cause).toMatchObject({ code: 'error-response', corroborated: true, headersOnSuccess: [{ name: 'Access-Control-Allow-Origin', value: PAGE }, { name: 'Vary', value: 'Origin' }] });
    expect(cause?.message).toMatch(/left out the CORS headers this endpoint sends on success/);
    expect(cause?.evidence[1]).toMatch(/another response from http:\/\/localhost:9000\/items\/\* carried CORS headers/);
    expect(cause?.fix).toMatch(/already sends Access-Control-Allow-Origin: http:\/\/localhost:8000, Vary: Origin on success/);
  });

  test.each<[label: string, other: Exchange]>([
    ['another path', exchange([hop('GET', `${API}/users/1`, GET, 200, ACAO)], { id: 'o' })],
    ['another origin', exchange([hop('GET', 'http://localhost:9999/items/42', GET, 200, ACAO)], { id: 'o' })],
    ['an error with CORS headers is no success', exchange([hop('GET', `${API}/items/42`, GET, 500, ACAO)], { id: 'o' })],
    ['a success without CORS headers', exchange([hop('GET', `${API}/items/42`, GET, 200)], { id: 'o' })],
  ])('no corroboration from %s', (_label, other) => {
    const failing = get(502);
    const cause = findCause(failing, analyzeExchange(failing), buildRecordingContext([other, failing]));
    expect(cause).toMatchObject({ code: 'error-response', corroborated: false, headersOnSuccess: [] });
    expect(cause?.evidence[1]).toMatch(/no other response from .* carried CORS headers/);
  });
});
