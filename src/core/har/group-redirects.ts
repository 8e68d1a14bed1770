// Redirect chains: a HAR has one entry per hop (Chrome and Firefox both), and nothing but
// the URL links a 3xx to the request that followed it. We follow `Location` to the nearest
// later entry for that URL, with the method the browser would use (Fetch §4.4 HTTP-redirect
// fetch, step 12: 301/302 turn POST into GET, 303 turns everything but HEAD into GET).

import type { HarEntryView } from './har-entry-view';
import { headerValue, withoutFragment } from './har-entry-view';

/** A redirect's follow-up may be logged a little before the 3xx's own timestamp (clock rounding). */
const CLOCK_SLACK_MS = 1000;

function redirectTarget(entry: HarEntryView): string | undefined {
  if (entry.status < 300 || entry.status > 399) return undefined;
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

/** Lower is better: a `_initiator.type: "redirect"` follow-up first, then the nearest in time, then in place. */
function cost(from: HarEntryView, to: HarEntryView): [number, number, number] {
  const marked = to.initiator?.type === 'redirect' ? 0 : 1;
  const dt = Number.isFinite(from.startedAt) && Number.isFinite(to.startedAt) ? Math.abs(to.startedAt - from.startedAt) : 0;
  return [marked, dt, to.index - from.index];
}

function lower(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if ((a[i] as number) !== (b[i] as number)) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

/** Split request entries (no preflights) into chains of hops, each in order. Input in log order. */
export function groupRedirects(requests: readonly HarEntryView[]): HarEntryView[][] {
  const byUrl = new Map<string, HarEntryView[]>();
  for (const entry of requests) {
    const key = normalisedUrl(entry.url);
    const list = byUrl.get(key);
    if (list) list.push(entry);
    else byUrl.set(key, [entry]);
  }
  const next = new Map<number, HarEntryView>();
  const isFollowUp = new Set<number>();
  for (const entry of requests) {
    const target = redirectTarget(entry);
    if (target === undefined) continue;
    const method = followedMethod(entry.status, entry.method);
    let best: HarEntryView | undefined;
    for (const candidate of byUrl.get(target) ?? []) {
      if (candidate.index === entry.index || isFollowUp.has(candidate.index) || candidate.method !== method) continue;
      // Only later entries: every follow-up then has an earlier head, so chains cannot loop.
      if (candidate.index < entry.index || candidate.startedAt < entry.startedAt - CLOCK_SLACK_MS) continue;
      if (!best || lower(cost(entry, candidate), cost(entry, best))) best = candidate;
    }
    if (best) {
      next.set(entry.index, best);
      isFollowUp.add(best.index);
    }
  }
  const chains: HarEntryView[][] = [];
  for (const head of requests) {
    if (isFollowUp.has(head.index)) continue;
    const chain = [head];
    for (let hop = next.get(head.index); hop; hop = next.get(hop.index)) chain.push(hop);
    chains.push(chain);
  }
  return chains;
}
