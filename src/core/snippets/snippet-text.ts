// Small text helpers shared by the server snippets: string quoting per language and the
// explanatory lines every snippet starts with.

import { type CorsPolicy, SAFELISTED_METHODS } from './cors-policy';

/** JavaScript / Java / C# / Go double-quoted string literal (JSON's escaping is valid in all four). */
export function dq(value: string): string {
  return JSON.stringify(value);
}

/** JavaScript or Python single-quoted literal. */
export function sq(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/[\r\n]/g, '')}'`;
}

export function regexEscape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function list(values: readonly string[], quote: (v: string) => string = sq): string {
  return `[${values.map(quote).join(', ')}]`;
}

/**
 * Why no snippet: the page has an opaque origin (sandboxed iframe, file:, or a request whose
 * cross-origin redirect set `Origin: null`, Fetch §4.4 step 10). Allowing `null` would admit
 * every sandboxed document, so we never suggest it.
 */
export const NO_ORIGIN =
  'This request has no exact origin to allow (Origin: null or unknown). Allowing the null origin or every origin would open the API to any page; change the client instead (avoid the cross-origin redirect or the sandbox).';

/** Why no snippet: the analyzer's note says no header change can fix this exchange. */
export const NO_HEADER_FIX = 'No server configuration can fix this request: change what the note above says instead.';

/** The lines a snippet starts with (comment prefix per language): the note and the no-origin case. */
export function preamble(policy: CorsPolicy, comment: string): string[] {
  const lines: string[] = [];
  if (policy.note) lines.push(`${comment} Note: ${oneLine(policy.note)}`);
  if (!policy.origin) lines.push(`${comment} ${policy.pageOrigin === null ? NO_ORIGIN : NO_HEADER_FIX}`);
  return lines;
}

export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

/** The exact headers the OPTIONS and the actual response need, in wire form. */
export function preflightHeaders(policy: CorsPolicy): [string, string][] {
  if (!policy.origin || !policy.preflight) return [];
  const out: [string, string][] = [['Access-Control-Allow-Origin', policy.origin]];
  // CORS-safelisted methods always pass the method check (Fetch §4.8 step 7), so only the others are listed.
  const methods = policy.methods.filter((m) => !SAFELISTED_METHODS.has(m));
  if (methods.length) out.push(['Access-Control-Allow-Methods', methods.join(', ')]);
  if (policy.allowHeaders.length) out.push(['Access-Control-Allow-Headers', policy.allowHeaders.join(', ')]);
  if (policy.credentials) out.push(['Access-Control-Allow-Credentials', 'true']);
  if (policy.maxAge !== null) out.push(['Access-Control-Max-Age', String(policy.maxAge)]);
  out.push(['Vary', 'Origin']);
  return out;
}

export function responseHeaders(policy: CorsPolicy): [string, string][] {
  if (!policy.origin) return [];
  const out: [string, string][] = [['Access-Control-Allow-Origin', policy.origin]];
  if (policy.credentials) out.push(['Access-Control-Allow-Credentials', 'true']);
  if (policy.exposeHeaders.length) out.push(['Access-Control-Expose-Headers', policy.exposeHeaders.join(', ')]);
  // An exact origin varies per request: caches must key on Origin (Fetch §3.2.5 / CORS protocol and HTTP caches).
  out.push(['Vary', 'Origin']);
  return out;
}
