// Small HAR builders for unit tests: an entry is written as {method, url, headers, status,
// responseHeaders, at} and comes out with every HAR 1.2 field, like a browser writes it.

export interface EntrySpec {
  readonly method?: string;
  readonly url: string;
  readonly headers?: Record<string, string>;
  readonly status?: number;
  readonly responseHeaders?: Record<string, string>;
  /** ms after 2026-11-01T10:00:00Z */
  readonly at?: number;
  readonly redirectURL?: string;
  readonly extra?: Record<string, unknown>;
  readonly responseExtra?: Record<string, unknown>;
}

const BASE = Date.parse('2026-11-01T10:00:00.000Z');
const pairs = (h: Record<string, string> = {}): { name: string; value: string }[] =>
  Object.entries(h).map(([name, value]) => ({ name, value }));

/** Out-of-range times give an unparsable `startedDateTime`, as broken exporters write. */
const isoOrJunk = (ms: number): string => (Number.isNaN(new Date(ms).getTime()) ? 'not a date' : new Date(ms).toISOString());

export function harEntry(spec: EntrySpec): Record<string, unknown> {
  return {
    startedDateTime: isoOrJunk(BASE + (spec.at ?? 0)),
    time: 1,
    request: {
      method: spec.method ?? 'GET', url: spec.url, httpVersion: 'HTTP/1.1', cookies: [],
      headers: pairs(spec.headers), queryString: [], headersSize: -1, bodySize: 0,
    },
    response: {
      status: spec.status ?? 200, statusText: '', httpVersion: 'HTTP/1.1', cookies: [],
      headers: pairs(spec.responseHeaders), content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: spec.redirectURL ?? '', headersSize: -1, bodySize: -1, ...spec.responseExtra,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...spec.extra,
  };
}

export function har(entries: readonly EntrySpec[], log: Record<string, unknown> = {}): Record<string, unknown> {
  return { log: { version: '1.2', creator: { name: 'test', version: '1' }, entries: entries.map(harEntry), ...log } };
}

export const PAGE = 'http://localhost:1234';
export const API = 'http://localhost:5678';
