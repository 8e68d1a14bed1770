// The boundary between webRequest and the recorder: raw `details` objects from either
// browser become plain `RequestEvent`s at once; nothing after this file sees a browser's shape.

import type { Header, HeaderList, ResponseRecord } from '../core/model';
import { StringPool } from '../core/har/string-pool';
import type { RawHeader, RequestPhase, WebRequestDetails } from '../platform/web-request';

export interface EventBase {
  readonly requestId: string;
  /** Milliseconds since the epoch (webRequest `timeStamp`). */
  readonly at: number;
  readonly url: string;
  readonly method: string;
  readonly tabId: number;
  readonly frameId: number;
  readonly resourceType: string;
  readonly initiatorOrigin: string | null;
  readonly documentUrl?: string;
  readonly ip?: string;
}

export type RequestEvent =
  | (EventBase & { readonly phase: 'start' })
  | (EventBase & { readonly phase: 'send'; readonly requestHeaders: HeaderList })
  | (EventBase & { readonly phase: 'response' | 'complete'; readonly response: ResponseRecord })
  | (EventBase & { readonly phase: 'redirect'; readonly response: ResponseRecord; readonly redirectUrl: string })
  // `fromCache`: Chromium reports a CORS-blocked response by onErrorOccurred, which says whether the cache answered.
  | (EventBase & { readonly phase: 'error'; readonly error: string; readonly fromCache?: true });

/** `scheme://host[:port]` of a URL; `null` for an unparsable one. Non-special schemes keep their host. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.origin !== 'null') return parsed.origin;
  // WHATWG URL gives opaque origins for moz-extension: and chrome-extension:; for the log a readable
  // `scheme://host` is more useful than "null", and it is what the browser puts in `Origin` for them.
  return parsed.host ? `${parsed.protocol}//${parsed.host}` : null;
}

function initiatorOriginOf(details: WebRequestDetails): string | null {
  // Chromium: `initiator` is already an origin, or the string "null" for an opaque one.
  if (details.initiator !== undefined) return details.initiator;
  // Firefox: the URL of what triggered the request (a worker script, a document).
  const source = details.originUrl ?? details.documentUrl;
  return source === undefined ? null : originOf(source);
}

function headerValue(raw: RawHeader): string {
  if (raw.value !== undefined) return raw.value;
  // Header bytes that are not valid UTF-8: keep them byte-for-byte (Fetch §2.2.2 values are byte sequences).
  return raw.binaryValue ? String.fromCharCode(...raw.binaryValue) : '';
}

/**
 * The recorder's pool: one shared, frozen object per distinct header. A tab's log is mostly the
 * same few dozen headers (User-Agent, sec-ch-ua, Accept-*, Origin, Sec-Fetch-*) arriving as fresh
 * strings with every event; sharing them keeps a stored exchange under 3 KB (`npm run bench --
 * recorder`). It lives as long as the worker, so it stays small and leaves long values unshared.
 */
export function recorderHeaderPool(): StringPool {
  return new StringPool({ limit: 4_096, maxSharedValue: 256 });
}

/** `pool`: share one object per distinct header across events (recorderHeaderPool). */
export function normalizeHeaders(raw: readonly RawHeader[] | undefined, pool?: StringPool): HeaderList {
  if (!raw) return [];
  return raw.map((h): Header => (pool ? pool.header(h.name, headerValue(h)) : { name: h.name, value: headerValue(h) }));
}

/** Status text from a status line such as `HTTP/1.1 404 Not Found` (empty for HTTP/2, which has none). */
function statusTextOf(statusLine: string | undefined): string {
  if (!statusLine) return '';
  const match = /^\S+\s+\d{3}\s?(.*)$/.exec(statusLine);
  return match?.[1]?.trim() ?? '';
}

function responseOf(details: WebRequestDetails, pool: StringPool | undefined): ResponseRecord {
  return {
    status: details.statusCode ?? 0,
    statusText: statusTextOf(details.statusLine),
    headers: normalizeHeaders(details.responseHeaders, pool),
    ...(details.fromCache === true ? { fromCache: true as const } : {}),
  };
}

export function normalizeEvent(phase: RequestPhase, details: WebRequestDetails, pool?: StringPool): RequestEvent {
  const base: EventBase = {
    requestId: details.requestId,
    at: details.timeStamp,
    url: details.url,
    method: details.method,
    tabId: details.tabId,
    frameId: details.frameId,
    resourceType: details.type,
    initiatorOrigin: initiatorOriginOf(details),
    ...(details.documentUrl !== undefined ? { documentUrl: details.documentUrl } : {}),
    ...(typeof details.ip === 'string' && details.ip !== '' ? { ip: details.ip } : {}),
  };
  switch (phase) {
    case 'start':
      return { ...base, phase };
    case 'send':
      return { ...base, phase, requestHeaders: normalizeHeaders(details.requestHeaders, pool) };
    case 'response':
    case 'complete':
      return { ...base, phase, response: responseOf(details, pool) };
    case 'redirect':
      return { ...base, phase, response: responseOf(details, pool), redirectUrl: details.redirectUrl ?? '' };
    case 'error':
      return { ...base, phase, error: details.error ?? 'unknown error', ...(details.fromCache === true ? { fromCache: true as const } : {}) };
  }
}
