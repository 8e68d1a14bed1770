import { describe, expect, test } from 'vitest';
import { h } from '../../../test/support/exchange-builders';
import { checkPreflight } from './preflight-check';

const ORIGIN = 'http://localhost:8000';
const OK = { 'Access-Control-Allow-Origin': ORIGIN };

type Case = [label: string, status: number, headers: Record<string, string | string[]>, method: string, unsafe: string[], creds: boolean, expected: string | null, failedParameter?: string];

describe('CORS-preflight fetch (Fetch §4.8), in Chromium\'s order', () => {
  test.each<Case>([
    ['PUT allowed', 204, { ...OK, 'Access-Control-Allow-Methods': 'PUT' }, 'PUT', [], false, null],
    ['any 2xx passes', 299, { ...OK, 'Access-Control-Allow-Methods': 'PUT' }, 'PUT', [], false, null],
    ['200 passes', 200, { ...OK, 'Access-Control-Allow-Methods': 'GET, PUT' }, 'PUT', [], false, null],
    ['safelisted method needs no listing', 204, OK, 'POST', ['x-a'], false, 'header-not-allowed', 'x-a'],
    ['404 with ACAO', 404, { ...OK, 'Access-Control-Allow-Methods': 'PUT' }, 'PUT', [], false, 'preflight-invalid-status', ''],
    ['404 without ACAO: the access check comes first', 404, {}, 'PUT', [], false, 'preflight-missing-allow-origin', ''],
    ['redirect', 302, { Location: '/elsewhere', ...OK }, 'PUT', [], false, 'preflight-redirect'],
    ['300 without Location is just a bad status', 300, OK, 'PUT', [], false, 'preflight-invalid-status'],
    ['methods compare exactly: delete ≠ DELETE', 204, { ...OK, 'Access-Control-Allow-Methods': 'delete' }, 'DELETE', [], false, 'method-not-allowed', 'DELETE'],
    ['wildcard method without credentials', 204, { ...OK, 'Access-Control-Allow-Methods': '*' }, 'PATCH', [], false, null],
    ['wildcard method with credentials is literal', 204, { ...OK, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Methods': '*' }, 'PATCH', [], true, 'method-not-allowed'],
    ['invalid method token', 204, { ...OK, 'Access-Control-Allow-Methods': 'PUT, GE T' }, 'PUT', [], false, 'invalid-allow-methods', ''],
    ['empty list items are ignored', 204, { ...OK, 'Access-Control-Allow-Methods': 'PUT,,' }, 'PUT', [], false, null],
    ['two Allow-Methods lines combine', 204, { ...OK, 'Access-Control-Allow-Methods': ['GET', 'PUT'] }, 'PUT', [], false, null],
    ['invalid header token', 204, { ...OK, 'Access-Control-Allow-Headers': 'x-a, x b' }, 'GET', ['x-a'], false, 'invalid-allow-headers', ''],
    ['headers compare case-insensitively', 204, { ...OK, 'Access-Control-Allow-Headers': 'X-A' }, 'GET', ['x-a'], false, null],
    ['first missing header in sorted order', 204, { ...OK, 'Access-Control-Allow-Headers': 'x-b' }, 'GET', ['x-a', 'x-b', 'x-c'], false, 'header-not-allowed', 'x-a'],
    ['wildcard headers cover Authorization today (Chromium 156 and Firefox ESR 153, although Fetch says otherwise)', 204, { ...OK, 'Access-Control-Allow-Headers': '*' }, 'GET', ['authorization'], false, null],
    ['wildcard headers with credentials are literal', 204, { ...OK, 'Access-Control-Allow-Credentials': 'true', 'Access-Control-Allow-Headers': '*' }, 'GET', ['x-a'], true, 'header-not-allowed', 'x-a'],
    ['credentials need ACAC on the preflight too', 204, { ...OK, 'Access-Control-Allow-Methods': 'PUT' }, 'PUT', [], true, 'preflight-missing-allow-credentials'],
    ['wildcard origin with credentials', 204, { 'Access-Control-Allow-Origin': '*' }, 'PUT', [], true, 'preflight-wildcard-origin-with-credentials'],
    ['origin mismatch on the preflight', 204, { 'Access-Control-Allow-Origin': 'http://x.test' }, 'PUT', [], false, 'preflight-allow-origin-mismatch', 'http://x.test'],
  ])('%s', (_label, status, headers, method, unsafeHeaders, withCredentials, expected, failedParameter) => {
    const failure = checkPreflight({ response: { status, headers: h(headers) }, error: undefined, origin: ORIGIN, withCredentials, method, unsafeHeaders });
    expect(failure?.code ?? null).toBe(expected);
    if (failedParameter !== undefined) expect(failure?.failedParameter).toBe(failedParameter);
  });

  test.each([
    ['PATCH', 'method-not-allowed'],
    ['patch', null],
    ['PATCH, patch', null],
  ])('lower-case method "patch" against Allow-Methods %s', (allowMethods, expected) => {
    const headers = h({ ...OK, 'Access-Control-Allow-Methods': allowMethods });
    const failure = checkPreflight({ response: { status: 204, headers }, error: undefined, origin: ORIGIN, withCredentials: false, method: 'patch', unsafeHeaders: [] });
    expect(failure?.code ?? null).toBe(expected);
  });

  test('no response at all', () => {
    expect(checkPreflight({ response: undefined, error: 'net::ERR_FAILED', origin: ORIGIN, withCredentials: false, method: 'PUT', unsafeHeaders: [] })?.code).toBe('preflight-failed');
  });
});
