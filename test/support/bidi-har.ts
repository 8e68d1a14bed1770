// Builds HAR entries for Firefox from two honest sources: puppeteer's WebDriver BiDi network
// events of the page (which requests Firefox made, preflights included, in its order; failures
// with Firefox's error text) and the scenario server's own log (the exact header lines on the
// wire, both ways: BiDi lower-cases names and merges duplicate lines). A request Firefox reported
// but never put on the wire (its preflight failed) keeps BiDi's headers and gets status 0.
// Nothing is added that Firefox did not report.

import type { HTTPRequest, Page } from 'puppeteer-core';
import type { LoggedRequest } from '../server/request-log';
import { type HarEntry, type HarHeader, headerValue, queryStringOf } from './har';

interface HopEvent {
  readonly request: HTTPRequest;
  readonly startedAt: number;
  endedAt?: number;
  failure?: string;
}

export class BidiHarRecorder {
  readonly #hops: HopEvent[] = [];
  readonly #byRequest = new Map<HTTPRequest, HopEvent>();

  constructor(page: Page) {
    page.on('request', (request) => {
      const hop: HopEvent = { request, startedAt: Date.now() };
      this.#hops.push(hop);
      this.#byRequest.set(request, hop);
    });
    const end = (request: HTTPRequest): HopEvent | undefined => {
      const hop = this.#byRequest.get(request);
      if (hop) hop.endedAt = Date.now();
      return hop;
    };
    page.on('requestfinished', (request) => end(request));
    page.on('requestfailed', (request) => {
      const hop = end(request);
      if (hop) hop.failure = request.failure()?.errorText ?? 'failed';
    });
  }

  /** Entries for hops whose URL matches, wire headers taken from `wire` (the server log) when found there. */
  entries(match: (url: string) => boolean, wire: readonly LoggedRequest[]): HarEntry[] {
    const unused = [...wire];
    const out: HarEntry[] = [];
    for (const hop of this.#hops) {
      const url = hop.request.url();
      if (!match(url)) continue;
      const method = hop.request.method();
      const at = unused.findIndex((w) => w.method === method && w.url === url);
      const logged = at >= 0 ? unused.splice(at, 1)[0] : undefined;
      out.push(entryOf(hop, logged));
    }
    return out;
  }
}

function fromObject(obj: Record<string, string>): HarHeader[] {
  return Object.entries(obj).map(([name, value]) => ({ name, value }));
}

function entryOf(hop: HopEvent, logged: LoggedRequest | undefined): HarEntry {
  const r = hop.request;
  const response = r.response();
  const requestHeaders = logged ? logged.headers.map(([name, value]) => ({ name, value })) : fromObject(r.headers());
  let responseHeaders: HarHeader[] = [];
  if (response && logged?.answer) {
    // Our own lines, exactly as written; then what Node added itself (Date, Connection, ...), as Firefox saw it.
    const ours = logged.answer.headers.map(([name, value]) => ({ name, value }));
    const names = new Set(ours.map((h) => h.name.toLowerCase()));
    responseHeaders = [...ours, ...fromObject(response.headers()).filter((h) => !names.has(h.name))];
  } else if (response) {
    responseHeaders = fromObject(response.headers());
  }
  const status = response?.status() ?? 0;
  const body = postDataOf(r);
  const time = hop.endedAt !== undefined ? hop.endedAt - hop.startedAt : 0;
  return {
    startedDateTime: new Date(hop.startedAt).toISOString(),
    time,
    request: {
      method: r.method(),
      url: r.url(),
      httpVersion: 'HTTP/1.1',
      headers: requestHeaders,
      queryString: queryStringOf(r.url()),
      cookies: [],
      headersSize: -1,
      bodySize: body !== undefined ? Buffer.byteLength(body) : 0,
      ...(body !== undefined ? { postData: { mimeType: headerValue(requestHeaders, 'content-type') ?? '', text: body } } : {}),
    },
    response: {
      status,
      statusText: response?.statusText() ?? '',
      httpVersion: status === 0 ? '' : 'HTTP/1.1',
      headers: responseHeaders,
      cookies: [],
      content: { size: 0, mimeType: headerValue(responseHeaders, 'content-type') ?? '' },
      redirectURL: headerValue(responseHeaders, 'location') ?? '',
      headersSize: -1,
      bodySize: -1,
      ...(hop.failure !== undefined ? { _error: hop.failure } : {}),
    },
    cache: {},
    timings: { send: 0, wait: time, receive: 0 },
  };
}

/** Puppeteer's BiDi backend may not support every accessor; a missing body is not an error. */
function postDataOf(r: HTTPRequest): string | undefined {
  try {
    return r.postData();
  } catch {
    return undefined;
  }
}
