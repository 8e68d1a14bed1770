// Loopback scenarios in which the CORS failure is only the symptom of another failure:
// each answers the way a real server in that situation does. Kept out of the verdict catalogue
// (test/scenarios): these are about the cause behind a block, not about the CORS checks.

import { allowPage, answer, main, ok, redirect, varyOrigin } from '../scenarios/builders';
import type { Scenario } from '../scenarios/types';

const put = { initiator: 'fetch', method: 'PUT', body: '{}', headers: [['Authorization', 'Bearer token']] } as const;



export const ERROR_STEP = '7';
/** Another item of the same endpoint that answers normally, with CORS headers (the corroboration). */
export const OK_STEP = '42';

export const CAUSE_SCENARIOS: readonly Scenario[] = [
  {
    id: 'cause-error-response',
    description: 'GET, the API answers 502 without CORS headers; another item of the same endpoint answers 200 with them',
    page: { initiator: 'fetch', step: ERROR_STEP },
    steps: {
      [ERROR_STEP]: { response: answer(502, ['Content-Type', 'text/html']) },
      [OK_STEP]: { response: ok(allowPage, varyOrigin) },
    },
    expected: 'threw',
    expectedCorsError: 'MissingAllowOriginHeader',
  },
  {
    id: 'cause-rate-limited',
    description: 'GET, a rate limiter answers 429 with Retry-After and no CORS headers',
    page: { initiator: 'fetch' },
    steps: main(answer(429, ['Retry-After', '30'], ['Content-Type', 'text/plain'])),
    expected: 'threw',
    expectedCorsError: 'MissingAllowOriginHeader',
  },
  {
    id: 'cause-preflight-auth',
    description: 'PUT with Authorization, an auth middleware answers the preflight 401',
    page: put,
    steps: main(ok(allowPage), answer(401, ['WWW-Authenticate', 'Bearer'], ['Content-Type', 'application/json'])),
    expected: 'threw',
    expectedCorsError: 'PreflightInvalidStatus',
  },
  {
    id: 'cause-preflight-unhandled',
    description: 'PUT, the server has no route for OPTIONS (405)',
    page: put,
    steps: main(ok(allowPage)),
    expected: 'threw',
    expectedCorsError: 'PreflightMissingAllowOriginHeader',
  },
  {
    id: 'cause-login-redirect',
    description: 'GET, an expired session: 302 to a login page on another origin, which answers HTML without CORS headers',
    page: { initiator: 'fetch', credentials: 'include' },
    steps: {
      main: { response: redirect(302, '{site}{self}/login', allowPage, ['Access-Control-Allow-Credentials', 'true']) },
      login: { response: { status: 200, headers: [['Content-Type', 'text/html; charset=utf-8']], body: '<!doctype html><title>Sign in</title><form></form>' } },
    },
    expected: 'threw',
    expectedCorsError: 'MissingAllowOriginHeader',
  },
  {
    id: 'cause-blocked-by-client',
    description: 'GET, cancelled by another extension\'s declarativeNetRequest block rule',
    page: { initiator: 'fetch' },
    steps: main(ok(allowPage)),
    expected: 'threw',
  },
];

export const CAUSE_OF: Readonly<Record<string, string>> = {
  'cause-error-response': 'error-response',
  'cause-rate-limited': 'rate-limited',
  'cause-preflight-auth': 'preflight-auth',
  'cause-preflight-unhandled': 'preflight-unhandled',
  'cause-login-redirect': 'login-redirect',
  'cause-blocked-by-client': 'blocked-by-client',
};


