// Allow/block cases from web-platform-tests fetch/api/cors/ that the rest of the catalogue does not
// already cover, each staged on our two-origin server and recorded from both browsers. The comment
// on each names the WPT file (https://github.com/web-platform-tests/wpt/tree/master/fetch/api/cors).

import { allowAny, allowPage, answer, main, ok, preflightOk, redirect } from './builders';
import type { HeaderLine, Scenario } from './types';

const allowPut: HeaderLine = ['Access-Control-Allow-Methods', 'PUT'];
const put = { initiator: 'fetch', method: 'PUT', body: '{}' } as const;
const withTest = { initiator: 'fetch', headers: [['X-Test', '1']] } as const;

export const wptScenarios: readonly Scenario[] = [
  // cors-preflight-status.any.js: any 2xx passes the preflight, everything else fails it.
  {
    id: 'wpt-preflight-status-206',
    description: 'PUT, preflight answered 206 with CORS headers (any 2xx passes)',
    page: put,
    steps: main(ok(allowPage), answer(206, allowPage, allowPut)),
    expected: 'resolved',
  },
  {
    id: 'wpt-preflight-status-401',
    description: 'PUT, preflight answered 401 with CORS headers',
    page: put,
    steps: main(ok(allowPage), answer(401, allowPage, allowPut)),
    expected: 'threw',
    expectedCorsError: 'PreflightInvalidStatus',
  },
  {
    id: 'wpt-preflight-status-501',
    description: 'PUT, preflight answered 501 with CORS headers',
    page: put,
    steps: main(ok(allowPage), answer(501, allowPage, allowPut)),
    expected: 'threw',
    expectedCorsError: 'PreflightInvalidStatus',
  },
  // cors-preflight-status.any.js / cors-preflight-redirect.any.js: a preflight never follows a
  // redirect, and a 3xx without Location is just not a 2xx.
  {
    id: 'wpt-preflight-redirect-308',
    description: 'PUT, preflight answered 308 to another API path (with CORS headers)',
    page: put,
    steps: { main: { response: ok(allowPage), preflight: redirect(308, '{api}{self}/final', allowPage, allowPut) }, final: { preflight: preflightOk(allowPage, allowPut), response: ok(allowPage) } },
    expected: 'threw',
    expectedCorsError: 'PreflightDisallowedRedirect',
  },
  {
    id: 'wpt-preflight-status-300',
    description: 'PUT, preflight answered 300 without Location (with CORS headers)',
    page: put,
    steps: main(ok(allowPage), answer(300, allowPage, allowPut)),
    expected: 'threw',
    expectedCorsError: 'PreflightInvalidStatus',
  },
  // cors-redirect.any.js: a CORS GET follows 301/303/308 when every hop passes the CORS check.
  ...([301, 303, 308] as const).map((status): Scenario => ({
    id: `wpt-redirect-${status}-get`,
    description: `GET, ${status} to another API path; both hops allow the page origin`,
    page: { initiator: 'fetch' },
    steps: { main: { response: redirect(status, '{api}{self}/final', allowPage) }, final: { response: ok(allowPage) } },
    expected: 'resolved',
  })),
  // cors-redirect.any.js: a 308 to another origin taints the origin; "*" there passes.
  {
    id: 'wpt-redirect-308-cross-origin-wildcard',
    description: 'GET, 308 to the cross-site origin; final allows *',
    page: { initiator: 'fetch' },
    steps: { main: { response: redirect(308, '{site}{self}/final', allowPage) }, final: { response: ok(allowAny) } },
    expected: 'resolved',
  },
  // cors-redirect-preflight.any.js: 308 keeps the method, so the next URL is preflighted again.
  {
    id: 'wpt-redirect-preflight-308-put',
    description: 'PUT (preflighted), 308 to another API path; each hop is preflighted and allowed',
    page: put,
    steps: {
      main: { preflight: preflightOk(allowPage, allowPut), response: redirect(308, '{api}{self}/final', allowPage) },
      final: { preflight: preflightOk(allowPage, allowPut), response: ok(allowPage) },
    },
    expected: 'resolved',
  },
  // cors-redirect-preflight.any.js: the preflighted request's own 302 fails the CORS check.
  {
    id: 'wpt-redirect-preflight-302-missing-allow-origin',
    description: 'PUT (preflight allowed), actual response 302 without Allow-Origin',
    page: put,
    steps: {
      main: { preflight: preflightOk(allowPage, allowPut), response: redirect(302, '{api}{self}/final') },
      final: { preflight: preflightOk(allowPage, allowPut), response: ok(allowPage) },
    },
    expected: 'threw',
    expectedCorsError: 'MissingAllowOriginHeader',
  },
  // cors-preflight.any.js: header names compare case-insensitively, a list may repeat them.
  {
    id: 'wpt-preflight-allow-headers-upper-case-list',
    description: 'GET with X-Test, preflight allows "X-TEST, x-test, Accept"',
    page: withTest,
    steps: main(ok(allowPage), preflightOk(allowPage, ['Access-Control-Allow-Headers', 'X-TEST, x-test, Accept'])),
    expected: 'resolved',
  },
  // cors-preflight-star.any.js: "*" in Allow-Methods beside a list still allows any method (WPT
  // uses SUPER; Node's HTTP parser answers unknown methods 400 itself, so PATCH stands in).
  {
    id: 'wpt-preflight-allow-methods-star-in-list',
    description: 'method PATCH, preflight allows "GET, *"',
    page: { initiator: 'fetch', method: 'PATCH', body: '{}' },
    steps: main(ok(allowPage), preflightOk(allowPage, ['Access-Control-Allow-Methods', 'GET, *'])),
    expected: 'resolved',
  },
  // cors-preflight-star.any.js: "*" in Allow-Headers does not cover a header with credentials.
  {
    id: 'wpt-preflight-allow-headers-star-credentials',
    description: 'credentials: include with X-Test; preflight allows headers "*" and credentials',
    page: { ...withTest, credentials: 'include' },
    steps: main(
      ok(allowPage, ['Access-Control-Allow-Credentials', 'true']),
      preflightOk(allowPage, ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Allow-Headers', '*']),
    ),
    expected: 'threw',
    expectedCorsError: 'HeaderDisallowedByPreflightResponse',
  },
  // cors-redirect-preflight.any.js: 301 keeps PUT, so the new URL is preflighted again.
  {
    id: 'wpt-redirect-preflight-301-put',
    description: 'PUT (preflighted), 301 to another API path; each hop is preflighted and allowed',
    page: put,
    steps: {
      main: { preflight: preflightOk(allowPage, allowPut), response: redirect(301, '{api}{self}/final', allowPage) },
      final: { preflight: preflightOk(allowPage, allowPut), response: ok(allowPage) },
    },
    expected: 'resolved',
  },
  // cors-redirect-preflight.any.js: 303 turns PUT into a GET without body or Content-Type (Fetch
  // §4.4 step 12), a safelisted request: no second preflight, only the CORS check.
  {
    id: 'wpt-redirect-preflight-303-put',
    description: 'PUT JSON (preflighted), 303 to another API path; the GET that follows needs no preflight',
    page: { initiator: 'fetch', method: 'PUT', headers: [['Content-Type', 'application/json']], body: '{}' },
    steps: {
      main: { preflight: preflightOk(allowPage, allowPut, ['Access-Control-Allow-Headers', 'Content-Type']), response: redirect(303, '{api}{self}/final', allowPage) },
      final: { response: ok(allowPage) },
    },
    expected: 'resolved',
  },
  // cors-preflight-not-cors-safelisted.any.js: text/plain with parameters stays safelisted.
  {
    id: 'wpt-safelist-content-type-plain-params',
    description: 'POST Content-Type "text/plain;charset=ISO-8859-1;foo=bar": safelisted, no preflight',
    page: { initiator: 'fetch', method: 'POST', headers: [['Content-Type', 'text/plain;charset=ISO-8859-1;foo=bar']], body: 'x' },
    steps: main(ok(allowPage)),
    expected: 'resolved',
  },
  // cors-preflight-not-cors-safelisted.any.js: a CORS-unsafe byte (") makes it need a preflight.
  {
    id: 'wpt-safelist-content-type-unsafe-quote',
    description: 'POST Content-Type \'text/plain; charset="utf-8"\': the quote is a CORS-unsafe byte, preflight refused (405, no Allow-Origin)',
    page: { initiator: 'fetch', method: 'POST', headers: [['Content-Type', 'text/plain; charset="utf-8"']], body: 'x' },
    steps: main(ok(allowPage)),
    expected: 'threw',
    // Chromium checks the preflight's Allow-Origin before its status.
    expectedCorsError: 'PreflightMissingAllowOriginHeader',
  },
];
