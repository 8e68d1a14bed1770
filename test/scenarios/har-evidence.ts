// Cases where what a HAR *does not* say used to decide the verdict: two requests whose
// redirects meet at one URL, a page's own abort of an opaque fetch, a redirect into a preflight
// that fails at the other origin, and the everyday cross-site call whose credentials mode the
// wire does not show.

import { allowAny, allowPage, main, ok, preflightOk, redirect } from './builders';
import type { HeaderLine, Scenario } from './types';

const echoOrigin: HeaderLine = ['Access-Control-Allow-Origin', '{origin}'];

export const harEvidenceScenarios: readonly Scenario[] = [
  {
    id: 'redirect-two-requests-same-target',
    description: 'fetch A gets a 302 without Allow-Origin (blocked, never follows); then fetch B gets a 302 with it to the same URL and is allowed there',
    page: { initiator: 'fetch', then: { initiator: 'fetch', step: 'other' } },
    steps: {
      main: { response: redirect(302, '{api}{self}/final') },
      other: { response: redirect(302, '{api}{self}/final', allowPage) },
      final: { response: ok(allowPage) },
    },
    expected: 'threw',
    expectedCorsError: 'MissingAllowOriginHeader',
    cite: 'Fetch §4.4 HTTP-redirect fetch: a redirect that fails the CORS check is a network error, nothing follows it',
  },
  {
    id: 'no-cors-fetch-aborted',
    description: 'fetch mode no-cors, aborted by the page once it resolved (body still arriving): net::ERR_ABORTED, not CORS',
    page: { initiator: 'fetch', mode: 'no-cors', abortAfterHeaders: true },
    steps: main({ status: 200, headers: [['Content-Type', 'text/plain']], body: 'slow' }),
    expected: 'resolved',
    cite: 'Fetch §3.1: a no-cors GET/HEAD carries no Origin; §2.2.5 opaque responses are never CORS-checked',
  },
  {
    id: 'redirect-preflighted-json-307-cross-origin',
    description: 'POST JSON (preflight allowed), actual response 307 to the cross-site origin; its preflight (Origin: null) gets Allow-Origin * but no Allow-Headers',
    page: { initiator: 'fetch', method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' },
    steps: {
      main: {
        preflight: preflightOk(allowPage, ['Access-Control-Allow-Headers', 'Content-Type']),
        response: redirect(307, '{site}{self}/final', allowPage),
      },
      final: { preflight: preflightOk(allowAny), response: ok(allowAny) },
    },
    expected: 'threw',
    expectedCorsError: 'HeaderDisallowedByPreflightResponse',
    cite: 'Fetch §4.4 step 17 (a 307 keeps method and body), §4.8 (a new preflight for the new URL), §3.1 tainted origin',
  },
  {
    id: 'cross-site-get-echo-origin',
    description: 'fetch with default credentials to a cross-site API that echoes the Origin, no Allow-Credentials',
    page: { initiator: 'fetch', target: 'site' },
    steps: main(ok(echoOrigin, ['Vary', 'Origin'])),
    expected: 'resolved',
  },
  {
    id: 'cross-site-get-wildcard',
    description: 'fetch with default credentials to a cross-site API answering Allow-Origin *',
    page: { initiator: 'fetch', target: 'site' },
    steps: main(ok(allowAny)),
    expected: 'resolved',
  },
  {
    id: 'cross-site-xhr-wildcard',
    description: 'XHR without withCredentials to a cross-site API answering Allow-Origin *',
    page: { initiator: 'xhr', target: 'site' },
    steps: main(ok(allowAny)),
    expected: 'resolved',
  },
  {
    id: 'cross-site-include-echo-origin',
    description: 'fetch credentials: include to a cross-site API that echoes the Origin, no Allow-Credentials (blocked)',
    page: { initiator: 'fetch', target: 'site', credentials: 'include' },
    steps: main(ok(echoOrigin, ['Vary', 'Origin'])),
    expected: 'threw',
    expectedCorsError: 'InvalidAllowCredentials',
  },
];
