// Entry views → the project's Exchange (src/core/model.ts). One function per part, so the
// reader's two paths (our own tagged export, and any other HAR) build exchanges alike.

import type { Exchange, Hop, Preflight, Recorder, RequestMode, ResponseRecord } from '../model';
import { isRequestMode } from './cors-lens-tag';
import type { HarEntryView } from './har-entry-view';
import { headerValue } from '../headers';

/**
 * Status 0 with no headers is how Chrome and Firefox log "nothing came back" (blocked before
 * sending, network error). A status 0 that does carry headers is kept: the headers are what the
 * verdict is read from. A status with no header at all and the browser's error (an aborted or
 * opaque load in Chrome's export: fixture `no-cors-fetch-aborted`) is no response either: every
 * HTTP response has headers, so these were not recorded, and reading them as "no Allow-Origin"
 * would invent a CORS failure.
 */
export function responseOf(entry: HarEntryView): ResponseRecord | undefined {
  // Our own export (`_corsLens`) writes exactly what the recorder saw, so it is taken as written.
  // Playwright writes status -1 for "no response" (recorder.ts).
  if (entry.responseHeaders.length === 0 && (entry.status <= 0 || (entry.error !== undefined && !entry.corsLens))) return undefined;
  return {
    status: entry.status,
    ...(entry.statusText !== '' ? { statusText: entry.statusText } : {}),
    headers: entry.responseHeaders,
    ...(entry.fromCache ? { fromCache: true as const } : {}),
  };
}

export function hopOf(entry: HarEntryView): Hop {
  const response = responseOf(entry);
  return {
    request: { method: entry.method, url: entry.url, headers: entry.requestHeaders },
    ...(response ? { response } : {}),
    harIndex: entry.index,
  };
}

export function preflightOf(entry: HarEntryView): Preflight {
  const response = responseOf(entry);
  return {
    request: { method: entry.method, url: entry.url, headers: entry.requestHeaders },
    ...(response ? { response } : {}),
    ...(entry.error !== undefined ? { error: entry.error } : {}),
    harIndex: entry.index,
    // 0 is what writers put for "not measured" (HAR 1.2 has no "unknown" for `time`).
    ...(entry.time !== undefined && entry.time > 0 ? { durationMs: entry.time } : {}),
  };
}

/** `Sec-Fetch-Mode` (Fetch Metadata) is the request's mode, as the browser sent it. */
export function modeOf(entry: HarEntryView): RequestMode | undefined {
  const value = headerValue(entry.requestHeaders, 'sec-fetch-mode')?.trim().toLowerCase();
  return isRequestMode(value) ? value : undefined;
}

/** What the whole log says about every exchange in it. */
export interface Recording {
  readonly browser?: 'chromium' | 'firefox' | undefined;
  readonly recorder?: Recorder | undefined;
}

export function recordingFields({ browser, recorder }: Recording): Pick<Exchange, 'browser' | 'recorder'> {
  return { ...(browser ? { browser } : {}), ...(recorder ? { recorder } : {}) };
}

export interface ExchangeParts extends Recording {
  readonly hops: readonly HarEntryView[];
  readonly preflights: readonly HarEntryView[];
  readonly initiatorOrigin: string | null;
}

/** An exchange from its entries; `id` is `har:<index of the first entry>` (model.ts). */
export function buildExchange({ hops, preflights, initiatorOrigin, ...recording }: ExchangeParts): Exchange {
  const first = hops[0] as HarEntryView;
  const last = hops.at(-1) as HarEntryView;
  const mode = modeOf(first);
  const earliest = [...hops, ...preflights].map((e) => e.startedAt).find(Number.isFinite);
  return {
    id: `har:${first.index}`,
    initiatorOrigin,
    hops: hops.map(hopOf),
    preflights: preflights.map(preflightOf),
    ...(last.error !== undefined ? { error: last.error } : {}),
    ...(mode ? { mode } : {}),
    ...(first.resourceType !== undefined ? { resourceType: first.resourceType } : {}),
    startedAt: Number.isFinite(first.startedAt) ? first.startedAt : (earliest ?? 0),
    ...recordingFields(recording),
  };
}
