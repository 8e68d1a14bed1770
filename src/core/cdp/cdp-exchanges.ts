// Chrome DevTools Protocol Network events of one page → the project's Exchange (model.ts), for
// test runners that hold a CDP session (the Playwright fixture). CDP says more than webRequest or
// a HAR: a redirect keeps its requestId (each hop is a `requestWillBeSent`, the previous hop's
// response in `redirectResponse`), a preflight names the request it was made for
// (`initiator: {type: "preflight", requestId}`, Chromium ≥ 98), the `ExtraInfo` events carry the
// headers as sent and received (`Origin` and `Cookie` included, duplicates kept), and
// `loadingFailed` carries Chromium's own CORS verdict (`corsErrorStatus`).
// Only the fields read here are typed: they are plain JSON, as CDP sends them.

import { withRecordingEvidence } from '../recording-evidence';
import { getHeader, trimOws } from '../headers';
import type { Exchange, Header, Hop, Preflight, ResponseRecord } from '../model';
import { isRequestMode } from '../har/cors-lens-tag';
import { originOf } from '../origin';

type HeaderObject = Readonly<Record<string, string>>;

interface CdpRequest {
  readonly url: string;
  readonly urlFragment?: string;
  readonly method: string;
  readonly headers: HeaderObject;
}

interface CdpResponse {
  readonly status: number;
  readonly statusText?: string;
  readonly headers: HeaderObject;
}

export interface RequestWillBeSent {
  readonly requestId: string;
  readonly documentURL?: string;
  readonly request: CdpRequest;
  readonly wallTime: number;
  readonly initiator?: { readonly type: string; readonly requestId?: string };
  readonly redirectResponse?: CdpResponse;
  readonly type?: string;
}

export interface RequestExtraInfo {
  readonly requestId: string;
  readonly headers: HeaderObject;
}

export interface ResponseExtraInfo {
  readonly requestId: string;
  readonly statusCode?: number;
  readonly headers: HeaderObject;
  /** The raw header block: the only place where duplicate header lines survive. */
  readonly headersText?: string;
}

export interface ResponseReceived {
  readonly requestId: string;
  readonly type?: string;
  readonly response: CdpResponse;
}

export interface CorsErrorStatus {
  readonly corsError: string;
  readonly failedParameter: string;
}

export interface LoadingFailed {
  readonly requestId: string;
  readonly errorText: string;
  readonly corsErrorStatus?: CorsErrorStatus;
}

interface HopEvents {
  readonly request: CdpRequest;
  response?: CdpResponse;
}

interface RequestEvents {
  readonly id: string;
  readonly hops: HopEvents[];
  readonly requestExtras: RequestExtraInfo[];
  readonly responseExtras: ResponseExtraInfo[];
  wallTime?: number;
  documentURL?: string;
  type?: string;
  /** The request this one is the preflight of. */
  preflightOf?: string;
  finished?: boolean;
  failure?: LoadingFailed;
}

/** A request the log holds, and Chromium's own CORS verdict on it. */
export interface CdpExchange {
  readonly exchange: Exchange;
  /** `loadingFailed.corsErrorStatus` of the request, or of its preflight. */
  readonly corsErrorStatus?: CorsErrorStatus;
}

const isHttp = (url: string): boolean => url.startsWith('http://') || url.startsWith('https://');

function headerList(headers: HeaderObject): Header[] {
  // CDP joins repeated request headers with "\n" (Network.Headers); split them back into lines.
  return Object.entries(headers).flatMap(([name, value]) => String(value).split('\n').map((v) => ({ name, value: v })));
}

/** `HTTP/1.1 200 OK\r\nName: value\r\n...`: the response headers in wire order, duplicates kept. */
function rawHeaders(text: string): { statusText: string; headers: Header[] } {
  const [statusLine = '', ...lines] = text.split(/\r?\n/);
  const headers: Header[] = [];
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push({ name: line.slice(0, colon), value: trimOws(line.slice(colon + 1)) });
  }
  return { statusText: statusLine.split(' ').slice(2).join(' '), headers };
}

function responseOf(hop: HopEvents, extra: ResponseExtraInfo | undefined): ResponseRecord | undefined {
  if (extra?.headersText) {
    const raw = rawHeaders(extra.headersText);
    return { status: extra.statusCode ?? hop.response?.status ?? 0, ...(raw.statusText ? { statusText: raw.statusText } : {}), headers: raw.headers };
  }
  if (extra) return { status: extra.statusCode ?? hop.response?.status ?? 0, headers: headerList(extra.headers) };
  if (!hop.response) return undefined;
  return { status: hop.response.status, ...(hop.response.statusText ? { statusText: hop.response.statusText } : {}), headers: headerList(hop.response.headers) };
}

/**
 * Each hop's request headers: the `ExtraInfo` of that hop (as sent), or what the page asked for
 * when the request was never sent (refused at its preflight). ExtraInfo events come one per hop,
 * in order, and may arrive before or after their `requestWillBeSent`.
 */
function hopsOf(r: RequestEvents): Hop[] {
  return r.hops.map((hop, i) => {
    const sent = r.requestExtras[i];
    const response = responseOf(hop, r.responseExtras[i]);
    return {
      request: { method: hop.request.method, url: hop.request.url + (hop.request.urlFragment ?? ''), headers: sent ? headerList(sent.headers) : headerList(hop.request.headers) },
      ...(response ? { response } : {}),
    };
  });
}

/** The document's origin; for a request from an opaque or unknown document, its `Origin` header. */
function initiatorOriginOf(r: RequestEvents, first: Hop): string | null {
  const documentOrigin = r.documentURL && isHttp(r.documentURL) ? originOf(r.documentURL) : null;
  if (documentOrigin && documentOrigin !== 'null') return documentOrigin;
  return getHeader(first.request.headers, 'Origin');
}

/**
 * Collects the Network events of one page's CDP session. Feed it every event as it comes
 * (`Network.enable` first); `exchanges()` turns the finished requests into Exchanges.
 */
export class CdpNetworkLog {
  readonly #requests = new Map<string, RequestEvents>();

  #of(id: string): RequestEvents {
    let r = this.#requests.get(id);
    if (!r) {
      r = { id, hops: [], requestExtras: [], responseExtras: [] };
      this.#requests.set(id, r);
    }
    return r;
  }

  requestWillBeSent(e: RequestWillBeSent): void {
    const r = this.#of(e.requestId);
    const previous = r.hops.at(-1);
    if (previous && e.redirectResponse) previous.response = e.redirectResponse;
    r.wallTime ??= e.wallTime;
    r.documentURL ??= e.documentURL;
    r.type ??= e.type;
    if (e.initiator?.type === 'preflight' && e.initiator.requestId !== undefined) r.preflightOf = e.initiator.requestId;
    r.hops.push({ request: e.request });
  }

  requestWillBeSentExtraInfo(e: RequestExtraInfo): void {
    this.#of(e.requestId).requestExtras.push(e);
  }

  responseReceivedExtraInfo(e: ResponseExtraInfo): void {
    this.#of(e.requestId).responseExtras.push(e);
  }

  responseReceived(e: ResponseReceived): void {
    const r = this.#of(e.requestId);
    r.type ??= e.type;
    const hop = r.hops.at(-1);
    if (hop) hop.response = e.response;
  }

  loadingFinished(e: { readonly requestId: string }): void {
    this.#of(e.requestId).finished = true;
  }

  loadingFailed(e: LoadingFailed): void {
    const r = this.#of(e.requestId);
    r.failure = e;
    r.finished = true;
  }

  /** Requests (not preflights) started but neither finished nor failed yet. */
  inFlight(): number {
    let n = 0;
    for (const r of this.#requests.values()) if (r.hops.length > 0 && !r.preflightOf && !r.finished && isHttp(r.hops[0]?.request.url ?? '')) n += 1;
    return n;
  }

  /**
   * Every finished http(s) request as an Exchange, oldest first, with the preflights made for it
   * and the evidence of the whole log (recording-evidence.ts: cookies, cached copies). `browser: 'chromium'`: a
   * Chromium record without an error proves the request was allowed.
   */
  exchanges(): CdpExchange[] {
    const preflights = new Map<string, RequestEvents[]>();
    for (const r of this.#requests.values()) {
      if (r.preflightOf === undefined) continue;
      preflights.set(r.preflightOf, [...(preflights.get(r.preflightOf) ?? []), r]);
    }
    const out: CdpExchange[] = [];
    for (const r of this.#requests.values()) {
      const first = r.hops[0];
      if (!first || r.preflightOf !== undefined || !r.finished || !isHttp(first.request.url)) continue;
      const own = preflights.get(r.id) ?? [];
      const hops = hopsOf(r);
      const mode = getHeader((hops[0] as Hop).request.headers, 'Sec-Fetch-Mode')?.toLowerCase();
      const exchange: Exchange = {
        id: `cdp:${r.id}`,
        initiatorOrigin: initiatorOriginOf(r, hops[0] as Hop),
        hops,
        preflights: own.map(preflightOf),
        ...(r.failure ? { error: r.failure.errorText } : {}),
        ...(isRequestMode(mode) ? { mode } : {}),
        ...(r.type ? { resourceType: r.type.toLowerCase() } : {}),
        startedAt: (r.wallTime ?? 0) * 1000,
        browser: 'chromium',
        ...(r.documentURL ? { documentUrl: r.documentURL } : {}),
      };
      const corsErrorStatus = r.failure?.corsErrorStatus ?? own.find((p) => p.failure?.corsErrorStatus)?.failure?.corsErrorStatus;
      out.push({ exchange, ...(corsErrorStatus ? { corsErrorStatus } : {}) });
    }
    out.sort((a, b) => a.exchange.startedAt - b.exchange.startedAt);
    const annotated = withRecordingEvidence(out.map((x) => x.exchange));
    return out.map((x, i) => ({ ...x, exchange: annotated[i] as Exchange }));
  }
}

function preflightOf(r: RequestEvents): Preflight {
  const hop = hopsOf(r)[0] as Hop;
  return { ...hop, ...(r.failure ? { error: r.failure.errorText } : {}) };
}
