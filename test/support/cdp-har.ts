// Builds Chrome-DevTools-shaped HAR entries from the Chrome DevTools Protocol Network domain of
// one page: requestWillBeSent (+ExtraInfo: the real wire request headers, Origin and Cookie
// included), responseReceived (+ExtraInfo: the raw header block, duplicates kept), redirects via
// redirectResponse, loadingFailed for errors and corsErrorStatus. Preflights are their own
// requests with `initiator: {type: "preflight", requestId}` (Chromium ≥ 98).

import type { CDPSession, Protocol } from 'puppeteer-core';
import { type CorsErrorStatus, type HarEntry, type HarHeader, objectToHeaders, parseHeadersText, queryStringOf, headerValue } from './har';

interface HopData {
  readonly request: Protocol.Network.Request;
  readonly wallTime: number;
  readonly timestamp: number;
  response?: Protocol.Network.Response;
  endTimestamp?: number;
}

interface RequestData {
  readonly id: string;
  readonly hops: HopData[];
  initiator?: Protocol.Network.Initiator;
  type?: string;
  requestExtras: Protocol.Network.RequestWillBeSentExtraInfoEvent[];
  responseExtras: Protocol.Network.ResponseReceivedExtraInfoEvent[];
  failure?: Protocol.Network.LoadingFailedEvent;
}

export class CdpHarRecorder {
  readonly #requests = new Map<string, RequestData>();

  private constructor() {}

  /** Start listening on `session` (a page's CDP session) and enable the Network domain. */
  static async attach(session: CDPSession): Promise<CdpHarRecorder> {
    const r = new CdpHarRecorder();
    session.on('Network.requestWillBeSent', (e) => r.#onRequest(e));
    session.on('Network.requestWillBeSentExtraInfo', (e) => r.#data(e.requestId).requestExtras.push(e));
    session.on('Network.responseReceivedExtraInfo', (e) => r.#data(e.requestId).responseExtras.push(e));
    session.on('Network.responseReceived', (e) => {
      const d = r.#data(e.requestId);
      d.type = e.type;
      const hop = d.hops.at(-1);
      if (hop) hop.response = e.response;
    });
    session.on('Network.loadingFinished', (e) => {
      const hop = r.#data(e.requestId).hops.at(-1);
      if (hop) hop.endTimestamp = e.timestamp;
    });
    session.on('Network.loadingFailed', (e) => {
      const d = r.#data(e.requestId);
      d.failure = e;
      d.type ??= e.type;
      const hop = d.hops.at(-1);
      if (hop) hop.endTimestamp = e.timestamp;
    });
    await session.send('Network.enable');
    return r;
  }

  #data(id: string): RequestData {
    let d = this.#requests.get(id);
    if (!d) {
      d = { id, hops: [], requestExtras: [], responseExtras: [] };
      this.#requests.set(id, d);
    }
    return d;
  }

  #onRequest(e: Protocol.Network.RequestWillBeSentEvent): void {
    const d = this.#data(e.requestId);
    const prev = d.hops.at(-1);
    if (prev && e.redirectResponse) {
      prev.response = e.redirectResponse;
      prev.endTimestamp = e.timestamp;
    }
    d.initiator ??= e.initiator;
    if (e.type !== undefined && d.type === undefined) d.type = e.type;
    d.hops.push({ request: e.request, wallTime: e.wallTime, timestamp: e.timestamp });
  }

  /** The CDP failure of the request whose first URL satisfies `match` (not a preflight). */
  corsErrorStatus(match: (url: string) => boolean): CorsErrorStatus | undefined {
    for (const d of this.#requests.values()) {
      if (d.initiator?.type === 'preflight' || !d.hops[0] || !match(d.hops[0].request.url)) continue;
      const s = d.failure?.corsErrorStatus;
      if (s) return { corsError: s.corsError, failedParameter: s.failedParameter };
    }
    return undefined;
  }

  /** One HAR entry per hop, in the order the hops started, for requests whose first URL matches. */
  entries(match: (url: string) => boolean): HarEntry[] {
    const out: { at: number; entry: HarEntry }[] = [];
    for (const d of this.#requests.values()) {
      const first = d.hops[0];
      if (!first || !match(first.request.url)) continue;
      d.hops.forEach((hop, i) => out.push({ at: hop.timestamp, entry: this.#entry(d, hop, i) }));
    }
    return out.sort((a, b) => a.at - b.at).map((x) => x.entry);
  }

  #entry(d: RequestData, hop: HopData, i: number): HarEntry {
    const isLast = i === d.hops.length - 1;
    const extraReq = d.requestExtras[i];
    const requestHeaders: HarHeader[] = extraReq ? objectToHeaders(extraReq.headers as Record<string, string>) : objectToHeaders(hop.request.headers as Record<string, string>);
    const extraRes = d.responseExtras[i];
    const raw = extraRes?.headersText ? parseHeadersText(extraRes.headersText) : undefined;
    const status = extraRes?.statusCode ?? hop.response?.status ?? 0;
    const responseHeaders = raw?.headers ?? (hop.response ? objectToHeaders(hop.response.headers as Record<string, string>) : []);
    const error = isLast ? d.failure?.errorText : undefined;
    const body = hop.request.postData ?? hop.request.postDataEntries?.map((p) => p.bytes ?? '').join('');
    const time = hop.endTimestamp !== undefined ? Math.max(0, (hop.endTimestamp - hop.timestamp) * 1000) : 0;
    const initiator = d.initiator;
    return {
      startedDateTime: new Date(hop.wallTime * 1000).toISOString(),
      time,
      request: {
        method: hop.request.method,
        url: hop.request.url + (hop.request.urlFragment ?? ''),
        httpVersion: 'HTTP/1.1',
        headers: requestHeaders,
        queryString: queryStringOf(hop.request.url),
        cookies: [],
        headersSize: -1,
        bodySize: body !== undefined ? Buffer.byteLength(body) : 0,
        ...(body !== undefined ? { postData: { mimeType: headerValue(requestHeaders, 'content-type') ?? '', text: body } } : {}),
      },
      response: {
        status,
        statusText: raw?.statusText ?? hop.response?.statusText ?? '',
        httpVersion: status === 0 ? '' : 'HTTP/1.1',
        headers: responseHeaders,
        cookies: [],
        content: { size: 0, mimeType: hop.response?.mimeType ?? headerValue(responseHeaders, 'content-type') ?? 'x-unknown' },
        redirectURL: headerValue(responseHeaders, 'location') ?? '',
        headersSize: -1,
        bodySize: -1,
        ...(error !== undefined ? { _error: error } : {}),
      },
      cache: {},
      timings: { send: 0, wait: time, receive: 0 },
      ...(initiator ? { _initiator: slimInitiator(initiator) } : {}),
      _resourceType: (d.type ?? 'Other').toLowerCase(),
      _requestId: d.id,
    };
  }
}

/** DevTools exports the whole JS stack; we keep what identifies the initiator, for readable fixtures. */
function slimInitiator(i: Protocol.Network.Initiator): HarEntry['_initiator'] {
  const frame = i.stack?.callFrames[0];
  return {
    type: i.type,
    ...(i.url !== undefined ? { url: i.url } : frame ? { url: frame.url } : {}),
    ...(i.lineNumber !== undefined ? { lineNumber: i.lineNumber } : frame ? { lineNumber: frame.lineNumber } : {}),
    ...(i.requestId !== undefined ? { requestId: i.requestId } : {}),
  };
}
