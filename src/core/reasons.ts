// Every way a CORS exchange fails, with how each browser names it. Chrome names are CDP
// `Network.CorsError` values (Chromium services/network/public/cpp/cors/cors.cc and
// preflight_result.cc); Firefox names are the reason codes nsCORSListenerProxy logs, which MDN
// documents one page each.

import type { CheckStage, Reason, ReasonCode } from './analysis';

interface ReasonSpec {
  readonly chrome: string;
  readonly firefox: string;
  /** MDN "CORS errors" page slug, or a full URL where MDN has no page. */
  readonly mdn: string;
  readonly message: (p: ReasonParams) => string;
}

export interface ReasonParams {
  /** The request's origin as sent (`null` after a cross-origin redirect). */
  readonly origin: string;
  /** The header value, method or header name at fault. */
  readonly value: string;
  readonly method: string;
  readonly status: number;
}

const MDN_BASE = 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors/';

const q = (s: string) => JSON.stringify(s);

const SPECS: Record<ReasonCode, ReasonSpec> = {
  'missing-allow-origin': {
    chrome: 'MissingAllowOriginHeader', firefox: 'CORSMissingAllowOrigin', mdn: 'CORSMissingAllowOrigin',
    message: (p) => `The response has no Access-Control-Allow-Origin header, so ${p.origin} may not read it.`,
  },
  'multiple-allow-origin': {
    chrome: 'MultipleAllowOriginValues', firefox: 'CORSMultipleAllowOriginNotAllowed', mdn: 'CORSMultipleAllowOriginNotAllowed',
    message: (p) => `Access-Control-Allow-Origin has several values (${q(p.value)}); it must be exactly one origin or *.`,
  },
  'invalid-allow-origin': {
    chrome: 'InvalidAllowOriginValue', firefox: 'CORSAllowOriginNotMatchingOrigin', mdn: 'CORSAllowOriginNotMatchingOrigin',
    message: (p) => `Access-Control-Allow-Origin is ${q(p.value)}, which is not a valid origin; it must be ${q(p.origin)}.`,
  },
  'allow-origin-mismatch': {
    chrome: 'AllowOriginMismatch', firefox: 'CORSAllowOriginNotMatchingOrigin', mdn: 'CORSAllowOriginNotMatchingOrigin',
    message: (p) => `Access-Control-Allow-Origin is ${q(p.value)} but the request came from ${q(p.origin)}; they must match exactly (scheme, host, port, no trailing slash).`,
  },
  'wildcard-origin-with-credentials': {
    chrome: 'WildcardOriginNotAllowed', firefox: 'CORSNotSupportingCredentials', mdn: 'CORSNotSupportingCredentials',
    message: (p) => `The request was sent with credentials, and Access-Control-Allow-Origin: * is not allowed then; the server must name ${q(p.origin)}.`,
  },
  'missing-allow-credentials': {
    chrome: 'InvalidAllowCredentials', firefox: 'CORSMissingAllowCredentials', mdn: 'CORSMissingAllowCredentials',
    message: () => 'The request was sent with credentials but the response lacks Access-Control-Allow-Credentials: true.',
  },
  'invalid-allow-credentials': {
    chrome: 'InvalidAllowCredentials', firefox: 'CORSMissingAllowCredentials', mdn: 'CORSMissingAllowCredentials',
    message: (p) => `Access-Control-Allow-Credentials is ${q(p.value)}; only the exact value "true" allows credentials.`,
  },
  'preflight-invalid-status': {
    chrome: 'PreflightInvalidStatus', firefox: 'CORSPreflightDidNotSucceed', mdn: 'CORSPreflightDidNotSucceed',
    message: (p) => `The preflight (OPTIONS) response had status ${p.status}; it must be a 2xx status.`,
  },
  'preflight-redirect': {
    chrome: 'PreflightDisallowedRedirect', firefox: 'CORSPreflightDidNotSucceed', mdn: 'CORSPreflightDidNotSucceed',
    message: (p) => `The preflight (OPTIONS) request was answered with a redirect (${p.status}); preflights may not be redirected.`,
  },
  'preflight-failed': {
    chrome: 'PreflightInvalidStatus', firefox: 'CORSPreflightDidNotSucceed', mdn: 'CORSPreflightDidNotSucceed',
    message: (p) => `The browser rejected the preflight${p.value ? ` (${p.value})` : ''}; its response headers do not show why.`,
  },
  'preflight-missing-allow-origin': {
    chrome: 'PreflightMissingAllowOriginHeader', firefox: 'CORSMissingAllowOrigin', mdn: 'CORSMissingAllowOrigin',
    message: (p) => `The preflight (OPTIONS) response has no Access-Control-Allow-Origin header for ${p.origin}.`,
  },
  'preflight-multiple-allow-origin': {
    chrome: 'PreflightMultipleAllowOriginValues', firefox: 'CORSMultipleAllowOriginNotAllowed', mdn: 'CORSMultipleAllowOriginNotAllowed',
    message: (p) => `The preflight response's Access-Control-Allow-Origin has several values (${q(p.value)}).`,
  },
  'preflight-invalid-allow-origin': {
    chrome: 'PreflightInvalidAllowOriginValue', firefox: 'CORSAllowOriginNotMatchingOrigin', mdn: 'CORSAllowOriginNotMatchingOrigin',
    message: (p) => `The preflight response's Access-Control-Allow-Origin is ${q(p.value)}, not a valid origin; it must be ${q(p.origin)}.`,
  },
  'preflight-allow-origin-mismatch': {
    chrome: 'PreflightAllowOriginMismatch', firefox: 'CORSAllowOriginNotMatchingOrigin', mdn: 'CORSAllowOriginNotMatchingOrigin',
    message: (p) => `The preflight response's Access-Control-Allow-Origin is ${q(p.value)} but the request came from ${q(p.origin)}.`,
  },
  'preflight-wildcard-origin-with-credentials': {
    chrome: 'PreflightWildcardOriginNotAllowed', firefox: 'CORSNotSupportingCredentials', mdn: 'CORSNotSupportingCredentials',
    message: (p) => `The request uses credentials, so the preflight may not answer Access-Control-Allow-Origin: *; it must name ${q(p.origin)}.`,
  },
  'preflight-missing-allow-credentials': {
    chrome: 'PreflightInvalidAllowCredentials', firefox: 'CORSMissingAllowCredentials', mdn: 'CORSMissingAllowCredentials',
    message: () => 'The request uses credentials but the preflight response lacks Access-Control-Allow-Credentials: true.',
  },
  'preflight-invalid-allow-credentials': {
    chrome: 'PreflightInvalidAllowCredentials', firefox: 'CORSMissingAllowCredentials', mdn: 'CORSMissingAllowCredentials',
    message: (p) => `The preflight's Access-Control-Allow-Credentials is ${q(p.value)}; only the exact value "true" works.`,
  },
  'invalid-allow-methods': {
    chrome: 'InvalidAllowMethodsPreflightResponse', firefox: 'CORSInvalidAllowMethod', mdn: 'CORSInvalidAllowMethod',
    message: (p) => `Access-Control-Allow-Methods contains ${q(p.value)}, which is not a valid method token; the whole header is ignored.`,
  },
  'invalid-allow-headers': {
    chrome: 'InvalidAllowHeadersPreflightResponse', firefox: 'CORSInvalidAllowHeader', mdn: 'CORSInvalidAllowHeader',
    message: (p) => `Access-Control-Allow-Headers contains ${q(p.value)}, which is not a valid header name; the whole header is ignored.`,
  },
  'method-not-allowed': {
    chrome: 'MethodDisallowedByPreflightResponse', firefox: 'CORSMethodNotFound', mdn: 'CORSMethodNotFound',
    message: (p) => `The preflight response's Access-Control-Allow-Methods does not list ${p.method} (methods compare case-sensitively).`,
  },
  'header-not-allowed': {
    chrome: 'HeaderDisallowedByPreflightResponse', firefox: 'CORSMissingAllowHeaderFromPreflight', mdn: 'CORSMissingAllowHeaderFromPreflight',
    message: (p) => `The request sends the header ${q(p.value)}, which the preflight response's Access-Control-Allow-Headers does not list.`,
  },
  'redirect-disallowed-credentials-in-url': {
    chrome: 'RedirectContainsCredentials', firefox: 'CORSDidNotSucceed', mdn: 'CORSDidNotSucceed',
    message: () => 'The request was redirected to a URL with a user name or password in it, which CORS requests may not follow.',
  },
  'redirect-invalid-location': {
    chrome: 'CorsDisabledScheme', firefox: 'CORSRequestNotHttp', mdn: 'CORSRequestNotHttp',
    message: (p) => `The request was redirected to ${q(p.value)}, which is not an http(s) URL; CORS requests may only go to http(s).`,
  },
  'disallowed-by-mode': {
    chrome: 'DisallowedByMode', firefox: 'CORSDidNotSucceed', mdn: 'CORSDidNotSucceed',
    message: () => 'The request was made with mode "same-origin" to another origin, so the browser refused to send it.',
  },
  'local-network-access': {
    chrome: 'LocalNetworkAccessPermissionDenied', firefox: '', mdn: 'https://developer.chrome.com/blog/local-network-access',
    message: (p) => `A page in a more public address space asked for ${p.value}, a more local address. Chromium's Local Network Access needs the user's permission for that, and it was not given, so the request was never sent.`,
  },
  'browser-reported-error': {
    chrome: '', firefox: 'CORSDidNotSucceed', mdn: 'CORSDidNotSucceed',
    // Status 0: no response was recorded, so there were no headers to pass.
    message: (p) => `The browser failed the request (${p.value}) ${p.status === 0 ? 'and the record holds no response to check' : 'although the recorded CORS headers pass'}. The cause is not in the headers: Local Network Access (a public page calling a private or loopback address), a preflight that was not recorded, or a proxy or extension changing the response.`,
  },
  'failure-not-recorded': {
    chrome: '', firefox: '', mdn: 'https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS/Errors',
    message: (p) => `Chromium failed this cross-origin request (${p.value}) before any response reached the page, which is how it ends a request blocked by CORS. This recording (Playwright's HAR) keeps no preflight and no response headers for a failed request, so it cannot show which check failed or what the server must send.`,
  },
};

/** Each code's MDN link, joined once rather than for every reason. */
const MDN_LINKS = Object.fromEntries(
  Object.entries(SPECS).map(([code, spec]) => [code, spec.mdn.startsWith('https://') ? spec.mdn : MDN_BASE + spec.mdn]),
) as Record<ReasonCode, string>;

/** Where a check failed and on what: `reason()`'s arguments, named. */
export interface ReasonAt {
  readonly code: ReasonCode;
  readonly stage: CheckStage;
  readonly hop: number;
  /** The header at fault; none (`''`) for a failure no header caused (a request mode, a network error). */
  readonly header?: string;
  readonly params: ReasonParams;
  /** The parameter the browser's error names: `params.value` unless given; `''` when its error names none. */
  readonly failedParameter?: string;
  /** Firefox's own error text when the check knows it more exactly than the code's usual one. */
  readonly firefoxError?: string | undefined;
}

export function reason({ code, stage, hop, header = '', params, failedParameter = params.value, firefoxError }: ReasonAt): Reason {
  const spec = SPECS[code];
  return {
    code,
    chromeCorsError: spec.chrome,
    failedParameter,
    firefoxError: firefoxError ?? spec.firefox,
    message: spec.message(params),
    mdn: MDN_LINKS[code],
    stage,
    hop,
    header,
  };
}
