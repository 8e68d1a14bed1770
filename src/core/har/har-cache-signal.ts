// Did the browser answer this HAR entry from its HTTP cache? Each recorder says it its own way,
// and none of them changes the status (a cached 200 is logged as 200):
// - Chrome DevTools: `_fromCache: "memory" | "disk"` on the entry, and `_transferSize: 0`;
// - Firefox DevTools: `cache.afterRequest` present (null or an object) only for a cache hit,
//   `cache: {}` otherwise (its HAR builder's buildCache);
// - HAR 1.2 itself: `cache.beforeRequest` / `cache.afterRequest`, "info about cache entries";
// - any recorder with Chrome's field: 0 bytes transferred for a response that has a status.
// A 304 revalidation is not a cache hit here: it is a response, and its status says it.

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export function harFromCache(entry: Json, response: Json, status: number): boolean {
  if (typeof entry._fromCache === 'string' && entry._fromCache !== '') return true;
  const cache = entry.cache;
  if (isObject(cache) && (cache.afterRequest !== undefined || cache.beforeRequest !== undefined)) return true;
  // A service worker's answer also moves no bytes over the network: that is not the HTTP cache.
  if (response._fetchedViaServiceWorker === true) return false;
  return response._transferSize === 0 && status > 0 && status !== 304;
}

/** `entry.time` (ms) when it is a usable duration. */
export function harTime(entry: Json): number | undefined {
  return typeof entry.time === 'number' && Number.isFinite(entry.time) && entry.time >= 0 ? entry.time : undefined;
}
