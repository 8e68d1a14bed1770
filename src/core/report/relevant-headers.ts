// Which headers a server owner needs to see to act on a CORS failure: the ones CORS reads
// (Fetch §3.2.2-3.2.3: Origin, Access-Control-*, credentials) and the one the failure names.
// Everything else in a recorded exchange (Accept-Language, caching, ...) is noise in a report.

import type { Header } from '../model';

const REQUEST = new Set(['origin', 'cookie', 'authorization', 'content-type', 'sec-fetch-mode', 'sec-fetch-site', 'sec-fetch-dest', 'access-control-request-method', 'access-control-request-headers', 'access-control-request-private-network']);
const RESPONSE_EXTRA = new Set(['vary', 'location', 'set-cookie']);

export function relevantRequestHeaders(headers: readonly Header[], alsoNamed: readonly string[] = []): Header[] {
  const extra = new Set(alsoNamed.map((n) => n.toLowerCase()));
  return headers.filter((h) => REQUEST.has(h.name.toLowerCase()) || extra.has(h.name.toLowerCase()));
}

export function relevantResponseHeaders(headers: readonly Header[], alsoNamed: readonly string[] = []): Header[] {
  const extra = new Set(alsoNamed.map((n) => n.toLowerCase()));
  return headers.filter((h) => {
    const name = h.name.toLowerCase();
    return name.startsWith('access-control-') || RESPONSE_EXTRA.has(name) || extra.has(name);
  });
}

/** Non-safelisted request headers the page set, as its preflight announced them. */
export function announcedHeaders(preflightHeaders: readonly Header[]): string[] {
  const value = preflightHeaders.find((h) => h.name.toLowerCase() === 'access-control-request-headers')?.value ?? '';
  return value.split(',').map((n) => n.trim()).filter((n) => n !== '');
}
