// The minimal server change that makes a blocked exchange pass: keep what the server already
// allows, add exactly what this exchange needs, name the exact origin (never reflect-all, never
// `null`), and add `Vary: Origin` whenever the allowed origin is a specific one (Fetch §3.2.5
// "CORS protocol and HTTP caches").

import type { Fix, Reason } from './analysis';
import { includesName, isOkStatus } from './fetch/preflight-check';
import { isCorsSafelistedMethod } from './fetch/methods';
import { parseTokenList } from './fetch/token-list';
import { getHeader, header, lowerCaseName, splitList } from './headers';
import type { Header, ResponseRecord } from './model';

export interface FixContext {
  readonly reason: Reason;
  readonly origin: string;
  readonly withCredentials: boolean;
  readonly method: string;
  readonly unsafeHeaders: readonly string[];
  readonly url: string;
  readonly preflightResponse: ResponseRecord | undefined;
  /** The response the actual-request check ran on; undefined when it was never seen. */
  readonly actualResponse: ResponseRecord | undefined;
  readonly actualPasses: boolean;
}

export const NO_FIX: Fix = { preflight: null, preflightStatus: null, response: null };

const NO_TOKENS: readonly string[] = Object.freeze([]);

function includesToken(items: readonly string[], token: string, caseInsensitive: boolean): boolean {
  return caseInsensitive ? includesName(items, lowerCaseName(token)) : items.includes(token);
}

/** The value of a list header: what `existing` already allows, then each `needed` token it lacks. */
function mergeTokens(existing: string | null, needed: readonly string[], withCredentials: boolean, caseInsensitive: boolean): string {
  const parsed = parseTokenList(existing);
  const items = parsed.ok ? parsed.items : NO_TOKENS;
  // With credentials `*` is taken literally (Fetch §3.2.3), so it is no use: list names instead.
  const kept = withCredentials && items.includes('*') ? items.filter((t) => t !== '*') : items;
  let value = kept.join(', ');
  if (kept.includes('*') && !withCredentials) return value;
  let empty = kept.length === 0;
  for (const n of needed) {
    if (includesToken(kept, n, caseInsensitive)) continue;
    value = empty ? n : `${value}, ${n}`;
    empty = false;
  }
  return value;
}

// Responses repeat the same few Vary values (most often none, or `Origin`): each answer is
// worked out once per value.
const VARY_CACHE_LIMIT = 1024;
const varyValues = new Map<string, string>();

/** The response's Vary with `Origin` added when it does not vary by it already. */
function varyWithOrigin(response: ResponseRecord | undefined): string {
  const vary = response ? getHeader(response.headers, 'Vary') : null;
  if (vary === null) return 'Origin';
  const known = varyValues.get(vary);
  if (known !== undefined) return known;
  const items = splitList(vary);
  const value = items.some((v) => v === '*' || lowerCaseName(v) === 'origin') ? items.join(', ') : [...items, 'Origin'].join(', ');
  if (varyValues.size >= VARY_CACHE_LIMIT) varyValues.clear();
  varyValues.set(vary, value);
  return value;
}

function accessHeaders(ctx: FixContext, response: ResponseRecord | undefined): Header[] {
  const existing = response ? getHeader(response.headers, 'Access-Control-Allow-Origin') : null;
  // Keep a working `*` when no credentials are involved: narrowing it is not our call.
  if (existing === '*' && !ctx.withCredentials) return [header('Access-Control-Allow-Origin', '*')];
  const out = [header('Access-Control-Allow-Origin', ctx.origin)];
  if (ctx.withCredentials) out.push(header('Access-Control-Allow-Credentials', 'true'));
  return out;
}

/** `Vary: Origin` goes with any response that names one origin (listed last, it is the least surprising). */
function withVary(headers: Header[], response: ResponseRecord | undefined): Header[] {
  const named = headers.some((h) => h.name === 'Access-Control-Allow-Origin' && h.value !== '*');
  if (named) headers.push(header('Vary', varyWithOrigin(response)));
  return headers;
}

const unparsable = (value: string | null): boolean => value !== null && !parseTokenList(value).ok;

function preflightHeaders(ctx: FixContext): Header[] {
  const res = ctx.preflightResponse;
  const out = accessHeaders(ctx, res);
  const methods = res ? getHeader(res.headers, 'Access-Control-Allow-Methods') : null;
  const names = res ? getHeader(res.headers, 'Access-Control-Allow-Headers') : null;
  // A value that does not parse fails the preflight whatever the request (Fetch §4.8 step 7.3,
  // fixture preflight-methods-invalid-token): the fix replaces it, or applying the fix still fails.
  // Methods are listed exactly as sent: they compare case-sensitively.
  if (!isCorsSafelistedMethod(ctx.method) || unparsable(methods)) {
    out.push(header('Access-Control-Allow-Methods', mergeTokens(methods, [ctx.method], ctx.withCredentials, false)));
  }
  if (ctx.unsafeHeaders.length > 0 || unparsable(names)) {
    out.push(header('Access-Control-Allow-Headers', mergeTokens(names, ctx.unsafeHeaders, ctx.withCredentials, true)));
  }
  return withVary(out, res);
}

// Failures of the request itself, not of a response: no response header can change them.
const NOTES: Partial<Record<Reason['code'], string>> = {
  'redirect-invalid-location': 'No header can fix this: redirect only to http(s) URLs, or call the final URL directly.',
  'redirect-disallowed-credentials-in-url': 'No header can fix this: a CORS request may not be redirected to a URL with a user name or password (Fetch §4.4 step 9); remove them from the redirect Location, or call the final URL directly.',
  'failure-not-recorded': "The headers to change are not in this recording. Run the test with CORS Lens's Playwright fixture (import { test } from 'cors-lens/playwright'): it reads Chromium's own CORS error and the headers of the preflight and the response, and names the headers the server must send.",
  'disallowed-by-mode': "No header can fix this: the page asked for mode 'same-origin' (Fetch §4.1 step 12); use mode 'cors' (the default) to call another origin.",
};

export const LOCAL_NETWORK_ACCESS_FIX: Fix = {
  ...NO_FIX,
  note: 'No CORS header fixes this. The user must allow local network access when Chromium asks (site settings), or serve the API from the same address space as the page; an iframe needs allow="local-network-access" from its parent.',
};

export const BROWSER_ERROR_FIX: Fix = {
  ...NO_FIX,
  note: 'The recorded headers pass. If a public page calls a private or loopback address, Chromium asks the user for Local Network Access permission; otherwise look for a proxy or extension that changes the response.',
};

function nullOriginNote(ctx: FixContext): string {
  const why = ctx.reason.hop > 0
    ? `the request reached ${ctx.url} through a cross-origin redirect, so its Origin is "null" (Fetch §4.4 step 10).`
    : 'the page has an opaque origin (a sandboxed iframe, a data: or file: document), so its Origin is "null".';
  const instead = ctx.reason.hop > 0 ? `have the page call ${ctx.url} directly, or keep the redirect on the first server's origin` : 'serve the page from a real origin';
  return `No header change can fix this safely: ${why} Allowing "null" would let any sandboxed page read the response: ${instead}.`;
}

function preflightRedirectNote(ctx: FixContext): string {
  const location = ctx.preflightResponse ? getHeader(ctx.preflightResponse.headers, 'Location') : null;
  const target = location ? ` (to ${location})` : '';
  return `No header change can fix this: the preflight was redirected${target}, and a preflight never follows redirects (Fetch §4.8, redirect mode "manual"). Have the page call the final URL directly, or stop redirecting OPTIONS ${ctx.url} and answer it there with a 2xx and the CORS headers.`;
}

const allowsAny = (response: ResponseRecord | undefined): boolean => response !== undefined && getHeader(response.headers, 'Access-Control-Allow-Origin')?.trim() === '*';

/**
 * With `Origin: null` (after a cross-origin redirect) the fix must not name "null"; but where every
 * response at fault already allows `*` without credentials, the fix keeps `*` and only adds what is
 * missing (fixture redirect-preflighted-json-307-cross-origin: the target's preflight allows `*` but
 * not Content-Type).
 */
function wildcardCovers(ctx: FixContext): boolean {
  if (ctx.withCredentials) return false;
  // An actual request never sent (its preflight failed) has no response to judge yet.
  const actualOk = ctx.actualPasses || ctx.actualResponse === undefined || allowsAny(ctx.actualResponse);
  return ctx.reason.stage === 'preflight' ? allowsAny(ctx.preflightResponse) && actualOk : allowsAny(ctx.actualResponse);
}

export function computeFix(ctx: FixContext): Fix {
  const note = NOTES[ctx.reason.code];
  if (note) return { ...NO_FIX, note };
  if (ctx.origin === 'null' && !wildcardCovers(ctx)) return { ...NO_FIX, note: nullOriginNote(ctx) };
  if (ctx.reason.code === 'preflight-redirect') return { ...NO_FIX, note: preflightRedirectNote(ctx) };
  // With Origin "null" only a `*` already there is kept; nothing is suggested for a response not yet seen.
  const unseen = ctx.origin === 'null' && ctx.actualResponse === undefined;
  const response = ctx.actualPasses || unseen ? null : withVary(accessHeaders(ctx, ctx.actualResponse), ctx.actualResponse);
  if (ctx.reason.stage !== 'preflight') return { preflight: null, preflightStatus: null, response };
  const status = ctx.preflightResponse?.status;
  const statusWrong = status === undefined || !isOkStatus(status);
  return { preflight: preflightHeaders(ctx), preflightStatus: statusWrong ? 204 : null, response };
}

/**
 * The fix for a walk's first failure. Failures found before any response was checked (the
 * redirect Location rules, the request mode) carry no FixContext but still deserve their note.
 */
export function fixForFailure(failure: Reason | null, ctx: FixContext | null): Fix {
  if (ctx) return computeFix(ctx);
  const note = failure ? NOTES[failure.code] : undefined;
  return note ? { ...NO_FIX, note } : NO_FIX;
}
