// One HAR 1.2 entry per hop and per preflight, with every field HAR 1.2 requires (so that
// Chrome DevTools and HAR viewers open it). What we do not know (timings, sizes, HTTP
// version) is written as HAR says to: -1 for unknown sizes, 0 for timings we did not measure.

import type { Cookie, Entry, Header as HarHeader, QueryString, Request, Response } from 'har-format';
import type { HeaderList, RequestRecord, ResponseRecord } from '../model';
import type { CorsLensEntryTag } from './cors-lens-tag';
import { headerValue } from '../headers';

/** Chrome's extra fields, and ours; HAR 1.2 allows any field whose name starts with `_`. */
export type WrittenEntry = Omit<Entry, '_initiator' | '_resourceType'> & {
  _initiator?: { type: string; url?: string; requestId?: string };
  _resourceType?: string;
  _corsLens: CorsLensEntryTag;
  _cors?: unknown;
  /** Chrome's field: set when the browser's HTTP cache answered (src/core/har/har-cache-signal.ts). */
  _fromCache?: string;
};

const headers = (list: HeaderList): HarHeader[] => list.map(({ name, value }) => ({ name, value }));

/** `Cookie: a=1; b=2` → HAR request cookies (RFC 6265 §5.4 serialisation). */
function requestCookies(list: HeaderList): Cookie[] {
  return list
    .filter((h) => h.name.toLowerCase() === 'cookie')
    .flatMap((h) => h.value.split(';'))
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const eq = pair.indexOf('=');
      return eq === -1 ? { name: '', value: pair } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}

/** `Set-Cookie: a=1; Path=/` → HAR response cookie (name and value only; attributes stay in the header). */
function responseCookies(list: HeaderList): Cookie[] {
  return list
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => {
      const pair = h.value.split(';')[0]?.trim() ?? '';
      const eq = pair.indexOf('=');
      return eq === -1 ? { name: '', value: pair } : { name: pair.slice(0, eq), value: pair.slice(eq + 1) };
    });
}

function queryString(url: string): QueryString[] {
  if (!URL.canParse(url)) return [];
  return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
}

export function requestJson(request: RequestRecord): Request {
  return {
    method: request.method,
    url: request.url,
    httpVersion: '',
    cookies: requestCookies(request.headers),
    headers: headers(request.headers),
    queryString: queryString(request.url),
    headersSize: -1,
    bodySize: -1,
  };
}

/** No response (blocked before sending, network error): status 0 and `_error`, as Chrome writes it. */
export function responseJson(response: ResponseRecord | undefined, error: string | undefined): Response {
  const list = response?.headers ?? [];
  return {
    status: response?.status ?? 0,
    statusText: response?.statusText ?? '',
    httpVersion: '',
    cookies: responseCookies(list),
    headers: headers(list),
    content: { size: 0, mimeType: headerValue(list, 'content-type') ?? 'x-unknown' },
    redirectURL: headerValue(list, 'location') ?? '',
    headersSize: -1,
    bodySize: -1,
    ...(error !== undefined ? { _error: error } : {}),
  };
}

/** ISO time for `startedDateTime`; `toISOString` throws on dates out of range, we never do. */
export function isoTime(ms: number): string {
  const date = new Date(Number.isFinite(ms) ? Math.floor(ms) : 0);
  return Number.isNaN(date.getTime()) ? new Date(0).toISOString() : date.toISOString();
}

export interface EntryParts {
  readonly request: RequestRecord;
  readonly response: ResponseRecord | undefined;
  readonly error: string | undefined;
  readonly startedAt: number;
  readonly pageref: string | undefined;
  readonly tag: CorsLensEntryTag;
  readonly initiator: WrittenEntry['_initiator'];
  readonly resourceType: string | undefined;
  readonly cors: unknown;
  /** How long it took (a preflight's `durationMs`), when recorded. */
  readonly time?: number | undefined;
}

export function entryJson(parts: EntryParts): WrittenEntry {
  return {
    ...(parts.pageref !== undefined ? { pageref: parts.pageref } : {}),
    startedDateTime: isoTime(parts.startedAt),
    time: parts.time ?? 0,
    request: requestJson(parts.request),
    response: responseJson(parts.response, parts.error),
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    ...(parts.initiator ? { _initiator: parts.initiator } : {}),
    ...(parts.resourceType !== undefined ? { _resourceType: parts.resourceType } : {}),
    ...(parts.response?.fromCache ? { _fromCache: 'disk' } : {}),
    _corsLens: parts.tag,
    ...(parts.cors !== undefined ? { _cors: parts.cors } : {}),
  };
}
