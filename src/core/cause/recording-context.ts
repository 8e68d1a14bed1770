// What the rest of the recording says about an endpoint: did any other response from the same
// origin and path pattern carry CORS headers? Then a 502 without them is not a missing CORS
// configuration but an error path that skips it. Built once per recording in one pass over
// every hop and preflight (never rescanned per exchange), looked up per exchange by key.

import { getHeader } from '../headers';
import type { Exchange, Header, HeaderList } from '../model';
import { originOf } from '../origin';
import { foldPath } from '../path-pattern';

/** The CORS response headers a fix may repeat on error responses. */
const CORS_RESPONSE_HEADERS = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Expose-Headers', 'Vary'];

export interface EndpointEvidence {
  /** How many successful (< 400) answers on this pattern carried Access-Control-Allow-Origin. */
  readonly count: number;
  /** The first such answer: its URL, status and CORS headers. */
  readonly url: string;
  readonly status: number;
  readonly headers: readonly Header[];
}

export interface RecordingContext {
  /** Keyed by `patternKey(url)` and whether it was a preflight. */
  readonly responses: ReadonlyMap<string, EndpointEvidence>;
  readonly preflights: ReadonlyMap<string, EndpointEvidence>;
}

export const EMPTY_CONTEXT: RecordingContext = { responses: new Map(), preflights: new Map() };


/**
 * `https://api.example/v1/users/42?x=1` → `https://api.example/v1/users/*`; null when not a URL.
 * The path is cut from the URL as recorded (browsers record it normalised) rather than parsed
 * again: a full URL parse per hop was most of the cost of a panel row's cause.
 */
export function patternKey(url: string): string | null {
  const origin = originOf(url);
  if (origin === null || origin === 'null') return null;
  const authority = url.indexOf('//');
  const slash = authority < 0 ? -1 : url.indexOf('/', authority + 2);
  let end = url.length;
  for (const c of ['?', '#']) {
    const i = url.indexOf(c, authority + 2);
    if (i >= 0 && i < end) end = i;
  }
  const path = slash < 0 || slash > end ? '/' : url.slice(slash, end);
  return `${origin}${foldPath(path, '*')}`;
}

export function corsResponseHeaders(headers: HeaderList): Header[] {
  const out: Header[] = [];
  for (const name of CORS_RESPONSE_HEADERS) {
    const value = getHeader(headers, name);
    if (value !== null) out.push({ name, value });
  }
  return out;
}

function note(map: Map<string, EndpointEvidence>, url: string, status: number, headers: HeaderList): void {
  if (status >= 400 || getHeader(headers, 'Access-Control-Allow-Origin') === null) return;
  const key = patternKey(url);
  if (key === null) return;
  const seen = map.get(key);
  if (seen) map.set(key, { ...seen, count: seen.count + 1 });
  else map.set(key, { count: 1, url, status, headers: corsResponseHeaders(headers) });
}

export function buildRecordingContext(exchanges: Iterable<Exchange>): RecordingContext {
  const responses = new Map<string, EndpointEvidence>();
  const preflights = new Map<string, EndpointEvidence>();
  for (const exchange of exchanges) {
    for (const hop of exchange.hops) if (hop.response) note(responses, hop.request.url, hop.response.status, hop.response.headers);
    for (const p of exchange.preflights) if (p.response) note(preflights, p.request.url, p.response.status, p.response.headers);
  }
  return { responses, preflights };
}

export function evidenceFor(context: RecordingContext, url: string, preflight: boolean): EndpointEvidence | null {
  const map = preflight ? context.preflights : context.responses;
  if (map.size === 0) return null;
  const key = patternKey(url);
  return key === null ? null : (map.get(key) ?? null);
}
