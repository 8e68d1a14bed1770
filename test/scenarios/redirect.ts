// Redirects of the actual request (Fetch §4.4 HTTP-redirect fetch): each redirect response of a
// CORS request passes the CORS check itself, a cross-origin redirect taints the origin so the next
// hop carries `Origin: null` (§3.1 "serializing a request origin"), and a Location with
// credentials in the URL is a network error.

import { allowAny, allowCredentials, allowPage, ok, preflightOk, redirect } from './builders';
import type { HeaderLine, Scenario } from './types';

const allowNull: HeaderLine = ['Access-Control-Allow-Origin', 'null'];
const get = { initiator: 'fetch' } as const;

export const redirectScenarios: readonly Scenario[] = [
  {
    id: 'redirect-same-origin-allowed',
    description: 'GET, 302 to another API path on the same origin; both hops allow the page origin',
    page: get,
    steps: {
      main: { response: redirect(302, '{api}{self}/final', allowPage) },
      final: { response: ok(allowPage) },
    },
    expected: 'resolved',
  },
  {
    id: 'redirect-response-missing-allow-origin',
    description: 'GET, the 302 itself has no Allow-Origin (a CORS redirect is CORS-checked)',
    page: get,
    steps: {
      main: { response: redirect(302, '{api}{self}/final') },
      final: { response: ok(allowPage) },
    },
    expected: 'threw',
    expectedCorsError: 'MissingAllowOriginHeader',
  },
  {
    id: 'redirect-cross-origin-null-origin-mismatch',
    description: 'GET, 302 to the cross-site origin; the next hop sends Origin: null, final allows the page origin',
    page: get,
    steps: {
      main: { response: redirect(302, '{site}{self}/final', allowPage) },
      final: { response: ok(allowPage) },
    },
    expected: 'threw',
    expectedCorsError: 'AllowOriginMismatch',
  },
  {
    id: 'redirect-cross-origin-allow-null',
    description: 'GET, 302 to the cross-site origin; final allows "null"',
    page: get,
    steps: {
      main: { response: redirect(302, '{site}{self}/final', allowPage) },
      final: { response: ok(allowNull) },
    },
    expected: 'resolved',
  },
  {
    id: 'redirect-cross-origin-wildcard',
    description: 'GET, 307 to the cross-site origin; final allows *',
    page: get,
    steps: {
      main: { response: redirect(307, '{site}{self}/final', allowPage) },
      final: { response: ok(allowAny) },
    },
    expected: 'resolved',
  },
  {
    id: 'redirect-cross-origin-credentials-null',
    description: 'credentials: include, 302 to the cross-site origin; final allows "null" with credentials',
    page: { initiator: 'fetch', credentials: 'include' },
    steps: {
      main: { response: redirect(302, '{site}{self}/final', allowPage, allowCredentials) },
      final: { response: ok(allowNull, allowCredentials) },
    },
    expected: 'resolved',
  },
  {
    id: 'redirect-cross-origin-credentials-wildcard',
    description: 'credentials: include, 302 to the cross-site origin; final allows * (not with credentials)',
    page: { initiator: 'fetch', credentials: 'include' },
    steps: {
      main: { response: redirect(302, '{site}{self}/final', allowPage, allowCredentials) },
      final: { response: ok(allowAny, allowCredentials) },
    },
    expected: 'threw',
    expectedCorsError: 'WildcardOriginNotAllowed',
  },
  {
    id: 'redirect-back-to-page-origin',
    description: 'GET, API redirects to the page origin; the tainted request needs CORS there too',
    page: get,
    steps: {
      main: { response: redirect(302, '{page}{self}/final', allowPage) },
      final: { response: ok() },
    },
    expected: 'threw',
    expectedCorsError: 'MissingAllowOriginHeader',
  },
  {
    id: 'redirect-from-page-origin-to-api',
    description: 'GET to the page origin, 302 to the API; the API hop carries the page origin',
    page: { initiator: 'fetch', target: 'page', step: 'hop' },
    steps: {
      hop: { response: redirect(302, '{api}{self}/final') },
      final: { response: ok(allowPage) },
    },
    expected: 'resolved',
  },
  {
    id: 'redirect-preflighted-same-origin',
    description: 'PUT (preflighted), 307 to another API path; each hop is preflighted and allowed',
    page: { initiator: 'fetch', method: 'PUT', body: '{}' },
    steps: {
      main: {
        preflight: preflightOk(allowPage, ['Access-Control-Allow-Methods', 'PUT']),
        response: redirect(307, '{api}{self}/final', allowPage),
      },
      final: { preflight: preflightOk(allowPage, ['Access-Control-Allow-Methods', 'PUT']), response: ok(allowPage) },
    },
    expected: 'resolved',
  },
  {
    id: 'redirect-location-with-credentials',
    description: 'GET, 302 to a URL with user:pass@ in it (a network error for CORS requests)',
    page: get,
    steps: {
      main: { response: redirect(302, 'http://user:pass@{apiHost}{self}/final', allowPage) },
      final: { response: ok(allowPage) },
    },
    expected: 'threw',
    expectedCorsError: 'RedirectContainsCredentials',
  },
];
