// A CORS failure on a response a cache answered: the headers the browser checked are the cached
// copy's. Either they were made for another page's Origin (a cache keeps one copy per URL unless
// `Vary: Origin` says the answer depends on the Origin, RFC 9111 §4.1), or they are simply old:
// the server may send other headers by now ("I deployed the fix and it still fails").

import type { Analysis } from '../analysis';
import { cacheFactLines, cacheFacts, type CacheFacts, variesByOrigin } from '../cache/cache-facts';
import { asChecked } from '../cache/stored-responses';
import { getHeader, trimOws } from '../headers';
import type { Exchange, ResponseRecord } from '../model';
import type { Cause } from './cause';

function whichCache(facts: CacheFacts): string {
  if (facts.browserCache) return "the browser's HTTP cache";
  if (facts.sharedCache) return `a shared cache (CDN or proxy)${facts.sharedCache.ageSeconds !== null ? `, ${facts.sharedCache.ageSeconds} s old` : ''}`;
  return "the browser's HTTP cache (revalidated with a 304)";
}

function bypass(facts: CacheFacts | null): string {
  const browser = "DevTools' Disable cache (Network panel) and a reload, or a hard reload (Ctrl+Shift+R)";
  if (!facts) return `${browser} for the browser's copy, and a purge of the URL on any CDN or proxy in front of the server`;
  return facts.sharedCache && !facts.browserCache ? `purge the URL from the CDN or proxy, then reload (${browser} for the browser's own copy)` : browser;
}

/** An `ETag` or `Last-Modified`: what a cache revalidates a stored response with (RFC 9111 §4.3.1). */
function validatorOf(response: ResponseRecord): string | null {
  const etag = getHeader(response.headers, 'ETag');
  if (etag !== null) return `ETag: ${etag}`;
  const modified = getHeader(response.headers, 'Last-Modified');
  return modified === null ? null : `Last-Modified: ${modified}`;
}

/**
 * RFC 9111 §3: a response a cache may store and reuse, unless `no-store`: without asking while it
 * is fresh (`max-age` or `s-maxage` above 0, or `Expires`), or after asking when it has a validator
 * (§4.3: a 304 answer keeps the stored headers; Chromium's webRequest then reports the stored copy
 * as a 200, test/e2e/cache-causes.e2e.test.ts). The CORS headers of such a response can be served
 * to any later request for the URL.
 */
function reusable(response: ResponseRecord): boolean {
  const cc = (getHeader(response.headers, 'Cache-Control') ?? '').toLowerCase();
  if (/(^|[\s,])no-store\b/.test(cc)) return false;
  return /(^|[\s,])(max-age|s-maxage)\s*=\s*"?0*[1-9]/.test(cc) || getHeader(response.headers, 'Expires') !== null || validatorOf(response) !== null;
}

/** Why a cache may reuse the copy, in the words of its headers. */
function reuseEvidence(response: ResponseRecord): string {
  const expires = getHeader(response.headers, 'Expires');
  const validator = validatorOf(response);
  const lifetime = `Cache-Control: ${getHeader(response.headers, 'Cache-Control') ?? '(none)'}${expires !== null ? `, Expires: ${expires}` : ''}`;
  return validator === null ? `${lifetime}: caches may keep it and reuse it` : `${lifetime}, ${validator}: caches may keep it and reuse it, after asking the server (a 304 answer keeps this copy's headers)`;
}

/**
 * Null unless the check that failed read a response from a cache. Chromium's webRequest reports
 * no `fromCache` for a response its CORS check blocked (onErrorOccurred says `fromCache: false`
 * for a copy read from its disk cache: test/e2e/cache-causes.e2e.test.ts), so a reusable response
 * whose Access-Control-Allow-Origin names another page, without `Vary: Origin`, is read as a cached
 * copy too: a server that echoes the Origin never names another one itself.
 */
export function cacheCause(exchange: Exchange, analysis: Analysis): Cause | null {
  const first = analysis.reasons[0];
  // Only a block: an `unknown` (the credentials mode not recorded) is likely allowed by a cached copy too.
  if (analysis.verdict !== 'blocked' || !first || (first.stage !== 'response' && first.stage !== 'redirect')) return null;
  const hop = exchange.hops[first.hop];
  if (!hop?.response) return null;
  const facts = cacheFacts(hop.response);
  // The headers the browser checked: a revalidated copy's, when the recording holds it.
  const response = asChecked(hop.response);
  const allowed = getHeader(response.headers, 'Access-Control-Allow-Origin');
  const origin = getHeader(hop.request.headers, 'Origin') ?? exchange.initiatorOrigin;
  const named = allowed === null ? null : trimOws(allowed);
  const varyOrigin = variesByOrigin(getHeader(response.headers, 'Vary'));
  const otherOrigin = named !== null && origin !== null && named !== '*' && named !== 'null' && named !== origin && !varyOrigin;
  if (!facts && !(otherOrigin && reusable(response))) return null;
  const common = { stage: first.stage, hop: first.hop, status: response.status, corroborated: false, headersOnSuccess: [] };
  const evidence = [`${hop.request.method} ${hop.request.url} → ${response.status}`];
  if (facts) evidence.push(...cacheFactLines(facts));
  else evidence.push('no Vary header naming Origin: a cache gives the same copy to every Origin', reuseEvidence(response));
  const cache = facts ? whichCache(facts) : "a cache (the browser's or a shared one; the record does not say which)";
  if (otherOrigin) {
    return {
      code: 'cached-for-other-origin', tag: 'cached for another origin', ...common,
      evidence: [...evidence, `Access-Control-Allow-Origin: ${named}, but this request came from ${origin}`],
      message: `The response came from ${cache}, and its Access-Control-Allow-Origin names ${named}: the cache stored the answer the server made for a request from ${named} and gave it to this page (${origin}), because the response does not say Vary: Origin. (If the server names ${named} whatever the Origin, no cache is to blame: it must allow ${origin} too.)`,
      fix: `Send Vary: Origin on every response whose Access-Control-Allow-Origin depends on the request's Origin (every server configuration of cors-lens --fix does), then get rid of the stored copies: ${bypass(facts)}.`,
    };
  }
  if (!facts) return null;
  return {
    code: 'cached-response', tag: facts.sharedCache && !facts.browserCache ? 'cached copy · CDN' : 'cached copy · browser', ...common, evidence,
    message: `The CORS headers the browser checked are the copy kept by ${cache}, which may not be what the server sends now: a fix deployed since is not in it.`,
    fix: `For a fresh answer: ${bypass(facts)}. On the server, Cache-Control: no-cache (or a short max-age) on responses whose CORS headers may change keeps caches asking, and Vary: Origin keeps them from giving one page's answer to another.`,
  };
}
