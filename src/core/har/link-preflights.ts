// Which request each preflight was made for. Nothing in a HAR links them: Chrome marks the
// preflight (`_initiator: {type: "preflight", requestId}`) but writes no request id on the
// entry it points at, and Firefox marks nothing. So we match what the CORS-preflight fetch
// copies from the request (Fetch §4.8): the URL, `Access-Control-Request-Method` = its
// method, the same `Origin`; then the nearest in time. The preflight may be logged before
// (Chromium) or after (Firefox) the request it belongs to.

import type { HarEntryView } from './har-entry-view';
import { headerValue } from '../headers';
import { withoutFragment } from './har-entry-view';
import { FreeSlots } from './free-slots';
import { initiatorOriginOf, OPAQUE_ORIGIN } from './initiator-origin';
import type { PageDocuments } from './page-documents';

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

/** How many free hops that do not fit (other method or origin) we step over on each side. */
const SEARCH_WIDTH = 64;

export const hopKey = (chain: number, hop: number): string => `${chain}:${hop}`;

function distance(a: HarEntryView, b: HarEntryView): number {
  if (Number.isFinite(a.startedAt) && Number.isFinite(b.startedAt)) return Math.abs(a.startedAt - b.startedAt);
  return Number.MAX_SAFE_INTEGER / 2 + Math.abs(a.index - b.index);
}

function sameOrigin(preflight: HarEntryView, hop: HarEntryView, documents: PageDocuments): boolean {
  const a = headerValue(preflight.requestHeaders, 'origin');
  const b = headerValue(hop.requestHeaders, 'origin');
  // A request that never got sent (its preflight failed) may be logged without headers.
  // After a cross-origin redirect the request carries `Origin: null` (Fetch §3.1), but Firefox
  // still sends the page's origin on that hop's preflight (fixture
  // redirect-preflighted-json-307-cross-origin): a `null` on either side fits any origin.
  if (a !== undefined && b !== undefined && a.trim() !== 'null' && b.trim() !== 'null') return a.trim() === b.trim();
  if (a !== undefined && b !== undefined) return true;
  const pa = initiatorOriginOf(preflight, documents);
  const pb = initiatorOriginOf(hop, documents);
  return pa === null || pb === null || pa === OPAQUE_ORIGIN || pb === OPAQUE_ORIGIN || pa === pb;
}

const time = (e: HarEntryView): number => (Number.isFinite(e.startedAt) ? e.startedAt : 0);

export function linkPreflights(
  preflights: readonly HarEntryView[],
  chains: readonly (readonly HarEntryView[])[],
  documents: PageDocuments,
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
  const free = new Map<string, FreeSlots>();

  const byHop = new Map<string, HarEntryView>();
  const orphans: HarEntryView[] = [];
  const ordered = [...preflights].sort((x, y) => time(x) - time(y) || x.index - y.index);
  for (const preflight of ordered) {
    const method = headerValue(preflight.requestHeaders, 'access-control-request-method')?.trim();
    const key = withoutFragment(preflight.url);
    const hops = byUrl.get(key) ?? [];
    const slots = free.get(key) ?? new FreeSlots(hops.length);
    free.set(key, slots);
    const fits = (ref: HopRef): boolean =>
      (method === undefined || ref.entry.method === method) && sameOrigin(preflight, ref.entry, documents);
    // Binary search for the first hop at or after the preflight, then take the first free
    // hop that fits on each side (the list is in time order, so these are the nearest).
    // Without a usable timestamp, untimed hops sort first, by log index: search by index then.
    const timed = Number.isFinite(preflight.startedAt);
    const before = (ref: HopRef): boolean => (timed ? time(ref.entry) < time(preflight) : ref.entry.index < preflight.index);
    let lo = 0;
    let hi = hops.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(hops[mid] as HopRef)) lo = mid + 1;
      else hi = mid;
    }
    let after: number | undefined;
    for (let i = slots.atOrAfter(lo), seen = 0; i < hops.length && seen < SEARCH_WIDTH; i = slots.atOrAfter(i + 1), seen++) {
      if (fits(hops[i] as HopRef)) {
        after = i;
        break;
      }
    }
    let earlier: number | undefined;
    for (let i = slots.atOrBefore(lo - 1), seen = 0; i >= 0 && seen < SEARCH_WIDTH; i = slots.atOrBefore(i - 1), seen++) {
      if (fits(hops[i] as HopRef)) {
        earlier = i;
        break;
      }
    }
    const pick = [after, earlier]
      .filter((i): i is number => i !== undefined)
      .sort((x, y) => distance(preflight, (hops[x] as HopRef).entry) - distance(preflight, (hops[y] as HopRef).entry))[0];
    if (pick === undefined) {
      orphans.push(preflight);
      continue;
    }
    slots.take(pick);
    const best = hops[pick] as HopRef;
    byHop.set(hopKey(best.chain, best.hop), preflight);
  }
  return { byHop, orphans };
}
