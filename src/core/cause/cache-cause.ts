// A CORS failure on a response a cache answered: the headers the browser checked are the cached
// copy's. Either they were made for another page's Origin (a cache keeps one copy per URL unless
// `Vary: Origin` says the answer depends on the Origin, RFC 9111 §4.1), or they are simply old:
// the server may send other headers by now ("I deployed the fix and it still fails").

import type { Analysis } from '../analysis';
import { cacheFactLines, cacheFacts, type CacheFacts } from '../cache/cache-facts';
import { getHeader, trimOws } from '../headers';
import type { Exchange } from '../model';
import type { Cause } from './cause';

function whichCache(facts: CacheFacts): string {
  if (facts.browserCache) return "the browser's HTTP cache";
  if (facts.sharedCache) return `a shared cache (CDN or proxy)${facts.sharedCache.ageSeconds !== null ? `, ${facts.sharedCache.ageSeconds} s old` : ''}`;
  return "the browser's HTTP cache (revalidated with a 304)";
}

function bypass(facts: CacheFacts): string {
  const browser = "DevTools' Disable cache (Network panel) and a reload, or a hard reload (Ctrl+Shift+R)";
  return facts.sharedCache && !facts.browserCache ? `purge the URL from the CDN or proxy, then reload (${browser} for the browser's own copy)` : browser;
}

/** Null unless the check that failed read a response from a cache. */
export function cacheCause(exchange: Exchange, analysis: Analysis): Cause | null {
  const first = analysis.reasons[0];
  // Only a block: an `unknown` (the credentials mode not recorded) is likely allowed by a cached copy too.
  if (analysis.verdict !== 'blocked' || !first || (first.stage !== 'response' && first.stage !== 'redirect')) return null;
  const hop = exchange.hops[first.hop];
  const response = hop?.response;
  const facts = cacheFacts(response);
  if (!hop || !response || !facts) return null;
  const common = { stage: first.stage, hop: first.hop, status: response.status, corroborated: false, headersOnSuccess: [] };
  const evidence = [`${hop.request.method} ${hop.request.url} → ${response.status}`, ...cacheFactLines(facts)];
  const cache = whichCache(facts);
  const allowed = getHeader(response.headers, 'Access-Control-Allow-Origin');
  const origin = getHeader(hop.request.headers, 'Origin') ?? exchange.initiatorOrigin;
  const named = allowed === null ? null : trimOws(allowed);
  if (named !== null && origin !== null && named !== '*' && named !== 'null' && named !== origin && !facts.varyOrigin) {
    return {
      code: 'cached-for-other-origin', tag: 'cached for another origin', ...common,
      evidence: [...evidence, `Access-Control-Allow-Origin: ${named}, but this request came from ${origin}`],
      message: `The response came from ${cache}, and its Access-Control-Allow-Origin names ${named}: the cache stored the answer the server made for a request from ${named} and gave it to this page (${origin}), because the response does not say Vary: Origin.`,
      fix: `Send Vary: Origin on every response whose Access-Control-Allow-Origin depends on the request's Origin (every server configuration of cors-lens --fix does), then get rid of the stored copies: ${bypass(facts)}.`,
    };
  }
  return {
    code: 'cached-response', tag: facts.sharedCache && !facts.browserCache ? 'cached copy · CDN' : 'cached copy · browser', ...common, evidence,
    message: `The CORS headers the browser checked are the copy kept by ${cache}, which may not be what the server sends now: a fix deployed since is not in it.`,
    fix: `For a fresh answer: ${bypass(facts)}. On the server, Cache-Control: no-cache (or a short max-age) on responses whose CORS headers may change keeps caches asking, and Vary: Origin keeps them from giving one page's answer to another.`,
  };
}
