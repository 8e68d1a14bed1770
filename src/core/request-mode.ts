// The request's mode (Fetch §2.2.5) and credentials mode, which webRequest and HAR do not carry
// directly: we read what the wire shows and say how sure we are.

import { getHeader, hasHeader } from './headers';
import type { Exchange, RequestMode } from './model';
import { originOf } from './origin';

const MODES = new Set<string>(['cors', 'no-cors', 'navigate', 'same-origin', 'websocket']);
const NAVIGATION_TYPES = new Set(['main_frame', 'sub_frame', 'document', 'iframe', 'frame', 'object']);
const SCRIPTED_TYPES = new Set(['xmlhttprequest', 'xhr', 'fetch', 'eventsource']);

/** `Sec-Fetch-Mode` when sent (both browsers send it), else a guess from resource type and `Origin`. */
export function requestMode(exchange: Exchange): RequestMode {
  if (exchange.mode) return exchange.mode;
  const first = exchange.hops[0]?.request;
  if (!first) return 'cors';
  const sent = getHeader(first.headers, 'Sec-Fetch-Mode')?.toLowerCase();
  if (sent && MODES.has(sent)) return sent as RequestMode;
  const type = exchange.resourceType?.toLowerCase() ?? '';
  if (NAVIGATION_TYPES.has(type)) return 'navigate';
  if (type === 'websocket' || isWebSocketHandshake(exchange)) return 'websocket';
  // `navigator.sendBeacon` with a CORS-safelisted body is a no-cors fetch that carries `Origin`
  // (Fetch §3.1: every POST does); Chrome DevTools names it `ping` (Beacon API, "keepalive").
  if (type === 'ping' || type === 'beacon') return 'no-cors';
  const dest = getHeader(first.headers, 'Sec-Fetch-Dest')?.toLowerCase();
  if (dest !== undefined && NAVIGATION_TYPES.has(dest)) return 'navigate';
  // Browsers send `Accept: text/html,…` only when fetching a document (Fetch §4.1 "fetch", the
  // default Accept by destination); scripts' fetch and XHR send `*/*`. A form POST recorded without
  // Fetch Metadata or a type (old Firefox) is a navigation, whatever `Origin` it carries.
  if (type === '' && dest === undefined && getHeader(first.headers, 'Accept')?.trim().toLowerCase().startsWith('text/html')) return 'navigate';
  if (hasHeader(first.headers, 'Origin')) return 'cors';
  // Only a cors-mode request is preflighted (Fetch §4.1 main fetch step 12); Chrome may log the
  // request it never sent with provisional headers, without Origin.
  if (exchange.preflights.length > 0) return 'cors';
  if (sentWithoutOriginCrossOrigin(exchange)) return 'no-cors';
  if (SCRIPTED_TYPES.has(type)) return 'cors';
  // A request that never got an answer may be logged with provisional headers (no Origin even in
  // cors mode: Chromium's Local Network Access refusal, fixture private-network-from-public-document):
  // its missing Origin says nothing, and in cors mode the walk says what is missing.
  if (!exchange.hops[0]?.response && !WIRE_ONLY.some((name) => hasHeader(first.headers, name))) return 'cors';
  // A cross-origin GET without Origin from an <img>, <script> or <link> is a no-cors fetch.
  return first.method === 'GET' || first.method === 'HEAD' ? 'no-cors' : 'cors';
}

/**
 * The WebSocket opening handshake (RFC 6455 §4.1): `Upgrade: websocket` on the request, 101 back.
 * It carries `Origin`, but no CORS check applies (Fetch §7, "establish a WebSocket connection").
 */
function isWebSocketHandshake(exchange: Exchange): boolean {
  const hop = exchange.hops[0];
  if (!hop) return false;
  return getHeader(hop.request.headers, 'Upgrade')?.trim().toLowerCase() === 'websocket' || hop.response?.status === 101;
}

/**
 * Headers only the network layer adds: their presence shows the record holds the headers as sent,
 * not the provisional ones Chrome DevTools logs for a request it has not sent (which lack `Origin`
 * even for a CORS request).
 */
const WIRE_ONLY = ['Accept-Encoding', 'Host'];

/**
 * Fetch §3.1 ("append a request Origin header"): a cors-mode request always carries `Origin`, so a
 * cross-origin request that reached the server with its wire headers and no `Origin` was not in
 * cors mode (a `mode: 'no-cors'` fetch keeps `_resourceType: fetch` in Chrome DevTools' HAR: the
 * `*-over-http` shapes of test/fixtures/input-shapes.ts).
 */
function sentWithoutOriginCrossOrigin(exchange: Exchange): boolean {
  const hop = exchange.hops[0];
  if (!hop?.response || !exchange.initiatorOrigin) return false;
  if (originOf(hop.request.url) === exchange.initiatorOrigin) return false;
  return WIRE_ONLY.some((name) => hasHeader(hop.request.headers, name));
}

/**
 * Credentials mode is not in webRequest or HAR. A `Cookie` header on a cross-origin hop proves
 * `include` (the default mode, `same-origin`, sends cookies only to the page's own origin, as on
 * the first hop of a same-origin request that is later redirected away); its absence proves
 * nothing by itself, since a credentialed request to a host without cookies sends none.
 */
export function sentCookiesCrossOrigin(exchange: Exchange, initiator: string): boolean {
  // Most hops send no Cookie: that test is the cheaper, so it comes first.
  return exchange.hops.some((hop) => hasHeader(hop.request.headers, 'Cookie') && originOf(hop.request.url) !== initiator);
}
