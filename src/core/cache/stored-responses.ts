// A response the browser's HTTP cache answered is checked with the cached copy's headers: after a
// 304 Not Modified, the stored response updated with the 304's headers (Fetch §4.5
// HTTP-network-or-cache fetch, "update a stored response"; RFC 9111 §4.3.4). The record does not
// always hold those headers:
// - a HAR gives the 304 as the server sent it, and servers that add CORS headers only to full
//   answers send none on it;
// - Firefox's webRequest reports a revalidated response as `200, fromCache`, in some runs with the
//   304's headers alone (test/e2e/cache-causes.e2e.test.ts); Chromium's reports the updated copy.
// When the recording holds the response the browser stored (the latest earlier 2xx for the same URL
// in the same tab), its CORS headers go with the cached response, so the check reads what the
// browser read.

import type { Exchange, HeaderList, Hop, ResponseRecord, StoredCopy } from '../model';

/** What a CORS check or its explanation reads of a stored response; nothing else is kept (no Set-Cookie). */
function corsHeaders(headers: HeaderList): HeaderList {
  return headers.filter((h) => {
    const name = h.name.toLowerCase();
    return name.startsWith('access-control-') || name === 'vary';
  });
}

/** RFC 9111 §3.2: each header field of the newer response replaces the stored fields of that name. */
export function updateStoredHeaders(stored: HeaderList, fresh: HeaderList): HeaderList {
  const replaced = new Set(fresh.map((h) => h.name.toLowerCase()));
  return [...stored.filter((h) => !replaced.has(h.name.toLowerCase())), ...fresh];
}

/** The response as the browser's CORS check read it: its cached copy's headers updated with its own. */
export function asChecked(response: ResponseRecord): ResponseRecord {
  const copy = response.cachedCopy;
  return copy ? { ...response, headers: updateStoredHeaders(copy.headers, response.headers) } : response;
}

/** A response the browser's cache answered, fully (`fromCache`) or after asking the server (304). */
const fromCache = (response: ResponseRecord): boolean => response.status === 304 || response.fromCache === true;

/** The browser caches GET and HEAD responses (RFC 9111 §2, what browsers store). */
const CACHEABLE_METHODS = new Set(['GET', 'HEAD']);

/** Bounded, for the live recorder: the oldest URL goes first. */
const MAX_URLS = 1_000;

function keyOf(exchange: Exchange, hop: Hop): string | null {
  if (!CACHEABLE_METHODS.has(hop.request.method.toUpperCase())) return null;
  // The browser's cache is partitioned by top-level site; a tab is the closest the record says.
  return `${exchange.tabId ?? ''} ${hop.request.url.split('#')[0]}`;
}

/** Feed it exchanges in the order they started; it gives each cached response the copy seen before it. */
export class StoredResponses {
  private readonly copies = new Map<string, StoredCopy>();

  /** Remember what this exchange's responses leave in the browser's cache. */
  observe(exchange: Exchange): void {
    for (const hop of exchange.hops) {
      const response = hop.response;
      const cached = response !== undefined && fromCache(response);
      const stored = response !== undefined && response.status >= 200 && response.status < 300 && response.status !== 206;
      const key = cached || stored ? keyOf(exchange, hop) : null;
      if (!response || key === null) continue;
      const previous = this.copies.get(key);
      const copy = cached ? previous && { ...previous, headers: corsHeaders(updateStoredHeaders(previous.headers, response.headers)) } : { status: response.status, headers: corsHeaders(response.headers) };
      if (!copy) continue;
      this.copies.delete(key);
      this.copies.set(key, copy);
      if (this.copies.size > MAX_URLS) this.copies.delete(this.copies.keys().next().value as string);
    }
  }

  /** The exchange, each response from the cache with `cachedCopy` set when the copy was seen. */
  annotate(exchange: Exchange): Exchange {
    if (this.copies.size === 0) return exchange;
    let changed = false;
    const hops = exchange.hops.map((hop) => {
      const key = hop.response && fromCache(hop.response) ? keyOf(exchange, hop) : null;
      const copy = key === null ? undefined : this.copies.get(key);
      if (!copy || !hop.response) return hop;
      changed = true;
      return { ...hop, response: { ...hop.response, cachedCopy: copy } };
    });
    return changed ? { ...exchange, hops } : exchange;
  }
}
