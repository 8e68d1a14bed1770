// Walks an exchange hop by hop the way Fetch's main fetch / HTTP fetch / HTTP-redirect fetch do
// (Fetch §4.1, §4.3, §4.4), applying the CORS-preflight and CORS checks where the browser would,
// for one assumed credentials mode. Returns the first failure, as the browser reports only that.

import type { ExchangeType, Reason } from './analysis';
import { corsCheck, type CorsCheckResult } from './fetch/cors-check';
import { isCorsSafelistedMethod } from './fetch/methods';
import { checkPreflight, type PreflightFailure } from './fetch/preflight-check';
import { corsUnsafeRequestHeaderNames, isBrowserAddedLower } from './fetch/request-headers';
import type { FixContext } from './fix';
import { asChecked } from './cache/stored-responses';
import { getHeader, splitList } from './headers';
import type { Exchange, Hop, Preflight, RequestMode, ResponseRecord } from './model';
import { isCorsError, isNetworkFailure } from './network-failure';
import { isHttpUrl, originOf, resolveLocation, urlHasCredentials } from './origin';
import { reason } from './reasons';

export interface WalkResult {
  readonly type: ExchangeType;
  readonly failure: Reason | null;
  readonly fix: FixContext | null;
  /** The origin the last CORS-checked hop was sent with. */
  readonly origin: string | null;
  /** A hop needed a preflight that was not recorded, and the request went through anyway. */
  readonly preflightNotRecorded: boolean;
  /** Why the outcome cannot be read from the record (no response and no preflight to blame). */
  readonly incomplete: string | null;
  readonly corsHops: readonly number[];
  /**
   * Without credentials: the first check that would fail with them (null when none would). Its
   * reason and fix are built on call: most verdicts never need them.
   */
  readonly credentialedFailure: (() => HopFailure) | null;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NOT_MODIFIED = "the response is a 304 revalidation: the browser checked the CORS headers of its cached response, which the record does not hold";
const SCRIPTED = new Set(['fetch', 'xhr', 'xmlhttprequest', 'eventsource']);

/**
 * A scripted request Chromium failed with its CORS error and no response, in a recording that keeps
 * neither preflights nor the response of a failed request (Playwright's HAR, har/recorder.ts): the
 * browser blocked it, and the record cannot say why (fixtures test/fixtures/playwright).
 */
function failedUnrecorded(exchange: Exchange): boolean {
  return exchange.recorder === 'playwright' && exchange.error === 'net::ERR_FAILED' && SCRIPTED.has(exchange.resourceType?.toLowerCase() ?? '');
}

function unsafeHeaderNames(hop: Hop, preflight: Preflight | undefined): readonly string[] {
  // The preflight's Access-Control-Request-Headers is the browser's own list (Fetch §4.8 step 3):
  // trust it over our reading of the wire, which also carries headers the browser added later.
  const requested = preflight ? getHeader(preflight.request.headers, 'Access-Control-Request-Headers') : null;
  if (requested !== null) return requestedHeaderNames(requested);
  return corsUnsafeRequestHeaderNames(hop.request.headers, isBrowserAddedLower);
}

// Preflights repeat the same few Access-Control-Request-Headers values: each is split, lower-cased
// and sorted once, and the frozen list shared.
const REQUESTED_CACHE_LIMIT = 4096;
const requestedLists = new Map<string, readonly string[]>();

function requestedHeaderNames(value: string): readonly string[] {
  const known = requestedLists.get(value);
  if (known !== undefined) return known;
  const names = Object.freeze(splitList(value).map((n) => n.toLowerCase()).sort());
  if (requestedLists.size >= REQUESTED_CACHE_LIMIT) requestedLists.clear();
  requestedLists.set(value, names);
  return names;
}

function preflightMethod(hop: Hop, preflight: Preflight | undefined): string {
  return (preflight && getHeader(preflight.request.headers, 'Access-Control-Request-Method')) || hop.request.method;
}

/** Where hop i redirects to (its Location, resolved), or null when it is not a redirect. */
function nextLocation(exchange: Exchange, i: number): string | null {
  const hop = exchange.hops[i];
  const next = exchange.hops[i + 1];
  if (!hop?.response) return null;
  // A redirect the browser refused to follow has no next hop: its Location still tells where.
  const location = getHeader(hop.response.headers, 'Location');
  if (!next) return location !== null && REDIRECTS.has(hop.response.status) ? resolveLocation(location, hop.request.url) : null;
  return resolveLocation(location ?? next.request.url, hop.request.url) ?? next.request.url;
}

/**
 * HTTP-redirect fetch (Fetch §4.4) checks on the Location. Chromium applies them before the CORS
 * check of the redirect response (fixture redirect-location-with-credentials reports
 * RedirectContainsCredentials, not the missing Allow-Credentials of the 302).
 */
function redirectLocationFailure(exchange: Exchange, i: number, location: string | null, origin: string, mode: RequestMode, tainting: 'basic' | 'cors'): Reason | null {
  const hop = exchange.hops[i];
  if (location === null || !hop?.response) return null;
  const params = { origin, value: location, method: hop.request.method, status: hop.response.status };
  if (tainting === 'cors' && !isHttpUrl(location)) return reason({ code: 'redirect-invalid-location', stage: 'redirect', hop: i, header: 'Location', params });
  if (mode === 'cors' && urlHasCredentials(location) && originOf(location) !== origin) {
    return reason({ code: 'redirect-disallowed-credentials-in-url', stage: 'redirect', hop: i, header: 'Location', params, failedParameter: '' });
  }
  return null;
}

export interface WalkOptions {
  readonly initiatorOrigin: string;
  readonly mode: RequestMode;
  readonly withCredentials: boolean;
}

/** A failed check with what the fix needs to know. */
export interface HopFailure {
  readonly reason: Reason;
  readonly fix: FixContext;
}

/** What one CORS hop's checks need, shared by both credentials modes. */
interface HopChecks {
  readonly i: number;
  readonly hop: Hop;
  readonly preflight: Preflight | undefined;
  readonly origin: string;
  readonly method: string;
  readonly unsafeHeaders: readonly string[];
  readonly url: string;
}

function fixContext(c: HopChecks, r: Reason, withCredentials: boolean, actualPasses: boolean): FixContext {
  return {
    reason: r, origin: c.origin, withCredentials, method: c.method, unsafeHeaders: c.unsafeHeaders, url: c.url,
    preflightResponse: c.preflight?.response, actualResponse: c.hop.response, actualPasses,
  };
}

/**
 * The origin the preflight was sent with: its own recorded `Origin` where there is one. After a
 * cross-origin redirect Firefox sends the new hop's preflight with the page's origin and the
 * request itself with `Origin: null` (fixture redirect-preflighted-json-307-cross-origin); the
 * server answered each for the origin it was sent.
 */
function preflightOrigin(c: HopChecks): string {
  const sent = c.preflight ? getHeader(c.preflight.request.headers, 'Origin')?.trim() : undefined;
  return sent || c.origin;
}

function preflightCheck(c: HopChecks, withCredentials: boolean): PreflightFailure | null {
  const preflight = c.preflight;
  if (!preflight) return null;
  return checkPreflight({ response: preflight.response, error: preflight.error, origin: preflightOrigin(c), withCredentials, method: c.method, unsafeHeaders: c.unsafeHeaders });
}

function preflightFailure(c: HopChecks, withCredentials: boolean): HopFailure | null {
  const failed = preflightCheck(c, withCredentials);
  return failed ? preflightHopFailure(c, failed, withCredentials) : null;
}

function preflightHopFailure(c: HopChecks, failed: PreflightFailure, withCredentials: boolean): HopFailure {
  const status = c.preflight?.response?.status ?? 0;
  const params = { origin: preflightOrigin(c), value: failed.value, method: c.method, status };
  const r = reason({ code: failed.code, stage: 'preflight', hop: c.i, header: failed.header, params, failedParameter: failed.failedParameter, firefoxError: failed.firefoxError });
  const actualPasses = c.hop.response ? corsCheck(c.hop.response.headers, c.origin, withCredentials) === null : false;
  return { reason: r, fix: fixContext(c, r, withCredentials, actualPasses) };
}

function responseFailure(c: HopChecks, response: ResponseRecord, isRedirect: boolean, withCredentials: boolean): HopFailure | null {
  const check = corsCheck(response.headers, c.origin, withCredentials);
  return check ? responseHopFailure(c, response, isRedirect, check, withCredentials) : null;
}

function responseHopFailure(c: HopChecks, response: ResponseRecord, isRedirect: boolean, check: CorsCheckResult, withCredentials: boolean): HopFailure {
  const params = { origin: c.origin, value: check.value, method: c.method, status: response.status };
  const r = reason({ code: check.failure, stage: isRedirect ? 'redirect' : 'response', hop: c.i, header: check.header, params, firefoxError: check.firefoxError });
  return { reason: r, fix: fixContext(c, r, withCredentials, false) };
}

/**
 * Walks the exchange under `opts.withCredentials`. When that is false it also notes the first
 * check that would fail with credentials included: the same path, one walk for both modes.
 */
export function walkExchange(exchange: Exchange, opts: WalkOptions): WalkResult {
  let origin = opts.initiatorOrigin;
  let tainting: 'basic' | 'cors' = 'basic';
  let type: ExchangeType = 'same-origin';
  let preflightNotRecorded = false;
  let credentialedFailure: (() => HopFailure) | null = null;
  const trackCredentials = !opts.withCredentials;
  const corsHops: number[] = [];
  const unusedPreflights = exchange.preflights.length > 0 ? [...exchange.preflights] : [];
  const done = (failure: HopFailure | Reason | null, incomplete: string | null = null): WalkResult => ({
    type,
    failure: failure === null ? null : 'reason' in failure ? failure.reason : failure,
    fix: failure !== null && 'reason' in failure ? failure.fix : null,
    origin: corsHops.length > 0 ? origin : null,
    preflightNotRecorded, incomplete, corsHops, credentialedFailure,
  });

  for (let i = 0; i < exchange.hops.length; i++) {
    const hop = exchange.hops[i] as Hop;
    const url = hop.request.url;
    const location = nextLocation(exchange, i);
    const urlOrigin = originOf(url);
    const crossOrigin = tainting === 'cors' || urlOrigin !== origin;
    if (crossOrigin && opts.mode === 'same-origin') {
      type = 'simple';
      return done(reason({ code: 'disallowed-by-mode', stage: 'request', hop: i, params: { origin, value: url, method: hop.request.method, status: 0 } }));
    }
    if (crossOrigin && opts.mode === 'no-cors') type = 'no-cors';
    if (crossOrigin && opts.mode !== 'no-cors') {
      tainting = 'cors';
      corsHops.push(i);
      // What the wire shows wins over our model of it (the Origin header the hop really carried).
      const sentOrigin = getHeader(hop.request.headers, 'Origin');
      if (sentOrigin !== null) origin = sentOrigin;
      const pIndex = unusedPreflights.findIndex((p) => p.request.url === url);
      const preflight = pIndex >= 0 ? unusedPreflights.splice(pIndex, 1)[0] : undefined;
      const method = preflightMethod(hop, preflight);
      const unsafeHeaders = unsafeHeaderNames(hop, preflight);
      const needsPreflight = !isCorsSafelistedMethod(method) || unsafeHeaders.length > 0;
      if (type !== 'preflighted') type = preflight || needsPreflight ? 'preflighted' : 'simple';
      const checks: HopChecks = { i, hop, preflight, origin, method, unsafeHeaders, url };
      // A preflight that got no HTTP response because the network failed was never judged by CORS.
      if (preflight && !preflight.response && isNetworkFailure(preflight.error)) {
        return done(null, `the preflight failed before any response arrived (${preflight.error ?? ''}): a network failure, not a CORS decision`);
      }
      const failedPreflight = preflightFailure(checks, opts.withCredentials);
      if (failedPreflight) return done(failedPreflight);
      if (trackCredentials && !credentialedFailure) {
        const failed = preflightCheck(checks, true);
        if (failed) credentialedFailure = () => preflightHopFailure(checks, failed, true);
      }
      if (!preflight && needsPreflight && hop.response) preflightNotRecorded = true;
      if (!hop.response) {
        if (!preflight && failedUnrecorded(exchange)) {
          return done(reason({ code: 'failure-not-recorded', stage: 'request', hop: i, params: { origin, value: exchange.error ?? '', method, status: 0 }, failedParameter: '' }));
        }
        if (needsPreflight && !preflight && isCorsError(exchange.error)) {
          const r = reason({ code: 'preflight-failed', stage: 'preflight', hop: i, params: { origin, value: exchange.error, method, status: 0 } });
          return done({ reason: r, fix: fixContext(checks, r, opts.withCredentials, false) });
        }
        return done(null, exchange.error
          ? `the request failed before any response arrived (${exchange.error}): a network error, not a CORS decision`
          : 'no response was recorded for this request');
      }
      const redirectFailure = redirectLocationFailure(exchange, i, location, origin, opts.mode, tainting);
      if (redirectFailure) return done(redirectFailure);
      const isRedirect = REDIRECTS.has(hop.response.status) && i < exchange.hops.length - 1;
      const { cachedCopy } = hop.response;
      const response = asChecked(hop.response);
      const failedResponse = responseFailure(checks, response, isRedirect, opts.withCredentials);
      const completedInChromium = exchange.browser === 'chromium' && exchange.error === undefined;
      if (failedResponse && response.status === 304 && (completedInChromium || !cachedCopy)) {
        // The check read the cached response the 304 revalidated (Fetch §4.5 HTTP-network-or-cache fetch,
        // "update a stored response"). Chromium's completion says it passed; without that, and without the
        // copy (cache/stored-responses.ts), the record cannot tell.
        if (!completedInChromium) return done(null, NOT_MODIFIED);
      } else if (failedResponse) return done(failedResponse);
      else if (trackCredentials && !credentialedFailure) {
        const failed = corsCheck(response.headers, origin, true);
        if (failed) credentialedFailure = () => responseHopFailure(checks, response, isRedirect, failed, true);
      }
    } else if (!hop.response) {
      return done(null, exchange.error ? `the request failed before any response arrived (${exchange.error})` : 'no response was recorded for this request');
    }
    if (location === null) continue;
    if (tainting === 'basic') {
      const redirectFailure = redirectLocationFailure(exchange, i, location, origin, opts.mode, tainting);
      if (redirectFailure) return done(redirectFailure);
    }
    // Step "tainted origin flag": a redirect to another origin from a URL that is not the
    // request's own origin makes every later hop carry `Origin: null`.
    if (originOf(location) !== urlOrigin && origin !== urlOrigin) origin = 'null';
  }
  return done(null);
}
