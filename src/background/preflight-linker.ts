// Links a CORS-preflight (Fetch §4.8) to the request it was made for. webRequest gives the two
// separate requestIds and nothing that ties them, and the browsers disagree on order: Chromium sends
// the preflight before the actual request's onBeforeSendHeaders, Firefox after it (the recorded
// sequences in ./fixtures/{chromium,firefox}/preflight-put-allowed.json show both orders).
// So we match on what the preflight is about: same tab, same initiator, the URL of the hop about to
// be sent, `Access-Control-Request-Method` equal to that hop's method (exactly, Fetch §4.8 step 3),
// and close in time. Among several candidates (the same fetch made twice at once) the oldest wins.

import type { LiveState, PendingPreflight, PendingRequest } from './assembler-state';

function sameInitiator(a: string | null, b: string | null): boolean {
  return a === null || b === null || a === b;
}

function isCandidate(request: PendingRequest, preflight: PendingPreflight, windowMs: number): boolean {
  const hop = request.hops[request.hops.length - 1];
  if (!hop || hop.preflightId !== undefined || hop.response !== undefined) return false;
  return (
    request.tabId === preflight.tabId &&
    hop.request.url === preflight.record.request.url &&
    hop.request.method === preflight.forMethod &&
    sameInitiator(request.initiatorOrigin, preflight.initiatorOrigin) &&
    Math.abs(request.lastAt - preflight.at) <= windowMs
  );
}

function link(request: PendingRequest, preflight: PendingPreflight): void {
  const hop = request.hops[request.hops.length - 1];
  if (!hop) return;
  hop.preflightId = preflight.id;
  preflight.linkedTo = request.id;
}

/** Finds the actual request for a newly seen preflight; returns it when linked. */
export function linkPreflight(state: LiveState, preflight: PendingPreflight, windowMs: number): PendingRequest | undefined {
  let best: PendingRequest | undefined;
  for (const request of state.requests.values()) {
    if (request.finishedAt !== undefined && request.hops.some((h) => h.sent)) continue;
    if (!isCandidate(request, preflight, windowMs)) continue;
    if (!best || request.startedAt < best.startedAt) best = request;
  }
  if (best) link(best, preflight);
  return best;
}

/** Offers a request (new, or on a new hop) to preflights that arrived before it and are still unlinked; returns the one linked. */
export function adoptWaitingPreflight(state: LiveState, request: PendingRequest, windowMs: number): PendingPreflight | undefined {
  let best: PendingPreflight | undefined;
  for (const preflight of state.preflights.values()) {
    if (preflight.linkedTo !== undefined || !isCandidate(request, preflight, windowMs)) continue;
    if (!best || preflight.at < best.at) best = preflight;
  }
  if (best) link(request, best);
  return best;
}
