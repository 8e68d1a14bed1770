// Loopback servers for the cache scenarios: two pages of the same site on different origins
// (http://localhost:A and http://localhost:B: a site ignores the port, and Chromium partitions its
// HTTP cache by top-level site, so both pages share one cache), and an API on a third port that
// echoes the request's Origin into Access-Control-Allow-Origin WITHOUT `Vary: Origin`:
// - /api/browser-cached: `Cache-Control: max-age=600`, so the browser's own cache keeps the copy
//   made for the first page and gives it to the second;
// - /api/cdn-cached: `max-age=0, s-maxage=600`, so the browser always asks again, and a shared
//   cache in front of the application (a few lines here, keyed by URL only, like a CDN without
//   `Vary`) answers the second page with the stored copy, `X-Cache: HIT` and its `Age`;
// - /api/revalidated: `Cache-Control: no-cache` and an ETag, so the browser revalidates its copy and
//   the server answers 304 without CORS headers: the copy made for the first page decides;
// - /api/no-max-age: a PUT whose preflight answer says `Access-Control-Max-Age: 0`.
// Every request that reaches the server is counted, so a test can prove the cache answered.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenBoth } from './scenario-server';

export interface CacheServer {
  readonly pageA: string;
  readonly pageB: string;
  readonly api: string;
  /** Requests that reached the API for a path (`/api/browser-cached`). */
  hits(path: string): number;
  close(): Promise<void>;
}

const PAGE = '<!doctype html><meta charset="utf-8"><title>cache scenario</title><p>cache scenario</p>';

interface Stored {
  readonly headers: [string, string][];
  readonly body: string;
  readonly at: number;
}

export async function startCacheServer(): Promise<CacheServer> {
  const hits = new Map<string, number>();
  const cdn = new Map<string, Stored>();

  const page = (_req: IncomingMessage, res: ServerResponse): void => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(PAGE);
  };

  const app = (origin: string | undefined, cacheControl: string): Stored => ({
    headers: [['Content-Type', 'application/json'], ['Cache-Control', cacheControl], ...(origin ? [['Access-Control-Allow-Origin', origin] as [string, string]] : [])],
    body: JSON.stringify({ madeFor: origin ?? null }),
    at: Date.now(),
  });

  const api = (req: IncomingMessage, res: ServerResponse): void => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const origin = req.headers.origin;
    if (path === '/api/browser-cached') {
      const answer = app(origin, 'public, max-age=600');
      res.writeHead(200, answer.headers.flat());
      res.end(answer.body);
    } else if (path === '/api/cdn-cached') {
      const stored = cdn.get(path);
      if (stored) {
        const age = Math.max(1, Math.round((Date.now() - stored.at) / 1000));
        res.writeHead(200, [...stored.headers, ['X-Cache', 'HIT'], ['Age', String(age)], ['Via', '1.1 loopback-cdn']].flat());
        res.end(stored.body);
      } else {
        const answer = app(origin, 'public, max-age=0, s-maxage=600');
        cdn.set(path, answer);
        res.writeHead(200, [...answer.headers, ['X-Cache', 'MISS'], ['Via', '1.1 loopback-cdn']].flat());
        res.end(answer.body);
      }
    } else if (path === '/api/revalidated') {
      // `no-cache`: the browser keeps the copy but asks first; the server says 304 with no CORS headers
      // (as servers that add them only to full answers do), so the copy's headers decide.
      const validators: [string, string][] = [['ETag', '"v1"'], ['Cache-Control', 'no-cache']];
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, validators.flat());
        res.end();
      } else {
        const answer = app(origin, 'no-cache');
        res.writeHead(200, [...answer.headers, ['ETag', '"v1"']].flat());
        res.end(answer.body);
      }
    } else if (path === '/api/no-max-age') {
      // Preflights the browser may not keep (Access-Control-Max-Age: 0): every PUT pays one.
      const cors: [string, string][] = [['Access-Control-Allow-Origin', origin ?? '*'], ['Vary', 'Origin']];
      if (req.method === 'OPTIONS') res.writeHead(204, [...cors, ['Access-Control-Allow-Methods', 'PUT'], ['Access-Control-Max-Age', '0']].flat());
      else res.writeHead(200, [...cors, ['Content-Type', 'application/json']].flat());
      res.end(req.method === 'OPTIONS' ? undefined : '{}');
    } else {
      res.writeHead(404, { 'Content-Type': 'text/plain' });
      res.end('not found\n');
    }
  };

  const a = await listenBoth(page);
  const b = await listenBoth(page);
  const c = await listenBoth(api);
  const servers = [...a.servers, ...b.servers, ...c.servers];
  return {
    pageA: `http://localhost:${a.port}`,
    pageB: `http://localhost:${b.port}`,
    api: `http://localhost:${c.port}`,
    hits: (path) => hits.get(path) ?? 0,
    close: () => Promise.all(servers.map((s) => new Promise<void>((r) => { s.closeAllConnections(); s.close(() => r()); }))).then(() => undefined),
  };
}
