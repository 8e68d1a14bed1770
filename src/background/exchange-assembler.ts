// Turns normalised webRequest events, in either browser's order, into finished `Exchange`s: one per
// actual request, with every redirect hop (Fetch §4.4 HTTP-redirect fetch) and the preflight linked
// to each hop that needed one. An exchange is finished at the actual request's onCompleted or
// onErrorOccurred, once its preflights are done too (or after `preflightWaitMs`).

import { headerValue } from '../core/headers';
import type { ResponseRecord } from '../core/model';
import type { Exchange, Preflight, RequestMode } from '../core/model';
import {
  emptyAssemblerState,
  type AssemblerChanges,
  type AssemblerState,
  type LiveState,
  type PendingPreflight,
  type PendingRequest,
} from './assembler-state';
import type { RequestEvent } from './event-normalizer';
import { adoptWaitingPreflight, linkPreflight } from './preflight-linker';

export interface AssemblerOptions {
  /** How long a finished request waits for a linked preflight still in flight. */
  readonly preflightWaitMs: number;
  /** Largest gap between a preflight and its actual request; unlinked preflights are forgotten after it. */
  readonly linkWindowMs: number;
  /** Requests in flight at most; the oldest are forgotten beyond it (bounded memory). */
  readonly maxPending: number;
}

export const DEFAULT_ASSEMBLER_OPTIONS: AssemblerOptions = { preflightWaitMs: 5_000, linkWindowMs: 30_000, maxPending: 5_000 };

const MODES: readonly RequestMode[] = ['cors', 'no-cors', 'navigate', 'same-origin', 'websocket'];

function modeOf(secFetchMode: string | undefined, resourceType: string): RequestMode | undefined {
  const mode = MODES.find((m) => m === secFetchMode);
  if (mode) return mode;
  if (resourceType === 'main_frame' || resourceType === 'sub_frame') return 'navigate';
  return resourceType === 'websocket' ? 'websocket' : undefined;
}

/** A preflight is an OPTIONS request carrying `Access-Control-Request-Method` (Fetch §4.8 step 2-3). */
function preflightMethod(event: RequestEvent & { phase: 'send' }): string | undefined {
  if (event.method !== 'OPTIONS') return undefined;
  return headerValue(event.requestHeaders, 'Access-Control-Request-Method');
}

/** Method of the request after a redirect (Fetch §4.4 step 12): 303, and 301/302 after POST, become GET. */
function methodAfterRedirect(method: string, status: number): string {
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  if (status === 303 && method !== 'GET' && method !== 'HEAD') return 'GET';
  return method;
}

/**
 * onBeforeRedirect and onCompleted are registered without `responseHeaders` (platform/web-request.ts):
 * keep the headers onHeadersReceived gave, and take the later event's status.
 */
function merged(earlier: ResponseRecord | undefined, later: ResponseRecord): ResponseRecord {
  if (!earlier || later.headers.length > 0) return later;
  // onHeadersReceived has no `fromCache`; the later event says whether the cache answered.
  return { ...earlier, status: later.status || earlier.status, statusText: later.statusText || earlier.statusText || '', ...(later.fromCache ? { fromCache: true as const } : {}) };
}

export class ExchangeAssembler {
  private readonly state: LiveState = { requests: new Map(), preflights: new Map() };
  /** Ids of requests and preflights changed (or deleted) since their last `takeChanges()`. */
  private readonly dirty = new Set<string>();
  /** Ids with a row in storage: only these need deleting when they finish. */
  private readonly stored = new Set<string>();

  constructor(
    restored: AssemblerState = emptyAssemblerState(),
    private readonly options: AssemblerOptions = DEFAULT_ASSEMBLER_OPTIONS,
  ) {
    for (const r of restored.requests) this.state.requests.set(r.id, structuredClone(r));
    for (const p of restored.preflights) this.state.preflights.set(p.id, structuredClone(p));
    for (const id of [...this.state.requests.keys(), ...this.state.preflights.keys()]) this.stored.add(id);
  }

  /** A copy of the whole working state. */
  snapshot(): AssemblerState {
    return structuredClone({ requests: [...this.state.requests.values()], preflights: [...this.state.preflights.values()] });
  }

  /**
   * What changed since the last call, and what was deleted. Rows younger than `minAgeMs` stay
   * queued: most requests finish within a second, so their in-flight state never needs writing,
   * only the finished exchange does (a worker is stopped only after 30 s without events, so a young
   * request is never what a stop interrupts). The rows are the live ones, not copies: the caller
   * must serialise them before the next event, as RecorderStore.write does synchronously.
   */
  takeChanges(now: number, minAgeMs = 0): AssemblerChanges {
    const requests: PendingRequest[] = [];
    const preflights: PendingPreflight[] = [];
    const removed: string[] = [];
    for (const id of this.dirty) {
      const request = this.state.requests.get(id);
      const preflight = request ? undefined : this.state.preflights.get(id);
      const since = request?.startedAt ?? preflight?.at;
      if (since !== undefined && now - since < minAgeMs) continue;
      this.dirty.delete(id);
      if (request) requests.push(request);
      else if (preflight) preflights.push(preflight);
      else if (this.stored.delete(id)) removed.push(id);
      if (since !== undefined) this.stored.add(id);
    }
    return { requests, preflights, removed };
  }

  /** Tabs of the rows changed but not yet taken by takeChanges(). */
  dirtyTabs(): Set<number> {
    const tabs = new Set<number>();
    for (const id of this.dirty) {
      const row = this.state.requests.get(id) ?? this.state.preflights.get(id);
      if (row) tabs.add(row.tabId);
    }
    return tabs;
  }

  /** Rows changed but not yet taken by takeChanges(). */
  get hasUntakenChanges(): boolean {
    return this.dirty.size > 0;
  }

  /** Requests and preflights not yet finished or forgotten. */
  get inFlight(): number {
    return this.state.requests.size + this.state.preflights.size;
  }

  /** Feeds one event; returns the exchanges it finished (usually none or one). */
  handle(event: RequestEvent): Exchange[] {
    this.dirty.add(event.requestId);
    const preflight = this.state.preflights.get(event.requestId);
    if (preflight) return this.updatePreflight(preflight, event);
    if (event.phase === 'send') {
      const forMethod = preflightMethod(event);
      if (forMethod !== undefined) return this.startPreflight(event, forMethod);
    }
    return this.updateRequest(event);
  }

  /** Finishes what waited too long for its preflight and forgets stale unlinked preflights. */
  tick(now: number): Exchange[] {
    const finished: Exchange[] = [];
    for (const request of [...this.state.requests.values()]) {
      if (request.finishedAt !== undefined && now - request.finishedAt >= this.options.preflightWaitMs) {
        finished.push(this.finish(request));
      }
    }
    for (const preflight of [...this.state.preflights.values()]) {
      if (preflight.linkedTo === undefined && now - preflight.at >= this.options.linkWindowMs) this.deletePreflight(preflight.id);
    }
    return finished;
  }

  /** Forgets everything in flight for a closed tab. */
  dropTab(tabId: number): void {
    for (const r of [...this.state.requests.values()]) if (r.tabId === tabId) this.deleteRequest(r.id);
    for (const p of [...this.state.preflights.values()]) if (p.tabId === tabId) this.deletePreflight(p.id);
  }

  private deleteRequest(id: string): void {
    this.state.requests.delete(id);
    this.dirty.add(id);
  }

  private deletePreflight(id: string): void {
    this.state.preflights.delete(id);
    this.dirty.add(id);
  }

  private startPreflight(event: RequestEvent & { phase: 'send' }, forMethod: string): Exchange[] {
    // Its onBeforeRequest made it look like a request of its own until the headers showed otherwise.
    this.state.requests.delete(event.requestId);
    const preflight: PendingPreflight = {
      id: event.requestId,
      tabId: event.tabId,
      initiatorOrigin: event.initiatorOrigin,
      forMethod,
      at: event.at,
      record: { request: { method: event.method, url: event.url, headers: event.requestHeaders } },
      done: false,
    };
    this.state.preflights.set(preflight.id, preflight);
    const linked = linkPreflight(this.state, preflight, this.options.linkWindowMs);
    if (linked) this.dirty.add(linked.id);
    return [];
  }

  private updatePreflight(preflight: PendingPreflight, event: RequestEvent): Exchange[] {
    const record: { -readonly [K in keyof Preflight]: Preflight[K] } = preflight.record;
    if (event.phase === 'response' || event.phase === 'complete' || event.phase === 'redirect') record.response = merged(record.response, event.response);
    if (event.phase === 'error') record.error = event.error;
    // A redirected preflight is a failed one (Fetch §4.8 step 7); the browser reports the error next.
    if (event.phase !== 'complete' && event.phase !== 'error') return [];
    preflight.done = true;
    // What the preflight cost the page: from its headers going out to its answer (preflight-cost).
    if (event.at >= preflight.at) record.durationMs = event.at - preflight.at;
    const request = preflight.linkedTo === undefined ? undefined : this.state.requests.get(preflight.linkedTo);
    return request ? this.finishIfReady(request) : [];
  }

  private updateRequest(event: RequestEvent): Exchange[] {
    const request = this.state.requests.get(event.requestId) ?? this.create(event);
    request.lastAt = event.at;
    const hop = request.hops[request.hops.length - 1];
    if (!hop) return [];
    switch (event.phase) {
      case 'start':
        // Both browsers fire onBeforeRequest again for a followed redirect: the hop already exists.
        if (!hop.sent) hop.request = { ...hop.request, url: event.url, method: event.method };
        this.adopt(request);
        return [];
      case 'send':
        hop.request = { method: event.method, url: event.url, headers: event.requestHeaders };
        hop.sent = true;
        if (request.hops.length === 1) {
          const mode = modeOf(headerValue(event.requestHeaders, 'Sec-Fetch-Mode'), event.resourceType);
          if (mode) request.mode = mode;
        }
        this.adopt(request);
        return [];
      case 'response':
        hop.response = event.response;
        return [];
      case 'redirect': {
        hop.response = merged(hop.response, event.response);
        const method = methodAfterRedirect(hop.request.method, event.response.status);
        request.hops.push({ request: { method, url: event.redirectUrl, headers: [] }, sent: false });
        return [];
      }
      case 'complete':
        // Firefox ends a CORS-blocked response here too, with no error: the analyzer decides.
        hop.response = merged(hop.response, event.response);
        request.finishedAt = event.at;
        return this.finishIfReady(request);
      case 'error':
        request.error = event.error;
        request.finishedAt = event.at;
        if (event.fromCache && hop.response) hop.response = { ...hop.response, fromCache: true };
        // A request its preflight refused never sends headers (Chromium: onBeforeRequest, then
        // onErrorOccurred), and onBeforeRequest is not listened to: its error is the first event
        // seen, the moment to take its preflight.
        if (!hop.sent) this.adopt(request);
        return this.finishIfReady(request);
    }
  }

  private create(event: RequestEvent): PendingRequest {
    this.evictIfFull();
    const request: PendingRequest = {
      id: event.requestId,
      tabId: event.tabId,
      frameId: event.frameId,
      resourceType: event.resourceType,
      initiatorOrigin: event.initiatorOrigin,
      ...(event.documentUrl !== undefined ? { documentUrl: event.documentUrl } : {}),
      startedAt: event.at,
      lastAt: event.at,
      hops: [{ request: { method: event.method, url: event.url, headers: [] }, sent: false }],
    };
    const mode = modeOf(undefined, event.resourceType);
    if (mode) request.mode = mode;
    this.state.requests.set(request.id, request);
    return request;
  }

  private adopt(request: PendingRequest): void {
    if (this.state.preflights.size === 0) return;
    const adopted = adoptWaitingPreflight(this.state, request, this.options.linkWindowMs);
    if (adopted) this.dirty.add(adopted.id);
  }

  /** Map order is insertion order: the first key is the oldest request still in flight. */
  private evictIfFull(): void {
    if (this.state.requests.size < this.options.maxPending) return;
    const oldest = this.state.requests.keys().next().value;
    if (oldest !== undefined) this.deleteRequest(oldest);
  }

  private finishIfReady(request: PendingRequest): Exchange[] {
    if (request.finishedAt === undefined) return [];
    const waiting = request.hops.some((h) => h.preflightId !== undefined && this.state.preflights.get(h.preflightId)?.done === false);
    return waiting ? [] : [this.finish(request)];
  }

  private finish(request: PendingRequest): Exchange {
    this.deleteRequest(request.id);
    const preflights: Preflight[] = [];
    // The request began before its preflight (Fetch §4.1 main fetch runs the preflight first);
    // without onBeforeRequest, the first event seen of it comes after the preflight.
    let startedAt = request.startedAt;
    for (const hop of request.hops) {
      const preflight = hop.preflightId === undefined ? undefined : this.state.preflights.get(hop.preflightId);
      if (!preflight) continue;
      preflights.push(preflight.record);
      startedAt = Math.min(startedAt, preflight.at);
      this.deletePreflight(preflight.id);
    }
    // Only a CORS-mode request is ever preflighted (Fetch §4.1 main fetch, step 12): that tells the
    // mode when the request itself never went out (Chromium, failed preflight: no request headers).
    const mode = request.mode ?? (preflights.length > 0 ? 'cors' : undefined);
    return {
      id: request.id,
      initiatorOrigin: request.initiatorOrigin,
      hops: request.hops.map((h) => (h.response ? { request: h.request, response: h.response } : { request: h.request })),
      preflights,
      ...(request.error !== undefined ? { error: request.error } : {}),
      ...(mode !== undefined ? { mode } : {}),
      resourceType: request.resourceType,
      startedAt,
      tabId: request.tabId,
      frameId: request.frameId,
      ...(request.documentUrl !== undefined ? { documentUrl: request.documentUrl } : {}),
    };
  }
}
