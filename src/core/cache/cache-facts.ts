// Which cache, if any, answered a response: the browser's own HTTP cache (the recorder's
// `fromCache`), a revalidation (304: the browser's cached copy, refreshed by the server), or a
// shared cache on the way (a CDN or proxy that says so in its headers). The CORS headers of such
// a response are the cached copy's: they may not be what the server sends today, and were
// perhaps made for another page's Origin (RFC 9111 §4.1: a cache reuses a response for another
// request unless `Vary` names the headers it depends on).

import { getHeader, splitList } from '../headers';
import type { ResponseRecord, StoredCopy } from '../model';
import { asChecked } from './stored-responses';

export interface SharedCacheHit {
  /** The header that says so, as sent: `X-Cache: HIT from edge-1`, `Age: 120`. */
  readonly evidence: string;
  /** `Age` (RFC 9111 §5.1), seconds; null when not sent. */
  readonly ageSeconds: number | null;
  /** `Via` (RFC 9110 §7.6.3), the proxies on the way, when sent. */
  readonly via: string | null;
}

export interface CacheFacts {
  /** The browser's HTTP cache answered without asking the server. */
  readonly browserCache: boolean;
  /** 304 Not Modified: the browser revalidated its cached copy and used it. */
  readonly revalidated: boolean;
  /** A shared cache (CDN, proxy) answered from its copy; null when nothing says so. */
  readonly sharedCache: SharedCacheHit | null;
  /** `Vary`, as sent; null when absent. */
  readonly vary: string | null;
  /** True when `Vary` names Origin (or is `*`). */
  readonly varyOrigin: boolean;
  /** `Cache-Control`, as sent; null when absent. */
  readonly cacheControl: string | null;
  /** The stored copy's CORS headers, when the recording holds the response it was made from (stored-responses.ts). */
  readonly storedCopy: StoredCopy | null;
}

/**
 * Headers with which caches report a hit: Squid, Varnish setups and most CDNs (`X-Cache`), nginx
 * (`X-Cache-Status`, `$upstream_cache_status`), `X-Proxy-Cache`, Cloudflare (`CF-Cache-Status`).
 * STALE, UPDATING and REVALIDATED are served from the cache too.
 */
const HIT_HEADERS = ['X-Cache', 'X-Cache-Status', 'X-Proxy-Cache', 'CF-Cache-Status'];
const HIT = /^\s*(hit|stale|updating|revalidated)\b/i;

/** RFC 9211 `Cache-Status: ExampleCache; hit` (a member with the `hit` parameter). */
function cacheStatusHit(value: string): boolean {
  return splitList(value).some((member) => member.split(';').slice(1).some((param) => param.trim().toLowerCase() === 'hit'));
}

function ageOf(value: string | null): number | null {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return null;
  return Number(value.trim());
}

function sharedCacheHit(response: ResponseRecord): SharedCacheHit | null {
  const headers = response.headers;
  const ageSeconds = ageOf(getHeader(headers, 'Age'));
  const via = getHeader(headers, 'Via');
  for (const name of HIT_HEADERS) {
    const value = getHeader(headers, name);
    if (value !== null && HIT.test(value)) return { evidence: `${name}: ${value}`, ageSeconds, via };
  }
  const status = getHeader(headers, 'Cache-Status');
  if (status !== null && cacheStatusHit(status)) return { evidence: `Cache-Status: ${status}`, ageSeconds, via };
  // RFC 9111 §5.1: a response with Age > 0 was held by a cache for that long. (`Via` alone only
  // says a proxy passed the response on, not that it kept it.)
  if (ageSeconds !== null && ageSeconds > 0) return { evidence: `Age: ${ageSeconds}`, ageSeconds, via };
  return null;
}

/** `Vary` names Origin (or is `*`): a cache keeps one copy per Origin. */
export function variesByOrigin(vary: string | null): boolean {
  return vary !== null && splitList(vary).some((v) => v === '*' || v.toLowerCase() === 'origin');
}

export function cacheFacts(response: ResponseRecord | undefined): CacheFacts | null {
  if (!response) return null;
  const browserCache = response.fromCache === true;
  const revalidated = response.status === 304;
  const sharedCache = sharedCacheHit(response);
  if (!browserCache && !revalidated && !sharedCache) return null;
  // The copy's Vary when the answer itself had none (a 304 need not repeat it).
  const vary = getHeader(asChecked(response).headers, 'Vary');
  const storedCopy = response.cachedCopy ?? null;
  return { browserCache, revalidated, sharedCache, vary, varyOrigin: variesByOrigin(vary), cacheControl: getHeader(response.headers, 'Cache-Control'), storedCopy };
}

/** A few words for a list row: `from cache`, `from CDN (age 120 s)`, `revalidated (304)`. */
export function cacheTag(facts: CacheFacts): string {
  if (facts.browserCache) return 'from cache';
  if (facts.sharedCache) return facts.sharedCache.ageSeconds !== null ? `from CDN (age ${facts.sharedCache.ageSeconds} s)` : 'from CDN';
  return 'revalidated (304)';
}

/** What the record shows about the cache, one fact per line (the detail view, a cause's evidence). */
export function cacheFactLines(facts: CacheFacts): string[] {
  const lines: string[] = [];
  if (facts.browserCache) lines.push("served from the browser's HTTP cache: the server was not asked");
  if (facts.revalidated) lines.push("304 Not Modified: the browser revalidated its cached copy and used that copy's headers");
  const shared = facts.sharedCache;
  if (shared) {
    const age = shared.ageSeconds !== null ? `, ${shared.ageSeconds} s old` : '';
    lines.push(`a shared cache (CDN or proxy) answered from its copy${age} (${shared.evidence})${shared.via !== null ? `, via ${shared.via}` : ''}`);
  }
  const copy = facts.storedCopy;
  if (copy) {
    const headers = copy.headers.map((h) => `${h.name}: ${h.value}`).join(', ');
    lines.push(`the stored copy, from a ${copy.status} recorded earlier for this URL: ${headers === '' ? 'no CORS headers' : headers}`);
  }
  lines.push(facts.vary === null ? 'no Vary header: a cache gives the same copy to every Origin' : `Vary: ${facts.vary}`);
  lines.push(facts.cacheControl === null ? 'no Cache-Control header: caches may keep it by heuristics (RFC 9111 §4.2.2)' : `Cache-Control: ${facts.cacheControl}`);
  return lines;
}
