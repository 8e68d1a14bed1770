// Redirect chains: a HAR has one entry per hop (Chrome and Firefox both), and no standard field
// links a 3xx to the request that followed it. The URL alone is not enough (two requests of one
// page may be redirected to the same URL: fixture `redirect-two-requests-same-target`), so a
// follow-up must fit everything that does tie it to its redirect:
// - the 3xx was followed at all: an entry carrying the browser's error (`_error`: Chromium's
//   net::ERR_FAILED on a redirect that failed the CORS check, Fetch §4.4 step 3) ends its request;
// - `redirectURL`/`Location` names its URL, and its method is the one the browser would use
//   (Fetch §4.4 step 12: 301/302 turn POST into GET, 303 turns everything but HEAD into GET);
// - it starts after the 3xx; the same request id (Chrome keeps one CDP requestId across hops) and
//   the same initiator stack (Chrome DevTools writes the request's on every hop);
// - its `Origin` is the 3xx's own, or `null` once a cross-origin redirect tainted it (§3.1);
// then each follow-up goes to the redirect that precedes it most closely (a browser requests the
// new URL at once), decided over all candidate pairs, not greedily in log order.

import { redirectCandidates, type RedirectPair } from './redirect-candidates';
import type { HarEntryView } from './har-entry-view';

/** Lower cost first: a `_initiator.type: "redirect"` or same-id follow-up, then the nearest in time, then in place. */
const byCost = (a: RedirectPair, b: RedirectPair): number => a.cost[0] - b.cost[0] || a.cost[1] - b.cost[1] || a.cost[2] - b.cost[2];

/** Split request entries (no preflights) into chains of hops, each in order. Input in log order. */
export function groupRedirects(requests: readonly HarEntryView[]): HarEntryView[][] {
  const pairs = redirectCandidates(requests);
  pairs.sort(byCost);
  const next = new Map<number, HarEntryView>();
  const isFollowUp = new Set<number>();
  for (const { from, to } of pairs) {
    if (next.has(from.index) || isFollowUp.has(to.index)) continue;
    next.set(from.index, to);
    isFollowUp.add(to.index);
  }
  const chains: HarEntryView[][] = [];
  for (const head of requests) {
    if (isFollowUp.has(head.index)) continue;
    const chain = [head];
    // Follow-ups are always later in the log than their redirect, so a chain cannot loop.
    for (let hop = next.get(head.index); hop; hop = next.get(hop.index)) chain.push(hop);
    chains.push(chain);
  }
  return chains;
}
