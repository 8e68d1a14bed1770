// The analyzer: one exchange in, its CORS verdict out. Pure and total: it never throws, whatever
// the recorded headers, statuses or URLs (see analyze.property.test.ts).

import type { Analysis, CredentialsMode, Reason, Warning } from './analysis';
import { walkExchange, type WalkResult } from './exchange-walk';
import { addressSpaceOfUrl, needsLocalNetworkAccess } from './address-space';
import { BROWSER_ERROR_FIX, fixForFailure, LOCAL_NETWORK_ACCESS_FIX, NO_FIX } from './fix';
import { getHeader } from './headers';
import { likelyVerdict, type Likely } from './likely';
import type { Exchange } from './model';
import { originOf } from './origin';
import { reason } from './reasons';
import { isCorsError } from './network-failure';
import { requestMode, sentCookiesCrossOrigin } from './request-mode';
import { collectWarnings, NO_WARNINGS } from './warnings';

/** The origin of the document that made the request, from the record or the `Origin` it sent. */
export function initiatorOrigin(exchange: Exchange): string | null {
  if (exchange.initiatorOrigin) return exchange.initiatorOrigin;
  const sent = exchange.hops[0] ? getHeader(exchange.hops[0].request.headers, 'Origin') : null;
  return sent && sent !== 'null' ? sent : null;
}

/** True when some hop goes to another origin than the page's: the exchanges CORS Lens keeps. */
export function isCrossOrigin(exchange: Exchange): boolean {
  const initiator = initiatorOrigin(exchange);
  if (initiator === null) return false;
  return exchange.hops.some((hop) => originOf(hop.request.url) !== initiator);
}

/** Shared by every analysis that has none (frozen: nothing may add to them). */
const NO_REASONS: readonly Reason[] = Object.freeze([]);

function base(type: Analysis['type'], warnings: readonly Warning[] = NO_WARNINGS): Analysis {
  return { type, verdict: 'allowed', reasons: NO_REASONS, fix: NO_FIX, warnings, credentials: 'unknown', requestOrigin: null };
}

/** What an undecided verdict hinges on, and which way it most likely goes. */
interface Undecided {
  readonly dependsOn: string;
  readonly likely: Likely | null;
}

/**
 * The analysis of one walk, built as one object literal (the key order is the `--json` output's).
 * `undecided` makes the verdict `unknown` whatever the walk found.
 */
function fromWalk(exchange: Exchange, walk: WalkResult, credentials: CredentialsMode, withCredentials: boolean, undecided?: Undecided): Analysis {
  const warnings = collectWarnings({ exchange, walk, withCredentials });
  let verdict: Analysis['verdict'] = 'allowed';
  if (walk.type === 'simple' || walk.type === 'preflighted') verdict = walk.incomplete ? 'unknown' : walk.failure ? 'blocked' : 'allowed';
  const type = walk.type;
  const reasons = verdict === 'blocked' && walk.failure ? [walk.failure] : NO_REASONS;
  const fix = verdict === 'blocked' ? fixForFailure(walk.failure, walk.fix) : NO_FIX;
  const requestOrigin = walk.origin;
  if (undecided) {
    const { dependsOn, likely } = undecided;
    return likely
      ? { type, verdict: 'unknown', reasons, fix, warnings, credentials, requestOrigin, dependsOn, likely: likely.likely, likelyBecause: likely.likelyBecause }
      : { type, verdict: 'unknown', reasons, fix, warnings, credentials, requestOrigin, dependsOn };
  }
  if (verdict === 'unknown' && walk.incomplete) return { type, verdict, reasons, fix, warnings, credentials, requestOrigin, dependsOn: walk.incomplete };
  return { type, verdict, reasons, fix, warnings, credentials, requestOrigin };
}

function withoutDependsOn(analysis: Analysis): Analysis {
  const { dependsOn: _unused, ...rest } = analysis;
  return rest;
}

/**
 * Chromium refuses a request from a more public document to a more local address unless the
 * user allowed Local Network Access; the request then fails with no response at all. Firefox
 * does not enforce it (fixture private-network-from-public-document resolves there).
 */
function localNetworkAccessReason(exchange: Exchange): Reason | null {
  const from = exchange.initiatorAddressSpace;
  if (!from || exchange.browser === 'firefox') return null;
  const i = exchange.hops.findIndex((hop) => !hop.response);
  const hop = exchange.hops[i];
  const to = hop ? addressSpaceOfUrl(hop.request.url) : null;
  if (!hop || !to || !needsLocalNetworkAccess(from, to)) return null;
  const host = originOf(hop.request.url) ?? hop.request.url;
  const params = { origin: exchange.initiatorOrigin ?? '', value: `${host} (${to})`, method: hop.request.method, status: 0 };
  return reason({ code: 'local-network-access', stage: 'request', hop: i, params, failedParameter: '' });
}

/** Where the headers and the browser's own outcome disagree, the browser is right; say so loudly. */
function reconcileWithBrowser(exchange: Exchange, analysis: Analysis): Analysis {
  const lastHop = exchange.hops[exchange.hops.length - 1];
  const corsError = isCorsError(exchange.error);
  if (analysis.type !== 'simple' && analysis.type !== 'preflighted') return analysis;
  if ((analysis.verdict === 'allowed' || analysis.dependsOn !== undefined) && analysis.reasons.length === 0 && corsError) {
    const lna = localNetworkAccessReason(exchange);
    if (lna) return { ...withoutDependsOn(analysis), verdict: 'blocked', reasons: [lna], fix: LOCAL_NETWORK_ACCESS_FIX };
    const origin = analysis.requestOrigin ?? '';
    const params = { origin, value: exchange.error ?? '', method: lastHop?.request.method ?? '', status: lastHop?.response?.status ?? 0 };
    const r = reason({ code: 'browser-reported-error', stage: 'response', hop: exchange.hops.length - 1, params });
    return { ...withoutDependsOn(analysis), verdict: 'blocked', reasons: [r], fix: BROWSER_ERROR_FIX };
  }
  if (analysis.verdict === 'blocked' && exchange.browser === 'chromium' && !exchange.error && lastHop?.response) {
    const first = analysis.reasons[0];
    const warning: Warning = {
      code: 'browser-disagrees', severity: 'high', header: first?.header ?? '',
      message: `Chromium completed this request, but CORS Lens expected it to be blocked (${first?.message ?? 'unknown'}). This is a CORS Lens bug: please report it on the CORS Lens issue tracker with this exchange attached (Export HAR, or cors-lens analyze --json; both redact cookies and credentials by default).`,
    };
    return { ...analysis, verdict: 'allowed', reasons: [], fix: NO_FIX, warnings: [...analysis.warnings, warning] };
  }
  if (exchange.error && !corsError) {
    return { ...analysis, warnings: [...analysis.warnings, { code: 'request-error', severity: 'info', header: '', message: `The request ended with ${exchange.error}, which is not a CORS error (aborted, blocked by an extension, or a network failure).` }] };
  }
  return analysis;
}

export function analyzeExchange(exchange: Exchange): Analysis {
  if (exchange.hops.length === 0) return { ...base('same-origin'), verdict: 'unknown', dependsOn: 'the record has no request' };
  const mode = requestMode(exchange);
  if (mode === 'navigate' || mode === 'websocket') {
    return base(isCrossOrigin(exchange) ? 'no-cors' : 'same-origin', [{ code: 'not-cors', severity: 'info', header: '', message: `A ${mode === 'navigate' ? 'navigation' : 'WebSocket'} is not subject to CORS.` }]);
  }
  const initiator = initiatorOrigin(exchange);
  if (initiator === null) return { ...base('same-origin'), verdict: 'unknown', dependsOn: 'the origin of the page that made the request was not recorded' };
  if (sentCookiesCrossOrigin(exchange, initiator)) {
    return reconcileWithBrowser(exchange, fromWalk(exchange, walkExchange(exchange, { initiatorOrigin: initiator, mode, withCredentials: true }), 'include', true));
  }
  // Credentials only ever add checks (Fetch §4.9 steps 3 and 5, §4.8 steps 7.5 and 7.7): an
  // exchange that fails without them fails with them too, and only "passes (or cannot be judged)
  // without, fails with" is undecided.
  const omit = walkExchange(exchange, { initiatorOrigin: initiator, mode, withCredentials: false });
  if (omit.failure || omit.corsHops.length === 0) return reconcileWithBrowser(exchange, fromWalk(exchange, omit, 'unknown', false));
  if (!omit.credentialedFailure) return reconcileWithBrowser(exchange, fromWalk(exchange, omit, 'unknown', false));
  // No Cookie went out although the browser holds cookies for that host: not credentialed. Only a
  // request that reached the network says anything by what it did not send.
  if (exchange.cookiesSeenForHost && omit.incomplete === null) {
    return reconcileWithBrowser(exchange, fromWalk(exchange, omit, 'omit-or-same-origin', false));
  }
  const lastHop = exchange.hops[exchange.hops.length - 1];
  if (exchange.browser === 'chromium' && exchange.error === undefined && lastHop?.response) {
    return fromWalk(exchange, omit, 'omit-or-same-origin', false);
  }
  // The failure with credentials is built only here, where the verdict needs it.
  const credentialed = omit.credentialedFailure();
  const include: WalkResult = { ...omit, failure: credentialed.reason, fix: credentialed.fix, incomplete: null };
  // The outcome depends on the credentials mode, which the record does not show. Use the
  // browser's own outcome when it gave one; otherwise say what the verdict depends on.
  if (isCorsError(exchange.error)) return fromWalk(exchange, include, 'include', true);
  const dependsOn = `whether the request was sent with credentials (fetch credentials: 'include', XHR withCredentials). No Cookie header was sent, so the record cannot tell. Without credentials it is allowed; with them it is blocked: ${credentialed.reason.message}`;
  return fromWalk(exchange, include, 'unknown', true, { dependsOn, likely: likelyVerdict(omit, credentialed) });
}
