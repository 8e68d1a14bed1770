// What passes today but is fragile or risky. Each warning names the header it is about.

import type { Warning } from './analysis';
import { normalizeMethod } from './fetch/methods';
import { includesName } from './fetch/preflight-check';
import { parseTokenList } from './fetch/token-list';
import type { WalkResult } from './exchange-walk';
import { getHeader, lowerCaseName, splitList } from './headers';
import type { Exchange } from './model';

/** Chromium caps Access-Control-Max-Age at 2 hours (kMaxPreflightCacheTime), Firefox at 24 hours. */
const CHROMIUM_MAX_AGE = 7200;
const SCRIPTED = new Set(['xmlhttprequest', 'xhr', 'fetch']);
const NO_NAMES: readonly string[] = Object.freeze([]);

export interface WarningInput {
  readonly exchange: Exchange;
  readonly walk: WalkResult;
  readonly withCredentials: boolean;
}

/** `Vary` lists `Origin` (or `*`), case-insensitively. */
export function variesByOrigin(vary: string | null): boolean {
  return vary !== null && splitList(vary).some((v) => v === '*' || lowerCaseName(v) === 'origin');
}

function corsResponseWarnings({ exchange, walk }: WarningInput, out: Warning[]): void {
  for (const i of walk.corsHops) {
    const response = exchange.hops[i]?.response;
    if (!response) continue;
    const acao = getHeader(response.headers, 'Access-Control-Allow-Origin');
    if (acao === 'null') {
      out.push({ code: 'allow-origin-null', severity: 'high', header: 'Access-Control-Allow-Origin',
        message: 'Access-Control-Allow-Origin: null is granted to sandboxed iframes and data: URLs of any site; an attacker can read this response from one.' });
    } else if (acao !== null && acao !== '*') {
      if (!variesByOrigin(getHeader(response.headers, 'Vary'))) {
        // Only a risk when the value is chosen per request (a single fixed origin needs no Vary),
        // which one exchange cannot show: low, unless credentials ride on it (then the audit
        // in src/core/audit weighs it across exchanges).
        out.push({ code: 'allow-origin-without-vary', severity: 'low', header: 'Vary',
          message: `The response names one origin (${acao}) but has no Vary: Origin. If the server picks this value from the request's Origin, a shared cache may serve it to another origin and break CORS there (Fetch §3.2.5).` });
      }
    }
  }
}

function preflightWarnings({ exchange, withCredentials }: WarningInput, out: Warning[]): void {
  for (const preflight of exchange.preflights) {
    const headers = preflight.response?.headers;
    if (!headers) continue;
    const requested = splitList(getHeader(preflight.request.headers, 'Access-Control-Request-Headers') ?? '');
    const allowed = parseTokenList(getHeader(headers, 'Access-Control-Allow-Headers'));
    const allowedNames = allowed.ok ? allowed.items : NO_NAMES;
    if (!withCredentials && includesName(requested, 'authorization') && allowedNames.includes('*') && !includesName(allowedNames, 'authorization')) {
      out.push({ code: 'authorization-via-wildcard', severity: 'medium', header: 'Access-Control-Allow-Headers',
        message: 'Authorization is allowed only through Access-Control-Allow-Headers: *. Chromium and Firefox accept that today, but the Fetch standard says * never covers Authorization (§4.8, CORS non-wildcard request-header name): list Authorization explicitly.' });
    }
    const methods = parseTokenList(getHeader(headers, 'Access-Control-Allow-Methods'));
    if (withCredentials && ((methods.ok && methods.items.includes('*')) || allowedNames.includes('*'))) {
      out.push({ code: 'wildcard-taken-literally', severity: 'low', header: 'Access-Control-Allow-Headers',
        message: 'With credentials, * in Access-Control-Allow-Methods or -Headers means the literal name "*", not "everything".' });
    }
    const maxAge = Number(getHeader(headers, 'Access-Control-Max-Age'));
    if (Number.isFinite(maxAge) && maxAge > CHROMIUM_MAX_AGE) {
      out.push({ code: 'max-age-capped', severity: 'info', header: 'Access-Control-Max-Age',
        message: `Access-Control-Max-Age is ${maxAge} s; Chromium caches preflights for at most 7200 s and Firefox for 86400 s.` });
    }
  }
}

function requestWarnings({ exchange, walk }: WarningInput, out: Warning[]): void {
  const method = exchange.hops[0]?.request.method ?? '';
  if (method !== method.toUpperCase() && normalizeMethod(method) === method) {
    out.push({ code: 'method-not-upper-case', severity: 'low', header: 'Access-Control-Allow-Methods',
      message: `fetch() sends "${method}" exactly as written (it upper-cases only DELETE, GET, HEAD, OPTIONS, POST and PUT), and Access-Control-Allow-Methods and many servers compare methods case-sensitively: send "${method.toUpperCase()}".` });
  }
  if (walk.preflightNotRecorded) {
    out.push({ code: 'preflight-not-recorded', severity: 'info', header: '',
      message: exchange.recorder === 'playwright'
        ? "This request needed a preflight, but Playwright's HAR records no preflights, so its answer cannot be checked here."
        : 'This request needed a preflight, but none was recorded: it was most likely answered from the preflight cache (Access-Control-Max-Age).' });
  }
  if (walk.type === 'no-cors' && SCRIPTED.has(exchange.resourceType ?? '')) {
    out.push({ code: 'opaque-response', severity: 'info', header: '',
      message: "This was a no-cors request: nothing is blocked, but the response is opaque and script cannot read its status, headers or body. Use mode 'cors' to read it." });
  }
}

/** Shared by every analysis without warnings (frozen: nothing may add to it). */
export const NO_WARNINGS: readonly Warning[] = Object.freeze([]);

export function collectWarnings(input: WarningInput): readonly Warning[] {
  const out: Warning[] = [];
  corsResponseWarnings(input, out);
  preflightWarnings(input, out);
  requestWarnings(input, out);
  return out.length > 0 ? out : NO_WARNINGS;
}
