// Small builders for exchanges in tests (pure data; no mocks of anything real).

import type { Exchange, Header, Hop, Preflight } from '../../src/core/model';

export const PAGE = 'http://localhost:8000';
export const API = 'http://localhost:9000';

export function h(lines: Record<string, string | string[]>): Header[] {
  return Object.entries(lines).flatMap(([name, value]) => (Array.isArray(value) ? value : [value]).map((v) => ({ name, value: v })));
}

export function hop(method: string, url: string, requestHeaders: Record<string, string | string[]>, status?: number, responseHeaders: Record<string, string | string[]> = {}): Hop {
  return {
    request: { method, url, headers: h(requestHeaders) },
    ...(status === undefined ? {} : { response: { status, headers: h(responseHeaders) } }),
  };
}

export function preflight(url: string, requestHeaders: Record<string, string>, status?: number, responseHeaders: Record<string, string | string[]> = {}): Preflight {
  const built = hop('OPTIONS', url, { Origin: PAGE, ...requestHeaders }, status, responseHeaders);
  return built.response ? { request: built.request, response: built.response } : { request: built.request };
}

export function exchange(hops: Hop[], extra: Partial<Exchange> = {}): Exchange {
  return { id: 'x', initiatorOrigin: PAGE, hops, preflights: [], startedAt: 0, mode: 'cors', ...extra };
}
