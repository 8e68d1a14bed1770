import { describe, expect, test } from 'vitest';
import { harFromCache, harTime } from './har-cache-signal';

type Json = Record<string, unknown>;

// Field shapes as each recorder writes them (Chrome DevTools' HAR export, Firefox's HAR builder,
// HAR 1.2's `cache` object, our own export).
describe('harFromCache: each recorder shape', () => {
  test.each<[string, Json, Json, number, boolean]>([
    ['Chrome DevTools, memory cache', { _fromCache: 'memory', cache: {} }, { _transferSize: 0 }, 200, true],
    ['Chrome DevTools, disk cache', { _fromCache: 'disk', cache: {} }, { _transferSize: 0 }, 200, true],
    ['Chrome DevTools, from the network', { cache: {} }, { _transferSize: 599 }, 200, false],
    ['Chrome DevTools, 304 revalidation (a response, not a hit)', { cache: {} }, { _transferSize: 0 }, 304, false],
    ['Chrome DevTools, blocked before sending (status 0)', { cache: {} }, { _transferSize: 0 }, 0, false],
    ['Chrome DevTools, service worker answer', { cache: {} }, { _transferSize: 0, _fetchedViaServiceWorker: true }, 200, false],
    ['transfer size 0 without _fromCache', { cache: {} }, { _transferSize: 0 }, 200, true],
    ['Firefox DevTools, cache hit without a cache entry', { cache: { afterRequest: null } }, { bodySize: 352 }, 200, true],
    ['Firefox DevTools, cache hit with its entry', { cache: { afterRequest: { expires: '2026-12-07T00:00:00Z', lastAccess: '2026-12-06T21:00:00Z', eTag: '', hitCount: 2 } } }, {}, 200, true],
    ['Firefox DevTools, from the network', { cache: {} }, { bodySize: 352 }, 200, false],
    ['generic HAR 1.2, beforeRequest', { cache: { beforeRequest: { lastAccess: '', eTag: '', hitCount: 1 } } }, {}, 200, true],
    ['generic HAR without cache', {}, {}, 200, false],
    ['hostile: _fromCache is not a string', { _fromCache: true, cache: [] }, { _transferSize: '0' }, 200, false],
    ['our own export', { _fromCache: 'disk', cache: {} }, { bodySize: -1 }, 200, true],
  ])('%s', (_name, entry, response, status, expected) => {
    expect(harFromCache(entry, response, status)).toBe(expected);
  });

  test.each<[Json, number | undefined]>([[{ time: 12.5 }, 12.5], [{ time: -1 }, undefined], [{ time: '3' }, undefined], [{}, undefined]])('harTime(%j)', (entry, expected) => {
    expect(harTime(entry)).toBe(expected);
  });
});
