// What an attacker can do and what to change, per finding code: one table, so the passive audit,
// the probe, the panel and the CLI all say the same thing about the same fault.

import type { WarningSeverity } from '../analysis';
import type { AuditFinding } from './finding';

export type AuditCode =
  // Analyzer warnings (src/core/warnings.ts) the audit lifts, adding attack and fix.
  | 'allow-origin-null'
  | 'allow-origin-without-vary'
  | 'max-age-capped'
  // Found by the audit.
  | 'reflects-any-origin'
  | 'credentials-for-http-origin'
  | 'sensitive-headers-exposed'
  | 'wildcard-with-credentials-attempted'
  // Found only by the active probe.
  | 'prefix-match'
  | 'suffix-match'
  | 'trusts-http-origin'
  | 'trusts-subdomains';

interface Advice {
  readonly attack: string;
  readonly fix: string;
  readonly mdn?: string;
}

const MDN_CORS = 'https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS';
const ALLOW_LIST = 'Compare the Origin header with an exact allow-list of full origins (scheme, host and port) and answer only those.';

export const ADVICE: Readonly<Record<AuditCode, Advice>> = {
  'allow-origin-null': {
    attack: 'Any site can get the origin "null" by making the request from a sandboxed iframe or a data: URL, and then read this response (with the user\'s cookies if credentials are allowed).',
    fix: 'Never allow the origin "null": remove it from the allow-list and answer it without Access-Control-Allow-Origin.',
    mdn: 'https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers/Access-Control-Allow-Origin',
  },
  'allow-origin-without-vary': {
    attack: 'A shared cache (CDN, proxy, browser cache) can store the answer given to one origin and serve it to another: legitimate callers break, or an attacker primes the cache so the victim gets a poisoned response.',
    fix: 'Send Vary: Origin on every response whose Access-Control-Allow-Origin depends on the request\'s Origin, including responses to origins you refuse.',
    mdn: 'https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers/Vary',
  },
  'max-age-capped': {
    attack: 'Not an attack by itself: browsers keep the preflight answer for its whole Max-Age (up to 2 h in Chromium, 24 h in Firefox), so a policy you tighten keeps being honoured by browsers that cached the old one.',
    fix: 'Use an Access-Control-Max-Age of at most 7200 (2 hours), or 600 while the policy is still changing.',
    mdn: 'https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers/Access-Control-Max-Age',
  },
  'reflects-any-origin': {
    attack: 'The server copies whatever Origin it is sent into Access-Control-Allow-Origin: any site the user visits can call this endpoint and read the answer, with the user\'s cookies when credentials are allowed (account data, CSRF tokens).',
    fix: `${ALLOW_LIST} Do not echo the Origin header back unchecked.`,
    mdn: MDN_CORS,
  },
  'credentials-for-http-origin': {
    attack: 'An http: origin is allowed to read credentialed responses of an https: API: anyone on the network path (public Wi-Fi, a hostile proxy) can inject script into the plain-http page and read the user\'s data through it.',
    fix: 'Allow only https: origins on an https: API; drop the http: variant from the allow-list.',
    mdn: MDN_CORS,
  },
  'sensitive-headers-exposed': {
    attack: 'Access-Control-Expose-Headers lets the allowed origin\'s script read headers that carry secrets (tokens, session ids, Authorization); a cross-origin script, or an XSS on any allowed origin, can steal them.',
    fix: 'Expose only the headers the client needs (e.g. Content-Length, ETag, a request id); send tokens in the body to the one client that needs them, and never list Set-Cookie or Authorization.',
    mdn: 'https://developer.mozilla.org/docs/Web/HTTP/Reference/Headers/Access-Control-Expose-Headers',
  },
  'wildcard-with-credentials-attempted': {
    attack: 'Browsers refuse "*" for credentialed requests, so this call fails today. The danger is the usual quick fix, echoing the request\'s Origin with Access-Control-Allow-Credentials: true, which lets every site read the user\'s data.',
    fix: 'If this endpoint must be called with cookies, answer the exact calling origin from an allow-list with Access-Control-Allow-Credentials: true and Vary: Origin; if it is public, call it without credentials.',
    mdn: 'https://developer.mozilla.org/docs/Web/HTTP/Guides/CORS/Errors/CORSNotSupportingCredentials',
  },
  'prefix-match': {
    attack: 'The server accepts any origin that starts with a trusted one: an attacker registers e.g. trusted.example.attacker.example and reads the responses from there.',
    fix: `${ALLOW_LIST} Never use startsWith or an unanchored regular expression on the Origin.`,
    mdn: MDN_CORS,
  },
  'suffix-match': {
    attack: 'The server accepts any origin that ends with a trusted name: an attacker registers e.g. attackertrusted.example and reads the responses from there.',
    fix: `${ALLOW_LIST} Never use endsWith, or a regular expression without a leading "://" or "." anchor, on the Origin.`,
    mdn: MDN_CORS,
  },
  'trusts-http-origin': {
    attack: 'The plain-http version of a trusted origin is accepted: anyone on the network path can inject script into it and use it to read this API\'s responses.',
    fix: 'Allow only the https: origins; drop the http: variants from the allow-list.',
    mdn: MDN_CORS,
  },
  'trusts-subdomains': {
    attack: 'Every subdomain of the trusted site is accepted: an XSS, a subdomain takeover or user-hosted content on any one of them is enough to read this API\'s responses.',
    fix: 'List the exact subdomains that need access instead of matching all of them.',
    mdn: MDN_CORS,
  },
};

/** Severity of an "untrusted origin accepted" fault: it is serious only when credentials come along. */
export function trustSeverity(credentials: boolean, weak = false): WarningSeverity {
  if (weak) return credentials ? 'medium' : 'info';
  return credentials ? 'high' : 'low';
}

export function finding(code: AuditCode, severity: WarningSeverity, message: string, header: string, source: AuditFinding['source']): AuditFinding {
  const advice = ADVICE[code];
  return { code, severity, message, header, attack: advice.attack, fix: advice.fix, source, ...(advice.mdn ? { mdn: advice.mdn } : {}) };
}

export function isAuditCode(code: string): code is AuditCode {
  return Object.hasOwn(ADVICE, code);
}
