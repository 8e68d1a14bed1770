// Causes behind an HTTP error status: an error response without CORS headers (the server's error
// path skips them), a rate limiter's 429, an auth layer answering the preflight, no OPTIONS
// route. Each is judged on the response the browser's CORS check failed on.

import type { Analysis } from '../analysis';
import { getHeader } from '../headers';
import type { Exchange, Header, ResponseRecord } from '../model';
import type { Cause } from './cause';
import { evidenceFor, patternKey, type EndpointEvidence, type RecordingContext } from './recording-context';

// Fetch §4.8: the preflight is sent without credentials (no cookies, no Authorization), so an
// authentication layer that runs before CORS handling always rejects it.
const AUTH = new Set([401, 403, 407]);
const UNHANDLED = new Set([404, 405, 501]);
const GATEWAY = new Set([502, 503, 504]);

const headerText = (headers: readonly Header[]): string => headers.map((h) => `${h.name}: ${h.value}`).join(', ');

function retryAfter(response: ResponseRecord): string {
  const value = getHeader(response.headers, 'Retry-After');
  if (value === null) return ' It sent no Retry-After header.';
  return /^\d+$/.test(value) ? ` Retry-After says to try again in ${value} seconds.` : ` Retry-After says to try again after ${value}.`;
}

function seen(evidence: EndpointEvidence | null, pattern: string): string {
  if (!evidence) return `no other response from ${pattern} in this recording carried CORS headers`;
  const others = evidence.count > 1 ? `${evidence.count} other responses` : 'another response';
  return `${others} from ${pattern} carried CORS headers (${evidence.url} → ${evidence.status}: ${headerText(evidence.headers)})`;
}

function errorWhy(status: number): string {
  if (GATEWAY.has(status)) return `a gateway or proxy answered ${status} because the application behind it is down, crashed or too slow`;
  if (status >= 500) return `the server failed (${status})`;
  return `the server refused the request (${status})`;
}

interface Answer {
  readonly response: ResponseRecord;
  readonly url: string;
  readonly method: string;
  readonly hop: number;
  readonly preflight: boolean;
}

function preflightCause(a: Answer, context: RecordingContext): Cause | null {
  const { status } = a.response;
  const common = { stage: 'preflight' as const, hop: a.hop, status, corroborated: false, headersOnSuccess: [] as Header[] };
  const evidence = [`OPTIONS ${a.url} → ${status}${a.response.statusText ? ` ${a.response.statusText}` : ''}`];
  const ok = evidenceFor(context, a.url, true);
  if (ok) evidence.push(`another preflight to the same path pattern passed (${ok.url} → ${ok.status})`);
  if (AUTH.has(status)) {
    const who = status === 407 ? 'a proxy asked for authentication' : 'an authentication layer (middleware, API gateway) answered it before CORS handling ran';
    return {
      code: 'preflight-auth', tag: `OPTIONS ${status} · auth before CORS`, ...common, evidence,
      message: `The preflight (OPTIONS) got ${status}: ${who}. A preflight never carries cookies or the Authorization header (Fetch §4.8), so it can never pass authentication.`,
      fix: 'Answer OPTIONS before authentication: register the CORS handling before the auth middleware (or exempt OPTIONS requests from authentication), so the preflight gets a 2xx with the CORS headers.',
    };
  }
  if (UNHANDLED.has(status)) {
    return {
      code: 'preflight-unhandled', tag: `OPTIONS ${status} · no OPTIONS route`, ...common, evidence,
      message: `The preflight (OPTIONS) got ${status}: nothing on the server answers OPTIONS on this path, and a preflight needs a 2xx.`,
      fix: 'Answer OPTIONS on this path with a 2xx (204) and the CORS headers: a CORS middleware registered for every route does it, or add an OPTIONS route.',
    };
  }
  if (status === 429) return rateLimited(a, common);
  if (status < 400) return null;
  return {
    code: 'error-response', tag: `OPTIONS ${status} · server error`, ...common, evidence,
    message: `The preflight (OPTIONS) got ${status}: ${errorWhy(status)} before any CORS handling could answer it.`,
    fix: `Find out why OPTIONS ${a.url} fails with ${status} (server logs), and let the CORS handling answer OPTIONS first, before anything that can fail.`,
  };
}

function rateLimited(a: Answer, common: Pick<Cause, 'stage' | 'hop' | 'status' | 'corroborated' | 'headersOnSuccess'>): Cause {
  return {
    code: 'rate-limited', tag: '429 · rate limited', ...common,
    evidence: [`${a.preflight ? 'OPTIONS' : a.method} ${a.url} → 429 without Access-Control-Allow-Origin`],
    message: `A rate limiter answered 429 Too Many Requests without CORS headers: the page sent too many requests, and the limiter's answer skips CORS.${retryAfter(a.response)}`,
    fix: 'Slow the client down (honour Retry-After, back off and retry); and have the rate limiter send the CORS headers on its 429 too, so the page can read the status and back off.',
  };
}

function responseCause(a: Answer, context: RecordingContext): Cause | null {
  const { status } = a.response;
  if (status < 400 || getHeader(a.response.headers, 'Access-Control-Allow-Origin') !== null) return null;
  const ok = evidenceFor(context, a.url, false);
  const common = { stage: 'response' as const, hop: a.hop, status, corroborated: ok !== null, headersOnSuccess: ok?.headers ?? [] };
  if (status === 429) return rateLimited(a, common);
  const pattern = patternKey(a.url) ?? a.url;
  const evidence = [`${a.method} ${a.url} → ${status}${a.response.statusText ? ` ${a.response.statusText}` : ''} without Access-Control-Allow-Origin`, seen(ok, pattern)];
  const message = ok
    ? `The CORS error is a symptom: ${errorWhy(status)}, and that error response left out the CORS headers this endpoint sends on success.`
    : `The response is an error (${status}) without CORS headers: ${errorWhy(status)}, and the browser reports the missing headers. Fixing the ${status} comes first.`;
  const fix = ok
    ? `Fix the ${status} first (server or gateway logs). The endpoint already sends ${headerText(ok.headers)} on success: make those same headers apply to error responses too (nginx add_header … always, Apache Header always set, the CORS middleware before everything else and on the error handler). Add no other header.`
    : `Fix the ${status} first (server or gateway logs); then make the CORS headers go out on error responses as well as on success (nginx add_header … always, Apache Header always set, the CORS middleware before everything else and on the error handler).`;
  return { code: 'error-response', tag: `${status} · no CORS on errors`, ...common, evidence, message, fix };
}

/** The cause behind the response or preflight the browser's first CORS check failed on. */
export function statusCause(exchange: Exchange, analysis: Analysis, context: RecordingContext): Cause | null {
  const first = analysis.reasons[0];
  if (!first) return null;
  const hop = exchange.hops[first.hop];
  if (!hop) return null;
  if (first.stage === 'preflight') {
    const p = exchange.preflights.find((x) => x.request.url === hop.request.url && x.response) ?? exchange.preflights.find((x) => x.response);
    if (!p?.response) return null;
    return preflightCause({ response: p.response, url: p.request.url, method: hop.request.method, hop: first.hop, preflight: true }, context);
  }
  if (first.stage !== 'response' && first.stage !== 'redirect') return null;
  if (!hop.response) return null;
  return responseCause({ response: hop.response, url: hop.request.url, method: hop.request.method, hop: first.hop, preflight: false }, context);
}
