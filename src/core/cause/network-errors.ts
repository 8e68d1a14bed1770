// Which browser errors mean "no HTTP response at all" and which mean "the browser or an extension
// cancelled it". Names: Chromium net/base/net_error_list.h (as webRequest and HAR `_error` give
// them, `net::ERR_*`), Firefox nsError / netwerk error names (webRequest `error`).

export type NetworkErrorKind = 'no-response' | 'blocked-by-client' | 'private-network';

const BLOCKED_BY_CLIENT = [
  'ERR_BLOCKED_BY_CLIENT', // an extension (webRequest blocking, declarativeNetRequest block rule)
  'ERR_BLOCKED_BY_ADMINISTRATOR', // enterprise policy URLBlocklist
  // Firefox: a request an extension cancelled (declarativeNetRequest block, webRequest cancel).
  // Seen in Firefox ESR 153 (test/e2e/causes.e2e.test.ts); the page's own abort is NS_BINDING_ABORTED.
  'NS_ERROR_ABORT',
  'NS_ERROR_BLOCKED_BY_POLICY',
  'NS_ERROR_TRACKING_URI', // Firefox Enhanced Tracking Protection
  'NS_ERROR_FINGERPRINTING_URI',
  'NS_ERROR_CRYPTOMINING_URI',
  'NS_ERROR_SOCIALTRACKING_URI',
  'NS_ERROR_CONTENT_BLOCKED',
];

// Chromium's Private/Local Network Access failures (net_error_list.h).
const PRIVATE_NETWORK = ['ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS', 'ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS'];

const NO_RESPONSE = [
  'ERR_CONNECTION_REFUSED', 'ERR_CONNECTION_RESET', 'ERR_CONNECTION_CLOSED', 'ERR_CONNECTION_ABORTED',
  'ERR_CONNECTION_FAILED', 'ERR_CONNECTION_TIMED_OUT', 'ERR_TIMED_OUT', 'ERR_NAME_NOT_RESOLVED',
  'ERR_NAME_RESOLUTION_FAILED', 'ERR_ADDRESS_UNREACHABLE', 'ERR_ADDRESS_INVALID', 'ERR_INTERNET_DISCONNECTED',
  'ERR_NETWORK_CHANGED', 'ERR_EMPTY_RESPONSE', 'ERR_SSL_PROTOCOL_ERROR', 'ERR_CERT_', 'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_PROXY_CONNECTION_FAILED', 'ERR_HTTP2_PROTOCOL_ERROR', 'ERR_QUIC_PROTOCOL_ERROR', 'ERR_INCOMPLETE_CHUNKED_ENCODING',
  'NS_ERROR_CONNECTION_REFUSED', 'NS_ERROR_NET_RESET', 'NS_ERROR_NET_INTERRUPT', 'NS_ERROR_NET_TIMEOUT',
  'NS_ERROR_UNKNOWN_HOST', 'NS_ERROR_OFFLINE', 'NS_ERROR_NET_PARTIAL_TRANSFER', 'NS_ERROR_PROXY_CONNECTION_REFUSED',
  'NS_ERROR_UNKNOWN_PROXY_HOST', 'NS_ERROR_NET_ON_', 'SSL_ERROR_', 'SEC_ERROR_',
];

function matches(error: string, names: readonly string[]): boolean {
  return names.some((name) => error.includes(name));
}

/** What kind of failure a browser error names; null for CORS errors (`net::ERR_FAILED`) and unknown ones. */
export function networkErrorKind(error: string | undefined): NetworkErrorKind | null {
  if (!error) return null;
  if (matches(error, PRIVATE_NETWORK)) return 'private-network';
  if (matches(error, BLOCKED_BY_CLIENT)) return 'blocked-by-client';
  if (matches(error, NO_RESPONSE)) return 'no-response';
  return null;
}

/** Plain words for the commonest errors, for the message. */
export function describeNetworkError(error: string): string {
  if (/CONNECTION_REFUSED/.test(error)) return 'the connection was refused (nothing listens on that host and port)';
  if (/NAME_NOT_RESOLVED|NAME_RESOLUTION|UNKNOWN_HOST/.test(error)) return 'the host name did not resolve (DNS)';
  if (/TIMED_OUT|TIMEOUT/.test(error)) return 'the connection timed out';
  if (/RESET|CLOSED|ABORTED|INTERRUPT|EMPTY_RESPONSE/.test(error)) return 'the connection was closed before a response arrived';
  if (/CERT|SSL|SEC_ERROR/.test(error)) return 'the TLS connection failed (certificate or protocol)';
  if (/INTERNET_DISCONNECTED|OFFLINE/.test(error)) return 'the browser is offline';
  return 'the request failed at the network level';
}
