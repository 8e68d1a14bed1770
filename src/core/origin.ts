// URL origins (URL standard §origin, HTML "serialization of an origin").

// URL parsing dominates the analyzer's cost, and a recording talks to a few origins through many
// paths: memoise by the `scheme://authority` prefix in a small map, dropped when it fills up.
// The full URL is still parsed when the prefix is not a plain http(s) one.
const ORIGIN_CACHE_LIMIT = 2048;
const originCache = new Map<string, string | null>();
// In front of it, the exact URLs seen lately: one exchange asks for the origin of the same URL
// several times (the walk, the cookie evidence, the audit), and a map hit costs less than the scan.
const urlCache = new Map<string, string | null>();

/** `scheme://authority` of an http(s) URL by a plain scan (no regex match objects), else null. */
function httpPrefix(url: string): string | null {
  const schemeEnd = url.startsWith('http://') || url.startsWith('HTTP://') ? 7 : url.startsWith('https://') || url.startsWith('HTTPS://') ? 8 : 0;
  if (schemeEnd === 0) return null;
  let end = schemeEnd;
  while (end < url.length) {
    const c = url.charCodeAt(end);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */ || c === 92 /* \ */) break;
    end++;
  }
  return url.slice(0, end);
}

function parseOrigin(url: string): string | null {
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/** Serialized origin of an absolute URL ("null" for opaque origins), or null if it is not a URL. */
export function originOf(url: string): string | null {
  const known = urlCache.get(url);
  if (known !== undefined) return known;
  const origin = originOfUncached(url);
  if (urlCache.size >= ORIGIN_CACHE_LIMIT) urlCache.clear();
  urlCache.set(url, origin);
  return origin;
}

function originOfUncached(url: string): string | null {
  const key = httpPrefix(url) ?? url;
  const cached = originCache.get(key);
  if (cached !== undefined) return cached;
  const origin = key === url ? parseOrigin(url) : parseOrigin(key);
  if (originCache.size >= ORIGIN_CACHE_LIMIT) originCache.clear();
  originCache.set(key, origin);
  return origin;
}

/** What the walk asks of a redirect's Location, from one parse. */
interface UrlFacts {
  readonly http: boolean;
  readonly credentials: boolean;
}

const NOT_A_URL: UrlFacts = { http: false, credentials: false };
const factsCache = new Map<string, UrlFacts>();

function urlFacts(url: string): UrlFacts {
  const known = factsCache.get(url);
  if (known !== undefined) return known;
  let facts = NOT_A_URL;
  try {
    const parsed = new URL(url);
    facts = { http: parsed.protocol === 'http:' || parsed.protocol === 'https:', credentials: parsed.username !== '' || parsed.password !== '' };
  } catch {
    // Not a URL: neither http nor with credentials.
  }
  if (factsCache.size >= ORIGIN_CACHE_LIMIT) factsCache.clear();
  factsCache.set(url, facts);
  return facts;
}

export function isHttpUrl(url: string): boolean {
  return urlFacts(url).http;
}

/** Fetch §4.4 step "locationURL includes credentials". */
export function urlHasCredentials(url: string): boolean {
  return urlFacts(url).credentials;
}

// An absolute http(s) Location ("http://" or "https://" then the authority) does not depend on the
// URL it came from (URL standard: the "special authority slashes" state ignores the base), so
// those are resolved once per value; a relative one is resolved against its base every time.
const absoluteLocations = new Map<string, string | null>();

/** Resolve a Location value against the URL it came from (Fetch §2.2.6 "location URL"). */
export function resolveLocation(location: string, base: string): string | null {
  const absolute = location.startsWith('http://') || location.startsWith('https://');
  if (absolute) {
    const known = absoluteLocations.get(location);
    if (known !== undefined) return known;
  }
  let resolved: string | null;
  try {
    resolved = new URL(location, base).href;
  } catch {
    resolved = null;
  }
  if (absolute) {
    if (absoluteLocations.size >= ORIGIN_CACHE_LIMIT) absoluteLocations.clear();
    absoluteLocations.set(location, resolved);
  }
  return resolved;
}
