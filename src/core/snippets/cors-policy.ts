// Turns a Fix plus exchange facts into one normalised CORS policy that each server snippet
// renders. Values come from recorded traffic, i.e. from possibly hostile pages and servers, and
// end up pasted into config files: anything that is not a valid origin / token is dropped here,
// so no snippet can be used to inject configuration.

import type { Header } from '../model';
import type { SnippetInput } from './snippet-input';

export interface CorsPolicy {
  /**
   * Exact serialised origin; null when the exchange has none we may name (never `*` or `null`),
   * or when no header change can fix it (then there is nothing to configure).
   */
  readonly origin: string | null;
  /** The page's exact origin, whether or not a configuration can help it. */
  readonly pageOrigin: string | null;
  readonly methods: readonly string[];
  readonly allowHeaders: readonly string[];
  readonly exposeHeaders: readonly string[];
  readonly credentials: boolean;
  readonly maxAge: number | null;
  /** True when the server must answer an OPTIONS preflight (non-safelisted method or headers). */
  readonly preflight: boolean;
  readonly preflightStatus: number | null;
  readonly path: string;
  readonly note: string | null;
}

// RFC 9110 §5.6.2 token: what a method or header name may be.
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// Fetch §2.2.1: CORS-safelisted methods never need Access-Control-Allow-Methods.
export const SAFELISTED_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST']);

export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** The exact serialised origin, or null for opaque (`null`), wildcard or malformed input. */
export function exactOrigin(value: string | null | undefined): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  try {
    const url = new URL(trimmed);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return url.origin === trimmed ? trimmed : null;
  } catch {
    return null;
  }
}

function headerValue(headers: readonly Header[] | null, name: string): string | null {
  if (!headers) return null;
  const lower = name.toLowerCase();
  const found = headers.find((h) => h.name.toLowerCase() === lower);
  return found ? found.value : null;
}

function splitList(value: string | null): string[] {
  if (!value) return [];
  return value.split(',').map((v) => v.trim()).filter((v) => v !== '' && v !== '*' && isToken(v));
}

/** Union keeping first spelling; `caseless` for header names (methods are case-sensitive). */
function union(values: readonly string[], caseless: boolean): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = caseless ? v.toLowerCase() : v;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(v);
  }
  return out;
}

function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return '/';
  }
}

export function corsPolicy({ fix, facts }: SnippetInput): CorsPolicy {
  const fixHeaders = [...(fix.preflight ?? []), ...(fix.response ?? [])];
  const fixOrigin = exactOrigin(headerValue(fixHeaders, 'Access-Control-Allow-Origin'));
  const methodsFromFix = splitList(headerValue(fix.preflight, 'Access-Control-Allow-Methods'));
  const method = isToken(facts.method) ? [facts.method] : [];
  const methods = union([...methodsFromFix, ...method], false);
  const allowHeaders = union(
    [...splitList(headerValue(fix.preflight, 'Access-Control-Allow-Headers')), ...facts.requestHeaders.filter(isToken)],
    true,
  );
  const exposeHeaders = union(splitList(headerValue(fix.response, 'Access-Control-Expose-Headers')), true);
  const credentials = facts.credentials || headerValue(fixHeaders, 'Access-Control-Allow-Credentials') === 'true';
  const fixMaxAge = Number(headerValue(fix.preflight, 'Access-Control-Max-Age'));
  const maxAge = facts.maxAge ?? (Number.isInteger(fixMaxAge) && fixMaxAge > 0 ? fixMaxAge : null);
  // The analyzer found no header change that helps (a redirected preflight, an Origin made `null`
  // by a redirect, credentials in a redirect URL): a config allowing the page would only mislead.
  const headerFix = fix.preflight !== null || fix.response !== null || fix.preflightStatus !== null || fix.note === undefined;
  const pageOrigin = exactOrigin(facts.origin);
  const preflight =
    fix.preflight !== null || fix.preflightStatus !== null || allowHeaders.length > 0 || methods.some((m) => !SAFELISTED_METHODS.has(m));
  return {
    origin: headerFix ? (fixOrigin ?? pageOrigin) : null,
    pageOrigin,
    methods,
    allowHeaders,
    exposeHeaders,
    credentials,
    maxAge,
    preflight,
    preflightStatus: fix.preflightStatus,
    path: pathOf(facts.url),
    note: fix.note ?? null,
  };
}
