// Which later entries could be the request a redirect entry turned into (group-redirects.ts says
// why each test is there). Bounded: at most MAX_CANDIDATES per redirect, so a log with thousands
// of redirects to one URL stays linear.

import type { HarEntryView } from './har-entry-view';
import { headerValue } from '../headers';
import { withoutFragment } from './har-entry-view';

/** A redirect's follow-up may be logged a little before the 3xx's own timestamp (clock rounding). */
const CLOCK_SLACK_MS = 1000;
/** How many later entries for the target URL one redirect may look at, and keep. */
const MAX_SCANNED = 64;
const MAX_CANDIDATES = 8;

export interface RedirectPair {
  readonly from: HarEntryView;
  readonly to: HarEntryView;
  /** [not marked as a redirect, ms after the 3xx, entries after the 3xx]: lower is likelier. */
  readonly cost: readonly [number, number, number];
}

function redirectTarget(entry: HarEntryView): string | undefined {
  if (entry.status < 300 || entry.status > 399) return undefined;
  // The browser refused to follow it (Chromium logs the CORS failure of the redirect itself here).
  if (entry.error !== undefined) return undefined;
  const location = entry.redirectURL || headerValue(entry.responseHeaders, 'location');
  if (!location || !URL.canParse(location, entry.url)) return undefined;
  return withoutFragment(new URL(location, entry.url).href);
}

function followedMethod(status: number, method: string): string {
  if (status === 303 && method !== 'HEAD') return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  return method;
}

function normalisedUrl(url: string): string {
  return URL.canParse(url) ? withoutFragment(new URL(url).href) : url;
}

/**
 * A redirect keeps the request's `Origin` or, once a cross-origin redirect tainted it, sends
 * `null` (Fetch §3.1 "serializing a request origin"); it never names another origin. Either side
 * without the header (a same-origin GET sends none) says nothing.
 */
function originFits(from: HarEntryView, to: HarEntryView): boolean {
  const a = headerValue(from.requestHeaders, 'origin')?.trim();
  const b = headerValue(to.requestHeaders, 'origin')?.trim();
  if (a === undefined || b === undefined) return true;
  return a === b || b === 'null';
}

function fits(from: HarEntryView, to: HarEntryView, method: string): boolean {
  if (to.method !== method || !originFits(from, to)) return false;
  if (from.requestId !== undefined && to.requestId !== undefined && from.requestId !== to.requestId) return false;
  // Chrome DevTools writes the initiator's stack on every hop: another call site is another request.
  const a = from.initiator?.frame;
  const b = to.initiator?.frame;
  if (a !== undefined && b !== undefined && a !== b) return false;
  return !(to.startedAt < from.startedAt - CLOCK_SLACK_MS);
}

function cost(from: HarEntryView, to: HarEntryView): RedirectPair['cost'] {
  const marked = to.initiator?.type === 'redirect' || (from.requestId !== undefined && from.requestId === to.requestId) ? 0 : 1;
  const dt = Number.isFinite(from.startedAt) && Number.isFinite(to.startedAt) ? Math.abs(to.startedAt - from.startedAt) : 0;
  return [marked, dt, to.index - from.index];
}

/** Every (redirect, possible follow-up) pair of `requests` (in log order), follow-ups later in the log. */
export function redirectCandidates(requests: readonly HarEntryView[]): RedirectPair[] {
  const byUrl = new Map<string, HarEntryView[]>();
  for (const entry of requests) {
    const key = normalisedUrl(entry.url);
    const list = byUrl.get(key);
    if (list) list.push(entry);
    else byUrl.set(key, [entry]);
  }
  const pairs: RedirectPair[] = [];
  for (const from of requests) {
    const target = redirectTarget(from);
    if (target === undefined) continue;
    const method = followedMethod(from.status, from.method);
    const list = byUrl.get(target) ?? [];
    // Lists are in log order: binary search for the first entry after the redirect.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as HarEntryView).index <= from.index) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo, kept = 0; i < list.length && i < lo + MAX_SCANNED && kept < MAX_CANDIDATES; i++) {
      const to = list[i] as HarEntryView;
      if (!fits(from, to, method)) continue;
      kept++;
      pairs.push({ from, to, cost: cost(from, to) });
    }
  }
  return pairs;
}
