// "Copy as cURL" for the preflight and the actual request, so a backend developer can reproduce
// the exchange without a browser. Header values may be secret (Cookie, Authorization): redacted
// unless the caller opts out, the same rule as HAR export.
import type { Exchange, Header } from '../model';
import { REDACTED, isSecretHeader, redactUrl } from '../redact';

// Set by curl itself or meaningless outside the original connection.
const SKIP = new Set(['host', 'connection', 'content-length', 'keep-alive', 'transfer-encoding', 'te', 'upgrade']);

/** POSIX shell single quoting; control characters cannot be pasted safely, so they become spaces. */
export function shellQuote(value: string): string {
  return `'${value.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/'/g, `'\\''`)}'`;
}

function headerArgs(headers: readonly Header[], redact: boolean): string[] {
  return headers
    .filter((h) => !SKIP.has(h.name.toLowerCase()) && !h.name.startsWith(':'))
    .map((h) => `-H ${shellQuote(`${h.name}: ${redact ? (isSecretHeader(h.name) ? REDACTED : redactUrl(h.value)) : h.value}`)}`);
}

function command(method: string, url: string, headers: readonly Header[], redact: boolean): string {
  return ['curl -i', `-X ${shellQuote(method)}`, shellQuote(redact ? redactUrl(url) : url), ...headerArgs(headers, redact)].join(' \\\n  ');
}

/** The actual request's first hop. */
export function requestCurl(exchange: Exchange, options: { redact: boolean } = { redact: true }): string {
  const first = exchange.hops[0];
  if (!first) return '';
  const headers = [...first.request.headers];
  if (exchange.initiatorOrigin && !headers.some((h) => h.name.toLowerCase() === 'origin')) {
    headers.push({ name: 'Origin', value: exchange.initiatorOrigin });
  }
  return command(first.request.method, first.request.url, headers, options.redact);
}

/**
 * The preflight as recorded, or, when none was seen (preflight cache, or the browser did not show
 * it), the one the browser would send: Fetch §4.8 steps 1-4 (Origin, Access-Control-Request-Method,
 * Access-Control-Request-Headers with the sorted, lowercased names). Null when no preflight applies.
 */
export function preflightCurl(exchange: Exchange, requestHeaders: readonly string[], options: { redact: boolean } = { redact: true }): string | null {
  const recorded = exchange.preflights[0];
  if (recorded) return command('OPTIONS', recorded.request.url, recorded.request.headers, options.redact);
  const first = exchange.hops[0];
  if (!first || !exchange.initiatorOrigin) return null;
  const headers: Header[] = [
    { name: 'Origin', value: exchange.initiatorOrigin },
    { name: 'Access-Control-Request-Method', value: first.request.method },
  ];
  const names = [...new Set(requestHeaders.map((n) => n.toLowerCase()))].sort();
  if (names.length) headers.push({ name: 'Access-Control-Request-Headers', value: names.join(',') });
  return command('OPTIONS', first.request.url, headers, options.redact);
}
