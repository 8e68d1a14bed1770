// Which request each preflight was made for. Nothing in a HAR links them: Chrome marks the
// preflight (`_initiator: {type: "preflight", requestId}`) but writes no request id on the
// entry it points at, and Firefox marks nothing. So we match what the CORS-preflight fetch
// copies from the request (Fetch §4.8): the URL, `Access-Control-Request-Method` = its
// method, the same `Origin`; then the nearest in time. The preflight may be logged before
// (Chromium) or after (Firefox) the request it belongs to.

import type { HarEntryView, HarPageView } from './har-entry-view';
import { headerValue, withoutFragment } from './har-entry-view';
import { initiatorOriginOf } from './initiator-origin';

/** A hop of a redirect chain: which chain, which hop. */
export interface HopRef {
  readonly chain: number;
  readonly hop: number;
  readonly entry: HarEntryView;
}

export interface PreflightLinks {
  /** `${chain}:${hop}` → the preflight entry made for that hop. */
  readonly byHop: ReadonlyMap<string, HarEntryView>;
  /** Preflights whose request is not in the HAR (a truncated log, or a filter in DevTools). */
  readonly orphans: readonly HarEntryView[];
}

/** How far either side of the nearest hop in time we look for a free, matching one. */
const SEARCH_WIDTH = 64;

export const hopKey = (chain: number, hop: number): string => `${chain}:${hop}`;

function distance(a: HarEntryView, b: HarEntryView): number {
  if (Number.isFinite(a.startedAt) && Number.isFinite(b.startedAt)) return Math.abs(a.startedAt - b.startedAt);
  return Number.MAX_SAFE_INTEGER / 2 + Math.abs(a.index - b.index);
}

function sameOrigin(preflight: HarEntryView, hop: HarEntryView, pages: ReadonlyMap<string, HarPageView>): boolean {
  const a = headerValue(preflight.requestHeaders, 'origin');
  const b = headerValue(hop.requestHeaders, 'origin');
  // A request that never got sent (its preflight failed) may be logged without headers.
  if (a !== undefined && b !== undefined) return a.trim() === b.trim();
  const pa = initiatorOriginOf(preflight, pages);
  const pb = initiatorOriginOf(hop, pages);
  return pa === null || pb === null || pa === pb;
}

const time = (e: HarEntryView): number => (Number.isFinite(e.startedAt) ? e.startedAt : 0);

export function linkPreflights(
  preflights: readonly HarEntryView[],
  chains: readonly (readonly HarEntryView[])[],
  pages: ReadonlyMap<string, HarPageView>,
): PreflightLinks {
  const byUrl = new Map<string, HopRef[]>();
  chains.forEach((chain, c) =>
    chain.forEach((entry, h) => {
      const key = withoutFragment(entry.url);
      const list = byUrl.get(key);
      if (list) list.push({ chain: c, hop: h, entry });
      else byUrl.set(key, [{ chain: c, hop: h, entry }]);
    }),
  );
  for (const list of byUrl.values()) list.sort((x, y) => time(x.entry) - time(y.entry) || x.entry.index - y.entry.index);

  const byHop = new Map<string, HarEntryView>();
  const orphans: HarEntryView[] = [];
  const ordered = [...preflights].sort((x, y) => time(x) - time(y) || x.index - y.index);
  for (const preflight of ordered) {
    const method = headerValue(preflight.requestHeaders, 'access-control-request-method')?.trim();
    const hops = byUrl.get(withoutFragment(preflight.url)) ?? [];
    const fits = (ref: HopRef): boolean =>
      !byHop.has(hopKey(ref.chain, ref.hop)) &&
      (method === undefined || ref.entry.method === method) &&
      sameOrigin(preflight, ref.entry, pages);
    let best: HopRef | undefined;
    // Binary search for the first hop at or after the preflight's time, then look both ways.
    let lo = 0;
    let hi = hops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (time((hops[mid] as HopRef).entry) < time(preflight)) lo = mid + 1;
      else hi = mid;
    }
    // Without a usable timestamp the time order says nothing: look at every hop (rare, and slow only then).
    const timed = Number.isFinite(preflight.startedAt);
    const from = timed ? Math.max(0, lo - SEARCH_WIDTH) : 0;
    const to = timed ? Math.min(hops.length, lo + SEARCH_WIDTH) : hops.length;
    for (let i = from; i < to; i++) {
      const ref = hops[i] as HopRef;
      if (fits(ref) && (!best || distance(preflight, ref.entry) < distance(preflight, best.entry))) best = ref;
    }
    if (best) byHop.set(hopKey(best.chain, best.hop), preflight);
    else orphans.push(preflight);
  }
  return { byHop, orphans };
}
